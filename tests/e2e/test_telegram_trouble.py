"""Telegram misbehaving under the real process: money and orders stay right."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import confirm, funded_customer, to_summary
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE = 1001


async def test_a_telegram_error_while_an_order_is_placed_does_not_strand_it(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    alice = await funded_customer(bot_process, telegram, ALICE, "20")
    await to_summary(alice, en)
    # "Placing your order…" fails with a 500; the charged order must still go to the panel.
    telegram.fail("editMessageText", times=1)
    await confirm(alice, en, "1", charge="7.20", balance="12.80")

    log = await bot_process.stop()
    assert "could not show user 1001 their order's progress" in log
    assert len(emulator.calls("add")) == 1
    assert await bot_process.customers(ALICE) == {
        ALICE: Customer(Decimal("12.8"), None, [("23501", "Pending", Decimal("7.2"))]),
    }
