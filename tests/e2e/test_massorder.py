"""A mass order through the real bot process: a bad line, a corrected list, a panel that
refuses one line; the ledger comes out exact."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import MEMBERS, funded_customer, shown, uzs
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

BOB = 1002


async def test_a_mass_order_with_a_bad_line_and_a_refusal(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    bob = await funded_customer(bot_process, telegram, BOB, "20", "Bob")

    await bob.send("/massorder")
    await bob.wait_for_text(shown(en, "mass-ask", max=100))

    # One line is junk: the bot names it and waits for the list again.
    await bob.send("1 | @chan_one | 100\nthree views please\n1 | @chan_two | 200")
    errors = await bob.wait_for_text(shown(en, "mass-errors", count=1))
    assert "Line 2: write it as service | link | quantity." in (errors.text or "")

    await bob.send("1 | @chan_one | 100\n1 | @chan_two | 200")
    summary = await bob.wait_for_text(shown(en, "mass-summary", count=2))
    line = shown(
        en,
        "mass-summary-line",
        line=2,
        service=MEMBERS,
        id=1,
        link="https://t.me/chan_two",
        quantity=200,
        charge=uzs("14.40"),
    )
    assert line in (summary.text or "")
    total = shown(
        en, "mass-total", total=uzs("21.60"), balance=uzs("20.00"), after=uzs("-1.60")
    ).split("\n")[0]
    assert total in (summary.text or "")
    assert "20.00 UZS, 1.60 UZS short" in (summary.text or "")

    # Short by 1.60: Confirm says so and places nothing.
    await bob.press(en("mass-confirm-button"))
    await bob.wait_for_text(shown(en, "mass-short", total=uzs("21.60"), missing=uzs("1.60")))
    assert emulator.calls("add") == []

    # Corrected to fit: the panel refuses the first line and takes the second.
    await bob.send("1 | @chan_one | 100\n1 | @chan_two | 100")
    await bob.wait_for_text(shown(en, "mass-summary", count=2))
    emulator.canned({"error": "Incorrect service ID"}, action="add")
    await bob.press(en("mass-confirm-button"))
    report = await bob.wait_for_text(shown(en, "mass-report", placed=1, count=2))
    text = report.text or ""
    assert "Line 1: ❌ this service is no longer available; refunded." in text
    assert "Line 2: ✅ order number 2" in text
    assert shown(en, "mass-report-total", charged=uzs("7.20"), balance=uzs("12.80")) in text

    await bot_process.stop()
    # Each line asked once: the refused one was not tried again.
    refused, placed = emulator.calls("add")
    assert (refused["link"], placed["link"]) == ("https://t.me/chan_one", "https://t.me/chan_two")
    assert await bot_process.customers(BOB) == {
        BOB: Customer(
            Decimal("12.80"),
            None,
            [("", "failed", Decimal("7.2")), ("23501", "Pending", Decimal("7.2"))],
        )
    }
    assert await bot_process.ledger(BOB) == [
        ("order", Decimal("-7.2")),
        ("refund", Decimal("7.2")),
        ("order", Decimal("-7.2")),
        ("credit", Decimal("20")),
    ]
