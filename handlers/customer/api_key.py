"""`/api`: a customer's key for the shop's own API v2 and where to send it.

Only the key's SHA-256 is kept (`bot/storage/api_keys.py`), so a key is shown in full once,
when it is made; afterwards `/api` shows its last characters and how to get a new one.
`/api new` replaces it (the old one stops at once); `/api notify on|off` says whether the
customer hears about orders placed through the API. A key an admin switched off stays off:
a new one would be off too, so none is made.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.i18n import Html, Texts
from bot.settings import Settings
from bot.storage import ApiKey, ApiKeysRepo, UsersRepo
from bot.storage.db import parse_time


async def api_command(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    settings: Settings,
    users: UsersRepo,
    api_keys: ApiKeysRepo,
    t: Texts,
) -> None:
    if not settings.api_enabled:
        await message.answer(t("api-off"))
        return
    user_id = event_from_user.id
    match (command.args or "").lower().split():
        case []:
            key = await api_keys.get(user_id)
            if key is None:
                await _issue(message, user_id, None, settings, users, api_keys, t)
            elif not key.enabled:
                await message.answer(t("api-key-off", hint=key.hint))
            else:
                await message.answer(key_state(t, key, settings.api_endpoint))
        case ["new"]:
            key = await api_keys.get(user_id)
            if key is not None and not key.enabled:
                await message.answer(t("api-key-off", hint=key.hint))
            else:
                await _issue(message, user_id, key, settings, users, api_keys, t)
        case ["notify", "on" | "off" as how]:
            if await api_keys.set_notify(user_id, how == "on"):
                await message.answer(t(f"api-notify-set-{how}"))
            else:
                await message.answer(t("api-none-yet"))
        case _:
            await message.answer(t("api-usage"))


async def _issue(
    message: Message,
    user_id: int,
    old: ApiKey | None,
    settings: Settings,
    users: UsersRepo,
    api_keys: ApiKeysRepo,
    t: Texts,
) -> None:
    await users.ensure(user_id)
    key = await api_keys.issue(user_id)
    text = t("api-key-new", key=key, endpoint=settings.api_endpoint)
    if old is not None:
        text += "\n\n" + t("api-key-replaced")
    await message.answer(text)


def key_state(t: Texts, key: ApiKey, endpoint: str) -> str:
    """What `/api` says of a key made before: its last characters, never the key."""
    used = (
        t("api-key-used", when=parse_time(key.last_used_at))
        if key.last_used_at is not None
        else t("api-key-unused")
    )
    return t(
        "api-key",
        hint=key.hint,
        made=parse_time(key.created_at),
        used=Html(used),
        endpoint=endpoint,
        notify=Html(t("api-notify-is-on" if key.notify else "api-notify-is-off")),
    )


def create_router() -> Router:
    router = Router(name="api-key")
    # A key is never shown where others read: groups get the fallback's private-only answer.
    router.message.register(api_command, Command("api"), F.chat.type == "private")
    return router
