"""`/stats` with three panels (issue 26 point 6): cost and profit split by panel, each panel's
money converted with its RATE, exact on a seeded shop."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from aiogram import Dispatcher

from bot.orders.refunds import post_refund
from bot.settings import Settings
from bot.storage import Database, OrdersRepo
from tests.conftest import fund, several_settings
from tests.harness import BotClient, texts
from tests.panel_emulator import PanelEmulator
from tests.test_storage import quote

CUSTOMER = 5004


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    # cheap: 1 USD = 12,500 UZS; steady: 1 RUB = 140 UZS
    return several_settings(tmp_path, emulator, emulator2, emulator3)


async def seed(
    db: Database,
    panel: str,
    rate: str,
    status: str,
    *,
    remains: int = 0,
    panel_charge: str | None = None,
) -> None:
    """An order of 100 charged 12.00 UZS on `panel` at its `rate` per 1000 in its own money,
    ended with `status` and refunded as the sweep would."""
    await fund(db, CUSTOMER, "12")
    orders = OrdersRepo(db)
    new = replace(
        quote(CUSTOMER, f"{panel}-{status}-{remains}-{panel_charge}", "12.00", 100),
        service_id=1,
        rate=Decimal(rate),
        panel=panel,
        panel_service_id=7 if panel else None,
    )
    order = await orders.create_and_charge(new)
    await orders.mark_placed(order.id, f"{panel}{order.id}", panel=panel)
    async with db.transaction() as tx:
        ended = await orders.set_panel_status(
            tx,
            order.id,
            status,
            remains=remains,
            start_count=0,
            panel_charge=None if panel_charge is None else Decimal(panel_charge),
        )
        await post_refund(tx, ended, 2)


async def test_stats_split_cost_and_profit_by_panel(
    admin: BotClient, db: Database, dp: Dispatcher
) -> None:
    await dp["catalogue"].current()  # the shop's currency
    # main: revenue 12, cost its reported 6 UZS, profit 6
    await seed(db, "", "60", "Completed", panel_charge="6")
    # cheap: revenue 12, cost its reported 0.0004 USD = 5 UZS, profit 7
    await seed(db, "cheap", "0.004", "Completed", panel_charge="0.0004")
    # cheap: 40 of 100 refunded (7.20 kept), cost 60% of 0.0004 USD = 3 UZS, profit 4.20
    await seed(db, "cheap", "0.004", "Partial", remains=40)
    # steady: refunded in full, costs nothing
    await seed(db, "steady", "0.5", "Canceled", remains=100, panel_charge="0.05")
    # steady: revenue 12, expected cost 0.05 RUB = 7 UZS, profit 5
    await seed(db, "steady", "0.5", "Completed")
    [text] = texts(await admin.send("/stats"))
    today = text.split("\n\n")[1].splitlines()
    assert today == [
        "<b>Today</b>: 5 orders (completed 3, partially completed 1, canceled 1)",
        "Revenue 43.20 UZS, cost 21.00 UZS, profit 22.20 UZS",
        "· main: 1 order, cost 6.00 UZS, profit 6.00 UZS",
        "· cheap: 2 orders, cost 8.00 UZS, profit 11.20 UZS",
        "· steady: 2 orders, cost 7.00 UZS, profit 5.00 UZS",
        "Top-ups: none",
    ]
    # the top services count in the shop's money too
    assert text.split("\n\n")[5].splitlines()[1] == (
        "1. Telegram members (service 1): 5 orders, profit 22.20 UZS"
    )
