"""Per-update work: updates from impossible ids are dropped; which language to answer in;
commands end a half-done conversation."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.fsm.context import FSMContext
from aiogram.types import Chat, Message, TelegramObject, Update, User

from bot.i18n import Translator, pick_locale
from bot.settings import Locale
from bot.storage import Known, Profile, UsersRepo

log = logging.getLogger(__name__)

INT64_MAX = 2**63 - 1


class ImpossibleIds(BaseMiddleware):
    """Drops updates from ids Telegram never issues: a user id of 0 or below, or a user or
    chat id past 64 bits. Only a forged update carries one, and SQLite cannot even look it
    up (it raises OverflowError), so nothing after this middleware has to cope.

    Registered on `dp.update` (outer), after aiogram's own middleware that finds the user
    and chat of every kind of update.
    """

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        chat: Chat | None = data.get("event_chat")
        if (user is not None and not 0 < user.id <= INT64_MAX) or (
            chat is not None and not -INT64_MAX <= chat.id <= INT64_MAX
        ):
            update_id = event.update_id if isinstance(event, Update) else None
            log.debug("update %s dropped: impossible user or chat id", update_id)
            return None
        return await handler(event, data)


class LocaleMiddleware(BaseMiddleware):
    """Puts `locale` and `t` (that language's texts) into every handler's data.

    Registered on `dp.update` (outer), so it runs for every kind of update: messages,
    callbacks, inline queries and payments alike.
    """

    def __init__(self, translator: Translator, users: UsersRepo, default: Locale) -> None:
        self.translator = translator
        self.users = users
        self.default = default

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        user: User | None = data.get("event_from_user")
        if user is None:
            return await self._handle(handler, event, data, None, None)
        # Remembered by the repo: no query unless the user's row changed.
        record = await self.users.known(user.id)
        result = await self._handle(handler, event, data, record, user.language_code)
        # Notifications go out later, outside any update: remember the language Telegram
        # reports for customers who never chose one, and the name admins know them by
        # (written only when it changes; a user first seen in this update, e.g. by /start,
        # has a row only after the handler).
        if record is None:
            record = await self.users.known(user.id)
        profile = Profile(user.language_code, user.first_name, user.username)
        if record is not None and profile.differs(record.profile):
            await self.users.remember(user.id, profile)
        return result

    async def _handle(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
        record: Known | None,
        code: str | None,
    ) -> Any:
        locale = pick_locale(record.language if record else None, code, self.default)
        data["locale"] = locale
        data["t"] = self.translator.texts(locale)
        return await handler(event, data)


class CommandEndsConversation(BaseMiddleware):
    """A command typed mid-conversation (`/orders`, `/balance`, `/start`...) leaves no
    half-done order behind; `/cancel` clears it itself, saying so."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        state: FSMContext | None = data.get("state")
        text = event.text if isinstance(event, Message) else None
        if state is not None and text and text.startswith("/"):
            command = text[1:].split(maxsplit=1)[0].split("@")[0].lower() if len(text) > 1 else ""
            if command != "cancel" and await state.get_state() is not None:
                await state.clear()
                # State filters read this, not the storage: without it a handler of the
                # old step (the order's typed answers) would still take the command.
                data["raw_state"] = None
        return await handler(event, data)
