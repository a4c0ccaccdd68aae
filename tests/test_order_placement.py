"""What each answer of the panel to `add` does to the order, the money and the people."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError
from aiogram.methods import EditMessageText

from bot.storage import OrdersRepo
from tests.conftest import fund
from tests.harness import BotClient, texts
from tests.helpers import admin_texts, balance_of
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_flow import to_summary

CONFIRM = "✅ Confirm and pay"
REFUNDED = "7.20 UZS is back on your balance."


async def place_one(client: BotClient, db, before_confirm=None) -> list[str]:
    """Order 100 members for 7.20 from a balance of 10; the customer's chat's texts."""
    await fund(db, client.user.id, "10")
    await to_summary(client)
    if before_confirm is not None:
        await before_confirm()
    return texts(await client.click_text(CONFIRM), chat_id=client.chat.id)


async def the_order(db, client: BotClient):
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    return order


@pytest.mark.parametrize(
    ("error", "says", "admins_told"),
    [
        ("Invalid API key", "We can't take orders right now.", True),
        ("Incorrect request", "We can't take orders right now.", True),
        ("Not enough funds on balance", "We can't take orders right now.", True),
        (
            "Incorrect service ID",
            "We could not place the order: this service is no longer available.",
            False,
        ),
        ("Bad link", "We could not place the order: this link was not accepted.", False),
        (
            "Quantity less than minimum",
            "We could not place the order: this quantity was not accepted.",
            False,
        ),
        (
            "Quantity more than maximum",
            "We could not place the order: this quantity was not accepted.",
            False,
        ),
        (
            "Answer number is required",
            "We could not place the order: the poll's answer option is needed.",
            False,
        ),
        ("Incorrect order ID", "❌ We could not place the order. 7.20", False),
        ("Something new the panel invented", "❌ We could not place the order. 7.20", False),
    ],
)
async def test_each_panel_error_refunds_and_explains(
    client: BotClient, db, emulator: PanelEmulator, error, says, admins_told
) -> None:
    emulator.canned({"error": error}, action="add")
    _, outcome = await place_one(client, db)
    assert says in outcome
    assert REFUNDED in outcome
    order = await the_order(db, client)
    assert (order.status, order.error, order.panel_order_id) == ("failed", error, None)
    assert await balance_of(db, client.user.id) == Decimal(10)
    alerts = admin_texts(client.bot)
    if admins_told:
        assert len(alerts) == 1
        assert f'with "{error}"' in alerts[0]
    else:
        assert alerts == []


async def test_panel_out_of_funds_for_real(client: BotClient, db, emulator: PanelEmulator) -> None:
    emulator.balance = Decimal("1")  # the emulator refuses on its own arithmetic
    _, outcome = await place_one(client, db)
    assert outcome.startswith("❌ We can't take orders right now.")
    assert "Not enough funds on balance" in admin_texts(client.bot)[0]
    assert emulator.orders == {}


async def test_a_request_that_never_left_refunds(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    # The panel goes away after the summary: connecting to its port is refused.
    _, outcome = await place_one(client, db, before_confirm=emulator.close)
    assert outcome.startswith("❌ We could not place the order right now, so nothing was ordered.")
    assert REFUNDED in outcome
    assert (await the_order(db, client)).status == "failed"
    assert await balance_of(db, client.user.id) == Decimal(10)
    assert admin_texts(client.bot) == []


# Answers to `add` that leave its outcome unknown (HANG: a timeout after sending).
UNCLEAR = [
    FaultKind.HTTP_500,
    FaultKind.HTTP_502_HTML,
    FaultKind.HTML_200,
    FaultKind.TRUNCATED_JSON,
    FaultKind.DROP,
    FaultKind.HANG,
]


@pytest.mark.parametrize("fault", UNCLEAR)
async def test_an_unclear_answer_holds_the_money_and_tells_admins(
    client: BotClient, db, emulator: PanelEmulator, fault
) -> None:
    emulator.fault(fault, action="add", perform=True)
    _, outcome = await place_one(client, db)
    assert outcome.startswith(
        "⚠️ We can't tell yet whether the order was placed: we are checking it."
    )
    assert "7.20 UZS is held until then, and we will tell you the outcome." in outcome
    order = await the_order(db, client)
    assert order.status == "unknown"
    assert order.panel_order_id is None
    assert await balance_of(db, client.user.id) == Decimal("2.8")  # held, not refunded
    [alert] = admin_texts(client.bot)
    assert f"Order #{order.id} has an unknown outcome" in alert
    assert "Link: https://t.me/durov" in alert
    assert "emulator-panel-key" not in alert
    assert len(emulator.calls("add")) == 1  # never retried


EDIT = EditMessageText(text="…")


async def test_telegram_failing_to_show_the_progress_does_not_strand_the_order(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    # The customer is charged before "Placing…" is shown: that edit failing (Telegram's
    # 500, a rate limit) must not keep the charged order from the panel.
    async def telegram_fails() -> None:
        client.session.plan(
            EditMessageText,
            TelegramServerError(EDIT, "Internal Server Error"),
            TelegramRetryAfter(EDIT, "Too Many Requests: retry after 3", retry_after=3),
        )

    await place_one(client, db, before_confirm=telegram_fails)
    assert len(emulator.calls("add")) == 1
    order = await the_order(db, client)
    assert (order.status, order.panel_order_id) == ("Pending", "23501")
    assert await balance_of(db, client.user.id) == Decimal("2.8")


async def test_admins_hear_of_an_unclear_answer_even_if_the_customer_cannot(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    emulator.fault(FaultKind.HTTP_500, action="add", perform=True)

    async def telegram_fails() -> None:
        client.session.plan(
            EditMessageText,
            TelegramNetworkError(EDIT, "Request timeout error"),
            TelegramNetworkError(EDIT, "Request timeout error"),
        )

    await place_one(client, db, before_confirm=telegram_fails)
    order = await the_order(db, client)
    assert order.status == "unknown"
    [alert] = admin_texts(client.bot)
    assert f"Order #{order.id} has an unknown outcome" in alert


async def test_startup_turns_interrupted_placements_into_unknown(
    client: BotClient, db, emulator, dp, bot
) -> None:
    await fund(db, client.user.id, "10")
    await to_summary(client)
    # The process "dies" right after the debit: the order is left placing.
    from bot.orders.quote import Quote

    snapshot = await dp["catalogue"].current()
    answers: dict[str, str | int] = {"link": "https://t.me/durov", "quantity": 100}
    prices = await dp["pricer"].prices(client.user.id, snapshot)
    quote = Quote.make(prices, snapshot.services[1], answers, "en")
    assert quote is not None
    order = await OrdersRepo(db).create_and_charge(quote.new_order(client.user.id, "tok"))
    assert order.status == "placing"
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    assert (await OrdersRepo(db).get(order.id)).status == "unknown"  # type: ignore[union-attr]
    alert, reminder = admin_texts(client.bot)
    assert f"Order #{order.id} was being placed when the bot stopped" in alert
    # and every start reminds admins of what still waits (an alert lost in a crash too)
    assert reminder == "⚠️ 1 order of unknown outcome is waiting for you: /unknown"
    assert await balance_of(db, client.user.id) == Decimal("2.8")
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)
