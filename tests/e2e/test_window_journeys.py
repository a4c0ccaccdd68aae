"""The shop window's journeys through the real bot process (issue 16): a summary the
balance does not cover, topped up from there and confirmed; words typed into the chat that
find a service."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import (
    MEMBERS,
    confirm,
    funded_customer,
    shown,
    start,
    to_summary,
    uzs,
)
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE, BOB = 1001, 1002


async def test_short_balance_top_up_from_the_summary_and_confirm(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    alice = await funded_customer(bot_process, telegram, ALICE, "5")

    # 100 members cost 7.20; she has 5.00: the summary says what is missing and offers it.
    short = shown(
        en, "order-summary-short", charge=uzs("7.20"), balance=uzs("5.00"), missing=uzs("2.20")
    )
    summary = await to_summary(alice, en)
    assert short in (summary.text or "")
    top_up = en.plain("order-topup", amount=uzs("2.20"), stars=220)
    assert top_up in summary.labels
    assert en("order-confirm") not in summary.labels

    await alice.press(top_up)
    await alice.wait_for_text(shown(en, "order-topup-invoice", amount=uzs("2.20"), stars=220))
    invoice = await alice.wait_for_message(lambda m: m.invoice is not None, "the invoice")
    assert invoice.invoice is not None
    assert (invoice.invoice["currency"], invoice.invoice["total_amount"]) == ("XTR", 220)
    assert await alice.pay(invoice) is not None
    await alice.wait_for_text(
        shown(en, "topup-receipt", id="1", stars=220, amount=uzs("2.20"), balance=uzs("7.20"))
    )

    # Back at the same order, re-quoted, with Confirm.
    back = await alice.wait_for_text(
        shown(
            en, "order-summary-charge", charge=uzs("7.20"), balance=uzs("7.20"), after=uzs("0.00")
        )
    )
    assert shown(
        en, "order-summary", service=MEMBERS, link="https://t.me/shop_channel", quantity=100
    ) in (back.text or "")
    await confirm(alice, en, "1", charge="7.20", balance="0.00")

    await bot_process.stop()
    assert len(emulator.calls("add")) == 1
    assert await bot_process.ledger(ALICE) == [
        ("order", Decimal("-7.2")),
        ("topup", Decimal("2.2")),
        ("credit", Decimal("5")),
    ]
    assert [p.refunded for p in telegram.payments.values()] == [False]


async def test_words_typed_into_the_chat_find_a_service_to_order(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    bob = await funded_customer(bot_process, telegram, BOB, "10", "Bob")
    await start(bob, en)

    # A greeting is offered to support; words that find nothing: the menu, and words from
    # the shop's own catalogue.
    await bob.send("hello")
    offer = await bob.wait_for_text(shown(en, "free-text-question"))
    assert en("free-text-to-support") in offer.labels
    await bob.send("banana")
    nothing = await bob.wait_for_text(shown(en, "free-text-none", query="banana"))
    assert shown(en, "order-search-hint", first="members", second="votes") in (nothing.text or "")
    assert en("menu-order") in nothing.labels

    await bob.send("members")
    await bob.wait_for_text(
        shown(en, "order-search-results", query="members", count=1, page=1, pages=1)
    )
    await bob.press(MEMBERS, partial=True)
    await bob.wait_for_text(shown(en, "order-ask-link-telegram"))
    await bob.send("@shop_channel")
    await bob.wait_for_text(shown(en, "order-ask-quantity", min=10, max=100000))
    await bob.send("100")
    await bob.wait_for_text(
        shown(
            en, "order-summary-charge", charge=uzs("7.20"), balance=uzs("10.00"), after=uzs("2.80")
        )
    )
    await confirm(bob, en, "1", charge="7.20", balance="2.80")

    await bot_process.stop()
    [placed] = emulator.calls("add")
    assert (placed["service"], placed["quantity"]) == ("1", "100")
