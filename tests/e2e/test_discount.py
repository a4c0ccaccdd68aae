"""A discount given with `/discount` in the running bot: the customer is told, then pays the
discounted price through the chat, a mass order and the Mini App; the ledger comes out exact."""

from __future__ import annotations

import time
from decimal import Decimal

import aiohttp
import pytest

from bot.i18n import Translator
from bot.webapp.api import INIT_DATA_HEADER
from bot.webapp.auth import sign_init_data
from tests.conftest import ADMIN_ID
from tests.e2e.bot_process import TOKEN, BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import MEMBERS, confirm, funded_customer, shown, start, to_summary, uzs
from tests.e2e.test_webapp import free_port
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

ALICE = 1001


async def test_a_discounted_customer_pays_less_in_chat_mass_order_and_mini_app(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    port = free_port()
    base = f"http://127.0.0.1:{port}/shop/"
    bot_process.env |= {"HTTP_LISTEN": f"127.0.0.1:{port}", "WEBAPP_URL": base}
    alice = await funded_customer(bot_process, telegram, ALICE, "50")
    admin = telegram.user(ADMIN_ID, "Boss")
    await start(alice, en)

    await admin.send(f"/discount {ALICE} 10")
    await admin.wait_for_text(
        shown(en, "admin-discount-set", user=str(ALICE), discount=10, before=0)
    )
    await alice.wait_for_text(shown(en, "discount-notice", discount=10))

    # The chat: 72.00 per 1000 less 10 %, 100 of them.
    summary = await to_summary(alice, en)
    assert shown(en, "order-summary-discount", discount=10) in (summary.text or "")
    await confirm(alice, en, "1", charge="6.48", balance="43.52")

    # A mass order: 100 and 200.
    await alice.send("/massorder")
    await alice.wait_for_text(shown(en, "mass-ask", max=100))
    await alice.send("1 | @chan_one | 100\n1 | @chan_two | 200")
    listed = await alice.wait_for_text(shown(en, "mass-summary", count=2))
    line = shown(
        en,
        "mass-summary-line",
        line=2,
        service=MEMBERS,
        id=1,
        link="https://t.me/chan_two",
        quantity=200,
        charge=uzs("12.96"),
    )
    assert line in (listed.text or "")
    await alice.press(en("mass-confirm-button"))
    report = await alice.wait_for_text(shown(en, "mass-report", placed=2, count=2))
    charged = shown(en, "mass-report-total", charged=uzs("19.44"), balance=uzs("24.08"))
    assert charged in (report.text or "")

    # The Mini App: its catalogue, quote and Confirm.
    user = {"id": ALICE, "first_name": "Alice", "language_code": "en"}
    headers = {INIT_DATA_HEADER: sign_init_data(TOKEN, user, int(time.time()))}
    async with aiohttp.ClientSession(base, headers=headers) as http:
        async with http.get("api/catalogue") as answer:
            catalogue = await answer.json()
        [members] = [s for s in catalogue["services"] if s["id"] == 1]
        assert (members["p"], catalogue["discount"]) == ("64.80", 10)
        order = {
            "service_id": 1,
            "version": catalogue["version"],
            "answers": {"link": "@durov", "quantity": "100"},
        }
        async with http.post("api/quote", json=order) as answer:
            quote = await answer.json()
        assert quote["charge"] == "6.48 UZS"
        async with http.post("api/place", json=order | {"token": quote["token"]}) as answer:
            placed = await answer.json()
        assert (placed["outcome"], placed["balance"]) == ("placed", "17.60 UZS")

    await bot_process.stop()
    assert len(emulator.calls("add")) == 4
    customers = await bot_process.customers(ALICE)  # checks every balance against its ledger
    assert customers[ALICE].balance == Decimal("17.60")
    assert sorted(charge for _, _, charge in customers[ALICE].orders) == [
        Decimal("6.48"),
        Decimal("6.48"),
        Decimal("6.48"),
        Decimal("12.96"),
    ]
