"""Refills through the real bot process: a customer's order completes, they press Refill,
the panel accepts it and later reports it done (each told once); a refill the panel
rejects; a refill whose answer is lost (being checked, admins told). No money moves."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Texts, Translator
from tests.conftest import ADMIN_ID
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram, FakeUser
from tests.e2e.steps import MEMBERS, funded_customer, order_members, shown, start, times_shown, uzs
from tests.panel_emulator import FaultKind, PanelEmulator

pytestmark = pytest.mark.e2e

ALICE = 1001


async def open_card(user: FakeUser, t: Texts, label: str, count: int) -> None:
    """/orders, then the order's button (its status icon and number)."""
    await user.send("/orders")
    await user.wait_for_text(shown(t, "orders-title", count=count, page=1, pages=1))
    await user.press(label)
    await user.wait_for_text(shown(t, "order-card-title", id=label.split("#")[-1]))


async def completes(user: FakeUser, t: Texts, emulator: PanelEmulator, number: int) -> None:
    """The panel completes the order (panel No. 23500 + `number`, the shop's #`number`); the
    customer hears of it by the shop's number."""
    emulator.set_status(23500 + number, "Completed", remains=0)
    await user.wait_for_text(
        shown(t, "notify-completed", number=str(number), service=MEMBERS, quantity=100)
    )


async def press_refill(user: FakeUser, t: Texts, notice: str) -> None:
    pressed = await user.press(t("order-refill"))
    assert (await user.wait_for_answer(pressed)).text == t("order-refill-sending")
    await user.wait_for_text(shown(t, notice))


async def test_refills_accepted_and_done_rejected_and_lost(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    emulator.services[1].refill = True  # the members service guarantees refills
    alice = await funded_customer(bot_process, telegram, ALICE, "30")
    admin = telegram.user(ADMIN_ID, "Admin", language_code="en")
    await admin.send("/start")
    await start(alice, en)

    # The order completes; she asks for a refill; it is accepted, then done.
    await order_members(alice, en, "1", charge="7.20", balance="22.80")
    await completes(alice, en, emulator, 1)
    await open_card(alice, en, "✅ #1", 1)
    await press_refill(alice, en, "order-refill-accepted")
    accepted = shown(en, "notify-refill-accepted", number="1", service=MEMBERS)
    await alice.wait_for_text(accepted)
    emulator.set_refill_status(1, "Completed")
    done = shown(en, "notify-refill-done", number="1", service=MEMBERS)
    await alice.wait_for_text(done)

    # A Partial order's refill the panel rejects.
    await order_members(alice, en, "2", charge="7.20", balance="15.60")
    emulator.set_status(23502, "Partial", remains=40)
    await alice.wait_for_text(
        shown(
            en,
            "notify-partial",
            number="2",
            service=MEMBERS,
            delivered=60,
            quantity=100,
            refund=uzs("2.88"),
        )
    )
    await open_card(alice, en, "🌓 #2", 2)
    await press_refill(alice, en, "order-refill-accepted")
    emulator.set_refill_status(2, "Rejected")
    rejected = shown(en, "notify-refill-rejected", number="2", service=MEMBERS)
    await alice.wait_for_text(rejected)

    # A refill whose answer is lost: being checked, the admins told, nothing asked again.
    await order_members(alice, en, "3", charge="7.20", balance="11.28")
    await completes(alice, en, emulator, 3)
    await open_card(alice, en, "✅ #3", 3)
    emulator.fault(FaultKind.DROP, action="refill", perform=True, times=1)
    await press_refill(alice, en, "order-refill-checking")
    assert en("order-refill") not in alice.last_message().labels
    await admin.wait_for_text("a refill was requested and no clear answer came back")

    await bot_process.stop()
    assert [times_shown(alice, text) for text in (accepted, done, rejected)] == [1, 1, 1]
    assert [form["order"] for form in emulator.calls("refill")] == ["23501", "23502", "23503"]
    assert len(emulator.refills) == 3  # the lost one reached the panel: admins check it there
    customers = await bot_process.customers(ALICE)
    assert customers[ALICE].balance == Decimal("11.28")  # 30 - 3 x 7.20 + 2.88: refills are free
    assert sorted(await bot_process.ledger(ALICE)) == [
        ("credit", Decimal("30")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
        ("refund", Decimal("2.88")),
    ]
