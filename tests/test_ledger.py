"""The ledger: append-only, the only way a balance moves, never below zero."""

from __future__ import annotations

import asyncio
import sqlite3
import tempfile
from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.money import MoneyError
from bot.orders.refunds import refund_for
from bot.storage import (
    AlreadyPosted,
    Database,
    InsufficientFunds,
    LedgerRepo,
    Order,
    OrdersRepo,
    Reason,
    RefundExceedsCharge,
    UnknownUser,
    UsersRepo,
    post,
)
from tests.database_template import DatabaseTemplate
from tests.test_storage import customer, quote


@pytest.fixture
async def db(tmp_path: Path, database_template: DatabaseTemplate) -> AsyncIterator[Database]:
    async with await database_template.open(tmp_path / "bot.sqlite3") as database:
        yield database
        # Every scenario must leave each balance equal to the sum of its ledger.
        assert await LedgerRepo(database).check_consistency() == []


async def placed_order(db: Database, user_id: int = 1, balance: str = "10") -> Order:
    await customer(db, user_id, balance)
    order = await OrdersRepo(db).create_and_charge(quote(user_id, f"tok-{user_id}"))
    return await OrdersRepo(db).mark_placed(order.id, f"p{order.id}")


async def test_postings_move_the_balance_and_are_recorded(db: Database) -> None:
    await UsersRepo(db).ensure(1)
    ledger = LedgerRepo(db)
    async with db.transaction() as tx:
        assert await post(tx, 1, Decimal("12.5"), Reason.TOPUP, ref="charge-1") == Decimal("12.5")
        assert await post(tx, 1, Decimal("-2.5"), Reason.DEBIT, actor=99) == 10
    assert await ledger.balance(1) == 10
    assert await ledger.ledger_sum(1) == 10
    debit, topup = await ledger.entries(1)
    assert (debit.amount, debit.reason, debit.actor) == (Decimal("-2.5"), "debit", 99)
    assert (topup.amount, topup.reason, topup.ref) == (Decimal("12.5"), "topup", "charge-1")
    assert await ledger.balance(404) == 0


async def test_a_debit_beyond_the_balance_changes_nothing(db: Database) -> None:
    await customer(db, 1, "5")
    ledger = LedgerRepo(db)
    async with db.transaction() as tx:
        with pytest.raises(InsufficientFunds) as caught:
            await post(tx, 1, Decimal("-5.01"), Reason.DEBIT)
        # The caller's transaction goes on after the refusal, and commits only what follows.
        await post(tx, 1, Decimal("-1"), Reason.DEBIT)
    assert (caught.value.user_id, caught.value.balance, caught.value.missing) == (
        1,
        Decimal(5),
        Decimal("0.01"),
    )
    assert await ledger.balance(1) == 4
    assert len(await ledger.entries(1)) == 2


async def test_concurrent_debits_never_overdraw(db: Database) -> None:
    await customer(db, 1, "100")

    async def debit() -> bool:
        try:
            async with db.transaction() as tx:
                await asyncio.sleep(0)
                await post(tx, 1, Decimal(-10), Reason.DEBIT)
        except InsufficientFunds:
            return False
        return True

    results = await asyncio.gather(*(debit() for _ in range(20)))
    assert results.count(True) == 10
    ledger = LedgerRepo(db)
    assert await ledger.balance(1) == 0
    assert await ledger.ledger_sum(1) == 0


async def test_the_ledger_is_append_only(db: Database) -> None:
    await customer(db, 1, "5")
    for statement in ("UPDATE ledger SET amount = 1", "DELETE FROM ledger"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            async with db.transaction() as tx:
                await tx.execute(statement)
    assert [entry.amount for entry in await LedgerRepo(db).entries(1)] == [5]


async def test_a_balance_cannot_go_negative_even_by_hand(db: Database) -> None:
    await UsersRepo(db).ensure(1)
    with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
        async with db.transaction() as tx:
            await tx.execute("UPDATE users SET balance = -1 WHERE id = 1")


async def test_an_order_is_refunded_at_most_once(db: Database) -> None:
    order = await placed_order(db)
    ledger = LedgerRepo(db)
    partial = refund_for(order, 400, 2)
    async with db.transaction() as tx:
        await post(tx, 1, partial, Reason.REFUND, order_id=order.id)
    # A later Canceled report, or a refund under another name, must not pay out again.
    for amount, reason in ((order.charge, Reason.REFUND), (Decimal("0.01"), Reason.CREDIT)):
        with pytest.raises(AlreadyPosted):
            async with db.transaction() as tx:
                await post(tx, 1, amount, reason, order_id=order.id)
    assert await ledger.balance(1) == Decimal("6.40") + partial


async def test_an_order_is_charged_at_most_once(db: Database) -> None:
    order = await placed_order(db)
    with pytest.raises(AlreadyPosted):
        async with db.transaction() as tx:
            await post(tx, 1, -order.charge, Reason.ORDER, order_id=order.id)
    assert await LedgerRepo(db).balance(1) == Decimal("6.40")


async def test_a_refund_never_exceeds_the_charge(db: Database) -> None:
    order = await placed_order(db)
    with pytest.raises(RefundExceedsCharge):
        async with db.transaction() as tx:
            await post(tx, 1, order.charge + Decimal("0.01"), Reason.REFUND, order_id=order.id)
    assert await LedgerRepo(db).balance(1) == Decimal("6.40")


async def test_money_of_an_order_moves_only_for_its_owner(db: Database) -> None:
    order = await placed_order(db)
    await customer(db, 2, "1")
    with pytest.raises(sqlite3.IntegrityError, match="another user"):
        async with db.transaction() as tx:
            await post(tx, 2, Decimal(1), Reason.REFUND, order_id=order.id)
    assert await LedgerRepo(db).balance(2) == 1


async def test_a_payment_is_credited_once(db: Database) -> None:
    await UsersRepo(db).ensure(1)
    async with db.transaction() as tx:
        await post(tx, 1, Decimal(50), Reason.TOPUP, ref="tg-charge-1")
        with pytest.raises(AlreadyPosted) as caught:
            await post(tx, 1, Decimal(50), Reason.TOPUP, ref="tg-charge-1")
    assert (caught.value.reason, caught.value.ref) == ("topup", "tg-charge-1")
    assert await LedgerRepo(db).balance(1) == 50


async def test_bad_postings_are_refused(db: Database) -> None:
    await UsersRepo(db).ensure(1)
    async with db.transaction() as tx:
        with pytest.raises(ValueError, match="zero"):
            await post(tx, 1, Decimal(0), Reason.CREDIT)
        with pytest.raises(MoneyError):
            await post(tx, 1, Decimal("0.000000001"), Reason.CREDIT)
        with pytest.raises(UnknownUser):
            await post(tx, 404, Decimal(1), Reason.CREDIT)
    assert await LedgerRepo(db).entries(1) == []


async def test_consistency_check_finds_a_tampered_balance(db: Database) -> None:
    await customer(db, 1, "5")
    await customer(db, 2, "7")
    ledger = LedgerRepo(db)
    assert await ledger.total_balances() == 12
    async with db.transaction() as tx:
        await tx.execute("UPDATE users SET balance = balance + 1 WHERE id = 2")
    assert await ledger.check_consistency() == [2]
    async with db.transaction() as tx:  # put it back for the fixture's own check
        await tx.execute("UPDATE users SET balance = balance - 1 WHERE id = 2")


async def _apply(path: Path, amounts: list[int]) -> tuple[Decimal, Decimal, list[int]]:
    async with await Database.open(path) as db:
        await UsersRepo(db).ensure(1)
        accepted = []
        for cents in amounts:
            try:
                async with db.transaction() as tx:
                    await post(tx, 1, Decimal(cents) / 100, Reason.CREDIT)
            except InsufficientFunds:
                continue
            accepted.append(cents)
        ledger = LedgerRepo(db)
        assert await ledger.check_consistency() == []
        return await ledger.balance(1), await ledger.ledger_sum(1), accepted


@settings(database=None, deadline=None, max_examples=20)
@given(st.lists(st.integers(-5000, 5000).filter(bool), max_size=30))
def test_any_sequence_of_postings_keeps_the_books(amounts: list[int]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        balance, total, accepted = asyncio.run(_apply(Path(folder) / "l.sqlite3", amounts))
    assert balance == total == Decimal(sum(accepted)) / 100
    running = 0
    for cents in amounts:  # a debit is refused exactly when it would overdraw
        if running + cents >= 0:
            running += cents
    assert sum(accepted) == running
