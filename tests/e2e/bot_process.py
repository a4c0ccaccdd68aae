"""`python -m bot` as a real process, between the fake Telegram server and the panel emulator.
Each start forks an interpreter that imported the bot once (tests/e2e/forkserver.py).

    bot = BotProcess(tmp_path, telegram, emulator)
    await bot.fund(1001, "20")      # only while stopped: money moves through the ledger
    await bot.start()               # returns once the bot polls
    ...
    await bot.restart(signal.SIGKILL)
    await bot.stop()                # SIGTERM; asserts exit 0 and a clean log

Everything the process prints goes to one log file, each run under its own header line.
"""

from __future__ import annotations

import asyncio
import functools
import os
import signal
import socket
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Protocol

from bot.settings import Settings
from bot.storage import Database, LedgerRepo, OrdersRepo, UsersRepo
from tests.conftest import ADMIN_ID, fund
from tests.e2e.fake_telegram import WAIT, FakeTelegram
from tests.e2e.forkserver import Child, ForkServer
from tests.panel_emulator import PanelEmulator

ROOT = Path(__file__).resolve().parents[2]
# SENTINEL makes a leaked token easy to find in a log.
TOKEN = "123456:AAE-SENTINEL-e2e-token"
WEBHOOK_SECRET = "e2e-SENTINEL-webhook_secret"
# The first start waits for the fork server's imports (a few seconds); later ones take well
# under a second; a minute leaves room for a loaded machine.
START_WITHIN = 60.0
# SIGTERM waits for running handlers (a placement: at most PANEL_TIMEOUT and a margin).
STOP_WITHIN = 30.0
# Signs of trouble even when the process exits 0.
BAD_LOG_LINES = ("Traceback", "Unclosed", "Task was destroyed", "was never awaited")


class Panel(Protocol):
    """Where the bot buys: the panel emulator, or another bot's API (`ShopPanel`)."""

    @property
    def url(self) -> str: ...

    @property
    def key(self) -> str: ...


@dataclass(frozen=True)
class ShopPanel:
    """Another bot's own API v2 as this bot's panel: its endpoint and a customer's key."""

    url: str
    key: str


@dataclass(frozen=True)
class Customer:
    balance: Decimal
    language: str | None
    orders: list[tuple[str, str, Decimal]]  # (the panel's order id, status, charge), sorted


def bot_env(
    telegram: FakeTelegram,
    panel: Panel,
    database_path: Path,
    admin_ids: Iterable[int],
    settings: dict[str, str],
) -> dict[str, str]:
    """The process's environment: ours, with no setting inherited from whoever runs the tests."""
    return (
        interpreter_env()
        | {
            "BOT_TOKEN": telegram.token,
            "PANEL_API_URL": panel.url,
            "PANEL_API_KEY": panel.key,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_PATH": str(database_path),
            "ADMIN_IDS": ",".join(str(admin) for admin in admin_ids),
            "STATUS_POLL_INTERVAL": "0.5",
            "PANEL_TIMEOUT": "5",
            # Off unless a test asks (`use_ops`): bots started side by side would want one port.
            "OPS_LISTEN": "",
        }
        | settings
    )


def interpreter_env() -> dict[str, str]:
    """Ours, less every setting of the bot, plus what the interpreter needs."""
    names = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in names}
    return env | {"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}


@functools.cache
def fork_server() -> ForkServer:
    """One per test session, started at the first bot's start (tests/e2e/conftest.py closes it)."""
    return ForkServer(interpreter_env(), ROOT)


def free_port() -> int:
    """A port of 127.0.0.1 nobody listens on just now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


class BotProcess:
    def __init__(
        self,
        workdir: Path,
        telegram: FakeTelegram,
        emulator: PanelEmulator,
        *,
        panel: Panel | None = None,
        admin_ids: Iterable[int] = (ADMIN_ID,),
        **settings: str,
    ) -> None:
        """`settings`: more environment variables, e.g. `DEFAULT_LOCALE="ru"`. The bot's token
        is the fake Telegram's; it buys from `emulator`, or from `panel` (another bot's API,
        `ShopPanel`) in front of the emulator."""
        self.workdir = workdir
        self.telegram = telegram
        self.emulator = emulator
        self.panel: Panel = emulator if panel is None else panel
        self.database_path = workdir / "data" / "bot.sqlite3"
        self.log_path = workdir / "bot.log"
        self.env = bot_env(telegram, self.panel, self.database_path, admin_ids, settings)
        self.process: Child | None = None
        self._ended_by_us = False
        self.starts = 0
        self._run_from = 0  # where the current run's lines begin in the log
        self._polls_before = 0  # getUpdates calls before the current run

    def use_ops(self) -> str:
        """Serve /healthz, /readyz and /metrics from the next start, on a free port of
        127.0.0.1; the base URL of that server."""
        port = free_port()
        self.env["OPS_LISTEN"] = f"127.0.0.1:{port}"
        return f"http://127.0.0.1:{port}"

    def use_webhook(self, secret: str = WEBHOOK_SECRET) -> str:
        """Run in webhook mode from the next start, on a free port of 127.0.0.1; the base
        URL of its server (the webhook is `{base}/telegram`)."""
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        self.env |= {
            "WEBHOOK_URL": f"{base}/telegram",
            "WEBHOOK_LISTEN": f"127.0.0.1:{port}",
            "WEBHOOK_SECRET": secret,
            # The fake Telegram posts from 127.0.0.1, no address of Telegram's.
            "WEBHOOK_IP_FILTER": "false",
        }
        return base

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    @property
    def exited_by_itself(self) -> bool:
        """The process ended without being stopped or killed: it crashed or gave up."""
        return self.process is not None and not self.running and not self._ended_by_us

    # --- the process -------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the bot and return once it polls Telegram (or, with WEBHOOK_URL, has set its
        webhook); fail with its log if it exits."""
        if self.running:
            raise RuntimeError("the bot is already running")
        polls = self._polls_before = self.telegram.polls
        webhooks = len(self.telegram.calls_of("setWebhook"))

        def serving() -> bool | None:
            if self.telegram.polls > polls:
                return True
            return True if len(self.telegram.calls_of("setWebhook")) > webhooks else None

        self.starts += 1
        self._ended_by_us = False
        with self.log_path.open("ab") as log:
            log.write(f"----- start {self.starts} -----\n".encode())
            self._run_from = log.tell()
        # `python -m bot`, forked from an interpreter that imported it once; in the workdir,
        # so no stray .env is read.
        self.process = await fork_server().start(self.env, self.workdir, self.log_path)
        polling = asyncio.ensure_future(
            self.telegram.wait_for(
                serving, "the bot's first getUpdates or setWebhook", START_WITHIN
            )
        )
        exited = asyncio.ensure_future(self.process.wait())
        await asyncio.wait({polling, exited}, return_when=asyncio.FIRST_COMPLETED)
        if exited.done():
            polling.cancel()
            raise AssertionError(f"the bot exited with {exited.result()}:\n{self.run_log()}")
        exited.cancel()
        try:
            await polling
        except AssertionError:
            raise AssertionError(f"the bot does not poll:\n{self.run_log()}") from None

    async def settled(self) -> None:
        """Wait until the bot has finished with every update it has taken: at rest, nothing
        half done. (aiogram logs each update when its handler returns.)"""

        def all_handled() -> bool:
            log = self.run_log()
            updates = self.telegram.delivered_since(self._polls_before)
            return all(f"Update id={update.update_id} is " in log for update in updates)

        await eventually(all_handled, "the bot to finish handling its updates")

    async def stop(self) -> str:
        """SIGTERM, as `docker stop` sends it: the process must exit 0 with a clean log.
        Returns this run's log."""
        process = self._process()
        self._ended_by_us = True
        process.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(STOP_WITHIN):
                code = await process.wait()
        except TimeoutError:
            raise AssertionError(
                f"still running {STOP_WITHIN:g} s after SIGTERM:\n{self.run_log()}"
            ) from None
        log = self.run_log()
        assert code == 0, f"exit code {code}:\n{log}"
        self.check_log(log)
        return log

    async def kill(self) -> str:
        """SIGKILL: the process gets no chance to clean up. Returns this run's log."""
        process = self._process()
        self._ended_by_us = True
        process.kill()
        code = await process.wait()
        assert code == -signal.SIGKILL, f"exit code {code}:\n{self.run_log()}"
        return self.run_log()

    async def restart(self, how: signal.Signals = signal.SIGTERM) -> str:
        """Stop (SIGTERM) or kill (SIGKILL), then start again; the stopped run's log."""
        log = await (self.kill() if how is signal.SIGKILL else self.stop())
        await self.start()
        return log

    async def close(self) -> None:
        """Kill whatever is left running (test teardown)."""
        if self.running:
            await self.kill()

    def _process(self) -> Child:
        if self.process is None or not self.running:
            raise RuntimeError("the bot is not running")
        return self.process

    # --- its log -------------------------------------------------------------------------------

    def log(self) -> str:
        """Everything every run printed."""
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def run_log(self) -> str:
        """What the latest run printed."""
        with self.log_path.open("rb") as log:
            log.seek(self._run_from)
            return log.read().decode(errors="replace")

    def check_log(self, log: str) -> None:
        for bad in BAD_LOG_LINES:
            assert bad not in log, f"{bad!r} in the bot's log:\n{log}"
        secrets = (self.telegram.token.split(":", 1)[1], self.panel.key, WEBHOOK_SECRET)
        for secret in secrets:
            assert secret not in log, f"a secret in the bot's log:\n{log}"

    # --- its database --------------------------------------------------------------------------

    @asynccontextmanager
    async def database(self) -> AsyncIterator[Database]:
        """The bot's SQLite file, as another connection sees it."""
        async with await Database.open(self.database_path) as db:
            yield db

    async def fund(self, user_id: int, amount: str) -> None:
        """Credit a customer through the ledger; only while the bot is stopped, so the bot
        has no back door and never sees a balance change under its feet."""
        if self.running:
            raise RuntimeError("fund customers while the bot is stopped")
        async with self.database() as db:
            await fund(db, user_id, amount)

    async def customers(self, *user_ids: int) -> dict[int, Customer]:
        """What the database holds for these customers, once every balance is checked
        against its ledger."""
        found = {}
        async with self.database() as db:
            assert await LedgerRepo(db).check_consistency() == []
            for user_id in user_ids:
                user = await UsersRepo(db).get(user_id)
                assert user is not None, f"no user {user_id}"
                orders = await OrdersRepo(db).list_for_user(user_id, 100)
                found[user_id] = Customer(
                    user.balance,
                    user.language,
                    sorted((o.panel_order_id or "", o.status, o.charge) for o in orders),
                )
        return found

    async def ledger(self, user_id: int) -> list[tuple[str, Decimal]]:
        """The customer's ledger entries as (reason, amount), newest first (the latest 20,
        as LedgerRepo.entries gives them)."""
        async with self.database() as db:
            entries = await LedgerRepo(db).entries(user_id)
        return [(entry.reason, entry.amount) for entry in entries]


async def eventually(condition: Callable[[], bool], what: str, within: float = WAIT) -> None:
    """For state the fake Telegram server cannot signal (the bot's log, the panel
    emulator's requests): look again every few milliseconds until `within` runs out."""
    try:
        async with asyncio.timeout(within):
            while not condition():  # noqa: ASYNC110  # nothing to wait on but the condition
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"waited {within:g} s for {what}") from None
