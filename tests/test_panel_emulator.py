"""The emulator speaks the panel document exactly: raw HTTP, no client in between."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import aiohttp
import pytest

from tests.panel_emulator import FaultKind, PanelEmulator, refused_url, running_emulator

KEY = "emulator-test-key"
LINK = "https://t.me/example"


@pytest.fixture
async def emu() -> AsyncIterator[PanelEmulator]:
    async with running_emulator(key=KEY) as emulator:
        yield emulator


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=2)) as session:
        yield session


async def post(http: aiohttp.ClientSession, emu: PanelEmulator, **form: str) -> Any:
    async with http.post(emu.url, data=form) as response:
        assert response.status == 200
        return await response.json()


async def test_documented_answers_word_for_word(
    http: aiohttp.ClientSession, emu: PanelEmulator
) -> None:
    services = await post(http, emu, key=KEY, action="services")
    assert services[1] == {
        "service": 3, "name": "Poll Votes — Telegram", "type": "Poll",
        "category": "Telegram Votes", "rate": "36.00000", "min": 10, "max": 50000,
        "refill": False, "cancel": True,
    }  # fmt: skip
    assert await post(http, emu, key=KEY, action="balance") == {
        "balance": "100.84292",
        "currency": "UZS",
    }
    added = await post(http, emu, key=KEY, action="add", service="1", link=LINK, quantity="5")
    assert added == {"error": "Quantity less than minimum"}
    added = await post(
        http, emu, key=KEY, action="add", service="3", link=LINK, quantity="7", answer_number="1"
    )
    assert added == {"error": "Quantity less than minimum"}
    added = await post(http, emu, key=KEY, action="add", service="1", link=LINK, quantity="13")
    assert added == {"order": 23501}
    emu.set_status(23501, "In progress", remains=10)
    assert await post(http, emu, key=KEY, action="status", order="23501") == {
        "charge": "0.78000", "start_count": 0, "status": "In progress", "remains": 10,
        "currency": "UZS",
    }  # fmt: skip
    many = await post(http, emu, key=KEY, action="status", orders="23501,10")
    assert many["10"] == {"error": "Incorrect order ID"}
    assert many["23501"]["status"] == "In progress"
    assert await post(http, emu, key=KEY, action="cancel", orders="23501,10") == [
        {"order": 23501, "cancel": {"status": 1}},
        {"order": 10, "cancel": {"error": "Incorrect order ID"}},
    ]
    assert emu.orders[23501].status == "In progress"  # a cancel is only a request
    assert emu.balance == Decimal("100.06292")


@pytest.mark.parametrize(
    ("form", "error"),
    [
        ({"action": "balance"}, "Invalid API key"),
        ({"key": "wrong", "action": "balance"}, "Invalid API key"),
        ({"key": KEY}, "Incorrect request"),
        ({"key": KEY, "action": "refill"}, "Incorrect request"),
        ({"key": KEY, "action": "add", "service": "1", "link": LINK}, "Incorrect request"),
        ({"key": KEY, "action": "add", "link": LINK, "quantity": "10"}, "Incorrect request"),
        ({"key": KEY, "action": "add", "service": "1", "link": LINK, "quantity": "1e3"},
         "Incorrect request"),
        ({"key": KEY, "action": "add", "service": "2", "link": LINK, "quantity": "10"},
         "Incorrect service ID"),
        ({"key": KEY, "action": "add", "service": "1", "quantity": "10"}, "Bad link"),
        ({"key": KEY, "action": "add", "service": "1", "link": LINK, "quantity": "100001"},
         "Quantity more than maximum"),
        ({"key": KEY, "action": "add", "service": "3", "link": LINK, "quantity": "10"},
         "Answer number is required"),
        ({"key": KEY, "action": "add", "service": "1", "link": LINK, "quantity": "1681"},
         "Not enough funds on balance"),
        ({"key": KEY, "action": "status"}, "Incorrect request"),
        ({"key": KEY, "action": "status", "order": "abc"}, "Incorrect order ID"),
        ({"key": KEY, "action": "status", "orders": ",".join(["1"] * 101)}, "Incorrect request"),
        ({"key": KEY, "action": "cancel"}, "Incorrect request"),
    ],
)  # fmt: skip
async def test_every_documented_error(
    http: aiohttp.ClientSession, emu: PanelEmulator, form: dict[str, str], error: str
) -> None:
    assert await post(http, emu, **form) == {"error": error}
    assert emu.orders == {}


async def test_faults_count_down_and_target_one_action(
    http: aiohttp.ClientSession, emu: PanelEmulator
) -> None:
    emu.fault(FaultKind.HTTP_500, action="balance", times=2)

    statuses = []
    for action in ("balance", "services", "balance", "balance"):
        async with http.post(emu.url, data={"key": KEY, "action": action}) as response:
            statuses.append(response.status)

    assert statuses == [500, 200, 500, 200]
    assert [form["action"] for form in emu.calls()] == ["balance", "services"] + ["balance"] * 2


async def test_a_performed_add_then_a_fault(
    http: aiohttp.ClientSession, emu: PanelEmulator
) -> None:
    emu.fault(FaultKind.HTTP_502_HTML, action="add", perform=True, times=1)
    form = {"key": KEY, "action": "add", "service": "1", "link": LINK, "quantity": "100"}

    async with http.post(emu.url, data=form) as response:
        assert response.status == 502
        assert "<html>" in await response.text()

    assert list(emu.orders) == [23501]
    assert emu.balance == Decimal("94.84292")


async def test_a_dropped_connection(http: aiohttp.ClientSession, emu: PanelEmulator) -> None:
    emu.fault(FaultKind.DROP)

    with pytest.raises(aiohttp.ServerDisconnectedError):
        await post(http, emu, key=KEY, action="balance")


async def test_a_refused_url_refuses(http: aiohttp.ClientSession) -> None:
    with pytest.raises(aiohttp.ClientConnectorError):
        await http.post(refused_url(), data={"action": "balance"})


async def test_a_hang_ends_when_the_emulator_closes(http: aiohttp.ClientSession) -> None:
    async def ask(url: str) -> int:
        async with http.post(url, data={"action": "balance"}) as response:
            return response.status

    async with running_emulator() as emulator:
        emulator.fault(FaultKind.HANG)
        task = asyncio.create_task(ask(emulator.url))
        await asyncio.sleep(0.05)
        assert not task.done()

    with pytest.raises(aiohttp.ServerDisconnectedError):
        await task
