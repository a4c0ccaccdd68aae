"""Settling an order of unknown outcome: the change, the refund and the customer's notice
commit together or not at all, once per order."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher

from bot.formats import Money
from bot.orders import settling
from bot.storage import (
    Database,
    LedgerRepo,
    Order,
    OrdersRepo,
    OrderStateError,
    OutboxRepo,
    PanelIdTaken,
    Status,
)
from tests.conftest import fund
from tests.harness import BotClient, texts
from tests.helpers import balance_of
from tests.test_accounts import AMOUNTS, Boom, BrokenOutbox, news_of, refused_as_blocked
from tests.test_storage import quote

CUSTOMER = 5300


async def unknown_order(db: Database, confirm: str = "t-1") -> Order:
    """Charged 3.60 of a balance of 10, then the panel's answer was lost."""
    await fund(db, CUSTOMER, "10")
    orders = OrdersRepo(db)
    order = await orders.create_and_charge(quote(CUSTOMER, confirm))
    return await orders.mark_unknown(order.id, "read timeout")


async def test_attach_follows_the_order_and_queues_exactly_one_notice(db: Database) -> None:
    order = await unknown_order(db)
    wakes: list[str] = []
    settled = await settling.attach(news_of(db, wakes), OrdersRepo(db), order.id, "a1b2")
    assert (settled.status, settled.panel_order_id) == (Status.PENDING, "a1b2")
    assert await balance_of(db, CUSTOMER) == Decimal("6.4")  # the charge stands
    [notice] = await OutboxRepo(db).for_user(CUSTOMER)
    assert (notice.key, notice.order_id) == ("settled-placed", order.id)
    assert notice.values == {"id": str(order.id), "panel": "a1b2"}
    assert wakes == ["wake"]


async def test_fail_refunds_and_queues_exactly_one_notice(db: Database) -> None:
    order = await unknown_order(db)
    wakes: list[str] = []
    news = news_of(db, wakes)
    settled = await settling.fail(news, OrdersRepo(db), AMOUNTS, order.id)
    assert (settled.status, settled.refunded) == (Status.FAILED, Decimal("3.6"))
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    refund = (await LedgerRepo(db).entries(CUSTOMER))[0]
    assert (refund.reason, refund.amount, refund.order_id) == ("refund", Decimal("3.6"), order.id)
    [notice] = await OutboxRepo(db).for_user(CUSTOMER)
    assert (notice.key, notice.order_id) == ("settled-failed", order.id)
    assert notice.values == {"id": str(order.id), "refund": Money(Decimal("3.6"), 2, "UZS")}
    assert wakes == ["wake"]

    # Settled once: a second settling changes nothing and tells nothing.
    with pytest.raises(OrderStateError):
        await settling.fail(news, OrdersRepo(db), AMOUNTS, order.id)
    with pytest.raises(OrderStateError):
        await settling.attach(news, OrdersRepo(db), order.id, "a1b2")
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    assert len(await OutboxRepo(db).for_user(CUSTOMER)) == 1
    assert wakes == ["wake"]
    assert await LedgerRepo(db).check_consistency() == []


@pytest.mark.parametrize("attach", [True, False])
async def test_a_settling_whose_notice_fails_changes_nothing(db: Database, attach: bool) -> None:
    order = await unknown_order(db)
    wakes: list[str] = []
    broken = news_of(db, wakes, BrokenOutbox(db))
    settle = (
        settling.attach(broken, OrdersRepo(db), order.id, "a1b2")
        if attach
        else settling.fail(broken, OrdersRepo(db), AMOUNTS, order.id)
    )
    with pytest.raises(Boom):
        await settle
    still = await OrdersRepo(db).get(order.id)
    assert still is not None
    assert (still.status, still.panel_order_id, still.refunded) == (
        Status.UNKNOWN,
        None,
        Decimal(0),
    )
    assert await balance_of(db, CUSTOMER) == Decimal("6.4")  # still held, no refund posted
    assert [entry.reason for entry in await LedgerRepo(db).entries(CUSTOMER)] == [
        "order",
        "credit",
    ]
    assert await OutboxRepo(db).for_user(CUSTOMER) == []
    assert wakes == []
    assert await LedgerRepo(db).check_consistency() == []


async def test_a_panel_id_taken_changes_nothing(db: Database) -> None:
    first = await unknown_order(db, "t-1")
    second = await unknown_order(db, "t-2")
    news = news_of(db, [])
    await settling.attach(news, OrdersRepo(db), first.id, "a1b2")
    with pytest.raises(PanelIdTaken):
        await settling.attach(news, OrdersRepo(db), second.id, "a1b2")
    still = await OrdersRepo(db).get(second.id)
    assert still is not None
    assert still.status == Status.UNKNOWN
    assert [row.order_id for row in await OutboxRepo(db).for_user(CUSTOMER)] == [first.id]


async def test_a_customer_who_blocked_the_bot_still_gets_the_refund(
    admin: BotClient, db: Database, dp: Dispatcher, bot: Bot
) -> None:
    order = await unknown_order(db)
    assert texts(await admin.send(f"/fail {order.id}")) == [
        f"Order #{order.id} marked as not placed; 3.60 returned to {CUSTOMER}."
    ]
    [notice] = await refused_as_blocked(dp, bot, CUSTOMER)
    assert (notice.key, notice.drop_reason) == ("settled-failed", "blocked")
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    settled = await OrdersRepo(db).get(order.id)
    assert settled is not None
    assert (settled.status, settled.refunded) == (Status.FAILED, Decimal("3.6"))
    assert await LedgerRepo(db).check_consistency() == []
