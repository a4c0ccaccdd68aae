"""What `/stats` counts: orders by status, revenue, cost and profit, in all and per service.

Revenue is what customers paid and kept paid: each order's charge less its refunds (read
from `orders.refunded`, never worked out again). Cost is `bot.orders.costs.order_cost`.
A discounted order's charge is already net of its discount, so revenue and profit are too;
what discounts gave away is counted beside them, in the share of the order that was kept
(a refunded order gave nothing away).

A running subscription holds the most it can cost and gives back what is not delivered
when it ends. It counts what it has earned so far: the panel's charge to date at the
customer's price, against that charge as its cost. Counting the hold would show as profit
money that mostly goes back; counting nothing until it ends would hide weeks of real
deliveries (a subscription may run for months). Once it ends, its refund is posted and the
charge less the refund is what it earned, as for any order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from bot.orders.costs import charge_at_customer_price, order_cost, running_subscription
from bot.storage.stats import OrderFigures


def earned(order: OrderFigures) -> Decimal:
    """What the order has brought in so far."""
    if running_subscription(order):
        charged = order.panel_charge
        return Decimal(0) if charged is None else charge_at_customer_price(order, charged)
    return order.revenue


def given_away(order: OrderFigures) -> Decimal:
    """What the order's discount gave away of what it has brought in so far: the gap
    between its full and its discounted charge, in the share of the charge that earned."""
    if order.full_charge is None or order.charge <= 0:
        return Decimal(0)
    return (order.full_charge - order.charge) * earned(order) / order.charge


@dataclass
class Totals:
    """Orders counted by status, and their money."""

    orders_by_status: Counter[str] = field(default_factory=Counter)
    revenue: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)
    discounts: Decimal = Decimal(0)  # given away: not in revenue, not a cost

    def add(self, order: OrderFigures) -> None:
        self.orders_by_status[order.status] += 1
        self.revenue += earned(order)
        self.cost += order_cost(order)
        self.discounts += given_away(order)

    @property
    def orders(self) -> int:
        return sum(self.orders_by_status.values())

    @property
    def profit(self) -> Decimal:
        return self.revenue - self.cost


@dataclass(frozen=True)
class ServiceProfit:
    service_id: int
    name: str
    orders: int
    profit: Decimal


def in_shop_money(
    figures: Iterable[OrderFigures], rates: Mapping[str, Decimal]
) -> list[OrderFigures]:
    """The figures with each order's panel rate and charge in the shop's money: `rates` is
    what one unit of a panel's money is worth in the shop's, by the panel orders keep
    ('' the main one, 1). A panel no longer in the settings counts at 1 (nothing better is
    known; its orders still count)."""
    converted = []
    for order in figures:
        rate = rates.get(order.panel, Decimal(1))
        if rate != 1:
            charged = order.panel_charge
            order = replace(
                order,
                rate=order.rate * rate,
                panel_charge=None if charged is None else charged * rate,
            )
        converted.append(order)
    return converted


def by_panel(figures: Iterable[OrderFigures]) -> dict[str, Totals]:
    """Totals per panel that has orders among `figures` ('' the main one)."""
    split: dict[str, Totals] = {}
    for order in figures:
        split.setdefault(order.panel, Totals()).add(order)
    return split


def totals(figures: Iterable[OrderFigures]) -> Totals:
    summed = Totals()
    for order in figures:
        summed.add(order)
    return summed


def top_services(figures: Iterable[OrderFigures], limit: int) -> list[ServiceProfit]:
    """The services that made the most profit, best first; each named as its latest order
    (figures come oldest first) quoted it."""
    by_service: dict[int, Totals] = {}
    names: dict[int, str] = {}
    for order in figures:
        by_service.setdefault(order.service_id, Totals()).add(order)
        names[order.service_id] = order.service_name
    ranked = sorted(by_service.items(), key=lambda item: (-item[1].profit, item[0]))
    return [
        ServiceProfit(service_id, names[service_id], summed.orders, summed.profit)
        for service_id, summed in ranked[:limit]
    ]
