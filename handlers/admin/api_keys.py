"""`/apikey USER_ID on|off`: an admin switches a customer's API key off, or on again.

A key switched off answers `Invalid API key` to every request and stays off under a new key
(`/api new` makes none while it is off), so only an admin brings it back.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.i18n import Texts
from bot.storage import ApiKeysRepo
from bot.validation import parse_whole_number


async def switch_key(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    api_keys: ApiKeysRepo,
    t: Texts,
) -> None:
    args = (command.args or "").lower().split()
    user_id = parse_whole_number(args[0]) if len(args) == 2 else None
    if user_id is None or args[1] not in ("on", "off"):
        await message.answer(t("admin-apikey-usage"))
        return
    how = args[1]
    if not await api_keys.switch(user_id, how == "on", event_from_user.id):
        await message.answer(t("admin-apikey-none", user=str(user_id)))
        return
    await message.answer(t(f"admin-apikey-{how}", user=str(user_id)))


def create_router() -> Router:
    router = Router(name="admin-api-keys")
    router.message.register(switch_key, Command("apikey"))
    return router
