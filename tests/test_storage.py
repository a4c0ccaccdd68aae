"""The database, its migrations and transactions; users and orders."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import pytest

from bot.orders.refunds import post_refund, refund_for
from bot.storage import (
    Database,
    InsufficientFunds,
    LedgerRepo,
    NewOrder,
    Order,
    OrdersRepo,
    OrderStateError,
    PanelIdTaken,
    Profile,
    Status,
    StorageError,
    TokenUsed,
    UsersRepo,
    post,
)
from bot.storage.db import WORKER
from bot.storage.migrations import LATEST, statements
from tests.database_template import DatabaseTemplate


@pytest.fixture
async def db(tmp_path: Path, database_template: DatabaseTemplate) -> AsyncIterator[Database]:
    async with await database_template.open(tmp_path / "data" / "bot.sqlite3") as database:
        yield database
        # Every scenario must leave each balance equal to the sum of its ledger.
        assert await LedgerRepo(database).check_consistency() == []


def quote(user_id: int, token: str, charge: str = "3.60", quantity: int = 1000) -> NewOrder:
    return NewOrder(
        user_id=user_id,
        service_id=7,
        service_name="Telegram members",
        service_type="Default",
        service_category="Telegram",
        rate=Decimal("3.00000"),
        can_cancel=True,
        can_refill=False,
        link="https://t.me/example",
        quantity=quantity,
        charge=Decimal(charge),
        confirm_token=token,
    )


async def customer(db: Database, user_id: int, balance: str) -> None:
    await UsersRepo(db).ensure(user_id)
    async with db.transaction() as tx:
        await post(tx, user_id, Decimal(balance), "credit")


# --- the database ----------------------------------------------------------------------------


async def test_fresh_file_is_migrated_and_reopening_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "bot.sqlite3"
    async with await Database.open(path) as db:
        assert await db.schema_version() == LATEST
        await UsersRepo(db).ensure(1)
    assert path.exists()
    async with await Database.open(path) as db:
        assert await db.schema_version() == LATEST
        user = await UsersRepo(db).get(1)
        assert user is not None
        assert user.balance == 0


def worker_threads() -> set[threading.Thread]:
    """The database's worker threads (named after `WORKER`); other threads,
    such as the event loop's resolver pool, come and go on their own."""
    return {t for t in threading.enumerate() if t.name.startswith(WORKER)}


def left_running(before: set[threading.Thread]) -> set[threading.Thread]:
    """Worker threads started since `before` that do not end: a closed connection's thread
    gets its stop signal at close() and ends a moment later."""
    for thread in worker_threads() - before:
        thread.join(timeout=5)
    return {thread for thread in worker_threads() - before if thread.is_alive()}


async def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    threads = worker_threads()
    with pytest.raises(StorageError, match="newer"):
        await Database.open(path)
    # The failed open closed its connection: no worker thread is left behind.
    assert left_running(threads) == set()


async def test_pragmas_are_on(db: Database) -> None:
    assert await db.pragma("journal_mode") == "wal"
    assert await db.pragma("foreign_keys") == 1
    assert await db.pragma("busy_timeout") == 5000
    assert await db.pragma("synchronous") == 1  # NORMAL
    with pytest.raises(ValueError, match="pragma"):
        await db.pragma("user_version = 0")


def test_trigger_bodies_stay_one_statement() -> None:
    script = "CREATE TABLE t (x);\nCREATE TRIGGER g BEFORE DELETE ON t\nBEGIN\n  SELECT 1;\nEND;\n"
    assert statements(script) == [
        "CREATE TABLE t (x);",
        "CREATE TRIGGER g BEFORE DELETE ON t\nBEGIN\n  SELECT 1;\nEND;",
    ]
    with pytest.raises(ValueError, match="incomplete"):
        statements("CREATE TABLE t (x)")


async def test_close_really_closes(tmp_path: Path) -> None:
    threads = worker_threads()
    db = await Database.open(tmp_path / "bot.sqlite3")
    assert len(worker_threads() - threads) == 1
    await db.close()
    assert left_running(threads) == set()
    assert db.closed
    with pytest.raises(RuntimeError, match="closed"):
        await db.fetchone("SELECT 1")
    await db.close()  # a second close is harmless


async def test_write_transactions_never_interleave(db: Database) -> None:
    async with db.transaction() as tx:
        await tx.execute("CREATE TABLE counter (n INTEGER NOT NULL)")
        await tx.execute("INSERT INTO counter VALUES (0)")

    async def increment(times: int) -> None:
        for _ in range(times):
            async with db.transaction() as tx:
                row = await tx.fetchone("SELECT n FROM counter")
                assert row is not None
                await asyncio.sleep(0)  # let the other task try to run in between
                await tx.execute("UPDATE counter SET n = ?", (row["n"] + 1,))

    await asyncio.gather(increment(100), increment(100), increment(100))
    row = await db.fetchone("SELECT n FROM counter")
    assert row is not None
    assert row["n"] == 300


async def test_a_reader_never_sees_an_open_transaction(db: Database) -> None:
    users = UsersRepo(db)
    written = asyncio.Event()
    release = asyncio.Event()

    async def writer() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO users (id, created_at, updated_at) VALUES (5, 'x', 'x')")
            written.set()
            await release.wait()
            raise RuntimeError("abandon the transaction")

    writing = asyncio.create_task(writer())
    await written.wait()
    reading = asyncio.create_task(users.get(5))
    await asyncio.sleep(0.05)
    # On the one shared connection the uncommitted row would be visible: the read must wait.
    assert not reading.done()
    release.set()
    with pytest.raises(RuntimeError, match="abandon"):
        await writing
    assert await reading is None


async def test_an_exception_rolls_back(db: Database) -> None:
    users = UsersRepo(db)
    await users.ensure(1)

    async def credit_then_fail() -> None:
        async with db.transaction() as tx:
            await post(tx, 1, Decimal(5), "credit")
            raise LookupError("after the posting")

    with pytest.raises(LookupError, match="after"):
        await credit_then_fail()
    assert await LedgerRepo(db).balance(1) == 0
    assert await LedgerRepo(db).entries(1) == []


async def test_a_cancelled_transaction_rolls_back_and_frees_the_lock(db: Database) -> None:
    await UsersRepo(db).ensure(1)
    inside = asyncio.Event()

    async def stuck() -> None:
        async with db.transaction() as tx:
            await post(tx, 1, Decimal(5), "credit")
            inside.set()
            await asyncio.sleep(60)

    task = asyncio.create_task(stuck())
    await inside.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await LedgerRepo(db).balance(1) == 0
    async with db.transaction() as tx:
        await post(tx, 1, Decimal(2), "credit")
    assert await LedgerRepo(db).balance(1) == 2


async def test_using_the_database_inside_ones_own_transaction_fails_fast(db: Database) -> None:
    async with db.transaction() as tx:
        with pytest.raises(RuntimeError, match="transaction"):
            await db.fetchone("SELECT 1")
        with pytest.raises(RuntimeError, match="transaction"):
            async with db.transaction():
                pass
        assert await tx.fetchone("SELECT 1") is not None
    with pytest.raises(RuntimeError, match="ended"):
        await tx.fetchone("SELECT 1")


async def test_waiting_for_another_process_write_lock_leaves_the_loop_free(
    db: Database,
) -> None:
    """A transaction that finds the file locked by another process waits (up to
    busy_timeout) on the worker thread; the event loop goes on with other work."""
    other = sqlite3.connect(db.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.01)

    async def write() -> None:
        async with db.transaction() as tx:
            await tx.execute("INSERT INTO users (id, created_at, updated_at) VALUES (7, 'x', 'x')")

    ticking = asyncio.create_task(ticker())
    writing = asyncio.create_task(write())
    await asyncio.sleep(0.3)
    assert not writing.done()
    assert ticks >= 5  # the loop kept running while the write waited
    other.execute("COMMIT")
    other.close()
    await writing
    ticking.cancel()
    assert await db.fetchone("SELECT id FROM users WHERE id = 7") is not None


async def test_work_in_the_thread_commits_or_rolls_back_whole(db: Database) -> None:
    def insert(conn: sqlite3.Connection, fail: bool) -> int:
        conn.executemany(
            "INSERT INTO users (id, created_at, updated_at) VALUES (?, 'x', 'x')",
            [(n,) for n in range(10, 20)],
        )
        if fail:
            raise LookupError("half-way")
        return 10

    with pytest.raises(LookupError, match="half-way"):
        await db.in_thread(lambda conn: insert(conn, True))
    assert await db.fetchall("SELECT id FROM users") == []
    assert await db.in_thread(lambda conn: insert(conn, False)) == 10
    assert len(await db.fetchall("SELECT id FROM users")) == 10


async def test_a_users_language_and_profile_are_remembered_until_they_change(
    db: Database,
) -> None:
    users = UsersRepo(db)
    assert await users.known(3) is None
    await users.ensure(3)
    known = await users.known(3)
    assert known is not None
    assert known.language is None
    await users.set_language(3, "uz")
    await users.remember(3, Profile("ru", "Ali", "ali"))
    known = await users.known(3)
    assert known is not None
    assert (known.language, known.profile) == ("uz", Profile("ru", "Ali", "ali"))


async def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        await OrdersRepo(db).create_and_charge(quote(404, "t"))


async def test_money_columns_refuse_text_and_floats(db: Database) -> None:
    await UsersRepo(db).ensure(1)
    for value in ("ten", 1.5):
        with pytest.raises(sqlite3.IntegrityError, match="cannot store"):
            async with db.transaction() as tx:
                await tx.execute("UPDATE users SET balance = ? WHERE id = 1", (value,))


# --- users -----------------------------------------------------------------------------------


async def test_ensure_is_idempotent(db: Database) -> None:
    users = UsersRepo(db)
    assert await users.get(1) is None
    first = await users.ensure(1)
    assert (first.id, first.language, first.balance, first.blocked) == (1, None, Decimal(0), False)
    await users.set_language(1, "ru")
    again = await users.ensure(1)
    assert again.language == "ru"
    assert again.created_at == first.created_at


async def test_language_and_blocked_are_remembered(db: Database) -> None:
    users = UsersRepo(db)
    await users.set_blocked(2, True)  # before any /start: the row is created
    user = await users.get(2)
    assert user is not None
    assert user.blocked
    await users.set_blocked(2, False)
    await users.set_language(2, "uz")
    user = await users.get(2)
    assert user is not None
    assert (user.blocked, user.language) == (False, "uz")
    assert user.updated_at >= user.created_at
    await users.set_language(2, None)
    user = await users.get(2)
    assert user is not None
    assert user.language is None


# --- orders ----------------------------------------------------------------------------------


async def test_placing_commits_to_disk_off_the_loop_and_others_do_not(db: Database) -> None:
    # What ran, on which thread: a placement's record must survive a power cut (the panel
    # is asked next), and its wait for the disk must not hold the loop.
    seen: list[tuple[str, str]] = []

    def trace(sql: str) -> None:
        seen.append((threading.current_thread().name, sql.strip()))

    await db.in_thread(lambda conn: conn.set_trace_callback(trace))
    seen.clear()  # that one's own COMMIT
    await customer(db, 1, "10")
    ordinary = [(thread, sql) for thread, sql in seen if sql.startswith(("COMMIT", "PRAGMA sy"))]
    assert ordinary
    assert all(sql == "COMMIT" for _, sql in ordinary)
    assert not any(thread.startswith(WORKER) for thread, _ in ordinary)
    seen.clear()
    await OrdersRepo(db).create_and_charge(quote(1, "tok-1"))
    durable = [(thread, sql) for thread, sql in seen if sql.startswith(("COMMIT", "PRAGMA sy"))]
    assert [sql for _, sql in durable] == [
        "PRAGMA synchronous = FULL",
        "COMMIT",
        "PRAGMA synchronous = NORMAL",
    ]
    # The wait for the disk is the COMMIT's: on the worker thread. The pragmas are instant.
    assert [thread.startswith(WORKER) for thread, _ in durable] == [False, True, False]
    assert await db.pragma("synchronous") == 1  # NORMAL again for everything else


async def test_placing_charges_and_keeps_the_quote(db: Database) -> None:
    await customer(db, 1, "10")
    orders = OrdersRepo(db)
    order = await orders.create_and_charge(quote(1, "tok-1"))
    assert order.status == Status.PLACING
    assert (order.charge, order.quantity, order.rate) == (Decimal("3.6"), 1000, Decimal(3))
    assert order.unit_price == Decimal("0.0036")
    # Columns come back as the model's types: money as Decimal, flags as bool, times in UTC.
    assert isinstance(order.charge, Decimal)
    assert (order.can_cancel, order.can_refill) == (True, False)
    assert isinstance(order.can_cancel, bool)
    assert order.created_at.tzinfo is UTC
    assert abs(datetime.now(UTC) - order.created_at) < timedelta(minutes=1)
    assert order.panel_charge is None
    assert order.panel_order_id is None
    assert await LedgerRepo(db).balance(1) == Decimal("6.40")
    assert await orders.get(order.id) == order
    assert await orders.by_token("tok-1") == order


async def test_a_confirm_token_places_once(db: Database) -> None:
    await customer(db, 1, "10")
    orders = OrdersRepo(db)
    await orders.create_and_charge(quote(1, "tok-1"))
    with pytest.raises(TokenUsed):
        await orders.create_and_charge(quote(1, "tok-1", charge="1.00"))
    assert await orders.count_for_user(1) == 1
    assert await LedgerRepo(db).balance(1) == Decimal("6.40")


async def test_an_order_beyond_the_balance_is_not_created(db: Database) -> None:
    await customer(db, 1, "3")
    orders = OrdersRepo(db)
    with pytest.raises(InsufficientFunds) as caught:
        await orders.create_and_charge(quote(1, "tok-1"))
    assert (caught.value.balance, caught.value.missing) == (Decimal(3), Decimal("0.6"))
    assert await orders.count_for_user(1) == 0
    assert await orders.by_token("tok-1") is None
    assert await LedgerRepo(db).balance(1) == 3


async def test_an_order_is_only_its_owners(db: Database) -> None:
    await customer(db, 1, "10")
    await customer(db, 2, "10")
    orders = OrdersRepo(db)
    order = await orders.create_and_charge(quote(1, "tok-1"))
    await orders.mark_placed(order.id, "abc123")
    assert await orders.get_for_user(2, order.id) is None
    assert await orders.get_for_user_by_panel_id(2, "abc123") is None
    mine = await orders.get_for_user(1, order.id)
    assert mine is not None
    assert mine.id == order.id
    assert await orders.get_for_user_by_panel_id(1, "abc123") == mine
    assert await orders.list_for_user(2, 10) == []
    assert await orders.count_for_user(2) == 0


async def test_lists_are_newest_first_and_paged(db: Database) -> None:
    await customer(db, 1, "100")
    orders = OrdersRepo(db)
    ids = [(await orders.create_and_charge(quote(1, f"tok-{n}"))).id for n in range(5)]
    assert [o.id for o in await orders.list_for_user(1, 2)] == ids[::-1][:2]
    assert [o.id for o in await orders.list_for_user(1, 2, offset=4)] == ids[:1]
    assert await orders.count_for_user(1) == 5


async def test_placed_orders_keep_the_panel_id_as_text(db: Database) -> None:
    await customer(db, 1, "10")
    orders = OrdersRepo(db)
    first = await orders.create_and_charge(quote(1, "tok-1"))
    second = await orders.create_and_charge(quote(1, "tok-2"))
    placed = await orders.mark_placed(first.id, "0042")
    assert (placed.status, placed.panel_order_id) == (Status.PENDING, "0042")
    with pytest.raises(PanelIdTaken):
        await orders.mark_placed(second.id, "0042")
    unchanged = await orders.get(second.id)
    assert unchanged is not None
    assert unchanged.status == Status.PLACING
    with pytest.raises(OrderStateError) as caught:
        await orders.mark_placed(first.id, "0043")  # already placed
    assert caught.value.status == Status.PENDING


async def test_a_refused_order_fails_and_is_refunded_once(db: Database) -> None:
    await customer(db, 1, "10")
    orders = OrdersRepo(db)

    async def fail_and_refund(order_id: int, error: str) -> Order:
        async with db.transaction() as tx:
            return await post_refund(tx, await orders.mark_failed(tx, order_id, error), 2)

    order = await orders.create_and_charge(quote(1, "tok-1"))
    failed = await fail_and_refund(order.id, "Not enough funds on balance")
    assert (failed.status, failed.error) == (Status.FAILED, "Not enough funds on balance")
    assert failed.is_final
    assert await LedgerRepo(db).balance(1) == 10
    with pytest.raises(OrderStateError):
        await fail_and_refund(order.id, "again")
    assert await LedgerRepo(db).balance(1) == 10
    with pytest.raises(OrderStateError) as caught:
        await orders.mark_unknown(404, "no such order")
    assert caught.value.status is None


async def test_an_unknown_outcome_holds_the_money_until_settled(db: Database) -> None:
    await customer(db, 1, "10")
    orders = OrdersRepo(db)
    order = await orders.create_and_charge(quote(1, "tok-1"))
    unknown = await orders.mark_unknown(order.id, "read timeout")
    assert (unknown.status, unknown.error) == (Status.UNKNOWN, "read timeout")
    assert await LedgerRepo(db).balance(1) == Decimal("6.4")
    settled = await orders.mark_placed(order.id, "777")
    assert (settled.status, settled.error) == (Status.PENDING, None)


async def test_orders_left_placing_become_unknown_at_start_up(db: Database) -> None:
    await customer(db, 1, "20")
    orders = OrdersRepo(db)
    first = await orders.create_and_charge(quote(1, "tok-1"))
    placed = await orders.create_and_charge(quote(1, "tok-2"))
    await orders.mark_placed(placed.id, "9")
    third = await orders.create_and_charge(quote(1, "tok-3"))
    recovered = await orders.placing_to_unknown()
    assert [o.id for o in recovered] == [first.id, third.id]
    assert all(o.status == Status.UNKNOWN and o.error for o in recovered)
    assert await orders.placing_to_unknown() == []
    still = await orders.get(placed.id)
    assert still is not None
    assert still.status == Status.PENDING


async def test_panel_statuses_are_recorded_with_remains_clamped(db: Database) -> None:
    await customer(db, 1, "10")
    orders = OrdersRepo(db)
    order = await orders.create_and_charge(quote(1, "tok-1"))
    assert await orders.list_to_follow() == []
    await orders.mark_placed(order.id, "55")
    assert [o.id for o in await orders.list_to_follow()] == [order.id]
    async with db.transaction() as tx:
        moving = await orders.set_panel_status(
            tx, order.id, "In progress", remains=-3, start_count=10, panel_charge=Decimal("3")
        )
    assert (moving.remains, moving.start_count, moving.panel_charge) == (0, 10, Decimal(3))
    async with db.transaction() as tx:
        done = await orders.set_panel_status(
            tx, order.id, "Partial", remains=5000, start_count=10, panel_charge=None
        )
    assert (done.status, done.remains, done.is_final) == ("Partial", 1000, True)
    assert await orders.list_to_follow() == []
    with pytest.raises(OrderStateError):
        async with db.transaction() as tx:
            await orders.set_panel_status(
                tx, order.id, "Completed", remains=0, start_count=None, panel_charge=None
            )
    with pytest.raises(ValueError, match="panel status"):
        async with db.transaction() as tx:
            await orders.set_panel_status(
                tx, order.id, "placing", remains=0, start_count=None, panel_charge=None
            )


async def test_refund_for_remains_is_exact_and_rounded_down(db: Database) -> None:
    await customer(db, 1, "10")
    order = await OrdersRepo(db).create_and_charge(quote(1, "tok-1", charge="1.00", quantity=3))
    # 1.00 / 3 per unit: 2 left are worth 0.666..., refunded 0.66 at two decimals.
    assert refund_for(order, 2, 2) == Decimal("0.66")
    assert refund_for(order, 3, 2) == Decimal("1.00")
    assert refund_for(order, 99, 2) == order.charge
    assert refund_for(order, -1, 2) == 0
    assert refund_for(order, 2, 5) == Decimal("0.66666")
