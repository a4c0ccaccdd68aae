"""Backups on a schedule and old outbox rows pruned: the chores of a long-running bot."""

from __future__ import annotations

import logging
import time

from aiogram import Bot

from bot.background import Background
from bot.storage import OutboxRepo, utcnow
from bot.storage.backup import Backups

log = logging.getLogger(__name__)

# How often old outbox rows are looked for when no backup schedule sets the pace.
PRUNE_EVERY = 3600.0


class Housekeeping(Background):
    name = "housekeeping"

    def __init__(
        self, *, backups: Backups, outbox: OutboxRepo, interval: float, outbox_keep_days: float
    ) -> None:
        super().__init__()
        self.backups = backups
        self._outbox = outbox
        self.interval = interval  # 0: no scheduled backups
        self._keep = outbox_keep_days * 86400

    def backup_due_in(self) -> float:
        """Seconds until the next backup: at once when the latest is older than the interval,
        so a bot restarted more often than that still gets its backups."""
        latest = self.backups.latest()
        if latest is None:
            return 0.0
        return max(0.0, latest.stat().st_mtime + self.interval - time.time())

    async def run_once(self, bot: Bot) -> None:
        if self.interval and not self.backup_due_in():
            try:
                path = await self.backups.take()
            except Exception:  # a failed backup must not stop the next one
                log.exception("backup failed")
            else:
                log.info("backup written: %s", path.name)
        before = utcnow(after=-self._keep)
        if pruned := await self._outbox.prune(before):
            log.info("pruned %d old outbox row(s)", pruned)

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            try:
                await self.run_once(bot)
            except Exception:  # the loop must outlive any one pass's bug
                log.exception("housekeeping failed")
            pause = min(self.backup_due_in(), PRUNE_EVERY) if self.interval else PRUNE_EVERY
            await self._pause(max(pause, 1.0))
