"""The Mini App offers a card transfer (issue 25 item 3) by handing it over to the chat: the
request's details go there, and so does the receipt; a short quote covers with it too."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage

from bot.settings import Settings
from bot.storage import Database, TopupsRepo
from tests.conftest import fund
from tests.webapp.conftest import CUSTOMER, Api
from tests.webapp.test_api import quote


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"transfer_details": "Card 8600"})


async def test_the_page_hands_a_transfer_over_to_the_chat(api: Api, bot: Bot, db: Database) -> None:
    await fund(db, CUSTOMER, "5")
    covers = (await quote(api))["covers"]
    assert [cover["method"] for cover in covers] == ["stars", "transfer"]
    assert covers[1]["units"] == 3  # 2.20 short: a whole amount, at least TRANSFER_MIN
    me = await api.post("me", json={})
    [offer] = [offer for offer in me["topup"] if offer["method"] == "transfer"]
    assert (offer["opens"], offer["min"], offer["max"]) == ("chat", 1, 10000000)
    answer = await api.post("topup", json={"method": "transfer", "units": "150"})
    [topup] = await TopupsRepo(db).pending("transfer", user_id=CUSTOMER)
    assert (answer["topup"], answer["opens"], topup.amount) == (topup.id, "chat", Decimal(150))
    [details] = [
        r.text
        for r in bot.session.requests  # type: ignore[attr-defined]
        if isinstance(r, SendMessage) and r.chat_id == CUSTOMER
    ]
    assert details.startswith(f"💳 <b>Card transfer #{topup.id}</b>\nTransfer exactly <b>150.00")
