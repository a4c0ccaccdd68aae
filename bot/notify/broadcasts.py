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
        # What each admin's progress message shows: an edit to the same text is refused.
        self._shown: dict[int, int] = {}

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
                if (
                    broadcast.progress_message_id is not None
                    and self._shown.get(broadcast.id) != progress.done
                ):
                    self._shown[broadcast.id] = progress.done
                    await bot.edit_message_text(
                        t("broadcast-progress", **values),
                        chat_id=broadcast.admin_id,
                        message_id=broadcast.progress_message_id,
                    )
            elif await self._broadcasts.finish(broadcast.id):
                await bot.send_message(broadcast.admin_id, t("broadcast-done", **values))
        except (TelegramAPIError, TelegramNetworkError) as error:
            # "message is not modified" when nothing moved; anything else waits for the next.
            log.debug("broadcast %d progress not shown: %s", broadcast.id, error)

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            try:
                sending = await self.run_once(bot)
            except Exception:  # the loop must outlive any one report's bug
                log.exception("broadcast progress failed")
                sending = 1
            await self._pause(self.every if sending else IDLE)
