"""The notification drain: N queued notifications sent through the real outbox sender to the
fake Bot API on 127.0.0.1, at `NOTIFY_RATE`.

    python -m bench.notify [--count 10000] [--rate 30] [--chats 1000]

What Telegram would see: the most sends in any rolling second (above the rate, Telegram
answers 429), the shortest gap between two sends into one chat (under 1 s, the same), and the
rate sustained from the first send to the last, against the configured rate.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from bench.table import Row, render
from bot.app import create_bot
from bot.i18n import Translator
from bot.notify.sender import OutboxSender
from bot.settings import load_settings
from bot.storage import BroadcastsRepo, Database, OutboxRepo, UsersRepo
from tests.e2e.bot_process import TOKEN
from tests.e2e.fake_telegram import running_telegram

DRAIN_WITHIN = 3600.0


def most_in_a_second(times: list[float]) -> int:
    """The most sends in any window of one second (rolling, not calendar seconds)."""
    most, first = 0, 0
    for last, moment in enumerate(times):
        while moment - times[first] >= 1.0:
            first += 1
        most = max(most, last - first + 1)
    return most


def over_the_rate(times: list[float], rate: float) -> int:
    """Sends that found `rate` sends already in the second before them: each a 429."""
    over, first = 0, 0
    for last, moment in enumerate(times):
        while moment - times[first] >= 1.0:
            first += 1
        if last - first + 1 > rate:
            over += 1
    return over


async def measure(count: int, rate: float, chats: int) -> list[Row]:
    with tempfile.TemporaryDirectory(prefix="bench-notify-") as workdir:
        async with running_telegram(TOKEN) as telegram:
            settings = load_settings(
                _env_file=None,
                bot_token=TOKEN,
                panel_api_url="http://127.0.0.1:9/api/v2",  # never asked
                panel_api_key="unused",
                telegram_api_url=telegram.url,
                database_path=Path(workdir) / "bot.sqlite3",
                notify_rate=rate,
            )
            async with await Database.open(settings.database_path) as db:
                users, outbox = UsersRepo(db), OutboxRepo(db)
                for chat in range(chats):
                    _ = telegram.user(700_001 + chat, f"C{chat}").chat  # the person opened it
                    await users.ensure(700_001 + chat)
                async with db.transaction() as tx:
                    for n in range(count):
                        args = {"amount": "5 UZS", "balance": f"{n} UZS"}
                        await outbox.add(tx, 700_001 + n % chats, "credit-notice", args)
                sender = OutboxSender(
                    outbox=outbox,
                    users=users,
                    translator=Translator(),
                    default_locale=settings.default_locale,
                    rate=rate,
                    broadcasts=BroadcastsRepo(db),
                    markups={},
                )
                bot = create_bot(settings)
                try:
                    sent = 0
                    cpu = time.process_time()
                    async with asyncio.timeout(DRAIN_WITHIN):
                        while sent < count:
                            outcomes = await sender.run_once(bot)
                            if not outcomes:
                                await asyncio.sleep(0.05)
                            sent += sum(outcomes.values())
                    cpu = time.process_time() - cpu
                finally:
                    await bot.session.close()
        sends = telegram.calls_of("sendMessage")
        times = sorted(call.at for call in sends)
        per_chat: dict[int, list[float]] = defaultdict(list)
        for call in sends:
            per_chat[int(call.params["chat_id"])].append(call.at)
        gaps = [
            b - a
            for moments in per_chat.values()
            for a, b in zip(sorted(moments), sorted(moments)[1:], strict=False)
        ]
        sustained = (len(times) - 1) / (times[-1] - times[0])
        return [
            Row(
                f"notify: {count:,} drained, sustained rate", sustained, rate, "/s", "target ≥ 0.95"
            ),
            Row(
                "notify: most sends in a rolling second",
                most_in_a_second(times),
                rate,
                "",
                "target ≤ 1",
            ),
            Row(
                "notify: sends over the rate (429s)",
                over_the_rate(times, rate),
                None,
                "",
                "target 0",
            ),
            Row("notify: shortest gap in one chat", min(gaps, default=1.0), 1.0, "s", "target ≥ 1"),
            Row(
                "notify: CPU per 1,000 sends",
                cpu * 1000 / len(times) * 1000,
                None,
                "ms",
                "fake API included",
            ),
        ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=30)
    parser.add_argument("--chats", type=int, default=1000)
    args = parser.parse_args()
    print(render(asyncio.run(measure(args.count, args.rate, args.chats))))


if __name__ == "__main__":
    main()
