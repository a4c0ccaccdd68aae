"""The status sweep: every `STATUS_POLL_INTERVAL` seconds, ask the panel about every placed,
unfinished order (`status` with `orders`, at most 100 ids a request) and record the answers
through the `Follower`.

Each request's answers are recorded as soon as it returns, so a failure half-way through a
sweep loses nothing already asked; what was not asked is asked next time. After a failed
sweep the next one waits longer (doubling, capped). Sweeps never overlap, and shutdown lets
the request in hand finish and be recorded before the loop ends.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from aiogram import Bot

from bot.background import Background
from bot.notify.alerts import Alerts
from bot.orders.following import Follower
from bot.panel import MAX_IDS_PER_REQUEST, PanelClient, PanelFailure
from bot.storage import OrdersRepo

log = logging.getLogger(__name__)

# Orders asked about per sweep at most; least recently updated first, so with more open
# orders than this every one still comes round.
SWEEP_LIMIT = 1000
# The longest wait between sweeps while the panel keeps failing (unless the interval is longer).
MAX_BACKOFF = 600.0
# Failed sweeps in a row before the admins are told (once per streak).
FAILURES_BEFORE_ALERT = 3


@dataclass
class Sweep:
    asked: int = 0  # orders asked about
    recorded: int = 0  # answers recorded
    requests: int = 0  # status requests that got an answer
    error: PanelFailure | None = None  # why the sweep stopped early, if it did


class Sweeper(Background):
    name = "status-sweeper"

    def __init__(
        self,
        *,
        orders: OrdersRepo,
        panel: PanelClient,
        follower: Follower,
        alerts: Alerts,
        interval: float,
        limit: int = SWEEP_LIMIT,
    ) -> None:
        super().__init__()
        self._orders = orders
        self._panel = panel
        self._follower = follower
        self._alerts = alerts
        self.interval = interval
        self._limit = limit
        self._lock = asyncio.Lock()
        self.failures = 0  # failed sweeps in a row

    def delay_after(self, failures: int) -> float:
        """Seconds to the next sweep: the interval, doubled per failure in a row, capped."""
        if failures <= 0:
            return self.interval
        cap = max(self.interval, MAX_BACKOFF)
        return min(self.interval * 2.0 ** min(failures, 32), cap)

    async def run_once(self, bot: Bot) -> Sweep:
        """One sweep over the open orders. Never runs alongside another."""
        async with self._lock:
            return await self._sweep(bot)

    async def _sweep(self, bot: Bot) -> Sweep:
        following = {
            order.panel_order_id: order.id
            for order in await self._orders.list_to_follow(self._limit)
            if order.panel_order_id is not None
        }
        ids = list(following)
        sweep = Sweep(asked=len(ids))
        for start in range(0, len(ids), MAX_IDS_PER_REQUEST):
            if self.stopping:
                break
            chunk = ids[start : start + MAX_IDS_PER_REQUEST]
            try:
                reports = await self._panel.statuses(chunk)
            except PanelFailure as failure:
                log.warning("status sweep stopped after %d request(s): %s", sweep.requests, failure)
                sweep.error = failure
                break
            sweep.requests += 1
            for panel_id in chunk:
                report = reports.get(panel_id)
                if report is None:
                    log.warning("status sweep: the panel said nothing about order %s", panel_id)
                    continue
                try:
                    await self._follower.apply(bot, following[panel_id], report)
                except Exception:  # one order's trouble must not stop the others' news
                    log.exception("status sweep: recording order %s failed", panel_id)
                    continue
                sweep.recorded += 1
        return sweep

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            try:
                sweep = await self.run_once(bot)
                problem: object = sweep.error
            except Exception as error:  # the loop must outlive any one sweep's bug
                log.exception("status sweep failed")
                problem = error
            self.failures = 0 if problem is None else self.failures + 1
            if self.failures == FAILURES_BEFORE_ALERT:
                await self._alerts.send(
                    bot,
                    "alert-sweep-failing",
                    count=self.failures,
                    error=str(problem),
                    delay=round(self.delay_after(self.failures)),
                )
            await self._pause(self.delay_after(self.failures))
