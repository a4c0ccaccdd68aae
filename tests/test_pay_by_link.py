"""Payme and Click in the chat: a short summary's cover, a typed amount refused or
cancelled, a method switched off since its buttons went out, a forged preset."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiohttp.test_utils import TestClient, TestServer
from pydantic import HttpUrl, SecretStr

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.payments import Payments
from bot.settings import Settings
from bot.storage import Database, TopupsRepo
from bot.telegram.callbacks import LinkTopupCb, OrderNavCb, TopupCb
from tests.harness import BotClient, buttons, last_buttons, texts
from tests.test_topup_from_summary import short_summary
from tests.topup_helpers import CUSTOMER, url_buttons
from tests.webapp.conftest import CUSTOMER as APP_CUSTOMER
from tests.webapp.conftest import Api


@pytest.fixture
async def dp(
    settings: Settings, db: Database, panel: PanelClient, translator: Translator
) -> Dispatcher:
    both = settings.model_copy(
        update={
            "payme_merchant_id": "5e730e8e0b852a417aa49ceb",
            "payme_key": SecretStr("k"),
            "click_service_id": 1,
            "click_merchant_id": 2,
            "click_secret_key": SecretStr("s"),
        }
    )
    dispatcher = create_dispatcher(settings=both, db=db, panel=panel, translator=translator)
    await dispatcher["catalogue"].current()
    return dispatcher


@pytest.fixture
def customer(make_client: Any) -> BotClient:
    client: BotClient = make_client(user_id=CUSTOMER)
    return client


async def test_a_short_summary_offers_payme_and_click(customer: BotClient, db: Database) -> None:
    await short_summary(customer, db)
    labels = last_buttons(customer)
    assert labels[:3] == [
        "⭐ Top up 2.20 UZS (220 ⭐)",
        "💳 Payme: top up 1,000.00 UZS",
        "💳 Click: top up 1,000.00 UZS",
    ]
    sent = await customer.click(OrderNavCb(action="topup_payme"))
    [(label, url)] = [button for request in sent for button in url_buttons(request)]
    assert label == "Pay 1,000.00 UZS with 💳 Payme"
    [topup] = await TopupsRepo(db).pending("payme", user_id=CUSTOMER)
    assert topup.amount == Decimal(1000)
    assert url.startswith("https://checkout.paycom.uz/")
    # A second tap: one top-up per summary.
    again = await customer.click(OrderNavCb(action="topup_click"))
    assert texts(again) == [
        "The invoice for this order is already in the chat. Once it is paid, we bring you"
        " back here."
    ]
    assert await TopupsRepo(db).pending("click", user_id=CUSTOMER) == []


async def test_typing_an_amount_refused_then_cancelled(customer: BotClient, db: Database) -> None:
    await customer.click(LinkTopupCb(action="type", method="click"))
    for wrong in ("999", "50 000 001", "many", "1.5"):
        refused = await customer.send(wrong)
        assert texts(refused) == [
            "Send a whole number of so'm from 1,000.00 UZS to 50,000,000.00 UZS, for example"
            " <code>150 000</code>."
        ]
    cancelled = await customer.send("/cancel")
    assert texts(cancelled) == ["Top-up canceled."]
    # Typed after Cancel, a number is no amount any more.
    await customer.send("5000")
    assert await TopupsRepo(db).pending("click", user_id=CUSTOMER) == []
    await customer.click(LinkTopupCb(action="type", method="click"))
    tapped = await customer.click(TopupCb(action="cancel"))
    assert texts(tapped) == ["Top-up canceled."]
    await customer.send("5000")
    assert await TopupsRepo(db).pending("click", user_id=CUSTOMER) == []


async def test_a_method_switched_off_since_says_so(
    customer: BotClient, db: Database, dp: Dispatcher
) -> None:
    await customer.click(LinkTopupCb(action="type", method="payme"))
    dp["payments"] = Payments(dp["payments"].stars)
    gone = "This way of paying is no longer available. Send /topup to see the ways that are."
    assert texts(await customer.send("5000")) == [gone]
    assert texts(await customer.click(LinkTopupCb(action="pay", method="payme", soum=10_000))) == [
        gone
    ]
    assert texts(await customer.click(LinkTopupCb(action="type", method="stars"))) == [gone]
    assert await TopupsRepo(db).pending("payme", user_id=CUSTOMER) == []


async def test_a_forged_preset_is_refused(customer: BotClient, db: Database) -> None:
    for soum in (1, 10**12):
        sent = await customer.click(LinkTopupCb(action="pay", method="payme", soum=soum))
        assert texts(sent)[0].startswith("Send a whole number of so'm from 1,000.00 UZS")
    assert await TopupsRepo(db).pending("payme", user_id=CUSTOMER) == []


async def test_the_chooser_lists_every_method_on(customer: BotClient) -> None:
    [asked] = await customer.send("/topup")
    assert [label for label, _ in buttons(getattr(asked, "reply_markup", None))] == [
        "⭐ Telegram Stars",
        "💳 Payme",
        "💳 Click",
        "🎟 Promo code",
    ]


@pytest.fixture
async def api(dp: Dispatcher, bot: Bot) -> AsyncIterator[Api]:
    dp["settings"] = dp["settings"].model_copy(
        update={"webapp_url": HttpUrl("http://127.0.0.1/app/")}
    )
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        yield Api(http)


async def test_the_mini_app_offers_payme_and_click(api: Api, db: Database) -> None:
    me = await api.post("me", language="ru")
    stars, payme, click = me["topup"]
    assert stars["method"] == "stars"
    assert (payme["method"], payme["opens"], payme["min"], payme["max"]) == (
        "payme",
        "link",
        1000,
        50_000_000,
    )
    assert payme["title"] == "Пополнить через 💳 Payme"
    assert payme["presets"][0] == {"units": 10_000, "label": "10\u00a0000,00\u00a0сум"}
    assert click["method"] == "click"
    answer = await api.post("topup", json={"method": "click", "units": 150_000})
    [topup] = await TopupsRepo(db).pending("click", user_id=APP_CUSTOMER)
    assert answer["opens"] == "link"
    assert answer["topup"] == topup.id
    assert answer["link"].endswith(f"amount=150000.00&transaction_param={topup.id}")
    await api.refused("POST", "topup", 422, "bad_amount", json={"method": "payme", "units": 999})
    assert await TopupsRepo(db).pending("payme", user_id=APP_CUSTOMER) == []
