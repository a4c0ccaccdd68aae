"""My orders through the real bot process (issue 16, point 7): a customer orders the same
thing again from a finished order's card, and finds orders with the status filters and the
search. Ledger and panel calls are checked to the cent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Texts, Translator
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram, FakeUser, ShownMessage
from tests.e2e.steps import (
    MEMBERS,
    confirm,
    funded_customer,
    order_members,
    shown,
    start,
    summary,
    uzs,
)
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE = 1001


async def my_orders(user: FakeUser, t: Texts, count: int) -> ShownMessage:
    await user.send("/orders")
    return await user.wait_for_text(shown(t, "orders-title", count=count, page=1, pages=1))


async def test_order_again_from_a_completed_orders_card(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    ru = translator.texts("ru")
    alice = await funded_customer(bot_process, telegram, ALICE, "20", "Алиса", language="ru")
    await start(alice, ru)
    await order_members(alice, ru, "1", charge="7.20", balance="12.80")
    emulator.set_status(23501, "Completed", remains=0, start_count=500)
    await alice.wait_for_text(
        shown(ru, "notify-completed", number="1", service=MEMBERS, quantity=100)
    )

    await my_orders(alice, ru, 1)
    await alice.press("✅ #1")
    card = await alice.wait_for_text(shown(ru, "order-card-title", id="1"))
    assert shown(ru, "order-card-start-count", count=500) in (card.text or "")
    assert shown(ru, "order-card-delivered", delivered=100, quantity=100) in (card.text or "")

    # Order again: the same service and link; only the quantity is asked.
    pressed = await alice.press(ru("order-again"))
    question = await alice.wait_for_text(shown(ru, "order-ask-quantity", min=10, max=100000))
    assert (await alice.wait_for_answer(pressed)).text is None
    text = question.text or ""
    assert shown(ru, "order-again-link", link="https://t.me/shop_channel") in text
    assert shown(ru, "order-service-number", number="1") in text
    assert card.message_id != question.message_id  # the card stays as it was

    await alice.send("100")
    await summary(alice, ru, MEMBERS, "https://t.me/shop_channel", 100)
    await confirm(alice, ru, "2", charge="7.20", balance="5.60")

    await bot_process.stop()
    first, again = emulator.calls("add")
    assert {k: again[k] for k in ("service", "link", "quantity")} == {
        k: first[k] for k in ("service", "link", "quantity")
    }
    assert sorted(await bot_process.ledger(ALICE)) == [
        ("credit", Decimal("20")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
    ]


async def test_the_status_filter_and_the_search(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    alice = await funded_customer(bot_process, telegram, ALICE, "30")
    await start(alice, en)
    for number, balance in (("1", "22.80"), ("2", "15.60"), ("3", "8.40")):
        await order_members(alice, en, number, charge="7.20", balance=balance)
    emulator.set_status(23501, "Completed", remains=0)
    emulator.set_status(23502, "Canceled")
    await alice.wait_for_text(
        shown(en, "notify-canceled", number="2", service=MEMBERS, refund=uzs("7.20"))
    )

    listing = await my_orders(alice, en, 3)
    assert listing.labels[:3] == ["🕓 #3", "🚫 #2", "✅ #1"]

    # Partially completed / canceled: only #2; its card's way back returns to this filter.
    await alice.press(f"{en('orders-filter-short')} (1)")
    short = await alice.wait_for_text(
        shown(en, "orders-filtered", filter=en("orders-filter-short"))
    )
    assert short.labels[0] == "🚫 #2"
    assert [line[:3] for line in (short.text or "").splitlines() if line.startswith("#")] == ["#2 "]
    await alice.press("🚫 #2")
    await alice.wait_for_text(shown(en, "order-card-title", id="2"))
    refreshed = await alice.press(en("order-refresh"))
    await alice.wait_for_text(shown(en, "order-card-final"))
    await alice.wait_for_answer(refreshed)
    await alice.press(en("orders-back"))
    back = await alice.wait_for_text(shown(en, "orders-filtered", filter=en("orders-filter-short")))
    assert back.labels[0] == "🚫 #2"

    # Active: only #3.
    await alice.press(f"{en('orders-filter-active')} (1)")
    active = await alice.wait_for_text(
        shown(en, "orders-filtered", filter=en("orders-filter-active"))
    )
    assert active.labels[0] == "🕓 #3"

    # The search finds #1 by its number; junk is answered and the search waits.
    await alice.press(en("orders-search"))
    await alice.wait_for_text(shown(en, "orders-search-ask"))
    await alice.send("x" * 1000)
    await alice.wait_for_text(shown(en, "orders-search-too-long"))
    await alice.send("#1")
    found = await alice.wait_for_text(shown(en, "orders-search-found", query="#1", count=1))
    assert found.labels[0] == "✅ #1"

    await bot_process.stop()
    assert sorted(await bot_process.ledger(ALICE)) == [
        ("credit", Decimal("30")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
        ("order", Decimal("-7.2")),
        ("refund", Decimal("7.2")),
    ]
    customers = await bot_process.customers(ALICE)
    assert customers[ALICE].balance == Decimal("15.60")
