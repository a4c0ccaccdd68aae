"""The refund rule, its one posting, and `orders.refunded`: kept with the posting (also for
orders refunded before the column existed) and read back wherever an order is shown."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

from aiogram import Bot, Dispatcher

from bot.i18n import Translator
from bot.money import Amounts
from bot.orders.refunds import post_refund, refund_due
from bot.orders.texts import order_card
from bot.storage import Database, LedgerRepo, Order, OrdersRepo, Status
from bot.storage.migrations import MIGRATIONS, statements
from bot.telegram.callbacks import OrderCb
from tests.harness import BotClient
from tests.order_factory import place, refunds_of
from tests.panel_emulator import PanelEmulator
from tests.test_orders import card_of

REFUNDED = next(n for n, script in enumerate(MIGRATIONS, 1) if "ADD COLUMN refunded" in script)


async def stored(db: Database, order_id: int) -> Order:
    order = await OrdersRepo(db).get(order_id)
    assert order is not None
    return order


async def test_what_each_status_gives_back(db: Database, emulator: PanelEmulator) -> None:
    order = await place(db, emulator, charge="1.00", quantity=3)
    # 1.00 / 3 per unit: 2 left are worth 0.666..., given back rounded down.
    expected = {
        Status.FAILED: Decimal("1.00"),
        Status.CANCELED: Decimal("1.00"),
        Status.PARTIAL: Decimal("0.66"),
        Status.COMPLETED: Decimal(0),
        Status.IN_PROGRESS: Decimal(0),
        Status.UNKNOWN: Decimal(0),
    }
    for status, amount in expected.items():
        assert refund_due(replace(order, status=status, remains=2), 2) == amount, status
    # Never more than the charge, whatever the panel says remains.
    assert refund_due(replace(order, status=Status.PARTIAL, remains=99), 2) == order.charge


async def test_a_refund_is_posted_once_and_kept_on_the_order(
    db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, charge="1.00", quantity=3)
    assert order.refunded == 0
    partial = replace(order, status=Status.PARTIAL, remains=2)
    async with db.transaction() as tx:
        first = await post_refund(tx, partial, 2)
    assert first.refunded == Decimal("0.66")
    # A later Canceled must not pay again; the order still says what it got.
    async with db.transaction() as tx:
        again = await post_refund(tx, replace(partial, status=Status.CANCELED), 2)
    assert again.refunded == Decimal("0.66")
    assert await refunds_of(db, order.id) == [Decimal("0.66")]
    assert (await stored(db, order.id)).refunded == Decimal("0.66")
    assert await LedgerRepo(db).balance(1001) == Decimal("0.66")


async def test_nothing_is_posted_for_a_status_that_gives_nothing_back(
    db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    async with db.transaction() as tx:
        done = await post_refund(tx, replace(order, status=Status.COMPLETED), 2)
    assert done.refunded == 0
    assert await refunds_of(db, order.id) == []


async def test_the_upgrade_fills_in_what_orders_were_refunded(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    now = "2026-01-01T00:00:00.000000Z"
    unit = 10**8  # minor units of 1.00
    with sqlite3.connect(path, isolation_level=None) as conn:
        for script in MIGRATIONS[: REFUNDED - 1]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {REFUNDED - 1}")
        conn.execute(
            "INSERT INTO users (id, balance, created_at, updated_at) VALUES (1, 0, ?, ?)",
            (now, now),
        )
        # (status, charge, refund posted); ids 1.. in this order.
        history = [("Partial", 3, 1), ("Canceled", 2, 2), ("Completed", 4, 0), ("Pending", 5, 0)]
        for number, (status, charge, refund) in enumerate(history, 1):
            conn.execute(
                "INSERT INTO orders (user_id, service_id, service_name, service_type,"
                " service_category, rate, can_cancel, can_refill, link, quantity, charge,"
                " status, created_at, updated_at) VALUES (1, 1, 'Members', 'Default',"
                " 'Telegram', 0, 1, 0, 'https://t.me/x', 100, ?, ?, ?, ?)",
                (charge * unit, status, now, now),
            )
            postings = [(charge * unit, "credit", None), (-charge * unit, "order", number)]
            if refund:
                postings.append((refund * unit, "refund", number))
            for amount, reason, order_id in postings:
                conn.execute(
                    "INSERT INTO ledger (user_id, amount, reason, order_id, created_at)"
                    " VALUES (1, ?, ?, ?, ?)",
                    (amount, reason, order_id, now),
                )
                conn.execute("UPDATE users SET balance = balance + ? WHERE id = 1", (amount,))
    conn.close()

    async with await Database.open(path) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        orders = OrdersRepo(db)
        assert [(await stored(db, n)).refunded for n in (1, 2, 3, 4)] == [1, 2, 0, 0]
        # From now on the trigger keeps it, with the posting.
        pending = await stored(db, 4)
        async with db.transaction() as tx:
            canceled = await orders.set_panel_status(
                tx, pending.id, Status.CANCELED, remains=None, start_count=None, panel_charge=None
            )
            assert (await post_refund(tx, canceled, 2)).refunded == 5
        assert (await stored(db, 4)).refunded == 5
        assert await LedgerRepo(db).check_consistency() == []


async def test_the_card_reads_the_refund_back(
    client: BotClient,
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    order = await place(db, emulator, charge="1.00", quantity=3)
    emulator.set_status(order.panel_order_id or "", "Partial", remains=2)
    await dp["sweeper"].run_once(bot)
    assert await refunds_of(db, order.id) == [Decimal("0.66")]
    card = card_of(await client.click(OrderCb(action="view", id=order.id, page=0)))
    assert "Returned to your balance: 0.66" in card.text

    # Shown as it was posted, not worked out again: at 8 decimals the rule would now give
    # 0.66666666, but what came back was 0.66.
    partial = await stored(db, order.id)
    text = order_card(translator.texts("en"), partial, Amounts(8))
    assert "Returned to your balance: 0.66000000" in text
