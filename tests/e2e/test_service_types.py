"""Every service type, from the customer's first tap to the news that it is done, through the
real bot process: the exact fields `add` gets are checked at the panel emulator."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import funded_customer, shown, uzs
from tests.panel_emulator import EmulatedService, PanelEmulator
from tests.test_service_types import CASES, POST

pytestmark = pytest.mark.e2e

ALICE = 1001
FIRST_ID = 20


async def test_every_type_from_the_first_tap_to_its_completion(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    for number, (kind, rate, _, _, _) in enumerate(CASES):
        service_id = FIRST_ID + number
        emulator.services[service_id] = EmulatedService(
            service_id, f"{kind} service", kind, "Instagram Extras", Decimal(rate), 1, 1000
        )
    alice = await funded_customer(bot_process, telegram, ALICE, "100")
    balance = Decimal(100)
    for number, (kind, _, answers, fields, charge) in enumerate(CASES):
        service_id, panel_id = FIRST_ID + number, str(23501 + number)
        # The first through /order and the category, the rest through links to the service
        # (as inline search gives them).
        if number == 0:
            await alice.send("/order")
            await alice.wait_for_text(shown(en, "order-categories", page=1, pages=1))
            await alice.press("Instagram Extras")
            await alice.wait_for_text("Instagram Extras")
            await alice.press(f"{kind} service", partial=True)
        else:
            await alice.send(f"/start svc_{service_id}")
        await alice.wait_for_text(f"{kind} service")
        for text in answers:
            await alice.send(text)
        after = balance - Decimal(charge)
        to_pay = shown(
            en,
            "order-summary-charge",
            charge=uzs(charge),
            balance=uzs(f"{balance:.2f}"),
            after=uzs(f"{after:.2f}"),
        )
        summary = await alice.wait_for_text(to_pay)
        assert summary.text is not None
        assert POST in summary.text
        balance = after
        await alice.press(en("order-confirm"))
        await alice.wait_for_text(f"Order number: #{number + 1}")
        form = emulator.calls("add")[-1]
        assert {k: v for k, v in form.items() if k not in {"key", "action"}} == {
            "service": str(service_id),
            **fields,
        }, kind
        emulator.set_status(int(panel_id), "Completed", remains=0)
        await alice.wait_for_text(f"Your order #{number + 1} ({kind} service")
    await bot_process.stop()
    assert (await bot_process.customers(ALICE))[ALICE].balance == balance


async def test_a_subscription_from_order_to_its_settlement(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    """The customer pays the most it can cost; when the panel says it expired, having taken
    less, the difference comes back once and she is told."""
    en = translator.texts("en")
    emulator.services[40] = EmulatedService(
        40, "Auto views", "Subscriptions", "Instagram Extras", Decimal("10"), 100, 1000
    )
    alice = await funded_customer(bot_process, telegram, ALICE, "20")
    await alice.send("/start svc_40")
    await alice.wait_for_text("Auto views")
    for text in ("@durov", "100", "200", "5"):
        await alice.send(text)
    await alice.wait_for_text(shown(en, "order-ask-old-posts", max=1000))
    await alice.press(en("nav-skip"))
    await alice.wait_for_text(shown(en, "order-ask-delay", delays="0, 5, 10, 15, 30, 60, 90"))
    await alice.press("30")
    await alice.wait_for_text(shown(en, "order-ask-expiry"))
    await alice.press(en("nav-skip"))
    await alice.wait_for_text(shown(en, "order-summary-most"))
    await alice.press(en("order-confirm"))
    await alice.wait_for_text("Order number: #1")
    form = emulator.calls("add")[-1]
    assert {k: v for k, v in form.items() if k not in {"key", "action"}} == {
        "service": "40",
        "username": "@durov",
        "min": "100",
        "max": "200",
        "posts": "5",
        "delay": "30",
    }
    emulator.set_status(23501, "Active", charge=Decimal("2"))
    await alice.wait_for_text("Your order #1")  # started
    emulator.set_status(23501, "Expired", charge=Decimal("6"))
    settled = shown(en, "notify-settled", number="1", service="Auto views", refund=uzs("4.80"))
    await alice.wait_for_text(settled)
    await bot_process.stop()
    assert (await bot_process.customers(ALICE))[ALICE].balance == Decimal("12.80")
