"""The status sweep: every `STATUS_POLL_INTERVAL` seconds, ask the panel about every placed,
unfinished order, every one in each sweep (`status` with `orders`, at most 100 ids a
request, so n orders take ⌈n/100⌉ requests) and record the answers through the
`Follower`; then about every open refill (`refill_status` with `refills`, at
most 100 a request, or one at a time where the panel lacks that form) through the
`RefillFollower`.

With several panels (`bot.panel.panels`) each order and refill is asked of its own panel,
in one batch of requests per panel; a panel that fails ends its own part of the sweep, not
the others'.

Each request's answers are recorded as soon as it returns, so a failure half-way through a
sweep loses nothing already asked; what was not asked is asked next time. After a failed
sweep the next one waits longer (doubling, capped). Sweeps never overlap, and shutdown lets
the request in hand finish and be recorded before the loop ends.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from aiogram import Bot

from bot.background import Background
from bot.notify.alerts import Alerts
from bot.orders.following import Follower
from bot.orders.refilling import RefillFollower
from bot.panel import MAX_IDS_PER_REQUEST, PanelClient, PanelFailure
from bot.panel.panels import NamedPanel, Panels, as_panels
from bot.storage import Order, OrdersRepo, Refill, RefillsRepo

log = logging.getLogger(__name__)

Report = TypeVar("Report")

# The longest wait between sweeps while the panel keeps failing (unless the interval is longer).
MAX_BACKOFF = 600.0
# Failed sweeps in a row before the admins are told (once per streak).
FAILURES_BEFORE_ALERT = 3


@dataclass
class Sweep:
    asked: int = 0  # orders asked about
    recorded: int = 0  # answers recorded
    requests: int = 0  # status and refill_status requests that got an answer
    error: PanelFailure | None = None  # why the sweep stopped early, if it did
    refills_asked: int = 0
    refills_recorded: int = 0
    # Requests that got an answer, by panel name.
    requests_by_panel: dict[str, int] = field(default_factory=dict)


class Sweeper(Background):
    name = "status-sweeper"

    def __init__(
        self,
        *,
        orders: OrdersRepo,
        panel: PanelClient | Panels,
        follower: Follower,
        refills: RefillsRepo,
        refill_follower: RefillFollower,
        alerts: Alerts,
        interval: float,
    ) -> None:
        super().__init__()
        self._orders = orders
        self._panels = as_panels(panel)
        self._follower = follower
        self._refills = refills
        self._refill_follower = refill_follower
        self._alerts = alerts
        self.interval = interval
        self._lock = asyncio.Lock()
        self.failures = 0  # failed sweeps in a row
        # Awaited before the first sweep (the catalogue's start-up fetch, which brings the
        # panel's currency that the news of a sweep shows amounts in).
        self.first_after: Callable[[], Awaitable[object]] | None = None

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
        by_panel: dict[str, list[Order]] = {}
        for order in await self._orders.list_to_follow():
            if order.panel_order_id is not None:
                by_panel.setdefault(order.panel, []).append(order)
        refills = await self._refills.open_by_panel()
        sweep = Sweep(asked=sum(map(len, by_panel.values())))
        for key in [*by_panel, *(key for key in refills if key not in by_panel)]:
            panel = self._panels.by_key(key)
            if panel is None:
                log.warning("status sweep: skipping orders of panel %r: not in the settings", key)
                continue
            await self._sweep_panel(bot, sweep, panel, by_panel.get(key, []), refills.get(key, []))
            if self.stopping:
                break
        return sweep

    async def _sweep_panel(
        self,
        bot: Bot,
        sweep: Sweep,
        panel: NamedPanel,
        orders: list[Order],
        refills: list[Refill],
    ) -> None:
        """One panel's part: its orders, then (if that went well) its open refills."""
        error = sweep.error
        sweep.error = None
        following = {order.panel_order_id: order.id for order in orders if order.panel_order_id}
        sweep.recorded += await self._follow(
            bot, sweep, panel, "order", following, panel.client.statuses, self._follower.apply
        )
        if sweep.error is None:
            open_refills = {r.panel_refill_id: r.id for r in refills if r.panel_refill_id}
            sweep.refills_asked += len(open_refills)
            sweep.refills_recorded += await self._follow(
                bot,
                sweep,
                panel,
                "refill",
                open_refills,
                panel.client.refill_statuses,
                self._refill_follower.apply,
            )
        # The first panel's failure is the sweep's (a later panel's is logged).
        sweep.error = error or sweep.error

    async def _follow(
        self,
        bot: Bot,
        sweep: Sweep,
        panel: NamedPanel,
        what: str,
        following: dict[str, int],
        ask: Callable[[list[str]], Awaitable[Mapping[str, Report]]],
        record: Callable[[Bot, int, Report], Awaitable[object]],
    ) -> int:
        """Ask about `following` (the panel's id -> ours) 100 at a time and record each
        answer as it comes; how many were recorded. A failed request ends the sweep."""
        recorded = 0
        ids = list(following)
        for start in range(0, len(ids), MAX_IDS_PER_REQUEST):
            if self.stopping:
                break
            chunk = ids[start : start + MAX_IDS_PER_REQUEST]
            try:
                reports = await ask(chunk)
            except PanelFailure as failure:
                log.warning(
                    "status sweep of panel %s stopped after %d request(s): %s",
                    panel.name,
                    sweep.requests_by_panel.get(panel.name, 0),
                    failure,
                )
                sweep.error = failure
                break
            sweep.requests += 1
            sweep.requests_by_panel[panel.name] = sweep.requests_by_panel.get(panel.name, 0) + 1
            for panel_id in chunk:
                report = reports.get(panel_id)
                if report is None:
                    log.warning("status sweep: the panel said nothing about %s %s", what, panel_id)
                    continue
                try:
                    await record(bot, following[panel_id], report)
                except Exception:  # one order's trouble must not stop the others' news
                    log.exception("status sweep: recording %s %s failed", what, panel_id)
                    continue
                recorded += 1
        return recorded

    async def _run(self, bot: Bot) -> None:
        if self.first_after is not None:
            await self.first_after()
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
