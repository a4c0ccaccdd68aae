"""`/balance` for customers: what they have, and how to top up."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message, User

from bot.balance import balance_text
from bot.i18n import Texts
from bot.money import Amounts
from bot.settings import Settings
from bot.storage import UsersRepo
from bot.telegram.callbacks import MenuCb
from bot.telegram.keyboards import next_steps


async def balance_command(
    message: Message,
    event_from_user: User,
    users: UsersRepo,
    amounts: Amounts,
    settings: Settings,
    t: Texts,
) -> None:
    text = await balance_text(event_from_user, users, amounts, settings, t)
    await message.answer(text, reply_markup=next_steps(t, "topup", "order"))


async def balance_button(
    query: CallbackQuery, users: UsersRepo, amounts: Amounts, settings: Settings, t: Texts
) -> None:
    await query.answer()
    if query.message is not None:
        text = await balance_text(query.from_user, users, amounts, settings, t)
        await query.message.answer(text, reply_markup=next_steps(t, "topup", "order"))


def create_router() -> Router:
    router = Router(name="balance")
    router.message.register(balance_command, Command("balance"), F.chat.type == "private")
    router.callback_query.register(balance_button, MenuCb.filter(F.action == "balance"))
    return router
