"""The Mini App served by the bot as a real process: the menu button set at start-up, the
page and its API on HTTP_LISTEN, an order placed through it and the chat's menu offering it."""

from __future__ import annotations

import socket
import time
from decimal import Decimal

import aiohttp
import pytest

from bot.i18n import Translator
from bot.webapp.api import INIT_DATA_HEADER
from bot.webapp.auth import sign_init_data
from tests.e2e.bot_process import TOKEN, BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import funded_customer, start

pytestmark = pytest.mark.e2e

ALICE = 1001


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_the_mini_app_in_the_running_bot(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/shop/"
    bot_process.env |= {"HTTP_LISTEN": f"127.0.0.1:{port}", "WEBAPP_URL": base}
    alice = await funded_customer(bot_process, telegram, ALICE, "20")
    assert telegram.menu_buttons[""] == {
        "type": "web_app",
        "text": "Shop",
        "web_app": {"url": base},
    }

    menu = await start(alice, translator.texts("en"))
    assert menu.markup is not None
    assert menu.markup["inline_keyboard"][-1] == [{"text": "🛍 Shop", "web_app": {"url": base}}]

    user = {"id": ALICE, "first_name": "Alice", "language_code": "en"}
    headers = {INIT_DATA_HEADER: sign_init_data(TOKEN, user, int(time.time()))}
    async with aiohttp.ClientSession(base, headers=headers) as http:
        async with http.get("") as page:
            assert page.status == 200
            assert "static/app.js" in await page.text()
        async with http.get("api/catalogue") as answer:
            catalogue = await answer.json()
        version = catalogue["version"]
        order = {
            "service_id": 1,
            "version": version,
            "answers": {"link": "@durov", "quantity": "100"},
        }
        async with http.post("api/quote", json=order) as answer:
            quote = await answer.json()
        assert quote["charge"] == "7.20 UZS"
        async with http.post("api/place", json=order | {"token": quote["token"]}) as answer:
            placed = await answer.json()
        assert placed["outcome"] == "placed"
        async with http.post("api/place", json=order | {"token": quote["token"]}) as answer:
            assert answer.status == 409
        forged = {INIT_DATA_HEADER: sign_init_data("1:forged", user, int(time.time()))}
        async with http.post("api/me", headers=forged) as answer:
            assert answer.status == 401
    assert len(bot_process.emulator.calls("add")) == 1
    customers = await bot_process.customers(ALICE)
    assert customers[ALICE].balance == Decimal("12.80")
    await bot_process.stop()
