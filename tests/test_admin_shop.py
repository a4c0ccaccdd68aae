"""Admins' /balance, /stats and /refresh; and what a non-admin gets for them."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.storage import OrdersRepo
from tests.conftest import ADMIN_ID, fund
from tests.harness import BotClient, texts
from tests.panel_emulator import EmulatedService, FaultKind, PanelEmulator
from tests.test_order_flow import to_summary

UNKNOWN = "I don't know that command. Send /help to see what I can do."


async def test_admin_balance_adds_the_panel_and_what_customers_hold(
    admin: BotClient, make_client, db, dp
) -> None:
    await dp["catalogue"].current()  # the currency is known once the catalogue is
    await fund(db, ADMIN_ID, "1")
    await fund(db, 5001, "40.5")
    await fund(db, 5002, "9.5")
    [text] = texts(await admin.send("/balance"))
    assert text.startswith("Your balance: <b>1.00 UZS</b>")
    assert "Customers' balances in all: 51.00 UZS" in text
    assert "Panel balance: <b>100.84292 UZS</b>" in text
    assert "⚠️" not in text


async def test_admin_is_warned_when_the_panel_holds_less_than_is_owed(
    admin: BotClient, db, emulator: PanelEmulator
) -> None:
    emulator.balance = Decimal("20")
    await fund(db, 5001, "25")
    [text] = texts(await admin.send("/balance"))
    assert "⚠️ The panel holds 5.00000 UZS less than customers have on their balances." in text


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
    assert "(Completed 1, Pending 1, failed 1)" in today
    # two charges of 7.20 kept, one refunded; the panel charged 6 for the first
    assert "Revenue 14.40 UZS, cost 6.00 UZS, profit 8.40 UZS" in today
    assert "<b>All time</b>: 3 orders" in text


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
    assert texts(await group.send("/balance")) == ["This works in a private chat with me only."]
