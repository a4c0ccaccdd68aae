"""Per-update work: updates from impossible ids are dropped; which language to answer in;
commands end a half-done conversation."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.fsm.context import FSMContext
from aiogram.types import Chat, Message, TelegramObject, Update, User
from aiogram.types.update import UpdateTypeLookupError

from bot.i18n import Translator, pick_locale
from bot.settings import Locale
from bot.storage import Known, Profile, UsersRepo

log = logging.getLogger(__name__)

INT64_MAX = 2**63 - 1


class UnknownUpdates(BaseMiddleware):
    """Skips an update of a kind this aiogram does not know (one Telegram added later),
    saying so once per kind at WARNING: nothing downstream could read its event.

    Registered first on `dp.update` (outer): the middlewares after it read the event's kind.
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        try:
            event.event_type  # noqa: B018  # raises for a kind aiogram does not know
        except UpdateTypeLookupError:
            kind = ",".join(sorted(event.model_extra or {})) or "empty"
            if kind not in self._seen:
                self._seen.add(kind)
                log.warning("updates of unknown kind %r skipped (a newer aiogram reads them)", kind)
            return None
        return await handler(event, data)


class ImpossibleIds(BaseMiddleware):
    """Drops updates from ids Telegram never issues: a user id of 0 or below, or a user or
    chat id past 64 bits. Only a forged update carries one, and SQLite cannot even look it
    up (it raises OverflowError), so nothing after this middleware has to cope; a query that
    waits for an answer (a tap, a checkout, an inline query) still gets a neutral one, so
    nothing is left spinning.

    Registered on `dp.update` (outer), after aiogram's own middleware that finds the user
    and chat of every kind of update.
    """

    def __init__(self, translator: Translator, default: Locale) -> None:
        self.translator = translator
        self.default = default

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
            if isinstance(event, Update):
                await self._answer(event, user)
            return None
        return await handler(event, data)

    async def _answer(self, update: Update, user: User | None) -> None:
        try:
            await self._answer_query(update, user)
        except (TelegramAPIError, TelegramNetworkError) as refused:
            # Forged, so Telegram may well not know the query: nothing more to do.
            log.debug("update %s: no answer for its query: %s", update.update_id, refused)

    async def _answer_query(self, update: Update, user: User | None) -> None:
        if update.callback_query is not None:
            await update.callback_query.answer()
        elif update.pre_checkout_query is not None:
            # No invoice can be for this id: the shop never made one for it.
            t = self.translator.texts(
                pick_locale(None, user.language_code if user else None, self.default)
            )
            await update.pre_checkout_query.answer(ok=False, error_message=t("checkout-unknown"))
        elif update.inline_query is not None:
            await update.inline_query.answer([], cache_time=0, is_personal=True)


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
            # `/` alone or followed by spaces names no command at all.
            words = text[1:].split(maxsplit=1)
            command = words[0].split("@")[0].lower() if words else ""
            if command != "cancel" and await state.get_state() is not None:
                await state.clear()
                # State filters read this, not the storage: without it a handler of the
                # old step (the order's typed answers) would still take the command.
                data["raw_state"] = None
        return await handler(event, data)
