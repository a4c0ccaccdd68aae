"""`/topup` and the menu's Top up button: preset amounts, a typed amount, the Stars invoice.

Top-ups happen in private chats only, like everything about a balance.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, User

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import Amounts
from bot.settings import Settings
from bot.stars import StarInvoices, credit_for, parse_stars, preset_amounts, rate_money
from bot.telegram.callbacks import MenuCb, TopupCb
from bot.telegram.keyboards import main_menu, topup_amounts, topup_typing

PRIVATE = F.chat.type == "private"


class TopupForm(StatesGroup):
    amount = State()


def _bounds(settings: Settings) -> dict[str, int]:
    # Grouped as the language writes numbers ("1 000"): typed back, `/topup 1 000` counts too.
    return {"min": settings.topup_min_stars, "max": settings.topup_max_stars}


async def _offer(
    bot: Bot, chat_id: int, settings: Settings, catalogue: Catalogue, amounts: Amounts, t: Texts
) -> None:
    presets = [(stars, amounts(credit_for(stars, settings))) for stars in preset_amounts(settings)]
    await bot.send_message(
        chat_id,
        t("topup-choose", rate=rate_money(settings, catalogue.currency), **_bounds(settings)),
        reply_markup=topup_amounts(t, presets),
    )


async def _invoice(
    bot: Bot, invoices: StarInvoices, t: Texts, chat_id: int, user: User, stars: int
) -> None:
    if not await invoices.send(bot, t, chat_id, user.id, stars):
        await bot.send_message(chat_id, t("topup-invoice-failed"))


async def topup_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    event_from_user: User,
    invoices: StarInvoices,
    settings: Settings,
    catalogue: Catalogue,
    amounts: Amounts,
    t: Texts,
) -> None:
    if command.args is None:
        await _offer(bot, message.chat.id, settings, catalogue, amounts, t)
        return
    stars = parse_stars(command.args, settings)
    if stars is None:
        await message.answer(t("topup-bad-amount", **_bounds(settings)))
        return
    await _invoice(bot, invoices, t, message.chat.id, event_from_user, stars)


async def topup_elsewhere(message: Message, t: Texts) -> None:
    await message.answer(t("private-only"))


async def topup_button(
    query: CallbackQuery,
    bot: Bot,
    settings: Settings,
    catalogue: Catalogue,
    amounts: Amounts,
    t: Texts,
) -> None:
    await query.answer()
    if query.message is not None:
        await _offer(bot, query.message.chat.id, settings, catalogue, amounts, t)


async def preset_chosen(
    query: CallbackQuery,
    callback_data: TopupCb,
    bot: Bot,
    invoices: StarInvoices,
    settings: Settings,
    t: Texts,
) -> None:
    # A button sent before the bounds changed may offer an amount no longer allowed.
    stars = parse_stars(str(callback_data.stars), settings)
    if stars is None:
        await query.answer(t("topup-bad-amount", **_bounds(settings)), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await _invoice(bot, invoices, t, query.message.chat.id, query.from_user, stars)


async def other_amount(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    settings: Settings,
    amounts: Amounts,
    t: Texts,
) -> None:
    await query.answer()
    await state.set_state(TopupForm.amount)
    if query.message is not None:
        # Stars are typed, but the money they buy is what the customer thinks in.
        worth = t(
            "topup-bounds-worth",
            min_amount=amounts(credit_for(settings.topup_min_stars, settings)),
            max_amount=amounts(credit_for(settings.topup_max_stars, settings)),
            **_bounds(settings),
        )
        await bot.send_message(
            query.message.chat.id,
            f"{t('topup-type-amount', **_bounds(settings))}\n{worth}",
            reply_markup=topup_typing(t),
        )


async def amount_typed(
    message: Message,
    bot: Bot,
    state: FSMContext,
    event_from_user: User,
    invoices: StarInvoices,
    settings: Settings,
    t: Texts,
) -> None:
    stars = parse_stars(message.text, settings)
    if stars is None:
        # Still waiting for an amount: the customer tries again or taps Cancel.
        await message.answer(
            t("topup-bad-amount", **_bounds(settings)), reply_markup=topup_typing(t)
        )
        return
    await state.clear()
    await _invoice(bot, invoices, t, message.chat.id, event_from_user, stars)


async def cancel_command(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("topup-cancelled"), reply_markup=main_menu(t))


async def typing_cancelled(query: CallbackQuery, state: FSMContext, t: Texts) -> None:
    # Only the amount prompt is left: a Cancel tapped on an old prompt must not end some
    # other conversation the customer has started since.
    if await state.get_state() == TopupForm.amount.state:
        await state.clear()
    await query.answer(t("topup-cancelled"))


def create_router() -> Router:
    router = Router(name="topup")
    router.message.register(topup_command, Command("topup"), PRIVATE)
    router.message.register(topup_elsewhere, Command("topup"))
    # Ahead of the order router's /cancel, which would speak of an order.
    router.message.register(cancel_command, Command("cancel"), TopupForm.amount)
    # Other commands go on to their own handlers; anything else is the amount, good or bad.
    router.message.register(amount_typed, TopupForm.amount, PRIVATE, ~F.text.startswith("/"))
    router.callback_query.register(topup_button, MenuCb.filter(F.action == "topup"))
    router.callback_query.register(preset_chosen, TopupCb.filter(F.action == "pay"))
    router.callback_query.register(other_amount, TopupCb.filter(F.action == "type"))
    router.callback_query.register(typing_cancelled, TopupCb.filter(F.action == "cancel"))
    return router
