"""Start-up with several panels (issue 26, point 1): each panel is checked as the main one
always was; a secondary panel that is down is told to admins once, by name, and the shop
goes on selling the others' services."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from aiogram import Bot

from bot.notify.panel_watch import PanelBalanceWatch
from bot.settings import Settings
from bot.storage import OrdersRepo
from tests.conftest import SECOND_RATE, THIRD, THIRD_RATE, fund, panel_slot, settings_with
from tests.harness import BotClient
from tests.helpers import admin_texts
from tests.panel_emulator import PanelEmulator, refused_url
from tests.test_order_flow import to_summary
from tests.test_panels_catalogue import SECOND_7


@pytest.fixture
def settings(tmp_path: Path, emulator: PanelEmulator, emulator3: PanelEmulator) -> Settings:
    """The second panel's address refuses connections: it is down at start-up."""
    return settings_with(
        tmp_path,
        emulator,
        panel2_name="cheap",
        panel2_api_url=refused_url(),
        panel2_api_key="second-panel-key",
        panel2_rate=str(SECOND_RATE),
        **panel_slot(3, THIRD, emulator3, THIRD_RATE),
    )


async def test_a_secondary_panel_down_at_start_up_is_told_by_name_and_the_shop_sells(
    dp, bot: Bot, client: BotClient, db, emulator: PanelEmulator
) -> None:
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    try:
        await dp["catalogue"].warmed()
        watch: PanelBalanceWatch = dp["panel_watch"]
        await watch.run_once(bot)  # as the watch's first step does, at once
    finally:
        await dp.emit_shutdown(bot=bot, **dp.workflow_data)
    down = [text for text in admin_texts(bot) if text.startswith("⛔")]
    assert len(down) == 1
    assert down[0].startswith("⛔ Panel cheap can't be used: ")
    assert "Check PANEL2_API_URL and PANEL2_API_KEY" in down[0]
    snapshot = dp["catalogue"].snapshot
    assert snapshot is not None
    assert SECOND_7 not in snapshot.all_services
    assert 1 in snapshot.services
    # The shop sells the main panel's services as ever.
    await fund(db, client.user.id, "10")
    await to_summary(client)
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    assert (order.status, order.panel) == ("Pending", "")
    assert len(emulator.calls("add")) == 1


async def test_every_panel_is_checked_and_a_low_one_is_told_by_name(
    dp, bot: Bot, emulator: PanelEmulator, emulator3: PanelEmulator
) -> None:
    watch: PanelBalanceWatch = dp["panel_watch"]
    watch.threshold = Decimal(50_000)  # so'm: the third panel's 900 RUB are 126,000
    assert await watch.run_once(bot) == Decimal("100.84292")  # the main panel's
    assert [e.calls("balance") != [] for e in (emulator, emulator3)] == [True, True]
    low, down = admin_texts(bot)
    assert low == (
        "⚠️ Panel main: its balance is 100.84292 UZS, below 50,000.00 UZS."
        " Top it up before its orders start failing."
    )
    assert down.startswith("⛔ Panel cheap can't be used")
    emulator3.balance = Decimal("300")  # 42,000 so'm
    await watch.run_once(bot)
    assert admin_texts(bot)[2:] == [
        "⚠️ Panel steady: its balance is 300.00 RUB, below 50,000.00 UZS."
        " Top it up before its orders start failing."
    ]
    await watch.run_once(bot)
    assert len(admin_texts(bot)) == 3  # once per crossing, per panel


async def test_a_refused_key_is_told_with_the_panels_own_settings(
    dp, bot: Bot, emulator3: PanelEmulator
) -> None:
    emulator3.key = "the-panel-changed-it"
    await dp["panel_watch"].run_once(bot)
    [steady] = [text for text in admin_texts(bot) if "steady" in text]
    assert steady.startswith("⛔ Panel steady can't be used: ")
    assert "Invalid API key" in steady
    assert "Check PANEL3_API_URL and PANEL3_API_KEY" in steady
