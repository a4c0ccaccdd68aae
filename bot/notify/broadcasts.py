"""How far each broadcast has got, shown to the admin who sent it: one message edited as
copies go out, and the final counts (sent, blocked, failed) once nothing is pending.

Read from the outbox, so it survives restarts: a broadcast still sending after one is
picked up again, and `finish()` lets exactly one report the final counts.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError

from bot.background import Background
from bot.notify.alerts import Alerts
from bot.storage import Broadcast, BroadcastsRepo
from bot.telegram.replies import edit_in_place

log = logging.getLogger(__name__)

# Seconds between progress updates: edits are messages too, and count against the limits.
PROGRESS_EVERY = 5.0
# With nothing sending, look again this often anyway (a new broadcast also wakes it).
IDLE = 60.0


class BroadcastProgress(Background):
    name = "broadcast progress"

    def __init__(
        self, broadcasts: BroadcastsRepo, alerts: Alerts, every: float = PROGRESS_EVERY
    ) -> None:
        super().__init__()
        self._broadcasts = broadcasts
        self._alerts = alerts  # for the admin's language
        self.every = every
        # What each broadcast's progress message shows: edited only when its text would
        # change (an edit to the same text is refused, and counts against the limits).
        self._shown: dict[int, str] = {}

    def shown(self, broadcast_id: int, text: str) -> None:
        """The progress message shows `text` now (as the admin's Send left it)."""
        self._shown[broadcast_id] = text

    async def run_once(self, bot: Bot) -> int:
        """Report on every broadcast still sending; how many are."""
        sending = await self._broadcasts.sending()
        for broadcast in sending:
            await self._report(bot, broadcast)
        return len(sending)

    async def _report(self, bot: Bot, broadcast: Broadcast) -> None:
        progress = await self._broadcasts.progress(broadcast.id)
        t = await self._alerts.texts_for(broadcast.admin_id)
        values = progress.values(broadcast.id, broadcast.recipients)
        try:
            if progress.pending:
                await self._edit(bot, broadcast, t("broadcast-progress", **values))
            elif await self._broadcasts.finish(broadcast.id):
                # The progress message ends at the final counts, not where the last edit
                # left it; the report comes as a message of its own, which notifies.
                await self._edit(bot, broadcast, t("broadcast-progress-final", **values))
                await bot.send_message(broadcast.admin_id, t("broadcast-done", **values))
                self._shown.pop(broadcast.id, None)
        except (TelegramAPIError, TelegramNetworkError) as error:
            # A deleted progress message, a network error: the next report tries again.
            log.warning("broadcast %d progress not shown: %s", broadcast.id, error)

    async def _edit(self, bot: Bot, broadcast: Broadcast, text: str) -> None:
        message_id = broadcast.progress_message_id
        if message_id is None or self._shown.get(broadcast.id) == text:
            return
        try:
            await edit_in_place(bot, broadcast.admin_id, message_id, text)
        except (TelegramAPIError, TelegramNetworkError) as error:
            log.info("broadcast %d progress message not edited: %s", broadcast.id, error)
            return
        self._shown[broadcast.id] = text

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            try:
                sending = await self.run_once(bot)
            except Exception:  # the loop must outlive any one report's bug
                log.exception("broadcast progress failed")
                sending = 1
            await self._pause(self.every if sending else IDLE)
