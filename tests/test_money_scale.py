"""Money far from 64-bit overflow: the scale's migration, capped balances, split sums."""

from __future__ import annotations

import sqlite3
from decimal import Decimal
from pathlib import Path

import pytest

from bot.money import MAX_BALANCE
from bot.orders.profit import totals
from bot.storage import (
    BalanceLimit,
    Database,
    InsufficientFunds,
    LedgerRepo,
    Reason,
    StatsRepo,
    UsersRepo,
    post,
)
from bot.storage.migrations import _V7_MONEY_SCALE, MIGRATIONS, statements

NOW = "2026-01-01T00:00:00.000000Z"
# The migration before the money scale's: a database as the release before left it.
BEFORE = MIGRATIONS.index(_V7_MONEY_SCALE)


def old_database(path: Path, *, balance: int = 1_250_000_000) -> None:
    """A database at 8 decimal places: 12.5 on a balance, its ledger, an order, a top-up and
    a curated service."""
    with sqlite3.connect(path, isolation_level=None) as conn:
        for script in MIGRATIONS[:BEFORE]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {BEFORE}")
        conn.execute(
            "INSERT INTO users (id, balance, created_at, updated_at) VALUES (1001, ?, ?, ?)",
            (balance, NOW, NOW),
        )
        conn.execute(
            "INSERT INTO orders (user_id, service_id, service_name, service_type,"
            " service_category, rate, can_cancel, can_refill, link, quantity, charge,"
            " panel_charge, status, created_at, updated_at) VALUES (1001, 1, 'Members',"
            " 'Default', 'Telegram', 27819000, 0, 0, 'https://t.me/x', 100, 750000000,"
            " 33380000, 'Pending', ?, ?)",
            (NOW, NOW),
        )
        for amount, reason, order in ((2_000_000_000, "credit", None), (-750_000_000, "order", 1)):
            conn.execute(
                "INSERT INTO ledger (user_id, amount, reason, order_id, created_at)"
                " VALUES (1001, ?, ?, ?, ?)",
                (amount, reason, order, NOW),
            )
        conn.execute(
            "INSERT INTO topups (user_id, payload, stars, amount, locale, status, created_at)"
            " VALUES (1001, 'p', 100, 100000000, 'en', 'invoiced', ?)",
            (NOW,),
        )
        conn.execute(
            "INSERT INTO shop_services (service_id, rate, markup, price)"
            " VALUES (1, 27819000, 1250000001, NULL), (2, 27819000, NULL, 150000001)"
        )
        conn.execute("INSERT INTO shop_categories (name, markup) VALUES ('Telegram', 2500000000)")
    conn.close()


async def test_the_migration_converts_every_money_column_to_5_decimals(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old_database(path, balance=1_250_000_000)
    async with await Database.open(path) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        assert await LedgerRepo(db).balance(1001) == Decimal("12.5")
        assert await LedgerRepo(db).check_consistency() == []
        assert [e.amount for e in await LedgerRepo(db).entries(1001)] == [-7.5, 20]
        [order] = await db.fetchall("SELECT rate, charge, panel_charge FROM orders")
        assert tuple(order) == (27819, 750_000, 33380)  # 0.27819, 7.5, 0.3338
        [topup] = await db.fetchall("SELECT amount FROM topups")
        assert topup[0] == 100_000  # 1.00
        services = await db.fetchall(
            "SELECT rate, markup, price FROM shop_services ORDER BY service_id"
        )
        # 12.50000001 % and 1.50000001: rounded up, never below what the admin set.
        assert [tuple(row) for row in services] == [
            (27819, 1_250_001, None),
            (27819, None, 150_001),
        ]
        [category] = await db.fetchall("SELECT markup FROM shop_categories")
        assert category[0] == 2_500_000  # 25 %
        # The ledger is append-only again.
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            async with db.transaction() as tx:
                await tx.execute("UPDATE ledger SET amount = 1")


async def test_customer_money_that_would_not_convert_exactly_stops_the_migration(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.sqlite3"
    old_database(path, balance=1_250_000_001)
    with pytest.raises(sqlite3.IntegrityError, match="customer_money_has_more_than_5_decimals"):
        await Database.open(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == BEFORE
        assert conn.execute("SELECT balance FROM users").fetchone()[0] == 1_250_000_001
    conn.close()


async def test_a_balance_stops_at_its_cap_and_sums_of_capped_balances_do_not_overflow(
    db: Database,
) -> None:
    """Repro: two balances near the 64-bit limit made /balance's sum overflow, and a further
    credit stored a REAL. Now a balance stops at MAX_BALANCE, and 100 balances at the cap
    (past 64 bits together) sum exactly."""
    users, ledger = UsersRepo(db), LedgerRepo(db)
    for user_id in range(1, 101):
        await users.ensure(user_id)
        async with db.transaction() as tx:
            await post(tx, user_id, MAX_BALANCE, Reason.CREDIT)
    async with db.transaction() as tx:
        with pytest.raises(BalanceLimit):
            await post(tx, 1, Decimal("0.01"), Reason.CREDIT)
    assert await ledger.balance(1) == MAX_BALANCE
    assert await ledger.total_balances() == 100 * MAX_BALANCE
    assert await ledger.ledger_sum(1) == MAX_BALANCE
    assert await ledger.check_consistency() == []
    period = totals(await StatsRepo(db).figures(None))
    assert period.revenue == period.cost == Decimal(0)


async def test_a_debit_no_balance_can_cover_is_short_of_funds(db: Database) -> None:
    """A charge past what the database holds (a huge quantity) is refused as any debit the
    balance cannot cover, not with an error about storing it."""
    await UsersRepo(db).ensure(1)
    async with db.transaction() as tx:
        with pytest.raises(InsufficientFunds):
            await post(tx, 1, Decimal("-1E+30"), Reason.DEBIT)
