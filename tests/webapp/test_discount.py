"""A discounted customer in the Mini App: the catalogue document carries their prices (one
document per discount, its own ETag), the quote and Confirm charge them, the drip-feed total
is theirs, and a discount changed after the quote charges nothing; in headless Chromium the
service page, the summary and the Confirm button show it. A customer without a discount
sees the shop's prices throughout."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher

from bot.orders.prices import Pricer
from bot.storage import Database, OrdersRepo, UsersRepo
from tests.conftest import ADMIN_ID, fund
from tests.helpers import balance_of
from tests.panel_emulator import PanelEmulator
from tests.webapp.browser import (
    MISSING,
    chromium_page,
    have_chromium,
    press_main_button,
    ready,
    serving,
)
from tests.webapp.conftest import CUSTOMER, OTHER, Api, init_data
from tests.webapp.test_api import DEFAULT, GOOD, confirmation, quote


async def discount(dp: Dispatcher, db: Database, user_id: int, percent: int) -> None:
    """As `/discount` does it (the command itself: tests/test_discount.py)."""
    await UsersRepo(db).ensure(user_id)
    pricer: Pricer = dp["pricer"]
    await pricer.set_discount(user_id, percent, admin_id=ADMIN_ID)


async def document(api: Api, user: int) -> tuple[dict[str, Any], str]:
    answer = await api.call("GET", "catalogue", user)
    assert answer.status == 200
    return json.loads(await answer.read()), answer.headers["ETag"]


def price_of(catalogue: dict[str, Any], service_id: int) -> str:
    [entry] = [s for s in catalogue["services"] if s["id"] == service_id]
    return str(entry["p"])


async def test_the_catalogue_carries_each_customers_prices(
    api: Api, dp: Dispatcher, db: Database
) -> None:
    await discount(dp, db, CUSTOMER, 10)
    mine, my_etag = await document(api, CUSTOMER)
    theirs, their_etag = await document(api, OTHER)
    assert (price_of(mine, DEFAULT), mine["discount"]) == ("64.80", 10)
    assert (price_of(theirs, DEFAULT), theirs["discount"]) == ("72.00", 0)
    assert my_etag != their_etag
    # A page holding the discounted document is not told it is current once the discount
    # ends: it gets the shop's prices.
    await discount(dp, db, CUSTOMER, 0)
    answer = await api.call("GET", "catalogue", CUSTOMER, headers={"If-None-Match": my_etag})
    assert answer.status == 200
    assert price_of(json.loads(await answer.read()), DEFAULT) == "72.00"


async def test_quote_and_confirm_charge_the_discounted_price(
    api: Api, dp: Dispatcher, db: Database, emulator: PanelEmulator
) -> None:
    await discount(dp, db, CUSTOMER, 10)
    await fund(db, CUSTOMER, "5")
    await fund(db, OTHER, "10")
    assert (await quote(api, user=OTHER))["charge"] == "7.20 UZS"
    short = await quote(api)
    # Short of the discounted charge: the gap and the top-up that covers it are too.
    assert (short["charge"], short["short"]) == ("6.48 UZS", "1.48 UZS")
    assert [cover["units"] for cover in short["covers"]] == [148]
    await fund(db, CUSTOMER, "5")
    summary = await quote(api)
    assert (summary["charge"], summary["balance"]) == ("6.48 UZS", "10.00 UZS")
    body = await confirmation(api)
    placed = await api.post("place", json=body)
    assert placed["outcome"] == "placed"
    assert placed["balance"] == "3.52 UZS"
    [order] = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert (order.charge, order.discount, order.full_charge) == (
        Decimal("6.48"),
        10,
        Decimal("7.20"),
    )
    assert await balance_of(db, CUSTOMER) == Decimal("3.52")
    assert len(emulator.calls("add")) == 1


async def test_a_discount_ended_after_the_quote_charges_nothing(
    api: Api, dp: Dispatcher, db: Database, emulator: PanelEmulator
) -> None:
    await discount(dp, db, CUSTOMER, 10)
    await fund(db, CUSTOMER, "10")
    body = await confirmation(api)  # quoted at 6.48
    await discount(dp, db, CUSTOMER, 0)
    await api.refused("POST", "place", 409, "price_changed", json=body)
    assert await balance_of(db, CUSTOMER) == Decimal(10)
    assert emulator.calls("add") == []
    assert (await quote(api))["charge"] == "7.20 UZS"


async def test_the_dripfeed_total_is_at_the_discount(
    api: Api, dp: Dispatcher, db: Database, emulator: PanelEmulator
) -> None:
    emulator.services[DEFAULT].dripfeed = True
    await dp["catalogue"].refresh()
    await discount(dp, db, CUSTOMER, 10)
    catalogue, _ = await document(api, CUSTOMER)
    answers = GOOD | {"runs": "3", "interval": "10"}
    body = {"service_id": DEFAULT, "version": catalogue["version"], "answers": answers}
    total = await api.post("total", json=body)
    # 3 runs of 100 at 64.80 per 1000.
    assert "19.44 UZS" in total["text"]
    assert "21.60" not in total["text"]


@pytest.mark.skipif(not have_chromium(), reason=MISSING)
async def test_the_page_shows_and_charges_the_discounted_price(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    await discount(dp, db, CUSTOMER, 10)
    await fund(db, CUSTOMER, "10")
    async with (
        serving(dp, bot) as url,
        chromium_page(f"{url}?service={DEFAULT}", init_data(CUSTOMER, "en")) as page,
    ):
        await ready(page)
        assert await page.text_content("#service-name") == "7-day Join — Telegram Members"
        assert await page.text_content("p.price") == "64.80 UZS per 1000"
        assert await page.text_content("#discount") == "🎁 Your discount: 10%, already in the price"
        await page.fill("#field-link", "@my_channel")
        await page.fill("#field-quantity", "100")
        await press_main_button(page, "Continue")
        await page.wait_for_selector("dl.summary")
        assert "To pay6.48 UZS" in (await page.text_content("dl.summary") or "")
        await press_main_button(page, "Confirm and pay 6.48 UZS")
        await page.wait_for_selector("#summary-status:has-text('Order placed')")
    assert await balance_of(db, CUSTOMER) == Decimal("3.52")
    [order] = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert (order.charge, order.discount) == (Decimal("6.48"), 10)


@pytest.mark.skipif(not have_chromium(), reason=MISSING)
async def test_a_customer_without_a_discount_sees_the_shops_price(
    dp: Dispatcher, bot: Bot, db: Database
) -> None:
    await discount(dp, db, CUSTOMER, 10)
    async with (
        serving(dp, bot) as url,
        chromium_page(f"{url}?service={DEFAULT}", init_data(OTHER, "en")) as page,
    ):
        await ready(page)
        assert await page.text_content("p.price") == "72.00 UZS per 1000"
        assert await page.query_selector("#discount") is None
