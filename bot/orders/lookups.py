"""Status lookups that people drive (a customer's Refresh, in the chat or the Mini App),
kept from hammering the panel: every order costs the reseller's key, and a panel throttles
the key, not the customer.

A status fetched a few seconds ago is reused; concurrent lookups of one order share one
request; and all of them together stay under a global rate, past which a Refresh answers
with the last known status, as it does when the panel does not answer. The sweeper asks
the panel on its own schedule and is not counted here.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.panel import OrderStatus, PanelClient, PanelError, PanelFailure
from bot.panel.panels import Panels, as_panels
from bot.ratelimit import RateLimit

log = logging.getLogger(__name__)

# How long a fetched status answers every Refresh of that order: taps and reloads within
# a few seconds cannot have news the panel would tell.
FRESH_SECONDS = 5.0
# The panel requests all Refreshes together may make: a sustained rate and a burst.
PER_SECOND = 5.0
BURST = 10

Report = OrderStatus | PanelError | None  # None: no answer (failed, or over the cap)


@dataclass
class _Fetched:
    at: float
    report: Report


class StatusLookups:
    def __init__(
        self,
        panel: PanelClient | Panels,
        *,
        fresh: float = FRESH_SECONDS,
        per_second: float = PER_SECOND,
        burst: int = BURST,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._panels = as_panels(panel)
        self._fresh = fresh
        self._clock = clock
        self._rate = RateLimit[str](per_second, burst, clock)
        # By (panel, the panel's order id): two panels may each have an order 123.
        self._fetched: dict[tuple[str, str], _Fetched] = {}
        self._asking: dict[tuple[str, str], asyncio.Future[Report]] = {}

    async def status(self, panel_order_id: str, panel: str = "") -> Report:
        """The order's status as its panel (`panel`: '' the main one, else its name) gave it
        at most `fresh` seconds ago."""
        key = (panel, panel_order_id)
        fetched = self._fetched.get(key)
        if fetched is not None and self._clock() - fetched.at < self._fresh:
            return fetched.report
        asking = self._asking.get(key)
        if asking is not None:
            return await asyncio.shield(asking)
        if not self._rate.allow("panel"):
            log.info("refresh of panel order %s not asked: over the app's rate", panel_order_id)
            return None
        asking = asyncio.get_running_loop().create_future()
        self._asking[key] = asking
        report: Report = None
        try:
            report = await self._ask(panel, panel_order_id)
            self._forget_stale()
            self._fetched[key] = _Fetched(self._clock(), report)
        finally:
            # Those waiting on this request hear its answer, or none if it was cut short.
            del self._asking[key]
            asking.set_result(report)
        return report

    async def _ask(self, panel: str, panel_order_id: str) -> Report:
        named = self._panels.by_key(panel)
        if named is None:
            log.warning(
                "refresh of panel order %s: panel %r is not in the settings", panel_order_id, panel
            )
            return None
        try:
            reports = await named.client.statuses([panel_order_id])
        except PanelFailure as failure:
            log.info("refresh of panel order %s: %s", panel_order_id, failure)
            return None
        return reports.get(panel_order_id)

    def _forget_stale(self) -> None:
        now = self._clock()
        stale = [key for key, seen in self._fetched.items() if now - seen.at >= self._fresh]
        for key in stale:
            del self._fetched[key]
