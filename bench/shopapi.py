"""The shop's own API v2 (issue 28): `status` calls a second, against the panel emulator's.

    python -m bench.shopapi [--calls 2000]

In one process: the bot's HTTP server (real aiohttp on 127.0.0.1, the real dispatcher's
parts, a real SQLite file) with `API_ENABLED`, and the panel emulator, each asked by the
project's own `PanelClient` over one kept-alive connection, one call at a time: `status` of
one order, then of 100 at once (`orders=`). The emulator answers from a dict in memory; the
shop checks the key (a SHA-256 and an indexed read), its limits, and reads the orders from
SQLite: the ratio is what being a panel costs the shop per call.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

from aiogram import Bot
from aiohttp.test_utils import TestServer
from pydantic import SecretStr

from bench.table import Row, render
from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.settings import load_settings
from bot.storage import ApiKeysRepo, Database
from tests.conftest import TEST_TOKEN, fund
from tests.harness import RecordingSession
from tests.panel_emulator import running_emulator

CUSTOMER = 1001
MANY = 100


async def _rate(client: PanelClient, ids: list[str], calls: int) -> tuple[float, float]:
    """Calls a second: `status` of one order, and of all `ids` in one call."""
    await client.status(ids[0])  # the connection opened, nothing cached on the way
    started = time.perf_counter()
    for _ in range(calls):
        await client.status(ids[0])
    one = calls / (time.perf_counter() - started)
    many_calls = max(calls // 10, 1)
    started = time.perf_counter()
    for _ in range(many_calls):
        await client.statuses(ids)
    return one, many_calls / (time.perf_counter() - started)


async def measure(calls: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-shopapi-") as workdir:
        async with running_emulator(balance="100000000") as emulator:
            settings = load_settings(
                _env_file=None,
                bot_token=TEST_TOKEN,
                panel_api_url=emulator.url,
                panel_api_key=emulator.key,
                database_path=Path(workdir) / "bot.sqlite3",
                http_listen="127.0.0.1:8089",
                api_enabled="true",
                # Out of the way: measured is the work of a call, not the limit.
                api_rate=str(10**9),
                api_burst=str(10**9),
                api_add_burst=str(MANY),
            )
            async with await Database.open(settings.database_path) as db:
                panel = PanelClient(settings.panel_url, settings.panel_api_key, timeout=30)
                dp = create_dispatcher(
                    settings=settings, db=db, panel=panel, translator=Translator()
                )
                server = TestServer(public_app(dp, Bot(TEST_TOKEN, session=RecordingSession())))
                await server.start_server()
                await fund(db, CUSTOMER, "1000000")
                key = await ApiKeysRepo(db).issue(CUSTOMER)
                shop = PanelClient(str(server.make_url("/api/v2")), SecretStr(key), timeout=30)
                direct = PanelClient(emulator.url, SecretStr(emulator.key), timeout=30)
                try:
                    ours = [await shop.add(1, "https://t.me/example", 100) for _ in range(MANY)]
                    theirs = [str(order) for order in emulator.orders]
                    shop_one, shop_many = await _rate(shop, ours, calls)
                    emulator_one, emulator_many = await _rate(direct, theirs, calls)
                finally:
                    for client in (shop, direct, panel):
                        await client.close()
                    await server.close()
                    await dp["catalogue"].close()
    note = f"{calls:,} calls one at a time; vs the panel emulator's, same client"
    return [
        Row("api: status of 1 order", shop_one, emulator_one, "calls/s", note),
        Row(f"api: status of {MANY} orders (orders=)", shop_many, emulator_many, "calls/s"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.shopapi")
    parser.add_argument("--calls", type=int, default=2000)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.calls))))


if __name__ == "__main__":
    main()
