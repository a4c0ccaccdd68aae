"""Messages to the shop's admins, each in the admin's own language.

Best effort: an admin who never opened the bot (or blocked it) cannot be written to, and
that must never break the customer's flow that raised the alert.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError

from bot.i18n import Arg, Texts, Translator, pick_locale
from bot.settings import Settings
from bot.storage import UsersRepo

log = logging.getLogger(__name__)


class Alerts:
    def __init__(self, settings: Settings, users: UsersRepo, translator: Translator) -> None:
        self._admins = sorted(settings.admin_ids)
        self._default = settings.default_locale
        self._users = users
        self._translator = translator

    async def texts_for(self, admin_id: int) -> Texts:
        """The texts of the admin's language: the one they chose, else their Telegram's."""
        user = await self._users.get(admin_id)
        locale = (
            pick_locale(user.language, user.telegram_language, self._default)
            if user
            else self._default
        )
        return self._translator.texts(locale)

    @property
    def admins(self) -> list[int]:
        return list(self._admins)

    async def send(self, bot: Bot, key: str, /, **args: Arg) -> int:
        """Send message `key` to every admin; returns how many got it."""
        return await self.send_composed(bot, key, lambda t: t(key, **args))

    async def send_composed(self, bot: Bot, key: str, compose: Callable[[Texts], str]) -> int:
        """Send each admin the text `compose` writes in their language (`key` names it in
        logs); returns how many got it."""
        delivered = 0
        for admin_id in self._admins:
            text = compose(await self.texts_for(admin_id))
            try:
                await bot.send_message(admin_id, text)
            except (TelegramAPIError, TelegramNetworkError) as error:
                log.warning("alert %s to admin %s failed: %s", key, admin_id, error)
            else:
                delivered += 1
        if not self._admins:
            log.warning("alert %s: no ADMIN_IDS set, nobody to tell", key)
        return delivered
