"""The shop's API v2 with three panels (issue 26): a reseller's `add` of another panel's
service is placed there, and `cancel` reaches that panel; the reseller sees the shop's
numbers only."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.settings import Settings
from bot.storage import ApiKeysRepo, Database
from tests.conftest import fund, several_settings
from tests.panel_emulator import PanelEmulator

CHEAP_MEMBERS = 2_000_007


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    return several_settings(tmp_path, emulator, emulator2, emulator3).model_copy(
        update={"http_listen": "127.0.0.1:8089", "api_enabled": True}
    )


@pytest.fixture
async def reseller(dp: Dispatcher, bot: Bot, db: Database) -> AsyncIterator[PanelClient]:
    await fund(db, 1001, "100")
    key = await ApiKeysRepo(db).issue(1001)
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        client = PanelClient(str(http.make_url("/api/v2")), SecretStr(key), read_attempts=1)
        yield client
        await client.close()


async def test_add_and_cancel_of_another_panels_service_reach_that_panel(
    reseller: PanelClient, dp: Dispatcher, emulator: PanelEmulator, emulator2: PanelEmulator
) -> None:
    listed = {service.id: service for service in await reseller.services()}
    assert CHEAP_MEMBERS in listed
    number = await reseller.add(CHEAP_MEMBERS, "https://t.me/example", 100)
    [add] = emulator2.calls("add")
    assert add["service"] == "7"
    assert emulator.calls("add") == []
    order = await dp["orders"].get(int(number))
    assert (order.panel, order.panel_order_id) == ("cheap", "23501")
    results = await reseller.cancel([number])
    assert results[number].accepted
    assert [form["orders"] for form in emulator2.calls("cancel")] == ["23501"]
    assert emulator.calls("cancel") == []
