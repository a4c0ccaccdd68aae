"""The shop as a panel (issue 28, "Done when"): a second bot process whose panel is the first
bot's own API v2. A reseller gets a key with /api in the first bot's chat and sets it as the
second bot's PANEL_API_KEY; an order placed in the second bot's chat is placed on the first
bot's API, which places it on the panel emulator; when the emulator completes it, both
bots' customers are told and both ledgers equal their balances."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from bot.i18n import Translator
from bot.storage import VIA_API, OrdersRepo
from tests.e2e.bot_process import BotProcess, Customer, ShopPanel, free_port
from tests.e2e.conftest import attended
from tests.e2e.fake_telegram import FakeTelegram, running_telegram
from tests.e2e.steps import MEMBERS, confirm, shown, start, to_summary, uzs
from tests.panel_emulator import PanelEmulator

pytestmark = pytest.mark.e2e

RESELLER = 2001  # the first bot's customer, whose key the second bot buys with
BOB = 3001  # the second bot's customer
# The second bot's own Telegram: another token, so another fake server.
RESELLER_TOKEN = "654321:AAE-SENTINEL-reseller-e2e-token"
KEY = re.compile(r"\b[0-9a-f]{32}\b")


@pytest.fixture
def reseller_dir(tmp_path: Path) -> Path:
    """The second bot's working folder, beside the first's."""
    folder = tmp_path / "reseller"
    folder.mkdir()
    return folder


def reseller_bot(
    workdir: Path, telegram: FakeTelegram, emulator: PanelEmulator, endpoint: str, key: str
) -> BotProcess:
    """The second bot: its panel is the first bot's API, in front of the emulator."""
    return BotProcess(workdir, telegram, emulator, panel=ShopPanel(endpoint, key))


async def test_an_order_in_the_second_bot_completes_in_both(
    request: pytest.FixtureRequest,
    reseller_dir: Path,
    bot_process: BotProcess,
    telegram: FakeTelegram,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    en = translator.texts("en")
    port = free_port()
    bot_process.env |= {"API_ENABLED": "true", "HTTP_LISTEN": f"127.0.0.1:{port}"}
    await bot_process.fund(RESELLER, "50")
    await bot_process.start()

    # The reseller asks the shop for a key, as a customer does.
    reseller = telegram.user(RESELLER, "Rita")
    await reseller.send("/api")
    endpoint = f"http://127.0.0.1:{port}/api/v2"
    made = await reseller.wait_for_text(endpoint)
    found = KEY.search(made.text or "")
    assert found is not None, made.text
    key = found.group(0)

    async with (
        running_telegram(RESELLER_TOKEN, username="reseller_e2e_bot") as telegram2,
        attended(request, reseller_bot(reseller_dir, telegram2, emulator, endpoint, key)) as bot2,
    ):
        await bot2.fund(BOB, "30")
        await bot2.start()
        bob = telegram2.user(BOB, "Bob")
        await start(bob, en)
        # The first bot sells 60 per 1000 at 72 (20% on top); the second adds its 20%: 86.40.
        summary = await to_summary(bob, en)
        assert shown(
            en,
            "order-summary-charge",
            charge=uzs("8.64"),
            balance=uzs("30.00"),
            after=uzs("21.36"),
        ) in (summary.text or "")
        await confirm(bob, en, "1", charge="8.64", balance="21.36")

        # The first bot placed it on the panel as its order #1, charged to the reseller.
        [add] = emulator.calls("add")
        assert (add["service"], add["link"], add["quantity"]) == (
            "1",
            "https://t.me/shop_channel",
            "100",
        )
        [emulated] = emulator.orders
        emulator.set_status(emulated, "Completed", remains=0)

        # Both customers hear it, each from their own bot, under their own bot's number.
        done = shown(en, "notify-completed", number="1", service=MEMBERS, quantity=100)
        await reseller.wait_for_text(done)
        await bob.wait_for_text(done)

        await bot2.stop()
        assert await bot2.customers(BOB) == {
            BOB: Customer(Decimal("21.36"), None, [("1", "Completed", Decimal("8.64"))])
        }
        assert await bot2.ledger(BOB) == [("order", Decimal("-8.64")), ("credit", Decimal(30))]

    await bot_process.stop()
    assert key not in bot_process.log()  # shown to its customer, never logged
    assert await bot_process.customers(RESELLER) == {
        RESELLER: Customer(Decimal("42.8"), None, [(str(emulated), "Completed", Decimal("7.2"))])
    }
    assert await bot_process.ledger(RESELLER) == [
        ("order", Decimal("-7.2")),
        ("credit", Decimal(50)),
    ]
    async with bot_process.database() as db:
        [order] = await OrdersRepo(db).list_for_user(RESELLER, 10)
    assert order.via == VIA_API
