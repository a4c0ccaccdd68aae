"""The panel's balance, watched: admins hear at once when the panel can't be used at all
(a wrong key, unreachable: checked first thing at start-up) and when it answers again; once
when its balance drops below `PANEL_BALANCE_ALERT` and once when it is back above; and once
when the panel starts refusing orders for a reason that stops the whole shop ("Not enough
funds on balance", "Invalid API key"), not for every customer who tries until an order goes
through again.

"Once" survives restarts: what the admins were told is kept in SQLite.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from aiogram import Bot

from bot.background import Periodic
from bot.money import display_panel
from bot.notify.alerts import Alerts
from bot.panel import InvalidApiKey, PanelClient, PanelFailure, PanelTransportError
from bot.storage import ShopStateRepo

log = logging.getLogger(__name__)

LOW = "panel_balance_low"
REFUSING = "panel_refusing"
DOWN = "panel_down"


def _kind(error: PanelFailure) -> str:
    """What is wrong, coarsely: a new kind of trouble is news, the same one again is not."""
    if isinstance(error, InvalidApiKey):
        return "key"
    if isinstance(error, PanelTransportError):
        return "unreachable"
    return "error"


class PanelBalanceWatch(Periodic):
    name = "panel balance watch"

    def __init__(
        self,
        panel: PanelClient,
        state: ShopStateRepo,
        alerts: Alerts,
        threshold: Decimal,
        interval: float,
    ) -> None:
        super().__init__()
        self._panel = panel
        self._state = state
        self._alerts = alerts
        self.threshold = threshold
        self.interval = interval
        self._checked = False

    async def run_once(self, bot: Bot) -> Decimal | None:
        """Check the balance now; None if the panel could not say."""
        try:
            balance = await self._panel.balance()
        except PanelFailure as error:
            await self._down(bot, error)
            return None
        self._checked = True
        if await self._state.flip(DOWN, "", default=""):
            log.info("the panel answers again")
            await self._alerts.send(bot, "alert-panel-up")
        if self.threshold <= 0:  # no threshold set: only refusals are reported
            return balance.amount
        amount = display_panel(balance.amount, balance.currency)
        if balance.amount < self.threshold:
            if await self._state.flip(LOW, "1", default="0"):
                limit = display_panel(self.threshold, balance.currency)
                await self._alerts.send(bot, "alert-panel-low", balance=amount, threshold=limit)
        elif await self._state.flip(LOW, "0", default="0"):
            await self._alerts.send(bot, "alert-panel-recovered", balance=amount)
        return balance.amount

    async def _down(self, bot: Bot, error: PanelFailure) -> None:
        """The panel can't be used (a wrong key, unreachable): the admins hear it at the
        first check after each start (a wrong key in `.env` is found at once) and then once
        per crossing, and again when it answers."""
        log.error("the panel can't be used: %s", error)
        first, self._checked = not self._checked, True
        if await self._state.flip(DOWN, _kind(error), default="") or first:
            await self._alerts.send(bot, "alert-panel-down", error=str(error))

    async def refused(self, bot: Bot, order_id: int, error: str) -> None:
        """The panel refused an order for a reason that stops the whole shop (no funds, a
        wrong key): the admins hear it once, not for every customer who tries meanwhile."""
        if await self._state.flip(REFUSING, error, default=""):
            await self._alerts.send(bot, "alert-panel-refused", order=str(order_id), error=error)
        self.wake()  # and look at the balance now, not at the next scheduled check

    async def went_through(self) -> None:
        """An order was placed: whatever stopped the shop is over."""
        await self._state.flip(REFUSING, "", default="")
