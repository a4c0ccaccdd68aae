"""`/backup`: a fresh online backup of the database, sent to the asking admin.

Only in the admin's private chat (the admin router's filter): the file holds every
customer's balance and orders.
"""

from __future__ import annotations

import logging

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import FSInputFile, Message

from bot.i18n import Texts
from bot.storage.backup import Backups

log = logging.getLogger(__name__)


async def backup(message: Message, backups: Backups, t: Texts) -> None:
    try:
        path = await backups.take()
    except Exception as error:  # a full disk or a bad copy: the admin hears why
        log.exception("backup for an admin failed")
        await message.answer(t("admin-backup-failed", error=type(error).__name__))
        return
    await message.answer_document(FSInputFile(path), caption=t("admin-backup-sent", name=path.name))


def create_router() -> Router:
    router = Router(name="admin-backup")
    router.message.register(backup, Command("backup"))
    return router
