"""Fixtures for the end-to-end suite: the bot as a real process between a fake Telegram
server and the panel emulator (`emulator`, from tests/conftest.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Iterator
from contextlib import asynccontextmanager

import pytest

from tests.e2e.bot_process import TOKEN, BotProcess, fork_server
from tests.e2e.fake_telegram import FakeTelegram, running_telegram
from tests.panel_emulator import PanelEmulator

_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item,
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    # Teardown needs to know whether the test itself failed, to show the bot's log.
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    return report


def failed(request: pytest.FixtureRequest) -> bool:
    report = request.node.stash.get(_CALL_REPORT, None)
    return report is None or report.failed


@pytest.fixture(scope="session", autouse=True)
def _fork_server() -> Iterator[None]:
    # Started before the first test needs it: its imports overlap that test's set-up.
    server = fork_server()
    yield
    server.close()


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    async with running_telegram(TOKEN) as server:
        yield server


@pytest.fixture
async def bot_process(
    request: pytest.FixtureRequest, tmp_path, telegram: FakeTelegram, emulator: PanelEmulator
) -> AsyncIterator[BotProcess]:
    """The bot, not yet started (fund customers first, then `await bot_process.start()`)."""
    async with attended(request, BotProcess(tmp_path, telegram, emulator)) as process:
        yield process


@asynccontextmanager
async def attended(
    request: pytest.FixtureRequest, process: BotProcess
) -> AsyncIterator[BotProcess]:
    """`process` for the test; afterwards kill what is left running, print the bot's log if
    the test failed, and otherwise check that the bot did not exit by itself, made no
    mistake Telegram would have refused and left no button press unanswered."""
    try:
        yield process
    finally:
        crashed = process.exited_by_itself
        await process.close()
    telegram = process.telegram
    problems = {
        "the bot exited by itself": crashed,
        "mistakes": telegram.mistakes,
        "unanswered callback queries": telegram.unanswered_callbacks(),
    }
    if failed(request) or any(problems.values()):
        print(f"----- the bot's log ({process.log_path}) -----\n{process.log()}")
    if not failed(request):
        assert {name: found for name, found in problems.items() if found} == {}
