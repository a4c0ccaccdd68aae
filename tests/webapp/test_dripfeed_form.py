"""The Mini App's drip-feed form: the quantity is asked per run, and the total (quantity x
runs) and its price follow the runs as they are chosen, in the chat's words and money."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher

from tests.panel_emulator import EmulatedService, PanelEmulator
from tests.webapp.browser import MISSING, chromium_page, have_chromium, ready, serving
from tests.webapp.conftest import Api, init_data

DRIP = 20


def sell_dripfeed(emulator: PanelEmulator) -> None:
    # 10.00 per 1000 at the panel, 12.00 at the shop's 20 % markup
    emulator.services[DRIP] = EmulatedService(
        DRIP, "Drip Views", "Default", "Telegram Views", Decimal(10), 10, 10_000, dripfeed=True
    )


async def total(api: Api, answers: dict[str, str], language: str = "en") -> str:
    answer = await api.call("GET", "catalogue")
    version = json.loads(await answer.read())["version"]
    body = {"service_id": DRIP, "version": version, "answers": answers}
    text: str = (await api.post("total", json=body, language=language))["text"]
    return text


async def test_the_total_follows_the_runs(api: Api, emulator: PanelEmulator) -> None:
    sell_dripfeed(emulator)
    assert await total(api, {"quantity": "500", "runs": "5"}) == (
        "In all: 500 × 5 runs = 2,500 for 30.00 UZS"
    )
    ru = await total(api, {"quantity": "1000", "runs": "3"}, language="ru")
    assert ru == "Всего: 1\xa0000 × 3 запуска = 3\xa0000 за 36,00\xa0сум"
    # nothing to total yet: no runs, one run (Skip), or a quantity the service refuses
    for answers in (
        {"quantity": "500"},
        {"quantity": "500", "runs": ""},
        {"quantity": "5", "runs": "5"},
    ):
        assert await total(api, answers) == ""


@pytest.fixture
async def url(dp: Dispatcher, bot: Bot, emulator: PanelEmulator) -> AsyncIterator[str]:
    sell_dripfeed(emulator)
    async with serving(dp, bot) as url:
        yield url


@pytest.mark.skipif(not have_chromium(), reason=MISSING)
async def test_the_form_says_per_run_and_shows_the_total(url: str) -> None:
    async with chromium_page(url, init_data()) as page:
        await page.goto(f"{url}?service={DRIP}")
        await ready(page)
        label: Any = await page.text_content("label[for='field-quantity']")
        assert label == "Quantity per run (drip-feed)"
        await page.fill("#field-link", "@my_channel")
        await page.fill("#field-quantity", "500")
        await page.click("[data-field='runs'] .choices button:has-text('5')")
        await page.wait_for_selector("#dripfeed-total:not(:empty)")
        shown = await page.text_content("#dripfeed-total")
        assert shown == "In all: 500 × 5 runs = 2,500 for 30.00 UZS"
        await page.fill("#field-runs", "10")
        await page.wait_for_selector("#dripfeed-total:has-text('5,000')")
        assert await page.text_content("#dripfeed-total") == (
            "In all: 500 × 10 runs = 5,000 for 60.00 UZS"
        )
