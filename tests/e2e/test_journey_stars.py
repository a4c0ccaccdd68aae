"""A whole customer's life through the real bot process: Stars in, orders out, news back,
an inline look-up, and an admin's view of the money."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from bot.money import display
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import (
    CURRENCY,
    MEMBERS,
    VOTES,
    confirm,
    order_members,
    shown,
    start,
    times_shown,
    to_votes_summary,
    uzs,
)
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE, BOB, ADMIN = 1001, 1002, 9001  # ADMIN: the BotProcess's ADMIN_IDS


async def test_a_new_customer_tops_up_orders_hears_back_and_an_admin_checks_balances(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en, ru = translator.texts("en"), translator.texts("ru")
    await bot_process.start()
    alice = telegram.user(ALICE, "Алиса", language_code="ru")
    await start(alice, ru)

    # Top-up: 1000 stars at the default rate (0.01) buy 10.00.
    await alice.send("/topup")
    await alice.wait_for_text(shown(ru, "topup-choose", rate=uzs("0.01"), min=50, max=10000))
    await alice.press(ru("topup-preset", stars=1000, amount=uzs("10.00")))
    invoice = await alice.wait_for_message(lambda m: m.invoice is not None, "the invoice")
    assert invoice.invoice is not None
    assert (invoice.invoice["currency"], invoice.invoice["total_amount"]) == ("XTR", 1000)
    payment = await alice.pay(invoice)
    assert payment is not None
    await alice.wait_for_text(
        shown(ru, "topup-receipt", id="1", stars=1000, amount=uzs("10.00"), balance=uzs("10.00"))
    )
    # The same invoice cannot be paid twice: Telegram's checkout says no, nothing is charged.
    assert await alice.pay(invoice) is None

    # A Default and a Poll order.
    await order_members(alice, ru, "1", charge="7.20", balance="2.80")
    await to_votes_summary(alice, ru)
    await confirm(alice, ru, "2", charge="2.16", balance="0.64")

    # The panel finishes them: one in full, one with 20 of 50 votes not delivered. The
    # refund is 20 x 2.16 / 50 = 0.864, rounded down to the price step.
    emulator.set_status(23501, "Completed", remains=0)
    emulator.set_status(23502, "Partial", remains=20)
    completed = shown(ru, "notify-completed", number="1", service=MEMBERS, quantity=100)
    partial = shown(
        ru,
        "notify-partial",
        number="2",
        service=VOTES,
        delivered=30,
        quantity=50,
        refund=uzs("0.86"),
    )
    await alice.wait_for_text(completed)
    await alice.wait_for_text(partial)

    # She looks the finished order up inline; Bob, asking for the same number, gets nothing.
    query = await alice.inline("23501")
    answer = await alice.wait_for_inline_answer(query)
    assert answer.is_personal
    [article] = answer.results
    assert article["title"] == ru.plain("inline-title", number="1", status=ru("status-completed"))
    card = article["input_message_content"]["message_text"]
    assert ru("order-card-title", id="1") in card
    assert "https://t.me/shop_channel" in card
    bob = telegram.user(BOB, "Bob", language_code="en")
    await start(bob, en)
    query = await bob.inline("23501")
    answer = await bob.wait_for_inline_answer(query)
    assert answer.is_personal
    assert answer.results == []

    # The admin's /balance: their own, what customers hold, the panel's.
    admin = telegram.user(ADMIN, "Admin", language_code="en")
    await admin.send("/balance")
    report = await admin.wait_for_text(shown(en, "admin-own-balance", balance=uzs("0.00")))
    panel_balance = display(emulator.balance, 5, CURRENCY)
    assert en.write(panel_balance) == "93.04292 UZS"  # 100.84292 less the panel's 6.00 and 1.80
    assert report.text == "\n".join(
        [
            shown(en, "admin-own-balance", balance=uzs("0.00")),
            shown(en, "admin-owed", owed=uzs("1.50")),
            shown(en, "admin-panel-balance", balance=panel_balance),
            shown(en, "admin-stars-rate", rate=uzs("0.01"), stars=100, amount=uzs("1.00")),
        ]
    )

    # Each piece of news once, one refund.
    await alice.send("/balance")
    await alice.wait_for_text(shown(ru, "balance", balance=uzs("1.50")))
    await bot_process.stop()
    assert (times_shown(alice, completed), times_shown(alice, partial)) == (1, 1)
    assert [p.refunded for p in telegram.payments.values()] == [False]
    assert await bot_process.customers(ALICE, BOB) == {
        ALICE: Customer(
            Decimal("1.5"),
            None,
            [("23501", "Completed", Decimal("7.2")), ("23502", "Partial", Decimal("2.16"))],
        ),
        BOB: Customer(Decimal("0"), None, []),
    }
    assert sorted(await bot_process.ledger(ALICE)) == [
        ("order", Decimal("-7.2")),
        ("order", Decimal("-2.16")),
        ("refund", Decimal("0.86")),
        ("topup", Decimal("10")),
    ]
