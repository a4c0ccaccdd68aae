"""Orders placed through the shop's API v2 (issue 28, point 5): they show in My orders like
any other and get the same news, unless their customer turned that news off with
`/api notify off`; the chat's orders are told either way."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiohttp.test_utils import TestClient, TestServer

from bot.i18n import Translator
from bot.ops.server import public_app
from bot.settings import Settings
from bot.storage import VIA_API, VIA_BOT, ApiKeysRepo, Database, OrdersRepo
from tests.conftest import MakeClient, fund
from tests.harness import BotClient, texts
from tests.helpers import delivered
from tests.panel_emulator import PanelEmulator
from tests.test_order_flow import MEMBERS, to_summary

CUSTOMER = 1001
LINK = "https://t.me/example"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"http_listen": "127.0.0.1:8089", "api_enabled": True})


@dataclass
class World:
    """The shop's API over HTTP, the chat, and the panel behind them, for one customer."""

    http: TestClient[Any, Any]
    db: Database
    dp: Dispatcher
    bot: Bot
    emulator: PanelEmulator
    translator: Translator
    customer: BotClient

    async def key(self) -> str:
        return await ApiKeysRepo(self.db).issue(CUSTOMER)

    async def api_order(self, key: str) -> int:
        """Place 100 members through the API; the shop's order number."""
        fields = {"key": key, "action": "add", "service": "1", "link": LINK, "quantity": "100"}
        body = await (await self.http.post("/api/v2", data=fields)).json()
        assert isinstance(body.get("order"), int), body
        number: int = body["order"]
        return number

    async def chat_order(self) -> int:
        await to_summary(self.customer)
        placed = texts(await self.customer.click_text("✅ Confirm and pay"))
        found = re.search(r"Order number: <b>#(\d+)</b>", placed[-1])
        assert found is not None, placed
        return int(found.group(1))

    async def sweep(self, status: str = "Completed", remains: int = 0) -> None:
        """The panel moves every order to `status`; the sweep records it."""
        for order_id in list(self.emulator.orders):
            self.emulator.set_status(order_id, status, remains=remains)
        await self.dp["sweeper"].run_once(self.bot)

    async def told(self) -> list[str]:
        return await delivered(self.dp, self.bot, CUSTOMER)

    def completed(self, number: int) -> str:
        t = self.translator.texts("en")
        return t("notify-completed", number=str(number), service=MEMBERS, quantity=100)


@pytest.fixture
async def world(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    translator: Translator,
    make_client: MakeClient,
) -> AsyncIterator[World]:
    await fund(db, CUSTOMER, "100")
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        yield World(http, db, dp, bot, emulator, translator, make_client(user_id=CUSTOMER))


async def test_an_api_order_shows_in_my_orders_and_is_told_like_any_other(world: World) -> None:
    number = await world.api_order(await world.key())
    order = await OrdersRepo(world.db).get(number)
    assert order is not None
    assert order.via == VIA_API
    (listing,) = texts(await world.customer.send("/orders"))
    assert f"#{number}" in listing

    await world.sweep()
    assert await world.told() == [world.completed(number)]


async def test_api_notify_off_silences_api_orders_only(world: World) -> None:
    await world.customer.send("/api")
    await world.customer.send("/api notify off")
    key = await world.key()  # the test's own copy of a key: the chat showed one once
    through_api = await world.api_order(key)
    in_chat = await world.chat_order()
    vias = {o.id: o.via for o in await OrdersRepo(world.db).list_for_user(CUSTOMER, 10)}
    assert vias == {through_api: VIA_API, in_chat: VIA_BOT}

    await world.sweep()
    assert await world.told() == [world.completed(in_chat)]
    for order in await OrdersRepo(world.db).list_for_user(CUSTOMER, 10):
        assert order.status == "Completed"  # silenced, not left behind

    # Back on: news of what changes from now on is told again.
    await world.customer.send("/api notify on")
    again = await world.api_order(key)
    await world.sweep()
    assert await world.told() == [world.completed(again)]


async def test_a_partial_api_order_is_refunded_even_when_silenced(world: World) -> None:
    key = await world.key()
    await ApiKeysRepo(world.db).set_notify(CUSTOMER, False)
    number = await world.api_order(key)
    await world.sweep("Partial", remains=40)
    assert await world.told() == []
    order = await OrdersRepo(world.db).get(number)
    assert order is not None
    assert order.status == "Partial"
    assert order.refunded > 0  # the money moves whether or not anyone is told
