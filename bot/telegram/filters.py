"""Filters shared by routers."""

from __future__ import annotations

from aiogram.filters import Filter
from aiogram.types import TelegramObject, User

from bot.settings import Settings


class IsAdmin(Filter):
    """The update comes from one of `ADMIN_IDS`.

    Put once on a router (`router.message.filter(IsAdmin())`): for anyone else its commands
    fall through to the fallback and answer exactly as an unknown command does.
    """

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids
