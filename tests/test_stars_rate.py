"""A Stars rate that cannot be meant for the panel's currency is told at start-up, in the
log and to the admins: the default 0.01 on a so'm panel sells "0.50 UZS · 50 ⭐"."""

from __future__ import annotations

import logging
from decimal import Decimal

import pytest
from aiogram import Bot
from aiogram.methods import SendMessage

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.payments.stars_rate import implausible
from bot.settings import Settings
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.harness import RecordingSession


@pytest.mark.parametrize(
    ("rate", "currency", "usual"),
    [
        ("0.01", "UZS", Decimal(165)),  # the default, left on a so'm panel
        ("0.01", "RUB", Decimal("1.2")),
        ("160", "USD", Decimal("0.013")),  # a so'm rate on a dollar panel
        ("0.01", "USD", None),
        ("0.02", "EUR", None),
        ("160", "UZS", None),
        ("0.01", "XYZ", None),  # a currency we know nothing of: not judged
    ],
)
def test_implausible_rates(rate: str, currency: str, usual: Decimal | None) -> None:
    assert implausible(Decimal(rate), currency) == usual


def session_of(bot: Bot) -> RecordingSession:
    assert isinstance(bot.session, RecordingSession)
    return bot.session


async def start(
    settings: Settings, db: Database, panel: PanelClient, translator: Translator, bot: Bot
) -> list[str]:
    dp = create_dispatcher(settings=settings, db=db, panel=panel, translator=translator)
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    await dp["catalogue"].warmed()
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)
    return [
        r.text
        for r in session_of(bot).requests
        if isinstance(r, SendMessage) and r.chat_id == ADMIN_ID and "STARS_RATE" in r.text
    ]


async def test_the_default_rate_on_a_som_panel_is_told_at_start(
    settings, db, panel, translator, bot, emulator, caplog
) -> None:
    caplog.set_level(logging.WARNING)
    som = settings.model_copy(update={"price_decimals": 0})
    assert await start(som, db, panel, translator, bot) == [
        "⚠️ STARS_RATE=0.01 looks wrong for a panel in UZS: 100 ⭐ top up only 1 UZS.\n"
        "A star is worth about 165 UZS to a shop, so STARS_RATE=165 would make 100 ⭐ top up"
        " 16,500 UZS. Set it in the settings and restart the bot."
    ]
    assert "STARS_RATE=0.01 looks wrong for a panel in UZS" in caplog.text


async def test_a_plausible_rate_is_not_told(
    settings, db, panel, translator, bot, emulator, caplog
) -> None:
    som = settings.model_copy(update={"price_decimals": 0, "stars_rate": Decimal(160)})
    assert await start(som, db, panel, translator, bot) == []
    assert "STARS_RATE" not in caplog.text
