"""Orders placed through the shop's API v2 (issue 28, point 5): they show in My orders like
any other and get the same news, unless their customer turned that news off with
`/api notify off`; the chat's orders are told either way."""

from __future__ import annotations

from collections.abc import AsyncIterator
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


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"http_listen": "127.0.0.1:8089", "api_enabled": True})


@pytest.fixture
async def http(dp: Dispatcher, bot: Bot) -> AsyncIterator[TestClient[Any, Any]]:
    async with TestClient(TestServer(public_app(dp, bot))) as client:
        yield client


@pytest.fixture
async def customer(make_client: MakeClient, db: Database) -> BotClient:
    await fund(db, CUSTOMER, "100")
    return make_client(user_id=CUSTOMER)


async def api_order(http: TestClient[Any, Any], key: str) -> int:
    """Place 100 members through the API; the shop's order number."""
    answer = await http.post(
        "/api/v2",
        data={
            "key": key,
            "action": "add",
            "service": "1",
            "link": "https://t.me/example",
            "quantity": "100",
        },
    )
    body = await answer.json()
    assert isinstance(body.get("order"), int), body
    number: int = body["order"]
    return number


async def chat_order(customer: BotClient) -> None:
    await to_summary(customer)
    placed = texts(await customer.click_text("✅ Confirm and pay"))
    assert "Order number: <b>#" in placed[-1]


async def complete_all(emulator: PanelEmulator, dp: Dispatcher, bot: Bot) -> None:
    for order_id in list(emulator.orders):
        emulator.set_status(order_id, "Completed", remains=0)
    await dp["sweeper"].run_once(bot)


def completed(translator: Translator, number: int) -> str:
    return translator.texts("en")(
        "notify-completed", number=str(number), service=MEMBERS, quantity=100
    )


async def test_an_api_order_shows_in_my_orders_and_is_told_like_any_other(
    customer: BotClient,
    http: TestClient[Any, Any],
    db: Database,
    dp: Dispatcher,
    bot: Bot,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    key = await ApiKeysRepo(db).issue(CUSTOMER)
    number = await api_order(http, key)
    order = await OrdersRepo(db).get(number)
    assert order is not None
    assert order.via == VIA_API
    (listing,) = texts(await customer.send("/orders"))
    assert f"#{number}" in listing

    await complete_all(emulator, dp, bot)
    assert await delivered(dp, bot, CUSTOMER) == [completed(translator, number)]


async def test_api_notify_off_silences_api_orders_only(
    customer: BotClient,
    http: TestClient[Any, Any],
    db: Database,
    dp: Dispatcher,
    bot: Bot,
    emulator: PanelEmulator,
    translator: Translator,
) -> None:
    await customer.send("/api")
    await customer.send("/api notify off")
    [row] = await db.fetchall("SELECT user_id FROM api_keys")
    assert row["user_id"] == CUSTOMER
    key = await ApiKeysRepo(db).issue(CUSTOMER)  # the test's own copy of a key
    through_api = await api_order(http, key)
    await chat_order(customer)
    orders = {o.via: o for o in await OrdersRepo(db).list_for_user(CUSTOMER, 10)}
    assert set(orders) == {VIA_API, VIA_BOT}
    in_chat = orders[VIA_BOT].id

    await complete_all(emulator, dp, bot)
    assert await delivered(dp, bot, CUSTOMER) == [completed(translator, in_chat)]
    for order in await OrdersRepo(db).list_for_user(CUSTOMER, 10):
        assert order.status == "Completed"  # silenced, not left behind

    # Back on: news of what changes from now on is told again.
    await customer.send("/api notify on")
    again = await api_order(http, key)
    await complete_all(emulator, dp, bot)
    assert await delivered(dp, bot, CUSTOMER) == [completed(translator, again)]
    assert through_api not in (in_chat, again)


async def test_a_partial_api_order_is_refunded_even_when_silenced(
    customer: BotClient,
    http: TestClient[Any, Any],
    db: Database,
    dp: Dispatcher,
    bot: Bot,
    emulator: PanelEmulator,
) -> None:
    keys = ApiKeysRepo(db)
    key = await keys.issue(CUSTOMER)
    await keys.set_notify(CUSTOMER, False)
    number = await api_order(http, key)
    [emulated] = emulator.orders
    emulator.set_status(emulated, "Partial", remains=40)
    await dp["sweeper"].run_once(bot)
    assert await delivered(dp, bot, CUSTOMER) == []
    order = await OrdersRepo(db).get(number)
    assert order is not None
    assert order.status == "Partial"
    assert order.refunded > 0  # the money moves whether or not anyone is told
