"""What admins are shown about the shop: customers, orders by status, revenue, cost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from bot.money import from_minor
from bot.storage.db import Database
from bot.storage.sums import joined, split_sum


@dataclass(frozen=True)
class Period:
    orders_by_status: dict[str, int]
    revenue: Decimal  # charges less refunds, on orders created in the period
    cost: Decimal  # what the panel charged for them, as far as it has said

    @property
    def orders(self) -> int:
        return sum(self.orders_by_status.values())

    @property
    def profit(self) -> Decimal:
        return self.revenue - self.cost


def since_today(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y-%m-%dT00:00:00.000000Z")


def since_days(now: datetime, days: int) -> str:
    return (now.astimezone(UTC) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class StatsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def customers(self) -> int:
        row = await self._db.fetchone("SELECT count(*) FROM users")
        return int(row[0]) if row else 0

    async def period(self, since: str | None) -> Period:
        """Orders created since `since` (a stored timestamp), or all when None."""
        start = since or ""
        rows = await self._db.fetchall(
            "SELECT status, count(*) FROM orders WHERE created_at >= ? GROUP BY status"
            " ORDER BY count(*) DESC, status",
            (start,),
        )
        paid = await self._db.fetchone(
            f"SELECT {split_sum('-l.amount')} FROM ledger l"  # noqa: S608  # the sum is ours
            " JOIN orders o ON o.id = l.order_id WHERE o.created_at >= ?",
            (start,),
        )
        charged = await self._db.fetchone(
            f"SELECT {split_sum('panel_charge')} FROM orders"  # noqa: S608  # the sum is ours
            " WHERE created_at >= ? AND panel_charge IS NOT NULL",
            (start,),
        )
        revenue = joined(*paid) if paid else 0
        cost = joined(*charged) if charged else 0
        return Period(
            orders_by_status={str(row[0]): int(row[1]) for row in rows},
            revenue=from_minor(revenue),
            cost=from_minor(cost),
        )
