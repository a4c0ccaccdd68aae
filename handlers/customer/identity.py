"""`/id`: anyone's Telegram id, in any chat. A reseller needs theirs for `ADMIN_IDS`."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message, User

from bot.i18n import Texts


async def my_id(message: Message, event_from_user: User, t: Texts) -> None:
    await message.answer(t("your-id", id=str(event_from_user.id)))


def create_router() -> Router:
    router = Router(name="identity")
    router.message.register(my_id, Command("id"))
    return router
