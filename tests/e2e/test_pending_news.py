"""Notifications pending when Telegram refuses them for a while, or when the process stops
or dies between recording a status change and sending the news: each is delivered once.

Not tested as "once": a crash after Telegram accepted a message and before it is marked
sent. The outbox documents that window: the message is sent again after the restart.
"""

from __future__ import annotations

import signal
from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import Call, FakeTelegram
from tests.e2e.steps import (
    MEMBERS,
    funded_customer,
    order_members,
    shown,
    start,
    times_shown,
    uzs,
)
from tests.panel_emulator import FaultKind, PanelEmulator

pytestmark = pytest.mark.e2e

ALICE = 1001


async def refused(telegram: FakeTelegram, status: int, chat_id: int, since: int) -> Call:
    """Wait until Telegram has refused a message into the chat with `status`, in a call
    after the first `since` calls."""
    return await telegram.wait_for(
        lambda: next(
            (
                call
                for call in telegram.calls[since:]
                if call.method == "sendMessage"
                and call.status == status
                and str(call.params.get("chat_id")) == str(chat_id)
            ),
            None,
        ),
        f"a sendMessage refused with {status}",
    )


async def test_pending_news_survives_refusals_sigterm_and_kill_9_and_arrives_once(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    alice = await funded_customer(bot_process, telegram, ALICE, "30")
    await start(alice, en)
    await order_members(alice, en, "1", charge="7.20", balance="22.80")
    await order_members(alice, en, "2", charge="7.20", balance="15.60")
    await order_members(alice, en, "3", charge="7.20", balance="8.40")
    news = {
        "23501": shown(en, "notify-completed", number="1", service=MEMBERS, quantity=100),
        # 40 of 100 not delivered: 40 x 7.20 / 100 back.
        "23502": shown(
            en,
            "notify-partial",
            number="2",
            service=MEMBERS,
            delivered=60,
            quantity=100,
            refund=uzs("2.88"),
        ),
        "23503": shown(en, "notify-canceled", number="3", service=MEMBERS, refund=uzs("7.20")),
    }

    # Flood control twice in a row: the sender waits as told and sends it once.
    telegram.rate_limit("sendMessage", times=2, retry_after=1, chat_id=ALICE)
    emulator.set_status(23501, "Completed", remains=0)
    await alice.wait_for_text(news["23501"])

    # Telegram fails (500) and the bot is stopped before its next try: the restarted bot
    # sends it.
    since = len(telegram.calls)
    telegram.fail("sendMessage", times=1)
    emulator.set_status(23502, "Partial", remains=40)
    await refused(telegram, 500, ALICE, since)
    await bot_process.restart(signal.SIGTERM)
    await alice.wait_for_text(news["23502"], within=15)  # the retry waits a few seconds

    # Killed while it waits out a long flood control: the status change is recorded, the
    # news not sent; the restarted bot sends it.
    since = len(telegram.calls)
    telegram.rate_limit("sendMessage", times=1, retry_after=60, chat_id=ALICE)
    emulator.set_status(23503, "Canceled")
    await refused(telegram, 429, ALICE, since)
    await bot_process.kill()
    assert await bot_process.customers(ALICE) == {
        ALICE: Customer(
            Decimal("18.48"),
            None,
            [
                ("23501", "Completed", Decimal("7.2")),
                ("23502", "Partial", Decimal("7.2")),
                ("23503", "Canceled", Decimal("7.2")),
            ],
        )
    }
    # Restarted while the panel's list does not come: the start-up fetch cannot end before
    # the balance is asked for, which shows the currency the shop learnt before the kill.
    emulator.fault(FaultKind.HANG, action="services")
    await bot_process.start()
    await alice.wait_for_text(news["23503"])
    await alice.send("/balance")
    await alice.wait_for_text(shown(en, "balance", balance=uzs("18.48")))
    emulator.clear_faults()

    # Nothing is sent twice, whatever later sweeps and a clean stop do.
    await bot_process.stop()
    assert [times_shown(alice, text) for text in news.values()] == [1, 1, 1]
    assert len(emulator.calls("add")) == 3
    customers = await bot_process.customers(ALICE)
    assert customers[ALICE].balance == Decimal("18.48")
    assert sorted(await bot_process.ledger(ALICE)) == [
        ("credit", Decimal("30")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
        ("refund", Decimal("2.88")),
        ("refund", Decimal("7.2")),
    ]
