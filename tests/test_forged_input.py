"""Forged input never costs a traceback: each repro of the fuzz run, and the error handler.

Every test here also checks that nothing reached the error handler unless it meant to:
bounds refuse forged numbers where they are parsed.
"""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    AnswerPreCheckoutQuery,
    EditMessageText,
    SendMessage,
)
from aiogram.types import Update

from bot.money import MAX_BALANCE
from bot.notify.alerts import Alerts
from bot.storage import LedgerRepo, OrdersRepo
from bot.telegram.errors import UpdateErrors
from tests.conftest import ADMIN_ID, MakeClient, fund
from tests.harness import BotClient, RecordingSession, texts
from tests.order_factory import place

EXPIRED = "This button has expired. Send /start for a fresh menu."
TRY_AGAIN = "That did not work. Please try again."
CUSTOMER = 5001


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [record for record in caplog.records if record.levelno >= logging.ERROR]


@pytest.fixture
def admin(make_client: MakeClient) -> BotClient:
    return make_client(user_id=ADMIN_ID, first_name="Boss")


@pytest.mark.parametrize("action", ["view", "refresh", "cancel", "cancel-yes"])
@pytest.mark.parametrize(
    "order_id", ["99999999999999999999", "9223372036854775808", "-9223372036854775809", "-1"]
)
async def test_an_order_id_past_64_bits_is_a_stale_button(
    client: BotClient, caplog: pytest.LogCaptureFixture, action: str, order_id: str
) -> None:
    sent = await client.click(f"od:{action}:{order_id}:0:a")
    [answer] = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
    assert answer.text == EXPIRED
    assert not errors_logged(caplog)


@pytest.mark.parametrize(
    "data",
    [
        "ol:99999999999999999999:a",
        "ol:0:z",
        "od:view:1:0:q",
        "cp:v:-99999999",
        "ct:v:-1:0",
        "sh:v:0:0:-2",
        "tu:pay:-5",
    ],
)
async def test_pages_and_positions_out_of_any_list_are_stale_buttons(
    client: BotClient, caplog: pytest.LogCaptureFixture, data: str
) -> None:
    assert texts(await client.click(data)) == [EXPIRED]
    assert not errors_logged(caplog)


@pytest.mark.parametrize("command", ["credit", "debit"])
@pytest.mark.parametrize("amount", ["999999999999", "99999999999.99", "10000000000.01"])
async def test_a_typed_amount_past_the_bound_is_refused_clearly(
    admin: BotClient,
    make_client: MakeClient,
    db,
    caplog: pytest.LogCaptureFixture,
    command: str,
    amount: str,
) -> None:
    await make_client(user_id=CUSTOMER).send("/start")
    assert texts(await admin.send(f"/{command} {CUSTOMER} {amount}")) == [
        "That is too large: at most 10,000,000,000.00 can be typed here."
    ]
    assert not errors_logged(caplog)


async def test_the_largest_typed_amount_is_accepted(admin: BotClient, make_client) -> None:
    await make_client(user_id=CUSTOMER).send("/start")
    assert texts(await admin.send(f"/credit {CUSTOMER} 10000000000")) == [
        f"Credited 10,000,000,000.00 to {CUSTOMER}. Their balance: 10,000,000,000.00."
    ]


async def test_a_credit_past_the_balance_cap_is_refused_and_balance_sums_exactly(
    admin: BotClient, make_client, db, caplog: pytest.LogCaptureFixture, dp
) -> None:
    """Repro: two balances near the 64-bit limit broke /balance (integer overflow) and a
    further /credit (a REAL in an INTEGER column)."""
    await dp["catalogue"].current()
    await make_client(user_id=CUSTOMER).send("/start")
    await fund(db, CUSTOMER, str(MAX_BALANCE))
    await fund(db, CUSTOMER + 1, str(MAX_BALANCE))
    assert texts(await admin.send(f"/credit {CUSTOMER} 1")) == [
        f"Not credited: {CUSTOMER} would then hold more than 1,000,000,000,000.00 UZS, the most"
        " one balance may hold. Their balance: 1,000,000,000,000.00 UZS."
    ]
    [text] = texts(await admin.send("/balance"))
    assert "Customers' balances in all: 2,000,000,000,000.00 UZS" in text
    assert not errors_logged(caplog)


@pytest.mark.parametrize(
    ("command", "limit"),
    [("/price 1 99999999999", "10,000,000,000"), ("/markup 1 10001", "10,000")],
)
async def test_prices_and_markups_past_their_bound_are_refused(
    admin: BotClient, caplog: pytest.LogCaptureFixture, command: str, limit: str
) -> None:
    assert texts(await admin.send(command)) == [
        f"That is too large: at most {limit} can be typed here."
    ]
    assert not errors_logged(caplog)


@pytest.mark.parametrize("user_id", [2**63, 2**64 + 5, 0, -7])
async def test_an_update_from_an_impossible_user_id_is_dropped_but_no_query_waits(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture, user_id: int
) -> None:
    caplog.set_level(logging.DEBUG, "bot.telegram.middlewares")
    client = make_client(user_id=user_id, chat_id=1001)
    assert await client.send("/start") == []
    [tap] = await client.click("od:view:1:0:a")
    assert isinstance(tap, AnswerCallbackQuery)
    assert tap.text is None
    [inline] = await client.inline("")
    assert isinstance(inline, AnswerInlineQuery)
    assert inline.results == []
    [checkout] = await client.pre_checkout("forged-payload", 50)
    assert isinstance(checkout, AnswerPreCheckoutQuery)
    assert checkout.ok is False
    assert checkout.error_message == (
        "This invoice is not valid any more. Send /topup for a new one."
    )
    assert "dropped: impossible user or chat id" in caplog.text
    assert not errors_logged(caplog)


async def test_a_forged_query_telegram_does_not_know_costs_no_error(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(user_id=2**63, chat_id=1001)
    refused = TelegramBadRequest(AnswerCallbackQuery(callback_query_id="x"), "query is too old")
    client.session.plan(AnswerCallbackQuery, refused)
    assert len(await client.click("od:view:1:0:a")) == 1
    assert not errors_logged(caplog)


async def test_a_slash_and_spaces_in_a_group_is_no_command(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(user_id=1001, chat_id=-1001234567890, chat_type="supergroup")
    for text in ("/   ", "/ ", "/\n"):
        sent = await client.send(text)
        assert TRY_AGAIN not in texts(sent)
    assert not errors_logged(caplog)


async def test_an_update_of_an_unknown_kind_is_skipped_with_one_warning(
    dp: Dispatcher, bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    session: RecordingSession = bot.session  # type: ignore[assignment]
    for update_id in range(1, 4):
        raw = {"update_id": update_id, "future_thing": {"id": 7, "from": {"id": 1001}}}
        await dp.feed_update(bot, Update.model_validate(raw, context={"bot": bot}))
    assert session.requests == []
    warnings = [r for r in caplog.records if "unknown kind" in r.getMessage()]
    assert [(r.levelno, r.exc_info) for r in warnings] == [(logging.WARNING, None)]
    assert "future_thing" in warnings[0].getMessage()
    assert not errors_logged(caplog)


async def test_a_chat_id_past_64_bits_is_dropped(
    make_client: MakeClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = make_client(user_id=1001, chat_id=-(2**63) - 1, chat_type="supergroup")
    assert await client.send("/help") == []
    assert not errors_logged(caplog)


async def test_a_card_on_a_message_that_is_gone_comes_as_a_new_message(
    client: BotClient, db, emulator, caplog: pytest.LogCaptureFixture
) -> None:
    order = await place(db, emulator, charge="5")
    client.session.plan(
        EditMessageText, TelegramBadRequest(EditMessageText(text="x"), "message to edit not found")
    )
    sent = await client.click(f"od:view:{order.id}:0:a")
    assert any(isinstance(r, SendMessage) and f"Order #{order.id}" in r.text for r in sent)
    assert not errors_logged(caplog)


# --- whatever slips through -----------------------------------------------------------------


@pytest.fixture
def broken_orders(dp, monkeypatch: pytest.MonkeyPatch) -> None:
    async def broken(*args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(dp["orders"], "statuses_for_user", broken)


async def test_an_unexpected_error_is_answered_logged_once_and_alerted_once(
    client: BotClient, broken_orders: None, caplog: pytest.LogCaptureFixture
) -> None:
    sent = await client.send("/orders")
    assert texts(sent, client.chat.id) == [TRY_AGAIN]
    assert texts(sent, ADMIN_ID) == [
        "⚠️ A message update failed with RuntimeError; the user was asked to try again."
        " Details are in the log. Further RuntimeError errors go only to the log for an hour."
    ]
    [logged] = errors_logged(caplog)
    assert logged.getMessage().startswith("message update ")
    assert logged.getMessage().endswith(" failed with RuntimeError")
    # The tap is answered too, and the admins are not told again within the hour.
    sent = await client.click("ol:0:a")
    assert [r.text for r in sent if isinstance(r, AnswerCallbackQuery)][-1] == TRY_AGAIN
    assert texts(sent, ADMIN_ID) == []


async def test_the_user_hears_it_in_their_language(
    make_client: MakeClient, broken_orders: None
) -> None:
    client = make_client(language_code="ru")
    assert texts(await client.send("/orders"), client.chat.id) == [
        "Не получилось. Попробуйте ещё раз."
    ]


async def test_admins_hear_of_each_kind_of_error_at_most_once_an_hour(settings, dp) -> None:
    now = [0.0]
    errors = UpdateErrors(
        Alerts(settings, dp["users"], dp["translator"]),
        dp["translator"],
        "en",
        clock=lambda: now[0],
    )
    assert errors._due("RuntimeError")
    assert errors._due("KeyError")
    now[0] = 3599
    assert not errors._due("RuntimeError")
    now[0] = 3600
    assert errors._due("RuntimeError")


async def test_money_is_untouched_by_a_failed_update(
    client: BotClient, db, broken_orders: None
) -> None:
    await fund(db, client.user.id, "5")
    await client.send("/orders")
    assert await OrdersRepo(db).list_for_user(client.user.id, 10) == []
    assert await LedgerRepo(db).balance(client.user.id) == Decimal(5)
