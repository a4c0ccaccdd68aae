"""`python -m bot` as a real process: starts, polls, stops cleanly on SIGTERM, leaks nothing."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.panel_emulator import PanelEmulator

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "123456:AAE-SENTINEL-process-token"


async def fake_telegram(seen: list[str]) -> TestServer:
    """Just enough Bot API to start and poll: getMe, setMyCommands, getUpdates."""

    async def handle(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        seen.append(method)
        if method == "getMe":
            me = {"id": 123456, "is_bot": True, "first_name": "Shop", "username": "shop_bot"}
            return web.json_response({"ok": True, "result": me})
        if method == "getUpdates":
            await asyncio.sleep(0.2)
            return web.json_response({"ok": True, "result": []})
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    return server


async def test_runs_polls_and_stops_on_sigterm(tmp_path, emulator: PanelEmulator) -> None:
    seen: list[str] = []
    telegram = await fake_telegram(seen)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "PANEL_"))},
        "PYTHONPATH": str(ROOT),
        "BOT_TOKEN": TOKEN,
        "PANEL_API_URL": emulator.url,
        "PANEL_API_KEY": emulator.key,
        "TELEGRAM_API_URL": str(telegram.make_url("/")),
        "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
    }
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=env, stderr=asyncio.subprocess.PIPE
    )
    try:
        async with asyncio.timeout(60):
            while seen.count("getUpdates") < 2:  # noqa: ASYNC110  # the server has no event
                await asyncio.sleep(0.05)
        process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(30):
            _, stderr = await process.communicate()
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        await telegram.close()
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "Received SIGTERM" in log
    assert "Traceback" not in log
    assert "SENTINEL" not in log
    assert emulator.key not in log
    assert "deleteWebhook" in seen
    assert seen.count("setMyCommands") == 4
    assert emulator.calls("services")  # the catalogue was warmed at start-up
