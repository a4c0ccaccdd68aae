"""Telegram failing under the real process, where only a process shows it: polling itself
(aiogram's loop, not a handler) and a reply lost on the way."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer, eventually
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import funded_customer, shown, start, uzs

pytestmark = pytest.mark.e2e

ALICE = 1001


async def test_polling_goes_on_through_500_429_and_dropped_connections(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    en = translator.texts("en")
    alice = await funded_customer(bot_process, telegram, ALICE, "5")
    await start(alice, en)
    telegram.fail("getUpdates", times=2)
    telegram.rate_limit("getUpdates", retry_after=1)
    telegram.drop("getUpdates")

    def failures() -> list[int]:
        return [call.status for call in telegram.calls_of("getUpdates") if call.status != 200]

    await eventually(lambda: len(failures()) == 4, "polling to meet every fault", within=30)
    assert sorted(failures()) == [0, 429, 500, 500]
    # The reply to the first /balance is lost on the way (the bot cannot tell whether
    # Telegram showed it); the customer asks again and is answered.
    telegram.drop("sendMessage")
    await alice.send("/balance")
    await alice.send("/balance")
    await alice.wait_for_text(shown(en, "balance", balance=uzs("5.00")))
    # It exits 0; its log has one traceback (chained), the error handler's for the update
    # whose reply was lost (it catches Telegram's errors on a reply: see the fault matrix).
    with pytest.raises(AssertionError, match="'Traceback' in the bot's log"):
        await bot_process.stop()
    log = bot_process.run_log()
    assert log.count("failed with TelegramNetworkError") == 1
    assert "Cause exception while process update" not in log
    assert "aiogram.exceptions.TelegramNetworkError: HTTP Client says" in log
    assert "Failed to fetch updates" in log
    assert await bot_process.customers(ALICE) == {ALICE: Customer(Decimal(5), None, [])}
