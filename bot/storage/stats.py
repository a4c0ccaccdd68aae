"""What admins are shown about the shop: customers, orders by status, revenue, cost, profit.

Revenue is what customers paid and kept paid: each order's charge less its refunds (read
from `orders.refunded`, never worked out again). Cost is what the panel keeps, by how the
order ended: nothing for a canceled or failed one, the delivered share of a partial one
(or the panel's reported charge when that is lower), the panel's reported charge of any
other (else what it was expected to cost: the rate at placement x quantity / 1000). Adding
up the panel's reported charge of canceled and partial orders made a profitable shop look
like a loss-maker: panels report the full charge there and refund the rest.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal

from bot.money import from_minor
from bot.storage.db import Database

# Orders the panel keeps nothing for: refunded in full, or never placed.
_NOTHING_KEPT = frozenset({"Canceled", "Cancelled", "Refunded", "failed"})
_PER = Decimal(1000)


@dataclass(frozen=True)
class OrderFigures:
    """One order's money, as `/stats` counts it."""

    service_id: int
    service_name: str
    status: str
    quantity: int
    remains: int | None
    rate: Decimal
    charge: Decimal
    refunded: Decimal
    panel_charge: Decimal | None

    @property
    def revenue(self) -> Decimal:
        return self.charge - self.refunded

    @property
    def cost(self) -> Decimal:
        if self.status in _NOTHING_KEPT:
            return Decimal(0)
        if self.status == "Partial":
            delivered = self.quantity - min(max(self.remains or 0, 0), self.quantity)
            share = self.rate * delivered / _PER
            if self.panel_charge is not None:
                return min(share, self.panel_charge)
            return share
        if self.panel_charge is not None:
            return self.panel_charge
        return self.rate * self.quantity / _PER


@dataclass
class Totals:
    """Orders counted by status, and their money."""

    orders_by_status: Counter[str] = field(default_factory=Counter)
    revenue: Decimal = Decimal(0)
    cost: Decimal = Decimal(0)

    def add(self, order: OrderFigures) -> None:
        self.orders_by_status[order.status] += 1
        self.revenue += order.revenue
        self.cost += order.cost

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


def since_today(now: datetime, zone: tzinfo = UTC) -> str:
    """Since midnight in the shop's zone: "today" is the shop's day, not UTC's."""
    midnight = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def since_days(now: datetime, days: int) -> str:
    return (now.astimezone(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class StatsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def customers(self) -> int:
        row = await self._db.fetchone("SELECT count(*) FROM users")
        return int(row[0]) if row else 0

    async def figures(self, since: str | None) -> list[OrderFigures]:
        """Every order created since `since` (a stored timestamp), or all when None, oldest
        first. Summed in Python: rate x quantity in minor units can overflow SQLite's
        integers, and a Decimal is exact."""
        rows = await self._db.fetchall(
            "SELECT service_id, service_name, status, quantity, remains, rate, charge,"
            " refunded, panel_charge FROM orders WHERE created_at >= ? ORDER BY id",
            (since or "",),
        )
        return [
            OrderFigures(
                service_id=int(row["service_id"]),
                service_name=str(row["service_name"]),
                status=str(row["status"]),
                quantity=int(row["quantity"]),
                remains=row["remains"],
                rate=from_minor(row["rate"]),
                charge=from_minor(row["charge"]),
                refunded=from_minor(row["refunded"]),
                panel_charge=None
                if row["panel_charge"] is None
                else from_minor(row["panel_charge"]),
            )
            for row in rows
        ]

    async def period(self, since: str | None) -> Totals:
        """Orders created since `since`, or all when None."""
        totals = Totals()
        for order in await self.figures(since):
            totals.add(order)
        return totals

    async def top_services(self, since: str | None, limit: int = 5) -> list[ServiceProfit]:
        """The services that made the most profit since `since`, best first; each named as
        its latest order quoted it."""
        by_service: dict[int, Totals] = {}
        names: dict[int, str] = {}
        for order in await self.figures(since):
            by_service.setdefault(order.service_id, Totals()).add(order)
            names[order.service_id] = order.service_name
        ranked = sorted(by_service.items(), key=lambda item: (-item[1].profit, item[0]))
        return [
            ServiceProfit(service_id, names[service_id], totals.orders, totals.profit)
            for service_id, totals in ranked[:limit]
        ]
