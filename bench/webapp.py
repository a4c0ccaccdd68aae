"""The Mini App's first paint: 10,000 services in 200 categories, in headless Chromium.

    python -m bench.webapp [--runs 5]

The bot's own server (real aiohttp on 127.0.0.1, the real dispatcher's parts, a real SQLite
file, the panel emulator) serves the page; Debian's chromium opens it with signed initData.
Measured from navigation start: the first contentful paint, and the catalogue on screen
(customer and catalogue loaded, search index built, the first 50 services drawn), on a
fresh profile (nothing cached) and again in the same browser (the catalogue answered 304).
The baseline, in the same run: a bare page on the same server that fetches the same number
of services as plain gzipped JSON and draws 50 of them, no more.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import statistics
import sys
import tempfile
from pathlib import Path

from aiogram import Bot
from aiohttp import web
from aiohttp.test_utils import TestServer
from pydantic import HttpUrl

from bench.table import Row, render
from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.settings import Settings, load_settings
from bot.storage import Database
from tests.conftest import TEST_TOKEN
from tests.harness import RecordingSession
from tests.panel_emulator import running_emulator
from tests.webapp.big_catalogue import SIZE, big_catalogue
from tests.webapp.browser import chromium_page, have_chromium
from tests.webapp.conftest import init_data

BARE_PAGE = """<!doctype html><meta charset="utf-8"><ul id="list"></ul><script>
fetch("data.json").then((r) => r.json()).then((services) => {
  const list = document.getElementById("list");
  for (const s of services.slice(0, 50)) {
    const li = document.createElement("li"); li.textContent = s.n + " " + s.p; list.append(li);
  }
  requestAnimationFrame(() => {
    performance.mark("catalogue-shown");
    document.body.dataset.ready = "1";
  });
});
</script>"""
TIMINGS = """() => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const shown = performance.getEntriesByName("catalogue-shown")[0];
  return [fcp ? fcp.startTime : null, shown.startTime];
}"""


def bare_routes(app: web.Application) -> None:
    data = json.dumps([{"n": s.name, "p": str(s.rate)} for s in big_catalogue()]).encode()
    packed = gzip.compress(data, 6)

    async def page(request: web.Request) -> web.Response:
        return web.Response(text=BARE_PAGE, content_type="text/html")

    async def services(request: web.Request) -> web.Response:
        headers = {"Content-Encoding": "gzip", "Content-Type": "application/json"}
        return web.Response(body=packed, headers=headers)

    app.router.add_get("/bare/", page)
    app.router.add_get("/bare/data.json", services)


async def _loads(url: str, runs: int) -> tuple[list[float], list[float], list[float]]:
    """First contentful paint and catalogue on screen, cold (a new profile each run), and
    the catalogue on screen warm (a reload in the same browser)."""
    fcp: list[float] = []
    cold: list[float] = []
    warm: list[float] = []
    for _ in range(runs):
        async with chromium_page(url, init_data()) as page:
            await page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            painted, shown = await page.evaluate(TIMINGS)
            fcp.append(painted)
            cold.append(shown)
            await page.reload()
            await page.wait_for_selector("body[data-ready='1']", timeout=60_000)
            warm.append((await page.evaluate(TIMINGS))[1])
    return fcp, cold, warm


async def measure(runs: int) -> list[Row]:
    if not have_chromium():
        print("bench webapp: no /usr/bin/chromium, skipped", file=sys.stderr)
        return []
    with tempfile.TemporaryDirectory(prefix="bench-webapp-") as workdir:
        async with running_emulator(services=big_catalogue()) as emulator:
            settings = load_settings(
                _env_file=None,
                bot_token=TEST_TOKEN,
                panel_api_url=emulator.url,
                panel_api_key=emulator.key,
                database_path=Path(workdir) / "bot.sqlite3",
                http_listen="127.0.0.1:8089",
                webapp_url=HttpUrl("http://127.0.0.1/app/"),
            )
            async with await Database.open(settings.database_path) as db:
                panel = PanelClient(settings.panel_url, settings.panel_api_key, timeout=30)
                try:
                    return await _measure(settings, db, panel, runs)
                finally:
                    await panel.close()


async def _measure(settings: Settings, db: Database, panel: PanelClient, runs: int) -> list[Row]:
    dp = create_dispatcher(settings=settings, db=db, panel=panel, translator=Translator())
    await dp["catalogue"].refresh()
    app = public_app(dp, Bot(TEST_TOKEN, session=RecordingSession()))
    bare_routes(app)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        bare_fcp, bare_cold, bare_warm = await _loads(str(server.make_url("/bare/")), runs)
        fcp, cold, warm = await _loads(str(server.make_url("/app/")), runs)
    finally:
        await server.close()
    med = statistics.median
    note = f"median of {runs}; vs a bare page drawing the same JSON"
    return [
        Row(f"mini app {SIZE:,}: first paint", med(fcp), med(bare_fcp), "ms", note),
        Row(f"mini app {SIZE:,}: catalogue shown", med(cold), med(bare_cold), "ms", note),
        Row(f"mini app {SIZE:,}: shown, cached", med(warm), med(bare_warm), "ms", "ETag 304"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.webapp")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.runs))))


if __name__ == "__main__":
    main()
