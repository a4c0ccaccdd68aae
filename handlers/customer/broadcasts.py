"""The button under each broadcast: a customer turns broadcasts off (and back on)."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.storage import UsersRepo
from bot.telegram.callbacks import BroadcastsOffCb


def _turn_on(t: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("broadcast-on"), callback_data=BroadcastsOffCb(off=False))
    return builder.as_markup()


async def switched(
    query: CallbackQuery,
    callback_data: BroadcastsOffCb,
    event_from_user: User,
    users: UsersRepo,
    t: Texts,
) -> None:
    await users.set_broadcasts(event_from_user.id, not callback_data.off)
    await query.answer(t("broadcasts-off" if callback_data.off else "broadcasts-on"))
    if isinstance(query.message, Message):
        # The broadcast stays as it was; only its button changes.
        markup = _turn_on(t) if callback_data.off else None
        await query.message.edit_reply_markup(reply_markup=markup)


def create_router() -> Router:
    router = Router(name="broadcasts")
    router.callback_query.register(switched, BroadcastsOffCb.filter())
    return router
