"""Status sweeps over 10,000 open orders: how many sweeps and `status` calls it takes until
every order has been asked about, against the ⌈n/100⌉ calls that are the least possible.

    python -m bench.sweep [--orders 10000]

In one process: a real SQLite file, the real dispatcher's sweeper, the panel emulator over
real HTTP on 127.0.0.1 (its CPU is counted in, as it is in the same process).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import tempfile
import time
from pathlib import Path

from aiogram import Bot

from bench.table import Row, render
from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.settings import Settings, load_settings
from bot.storage import Database
from tests.conftest import TEST_TOKEN, fund
from tests.harness import RecordingSession
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator, running_emulator

MAX_SWEEPS = 50  # bounded even if a sweep never covers everything


async def measure(count: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-sweep-") as workdir:
        async with running_emulator(balance="100000000") as emulator:
            settings = load_settings(
                _env_file=None,
                bot_token=TEST_TOKEN,
                panel_api_url=emulator.url,
                panel_api_key=emulator.key,
                admin_ids="9001",
                database_path=Path(workdir) / "bot.sqlite3",
            )
            async with await Database.open(settings.database_path) as db:
                panel = PanelClient(settings.panel_url, settings.panel_api_key, timeout=30)
                try:
                    return await _sweeps(db, panel, emulator, settings, count)
                finally:
                    await panel.close()


async def _sweeps(
    db: Database, panel: PanelClient, emulator: PanelEmulator, settings: Settings, count: int
) -> list[Row]:
    await fund(db, 1001, str(count * 12))
    ids = []
    for _ in range(count):
        order = await place(db, emulator, funded=True)
        ids.append(order.panel_order_id)
    for panel_id in ids:
        emulator.set_status(panel_id or "", "In progress", remains=50)
    dp = create_dispatcher(settings=settings, db=db, panel=panel, translator=Translator())
    bot = Bot(TEST_TOKEN, session=RecordingSession())
    emulator.requests.clear()
    asked: set[str] = set()
    sweeps = 0
    cpu = time.process_time()
    orders_asked = 0
    while len(asked) < len(ids) and sweeps < MAX_SWEEPS:
        before = len(emulator.requests)
        await dp["sweeper"].run_once(bot)
        sweeps += 1
        for form in emulator.requests[before:]:
            if form.get("action") == "status":
                chunk = (form.get("orders") or form.get("order") or "").split(",")
                asked.update(chunk)
                orders_asked += len(chunk)
    cpu = time.process_time() - cpu
    calls = sum(form.get("action") == "status" for form in emulator.requests)
    least = math.ceil(count / 100)
    return [
        Row(f"sweep: sweeps to ask all {count:,} orders", sweeps, 1, "", "the least is 1"),
        Row(f"sweep: status calls to ask all {count:,}", calls, least, "", "baseline: ⌈n/100⌉"),
        Row(
            "sweep: CPU per 1,000 orders asked",
            cpu * 1000 / max(orders_asked, 1) * 1000,
            None,
            "ms",
            "emulator included; first sweeps record a change per order",
        ),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.orders))))


if __name__ == "__main__":
    main()
