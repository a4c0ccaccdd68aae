"""News: a change and the message about it commit together, and the sender is woken only
after the commit, only if something was queued."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing

import pytest
from aiogram import Bot, Dispatcher

from bot.notify.news import News
from bot.notify.sender import OutboxSender
from bot.storage import Database, OutboxRepo, UsersRepo
from tests.conftest import ADMIN_ID, MakeClient
from tests.harness import sent_to
from tests.test_lifecycle import wait_for

VALUES = {"amount": "1.00", "balance": "1.00"}


class Boom(Exception):
    pass


@pytest.fixture
async def woken(db: Database) -> list[int]:
    """What the sender would find at each wake: the messages committed, as another
    connection sees them."""
    await UsersRepo(db).ensure(1001)
    return []


def news(db: Database, woken: list[int]) -> News:
    def wake() -> None:
        with closing(sqlite3.connect(db.path)) as conn:
            woken.append(conn.execute("SELECT count(*) FROM outbox").fetchone()[0])

    return News(db, OutboxRepo(db), wake=wake)


async def test_the_sender_is_woken_after_the_commit(db: Database, woken: list[int]) -> None:
    async with news(db, woken).transaction() as work:
        assert await work.tell(1001, "credit-notice", VALUES)
        assert woken == []
    assert woken == [1]


async def test_a_rolled_back_message_is_not_kept_and_wakes_nothing(
    db: Database, woken: list[int]
) -> None:
    async def tell_then_fail() -> None:
        async with news(db, woken).transaction() as work:
            await work.tell(1001, "credit-notice", VALUES)
            raise Boom

    with pytest.raises(Boom):
        await tell_then_fail()
    assert woken == []
    assert await OutboxRepo(db).for_user(1001) == []


async def test_a_change_without_a_message_wakes_nothing(db: Database, woken: list[int]) -> None:
    async with news(db, woken).transaction() as work:
        await work.tx.execute("UPDATE users SET language = 'en' WHERE id = 1001")
    assert woken == []
    user = await UsersRepo(db).get(1001)
    assert user is not None
    assert user.language == "en"


async def test_news_of_an_order_told_before_wakes_nothing(db: Database, woken: list[int]) -> None:
    async with db.transaction() as tx:
        await tx.execute(
            "INSERT INTO orders (user_id, service_id, service_name, service_type,"
            " service_category, rate, can_cancel, can_refill, link, quantity, charge, status,"
            " created_at, updated_at) VALUES (1001, 1, 'Members', 'Default', 'Telegram', 0, 1,"
            " 0, 'https://t.me/x', 100, 1, 'Pending', '', '')"
        )
    told = news(db, woken)
    async with told.transaction() as work:
        assert await work.tell(1001, "notify-started", VALUES, order_id=1)
    async with told.transaction() as work:
        assert not await work.tell(1001, "notify-started", VALUES, order_id=1)
    assert woken == [1]


async def test_an_admins_credit_wakes_the_running_sender(
    make_client: MakeClient, dp: Dispatcher, bot: Bot, db: Database
) -> None:
    await dp["catalogue"].current()
    customer = make_client(user_id=5100)
    await customer.send("/start")
    greeted = len(sent_to(bot, 5100))
    sender: OutboxSender = dp["outbox_sender"]
    sender.start(bot)
    try:
        await asyncio.sleep(0.05)  # idle: nothing due, waiting up to 30 s
        await make_client(user_id=ADMIN_ID).send("/credit 5100 2")
        # Well before the sender's idle check: only the wake can have sent it this soon.
        await wait_for(lambda: len(sent_to(bot, 5100)) > greeted, seconds=2)
    finally:
        await sender.stop(5)
    assert sent_to(bot, 5100)[greeted:] == [
        "💰 2.00 UZS was added to your balance. Your balance: 2.00 UZS."
    ]
