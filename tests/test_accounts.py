"""An admin's credit and debit: the posting and the customer's notice commit together, or
neither does; the balance is always the sum of the ledger."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import SendMessage

from bot import accounts
from bot.formats import Money
from bot.money import Amounts
from bot.notify.news import News
from bot.notify.sender import Delivery
from bot.storage import (
    BalanceLimit,
    Database,
    InsufficientFunds,
    LedgerRepo,
    OutboxRepo,
    OutboxRow,
    UnknownUser,
    UsersRepo,
)
from tests.conftest import ADMIN_ID, fund
from tests.harness import BotClient, sent_to, texts
from tests.helpers import balance_of

CUSTOMER = 5200
AMOUNTS = Amounts(2, lambda: "UZS")


class Boom(Exception):
    pass


class BrokenOutbox(OutboxRepo):
    """An outbox whose insert fails: whatever the transaction posted before must go too."""

    async def add(self, *args: Any, **kwargs: Any) -> bool:
        raise Boom


async def refused_as_blocked(dp: Dispatcher, bot: Bot, user_id: int) -> list[OutboxRow]:
    """Telegram refuses the user's next message (they blocked the bot) as the outbox sends
    it; everything queued for the user afterwards."""
    refusal = SendMessage(chat_id=user_id, text="x")
    bot.session.plan(  # type: ignore[attr-defined]
        SendMessage, TelegramForbiddenError(method=refusal, message="Forbidden: bot was blocked")
    )
    before = len(sent_to(bot, user_id))
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.BLOCKED: 1}
    assert len(sent_to(bot, user_id)) == before + 1  # tried once, refused
    return await OutboxRepo(dp["db"]).for_user(user_id)


def news_of(db: Database, wakes: list[str], outbox: OutboxRepo | None = None) -> News:
    return News(db, outbox or OutboxRepo(db), wake=lambda: wakes.append("wake"))


async def test_a_credit_posts_once_and_queues_exactly_one_notice(db: Database) -> None:
    await UsersRepo(db).ensure(CUSTOMER)
    wakes: list[str] = []
    balance = await accounts.credit(
        news_of(db, wakes), AMOUNTS, CUSTOMER, Decimal("25.5"), admin_id=ADMIN_ID
    )
    assert balance == Decimal("25.5")
    [entry] = await LedgerRepo(db).entries(CUSTOMER)
    assert (entry.reason, entry.amount, entry.actor) == ("credit", Decimal("25.5"), ADMIN_ID)
    [notice] = await OutboxRepo(db).for_user(CUSTOMER)
    assert notice.key == "credit-notice"
    assert notice.values == {
        "amount": Money(Decimal("25.5"), 2, "UZS"),
        "balance": Money(Decimal("25.5"), 2, "UZS"),
    }
    assert wakes == ["wake"]  # the sender is woken for it
    assert await LedgerRepo(db).check_consistency() == []


async def test_a_credit_whose_notice_fails_posts_nothing(db: Database) -> None:
    await fund(db, CUSTOMER, "3")
    wakes: list[str] = []
    broken = news_of(db, wakes, BrokenOutbox(db))
    with pytest.raises(Boom):
        await accounts.credit(broken, AMOUNTS, CUSTOMER, Decimal(5), admin_id=ADMIN_ID)
    assert await balance_of(db, CUSTOMER) == Decimal(3)
    assert [entry.reason for entry in await LedgerRepo(db).entries(CUSTOMER)] == ["credit"]
    assert await OutboxRepo(db).for_user(CUSTOMER) == []
    assert wakes == []
    assert await LedgerRepo(db).check_consistency() == []


async def test_a_debit_posts_and_queues_no_notice(db: Database) -> None:
    await fund(db, CUSTOMER, "10")
    wakes: list[str] = []
    news = news_of(db, wakes)
    assert await accounts.debit(news, CUSTOMER, Decimal(4), admin_id=ADMIN_ID) == Decimal(6)
    newest = (await LedgerRepo(db).entries(CUSTOMER))[0]
    assert (newest.reason, newest.amount, newest.actor) == ("debit", Decimal(-4), ADMIN_ID)
    assert await OutboxRepo(db).for_user(CUSTOMER) == []
    assert wakes == []
    assert await LedgerRepo(db).check_consistency() == []


async def test_refused_moves_change_nothing(db: Database) -> None:
    await fund(db, CUSTOMER, "10")
    wakes: list[str] = []
    news = news_of(db, wakes)
    with pytest.raises(InsufficientFunds):
        await accounts.debit(news, CUSTOMER, Decimal("10.01"), admin_id=ADMIN_ID)
    with pytest.raises(BalanceLimit):
        await accounts.credit(news, AMOUNTS, CUSTOMER, Decimal(10) ** 15, admin_id=ADMIN_ID)
    with pytest.raises(UnknownUser):
        await accounts.credit(news, AMOUNTS, 777, Decimal(1), admin_id=ADMIN_ID)
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    assert len(await LedgerRepo(db).entries(CUSTOMER)) == 1  # the funding only
    assert await OutboxRepo(db).for_user(CUSTOMER) == []
    assert await UsersRepo(db).get(777) is None
    assert wakes == []


async def test_a_customer_who_blocked_the_bot_keeps_the_credit(
    admin: BotClient, make_client, db: Database, dp: Dispatcher, bot: Bot
) -> None:
    await dp["catalogue"].current()  # the currency amounts are shown in
    await make_client(user_id=CUSTOMER).send("/start")
    assert texts(await admin.send(f"/credit {CUSTOMER} 7")) == [
        f"Credited 7.00 UZS to {CUSTOMER}. Their balance: 7.00 UZS."
    ]
    [notice] = await refused_as_blocked(dp, bot, CUSTOMER)
    assert notice.drop_reason == "blocked"
    assert await balance_of(db, CUSTOMER) == Decimal(7)
    [entry] = await LedgerRepo(db).entries(CUSTOMER)
    assert (entry.reason, entry.amount) == ("credit", Decimal(7))

    # Blocked already: the next credit is posted, its notice dropped without asking Telegram.
    tried = len(sent_to(bot, CUSTOMER))
    assert texts(await admin.send(f"/credit {CUSTOMER} 3")) == [
        f"Credited 3.00 UZS to {CUSTOMER}. Their balance: 10.00 UZS."
    ]
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.DROPPED: 1}
    assert len(sent_to(bot, CUSTOMER)) == tried
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    assert await LedgerRepo(db).check_consistency() == []
