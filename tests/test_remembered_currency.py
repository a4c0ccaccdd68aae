"""After a restart, amounts show the panel's currency from the first update, in the currency
the shop last learnt, however slow the start-up fetch is (or the panel down)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import pytest
from aiogram import Bot, Dispatcher

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.settings import Settings
from bot.storage import Database
from tests.conftest import fund
from tests.harness import BotClient, texts
from tests.panel_emulator import FaultKind, PanelEmulator


@dataclass
class Shop:
    """One shop's database, run by the bot once per `run` (a restart each time)."""

    settings: Settings
    db: Database
    translator: Translator
    bot: Bot

    @asynccontextmanager
    async def run(self) -> AsyncIterator[Dispatcher]:
        """Started as polling starts it, then stopped; its panel requests time out sooner
        than the fixture's, since the stop waits for those left hanging."""
        quick = self.settings.model_copy(update={"panel_timeout": 0.2})
        panel = PanelClient(quick.panel_url, quick.panel_api_key, timeout=quick.panel_timeout)
        dp = create_dispatcher(settings=quick, db=self.db, panel=panel, translator=self.translator)
        await dp.emit_startup(bot=self.bot, **dp.workflow_data)
        try:
            yield dp
        finally:
            await dp.emit_shutdown(bot=self.bot, **dp.workflow_data)
            await panel.close()

    async def balance(self, dp: Dispatcher) -> str:
        [text] = texts(await BotClient(dp, self.bot).send("/balance"))
        return text


@pytest.fixture
async def shop(settings: Settings, db: Database, translator: Translator, bot: Bot) -> Shop:
    await fund(db, 1001, "18.48")
    return Shop(settings, db, translator, bot)


async def test_a_restarted_shop_shows_the_currency_it_learnt_before_the_panel_answers(
    shop: Shop, emulator: PanelEmulator
) -> None:
    async with shop.run() as dp:
        await dp["catalogue"].warmed()
        assert "18.48 UZS" in await shop.balance(dp)

    # Restarted while the panel answers nothing: no fetch ends, the bot answers anyway.
    emulator.fault(FaultKind.HANG)
    async with shop.run() as dp:
        assert "18.48 UZS" in await shop.balance(dp)
        assert dp["catalogue"].snapshot is None


async def test_a_fetch_that_learns_another_currency_is_remembered(
    shop: Shop, emulator: PanelEmulator
) -> None:
    async with shop.run() as dp:
        await dp["catalogue"].warmed()
        emulator.currency = "USD"
        await dp["catalogue"].refresh()
        assert "$18.48" in await shop.balance(dp)

    emulator.fault(FaultKind.HANG)
    async with shop.run() as dp:
        assert "$18.48" in await shop.balance(dp)


async def test_a_shop_that_never_reached_its_panel_shows_amounts_without_a_currency(
    shop: Shop, emulator: PanelEmulator
) -> None:
    emulator.fault(FaultKind.HANG)
    async with shop.run() as dp:
        text = await shop.balance(dp)
        assert "18.48" in text
        assert "UZS" not in text
