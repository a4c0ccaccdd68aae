"""The shop's API v2 driven by a client nobody here wrote (issue 28, "Done when"): `safesmm`
from PyPI (MIT, standard library only: form-encoded POSTs through urllib, as the panels'
published PHP class sends them), pointed at the shop over real HTTP on 127.0.0.1. What a
reseller's software does: services, balance, add, status (one and many), refill, cancel,
and the seed's errors word for word.

The client blocks (urllib), so each call runs in a thread while the loop serves the shop.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from decimal import Decimal
from typing import Any, TypeVar

import pytest
from aiogram import Bot, Dispatcher
from aiohttp.test_utils import TestServer
from safesmm import SafeSMM, SafeSMMError

from bot.ops.server import public_app
from bot.settings import Settings
from bot.storage import ApiKeysRepo, Database, LedgerRepo
from tests.conftest import fund
from tests.helpers import balance_of
from tests.panel_emulator import PanelEmulator
from tests.test_shop_api import VIEWS, add_views

CUSTOMER = 1001
OTHER = 1002
LINK = "https://t.me/example"
T = TypeVar("T")


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"http_listen": "127.0.0.1:8089", "api_enabled": True})


@pytest.fixture
async def endpoint(dp: Dispatcher, bot: Bot, emulator: PanelEmulator) -> AsyncIterator[str]:
    add_views(emulator)
    server = TestServer(public_app(dp, bot), host="127.0.0.1")
    await server.start_server()
    try:
        yield str(server.make_url("/api/v2"))
    finally:
        await server.close()


async def call(method: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    return await asyncio.to_thread(method, *args, **kwargs)


async def client_for(db: Database, endpoint: str, user_id: int, balance: str) -> SafeSMM:
    await fund(db, user_id, balance)
    return SafeSMM(await ApiKeysRepo(db).issue(user_id), api_url=endpoint, timeout=10)


async def refused(method: Callable[..., Any], *args: Any, **kwargs: Any) -> str:
    """The error the shop answered, as the client raises it."""
    with pytest.raises(SafeSMMError) as error:
        await call(method, *args, **kwargs)
    return str(error.value)


async def test_a_reseller_s_client_buys_follows_refills_and_cancels(
    endpoint: str, db: Database, dp: Dispatcher, bot: Bot, emulator: PanelEmulator
) -> None:
    api = await client_for(db, endpoint, CUSTOMER, "100")

    services = {entry["service"]: entry for entry in await call(api.services)}
    assert set(services) == {1, 3, VIEWS}
    assert services[1]["rate"] == "72.00000"  # the chat's price: 60 per 1000 and 20%
    assert (services[VIEWS]["refill"], services[1]["cancel"]) == (True, True)
    balance = await call(api.balance)
    assert (Decimal(balance["balance"]), balance["currency"]) == (Decimal(100), "UZS")

    first = (await call(api.add_order, 1, LINK, 100))["order"]
    views = (await call(api.add_order, VIEWS, LINK, 1000))["order"]
    assert await balance_of(db, CUSTOMER) == Decimal("100") - Decimal("7.2") - Decimal("12")
    assert Decimal((await call(api.balance))["balance"]) == Decimal("80.8")

    one = await call(api.status, first)
    assert (one["status"], Decimal(one["charge"]), one["currency"]) == (
        "Pending",
        Decimal("7.2"),
        "UZS",
    )
    many = await call(api.multi_status, [first, views, 999])
    assert set(many) == {str(first), str(views), "999"}
    assert many["999"] == {"error": "Incorrect order ID"}

    # The panel finishes the views; the shop learns it in its sweep, then refills on request.
    views_at_panel = max(emulator.orders)
    emulator.set_status(views_at_panel, "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    assert (await call(api.status, views))["status"] == "Completed"
    refill = await call(api.refill, views)
    assert "refill" in refill
    assert len(emulator.refills_of(views_at_panel)) == 1

    [cancel] = await call(api.cancel, [first])
    assert cancel["order"] == first
    assert "error" not in str(cancel["cancel"])
    assert await LedgerRepo(db).check_consistency() == []


async def test_the_seed_s_errors_reach_the_client_word_for_word(
    endpoint: str, db: Database, emulator: PanelEmulator
) -> None:
    api = await client_for(db, endpoint, CUSTOMER, "1")
    other = await client_for(db, endpoint, OTHER, "100")
    foreign = (await call(other.add_order, 1, LINK, 100))["order"]
    adds = len(emulator.calls("add"))

    assert await refused(SafeSMM("0" * 32, api_url=endpoint).balance) == "Invalid API key"
    assert await refused(api.add_order, 999, LINK, 100) == "Incorrect service ID"
    assert await refused(api.add_order, 1, "", 100) == "Bad link"
    assert await refused(api.add_order, 1, LINK, 100) == "Not enough funds on balance"
    assert await refused(api.status, foreign) == "Incorrect order ID"
    assert await refused(api.refill, foreign) == "Incorrect order ID"
    assert len(emulator.calls("add")) == adds  # nothing reached the panel
    assert await balance_of(db, CUSTOMER) == Decimal(1)


async def test_a_replaced_key_stops_at_once(endpoint: str, db: Database) -> None:
    api = await client_for(db, endpoint, CUSTOMER, "5")
    assert Decimal((await call(api.balance))["balance"]) == 5
    await ApiKeysRepo(db).issue(CUSTOMER)  # /api new
    assert await refused(api.balance) == "Invalid API key"
