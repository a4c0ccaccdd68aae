"""The whole order conversation under a crowd: the shop bot against a bare aiogram bot.

    python -m bench.conversation [--customers 100] [--pairs 3]

Both run as real processes against the fake Bot API server (tests/e2e/fake_telegram.py),
the shop bot also against the panel emulator, each side with a fresh server, database and
panel. Every customer at once walks /order → category → service → link → quantity →
Confirm, waiting for each answer as a person does. The sides alternate (bare, shop, then
shop, bare, ...) so a slower stretch of the shared machine hits both; each figure is the
median of the pairs, with the range.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.table import Row, median_range, percentile
from tests.conftest import fund
from tests.e2e.bot_process import ROOT, TOKEN, BotProcess
from tests.e2e.fake_telegram import FakeTelegram, FakeUser, running_telegram
from tests.panel_emulator import running_emulator

# (what the customer does, its argument, a piece of the answer to wait for)
STEPS = (
    ("send", "/order", "Choose a category"),
    ("press", "Telegram Members", "Choose a service"),
    ("partial", "7-day Join", "Send the link to the channel"),
    ("send", "@shop_channel", "How many?"),
    ("send", "100", "Check your order"),
    ("press", "✅ Confirm and pay", "Order placed"),
)
FIRST_CUSTOMER = 500_001
ANSWER_WITHIN = 120.0  # a step not answered by then is a failure, not a figure
STOP_WITHIN = 30.0


@dataclass(frozen=True)
class Side:
    updates_per_second: float
    cpu_ms_per_update: float
    latencies: list[float]  # seconds, one per step
    start_up: float  # seconds from spawning the process to its first getUpdates


def _cpu_seconds(pid: int) -> float:
    """User and system CPU the process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def _customer(user: FakeUser, latencies: list[float]) -> None:
    for action, argument, expected in STEPS:
        started = time.perf_counter()
        if action == "send":
            await user.send(argument)
        else:
            await user.press(argument, partial=action == "partial")
        await user.wait_for_text(expected, within=ANSWER_WITHIN)
        latencies.append(time.perf_counter() - started)


async def _crowd(
    telegram: FakeTelegram, pid: int, customers: int
) -> tuple[float, float, list[float]]:
    users = [telegram.user(FIRST_CUSTOMER + n, f"C{n}") for n in range(customers)]
    latencies: list[float] = []
    cpu = _cpu_seconds(pid)
    started = time.perf_counter()
    await asyncio.gather(*(_customer(user, latencies) for user in users))
    elapsed = time.perf_counter() - started
    updates = customers * len(STEPS)
    return updates / elapsed, (_cpu_seconds(pid) - cpu) * 1000 / updates, latencies


async def shop_side(customers: int) -> Side:
    with tempfile.TemporaryDirectory(prefix="bench-shop-") as workdir:
        async with (
            running_telegram(TOKEN) as telegram,
            running_emulator(balance="100000000") as emulator,
        ):
            # Sweeps at the default pace: the benchmark measures the conversation.
            bot = BotProcess(Path(workdir), telegram, emulator, STATUS_POLL_INTERVAL="60")
            async with bot.database() as db:
                for n in range(customers):
                    await fund(db, FIRST_CUSTOMER + n, "1000")
            started = time.perf_counter()
            await bot.start()
            start_up = time.perf_counter() - started
            assert bot.process is not None
            try:
                rate, cpu, latencies = await _crowd(telegram, bot.process.pid, customers)
                await bot.stop()
            finally:
                await bot.close()
            assert not telegram.mistakes, telegram.mistakes
            return Side(rate, cpu, latencies, start_up)


async def bare_side(customers: int) -> Side:
    async with running_telegram(TOKEN) as telegram:
        env = os.environ | {
            "PYTHONPATH": str(ROOT),
            "TELEGRAM_API_URL": telegram.url,
            "BOT_TOKEN": TOKEN,
        }
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bench.bare_bot",
            env=env,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        try:
            await telegram.wait_for(lambda: telegram.polls or None, "the bare bot to poll", 60)
            start_up = time.perf_counter() - started
            rate, cpu, latencies = await _crowd(telegram, process.pid, customers)
            process.send_signal(signal.SIGTERM)
            async with asyncio.timeout(STOP_WITHIN):
                await process.wait()
        finally:
            if process.returncode is None:
                process.kill()
                await process.wait()
        assert not telegram.mistakes, telegram.mistakes
        return Side(rate, cpu, latencies, start_up)


async def measure(customers: int, pairs: int) -> list[Row]:
    shop: list[Side] = []
    bare: list[Side] = []
    for pair in range(pairs):
        if pair % 2 == 0:
            bare.append(await bare_side(customers))
            shop.append(await shop_side(customers))
        else:
            shop.append(await shop_side(customers))
            bare.append(await bare_side(customers))
        print(
            f"  pair {pair + 1}: shop {shop[-1].updates_per_second:.1f} updates/s,"
            f" bare {bare[-1].updates_per_second:.1f}",
            file=sys.stderr,
        )

    def row(what: str, unit: str, pick: str) -> Row:
        values = [getattr(side, pick) for side in shop]
        baseline = [getattr(side, pick) for side in bare]
        median, low, high = median_range(values)
        return Row(
            what,
            median,
            statistics.median(baseline),
            unit,
            f"shop {low:.3g}-{high:.3g}; median of {pairs}",
        )

    def latency(share: float, name: str) -> Row:
        values = [percentile(side.latencies, share) * 1000 for side in shop]
        baseline = [percentile(side.latencies, share) * 1000 for side in bare]
        median, low, high = median_range(values)
        return Row(
            f"order conversation: step latency {name}",
            median,
            statistics.median(baseline),
            "ms",
            f"shop {low:.0f}-{high:.0f}",
        )

    title = f"order conversation ({customers} customers)"
    return [
        row(f"{title}: updates/s", "/s", "updates_per_second"),
        row("order conversation: CPU per update", "ms", "cpu_ms_per_update"),
        latency(0.5, "p50"),
        latency(0.99, "p99"),
        row("start-up to first getUpdates", "s", "start_up"),
    ]


def main() -> None:
    from bench.table import render

    parser = argparse.ArgumentParser()
    parser.add_argument("--customers", type=int, default=100)
    parser.add_argument("--pairs", type=int, default=3)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.customers, args.pairs))))


if __name__ == "__main__":
    main()
