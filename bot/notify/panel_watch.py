"""Each panel's balance, watched: admins hear at once when the panel can't be used at all
(a wrong key, unreachable: checked first thing at start-up) and when it answers again; once
when its balance drops below `PANEL_BALANCE_ALERT` and once when it is back above; and once
when the panel starts refusing orders for a reason that stops the whole shop ("Not enough
funds on balance", "Invalid API key"), not for every customer who tries until an order goes
through again.

"Once" survives restarts: what the admins were told is kept in SQLite.

With several panels (`bot.panel.panels`) each is watched on its own, and every alert names
its panel; PANEL_BALANCE_ALERT is in the shop's money, another panel's balance converted
with its RATE before it is compared. A shop with one panel hears exactly what it always did.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from aiogram import Bot

from bot.background import Periodic
from bot.i18n import Arg
from bot.money import display_panel
from bot.notify.alerts import Alerts
from bot.panel import Balance, InvalidApiKey, PanelClient, PanelFailure, PanelTransportError
from bot.panel.panels import NamedPanel, Panels, as_panels
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


def _state_key(what: str, panel: NamedPanel) -> str:
    """Where what admins were told about `panel` is kept: the main panel's as before."""
    return what if panel.main else f"{what}:{panel.name}"


class PanelBalanceWatch(Periodic):
    name = "panel balance watch"

    def __init__(
        self,
        panel: PanelClient | Panels,
        state: ShopStateRepo,
        alerts: Alerts,
        threshold: Decimal,
        interval: float,
    ) -> None:
        super().__init__()
        self._panels = as_panels(panel)
        self._state = state
        self._alerts = alerts
        self.threshold = threshold
        self.interval = interval
        self._checked: set[str] = set()  # the panels checked since this start, by name
        self._currency = ""  # the shop's (the main panel's), once learnt: the threshold's

    async def run_once(self, bot: Bot) -> Decimal | None:
        """Check each panel's balance now; the main panel's, None if it could not say."""
        main: Decimal | None = None
        for panel in self._panels:
            balance = await self.check(bot, panel)
            if panel.main:
                main = balance
        return main

    async def check(self, bot: Bot, panel: NamedPanel) -> Decimal | None:
        """Check one panel's balance now; None if the panel could not say."""
        try:
            balance = await panel.client.balance()
        except PanelFailure as error:
            await self._down(bot, panel, error)
            return None
        self._checked.add(panel.name)
        if panel.main:
            self._currency = balance.currency
        if await self._state.flip(_state_key(DOWN, panel), "", default=""):
            log.info("%s answers again", self._called(panel))
            await self._tell(bot, panel, "alert-panel-up")
        if self.threshold > 0:  # else only refusals are reported
            await self._compare(bot, panel, balance)
        return balance.amount

    async def _compare(self, bot: Bot, panel: NamedPanel, balance: Balance) -> None:
        amount = display_panel(balance.amount, balance.currency)
        low = _state_key(LOW, panel)
        if panel.to_shop(balance.amount) < self.threshold:
            if await self._state.flip(low, "1", default="0"):
                currency = balance.currency if panel.main else self._currency
                limit = display_panel(self.threshold, currency)
                await self._tell(bot, panel, "alert-panel-low", balance=amount, threshold=limit)
        elif await self._state.flip(low, "0", default="0"):
            await self._tell(bot, panel, "alert-panel-recovered", balance=amount)

    async def _down(self, bot: Bot, panel: NamedPanel, error: PanelFailure) -> None:
        """The panel can't be used (a wrong key, unreachable): the admins hear it at the
        first check after each start (a wrong key in `.env` is found at once) and then once
        per crossing, and again when it answers."""
        log.error("%s can't be used: %s", self._called(panel), error)
        first = panel.name not in self._checked
        self._checked.add(panel.name)
        if await self._state.flip(_state_key(DOWN, panel), _kind(error), default="") or first:
            await self._tell(bot, panel, "alert-panel-down", error=str(error))

    async def refused(
        self, bot: Bot, order_id: int, error: str, panel: str = "", went_to: str = ""
    ) -> None:
        """The panel (`panel`: '' the main one, else its name) refused an order for a reason
        that stops it taking any (no funds, a wrong key): the admins hear it once, not for
        every customer who tries meanwhile. `went_to`: the fallback panel the order went on
        to (by name), so it was not simply refunded."""
        named = self._panels.by_key(panel) or self._panels.main
        if await self._state.flip(_state_key(REFUSING, named), error, default=""):
            if went_to:
                await self._alerts.send(
                    bot,
                    "alert-panel-refused-fallback",
                    panel=named.name,
                    order=str(order_id),
                    error=error,
                    went_to=went_to,
                )
            else:
                await self._tell(
                    bot, named, "alert-panel-refused", order=str(order_id), error=error
                )
        self.wake()  # and look at the balance now, not at the next scheduled check

    async def went_through(self, panel: str = "") -> None:
        """An order was placed on `panel`: whatever stopped it is over."""
        named = self._panels.by_key(panel) or self._panels.main
        await self._state.flip(_state_key(REFUSING, named), "", default="")

    def _called(self, panel: NamedPanel) -> str:
        """The panel as the log names it: as it always did with one panel."""
        return f"panel {panel.name}" if self._panels.several else "the panel"

    async def _tell(self, bot: Bot, panel: NamedPanel, key: str, **args: Arg) -> None:
        """`key` as it always was with one panel; with several, its `-named` form, which
        says which panel and which settings are its (PANEL_ or PANELn_)."""
        if not self._panels.several:
            await self._alerts.send(bot, key, **args)
            return
        prefix = "PANEL" if panel.main else f"PANEL{panel.slot}"
        await self._alerts.send(bot, f"{key}-named", panel=panel.name, prefix=prefix, **args)
