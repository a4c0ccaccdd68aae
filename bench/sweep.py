"""Status sweeps over 10,000 open orders: how many sweeps and `status` calls it takes until
every order has been asked about, against the ⌈n/100⌉ calls that are the least possible;
then the same number spread over three panels (issue 26): each panel's calls against
⌈n_panel/100⌉, one batch per panel.

    python -m bench.sweep [--orders 10000]

In one process: a real SQLite file, the real dispatcher's sweeper, the panel emulators over
real HTTP on 127.0.0.1 (their CPU is counted in, as they are in the same process).
"""

from __future__ import annotations

import argparse
import asyncio
import math
import tempfile
import time
from contextlib import AsyncExitStack
from decimal import Decimal
from pathlib import Path

from aiogram import Bot

from bench.table import Row, render
from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.panel.panels import Panels
from bot.settings import Settings, load_settings
from bot.storage import Database
from tests.conftest import TEST_TOKEN, fund, panel_slot
from tests.harness import RecordingSession
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator, running_emulator

# The three panels of the spread-out run: name, slot and RATE (the main one first).
PANELS = (
    ("main", 1, Decimal(1)),
    ("cheap", 2, Decimal(12500)),
    ("steady", 3, Decimal(140)),
)

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


async def measure_panels(count: int) -> list[Row]:
    """`count` open orders spread evenly over three panels: `status` calls per panel."""
    with tempfile.TemporaryDirectory(prefix="bench-sweep-panels-") as workdir:
        async with AsyncExitStack() as stack:
            emulators = [
                await stack.enter_async_context(running_emulator(balance="100000000"))
                for _ in PANELS
            ]
            slots: dict[str, str] = {}
            for (name, slot, rate), emulator in zip(PANELS[1:], emulators[1:], strict=True):
                slots |= panel_slot(slot, name, emulator, rate)
            settings = load_settings(
                _env_file=None,
                bot_token=TEST_TOKEN,
                panel_api_url=emulators[0].url,
                panel_api_key=emulators[0].key,
                admin_ids="9001",
                database_path=Path(workdir) / "bot.sqlite3",
                **slots,
            )
            db = await stack.enter_async_context(await Database.open(settings.database_path))
            panels = Panels.from_settings(
                settings, lambda each: PanelClient(each.api_url, each.api_key, timeout=30)
            )
            stack.push_async_callback(panels.close)
            return await _spread_sweeps(db, panels, emulators, settings, count)


async def _spread_sweeps(
    db: Database,
    panels: Panels,
    emulators: list[PanelEmulator],
    settings: Settings,
    count: int,
) -> list[Row]:
    await fund(db, 1001, str(count * 12))
    for n in range(count):
        name, _, _ = PANELS[n % len(PANELS)]
        emulator = emulators[n % len(PANELS)]
        order = await place(
            db, emulator, funded=True, on_panel="" if name == "main" else name, service=1
        )
        emulator.set_status(order.panel_order_id or "", "In progress", remains=50)
    dp = create_dispatcher(
        settings=settings, db=db, panel=panels.main.client, translator=Translator(), panels=panels
    )
    bot = Bot(TEST_TOKEN, session=RecordingSession())
    for emulator in emulators:
        emulator.requests.clear()
    cpu = time.process_time()
    sweep = await dp["sweeper"].run_once(bot)
    cpu = time.process_time() - cpu
    rows = []
    for (name, _, _), emulator in zip(PANELS, emulators, strict=True):
        mine = len(emulator.orders)
        calls = sum(form.get("action") == "status" for form in emulator.calls())
        rows.append(
            Row(
                f"sweep, 3 panels: status calls to panel {name} ({mine:,} orders)",
                calls,
                math.ceil(mine / 100),
                "",
                "baseline: ⌈n/100⌉ of its own",
            )
        )
    rows.append(
        Row(
            f"sweep, 3 panels: orders asked of {count:,} in one sweep",
            sweep.recorded,
            count,
            "",
            "every order, each of its own panel",
        )
    )
    rows.append(
        Row(
            "sweep, 3 panels: CPU per 1,000 orders asked",
            cpu * 1000 / max(sweep.asked, 1) * 1000,
            None,
            "ms",
            "emulators included; the sweep records a change per order",
        )
    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=10_000)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.orders)) + asyncio.run(measure_panels(args.orders))))


if __name__ == "__main__":
    main()
