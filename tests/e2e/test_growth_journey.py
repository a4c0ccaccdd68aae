"""Referrals and promo codes through the bot as a process and the fake Bot API: a referred
customer's Stars and card-transfer top-ups credit the referrer once each, self-referral and
a second link change nothing; a promo code from Top up's button, once per customer."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import shown, start, uzs

pytestmark = pytest.mark.e2e

ANN, BOB, CAT, BOSS = 1001, 1002, 1003, 9001


@pytest.fixture
async def bot_process(bot_process: BotProcess) -> BotProcess:
    bot_process.env |= {
        "ADMIN_IDS": str(BOSS),
        "REFERRAL_PERCENT": "10",
        "TRANSFER_DETAILS": r"Humo 9860 0000 1111 2222\nHolder: Aziz K.",
        "TRANSFER_MIN": "1000",
        "TRANSFER_MAX": "5000000",
    }
    return bot_process


async def test_a_referred_customers_top_ups_credit_the_referrer_once_each(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    en = translator.texts("en")
    await bot_process.start()
    boss = telegram.user(BOSS, "Boss", language_code="en")
    await start(boss, en)
    ann = telegram.user(ANN, "Ann", language_code="en")
    await start(ann, en)
    await ann.send("/referral")
    await ann.wait_for_text(f"https://t.me/shop_e2e_bot?start=ref_{ANN}")

    bob = telegram.user(BOB, "Bob", language_code="en")
    await bob.send(f"/start ref_{ANN}")  # through Ann's link: the usual greeting and menu
    await bob.wait_for_text(shown(en, "menu-prompt"))
    await bob.send(f"/start ref_{CAT}")  # a second link changes nothing
    await bob.wait_for_text(shown(en, "menu-prompt"))
    cat = telegram.user(CAT, "Cat", language_code="en")
    await cat.send(f"/start ref_{CAT}")  # oneself: nothing
    await cat.wait_for_text(shown(en, "menu-prompt"))

    # Stars: 1000 stars buy 10.00; Ann's 10% is 1.00.
    await bob.send("/topup 1000")
    invoice = await bob.wait_for_message(lambda m: m.invoice is not None, "the invoice")
    assert await bob.pay(invoice) is not None
    await bob.wait_for_text("Top-up #1 paid")
    credited = shown(en, "referral-credited", amount=uzs("1.00"), balance=uzs("1.00"))
    await ann.wait_for_text(credited)

    # A card transfer of 150,000.00, approved by the admin: Ann's share is 15,000.00.
    await bob.send("/topup")
    await bob.wait_for_text(shown(en, "topup-methods"))
    await bob.press(en("topup-method-transfer"))
    await bob.wait_for_text("How much will you transfer?")
    await bob.send("150 000")
    await bob.wait_for_text("Card transfer #2")
    await bob.send_file("photo", "receipt-photo-2")
    await boss.wait_for_message(lambda m: m.media is not None, "the receipt")
    await boss.press("✅ Approve")
    await bob.wait_for_text("Top-up #2 is paid")
    await ann.wait_for_text(
        shown(en, "referral-credited", amount=uzs("15000.00"), balance=uzs("15001.00"))
    )
    await ann.send("/referral")
    await ann.wait_for_text("Joined through your link: 1")

    await bot_process.stop()
    customers = await bot_process.customers(ANN, BOB, CAT)  # checks every ledger, too
    assert customers[ANN] == Customer(Decimal("15001.00"), None, [])
    assert customers[BOB] == Customer(Decimal("150010.00"), None, [])
    assert customers[CAT] == Customer(Decimal(0), None, [])
    assert await bot_process.ledger(ANN) == [
        ("referral", Decimal("15000.00")),
        ("referral", Decimal("1.00")),
    ]
    async with bot_process.database() as db:
        rows = await db.fetchall(
            "SELECT id, referred_by FROM users WHERE id IN (?, ?, ?)", (ANN, BOB, CAT)
        )
    assert sorted(tuple(row) for row in rows) == [(ANN, None), (BOB, ANN), (CAT, None)]


async def test_a_promo_code_from_the_top_up_button_once_per_customer(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    en, ru = translator.texts("en"), translator.texts("ru")
    await bot_process.start()
    boss = telegram.user(BOSS, "Boss", language_code="en")
    await start(boss, en)
    await boss.send("/promo Welcome 2500 2 30")
    await boss.wait_for_text("Promo code made: WELCOME")
    ann = telegram.user(ANN, "Анна", language_code="ru")
    await start(ann, ru)
    await ann.send("/topup")
    await ann.wait_for_text(shown(ru, "topup-methods"))
    await ann.press(ru("promo-button"))
    await ann.wait_for_text(shown(ru, "promo-ask"))
    await ann.send(" welcome ")
    await ann.wait_for_text(
        shown(ru, "promo-redeemed", code="WELCOME", amount=uzs("2500.00"), balance=uzs("2500.00"))
    )
    await ann.send("/promo WELCOME")
    await ann.wait_for_text(shown(ru, "promo-already", code="WELCOME"))

    await bot_process.stop()
    assert (await bot_process.customers(ANN))[ANN].balance == Decimal("2500.00")
    assert await bot_process.ledger(ANN) == [("promo", Decimal("2500.00"))]
