"""A forked bot is `python -m bot` in its own process: its own environment, working folder
and log, and its exit code read as the process's."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tests.e2e.bot_process import fork_server, interpreter_env
from tests.e2e.forkserver import Child

pytestmark = pytest.mark.e2e


async def start(env: dict[str, str], folder: Path, log: Path) -> Child:
    return await fork_server().start(env, folder, log)


async def test_each_child_reads_its_own_environment_and_folder(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    # The second finds BOT_TOKEN in the .env of its own folder, the first has none.
    (second / ".env").write_text("BOT_TOKEN=123:abc\n")
    env = interpreter_env() | {"PANEL_API_KEY": "k"}
    without = await start(env, first, first / "bot.log")
    with_token = await start(env, second, second / "bot.log")
    assert await without.wait() == 2
    assert await with_token.wait() == 2
    first_log = (first / "bot.log").read_text()
    second_log = (second / "bot.log").read_text()
    assert "BOT_TOKEN is missing" in first_log
    assert "BOT_TOKEN" not in second_log
    assert "PANEL_API_URL is missing" in first_log
    assert "PANEL_API_URL is missing" in second_log
    assert "Settings come from the environment or .env" in second_log


async def test_a_signal_ends_the_child_not_the_server(tmp_path: Path) -> None:
    # Settings that make the bot wait (Telegram never answers): only a signal ends it.
    env = interpreter_env() | {
        "BOT_TOKEN": "123:abc",
        "PANEL_API_URL": "http://127.0.0.1:9/api/v2",
        "PANEL_API_KEY": "k",
        "TELEGRAM_API_URL": "http://10.255.255.1:9",
        "OPS_LISTEN": "",  # 127.0.0.1:9090 may be taken by another bot
    }
    child = await start(env, tmp_path, tmp_path / "bot.log")
    assert child.returncode is None
    child.kill()
    assert await child.wait() == -signal.SIGKILL
    # The server forks on: another child starts and ends by itself.
    again = await start(interpreter_env(), tmp_path, tmp_path / "again.log")
    assert await again.wait() == 2
