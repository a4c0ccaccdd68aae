"""The shop's API v2 served by the bot as a real process (`python -m bot` with API_ENABLED on
HTTP_LISTEN): a reseller's client places an order through it, follows it to Completed as the
bot's sweep sees it, and the key never reaches the bot's log."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from pydantic import SecretStr

from bot.panel import InvalidApiKey, PanelClient
from bot.storage import ApiKeysRepo
from tests.e2e.bot_process import BotProcess, free_port
from tests.e2e.fake_telegram import WAIT

pytestmark = pytest.mark.e2e

RESELLER = 1001


async def test_a_reseller_buys_through_the_running_bot(bot_process: BotProcess) -> None:
    port = free_port()
    bot_process.env |= {"HTTP_LISTEN": f"127.0.0.1:{port}", "API_ENABLED": "true"}
    await bot_process.fund(RESELLER, "20")
    async with bot_process.database() as db:
        key = await ApiKeysRepo(db).issue(RESELLER)
    await bot_process.start()
    url = f"http://127.0.0.1:{port}/api/v2"
    async with PanelClient(url, SecretStr(key)) as client:
        assert 1 in {service.id for service in await client.services()}
        number = await client.add(1, "https://t.me/durov", 100)
        bot_process.emulator.set_status(23501, "Completed", remains=0, start_count=7)
        # The bot's sweep (every 0.5 s here) sees it finish; the API tells what the shop knows.
        async with asyncio.timeout(WAIT):
            while (await client.status(number)).status != "Completed":  # noqa: ASYNC110  # a remote answer, no event
                await asyncio.sleep(0.1)
        assert (await client.balance()).amount == Decimal("12.80")
    async with PanelClient(url, SecretStr("f" * 32)) as stranger:
        with pytest.raises(InvalidApiKey):
            await stranger.balance()
    customers = await bot_process.customers(RESELLER)
    assert customers[RESELLER].orders == [("23501", "Completed", Decimal("7.20"))]
    log = await bot_process.stop()
    assert key not in log
