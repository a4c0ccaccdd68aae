"""The shop as a panel (issue 28): `/api/v2` over real HTTP on 127.0.0.1, driven by the
project's own `PanelClient` (the shop is a panel it can buy from) and by raw requests where a
client would never send what is tested (forged, foreign, huge, malformed)."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiohttp import FormData
from aiohttp.test_utils import TestClient, TestServer
from pydantic import HttpUrl, SecretStr

from bot.ops.server import public_app, serving, webhook_app
from bot.panel import (
    AnswerNumberRequired,
    BadLink,
    IncorrectOrderId,
    IncorrectRequest,
    IncorrectServiceId,
    NotEnoughFunds,
    PanelClient,
    PanelError,
    PanelRateLimited,
    QuantityLessThanMinimum,
    QuantityMoreThanMaximum,
    RefillNotEligible,
    RefillNotFound,
)
from bot.settings import Settings, SettingsError
from bot.shopapi.actions import ShopApi
from bot.shopapi.gate import WRONG_KEY_BURST, ApiGate
from bot.storage import VIA_API, ApiKeysRepo, Database, Status
from tests.conftest import ADMIN_ID, fund, settings_with
from tests.e2e.bot_process import free_port
from tests.helpers import balance_of
from tests.panel_emulator import EmulatedService, FaultKind, PanelEmulator
from tests.webapp.test_http import with_settings

CUSTOMER = 1001
OTHER = 1002
LINK = "https://t.me/example"
VIEWS = 5  # a service with refills


def add_views(emulator: PanelEmulator) -> None:
    """The emulator's catalogue gains VIEWS, a service with refills."""
    emulator.services[VIEWS] = EmulatedService(
        VIEWS,
        "Post Views — Telegram",
        "Default",
        "Telegram Views",
        Decimal(10),
        10,
        10000,
        refill=True,
    )


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The API on, its limits out of the way (the limits' own tests set theirs)."""
    return settings.model_copy(
        update={
            "http_listen": "127.0.0.1:8089",
            "api_enabled": True,
            "api_rate": 1000.0,
            "api_burst": 1000,
            "api_add_rate": 1000.0,
            "api_add_burst": 1000,
        }
    )


@dataclass
class Shop:
    """The shop's API as its resellers reach it."""

    http: TestClient[Any, Any]
    db: Database
    dp: Dispatcher | None = None
    clients: list[PanelClient] = field(default_factory=list)

    @property
    def url(self) -> str:
        return str(self.http.make_url("/api/v2"))

    async def key(self, user_id: int = CUSTOMER, balance: str = "1000") -> str:
        await fund(self.db, user_id, balance)
        return await ApiKeysRepo(self.db).issue(user_id)

    def client(self, key: str) -> PanelClient:
        client = PanelClient(self.url, SecretStr(key), read_attempts=1)
        self.clients.append(client)
        return client

    async def raw(self, expect: int = 200, /, **fields: str) -> Any:
        """A form POST; its JSON answer, after checking the HTTP status."""
        answer = await self.http.post("/api/v2", data=fields)
        assert answer.status == expect, await answer.text()
        return await answer.json()


@pytest.fixture
async def shop(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> AsyncIterator[Shop]:
    add_views(emulator)
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        shop = Shop(http, db, dp)
        yield shop
        for client in shop.clients:
            await client.close()


def shop_api_of(shop: Shop) -> ShopApi:
    assert shop.dp is not None
    api: ShopApi = shop.dp["shop_api"]
    return api


async def orders_count(db: Database) -> int:
    row = await db.fetchone("SELECT count(*) AS n FROM orders")
    assert row is not None
    return int(row["n"])


# --- services and balance --------------------------------------------------------------------


async def test_services_are_the_shop_catalogue_at_the_customer_price(shop: Shop) -> None:
    client = shop.client(await shop.key())
    services = {service.id: service for service in await client.services()}
    assert set(services) == {1, 3, VIEWS}
    members = services[1]
    # The panel's 60 per 1000 with the default 20% markup: the chat's price.
    assert members.rate == Decimal(72)
    assert (members.name, members.type, members.category) == (
        "7-day Join — Telegram Members",
        "Default",
        "Telegram Members",
    )
    assert (members.min, members.max, members.cancel, members.refill) == (10, 100000, True, False)
    assert services[VIEWS].refill is True
    raw = await shop.raw(key=await shop.key(OTHER), action="services")
    first = next(entry for entry in raw if entry["service"] == 1)
    assert first["rate"] == "72.00000"  # a string with 5 decimals, as the seed writes it


async def test_a_discounted_customer_is_listed_and_charged_their_price(
    shop: Shop, dp: Dispatcher, db: Database
) -> None:
    """`services` and `add` ask the chat's one place for a customer's price
    (`bot.orders.prices`): a discount set with /discount is in both, and nobody else's."""
    mine = shop.client(await shop.key(balance="100"))
    theirs = shop.client(await shop.key(OTHER))
    assert {s.id: s.rate for s in await mine.services()}[1] == Decimal(72)  # listed before
    await dp["pricer"].set_discount(CUSTOMER, 10, admin_id=ADMIN_ID)
    assert {s.id: s.rate for s in await mine.services()}[1] == Decimal("64.80")
    assert {s.id: s.rate for s in await theirs.services()}[1] == Decimal(72)
    number = await mine.add(1, LINK, 100)
    order = await dp["orders"].get(int(number))
    assert order is not None
    assert (order.charge, order.discount, order.full_charge) == (
        Decimal("6.48"),
        10,
        Decimal("7.20"),
    )
    assert await balance_of(db, CUSTOMER) == Decimal("93.52")


async def test_hidden_services_are_not_listed_nor_sold(
    shop: Shop, dp: Dispatcher, db: Database, emulator: PanelEmulator
) -> None:
    client = shop.client(await shop.key())
    assert 1 in {service.id for service in await client.services()}
    await dp["shop"].set_service_hidden(1, True)
    await dp["catalogue"].recurate()
    assert 1 not in {service.id for service in await client.services()}
    with pytest.raises(IncorrectServiceId):
        await client.add(1, LINK, 100)
    assert emulator.calls("add") == []
    assert await balance_of(db, CUSTOMER) == Decimal(1000)


async def test_balance_in_the_shop_currency(shop: Shop) -> None:
    client = shop.client(await shop.key(balance="123.45"))
    balance = await client.balance()
    assert (balance.amount, balance.currency) == (Decimal("123.45"), "UZS")
    key = await shop.key(OTHER, balance="7")
    assert await shop.raw(key=key, action="balance") == {"balance": "7.00000", "currency": "UZS"}


# --- add -------------------------------------------------------------------------------------


async def test_add_places_through_the_checkout_and_answers_the_shop_number(
    shop: Shop, db: Database, emulator: PanelEmulator, dp: Dispatcher
) -> None:
    client = shop.client(await shop.key(balance="100"))
    number = await client.add(1, LINK, 100)
    order = await dp["orders"].get(int(number))
    assert order is not None
    assert order.user_id == CUSTOMER
    assert order.via == VIA_API
    assert order.status == Status.PENDING
    assert order.panel_order_id == "23501"
    assert order.charge == Decimal("7.20")  # 100 at 72 per 1000, as the chat charges
    assert await balance_of(db, CUSTOMER) == Decimal("92.80")
    assert [form["link"] for form in emulator.calls("add")] == [LINK]
    status = await client.status(number)
    assert (status.status, status.charge, status.remains, status.currency) == (
        "Pending",
        Decimal("7.20"),
        100,
        "UZS",
    )


async def test_add_takes_every_field_of_the_type(shop: Shop, emulator: PanelEmulator) -> None:
    emulator.services[1].dripfeed = True
    emulator.services[7] = EmulatedService(
        7, "Comments — Telegram", "Custom Comments", "Telegram Comments", Decimal(100), 2, 100
    )
    emulator.services[8] = EmulatedService(
        8, "Subscribers", "Subscriptions", "Telegram Auto", Decimal(5), 10, 1000
    )
    client = shop.client(await shop.key())
    await client.add(3, LINK, 50, answer_number=2)
    await client.add(1, LINK, 100, runs=3, interval=30)
    await client.add_fields(7, {"link": LINK, "comments": "Nice\r\nGreat post\n\n"})
    await client.add_fields(
        8, {"username": "channel", "min": 10, "max": 20, "posts": 5, "delay": 0}
    )
    sent = emulator.calls("add")
    assert sent[0]["answer_number"] == "2"
    assert (sent[1]["quantity"], sent[1]["runs"], sent[1]["interval"]) == ("100", "3", "30")
    assert sent[2]["comments"] == "Nice\nGreat post"
    assert (sent[3]["username"], sent[3]["max"], sent[3]["posts"]) == ("channel", "20", "5")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"service": "99", "link": LINK, "quantity": "100"}, IncorrectServiceId),
        ({"service": "1", "link": "", "quantity": "100"}, BadLink),
        ({"service": "1", "link": "not a link", "quantity": "100"}, BadLink),
        ({"service": "1", "link": LINK, "quantity": "9"}, QuantityLessThanMinimum),
        ({"service": "1", "link": LINK, "quantity": "100001"}, QuantityMoreThanMaximum),
        ({"service": "1", "link": LINK, "quantity": "ten"}, IncorrectRequest),
        ({"service": "1", "link": LINK, "quantity": "100", "runs": "3"}, IncorrectRequest),
        ({"service": "3", "link": LINK, "quantity": "100"}, AnswerNumberRequired),
        ({"service": "3", "link": LINK, "quantity": "100", "answer_number": "x"}, IncorrectRequest),
        ({"service": "1", "link": LINK, "quantity": "100000"}, NotEnoughFunds),
        ({"link": LINK, "quantity": "100"}, IncorrectRequest),
        # Huge or malformed fields, in any action.
        (
            {"action": "add", "service": "9" * 40, "link": LINK, "quantity": "100"},
            IncorrectServiceId,
        ),
        (
            {"action": "add", "service": "1", "link": LINK, "quantity": "9" * 5000},
            IncorrectRequest,  # not a number the chat takes either
        ),
        (
            {
                "action": "add",
                "service": "1",
                "link": "https://t.me/" + "a" * 50_000,
                "quantity": "100",
            },
            BadLink,
        ),
        ({"action": "add", "service": "1", "link": LINK + "\x00", "quantity": "100"}, BadLink),
        (
            {
                "action": "add",
                "service": "3",
                "link": LINK,
                "quantity": "100",
                "answer_number": "9" * 100,
            },
            IncorrectRequest,
        ),
        ({"action": "status", "order": "9" * 40}, IncorrectOrderId),
        ({"action": "status", "order": "-1"}, IncorrectOrderId),
        ({"action": "status", "orders": ","}, IncorrectRequest),
        ({"action": "status", "orders": ",".join(map(str, range(5000)))}, IncorrectRequest),
        ({"action": "cancel", "order": "1 OR 1=1"}, IncorrectOrderId),
        ({"action": "refill", "order": "1e3"}, IncorrectOrderId),
        ({"action": "refill_status", "refill": "0x1"}, RefillNotFound),
    ],
)
async def test_refusals_in_the_seed_words_change_nothing(
    shop: Shop,
    db: Database,
    emulator: PanelEmulator,
    fields: dict[str, str],
    error: type[PanelError],
) -> None:
    key = await shop.key(balance="10")
    answer = await shop.raw(key=key, **({"action": "add"} | fields))
    assert answer == {"error": error.canonical}
    assert await orders_count(db) == 0
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    assert emulator.calls("add") == []


async def test_add_with_a_lost_answer_still_answers_the_shop_number(
    shop: Shop, db: Database, emulator: PanelEmulator, dp: Dispatcher
) -> None:
    client = shop.client(await shop.key(balance="100"))
    emulator.fault(FaultKind.DROP, action="add", times=1, perform=True)
    number = await client.add(1, LINK, 100)
    order = await dp["orders"].get(int(number))
    assert order is not None
    assert order.status == Status.UNKNOWN
    assert await balance_of(db, CUSTOMER) == Decimal("92.80")  # held until an admin settles
    assert (await client.status(number)).status == "Pending"


async def test_add_the_panel_refuses_is_refunded(
    shop: Shop, db: Database, emulator: PanelEmulator
) -> None:
    key = await shop.key(balance="100")
    emulator.canned({"error": "Bad link"}, action="add")
    assert await shop.raw(key=key, action="add", service="1", link=LINK, quantity="100") == {
        "error": "Bad link"
    }
    emulator.balance = Decimal(0)  # the shop's own panel balance: not the customer's fault
    answer = await shop.raw(key=key, action="add", service="1", link=LINK, quantity="100")
    assert answer["error"] != NotEnoughFunds.canonical
    assert await balance_of(db, CUSTOMER) == Decimal(100)


# --- status ----------------------------------------------------------------------------------


async def test_status_of_many_answers_foreign_and_unknown_orders_with_an_error(
    shop: Shop, emulator: PanelEmulator
) -> None:
    mine = shop.client(await shop.key())
    theirs = shop.client(await shop.key(OTHER))
    first = await mine.add(1, LINK, 100)
    foreign = await theirs.add(1, LINK, 200)
    statuses = await mine.statuses([first, foreign, "999", "abc"])
    assert statuses[first].status == "Pending"  # type: ignore[union-attr]
    for other in (foreign, "999", "abc"):
        assert isinstance(statuses[other], IncorrectOrderId)
    with pytest.raises(IncorrectOrderId):
        await mine.status(foreign)
    too_many = ",".join(str(n) for n in range(1, 102))
    key = await shop.key()
    assert await shop.raw(key=key, action="status", orders=too_many) == {
        "error": "Incorrect request"
    }


async def test_status_follows_the_sweep_and_reports_the_net_charge(
    shop: Shop, emulator: PanelEmulator, dp: Dispatcher, bot: Bot
) -> None:
    client = shop.client(await shop.key())
    number = await client.add(1, LINK, 1000)
    emulator.set_status(23501, "Partial", remains=400, start_count=5)
    await dp["sweeper"].run_once(bot)
    status = await client.status(number)
    assert (status.status, status.remains, status.start_count) == ("Partial", 400, 5)
    assert status.charge == Decimal("43.20")  # 72 charged, 400 of 1000 given back


# --- cancel, refill --------------------------------------------------------------------------


async def test_cancel_own_orders_only(shop: Shop, emulator: PanelEmulator, dp: Dispatcher) -> None:
    mine = shop.client(await shop.key())
    theirs = shop.client(await shop.key(OTHER))
    first = await mine.add(1, LINK, 100)
    foreign = await theirs.add(1, LINK, 100)
    results = await mine.cancel([first, foreign])
    assert results[first].accepted
    assert isinstance(results[foreign].error, IncorrectOrderId)
    assert [form["orders"] for form in emulator.calls("cancel")] == ["23501"]
    order = await dp["orders"].get(int(first))
    assert order is not None
    assert order.cancel_requested_at is not None
    again = await mine.cancel([first])
    assert not again[first].accepted  # asked once: not asked again


async def test_refill_and_its_status(
    shop: Shop, emulator: PanelEmulator, dp: Dispatcher, bot: Bot
) -> None:
    mine = shop.client(await shop.key())
    theirs = shop.client(await shop.key(OTHER))
    views = await mine.add(VIEWS, LINK, 100)
    members = await mine.add(1, LINK, 100)
    with pytest.raises(RefillNotEligible):  # not finished yet
        await mine.refill(views)
    emulator.set_status(23501, "Completed", remains=0)
    emulator.set_status(23502, "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    with pytest.raises(RefillNotEligible):  # the service offers no refill
        await mine.refill(members)
    with pytest.raises(IncorrectOrderId):
        await theirs.refill(views)
    refill = await mine.refill(views)
    assert len(emulator.calls("refill")) == 1
    assert (await mine.refill_statuses([refill]))[refill].status == "Pending"  # type: ignore[union-attr]
    assert isinstance((await theirs.refill_statuses([refill]))[refill], RefillNotFound)
    emulator.set_refill_status(1, "Completed")
    await dp["sweeper"].run_once(bot)
    assert (await mine.refill_statuses([refill]))[refill].status == "Completed"  # type: ignore[union-attr]
    key = await shop.key()
    assert await shop.raw(key=key, action="refill_status", refill=refill) == {"status": "Completed"}


# --- keys, requests ---------------------------------------------------------------------------


async def test_wrong_replaced_and_switched_off_keys_are_invalid_and_cost_nothing(
    shop: Shop, db: Database
) -> None:
    keys = ApiKeysRepo(db)
    old = await shop.key()
    new = await keys.issue(CUSTOMER)
    other = await shop.key(OTHER)
    await keys.switch(OTHER, False, admin_id=1)
    before = await db.fetchall("SELECT * FROM api_keys ORDER BY user_id")
    # Within the wrong keys an address may send (the limit's own test goes past them).
    for key in (old, other, "0" * 32, "x" * 10_000):
        for action in ("balance", "add"):
            answer = await shop.raw(key=key, action=action, service="1", link=LINK, quantity="100")
            assert answer == {"error": "Invalid API key"}
    assert [dict(row) for row in await db.fetchall("SELECT * FROM api_keys ORDER BY user_id")] == [
        dict(row) for row in before
    ]
    assert await orders_count(db) == 0
    assert (await shop.client(new).balance()).amount == Decimal(1000)


async def test_unknown_or_missing_action_is_an_incorrect_request(shop: Shop) -> None:
    key = await shop.key()
    assert await shop.raw(key=key, action="drop_table") == {"error": "Incorrect request"}
    assert await shop.raw(key=key) == {"error": "Incorrect request"}
    assert await shop.raw(key=key, action="status") == {"error": "Incorrect request"}


async def test_json_bodies_and_query_parameters_are_taken(shop: Shop) -> None:
    key = await shop.key(balance="5")
    expected = {"balance": "5.00000", "currency": "UZS"}
    answer = await shop.http.post("/api/v2", json={"key": key, "action": "balance"})
    assert await answer.json() == expected
    answer = await shop.http.get("/api/v2", params={"key": key, "action": "balance"})
    assert await answer.json() == expected
    answer = await shop.http.post("/api/v2", params={"key": key}, data={"action": "balance"})
    assert await answer.json() == expected
    answer = await shop.http.post("/api/v2", data={"key": f" {key.upper()}\n", "action": "balance"})
    assert await answer.json() == expected  # pasted with a line break, or in capitals


async def test_huge_and_malformed_bodies_are_refused(shop: Shop, db: Database) -> None:
    key = await shop.key(balance="1000")
    huge = await shop.http.post(
        "/api/v2", data={"key": key, "action": "add", "comments": "x" * 100_000}
    )
    assert huge.status == 413
    assert "error" in await huge.json()
    for body in (
        "{not json",
        "[1, 2]",
        json.dumps({"key": key, "action": {"nested": 1}}),
        "[" * 50_000,
    ):
        answer = await shop.http.post(
            "/api/v2", data=body, headers={"Content-Type": "application/json"}
        )
        assert (answer.status, await answer.json()) == (200, {"error": "Incorrect request"})
    assert await orders_count(db) == 0


# --- limits ----------------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def limited(
    dp: Dispatcher, bot: Bot, db: Database, settings: Settings
) -> AsyncIterator[tuple[Shop, Clock]]:
    """The API with small limits on a clock the test moves: 3 calls at once then one a
    second, 2 orders at once then one every 10 s."""
    clock = Clock()
    small = settings.model_copy(
        update={"api_rate": 1.0, "api_burst": 3, "api_add_rate": 0.1, "api_add_burst": 2}
    )
    dp["api_gate"] = ApiGate(small, ApiKeysRepo(db), clock=clock)
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        shop = Shop(http, db, dp)
        yield shop, clock
        for client in shop.clients:
            await client.close()


async def test_a_key_gets_a_burst_then_a_steady_rate(limited: tuple[Shop, Clock]) -> None:
    shop, clock = limited
    key, other = await shop.key(), await shop.key(OTHER)
    for _ in range(3):
        await shop.raw(key=key, action="balance")
    assert await shop.raw(429, key=key, action="balance") == {"error": "Too many requests"}
    await shop.raw(key=other, action="balance")  # per key: the other key is not held
    clock.now += 1
    await shop.raw(key=key, action="balance")
    await shop.raw(429, key=key, action="balance")


async def test_orders_have_a_lower_rate(limited: tuple[Shop, Clock], db: Database) -> None:
    shop, clock = limited
    key = await shop.key()
    order = {"action": "add", "service": "1", "link": LINK, "quantity": "100"}
    assert "order" in await shop.raw(key=key, **order)
    assert "order" in await shop.raw(key=key, **order)
    clock.now += 3  # calls allowed again, orders not yet
    assert await shop.raw(429, key=key, **order) == {"error": "Too many requests"}
    await shop.raw(key=key, action="balance")
    assert await orders_count(db) == 2
    clock.now += 10
    assert "order" in await shop.raw(key=key, **order)


async def test_wrong_keys_are_limited_per_address_without_a_lookup(
    limited: tuple[Shop, Clock], db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    shop, clock = limited
    key = await shop.key()
    for _ in range(WRONG_KEY_BURST):
        assert await shop.raw(key="0" * 32, action="balance") == {"error": "Invalid API key"}
    looked_up: list[str] = []
    real_owner = ApiKeysRepo.owner

    async def owner(self: ApiKeysRepo, key: str) -> Any:
        looked_up.append(key)
        return await real_owner(self, key)

    monkeypatch.setattr(ApiKeysRepo, "owner", owner)
    assert await shop.raw(429, key="0" * 32, action="balance") == {"error": "Too many requests"}
    assert await shop.raw(429, key="1" * 32, action="balance")
    assert looked_up == ["0" * 32]  # held: the next wrong key is not even looked up
    clock.now += 2
    assert await shop.raw(key=key, action="balance") == {"balance": "1000.00000", "currency": "UZS"}


async def test_last_use_is_written_once_a_minute(limited: tuple[Shop, Clock], db: Database) -> None:
    shop, clock = limited
    key = await shop.key()
    keys = ApiKeysRepo(db)
    await shop.raw(key=key, action="balance")
    first = await keys.get(CUSTOMER)
    assert first is not None
    assert first.last_used_at is not None
    async with db.transaction() as tx:
        await tx.execute("UPDATE api_keys SET last_used_at = 'then'")
    clock.now += 30
    await shop.raw(key=key, action="balance")
    assert (await keys.get(CUSTOMER)).last_used_at == "then"  # type: ignore[union-attr]
    clock.now += 31
    await shop.raw(key=key, action="balance")
    assert (await keys.get(CUSTOMER)).last_used_at != "then"  # type: ignore[union-attr]


# --- where it is served ----------------------------------------------------------------------


async def test_off_by_default_and_on_the_webhook_server(
    dp: Dispatcher, bot: Bot, settings: Settings, db: Database
) -> None:
    off = settings.model_copy(update={"api_enabled": False})
    async with TestClient(TestServer(public_app(with_settings(dp, off), bot))) as http:
        assert (await http.post("/api/v2", data={"action": "balance"})).status == 404
    hooked = settings.model_copy(
        update={"http_listen": "", "webhook_url": HttpUrl("https://bot.example/tg")}
    )
    key = await Shop(None, db).key()  # type: ignore[arg-type]
    async with TestClient(TestServer(webhook_app(with_settings(dp, hooked), bot))) as http:
        answer = await http.post("/api/v2", data={"key": key, "action": "balance"})
        assert await answer.json() == {"balance": "1000.00000", "currency": "UZS"}


def test_api_enabled_needs_a_server(tmp_path, emulator: PanelEmulator) -> None:
    with pytest.raises(SettingsError) as refused:
        settings_with(tmp_path, emulator, api_enabled="true")
    assert refused.value.lines == [
        "API_ENABLED is malformed (got 'true'): expected true or false: whether customers may"
        " buy through the shop's own API v2 at /api/v2; true needs HTTP_LISTEN (or"
        " WEBHOOK_URL) for a server to answer it"
    ]
    assert settings_with(tmp_path, emulator, api_enabled="true", http_listen="127.0.0.1:8089")
    with pytest.raises(SettingsError) as refused:
        settings_with(tmp_path, emulator, api_rate="0", api_add_burst="x")
    assert [line.split(" is ")[0] for line in refused.value.lines] == ["API_RATE", "API_ADD_BURST"]


async def test_multipart_forms_are_taken(shop: Shop) -> None:
    """PHP's curl with an array of fields sends multipart/form-data."""
    key = await shop.key(balance="5")
    form = FormData({"key": key, "action": "balance"})
    form.add_field("file", b"ignored", filename="x.txt")  # forces multipart
    answer = await shop.http.post("/api/v2", data=form)
    assert await answer.json() == {"balance": "5.00000", "currency": "UZS"}


async def test_two_orders_at_once_that_the_balance_pays_once(
    shop: Shop, db: Database, emulator: PanelEmulator
) -> None:
    key = await shop.key(balance="10")  # one order of 100 costs 7.20
    order = {"key": key, "action": "add", "service": "1", "link": LINK, "quantity": "100"}
    answers = await asyncio.gather(*(shop.raw(**order) for _ in range(2)))
    assert sorted(str(answer) for answer in answers) == sorted(
        [str({"order": 1}), str({"error": "Not enough funds on balance"})]
    )
    assert await balance_of(db, CUSTOMER) == Decimal("2.80")
    assert len(emulator.calls("add")) == 1


async def test_a_key_never_reaches_the_logs(
    shop: Shop,
    emulator: PanelEmulator,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    key = await shop.key()
    client = shop.client(key)
    number = await client.add(1, LINK, 100)
    await client.status(number)
    await client.cancel([number])
    emulator.canned({"error": "Bad link"}, action="add")
    await shop.raw(key=key, action="add", service="1", link=LINK, quantity="100")

    async def broken(user_id: int, form: Any) -> Any:
        raise RuntimeError("a bug")

    monkeypatch.setitem(shop_api_of(shop).actions, "balance", broken)
    assert await shop.raw(500, key=key, action="balance") == {"error": "Internal error"}
    assert any("api balance of user" in record.getMessage() for record in caplog.records)
    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert key not in logged


async def test_the_other_shapes_of_refill_and_cancel(
    shop: Shop, emulator: PanelEmulator, dp: Dispatcher, bot: Bot
) -> None:
    key = await shop.key()
    client = shop.client(key)
    views = await client.add(VIEWS, LINK, 100)
    members = await client.add(1, LINK, 100)
    emulator.set_status(23501, "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    assert await shop.raw(key=key, action="refill", orders=f"{views},{members},x") == [
        {"order": int(views), "refill": 1},
        {"order": int(members), "refill": {"error": "Order not eligible for refill."}},
        {"order": "x", "refill": {"error": "Incorrect order ID"}},
    ]
    assert await shop.raw(key=key, action="refill", order=views) == {
        "error": "Refill already requested"
    }
    assert await shop.raw(key=key, action="refill_status", refills="1,2") == [
        {"refill": 1, "status": "Pending"},
        {"refill": 2, "status": {"error": "Refill not found"}},
    ]
    assert await shop.raw(key=key, action="cancel", order=views) == {
        "error": "Order not eligible for cancel."
    }
    assert await shop.raw(key=key, action="cancel", order=members) == {"cancel": 1}
    assert await shop.raw(key=key, action="cancel", orders=members) == [
        {"order": int(members), "cancel": {"error": "Cancel already requested"}}
    ]
    assert len(emulator.calls("cancel")) == 1


async def test_a_refused_order_reads_canceled_with_nothing_charged(
    shop: Shop, emulator: PanelEmulator, dp: Dispatcher
) -> None:
    key = await shop.key(balance="100")
    emulator.canned({"error": "Bad link"}, action="add")
    await shop.raw(key=key, action="add", service="1", link=LINK, quantity="100")
    (refused,) = await dp["orders"].list_for_user(CUSTOMER, 10)
    assert refused.status == Status.FAILED
    assert await shop.raw(key=key, action="status", order=str(refused.id)) == {
        "charge": "0.00000",
        "start_count": 0,
        "status": "Canceled",
        "remains": 100,
        "currency": "UZS",
    }


async def test_services_in_each_customer_language_and_after_a_rename(
    shop: Shop, dp: Dispatcher, db: Database
) -> None:
    english = shop.client(await shop.key())
    russian = shop.client(await shop.key(OTHER))
    await dp["users"].set_language(OTHER, "ru")

    async def name_of(client: PanelClient) -> str:
        return next(s.name for s in await client.services() if s.id == 1)

    await dp["shop"].set_text("service", "1", "ru", "name", "Подписчики на 7 дней")
    await dp["catalogue"].recurate()
    assert await name_of(english) == "7-day Join — Telegram Members"
    assert await name_of(russian) == "Подписчики на 7 дней"
    await dp["shop"].set_text("service", "1", "ru", "name", "Подписчики")
    await dp["catalogue"].recurate()
    assert await name_of(russian) == "Подписчики"  # a new catalogue is listed anew
    await dp["shop"].set_service_price(1, price=Decimal(90))
    await dp["catalogue"].recurate()
    assert next(s.rate for s in await english.services() if s.id == 1) == Decimal(90)


async def test_a_client_over_the_limit_knows_nothing_was_placed(
    limited: tuple[Shop, Clock], db: Database, dp: Dispatcher, emulator: PanelEmulator
) -> None:
    """The project's own client reads 429 as "not placed": a second bot buying from this one
    refunds its customer at once instead of holding the money as an unknown outcome."""
    shop, clock = limited
    client = shop.client(await shop.key())
    for _ in range(2):
        await client.add(1, LINK, 100)
    with pytest.raises(PanelRateLimited) as refused:
        await client.add(1, LINK, 100)
    assert refused.value.request_sent is False
    assert refused.value.status == 429
    assert await orders_count(db) == 2
    # The shop's own panel answering 429: the order is refused and refunded, not held.
    clock.now += 20
    emulator.canned({"error": "Too many requests"}, action="add", status=429)
    key = await shop.key(OTHER, balance="100")
    answer = await shop.raw(key=key, action="add", service="1", link=LINK, quantity="100")
    assert answer == {"error": "Service temporarily unavailable, try again later"}
    assert await balance_of(db, OTHER) == Decimal(100)
    (failed,) = await dp["orders"].list_for_user(OTHER, 10)
    assert failed.status == Status.FAILED


async def test_without_a_catalogue_the_shop_says_so_and_charges_nothing(
    shop: Shop, db: Database, emulator: PanelEmulator
) -> None:
    key = await shop.key(balance="100")
    emulator.fault(FaultKind.HTTP_500, action="services")  # never fetched, and now down
    unavailable = {"error": "Service temporarily unavailable, try again later"}
    assert await shop.raw(key=key, action="services") == unavailable
    order = {"action": "add", "service": "1", "link": LINK, "quantity": "100"}
    assert await shop.raw(key=key, **order) == unavailable
    assert await orders_count(db) == 0
    assert await balance_of(db, CUSTOMER) == Decimal(100)


async def test_a_limited_client_is_told_when_to_come_back(limited: tuple[Shop, Clock]) -> None:
    """429 with `Retry-After` (whole seconds, at least 1) and a JSON body, for every limit:
    a client that backs off for that long is let in."""
    shop, clock = limited
    key = await shop.key()

    async def refused(**fields: str) -> int:
        answer = await shop.http.post("/api/v2", data=fields)
        assert answer.status == 429
        assert answer.content_type == "application/json"
        assert await answer.json() == {"error": "Too many requests"}
        return int(answer.headers["Retry-After"])

    for _ in range(3):
        await shop.raw(key=key, action="balance")
    assert await refused(key=key, action="balance") == 1  # one call a second
    clock.now += 3
    order = {"action": "add", "service": "1", "link": LINK, "quantity": "100"}
    for _ in range(2):
        assert "order" in await shop.raw(key=key, **order)
    clock.now += 3
    assert await refused(key=key, **order) == 7  # one order every 10 s, 3 s of it gone
    clock.now += 10
    assert "order" in await shop.raw(key=key, **order)
    for _ in range(WRONG_KEY_BURST):
        await shop.raw(key="0" * 32, action="balance")
    assert await refused(key="0" * 32, action="balance") == 1
    assert await refused(key=key, action="balance") >= 1  # the address is held


@pytest.mark.parametrize("change", ["switched off", "replaced"])
async def test_an_order_waiting_when_its_key_stops_is_not_placed(
    shop: Shop, db: Database, emulator: PanelEmulator, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """An `add` let in, then held up (the catalogue being fetched), while the admin switches
    the key off or the customer replaces it: nothing is charged or placed."""
    key = await shop.key()
    catalogue = shop_api_of(shop)._catalogue
    real_current = catalogue.current
    waiting, release = asyncio.Event(), asyncio.Event()

    async def slow_current() -> Any:
        waiting.set()
        await release.wait()
        return await real_current()

    monkeypatch.setattr(catalogue, "current", slow_current)
    order = {"key": key, "action": "add", "service": "1", "link": LINK, "quantity": "100"}
    answer = asyncio.ensure_future(shop.raw(**order))
    await waiting.wait()
    keys = ApiKeysRepo(db)
    if change == "replaced":
        await keys.issue(CUSTOMER)
    else:
        assert await keys.switch(CUSTOMER, False, admin_id=1)
    release.set()
    assert await answer == {"error": "Invalid API key"}
    assert await orders_count(db) == 0
    assert await balance_of(db, CUSTOMER) == Decimal(1000)
    assert emulator.calls("add") == []


@pytest.mark.parametrize("quantity", ["10.000", "1,000", "1 000", "100.000"])
async def test_a_quantity_is_plain_digits_as_panels_read_it(
    shop: Shop, db: Database, emulator: PanelEmulator, quantity: str
) -> None:
    """The chat takes "1 000" from a person; a client's "10.000" is a float written out
    (a PHP panel reads it as 10), never 10,000 charged: refused, nothing placed."""
    key = await shop.key()
    order = {"action": "add", "service": "1", "link": LINK, "quantity": quantity}
    assert await shop.raw(key=key, **order) == {"error": "Incorrect request"}
    assert await orders_count(db) == 0
    assert await balance_of(db, CUSTOMER) == Decimal(1000)
    assert emulator.calls("add") == []


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS"])
async def test_other_methods_are_refused_in_json(shop: Shop, db: Database, method: str) -> None:
    """A client reads every answer of `/api/v2` as JSON, also a method it must not use."""
    key = await shop.key()
    answer = await shop.http.request(method, "/api/v2", data={"key": key, "action": "add"})
    assert answer.status == 405
    assert answer.headers["Allow"] == "GET, POST"
    assert answer.content_type == "application/json"
    assert await answer.json() == {"error": "Incorrect request"}
    assert await orders_count(db) == 0


async def test_wrong_keys_from_one_ipv6_network_count_as_one_address(
    limited: tuple[Shop, Clock],
) -> None:
    """Anyone on IPv6 has a /64 of addresses to send from: wrong keys are counted per /64,
    or every one of them would come from a fresh address."""
    shop, _ = limited

    async def wrong_key(sender: str) -> int:
        answer = await shop.http.post(
            "/api/v2",
            data={"key": "0" * 32, "action": "balance"},
            headers={"X-Forwarded-For": sender},  # the loopback is a trusted proxy
        )
        return answer.status

    for host in range(1, WRONG_KEY_BURST + 1):
        assert await wrong_key(f"2001:db8::{host:x}") == 200
    assert await wrong_key("2001:db8::ffff:1") == 429
    assert await wrong_key("2001:db8:0:1::1") == 200  # the next network is not held
    assert await wrong_key("192.0.2.1") == 200


@pytest.mark.parametrize(
    "request_line",
    [
        "GET /api/v2?key={key}\x01&action=balance HTTP/1.1",  # a control character
        "GET /api/v2?key={key}&action=balance HTTP/9.9",  # no such version
        "GET /api/v2?key={key}&action=balance&x=" + "a" * 9000 + " HTTP/1.1",  # too long
    ],
)
async def test_a_key_in_a_malformed_request_line_is_not_logged(
    dp: Dispatcher, bot: Bot, db: Database, caplog: pytest.LogCaptureFixture, request_line: str
) -> None:
    """aiohttp's parse errors quote the request line, query and all: the server's log
    says why the request was refused without it."""
    caplog.set_level(logging.DEBUG)
    await fund(db, CUSTOMER, "10")
    key = await ApiKeysRepo(db).issue(CUSTOMER)
    port = free_port()
    async with serving(public_app(dp, bot), f"127.0.0.1:{port}", 1):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(f"{request_line.format(key=key)}\r\nHost: shop\r\n\r\n".encode())
        await writer.drain()
        assert (await reader.read()).startswith(b"HTTP/1.0 400")
        writer.close()
    logged = "\n".join(
        f"{record.getMessage()} {record.exc_text or ''}" for record in caplog.records
    )
    assert "refused a malformed request from 127.0.0.1" in logged
    assert key not in logged
