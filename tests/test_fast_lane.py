"""Payments go ahead of ordinary updates (bot/telegram/fast_lane.py): a pre-checkout query
waits neither for a place among the ordinary updates nor for the same customer's update
still running; a successful payment skips the queue but keeps the customer's order. The
whole bot under a burst: tests/e2e/test_checkout_burst.py."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from aiogram import Bot, Dispatcher, F, Router
from aiogram.fsm.storage.memory import SimpleEventIsolation
from aiogram.types import (
    Chat,
    Message,
    PreCheckoutQuery,
    SuccessfulPayment,
    Update,
    User,
)

from bot.telegram.fast_lane import FastLaneDispatcher, FastLaneIsolation, is_payment

_ids = iter(range(1, 10**6))


def message(user_id: int, **fields: Any) -> Update:
    user = User(id=user_id, is_bot=False, first_name="P")
    chat = Chat(id=user_id, type="private")
    now = datetime.now(UTC)
    sent = Message(message_id=next(_ids), date=now, chat=chat, from_user=user, **fields)
    return Update(update_id=next(_ids), message=sent)


def pre_checkout(user_id: int) -> Update:
    user = User(id=user_id, is_bot=False, first_name="P")
    query = PreCheckoutQuery(
        id=str(next(_ids)), from_user=user, currency="XTR", total_amount=1, invoice_payload="p"
    )
    return Update(update_id=next(_ids), pre_checkout_query=query)


def paid(user_id: int) -> Update:
    payment = SuccessfulPayment(
        currency="XTR",
        total_amount=1,
        invoice_payload="p",
        telegram_payment_charge_id=f"ch{next(_ids)}",
        provider_payment_charge_id="",
    )
    return message(user_id, successful_payment=payment)


async def until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(1000):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"never: {what}")


async def test_payments_pass_a_full_queue_and_a_checkout_passes_the_users_lock(bot: Bot) -> None:
    release = asyncio.Event()
    handled: list[str] = []
    running: list[int] = []
    router = Router()

    @router.message(F.successful_payment)
    async def on_paid(event: Message) -> None:
        assert event.from_user is not None
        handled.append(f"paid {event.from_user.id}")

    @router.message()
    async def slow(event: Message) -> None:
        assert event.from_user is not None
        running.append(event.from_user.id)
        await release.wait()  # a handler waiting on the panel
        handled.append(f"message {event.from_user.id}")

    @router.pre_checkout_query()
    async def on_checkout(query: PreCheckoutQuery) -> None:
        handled.append(f"checkout {query.from_user.id}")

    dp = FastLaneDispatcher(
        events_isolation=FastLaneIsolation(SimpleEventIsolation(), ordinary_at_once=2)
    )
    dp.include_router(router)
    ordinary = [
        asyncio.create_task(dp.feed_update(bot, message(user, text="x"))) for user in (1, 2, 3, 4)
    ]
    await until(lambda: len(running) == 2, "two ordinary updates running")
    assert sorted(running) == [1, 2]  # the other two wait for a place

    # User 1's own message is still running, and the queue is full: neither holds these up.
    await dp.feed_update(bot, pre_checkout(1))
    await dp.feed_update(bot, paid(7))
    assert handled == ["checkout 1", "paid 7"]
    # A payment still waits for its own customer's update in hand (it may touch their order).
    theirs = asyncio.create_task(dp.feed_update(bot, paid(2)))
    await asyncio.sleep(0.05)
    assert not theirs.done()

    release.set()
    await asyncio.gather(*ordinary, theirs)
    assert sorted(handled[2:]) == ["message 1", "message 2", "message 3", "message 4", "paid 2"]
    assert handled.index("paid 2") > handled.index("message 2")


async def test_one_customers_queued_taps_hold_no_places(bot: Bot) -> None:
    """Taps queued behind their own customer's placement wait for that customer alone."""
    release = asyncio.Event()
    running: list[int] = []
    router = Router()

    @router.message()
    async def slow(event: Message) -> None:
        assert event.from_user is not None
        running.append(event.from_user.id)
        if event.from_user.id == 1:
            await release.wait()  # customer 1's placement waiting on the panel

    dp = FastLaneDispatcher(
        events_isolation=FastLaneIsolation(SimpleEventIsolation(), ordinary_at_once=2)
    )
    dp.include_router(router)
    theirs = [asyncio.create_task(dp.feed_update(bot, message(1, text="x"))) for _ in range(5)]
    await until(lambda: running == [1], "customer 1's first tap running")
    # Four more of customer 1's taps are waiting, with two places in all: customer 9 is served.
    await asyncio.wait_for(dp.feed_update(bot, message(9, text="y")), 5)
    assert running == [1, 9]
    release.set()
    await asyncio.gather(*theirs)
    assert running == [1, 9, 1, 1, 1, 1]


def test_what_counts_as_a_payment() -> None:
    assert is_payment(pre_checkout(1))
    assert is_payment(paid(1))
    assert not is_payment(message(1, text="/start"))


def test_the_bot_uses_the_fast_lane(dp: Dispatcher) -> None:
    """`create_dispatcher` (what `python -m bot` runs) builds it with the fast lane."""
    assert isinstance(dp, FastLaneDispatcher)
    assert isinstance(dp.fsm.events_isolation, FastLaneIsolation)
