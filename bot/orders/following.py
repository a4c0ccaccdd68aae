"""What a panel report about an order changes: its status, money and the customer's news.

The status sweep and a customer's Refresh both come through `Follower.apply`, so a change is
recorded the same way whoever sees it first, in one transaction: the new status, the refund
(the ledger takes one refund per order, so a final status reported again, or after a
restart, never pays twice) and the notification (the outbox takes one message per order and
kind). Admins are told about what needs a person: statuses nobody has heard of, orders the
panel keeps saying it does not know.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal

from aiogram import Bot

from bot.i18n import Arg
from bot.money import Amounts, MoneyError, display_panel, to_minor
from bot.notify.alerts import Alerts
from bot.notify.news import News, Work
from bot.orders.costs import expected_cost
from bot.orders.refunds import post_refund
from bot.orders.steps import type_named
from bot.panel import OrderStatus, PanelError
from bot.panel.panels import Panels
from bot.panel.status import Cost, Refund, row_of
from bot.storage import Order, OrdersRepo, OutboxArg, Transaction

log = logging.getLogger(__name__)

# Sweeps in a row the panel may answer an id with an error before the admins are told: one
# miss can be the panel's own hiccup, a streak means the order is lost or was never there.
MISSES_BEFORE_ALERT = 3


@dataclass
class _Effects:
    """What to do once the transaction has committed."""

    alerts: list[tuple[str, dict[str, Arg]]] = field(default_factory=list)


class Follower:
    def __init__(
        self,
        *,
        news: News,
        orders: OrdersRepo,
        alerts: Alerts,
        amounts: Amounts,
        panels: Panels | None = None,
    ) -> None:
        self._news = news
        self._orders = orders
        self._alerts = alerts
        self._amounts = amounts
        self._panels = panels

    async def apply(
        self, bot: Bot, order_id: int, report: OrderStatus | PanelError
    ) -> Order | None:
        """Record what the panel said about one order; the order as it is now.

        A final order is left as it is: whatever the panel says later changes nothing.
        """
        effects = _Effects()
        async with self._news.transaction() as work:
            # Decided on the order as this transaction sees it: a sweep and a Refresh that
            # see the same change one after the other record it once.
            order = await self._orders.get_in(work.tx, order_id)
            if order is None or order.is_final or not order.is_placed:
                return order
            if isinstance(report, PanelError):
                order = await self._missed(work.tx, order, report, effects)
            else:
                order = await self._record(work, order, report, effects)
        # Admins are told after the commit, best effort: what they are told about is already
        # noted as told, so a crash right here loses an alert but never repeats one.
        for key, args in effects.alerts:
            await self._alerts.send(bot, key, **args)
        return order

    async def _missed(
        self, tx: Transaction, order: Order, error: PanelError, effects: _Effects
    ) -> Order:
        misses = await self._orders.count_miss(tx, order.id)
        log.info("order %d: the panel answered %r (%d in a row)", order.id, error.text, misses)
        # Told when the streak reaches the mark, not on every miss after it; a good answer
        # resets the count, so a new streak is told again.
        if misses == MISSES_BEFORE_ALERT:
            effects.alerts.append(
                ("alert-order-missing", {**_about(order), "error": error.text, "count": misses})
            )
        return await self._orders.get_in(tx, order.id) or order

    async def _record(
        self, work: Work, order: Order, report: OrderStatus, effects: _Effects
    ) -> Order:
        tx = work.tx
        if not report.is_known and await self._orders.report_once(
            tx, order.id, f"status:{report.status}"
        ):
            effects.alerts.append(
                ("alert-unknown-status", {**_about(order), "status": report.raw_status})
            )
        reported = row_of(report.status)
        if reported.local:
            # A panel's word that reads like one of ours ("failed") must not pass for it: a
            # local `failed` means refunded. The admins are told; the order stays as it is.
            return order
        settles = (kind := type_named(order.service_type)) is not None and kind.settles_to_charge
        if reported.refund is Refund.REMAINS and report.remains is None and not settles:
            # The refund depends on what remains: keep the order open until the panel says.
            if await self._orders.report_once(tx, order.id, "partial without remains"):
                effects.alerts.append(("alert-partial-without-remains", _about(order)))
            return order
        updated = await self._orders.set_panel_status(
            tx,
            order.id,
            report.status,
            remains=report.remains,
            start_count=report.start_count,
            panel_charge=_storable(report.charge),
        )
        await self._check_cost(tx, updated, effects)
        kind = type_named(updated.service_type)
        # Settled to the panel's charge: ended without one, the hold stands; a person decides
        # (unless it ended costing nothing: canceled).
        costs = row_of(updated.status).cost is not Cost.NOTHING
        unpriced = updated.is_final and costs and updated.panel_charge is None
        if (
            kind is not None
            and kind.settles_to_charge
            and unpriced
            and await self._orders.report_once(tx, order.id, "ended without charge")
        ):
            effects.alerts.append(("alert-ended-without-charge", _about(order)))
        if updated.status != order.status:
            log.info("order %d: %s -> %s", order.id, order.status, updated.status)
            updated = await self._tell(work, updated)
        return updated

    async def _check_cost(self, tx: Transaction, order: Order, effects: _Effects) -> None:
        """The panel charged more than the order should cost: the shop may be selling below
        what the panel takes. The admins hear it once per order."""
        cost, charged = expected_cost(order), order.panel_charge
        if charged is None or charged <= cost + COST_TOLERANCE:
            return
        if await self._orders.report_once(tx, order.id, "charged more"):
            currency = self._amounts.currency()
            # Another panel charges in its own money: told in the shop's, as prices are.
            panel = None if self._panels is None else self._panels.by_key(order.panel)
            if panel is not None:
                charged, cost = panel.to_shop(charged), panel.to_shop(cost)
            values = {
                "charged": display_panel(charged, currency),
                "expected": display_panel(cost, currency),
            }
            effects.alerts.append(("alert-panel-charged-more", {**_about(order), **values}))

    async def _tell(self, work: Work, order: Order) -> Order:
        """Refund what the new status gives back and queue the customer's message about it;
        the order as stored afterwards."""
        values: dict[str, OutboxArg] = {
            "number": str(order.id),  # customers know an order by the shop's number
            "service": order.service_name,
            "quantity": order.quantity,
        }
        row = row_of(order.status)
        if row.notice is None:
            return order
        if row.refund is Refund.REMAINS:
            values["delivered"] = order.quantity - (order.remains or 0)
        order = await post_refund(work.tx, order, self._amounts.decimals)
        settled = row.in_full and order.refunded > 0  # a subscription kept less than it held
        if settled or row.refund is not Refund.NOTHING:
            values["refund"] = self._amounts(order.refunded)
        key = "notify-settled" if settled else row.notice
        await work.tell(order.user_id, key, values, order_id=order.id)
        return order


# The panel rounds its charges to 5 decimals: a charge one step above is rounding.
COST_TOLERANCE = Decimal("0.00001")


def _storable(amount: Decimal | None) -> Decimal | None:
    """The panel's charge if the database can hold it; it is information, not money moved."""
    if amount is None:
        return None
    try:
        to_minor(amount)
    except MoneyError:
        return None
    return amount


def _about(order: Order) -> dict[str, Arg]:
    """What every admin alert about an order names."""
    return {"order": order.id, "panel": order.on_panel, "user": order.user_id}
