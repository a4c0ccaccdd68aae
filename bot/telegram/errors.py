"""The dispatcher's last line: whatever a handler did not expect.

Forged input is refused where it is parsed; this catches the rest. The update is logged
once, by kind and id only (its contents may be a customer's private text), the person
hears a short "try again" in their language and nothing is left spinning, and the admins
are told once per kind of error per hour, so a failure repeated by every customer is one
alert, not a flood.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any, Protocol

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import ErrorEvent, Update

from bot.i18n import Arg, Texts, Translator
from bot.settings import Locale

log = logging.getLogger(__name__)

ALERT_EVERY = 3600.0


def update_kind(update: Update) -> str:
    """`message`, `callback_query`...: what kind of update this is, nothing of its contents."""
    for name in Update.model_fields:
        if name != "update_id" and getattr(update, name, None) is not None:
            return name
    return "unknown"


class AdminAlerts(Protocol):
    """Tells the shop's admins (`bot.notify.alerts.Alerts`, handed in at the composition
    root: the plumbing knows no feature)."""

    async def send(self, bot: Bot, key: str, /, **args: Arg) -> int: ...


class UpdateErrors:
    def __init__(
        self,
        alerts: AdminAlerts,
        translator: Translator,
        default_locale: Locale,
        *,
        every: float = ALERT_EVERY,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._alerts = alerts
        self._translator = translator
        self._default = default_locale
        self._every = every
        self._clock = clock
        self._alerted: dict[str, float] = {}

    def register(self, dp: Dispatcher) -> None:
        dp.errors.register(self.handle)

    async def handle(self, event: ErrorEvent, bot: Bot, **data: Any) -> bool:
        """Always True: the update counts as handled, so aiogram logs no second traceback."""
        update = event.update
        kind = update_kind(update)
        error = type(event.exception).__qualname__
        log.error(
            "%s update %s failed with %s", kind, update.update_id, error, exc_info=event.exception
        )
        texts: Texts = data.get("t") or self._translator.texts(self._default)
        try:
            await self._answer(bot, update, texts("error-try-again"))
        except (TelegramAPIError, TelegramNetworkError) as failure:
            log.warning("could not tell the user of update %s: %s", update.update_id, failure)
        if self._due(error):
            await self._alerts.send(bot, "alert-update-failed", update=kind, error=error)
        return True

    def _due(self, error: str) -> bool:
        now = self._clock()
        last = self._alerted.get(error)
        if last is not None and now - last < self._every:
            return False
        self._alerted[error] = now
        return True

    @staticmethod
    async def _answer(bot: Bot, update: Update, text: str) -> None:
        """Whatever this kind of update needs so nothing waits: a tap answered, a checkout
        refused, an inline query given no results, a message replied to."""
        if update.callback_query is not None:
            # The handler may have answered already; Telegram then refuses a second answer,
            # and a message says it instead.
            try:
                await bot.answer_callback_query(update.callback_query.id, text, show_alert=True)
            except TelegramAPIError:
                await bot.send_message(update.callback_query.from_user.id, text)
        elif update.pre_checkout_query is not None:
            query = update.pre_checkout_query
            await bot.answer_pre_checkout_query(query.id, ok=False, error_message=text)
        elif update.inline_query is not None:
            query_id = update.inline_query.id
            await bot.answer_inline_query(query_id, [], cache_time=0, is_personal=True)
        elif (message := update.message or update.edited_message) is not None:
            await bot.send_message(message.chat.id, text)
