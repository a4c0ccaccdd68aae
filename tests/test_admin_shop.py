"""Admins' /balance, /stats and /refresh; and what a non-admin gets for them."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from bot.orders.refunds import post_refund
from bot.storage import OrdersRepo
from bot.storage.stats import since_days
from tests.conftest import ADMIN_ID, fund
from tests.harness import BotClient, texts
from tests.order_factory import place
from tests.panel_emulator import EmulatedService, FaultKind, PanelEmulator
from tests.test_order_flow import to_service, to_summary
from tests.test_service_types import POST

UNKNOWN = "We don't know that command. Send /help to see what you can do here."


async def test_admin_balance_adds_the_panel_and_what_customers_hold(
    admin: BotClient, make_client, db, dp
) -> None:
    await dp["catalogue"].current()  # the currency is known once the catalogue is
    await fund(db, ADMIN_ID, "1")
    await fund(db, 5001, "40.5")
    await fund(db, 5002, "9.5")
    [text] = texts(await admin.send("/balance"))
    assert text.startswith("Your own balance: <b>1.00 UZS</b>\n")
    assert "/topup" not in text  # the customer's "top up with /topup" is not for admins
    assert "Customers' balances in all: 51.00 UZS" in text
    assert "Panel balance: <b>100.84292 UZS</b>" in text
    assert "Stars rate: 1 ⭐ = 0.01 UZS, so 100 ⭐ top up 1.00 UZS (STARS_RATE)." in text
    assert "⚠️" not in text


async def test_admin_is_warned_when_the_panel_holds_less_than_is_owed(
    admin: BotClient, db, emulator: PanelEmulator
) -> None:
    emulator.balance = Decimal("20")
    await fund(db, 5001, "25")
    [text] = texts(await admin.send("/balance"))
    assert "⚠️ The panel holds 5.00 UZS less than customers have on their balances." in text


async def test_admin_balance_when_the_panel_is_down(admin: BotClient, emulator) -> None:
    emulator.fault(FaultKind.HTTP_500)
    [text] = texts(await admin.send("/balance"))
    assert "Panel balance: can't be read now (panel balance: HTTP 500" in text
    assert emulator.key not in text


async def test_a_customer_gets_their_own_balance_only(client: BotClient, db, emulator) -> None:
    await fund(db, client.user.id, "3")
    [text] = texts(await client.send("/balance"))
    assert "Panel" not in text
    assert emulator.calls("balance") == []


@pytest.mark.parametrize("command", ["/stats", "/refresh", "/refund 1"])
async def test_admin_commands_look_unknown_to_customers(
    client: BotClient, command, emulator
) -> None:
    assert texts(await client.send(command)) == [UNKNOWN]
    assert emulator.calls("services") == []


async def test_stats_count_orders_and_money(admin: BotClient, make_client, db, emulator) -> None:
    customer = make_client(user_id=5003)
    await fund(db, customer.user.id, "30")
    for _ in range(2):
        await to_summary(customer)
        await customer.click_text("✅ Confirm and pay")
    emulator.canned({"error": "Bad link"}, action="add")
    await to_summary(customer)
    await customer.click_text("✅ Confirm and pay")
    # The panel reports what the first one cost it.
    orders = OrdersRepo(db)
    first = (await orders.list_for_user(customer.user.id, 10))[-1]
    async with db.transaction() as tx:
        await orders.set_panel_status(
            tx, first.id, "Completed", remains=0, start_count=5, panel_charge=Decimal("6")
        )
    [text] = texts(await admin.send("/stats"))
    assert text.startswith("<b>Shop</b>. Customers: 1")
    today = text.split("\n\n")[1]
    assert today.startswith("<b>Today</b>: 3 orders (")
    assert "(completed 1, pending 1, not placed 1)" in today
    # two charges of 7.20 kept, one refunded; the panel charged 6 for the first, the
    # second is expected to cost its rate: 60 per 1000 x 100
    assert "Revenue 14.40 UZS, cost 12.00 UZS, profit 2.40 UZS" in today
    assert "<b>All time</b>: 3 orders" in text


async def _seed(db, emulator, status: str, *, remains: int = 0, panel_charge: str | None) -> int:
    """An order of 100 at the panel's rate of 60 per 1000 (expected cost 6.00), charged
    12.00, ended with `status` and refunded as the sweep would."""
    order = await place(db, emulator, user_id=5004, charge="12.00")
    await _end(db, order.id, status, remains=remains, panel_charge=panel_charge)
    return order.id


async def _end(db, order_id: int, status: str, *, remains: int, panel_charge: str | None) -> None:
    """The order ends with `status` and is refunded as the sweep would do it."""
    orders = OrdersRepo(db)
    async with db.transaction() as tx:
        ended = await orders.set_panel_status(
            tx,
            order_id,
            status,
            remains=remains,
            start_count=0,
            panel_charge=None if panel_charge is None else Decimal(panel_charge),
        )
        await post_refund(tx, ended, 2)


async def _backdate(db, order_id: int, days: int) -> None:
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE orders SET created_at = ? WHERE id = ?",
            (since_days(datetime.now(UTC), days), order_id),
        )


async def test_stats_are_exact_on_a_seeded_shop(admin: BotClient, db, dp, emulator) -> None:
    """What the panel keeps: nothing of a canceled order (though it reports the full
    charge), the delivered share of a partial one unless it reports less, its reported
    charge of a completed one, else the expected cost."""
    await dp["catalogue"].current()
    await _seed(db, emulator, "Completed", panel_charge="6")  # revenue 12, cost 6
    await _seed(db, emulator, "Canceled", panel_charge="6")  # refunded 12: 0, cost 0
    await _seed(db, emulator, "Partial", remains=40, panel_charge="6")  # 7.20, cost 3.60
    old = await _seed(db, emulator, "Completed", panel_charge=None)  # 12, expected cost 6
    lower = await _seed(db, emulator, "Partial", remains=40, panel_charge="2")  # 7.20, cost 2
    await _backdate(db, old, 40)
    await _backdate(db, lower, 10)
    [text] = texts(await admin.send("/stats"))
    blocks = text.split("\n\n")
    assert blocks[1].splitlines() == [
        "<b>Today</b>: 3 orders (completed 1, canceled 1, partially completed 1)",
        "Revenue 19.20 UZS, cost 9.60 UZS, profit 9.60 UZS",
        "Top-ups: none",
    ]
    assert blocks[2].splitlines()[1] == "Revenue 19.20 UZS, cost 9.60 UZS, profit 9.60 UZS"
    assert blocks[3].splitlines() == [
        "<b>Last 30 days</b>: 4 orders (partially completed 2, completed 1, canceled 1)",
        "Revenue 26.40 UZS, cost 11.60 UZS, profit 14.80 UZS",
        "Top-ups: none",
    ]
    assert blocks[4].splitlines()[1] == "Revenue 38.40 UZS, cost 17.60 UZS, profit 20.80 UZS"
    assert blocks[5].splitlines() == [
        "<b>Top services by profit, last 30 days</b>",
        "1. 7-day Join — Telegram Members (service 1): 4 orders, profit 14.80 UZS",
    ]


PACKAGES = {"Package": 20, "Custom Comments Package": 21}


async def _package(client: BotClient, db, kind: str) -> int:
    """A package bought through the chat: the panel's price 5.00, the customer's 6.00 (a
    comments package of 10 comments)."""
    comments = [] if kind == "Package" else ["\n".join(f"comment {n}" for n in range(10))]
    await to_service(client, "Instagram Extras", kind)
    for text in [POST, *comments]:
        await client.send(text)
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    assert order.charge == Decimal("6.00")
    return order.id


async def test_stats_count_a_package_at_its_price(
    admin: BotClient, client: BotClient, db, emulator: PanelEmulator
) -> None:
    """A package's rate is the price of the whole order: /stats used to count it per 1000
    (a package of 5.00 cost 0.005), which understated what packages cost the shop."""
    for kind, service_id in PACKAGES.items():
        emulator.services[service_id] = EmulatedService(
            service_id, kind, kind, "Instagram Extras", Decimal(5), 1, 1000
        )
    await fund(db, client.user.id, "18")
    completed = await _package(client, db, "Package")
    # The panel never said what it charged: the cost is the service's price.
    await _end(db, completed, "Completed", remains=0, panel_charge=None)
    partial = await _package(client, db, "Custom Comments Package")
    # 7 of 10 delivered: 7/10 of the price, 3.50; the customer gets 3 x 0.60 back.
    await _end(db, partial, "Partial", remains=3, panel_charge="5")
    canceled = await _package(client, db, "Custom Comments Package")
    await _end(db, canceled, "Canceled", remains=10, panel_charge="5")  # costs nothing
    [text] = texts(await admin.send("/stats"))
    assert text.split("\n\n")[1].splitlines() == [
        "<b>Today</b>: 3 orders (completed 1, partially completed 1, canceled 1)",
        "Revenue 10.20 UZS, cost 8.50 UZS, profit 1.70 UZS",
        "Top-ups: none",
    ]


async def test_stats_in_russian_use_russian_plurals(make_client) -> None:
    admin = make_client(user_id=ADMIN_ID, language_code="ru")
    [text] = texts(await admin.send("/stats"))
    assert "<b>Сегодня</b>: 0 заказов (—)" in text


async def test_refresh_reloads_and_counts(admin: BotClient, emulator: PanelEmulator, dp) -> None:
    [text] = texts(await admin.send("/refresh"))
    assert text.startswith("Catalogue reloaded: 2 services in 2 categories")
    emulator.services[8] = EmulatedService(
        8, "Views", "Default", "Telegram Views", Decimal(1), 1, 9
    )
    [text] = texts(await admin.send("/refresh"))
    assert text.startswith("Catalogue reloaded: 3 services in 3 categories")
    assert len(emulator.calls("services")) == 2
    emulator.fault(FaultKind.HTML_200, action="services")
    [text] = texts(await admin.send("/refresh"))
    assert text.startswith("The catalogue could not be reloaded: panel services: not JSON")


@pytest.mark.parametrize(
    "command",
    ["/stats", "/refresh", "/credit 5001 1", "/user 5001", "/unknown", "/shop", "/refund 1"],
)
async def test_admin_commands_answer_nothing_in_a_group(make_client, db, command) -> None:
    """A group shares what the bot says with everyone in it: no figures, no customer data."""
    await fund(db, 5001, "5")
    group = make_client(user_id=ADMIN_ID, chat_id=-100500, chat_type="supergroup")
    assert texts(await group.send(command)) == []
    # addressed to this bot, it is an unknown command there, as for anyone
    name, _, args = command.partition(" ")
    assert texts(await group.send(f"{name}@shop_test_bot {args}")) == [UNKNOWN]


async def test_an_admins_balance_in_a_group_says_it_is_private(make_client, db) -> None:
    group = make_client(user_id=ADMIN_ID, chat_id=-100500, chat_type="supergroup")
    assert texts(await group.send("/balance")) == [
        "This works in a private chat with the bot only."
    ]
