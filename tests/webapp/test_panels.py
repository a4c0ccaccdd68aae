"""The Mini App with three panels (issue 26): every panel's services in its catalogue, and
Confirm places another panel's service on that panel, over real HTTP both ways."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import HttpUrl

from bot.settings import Settings
from tests.conftest import fund, several_settings
from tests.panel_emulator import PanelEmulator
from tests.webapp.conftest import CUSTOMER, Api

CHEAP_MEMBERS = 2_000_007
GOOD = {"link": "https://t.me/example", "quantity": "100"}


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    webapp = {"http_listen": "127.0.0.1:8089", "webapp_url": HttpUrl("http://127.0.0.1/app/")}
    return several_settings(tmp_path, emulator, emulator2, emulator3).model_copy(update=webapp)


async def test_every_panels_services_are_in_the_mini_app_and_placed_on_their_panel(
    api: Api, db, emulator: PanelEmulator, emulator2: PanelEmulator
) -> None:
    document: dict[str, Any] = json.loads(await (await api.call("GET", "catalogue")).read())
    text = json.dumps(document, ensure_ascii=False)
    for name in ("Telegram Members — Cheap", "YouTube Views", "7-day Join — Telegram Members"):
        assert name in text
    assert str(CHEAP_MEMBERS) in text
    assert '"cheap"' not in text  # customers never see a panel
    await fund(db, CUSTOMER, "10")
    body = {"service_id": CHEAP_MEMBERS, "version": document["version"], "answers": GOOD}
    summary = await api.post("quote", json=body)
    assert summary["charge"] == "4.80 UZS"  # 0.0032 USD x 12500 per 1000, +20 %
    placed = await api.post("place", json=body | {"token": summary["token"]})
    assert placed["outcome"] == "placed"
    [add] = emulator2.calls("add")
    assert (add["service"], add["quantity"]) == ("7", "100")
    assert emulator.calls("add") == []
