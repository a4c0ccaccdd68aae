"""`/referral` and the menu's button: the customer's referral link, how many customers
joined through it and what it earned. The link itself is read by `/start`
(`handlers.customer.start`); the share is credited with each top-up
(`bot.storage.referrals`)."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Texts
from bot.money import Amounts
from bot.settings import Settings
from bot.storage import ReferralsRepo
from bot.storage.referrals import referral_link
from bot.telegram.callbacks import MenuCb
from bot.telegram.keyboards import next_steps


async def _referral_text(
    bot: Bot, user: User, settings: Settings, referrals: ReferralsRepo, amounts: Amounts, t: Texts
) -> str:
    if not settings.referrals_on:
        return t("referral-off")
    me = await bot.me()
    stats = await referrals.stats(user.id)
    return t(
        "referral",
        link=referral_link(me.username or "", user.id),
        # Written the reader's way: 2.5 in English, 2,5 in Russian and Uzbek.
        percent=settings.referral_percent.normalize(),
        joined=stats.joined,
        earned=amounts(stats.earned),
    )


async def referral_command(
    message: Message,
    bot: Bot,
    event_from_user: User,
    settings: Settings,
    referrals: ReferralsRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    text = await _referral_text(bot, event_from_user, settings, referrals, amounts, t)
    await message.answer(text, reply_markup=next_steps(t, "balance", "order"))


async def referral_button(
    query: CallbackQuery,
    bot: Bot,
    settings: Settings,
    referrals: ReferralsRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    await query.answer()
    if query.message is not None:
        text = await _referral_text(bot, query.from_user, settings, referrals, amounts, t)
        await query.message.answer(text, reply_markup=next_steps(t, "balance", "order"))


async def referral_elsewhere(message: Message, t: Texts) -> None:
    await message.answer(t("private-only"))


def create_router() -> Router:
    router = Router(name="referral")
    router.message.register(referral_command, Command("referral"), F.chat.type == "private")
    router.message.register(referral_elsewhere, Command("referral"))
    router.callback_query.register(referral_button, MenuCb.filter(F.action == "referral"))
    return router
