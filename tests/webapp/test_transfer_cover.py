"""The Mini App offers a top-up only of the ways it can pay: a card transfer's receipt goes to
the chat, so a short quote's covers leave it out while the chat's summary offers it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Dispatcher

from bot.settings import Settings
from bot.storage import Database
from tests.conftest import fund
from tests.webapp.conftest import CUSTOMER, Api
from tests.webapp.test_api import quote


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"transfer_details": "Card 8600"})


async def test_a_short_quote_covers_only_with_what_the_page_can_pay(
    api: Api, db: Database, dp: Dispatcher
) -> None:
    await fund(db, CUSTOMER, "5")
    summary = await quote(api)
    assert [cover["method"] for cover in summary["covers"]] == ["stars"]
    # The chat's summary has both.
    t = dp["translator"].texts("en")
    covers = dp["payments"].covers(Decimal("2.20"), t, dp["amounts"])
    assert [cover.method for cover in covers] == ["stars", "transfer"]
