"""Every Mini App endpoint: what it answers, and how it refuses (forged or expired initData,
another customer's ids, oversized bodies, a stale catalogue, a double-tapped Confirm)."""

from __future__ import annotations

import asyncio
import gzip
import json
from decimal import Decimal
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import CreateInvoiceLink

from bot.storage import Database, OrdersRepo, Payment, ShopRepo, TopupsRepo
from bot.webapp import FEED
from bot.webapp.api import INIT_DATA_HEADER, MAX_BODY
from bot.webapp.auth import MAX_AGE, sign_init_data
from tests.conftest import fund
from tests.e2e.bot_process import eventually
from tests.helpers import balance_of
from tests.order_factory import place
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.webapp.conftest import CUSTOMER, OTHER, Api, completed, init_data

DEFAULT = 1  # the emulator's "7-day Join — Telegram Members", 60.00 per 1000, 10..100000
GOOD = {"link": "https://t.me/example", "quantity": "100"}


async def version(api: Api) -> str:
    answer = await api.call("GET", "catalogue")
    document: dict[str, Any] = json.loads(await answer.read())
    return str(document["version"])


async def quote(api: Api, answers: dict[str, str] = GOOD, user: int = CUSTOMER) -> Any:
    body = {"service_id": DEFAULT, "version": await version(api), "answers": answers}
    return await api.post("quote", user, json=body)


async def confirmation(api: Api) -> dict[str, Any]:
    """What Confirm sends for a fresh summary of the GOOD answers."""
    summary = await quote(api)
    current = await version(api)
    return {"token": summary["token"], "service_id": DEFAULT, "version": current, "answers": GOOD}


# --- the page and who is asking -----------------------------------------------------------


async def test_the_page_and_its_files_are_served(api: Api) -> None:
    page = await api.http.get("/app/")
    assert page.status == 200
    html = await page.text()
    assert '<script type="module" src="static/app.js">' in html
    moved = await api.http.get("/app?service=1", allow_redirects=False)
    assert (moved.status, moved.headers["Location"]) == (308, "/app/?service=1")
    script = await api.http.get("/app/static/app.js")
    assert script.status == 200
    assert "javascript" in script.headers["Content-Type"]


async def test_me_says_who_the_customer_is_in_their_language(api: Api, db: Database) -> None:
    await fund(db, CUSTOMER, "12.5")
    await version(api)  # the catalogue loaded: the panel's currency is known
    me = await api.post("me", language="ru")
    assert me["user_id"] == CUSTOMER
    assert me["locale"] == "ru"
    assert me["balance"] == "12,50\u00a0сум"  # as Russian writes it
    assert me["texts"]["webapp-title"] == ["Магазин"]
    plural = me["texts"]["webapp-results"][0]
    assert plural["select"] == "count"
    assert set(plural["variants"]) == {"one", "few", "many", "other"}
    # One entry per way of paying, drawn by the page as it comes: Stars, in Russian.
    (stars,) = me["topup"]
    assert (stars["method"], stars["opens"], stars["min"]) == ("stars", "invoice", 50)
    assert stars["presets"][0] == {"units": 50, "label": "0,50\u00a0сум · 50 ⭐"}
    assert stars["title"] == "Пополнить звёздами Telegram"
    # Numbers and money as the chat writes them in Russian.
    assert me["numbers"] == {
        "group": "\u00a0",
        "decimal": ",",
        "grouping": [3, 3],
        "money": {"prefix": "", "suffix": "\u00a0сум", "decimals": 2},
    }


async def test_no_init_data_is_refused(api: Api) -> None:
    answer = await api.http.post("/app/api/me")
    assert answer.status == 401
    assert (await answer.json())["error"]["code"] == "unauthorized"


async def test_forged_init_data_is_refused_in_the_claimed_language(api: Api, db: Database) -> None:
    forged = sign_init_data("42:another-bot", {"id": CUSTOMER, "language_code": "ru"})
    error = await api.refused("POST", "me", 401, "forged", headers={INIT_DATA_HEADER: forged})
    assert error["message"].startswith("Не удалось проверить вход")
    # Someone else's id put into genuine initData: the hash no longer matches.
    genuine = init_data(CUSTOMER)
    swapped = genuine.replace(f"%22id%22%3A{CUSTOMER}", f"%22id%22%3A{OTHER}")
    assert swapped != genuine
    await api.refused("POST", "me", 401, "forged", headers={INIT_DATA_HEADER: swapped})
    junk = {INIT_DATA_HEADER: "hash=1&&&=%%"}
    await api.refused("POST", "me", 401, "forged", headers=junk)
    assert await db.fetchone("SELECT 1 FROM users") is None  # nobody was created


async def test_expired_init_data_is_refused(api: Api) -> None:
    old = {INIT_DATA_HEADER: init_data(CUSTOMER, age=MAX_AGE + 60)}
    error = await api.refused("POST", "me", 401, "expired", headers=old)
    assert "open too long" in error["message"]


async def test_a_customer_asking_too_fast_is_slowed_down(api: Api) -> None:
    codes = [(await api.call("POST", "me")).status for _ in range(45)]
    assert codes[:40] == [200] * 40
    assert 429 in codes[40:]
    await api.post("me", OTHER)  # one customer's limit is not another's


async def test_oversized_and_unreadable_bodies_are_refused(api: Api) -> None:
    huge = json.dumps({"answers": {"comments": "x" * MAX_BODY}})
    headers = {"Content-Type": "application/json"}
    await api.refused("POST", "quote", 413, "too_large", data=huge, headers=headers)
    await api.refused("POST", "quote", 400, "bad_request", data="{not json", headers=headers)
    await api.refused("POST", "quote", 400, "bad_request", json=[1, 2])


# --- the catalogue --------------------------------------------------------------------------


async def test_the_catalogue_is_one_gzipped_document_with_an_etag(api: Api) -> None:
    answer = await api.call("GET", "catalogue", headers={"Accept-Encoding": "gzip"})
    assert answer.status == 200
    assert answer.headers["Content-Encoding"] == "gzip"
    etag = answer.headers["ETag"]
    document = json.loads(await answer.read())  # aiohttp unzips it
    assert etag.startswith(f'"{document["version"]}')
    by_id = {service["id"]: service for service in document["services"]}
    assert by_id[DEFAULT]["p"] == "72.00"  # 60.00 + the default 20 %
    assert by_id[DEFAULT]["t"] == "default"
    assert (by_id[DEFAULT]["min"], by_id[DEFAULT]["max"]) == (10, 100000)
    assert document["categories"][0]["n"] == "Telegram Members"
    default_fields = [field["name"] for field in document["types"]["default"]["fields"]]
    assert default_fields == ["link", "quantity", "runs", "interval"]
    runs, interval = document["types"]["default"]["fields"][2:]
    assert (runs["when"], runs["optional"], interval["when"]) == ("dripfeed", True, "runs")
    comments = document["types"]["custom comments"]["fields"][1]
    assert (comments["list"], comments["bounds"]) == (True, "service")
    again = await api.call("GET", "catalogue", headers={"If-None-Match": etag})
    assert again.status == 304
    assert await again.read() == b""


async def test_the_catalogue_is_compressed_for_those_who_take_it(api: Api) -> None:
    answer = await api.http.get(
        "/app/api/catalogue",
        headers={INIT_DATA_HEADER: init_data(), "Accept-Encoding": "gzip"},
        auto_decompress=False,
    )
    body = await answer.read()
    plain = json.loads(gzip.decompress(body))
    assert len(body) < len(json.dumps(plain)) / 3
    # A client that takes no gzip gets the same document as it is.
    unzipped = await api.call("GET", "catalogue", headers={"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in unzipped.headers
    assert json.loads(await unzipped.read()) == plain


async def test_the_catalogue_knows_popularity_and_average_time(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    first = await api.call("GET", "catalogue")
    for minutes in (60, 90, 120):  # three completed orders: the card's fewest for an average
        await completed(db, (await place(db, emulator, user_id=CUSTOMER)).id, minutes)
    await place(db, emulator, user_id=OTHER)
    await api.http.app[FEED].expire()
    answer = await api.call("GET", "catalogue", headers={"If-None-Match": first.headers["ETag"]})
    assert answer.status == 200  # the same catalogue version, other figures: a new ETag
    by_id = {service["id"]: service for service in json.loads(await answer.read())["services"]}
    assert (by_id[DEFAULT]["k"], by_id[DEFAULT]["a"]) == (4, 5400)  # 90 minutes on average
    assert by_id[DEFAULT]["at"] == {
        "en": "about 1 h 30 min",
        "ru": "около 1 ч 30 мин",
        "uz": "taxminan 1 soat 30 daqiqa",
    }
    assert (by_id[3]["k"], "a" in by_id[3]) == (0, False)


async def test_the_catalogue_needs_init_data(api: Api) -> None:
    answer = await api.http.get("/app/api/catalogue")
    assert answer.status == 401


# --- quote and Confirm ----------------------------------------------------------------------


async def test_a_quote_gives_the_exact_charge_and_a_token(api: Api, db: Database) -> None:
    await fund(db, CUSTOMER, "5")
    summary = await quote(api)
    assert summary["charge"] == "7.20 UZS"  # the panel's currency, as the chat shows it
    assert summary["quantity"] == 100
    assert summary["link"] == "https://t.me/example"
    assert (summary["enough"], summary["short"]) == (False, "2.20 UZS")
    assert summary["token"]
    # What covers the gap, as the chat's summary offers it: 220 stars at 0.01 a star.
    assert summary["covers"] == [
        {"method": "stars", "units": 220, "label": "⭐ Top up 2.20 UZS (220 ⭐)"}
    ]
    await fund(db, CUSTOMER, "5")
    assert (await quote(api))["covers"] == []


async def test_answers_are_checked_with_the_chat_rules(api: Api) -> None:
    body = {
        "service_id": DEFAULT,
        "version": await version(api),
        "answers": {"link": "not a link", "quantity": "5"},
    }
    error = await api.refused("POST", "quote", 422, "invalid_answers", json=body, language="ru")
    assert set(error["fields"]) == {"link", "quantity"}
    assert "меньше" in error["fields"]["quantity"] or "10" in error["fields"]["quantity"]
    body["answers"] = {"link": "@example", "quantity": "１００"}  # full-width digits
    error = await api.refused("POST", "quote", 422, "invalid_answers", json=body)
    assert set(error["fields"]) == {"quantity"}
    body["answers"] = "junk"
    await api.refused("POST", "quote", 400, "bad_request", json=body)


async def test_a_stale_catalogue_version_or_unknown_service_is_refused(api: Api) -> None:
    body: dict[str, Any] = {"service_id": DEFAULT, "version": "old", "answers": GOOD}
    error = await api.refused("POST", "quote", 409, "catalogue_changed", json=body)
    assert error["version"] == await version(api)
    body |= {"version": await version(api), "service_id": 999}
    await api.refused("POST", "quote", 404, "service_not_found", json=body)
    body["service_id"] = "1; DROP TABLE"
    await api.refused("POST", "quote", 404, "service_not_found", json=body)


async def test_confirm_places_one_order_however_often_it_is_tapped(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "10")
    body = await confirmation(api)
    placed = await api.post("place", json=body)
    assert placed["outcome"] == "placed"
    assert placed["message"].startswith("✅ Order placed. Order number: #")
    number = placed["order"]["id"]
    assert placed["order"]["status"] == "Pending"
    assert placed["balance"] == "2.80 UZS"  # after the charge, for every screen showing it
    assert await api.get("balance") == {"balance": "2.80 UZS"}
    error = await api.refused("POST", "place", 409, "already_placed", json=body)
    assert error["order"] == number
    assert f"#{number}" in error["message"]
    assert len(emulator.calls("add")) == 1
    assert await balance_of(db, CUSTOMER) == Decimal("2.80")
    assert emulator.calls("add")[0]["link"] == "https://t.me/example"


async def test_an_order_keeps_the_name_the_customer_saw(
    api: Api, dp: Dispatcher, db: Database
) -> None:
    """Issue 30, point 6: the shop's name in the customer's language, not the panel's, and
    not a rename after the order."""
    shop = ShopRepo(db)
    await shop.set_text("service", str(DEFAULT), "ru", "name", "Подписчики Telegram — 7 дней")
    await dp["catalogue"].recurate()
    await fund(db, CUSTOMER, "10")
    body = {"service_id": DEFAULT, "version": await version(api), "answers": GOOD}
    summary = await api.post("quote", json=body, language="ru")
    placed = await api.post("place", json=body | {"token": summary["token"]}, language="ru")
    assert placed["outcome"] == "placed"
    await shop.set_text("service", str(DEFAULT), "ru", "name", "Другое имя")
    await dp["catalogue"].recurate()
    [shown] = (await api.get("orders", language="ru"))["orders"]
    assert shown["service"] == "Подписчики Telegram — 7 дней"


async def test_confirm_refuses_what_was_not_quoted(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "100")
    summary = await quote(api)
    body: dict[str, Any] = {"service_id": DEFAULT, "version": await version(api)}
    body |= {"token": summary["token"], "answers": {**GOOD, "quantity": "1000"}}
    await api.refused("POST", "place", 409, "quote_expired", json=body)  # other answers
    body["answers"] = GOOD
    await api.refused("POST", "place", 409, "quote_expired", OTHER, json=body)  # not theirs
    body["token"] = summary["token"][:-2] + "AA"
    await api.refused("POST", "place", 409, "quote_expired", json=body)  # forged
    body["token"] = 12
    await api.refused("POST", "place", 409, "quote_expired", json=body)
    assert emulator.calls("add") == []
    assert await balance_of(db, CUSTOMER) == Decimal(100)


async def test_confirm_without_the_money_charges_nothing(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "1")
    body = await confirmation(api)
    error = await api.refused("POST", "place", 402, "insufficient_funds", json=body)
    assert "6.20" in error["message"]
    assert emulator.calls("add") == []
    assert await balance_of(db, CUSTOMER) == Decimal(1)


async def test_a_refused_order_is_refunded_and_said_so(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "10")
    body = await confirmation(api)
    emulator.canned({"error": "Incorrect service ID"}, action="add")
    placed = await api.post("place", json=body)
    assert placed["outcome"] == "refused"
    assert placed["order"]["status"] == "failed"
    assert await balance_of(db, CUSTOMER) == Decimal(10)


# --- my orders ------------------------------------------------------------------------------


async def test_my_orders_lists_only_the_customers_own(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    mine = await place(db, emulator, user_id=CUSTOMER)
    theirs = await place(db, emulator, user_id=OTHER)
    listed = await api.get("orders")
    assert [order["id"] for order in listed["orders"]] == [mine.id]
    shown = listed["orders"][0]
    assert shown["status_text"] == "pending"
    assert shown["answers"]["link"] == mine.link
    assert mine.panel_order_id is not None
    assert mine.panel_order_id not in json.dumps(listed)  # customers see the shop's number
    assert (await api.get("orders?status=completed"))["orders"] == []
    assert (await api.get("orders?status=short"))["orders"] == []
    assert len((await api.get("orders?status=active"))["orders"]) == 1
    await api.refused("GET", "orders?status=everything", 400, "bad_request")
    for action in ("", "/refresh", "/cancel", "/refill"):
        method = "GET" if not action else "POST"
        await api.refused(method, f"orders/{theirs.id}{action}", 404, "order_not_found")
    await api.refused("GET", "orders/99999999999999999999", 404, "order_not_found")
    assert (await api.get(f"orders/{mine.id}"))["order"]["id"] == mine.id


async def test_refresh_cancel_and_refill(api: Api, db: Database, emulator: PanelEmulator) -> None:
    order = await place(db, emulator, user_id=CUSTOMER)
    assert order.panel_order_id is not None
    emulator.set_status(order.panel_order_id, "In progress", remains=40)
    fresh = await api.post(f"orders/{order.id}/refresh")
    assert fresh["order"]["status"] == "In progress"
    assert fresh["order"]["remains"] == 40
    cancelled = await api.post(f"orders/{order.id}/cancel")
    assert cancelled["order"]["can_cancel"] is False
    assert cancelled["order"]["notice"]
    error = await api.refused("POST", f"orders/{order.id}/cancel", 409, "refused")
    assert "cancel" in error["message"].lower()
    error = await api.refused("POST", f"orders/{order.id}/refill", 409, "refused")
    assert error["message"]
    assert len(emulator.calls("cancel")) == 1


# --- top-up ---------------------------------------------------------------------------------


async def test_a_topup_gives_a_stars_invoice_link(api: Api, bot: Bot, db: Database) -> None:
    bot.session.plan(CreateInvoiceLink, "https://t.me/$invoice")  # type: ignore[attr-defined]
    await version(api)  # the catalogue loaded: the panel's currency is known
    answer = await api.post("topup", json={"method": "stars", "units": 100})
    topups = await TopupsRepo(db).list_for_user(CUSTOMER)
    assert answer == {
        "topup": topups[0].id,
        "link": "https://t.me/$invoice",
        "opens": "invoice",
        "units": 100,
        "amount": "1.00 UZS",
    }
    sent = [r for r in bot.session.requests if isinstance(r, CreateInvoiceLink)]  # type: ignore[attr-defined]
    assert sent[0].currency == "XTR"
    assert sent[0].prices[0].amount == 100
    assert [(t.stars, t.payload) for t in topups] == [(100, sent[0].payload)]


async def test_the_page_learns_when_its_topup_is_credited(api: Api, bot: Bot, db: Database) -> None:
    bot.session.plan(CreateInvoiceLink, "https://t.me/$invoice")  # type: ignore[attr-defined]
    await version(api)
    answer = await api.post("topup", json={"method": "stars", "units": "100"})
    topup = answer["topup"]
    waiting = {"topup": topup, "credited": False, "cancelled": False, "balance": "0.00 UZS"}
    assert await api.get(f"topups/{topup}") == waiting
    (made,) = await TopupsRepo(db).list_for_user(CUSTOMER)
    await TopupsRepo(db).record_payment(Payment(CUSTOMER, made.payload, "charge-1", "XTR", 100))
    assert await api.get(f"topups/{topup}", language="ru") == {
        "topup": topup,
        "credited": True,
        "cancelled": False,
        "balance": "1,00\u00a0сум",
    }
    # One never to be paid (withdrawn, expired): the page stops waiting for it.
    bot.session.plan(CreateInvoiceLink, "https://t.me/$invoice2")  # type: ignore[attr-defined]
    second = (await api.post("topup", json={"method": "stars", "units": 50}))["topup"]
    async with db.transaction() as tx:
        await TopupsRepo(db).cancel(tx, second)
    state = await api.get(f"topups/{second}")
    assert (state["credited"], state["cancelled"]) == (False, True)
    # Another customer's top-up, or none, is not found.
    await api.refused("GET", f"topups/{topup}", 404, "topup_not_found", OTHER)
    await api.refused("GET", "topups/99", 404, "topup_not_found")
    await api.refused("GET", "topups/x", 404, "topup_not_found")


async def test_a_topup_outside_the_bounds_or_refused_creates_nothing(
    api: Api, bot: Bot, db: Database
) -> None:
    error = await api.refused(
        "POST", "topup", 422, "bad_amount", json={"method": "stars", "units": 10}
    )
    assert "50" in error["message"]
    for units in ("1e9", 10_001, "12.5", None, True):
        body = {"method": "stars", "units": units}
        await api.refused("POST", "topup", 422, "bad_amount", json=body)
    for method in ("card", None, ["stars"]):
        await api.refused(
            "POST", "topup", 400, "bad_request", json={"method": method, "units": 100}
        )
    link = CreateInvoiceLink(title="t", description="d", payload="p", currency="XTR", prices=[])
    refusal = TelegramBadRequest(method=link, message="Bad Request: STARS_INVOICE_INVALID")
    bot.session.plan(CreateInvoiceLink, refusal)  # type: ignore[attr-defined]
    await api.refused(
        "POST", "topup", 502, "invoice_failed", json={"method": "stars", "units": 100}
    )
    assert await TopupsRepo(db).list_for_user(CUSTOMER) == []
    assert await OrdersRepo(db).count_for_user(CUSTOMER) == 0


async def test_a_placement_under_way_finishes_when_the_page_and_server_go(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "10")
    body = await confirmation(api)
    emulator.fault(FaultKind.DELAY, action="add", delay=1.0, times=1)
    request = asyncio.create_task(api.call("POST", "place", json=body))
    await eventually(lambda: bool(emulator.calls("add")), "the panel asked to add")
    request.cancel()  # the page went away
    await api.http.close()  # and the server stops: it waits for the placement
    (order,) = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert order.status == "Pending"
    assert order.panel_order_id is not None
    assert await balance_of(db, CUSTOMER) == Decimal("2.80")
