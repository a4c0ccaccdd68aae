"""A card transfer through the bot as a process and the fake Bot API: the customer's amount
and receipt, both admins' copies of it, both admins tapping Approve at once: credited once,
both copies say who approved it, the customer is told."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram, ShownMessage
from tests.e2e.steps import shown, start, uzs
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE, BOSS, DEPUTY = 1001, 9001, 9002


@pytest.fixture
async def bot_process(bot_process: BotProcess) -> BotProcess:
    bot_process.env |= {
        "ADMIN_IDS": f"{BOSS},{DEPUTY}",
        "TRANSFER_DETAILS": r"Humo 9860 0000 1111 2222\nHolder: Aziz K.",
        "TRANSFER_MIN": "1000",
        "TRANSFER_MAX": "5000000",
    }
    return bot_process


def a_copy(number: int) -> Callable[[ShownMessage], bool]:
    def found(message: ShownMessage) -> bool:
        return message.media is not None and f"Card transfer #{number}" in (message.text or "")

    return found


async def test_two_admins_approve_one_receipt_at_once(
    bot_process: BotProcess, telegram: FakeTelegram, emulator: PanelEmulator, translator: Translator
) -> None:
    en = translator.texts("en")
    await bot_process.start()
    boss = telegram.user(BOSS, "Boss", language_code="en")
    deputy = telegram.user(DEPUTY, "Deputy", language_code="en")
    for admin in (boss, deputy):
        await start(admin, en)
    alice = telegram.user(ALICE, "Alice", language_code="en")
    await start(alice, en)

    await alice.send("/topup")
    await alice.wait_for_text(shown(en, "topup-methods"))
    await alice.press(en("topup-method-transfer"))
    await alice.wait_for_text("How much will you transfer?")
    await alice.send("5 000 000,01")  # past the largest transfer: asked again
    await alice.wait_for_text("We take card transfers from")
    await alice.send("150 000")
    details = await alice.wait_for_text("Card transfer #1")
    assert "Transfer exactly 150,000.00 UZS to:\nHumo 9860 0000 1111 2222\nHolder: Aziz K." in (
        details.text or ""
    )
    await alice.send_file("photo", "receipt-photo-1")
    await alice.wait_for_text(shown(en, "transfer-sent", id="1"))

    copies = [await admin.wait_for_message(a_copy(1), "the receipt") for admin in (boss, deputy)]
    for copy in copies:
        assert copy.media == ("photo", "receipt-photo-1")
        assert copy.labels == ["✅ Approve", "❌ Reject"]
        assert "Customer: Alice 1001" in (copy.text or "")

    # Both tap at once: both presses are queued before the bot polls again.
    pressed = [await admin.press("✅ Approve") for admin in (boss, deputy)]
    answers = [
        await admin.wait_for_answer(p) for admin, p in zip((boss, deputy), pressed, strict=True)
    ]
    said = sorted(answer.text or "" for answer in answers)
    assert said[0].startswith("Request #1 was approved already, by ")
    assert said[1] == (
        "✅ Request #1 approved: 150,000.00 UZS credited to customer 1001 (balance 150,000.00 UZS)."
    )
    await alice.wait_for_text(
        shown(en, "topup-credited", id="1", amount=uzs("150000.00"), balance=uzs("150000.00"))
    )
    for copy in copies:

        def edited(copy: ShownMessage = copy) -> bool | None:
            return "✅ Approved by" in (copy.text or "") or None

        await telegram.wait_for(edited, "the copy's edit")
        assert copy.labels == []

    await bot_process.stop()
    assert await bot_process.customers(ALICE) == {
        ALICE: Customer(Decimal("150000"), None, []),
    }
    assert await bot_process.ledger(ALICE) == [("topup", Decimal("150000"))]
