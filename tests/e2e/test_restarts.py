"""Stopping and killing the real process: nothing lost, nothing doubled, customers go on."""

from __future__ import annotations

import asyncio
import signal
from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer, eventually
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import (
    MEMBERS,
    MEMBERS_CATEGORY,
    choose_service,
    confirm,
    funded_customer,
    order_members,
    shown,
    start,
    summary,
    to_quantity,
    to_summary,
    uzs,
)
from tests.panel_emulator import FaultKind, PanelEmulator

pytestmark = pytest.mark.e2e

ALICE, BOB = 1001, 1002


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "kill-9"])
async def test_a_restart_keeps_orders_money_and_conversations(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
    how: signal.Signals,
) -> None:
    en, ru = translator.texts("en"), translator.texts("ru")
    await bot_process.fund(ALICE, "20")
    await bot_process.fund(BOB, "10")
    await bot_process.start()
    # Before it takes updates: no webhook in the way, commands in every language, the
    # catalogue on its way.
    before_polling = telegram.methods()[: telegram.methods().index("getUpdates")]
    assert "deleteWebhook" in before_polling
    assert {language for _, language in telegram.commands} == {"", "en", "ru", "uz"}
    assert emulator.calls("services")

    alice = telegram.user(ALICE, "Alice", language_code="en")
    bob = telegram.user(BOB, "Bob", language_code="en")
    # Alice is at rest: she chose Russian and has an order.
    await start(alice, en)
    await alice.send("/language")
    await alice.wait_for_text(shown(en, "language-choose"))
    await alice.press("Русский")
    await alice.wait_for_text(shown(ru, "menu-prompt"))
    await order_members(alice, ru, "1", charge="7.20", balance="12.80")
    # Bob is halfway through an order: he sent the link, the bot asks how many.
    await start(bob, en)
    await to_quantity(bob, en)
    await bot_process.settled()  # at rest: a kill now interrupts no handler

    log = await (bot_process.kill() if how is signal.SIGKILL else bot_process.stop())
    if how is signal.SIGTERM:
        assert "Received SIGTERM" in log
    # Bob answers while the bot is down; Telegram keeps it for the bot.
    await bob.send("100")
    await bot_process.start()

    await summary(bob, en, MEMBERS, "https://t.me/shop_channel", 100)
    await confirm(bob, en, "2", charge="7.20", balance="2.80")
    await alice.send("/balance")
    await alice.wait_for_text(shown(ru, "balance", balance=uzs("12.80")))
    await bot_process.stop()

    assert [add["quantity"] for add in emulator.calls("add")] == ["100", "100"]
    assert await bot_process.customers(ALICE, BOB) == {
        ALICE: Customer(Decimal("12.8"), "ru", [("23501", "Pending", Decimal("7.2"))]),
        BOB: Customer(Decimal("2.8"), None, [("23502", "Pending", Decimal("7.2"))]),
    }


@pytest.mark.parametrize("webhook", [False, True], ids=["polling", "webhook"])
async def test_sigterm_waits_for_a_placement_in_flight(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
    webhook: bool,
) -> None:
    en = translator.texts("en")
    if webhook:
        bot_process.use_webhook()
    alice = await funded_customer(bot_process, telegram, ALICE, "20")
    await to_summary(alice, en)
    emulator.fault(FaultKind.DELAY, action="add", delay=2.0, times=1)

    pressed = await alice.press(en("order-confirm"))
    await alice.wait_for_text(shown(en, "order-placing"))
    await eventually(lambda: bool(emulator.calls("add")), "the panel to be asked")
    # Answered already, while the panel has yet to answer.
    assert pressed.query_id in telegram.callback_answers
    stopping = asyncio.ensure_future(bot_process.stop())  # while the panel takes its time

    await alice.wait_for_text(
        shown(en, "order-placed", number="1", charge=uzs("7.20"), balance=uzs("12.80"))
    )
    log = await stopping  # exit code 0, a clean log
    assert "waiting for 1 running handler(s)" in log
    assert len(emulator.calls("add")) == 1
    assert await bot_process.customers(ALICE) == {
        ALICE: Customer(Decimal("12.8"), None, [("23501", "Pending", Decimal("7.2"))]),
    }


async def test_kill_9_right_after_a_question_is_shown(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    """The customer sees "How many?", the process dies before Telegram's answer reaches it:
    the step was saved before the question was shown, so after the restart the quantity
    is taken as the quantity."""
    en = translator.texts("en")
    bob = await funded_customer(bot_process, telegram, BOB, "10", "Bob")
    await start(bob, en)
    await choose_service(bob, en, MEMBERS_CATEGORY, MEMBERS)
    telegram.slow("sendMessage", 30)  # the question is delivered; the bot waits for the answer
    await bob.send("@shop_channel")
    await bob.wait_for_text(shown(en, "order-ask-quantity", min=10, max=100000))
    await bot_process.kill()

    await bob.send("100")
    await bot_process.start()
    reply = await bob.wait_for_message(lambda message: True, "the answer to the quantity")
    assert (reply.text or "").startswith(
        shown(en, "order-summary", service=MEMBERS, link="https://t.me/shop_channel", quantity=100)
    )
