"""Admins' /credit, /debit, /user and settling orders of unknown outcome."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.storage import LedgerRepo, OrdersRepo, UsersRepo
from tests.conftest import ADMIN_ID, MakeClient, fund
from tests.harness import BotClient, texts
from tests.helpers import balance_of, delivered
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_flow import to_summary
from tests.test_storage import quote

UNKNOWN = "We don't know that command. Send /help to see what you can do here."
CUSTOMER = 5100


@pytest.fixture
async def customer(make_client: MakeClient) -> BotClient:
    client = make_client(user_id=CUSTOMER, language_code="ru")
    await client.send("/start")
    return client


async def test_credit_moves_money_records_the_admin_and_tells_the_customer(
    admin: BotClient, customer: BotClient, db, dp, bot
) -> None:
    await dp["catalogue"].current()
    assert texts(await admin.send(f"/credit {CUSTOMER} 25.5")) == [
        f"Credited 25.50 UZS to {CUSTOMER}. Their balance: 25.50 UZS."
    ]
    assert await balance_of(db, CUSTOMER) == Decimal("25.5")
    [entry] = await LedgerRepo(db).entries(CUSTOMER)
    assert (entry.reason, entry.actor, entry.amount) == ("credit", ADMIN_ID, Decimal("25.5"))
    assert await delivered(dp, bot, CUSTOMER) == [
        "💰 На ваш баланс зачислено 25,50\u00a0сум. Ваш баланс: 25,50\u00a0сум."
    ]
    assert await delivered(dp, bot, CUSTOMER) == []  # told once


async def test_debit_never_goes_below_zero(admin: BotClient, customer: BotClient, db) -> None:
    await fund(db, CUSTOMER, "10")
    assert texts(await admin.send(f"/debit {CUSTOMER} 4")) == [
        f"Debited 4.00 from {CUSTOMER}. Their balance: 6.00."
    ]
    assert texts(await admin.send(f"/debit {CUSTOMER} 6.01")) == [
        f"Not debited: {CUSTOMER} has only 6.00, less than 6.01."
    ]
    assert await balance_of(db, CUSTOMER) == Decimal(6)
    entries = await LedgerRepo(db).entries(CUSTOMER)
    newest = entries[0]
    assert (newest.reason, newest.amount, newest.actor) == ("debit", Decimal(-4), ADMIN_ID)


@pytest.mark.parametrize(
    "args",
    [
        "",
        f"{CUSTOMER}",
        f"{CUSTOMER} 1 2",
        f"12a {1}",
        f"{CUSTOMER} 1_000",
        f"{CUSTOMER} NaN",
        f"{CUSTOMER} 0",
        f"{CUSTOMER} -5",
        f"{CUSTOMER} 1.001",
        f"{CUSTOMER} １２",
        f"{CUSTOMER} 1e3",
    ],
)
async def test_bad_credit_or_debit_gets_the_usage_and_moves_nothing(
    admin: BotClient, customer: BotClient, db, args
) -> None:
    assert texts(await admin.send(f"/credit {args}")) == [
        "Usage: /credit USER_ID AMOUNT, for example /credit 123456789 50"
    ]
    assert texts(await admin.send(f"/debit {args}")) == [
        "Usage: /debit USER_ID AMOUNT, for example /debit 123456789 50"
    ]
    assert await LedgerRepo(db).entries(CUSTOMER) == []


async def test_credit_to_someone_who_never_came(admin: BotClient, db) -> None:
    assert texts(await admin.send("/credit 777 5")) == [
        "There is no customer 777: they have to open the bot first."
    ]
    assert await UsersRepo(db).get(777) is None


@pytest.mark.parametrize(
    "command",
    [
        f"/credit {CUSTOMER} 5",
        f"/debit {CUSTOMER} 5",
        f"/user {CUSTOMER}",
        "/unknown",
        "/attach 1 23501",
        "/fail 1",
    ],
)
async def test_customers_cannot_use_admin_commands(
    customer: BotClient, make_client: MakeClient, db, command
) -> None:
    other = make_client(user_id=5200)
    assert texts(await other.send(command)) == [UNKNOWN]
    assert await balance_of(db, CUSTOMER) == 0


async def test_user_card(admin: BotClient, customer: BotClient, db, emulator) -> None:
    await fund(db, CUSTOMER, "20")
    await to_summary(customer)
    await customer.click_text("✅ Подтвердить и оплатить")
    [text] = texts(await admin.send(f"/user {CUSTOMER}"))
    assert f"<b>Customer</b> Alice <code>{CUSTOMER}</code>" in text
    assert "Balance: 12.80 UZS" in text
    assert "Language: Русский, from Telegram (not chosen). Blocked the bot: no." in text
    assert "Gets broadcasts: yes." in text
    assert "Orders: 1 (pending 1)" in text
    assert "#1 · No. 23501 · 7-day Join — Telegram Members × 100 · 7.20 UZS · pending" in text
    assert "Top-ups (latest): 0" in text
    # the ledger, newest first, reasons in words
    ledger = text.split("<b>Ledger</b>, latest 2 postings:\n")[1].splitlines()
    assert [line.split(" · ", 1)[1] for line in ledger] == [
        "-7.20 UZS · order #1",
        "+20.00 UZS · credit by an admin",
    ]
    assert texts(await admin.send("/user 42424242")) == [
        "There is no customer 42424242: they have to open the bot first."
    ]
    assert texts(await admin.send("/user x")) == ["Usage: /user USER_ID"]


async def unknown_order(customer: BotClient, db, emulator: PanelEmulator, *, performed: bool):
    await fund(db, CUSTOMER, "10")
    await to_summary(customer)
    emulator.fault(FaultKind.HTTP_502_HTML, action="add", perform=performed, times=1)
    await customer.click_text("✅ Подтвердить и оплатить")
    order = (await OrdersRepo(db).list_for_user(CUSTOMER, 10))[0]  # newest first
    assert order.status == "unknown"
    return order


async def test_unknown_orders_are_listed_and_attached(
    admin: BotClient, customer: BotClient, db, dp, bot, emulator: PanelEmulator
) -> None:
    assert texts(await admin.send("/unknown")) == ["No orders of unknown outcome."]
    order = await unknown_order(customer, db, emulator, performed=True)
    [listing] = texts(await admin.send("/unknown"))
    assert (
        f"#{order.id} · customer Alice <code>{CUSTOMER}</code> · service 1: "
        "7-day Join — Telegram Members" in listing
    )
    assert "held 7.20 UZS" in listing
    assert "/attach ORDER_ID PANEL_ORDER_ID" in listing
    # The admin finds it at the panel as 23501.
    assert texts(await admin.send(f"/attach {order.id} 23501")) == [
        f"Order #{order.id} is panel order 23501 now; its status will be followed."
    ]
    settled = await OrdersRepo(db).get(order.id)
    assert settled is not None
    assert (settled.status, settled.panel_order_id) == ("Pending", "23501")
    assert [o.id for o in await OrdersRepo(db).list_to_follow()] == [order.id]
    assert await balance_of(db, CUSTOMER) == Decimal("2.8")  # charged, as it was placed
    assert await delivered(dp, bot, CUSTOMER) == [
        f"✅ Ваш заказ #{order.id} всё-таки оформлен. Мы сообщим, когда он будет выполнен."
    ]
    assert texts(await admin.send(f"/attach {order.id} 23501")) == [
        f"Order #{order.id} is Pending, not of unknown outcome: nothing to settle."
    ]


async def test_unknown_orders_are_failed_with_a_refund(
    admin: BotClient, customer: BotClient, db, dp, bot, emulator: PanelEmulator
) -> None:
    order = await unknown_order(customer, db, emulator, performed=False)
    assert texts(await admin.send(f"/fail {order.id}")) == [
        f"Order #{order.id} marked as not placed; 7.20 UZS returned to {CUSTOMER}."
    ]
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    assert await delivered(dp, bot, CUSTOMER) == [
        f"❌ Ваш заказ #{order.id} оформить не удалось. Возвращено на ваш баланс: 7,20\u00a0сум."
    ]
    # settled once: a second /fail refunds nothing more
    assert texts(await admin.send(f"/fail {order.id}")) == [
        f"Order #{order.id} is failed, not of unknown outcome: nothing to settle."
    ]
    assert await balance_of(db, CUSTOMER) == Decimal(10)


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("/attach", "Usage: /attach ORDER_ID PANEL_ORDER_ID"),
        ("/attach 1", "Usage: /attach ORDER_ID PANEL_ORDER_ID"),
        ("/attach 1 <b>", "Usage: /attach ORDER_ID PANEL_ORDER_ID"),
        ("/fail", "Usage: /fail ORDER_ID"),
        ("/fail 1 2", "Usage: /fail ORDER_ID"),
        ("/fail 99", "There is no order #99."),
    ],
)
async def test_settling_needs_the_right_words(admin: BotClient, command, answer) -> None:
    assert texts(await admin.send(command)) == [answer]


async def test_a_panel_id_cannot_belong_to_two_orders(
    admin: BotClient, customer: BotClient, db, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "20")
    await to_summary(customer)
    await customer.click_text("✅ Подтвердить и оплатить")  # placed as 23501
    order = await unknown_order(customer, db, emulator, performed=False)
    assert texts(await admin.send(f"/attach {order.id} 23501")) == [
        "Panel order 23501 already belongs to another order."
    ]
    still = await OrdersRepo(db).get(order.id)
    assert still is not None
    assert still.status == "unknown"


async def test_a_long_list_of_unknown_orders_comes_in_several_messages(
    admin: BotClient, db, emulator: PanelEmulator
) -> None:
    # 40 orders of unknown outcome (a panel down for an afternoon) are more than one
    # message can hold: each goes in whole, none is left out, nothing Telegram refuses.
    await fund(db, CUSTOMER, "400")
    repo = OrdersRepo(db)
    waiting = []
    for number in range(40):
        order = await repo.create_and_charge(quote(CUSTOMER, f"many-{number}", "1.00"))
        waiting.append(await repo.mark_unknown(order.id, "panel add: HTTP 502: 'Bad Gateway'"))
    listing = texts(await admin.send("/unknown"))
    assert len(listing) > 1
    assert all(len(text) <= 4096 for text in listing)
    assert listing[0].startswith("<b>Orders of unknown outcome</b>: 40")
    assert listing[-1].endswith("or /fail ORDER_ID if it does not (the customer is refunded).")
    joined = "\n\n".join(listing)
    for order in waiting:
        assert joined.count(f"#{order.id} · customer <code>{CUSTOMER}</code> ·") == 1
