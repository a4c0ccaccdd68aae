"""Shared fixtures: a real SQLite file, the panel emulator over real HTTP, the real Dispatcher."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.panel.panels import Panels
from bot.settings import Settings, load_settings
from bot.storage import Database, LedgerRepo, Reason, UsersRepo, post
from tests.database_template import DatabaseTemplate
from tests.fake_cryptopay import FakeCryptoPay, running_cryptopay
from tests.handler_signatures import install as read_handler_signatures_once
from tests.harness import BotClient, RecordingSession
from tests.panel_emulator import EmulatedService, PanelEmulator, running_emulator

ADMIN_ID = 9001
TEST_TOKEN = "42:TEST-token-for-the-recording-session"


def pytest_configure(config: pytest.Config) -> None:
    read_handler_signatures_once()


def pytest_collection_finish(session: pytest.Session) -> None:
    # What is alive now (aiogram's and pydantic's models, the test modules) lives until the
    # end: frozen, the collector stops walking it at every full collection. Each test's
    # Dispatcher leaves ~20,000 objects in reference cycles, which cost a full collection
    # every few tests; with ~300,000 objects to walk each time those took about a quarter of
    # the suite's CPU time (bot/app.py freezes the running bot for the same reason).
    gc.collect()
    gc.freeze()


@pytest.fixture(scope="session")
def translator() -> Translator:
    return Translator()


@pytest.fixture
async def emulator() -> AsyncIterator[PanelEmulator]:
    async with running_emulator() as emu:
        yield emu


# Several panels (issue 26): a second panel in US dollars and a third in roubles, beside the
# main one in so'm. What one unit of each is worth in so'm is its RATE.
SECOND = "cheap"
SECOND_RATE = Decimal(12500)
THIRD = "steady"
THIRD_RATE = Decimal(140)


def second_services() -> list[EmulatedService]:
    """The second panel's catalogue: its own id 1 (as the main panel has) and 7."""
    return [
        EmulatedService(
            1, "Instagram Followers — Real", "Default", "Instagram", Decimal("0.50"), 50, 10000
        ),
        EmulatedService(
            7,
            "Telegram Members — Cheap",
            "Default",
            "Telegram Members",
            Decimal("0.00320"),
            10,
            50000,
            refill=True,
        ),
    ]


def third_services() -> list[EmulatedService]:
    return [
        EmulatedService(
            5, "YouTube Views", "Default", "YouTube", Decimal("2.00000"), 100, 1000000, refill=True
        ),
    ]


@pytest.fixture
async def emulator2() -> AsyncIterator[PanelEmulator]:
    async with running_emulator(
        key="second-panel-key", currency="USD", balance="40.00", services=second_services()
    ) as emu:
        yield emu


@pytest.fixture
async def emulator3() -> AsyncIterator[PanelEmulator]:
    async with running_emulator(
        key="third-panel-key", currency="RUB", balance="900.00", services=third_services()
    ) as emu:
        yield emu


def panel_slot(slot: int, name: str, emulator: PanelEmulator, rate: Decimal) -> dict[str, Any]:
    """PANELn_... settings for an emulator."""
    return {
        f"panel{slot}_name": name,
        f"panel{slot}_api_url": emulator.url,
        f"panel{slot}_api_key": emulator.key,
        f"panel{slot}_rate": str(rate),
    }


def several_settings(
    tmp_path: Path,
    emulator: PanelEmulator,
    emulator2: PanelEmulator,
    emulator3: PanelEmulator | None = None,
    **overrides: Any,
) -> Settings:
    """The tests' settings with the second (and third) panel: a module's `settings`."""
    slots = panel_slot(2, SECOND, emulator2, SECOND_RATE)
    if emulator3 is not None:
        slots |= panel_slot(3, THIRD, emulator3, THIRD_RATE)
    return settings_with(tmp_path, emulator, **slots | overrides)


@pytest.fixture
async def cryptopay() -> AsyncIterator[FakeCryptoPay]:
    """A fake Crypto Pay API on 127.0.0.1 (tests/fake_cryptopay.py)."""
    async with running_cryptopay() as fake:
        yield fake


def settings_with(tmp_path: Path, emulator: PanelEmulator, **overrides: Any) -> Settings:
    """The tests' settings, with `overrides` (a module's own `settings` fixture)."""
    return load_settings(
        **{
            "_env_file": None,
            "bot_token": TEST_TOKEN,
            "panel_api_url": emulator.url,
            "panel_api_key": emulator.key,
            "admin_ids": str(ADMIN_ID),
            "database_path": tmp_path / "bot.sqlite3",
            "panel_timeout": 2,
        }
        | overrides
    )


@pytest.fixture
def settings(tmp_path: Path, emulator: PanelEmulator) -> Settings:
    return settings_with(tmp_path, emulator)


@pytest.fixture(scope="session")
def database_template(tmp_path_factory: pytest.TempPathFactory) -> DatabaseTemplate:
    return DatabaseTemplate(tmp_path_factory.mktemp("template"))


@pytest.fixture
async def db(settings: Settings, database_template: DatabaseTemplate) -> AsyncIterator[Database]:
    database = await database_template.open(settings.database_path)
    yield database
    await database.close()
    # Every scenario ends with balances equal to their ledgers (checked on a fresh
    # connection, as a restarted bot would see them).
    async with await Database.open(settings.database_path) as check:
        assert await LedgerRepo(check).check_consistency() == []


@pytest.fixture
async def panel(settings: Settings) -> AsyncIterator[PanelClient]:
    client = PanelClient(settings.panel_url, settings.panel_api_key, timeout=settings.panel_timeout)
    yield client
    await client.close()


@pytest.fixture
async def panels(settings: Settings, panel: PanelClient) -> AsyncIterator[Panels]:
    """Every panel in `settings`, the main one being `panel`: one unless a module's
    `settings` has more (`several_settings`)."""
    built = Panels.from_settings(
        settings,
        lambda each: (
            panel
            if each.main
            else PanelClient(each.api_url, each.api_key, timeout=settings.panel_timeout)
        ),
    )
    yield built
    for each in built:
        if not each.main:
            await each.client.close()


@pytest.fixture
def bot() -> Bot:
    return Bot(
        TEST_TOKEN,
        session=RecordingSession(),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


@pytest.fixture
def dp(
    settings: Settings, db: Database, panel: PanelClient, panels: Panels, translator: Translator
) -> Dispatcher:
    return create_dispatcher(
        settings=settings, db=db, panel=panel, translator=translator, panels=panels
    )


MakeClient = Callable[..., BotClient]


@pytest.fixture
def make_client(dp: Dispatcher, bot: Bot) -> MakeClient:
    def make(**kwargs: Any) -> BotClient:
        return BotClient(dp, bot, **kwargs)

    return make


@pytest.fixture
def client(make_client: MakeClient) -> BotClient:
    return make_client()


@pytest.fixture
def admin(make_client: MakeClient) -> BotClient:
    """The shop's admin (ADMIN_ID) in a private chat with the bot."""
    return make_client(user_id=ADMIN_ID, first_name="Boss")


async def fund(db: Database, user_id: int, amount: str) -> None:
    """Put money on a customer's balance the only way money moves: a ledger entry."""
    await UsersRepo(db).ensure(user_id)
    async with db.transaction() as tx:
        await post(tx, user_id, Decimal(amount), Reason.CREDIT)
