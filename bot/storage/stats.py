"""What `/stats` reads: how many customers, and each order's money figures (counted up by
`bot.orders.profit`, costed by `bot.orders.costs`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from decimal import Decimal

from bot.money import from_minor
from bot.storage.db import Database
from bot.storage.sums import joined, split_sum


@dataclass(frozen=True)
class OrderFigures:
    """One order's money, as `/stats` counts it."""

    service_id: int
    service_name: str
    service_type: str
    status: str
    quantity: int
    remains: int | None
    rate: Decimal
    charge: Decimal
    refunded: Decimal
    panel_charge: Decimal | None
    panel: str = ""  # the panel that has it ('' the main one): `rate`, `panel_charge` in its money
    full_charge: Decimal | None = None  # without the customer's discount (None: none)

    @property
    def revenue(self) -> Decimal:
        return self.charge - self.refunded


@dataclass(frozen=True)
class MethodTopups:
    """Top-ups paid by one method in a period: how many, and what they credited."""

    method: str
    count: int
    total: Decimal


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
            "SELECT service_id, service_name, service_type, status, quantity, remains, rate,"
            " charge, refunded, panel_charge, panel, full_charge FROM orders WHERE created_at >= ?"
            " ORDER BY id",
            (since or "",),
        )
        return [
            OrderFigures(
                service_id=int(row["service_id"]),
                service_name=str(row["service_name"]),
                service_type=str(row["service_type"]),
                status=str(row["status"]),
                quantity=int(row["quantity"]),
                remains=row["remains"],
                rate=from_minor(row["rate"]),
                charge=from_minor(row["charge"]),
                refunded=from_minor(row["refunded"]),
                panel_charge=None
                if row["panel_charge"] is None
                else from_minor(row["panel_charge"]),
                panel=str(row["panel"]),
                full_charge=None if row["full_charge"] is None else from_minor(row["full_charge"]),
            )
            for row in rows
        ]

    async def topups(self, since: str | None) -> list[MethodTopups]:
        """Top-ups paid since `since` (all when None), by method: given back later or not,
        the money came in then (a refund is its own ledger row)."""
        rows = await self._db.fetchall(
            f"SELECT method, count(*) AS n, {split_sum('amount')} FROM topups"  # noqa: S608  # ours
            " WHERE paid_at >= ? GROUP BY method ORDER BY method",
            (since or "",),
        )
        return [
            MethodTopups(
                str(row["method"]),
                int(row["n"]),
                from_minor(joined(row["total_high"], row["total_low"])),
            )
            for row in rows
        ]
