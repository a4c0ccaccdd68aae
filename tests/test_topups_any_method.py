"""Top-ups of methods other than Stars (`TopupsRepo.credit`, `cancel`, `pending`): credited
once by the method's own payment id, a cancelled one never, and a payment id unique per
method, not across methods; the ledger equals the balances after each."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from decimal import Decimal
from pathlib import Path

import pytest

from bot.money import Amounts
from bot.notify.news import News
from bot.payments import Credits
from bot.storage import (
    AlreadyPosted,
    Credited,
    Database,
    LedgerRepo,
    OutboxRepo,
    TopupsRepo,
    UsersRepo,
)
from bot.storage.migrations import MIGRATIONS, statements
from bot.storage.topups import TopupStateError, TopupStatus, UnknownTopup
from tests.helpers import balance_of

ANY_METHOD = next(n for n, script in enumerate(MIGRATIONS, 1) if "topups_v16" in script)


async def pending(db: Database, user_id: int, amount: str, method: str = "transfer"):
    await UsersRepo(db).ensure(user_id)
    return await TopupsRepo(db).create(user_id, Decimal(amount), "en", method=method)


async def consistent(db: Database) -> None:
    assert await LedgerRepo(db).check_consistency() == []


async def test_a_payment_credits_once_by_its_payment_id(db: Database) -> None:
    topups = TopupsRepo(db)
    topup = await pending(db, 7, "150000")
    assert topup.stars is None
    assert topup.status == TopupStatus.INVOICED

    async def credit() -> Credited:
        async with db.transaction() as tx:
            return await topups.credit(tx, topup.id, "T-1", actor=99)

    first, *again = await asyncio.gather(*(credit() for _ in range(5)))
    assert not first.replay
    assert first.balance == Decimal(150000)
    assert all(c.replay and c.balance == Decimal(150000) for c in again)
    assert first.topup.status == TopupStatus.PAID
    assert first.topup.charge_id == "T-1"
    assert await balance_of(db, 7) == Decimal(150000)
    [entry] = await LedgerRepo(db).entries(7)
    assert (entry.reason, entry.ref, entry.actor) == ("topup", "T-1", 99)
    await consistent(db)


async def test_another_amount_is_credited_and_kept(db: Database) -> None:
    topups = TopupsRepo(db)
    topup = await pending(db, 7, "150000")
    async with db.transaction() as tx:
        credited = await topups.credit(tx, topup.id, "T-2", amount=Decimal("149000"))
    assert credited.topup.amount == Decimal(149000)
    assert await balance_of(db, 7) == Decimal(149000)
    await consistent(db)


async def test_paid_under_another_id_or_cancelled_moves_nothing(db: Database) -> None:
    topups = TopupsRepo(db)
    paid = await pending(db, 7, "100")
    cancelled = await pending(db, 7, "200")
    async with db.transaction() as tx:
        await topups.credit(tx, paid.id, "P-1")
    async with db.transaction() as tx:
        gone, now = await topups.cancel(tx, cancelled.id)
    assert now
    assert gone.status == TopupStatus.CANCELLED
    assert gone.cancelled_at is not None
    async with db.transaction() as tx:
        again, now = await topups.cancel(tx, cancelled.id)
    assert not now
    assert again == gone

    with pytest.raises(TopupStateError):
        async with db.transaction() as tx:
            await topups.credit(tx, paid.id, "P-2")
    with pytest.raises(TopupStateError):
        async with db.transaction() as tx:
            await topups.credit(tx, cancelled.id, "P-3")
    with pytest.raises(TopupStateError):
        async with db.transaction() as tx:
            await topups.cancel(tx, paid.id)
    with pytest.raises(UnknownTopup):
        async with db.transaction() as tx:
            await topups.credit(tx, 10**9, "P-4")
    assert await balance_of(db, 7) == Decimal(100)
    await consistent(db)


async def test_a_payment_id_is_unique_per_method_not_across(db: Database) -> None:
    topups = TopupsRepo(db)
    first = await pending(db, 7, "100", method="crypto")
    second = await pending(db, 7, "100", method="crypto")
    other = await pending(db, 8, "100", method="payme")
    async with db.transaction() as tx:
        await topups.credit(tx, first.id, "42")
    with pytest.raises(AlreadyPosted):
        async with db.transaction() as tx:
            await topups.credit(tx, second.id, "42")
    async with db.transaction() as tx:
        await topups.credit(tx, other.id, "42")
    assert (await topups.get(second.id)).status == TopupStatus.INVOICED  # type: ignore[union-attr]
    assert await balance_of(db, 7) == Decimal(100)
    assert await balance_of(db, 8) == Decimal(100)
    await consistent(db)


async def test_pending_lists_a_methods_unpaid_oldest_first(db: Database) -> None:
    topups = TopupsRepo(db)
    a = await pending(db, 7, "1")
    b = await pending(db, 8, "2")
    await pending(db, 8, "3", method="crypto")
    paid = await pending(db, 9, "4")
    async with db.transaction() as tx:
        await topups.credit(tx, paid.id, "x")
    assert [t.id for t in await topups.pending("transfer")] == [a.id, b.id]
    assert [t.id for t in await topups.pending("transfer", user_id=8)] == [b.id]
    assert await topups.pending("transfer", user_id=9) == []


def test_the_rebuilt_table_keeps_its_numbers(tmp_path: Path) -> None:
    """Numbers once given stay given: a discarded newest invoice's number is not reused
    after the table is rebuilt."""
    path = tmp_path / "old.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        for script in MIGRATIONS[: ANY_METHOD - 1]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {ANY_METHOD - 1}")
        conn.execute("INSERT INTO users (id, created_at, updated_at) VALUES (7, 'x', 'x')")
        for n in range(3):
            conn.execute(
                "INSERT INTO topups (user_id, payload, stars, amount, locale, status,"
                " created_at) VALUES (7, ?, 50, 1, 'en', 'invoiced', 'x')",
                (f"p{n}",),
            )
        conn.execute("DELETE FROM topups WHERE id = 3")
        conn.commit()
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        for statement in statements(MIGRATIONS[ANY_METHOD - 1]):
            conn.execute(statement)
        new = conn.execute(
            "INSERT INTO topups (user_id, payload, method, amount, locale, status,"
            " created_at) VALUES (7, 'q', 'transfer', 5, 'en', 'invoiced', 'x') RETURNING id"
        ).fetchone()
        assert new == (4,)
        with pytest.raises(sqlite3.IntegrityError):  # Stars need their price
            conn.execute(
                "INSERT INTO topups (user_id, payload, method, amount, locale, status,"
                " created_at) VALUES (7, 'r', 'stars', 5, 'en', 'invoiced', 'x')"
            )


async def test_credits_tell_the_customer_once(db: Database) -> None:
    outbox = OutboxRepo(db)
    woken: list[int] = []
    credits = Credits(
        TopupsRepo(db), News(db, outbox, wake=lambda: woken.append(1)), Amounts(0, lambda: "UZS")
    )
    topup = await pending(db, 7, "150000")
    first = await credits.credit(topup.id, "T-9")
    again = await credits.credit(topup.id, "T-9")
    assert not first.replay
    assert again.replay
    [told] = await outbox.for_user(7)
    assert told.key == "topup-credited"
    assert told.values["id"] == str(topup.id)
    assert len(woken) == 1

    other = await pending(db, 7, "5")
    await credits.cancel(other.id, "topup-expired-test")
    await credits.cancel(other.id, "topup-expired-test")
    assert [row.key for row in await outbox.for_user(7)] == ["topup-credited", "topup-expired-test"]
    await consistent(db)
