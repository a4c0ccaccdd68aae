"""The catalogue of 10,000 services in 300 categories: how long a page takes, and what the
first tap after the cache expired costs, against a bare aiogram handler's tap.

    python -m bench.catalogue [--services 10000] [--taps 200]

In one process: the real dispatcher fed real updates (the recording session from the
tests), a real SQLite file, the panel emulator over real HTTP on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.enums import ParseMode
from aiogram.filters import Command
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bench.table import Row, percentile, render
from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.settings import load_settings
from bot.storage import Database
from tests.conftest import TEST_TOKEN
from tests.harness import BotClient, RecordingSession, buttons
from tests.panel_emulator import EmulatedService, running_emulator

CATEGORIES = 300
MAX_AGE = 1.0  # seconds the catalogue is cached here: short, to meet an expired one


def services(count: int) -> list[EmulatedService]:
    return [
        EmulatedService(
            n,
            f"Service {n} — fast start",
            "Default",
            f"Platform {n % CATEGORIES:03d}",
            Decimal("1.5"),
            10,
            10000,
        )
        for n in range(1, count + 1)
    ]


def bare_dispatcher() -> Dispatcher:
    router = Router()

    @router.message(Command("order"))
    async def order(message: Message) -> None:
        button = InlineKeyboardButton(text="Platform 000", callback_data="c:0")
        await message.answer(
            "Choose", reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]])
        )

    dp = Dispatcher()
    dp.include_router(router)
    return dp


def recording_bot() -> Bot:
    return Bot(
        TEST_TOKEN,
        session=RecordingSession(),
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


async def _taps(client: BotClient, taps: int, category: str | None) -> list[float]:
    """Each tap's time in the dispatcher: the harness finding the button on the chat's
    screen is not counted (it reads every message shown so far, so it grows tap by tap)."""
    times = []
    for n in range(taps):
        started = time.perf_counter()
        await client.send("/order")
        took = time.perf_counter() - started
        if category is not None and n % 2:
            message, data = _button(client, category)
            started = time.perf_counter()
            await client.click(data, message)
            took += time.perf_counter() - started
        times.append(took)
    return times


def _button(client: BotClient, text: str) -> tuple[Message, str]:
    """The newest message showing a button labelled `text`, and the button's data."""
    for message in reversed(client.bot_messages()):
        for label, data in buttons(message.reply_markup):
            if label == text:
                return message, data
    raise AssertionError(f"no button {text!r} in the chat")


async def measure(count: int, taps: int) -> list[Row]:
    bare = await _taps(BotClient(bare_dispatcher(), recording_bot()), taps, None)
    with tempfile.TemporaryDirectory(prefix="bench-catalogue-") as workdir:
        async with running_emulator(services=services(count)) as emulator:
            settings = load_settings(
                _env_file=None,
                bot_token=TEST_TOKEN,
                panel_api_url=emulator.url,
                panel_api_key=emulator.key,
                admin_ids="9001",
                database_path=Path(workdir) / "bot.sqlite3",
                catalogue_refresh=MAX_AGE,
            )
            async with await Database.open(settings.database_path) as db:
                panel = PanelClient(settings.panel_url, settings.panel_api_key, timeout=30)
                dp = create_dispatcher(
                    settings=settings, db=db, panel=panel, translator=Translator()
                )
                try:
                    client = BotClient(dp, recording_bot())
                    started = time.perf_counter()
                    await client.send("/order")  # the first fetch: not a page render
                    first = time.perf_counter() - started
                    # Taps one at a time, as fast as they come; each /order and, every other
                    # tap, the category's page too.
                    pages: list[float] = []
                    stale: list[float] = []
                    for _ in range(3):
                        await asyncio.sleep(MAX_AGE * 1.2)
                        stale += await _taps(client, 1, None)  # the first tap after expiry
                        pages += await _taps(client, taps // 3, "Platform 001")
                finally:
                    # A background refresh may still be running: stop it before its panel.
                    await dp["catalogue"].close()
                    await panel.close()
    bare_p50, bare_p99 = percentile(bare, 0.5) * 1000, percentile(bare, 0.99) * 1000
    return [
        Row(
            f"catalogue {count:,}: page p50",
            percentile(pages, 0.5) * 1000,
            bare_p50,
            "ms",
            "vs a bare handler's tap",
        ),
        Row(
            f"catalogue {count:,}: page p99",
            percentile(pages, 0.99) * 1000,
            bare_p99,
            "ms",
            "target < 10 ms",
        ),
        Row(
            "catalogue: first tap after expiry",
            max(stale) * 1000,
            bare_p50,
            "ms",
            "worst of 3; target: no refresh inline",
        ),
        Row("catalogue: first /order, cold", first * 1000, None, "ms", "fetches the catalogue"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--taps", type=int, default=200)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.services, args.taps))))


if __name__ == "__main__":
    main()
