"""A burst: 1,000 updates arrive at once, about a third of them pre-checkout queries, and
every pre-checkout is answered within Telegram's 10 s (past it the customer's payment
fails). The bot is a real process polling the fake Telegram; the time counts from when
the query was queued (the customer pressing Pay) to the bot's answerPreCheckoutQuery."""

from __future__ import annotations

import itertools
import statistics
import time

import pytest

from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import PRE_CHECKOUT_DEADLINE, FakeTelegram, _Query

pytestmark = pytest.mark.e2e

UPDATES = 1000
EVERY = 3  # one update in EVERY is a pre-checkout query: 334 of 1,000
CUSTOMERS = 200
ORDINARY = ("/start", "/orders", "/balance", "/help", "/topup", "hello", "/order", "100")


def queue_pre_checkout(telegram: FakeTelegram, user_id: int, number: int) -> str:
    """Press Pay on an invoice: the payload names no top-up of ours, so the bot refuses it,
    after the same one indexed read an approval takes."""
    query_id = telegram.new_query_id()
    telegram._pre_checkouts[query_id] = _Query(user_id, time.monotonic())
    telegram.queue(
        "pre_checkout_query",
        {
            "id": query_id,
            "from": telegram.user(user_id).data,
            "currency": "XTR",
            "total_amount": 100,
            "invoice_payload": f"burst-{number}",
        },
    )
    return query_id


async def test_every_pre_checkout_in_a_burst_is_answered_within_10_s(
    bot_process: BotProcess, telegram: FakeTelegram
) -> None:
    await bot_process.start()
    users = [telegram.user(5000 + n, f"Burst{n}") for n in range(CUSTOMERS)]
    texts = itertools.cycle(ORDINARY)
    queries: list[str] = []
    for number in range(UPDATES):
        user = users[number % CUSTOMERS]
        if number % EVERY == 0:
            queries.append(queue_pre_checkout(telegram, user.id, number))
        else:
            await user.send(next(texts))

    def all_answered() -> bool | None:
        return all(telegram._pre_checkouts[q].answer is not None for q in queries) or None

    await telegram.wait_for(all_answered, "every pre-checkout answer", within=120)
    answered = {
        call.params["pre_checkout_query_id"]: call.at
        for call in telegram.calls_of("answerPreCheckoutQuery")
    }
    waits = sorted(answered[q] - telegram._pre_checkouts[q].queued_at for q in queries)
    await bot_process.settled()
    # The mechanism, whatever the machine's speed: payments went ahead of the queue, so
    # most ordinary replies came after the last pre-checkout answer, not before it.
    last = max(answered[q] for q in queries)
    replies = [call.at for call in telegram.calls_of("sendMessage")]
    before = sum(at < last for at in replies)
    late = sum(w > PRE_CHECKOUT_DEADLINE for w in waits)
    print(
        f"{len(queries)} pre-checkouts among {UPDATES} updates: median"
        f" {statistics.median(waits):.2f} s, slowest {waits[-1]:.2f} s, {late} late;"
        f" {before} of {len(replies)} ordinary replies sent before the last answer"
    )
    assert waits[-1] < PRE_CHECKOUT_DEADLINE
    assert before < len(replies) / 2
