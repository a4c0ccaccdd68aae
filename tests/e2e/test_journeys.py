"""Customers' journeys through the real bot process, pressing its buttons and typing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from bot.telegram.keyboards import main_menu
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import (
    confirm,
    funded_customer,
    shown,
    to_summary,
    to_votes_summary,
    uzs,
)
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE = 1001


async def test_a_new_customer_orders_a_default_and_a_poll_service(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    ru, uz = translator.texts("ru"), translator.texts("uz")
    alice = await funded_customer(bot_process, telegram, ALICE, "20", "Алиса", language="ru")

    # Her Telegram speaks Russian, so the bot does.
    await alice.send("/start")
    await alice.wait_for_text(shown(ru, "greeting", name="Алиса"))
    menu = await alice.wait_for_text(shown(ru, "menu-prompt"))
    assert menu.labels == [b.text for row in main_menu(ru).inline_keyboard for b in row]

    # She switches to Uzbek from the menu; everything after is in Uzbek.
    await alice.press(ru("menu-language"))
    await alice.wait_for_text(shown(ru, "language-choose"))
    chosen = await alice.press("Oʻzbekcha")
    assert (await alice.wait_for_answer(chosen)).text == uz("language-set")
    await alice.wait_for_text(shown(uz, "menu-prompt"))

    # A Default service, started from the menu's button.
    members = await to_summary(alice, uz, from_menu=True)
    charge = shown(
        uz, "order-summary-charge", charge=uzs("7.20"), balance=uzs("20.00"), after=uzs("12.80")
    )
    assert charge in (members.text or "")
    await confirm(alice, uz, "1", charge="7.20", balance="12.80")

    # A Poll service, started with /order: the bot asks which answer gets the votes.
    votes = await to_votes_summary(alice, uz)
    assert shown(uz, "order-summary-answer", answer=2) in (votes.text or "")
    await confirm(alice, uz, "2", charge="2.16", balance="10.64")

    await bot_process.stop()
    members_add, votes_add = emulator.calls("add")
    assert {k: members_add[k] for k in ("service", "link", "quantity")} == {
        "service": "1",
        "link": "https://t.me/shop_channel",
        "quantity": "100",
    }
    assert "answer_number" not in members_add
    assert {k: votes_add[k] for k in ("service", "link", "quantity", "answer_number")} == {
        "service": "3",
        "link": "https://t.me/shop_channel/42",
        "quantity": "50",
        "answer_number": "2",
    }
    assert await bot_process.customers(ALICE) == {
        ALICE: Customer(
            Decimal("10.64"),
            "uz",
            [("23501", "Pending", Decimal("7.2")), ("23502", "Pending", Decimal("2.16"))],
        )
    }
    assert await bot_process.ledger(ALICE) == [
        ("order", Decimal("-2.16")),
        ("order", Decimal("-7.2")),
        ("credit", Decimal("20")),
    ]
