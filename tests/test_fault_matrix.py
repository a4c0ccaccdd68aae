"""The fault matrix: every way the panel, Telegram and SQLite fail, on every action, one case
a row. Each row checks the outcome design.md prescribes, that the bot still answers
afterwards, and that no money moved that should not have (the `db` fixture's teardown also
checks every balance against its ledger).

Panel faults come from the emulator: 500, 502 with an HTML page, an HTML page with 200,
truncated JSON, hanging past `PANEL_TIMEOUT`, the connection dropped after the request was
read (the panel having acted, where that matters), and nothing listening at all.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.exceptions import (
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.utils.backoff import BackoffConfig

import bot.storage.db as storage_db
from bot.notify.sender import Delivery
from bot.panel import PanelClient
from bot.settings import Settings
from bot.storage import Database, OrdersRepo, OutboxRepo, Status, UsersRepo
from bot.telegram.callbacks import OrderCb
from tests.harness import BotClient, texts
from tests.helpers import admin_texts, balance_of
from tests.order_factory import place, refunds_of
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_placement import place_one, the_order
from tests.test_orders import card_of
from tests.test_outbox import pending as pending_of

PANEL_TIMEOUT = 0.5  # a hanging panel costs a row this long, for each attempt
# Reads are still retried (three attempts), only without the production pauses.
QUICK_BACKOFF = BackoffConfig(min_delay=0.01, max_delay=0.02, factor=1.5, jitter=0.0)
BUSY_TIMEOUT_MS = 1000

REFUSED = None  # nothing listens: the request never leaves
JSON_ERROR = "json error"  # the panel's own {"error": ...}: it says it did nothing
PANEL_FAULTS = [
    pytest.param(FaultKind.HTTP_500, id="500"),
    pytest.param(FaultKind.HTTP_502_HTML, id="502-html"),
    pytest.param(FaultKind.HTML_200, id="html-200"),
    pytest.param(FaultKind.TRUNCATED_JSON, id="truncated-json"),
    pytest.param(FaultKind.HANG, id="hang"),
    pytest.param(FaultKind.DROP, id="dropped"),
    pytest.param(REFUSED, id="refused"),
]


@pytest.fixture
def settings(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    # Applied before the `db` fixture opens its connection.
    monkeypatch.setattr(storage_db, "BUSY_TIMEOUT_MS", BUSY_TIMEOUT_MS)
    return settings.model_copy(update={"panel_timeout": PANEL_TIMEOUT})


@pytest.fixture
async def panel(settings: Settings) -> AsyncIterator[PanelClient]:
    client = PanelClient(
        settings.panel_url,
        settings.panel_api_key,
        timeout=settings.panel_timeout,
        backoff=QUICK_BACKOFF,
    )
    yield client
    await client.close()


async def break_panel(emulator: PanelEmulator, fault: FaultKind | str | None, action: str) -> None:
    """From now on `action` fails this way; the panel carries the request out first."""
    if fault is REFUSED:
        await emulator.close()
    elif fault == JSON_ERROR:
        emulator.canned({"error": "Bad link"}, action=action)
    elif isinstance(fault, FaultKind):
        emulator.fault(fault, action=action, perform=True)


async def still_answers(client: BotClient, balance: str | None = None) -> None:
    """The bot goes on: /start shows the menu, /balance the money the ledger says."""
    assert texts(await client.send("/start"))[-1] == "Choose what to do:"
    if balance is not None:
        [text] = texts(await client.send("/balance"))
        assert text.startswith(f"Your balance: <b>{balance}"), text


# --- the panel, action by action ------------------------------------------------------------


@pytest.mark.parametrize("fault", PANEL_FAULTS)
async def test_services(
    client: BotClient, admin: BotClient, emulator: PanelEmulator, fault: FaultKind | None
) -> None:
    """No catalogue: the customer is told to come back, the admin sees why."""
    await break_panel(emulator, fault, "services")
    assert texts(await client.send("/order")) == [
        "We are not taking orders right now. Please come back later: your balance is safe."
    ]
    [text] = texts(await admin.send("/refresh"))
    assert text.startswith("The catalogue could not be reloaded: "), text
    assert emulator.key not in text
    await still_answers(client)


ADD_UNKNOWN = "⚠️ We can't tell yet whether the order was placed"
NEVER_SENT = "❌ We could not place the order right now, so nothing was ordered."
REFUSED_LINK = "❌ We could not place the order: this link was not accepted."


@pytest.mark.parametrize(
    ("fault", "prescribed", "says"),
    [
        pytest.param(FaultKind.HTTP_500, Status.UNKNOWN, ADD_UNKNOWN, id="500"),
        pytest.param(FaultKind.HTTP_502_HTML, Status.UNKNOWN, ADD_UNKNOWN, id="502-html"),
        pytest.param(FaultKind.HTML_200, Status.UNKNOWN, ADD_UNKNOWN, id="html-200"),
        pytest.param(FaultKind.TRUNCATED_JSON, Status.UNKNOWN, ADD_UNKNOWN, id="truncated-json"),
        pytest.param(FaultKind.HANG, Status.UNKNOWN, ADD_UNKNOWN, id="hang"),
        pytest.param(FaultKind.DROP, Status.UNKNOWN, ADD_UNKNOWN, id="dropped"),
        pytest.param(REFUSED, Status.FAILED, NEVER_SENT, id="refused"),
        pytest.param(JSON_ERROR, Status.FAILED, REFUSED_LINK, id="json-error"),
    ],
)
async def test_add(
    client: BotClient,
    db: Database,
    emulator: PanelEmulator,
    fault: FaultKind | str | None,
    prescribed: Status,
    says: str,
) -> None:
    """Sent without a clear answer: `unknown`, money held, admins told. Never sent: refunded."""
    _, outcome = await place_one(
        client, db, before_confirm=lambda: break_panel(emulator, fault, "add")
    )
    order = await the_order(db, client)
    assert (order.status, order.panel_order_id) == (prescribed, None)
    assert outcome.startswith(says)
    if prescribed is Status.UNKNOWN:
        assert await balance_of(db, client.user.id) == Decimal("2.8")  # held
        assert await refunds_of(db, order.id) == []
        [alert] = admin_texts(client.bot)
        assert f"Order #{order.id} has an unknown outcome" in alert
        assert len(emulator.calls("add")) == 1  # never retried
        assert len(emulator.orders) == 1  # the panel did act: why the money is held
        await still_answers(client, "2.80")
    else:
        assert await refunds_of(db, order.id) == [Decimal("7.2")]
        assert admin_texts(client.bot) == []
        assert emulator.orders == {}
        await still_answers(client, "10.00")


@pytest.mark.parametrize("fault", PANEL_FAULTS)
async def test_status_in_the_sweep(
    dp: Dispatcher, bot: Bot, client: BotClient, db: Database, emulator: PanelEmulator, fault
) -> None:
    """A failed sweep records nothing and tells nobody; the next good one catches up."""
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await break_panel(emulator, fault, "status")
    sweep = await dp["sweeper"].run_once(bot)
    assert sweep.error is not None
    assert sweep.recorded == 0
    assert (await OrdersRepo(db).get(order.id)).status == Status.PENDING  # type: ignore[union-attr]
    assert await OutboxRepo(db).for_user(client.user.id) == []
    await still_answers(client, "0.00")
    if fault is not REFUSED:
        emulator.clear_faults()
        assert (await dp["sweeper"].run_once(bot)).recorded == 1
        assert [row.key for row in await OutboxRepo(db).for_user(client.user.id)] == [
            "notify-completed"
        ]


@pytest.mark.parametrize("fault", PANEL_FAULTS)
async def test_status_on_refresh(
    client: BotClient, db: Database, emulator: PanelEmulator, fault
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await break_panel(emulator, fault, "status")
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "Status: <b>pending</b>" in card.text
    assert card.text.endswith(
        "⚠️ We could not check the order just now: this is the last known status."
    )
    assert (await OrdersRepo(db).get(order.id)).status == Status.PENDING  # type: ignore[union-attr]
    await still_answers(client, "0.00")


@pytest.mark.parametrize("fault", PANEL_FAULTS)
async def test_cancel(client: BotClient, db: Database, emulator: PanelEmulator, fault) -> None:
    """A cancel is a request: unclear or not, no money moves until a sweep says Canceled."""
    order = await place(db, emulator)
    await break_panel(emulator, fault, "cancel")
    card = card_of(await client.click(OrderCb(action="cancel-yes", id=order.id, page=0)))
    assert card.text.endswith("Refresh in a minute to see whether the order was canceled."), (
        card.text
    )
    assert len(emulator.calls("cancel")) == (0 if fault is REFUSED else 1)  # never repeated
    assert (await OrdersRepo(db).get(order.id)).status == Status.PENDING  # type: ignore[union-attr]
    assert await refunds_of(db, order.id) == []
    await still_answers(client, "0.00")


@pytest.mark.parametrize("fault", PANEL_FAULTS)
async def test_balance(
    dp: Dispatcher, bot: Bot, admin: BotClient, emulator: PanelEmulator, fault
) -> None:
    """The admin's /balance says it can't be read; the watch tells the admins once that the
    panel can't be used (not again while it stays so) and tries later."""
    await break_panel(emulator, fault, "balance")
    [text] = texts(await admin.send("/balance"))
    assert "Panel balance: can't be read now (" in text
    assert emulator.key not in text
    before = len(admin.session.of_type(SendMessage))
    assert await dp["panel_watch"].run_once(bot) is None
    [alert] = [m.text for m in admin.session.of_type(SendMessage)[before:]]
    assert alert.startswith("⛔ The panel can't be used: panel balance: ")
    assert emulator.key not in alert
    await dp["panel_watch"].run_once(bot)
    assert len(admin.session.of_type(SendMessage)) == before + 1
    await still_answers(admin)


# --- Telegram -------------------------------------------------------------------------------

NOTE = SendMessage(chat_id=1001, text="…")
TRY_AGAIN = "That did not work. Please try again."


async def a_notification(dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator) -> None:
    """A completed order's notification waiting in the outbox."""
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)


@pytest.mark.parametrize(
    ("error", "outcome", "blocked", "pending"),
    [
        pytest.param(
            TelegramRetryAfter(NOTE, "Too Many Requests: retry after 1", retry_after=1),
            Delivery.SENT,
            False,
            0,
            id="429-waits-and-sends-again",
        ),
        pytest.param(
            TelegramForbiddenError(NOTE, "Forbidden: bot was blocked by the user"),
            Delivery.BLOCKED,
            True,
            0,
            id="403-marks-blocked",
        ),
        pytest.param(
            TelegramServerError(NOTE, "Internal Server Error"),
            Delivery.LATER,
            False,
            1,
            id="500-kept-for-later",
        ),
        pytest.param(
            TelegramNetworkError(NOTE, "Server disconnected"),
            Delivery.LATER,
            False,
            1,
            id="dropped-kept-for-later",
        ),
    ],
)
async def test_telegram_on_the_outbox(
    dp: Dispatcher,
    bot: Bot,
    client: BotClient,
    db: Database,
    emulator: PanelEmulator,
    error: Exception,
    outcome: Delivery,
    blocked: bool,
    pending: int,
) -> None:
    await client.send("/start")
    await a_notification(dp, bot, db, emulator)
    client.session.plan(SendMessage, error)
    assert await dp["outbox_sender"].run_once(bot) == {outcome: 1}
    user = await UsersRepo(db).get(client.user.id)
    assert user is not None
    assert user.blocked is blocked
    assert len(await pending_of(db, client.user.id)) == pending
    # The customer comes back (a blocked one by /start) and is answered.
    await still_answers(client, "0.00")


@pytest.mark.parametrize(
    "error",
    [
        pytest.param(TelegramRetryAfter(NOTE, "Too Many Requests", retry_after=3), id="429"),
        pytest.param(TelegramForbiddenError(NOTE, "Forbidden: bot was blocked"), id="403"),
        pytest.param(TelegramServerError(NOTE, "Internal Server Error"), id="500"),
        pytest.param(TelegramNetworkError(NOTE, "Server disconnected"), id="dropped"),
    ],
)
async def test_telegram_on_an_answer(
    client: BotClient, db: Database, emulator: PanelEmulator, error: Exception
) -> None:
    """A reply that Telegram refuses is lost with its update; the error handler logs it and
    tries once to say so, nothing changes and the next message is answered."""
    await place(db, emulator, charge="5")
    client.session.plan(SendMessage, error)
    assert texts(await client.send("/balance"), client.chat.id)[-1] == TRY_AGAIN
    await still_answers(client, "0.00")
    assert len(await OrdersRepo(db).list_for_user(client.user.id, 10)) == 1


# --- SQLite busy ----------------------------------------------------------------------------


@pytest.fixture
async def writer(settings: Settings, db: Database) -> AsyncIterator[sqlite3.Connection]:
    """Another process's connection to the bot's file (a backup, the sqlite3 shell)."""
    other = sqlite3.connect(settings.database_path, isolation_level=None)
    yield other
    other.close()


async def hold_write_lock(other: sqlite3.Connection, seconds: float) -> None:
    other.execute("BEGIN IMMEDIATE")
    try:
        await asyncio.sleep(seconds)
    finally:
        other.execute("COMMIT")


@pytest.mark.parametrize(
    ("held", "placed"),
    [
        pytest.param(BUSY_TIMEOUT_MS / 1000 / 3, True, id="shorter-than-busy-timeout-waits"),
        pytest.param(BUSY_TIMEOUT_MS / 1000 * 2, False, id="longer-than-busy-timeout-fails"),
    ],
)
async def test_sqlite_busy_on_confirm(
    client: BotClient,
    db: Database,
    emulator: PanelEmulator,
    writer: sqlite3.Connection,
    held: float,
    placed: bool,
) -> None:
    """The charge waits for the other writer up to busy_timeout, then either goes through
    once or fails with nothing charged, and Confirm can be pressed again."""
    holding: asyncio.Task[None] | None = None

    async def lock_the_file() -> None:
        nonlocal holding
        holding = asyncio.ensure_future(hold_write_lock(writer, held))
        await asyncio.sleep(0)  # the lock is taken before Confirm is pressed

    if placed:
        await place_one(client, db, before_confirm=lock_the_file)
    else:
        before = len(client.session.requests)
        await place_one(client, db, before_confirm=lock_the_file)
        # Confirm was answered before the charge was tried, so the spinner stopped; the
        # error handler's "try again" comes as a second answer.
        answers = client.session.of_type(AnswerCallbackQuery)[-2:]
        assert answers[0].text != TRY_AGAIN
        assert answers[1].text == TRY_AGAIN
        assert len(client.session.requests) > before
        assert await OrdersRepo(db).list_for_user(client.user.id, 10) == []
        assert await balance_of(db, client.user.id) == Decimal(10)
        assert emulator.calls("add") == []
        assert holding is not None
        await holding
        await client.click_text("✅ Confirm and pay")  # the same summary, pressed again
    assert holding is not None
    await holding
    order = await the_order(db, client)
    assert (order.status, order.panel_order_id) == (Status.PENDING, "23501")
    assert len(emulator.calls("add")) == 1
    await still_answers(client, "2.80")
