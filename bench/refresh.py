"""Taps while the catalogue refreshes: 10,000 services, `CATALOGUE_REFRESH=3`.

    python -m bench.refresh [--rounds 10]

The bot runs as a process (`python -m bot`, tests/e2e/bot_process.py) between the fake Bot
API server and the panel emulator, whose `services` answer (about 2 MB) is rendered once per
round here, so this process does little while the bot works. Each round: wait until the
catalogue is too old; customer A's /order starts a refresh (that tap is "the tap landing on
a refresh"); 50 ms later customer B sends /balance; then B taps on (/order and /balance in
turn, each waiting for its answer) until the bot logs the new catalogue and half a second
more, the first taps on the new snapshot ("during a refresh"), then for a second after that
("no refresh": the baseline, same process, same run).
Every other round the panel has changed a rate, so the shop's sync and the snapshot really
change; the others answer the same list again.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from bench.table import Row, percentile, render
from tests.e2e.bot_process import TOKEN, BotProcess, fork_server
from tests.e2e.fake_telegram import FakeUser, running_telegram
from tests.panel_emulator import EmulatedService, running_emulator
from tests.webapp.big_catalogue import SIZE, big_catalogue

MAX_AGE = 3.0  # CATALOGUE_REFRESH, as the issue measured it
TRIGGER, PROBE = 600_001, 600_002
AFTER_FOR = 0.5  # seconds of taps after the new catalogue is in hand, still "during"
QUIET_FOR = 1.0  # seconds of taps after those: well inside MAX_AGE, no refresh near
REFRESH_WITHIN = 30.0
# The bot's log line for a catalogue in hand (bot/catalogue/cache.py).
_REFRESHED = re.compile(r"catalogue \w+: \d+ services in \d+ categories")
# (what B types, a piece of the answer to wait for)
_TAPS = (("/order", "Choose a category"), ("/balance", "Your balance"))


async def _tap(user: FakeUser, text: str, expected: str) -> float:
    started = time.perf_counter()
    await user.send(text)
    await user.wait_for_text(expected, within=REFRESH_WITHIN)
    return time.perf_counter() - started


def _refreshes(bot: BotProcess) -> int:
    return len(_REFRESHED.findall(bot.run_log()))


def _answer(services: list[EmulatedService]) -> str:
    return json.dumps([service.render() for service in services])


@dataclass
class Taps:
    """One kind of round's figures, in seconds."""

    first: list[float] = field(default_factory=list)  # the tap starting the refresh
    balance: list[float] = field(default_factory=list)  # /balance 50 ms later
    during: list[float] = field(default_factory=list)
    quiet: list[float] = field(default_factory=list)


async def _round(bot: BotProcess, trigger: FakeUser, probe: FakeUser, taps: Taps) -> None:
    before = _refreshes(bot)
    first = asyncio.ensure_future(_tap(trigger, "/order", "Choose a category"))
    await asyncio.sleep(0.05)
    taps.balance.append(await _tap(probe, "/balance", "Your balance"))
    n = 0
    while _refreshes(bot) == before:
        taps.during.append(await _tap(probe, *_TAPS[n % 2]))
        n += 1
    # The first taps on the new snapshot pay for anything it builds when first used.
    until = time.perf_counter() + AFTER_FOR
    while time.perf_counter() < until:
        taps.during.append(await _tap(probe, *_TAPS[n % 2]))
        n += 1
    taps.first.append(await first)
    until = time.perf_counter() + QUIET_FOR
    while time.perf_counter() < until:
        taps.quiet.append(await _tap(probe, *_TAPS[n % 2]))
        n += 1


async def measure(rounds: int, size: int = SIZE) -> list[Row]:
    services = big_catalogue(size)
    same, changed = Taps(), Taps()
    with tempfile.TemporaryDirectory(prefix="bench-refresh-") as workdir:
        async with (
            running_telegram(TOKEN) as telegram,
            running_emulator(services=services) as panel,
        ):
            canned = panel.canned(_answer(services), action="services", times=None)
            bot = BotProcess(
                Path(workdir),
                telegram,
                panel,
                CATALOGUE_REFRESH=str(MAX_AGE),
                STATUS_POLL_INTERVAL="60",
            )
            await bot.start()
            try:
                trigger = telegram.user(TRIGGER, "A")
                probe = telegram.user(PROBE, "B")
                await _tap(trigger, "/order", "Choose a category")  # the first fetch
                await _tap(probe, "/balance", "Your balance")  # B is known
                # This process's own collections (it holds the fake Telegram, the emulator
                # and 10,000 services) would stall the fake Telegram: pauses not the bot's.
                gc.disable()
                for number in range(rounds):
                    taps = changed if number % 2 else same
                    if taps is changed:
                        rate = Decimal(number) / 100 + 1
                        services[-1] = replace(services[-1], rate=rate)
                        canned.body = _answer(services)
                    await asyncio.sleep(MAX_AGE + 0.3 - AFTER_FOR - QUIET_FOR)
                    await _round(bot, trigger, probe, taps)
                    print(
                        f"  round {number + 1} ({'changed' if taps is changed else 'same'}):"
                        f" tap {taps.first[-1] * 1000:.0f} ms,"
                        f" /balance {taps.balance[-1] * 1000:.0f} ms",
                        file=sys.stderr,
                    )
                await bot.stop()
            finally:
                gc.enable()
                await bot.close()
    return _rows("the same list", same) + _rows("a changed list", changed) + _quiet(same, changed)


def _ms(values: list[float], share: float) -> float:
    return percentile(values, share) * 1000


def _rows(what: str, taps: Taps) -> list[Row]:
    base = _ms(taps.quiet, 0.5)
    rounds = f"worst of {len(taps.first)}"
    return [
        Row(f"refresh, {what}: the tap starting it", max(taps.first) * 1000, base, "ms", rounds),
        Row(f"refresh, {what}: /balance 50 ms later", max(taps.balance) * 1000, base, "ms", rounds),
        Row(f"refresh, {what}: taps during, p50", _ms(taps.during, 0.5), base, "ms"),
        Row(
            f"refresh, {what}: taps during, p95",
            _ms(taps.during, 0.95),
            _ms(taps.quiet, 0.95),
            "ms",
            f"{len(taps.during)} taps; vs no refresh",
        ),
        Row(
            f"refresh, {what}: taps during, max",
            max(taps.during) * 1000,
            max(taps.quiet) * 1000,
            "ms",
            "vs no refresh",
        ),
    ]


def _quiet(*kinds: Taps) -> list[Row]:
    quiet = [tap for taps in kinds for tap in taps.quiet]
    return [Row("refresh: taps with none near, p50", _ms(quiet, 0.5), None, "ms", f"{len(quiet)}")]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.refresh")
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--services", type=int, default=SIZE)
    args = parser.parse_args()
    if args.rounds < 2:
        parser.error("--rounds: at least 2 (the same list, then a changed one)")
    try:
        print(render(asyncio.run(measure(args.rounds, args.services))))
    finally:
        fork_server().close()


if __name__ == "__main__":
    main()
