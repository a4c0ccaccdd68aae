"""Payments first: a pre-checkout query (Telegram drops the payment unless it is answered
within 10 s) and a successful payment never wait behind a queue of ordinary updates.

Both polling and the webhook hand every update to `Dispatcher.feed_update` as a task of its
own, and asyncio runs ready tasks in turn: under a burst of a thousand updates, a
pre-checkout query's few steps each waited for a thousand others' (184 of 320 answered
late). So ordinary updates take one of a bounded number of places (after their customer's
own lock), while payments go straight in; waiting for a place costs the loop nothing.

A pre-checkout query also skips the per-user event isolation: its handler reads one row and
touches no conversation, so it need not wait for the same customer's earlier update (a
placement waiting on the panel). A successful payment keeps it: it may return the customer
to their order's summary, which is conversation state.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from contextlib import asynccontextmanager
from contextvars import ContextVar
from enum import Enum
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.fsm.storage.base import BaseEventIsolation, StorageKey
from aiogram.types import Update

# Ordinary updates handled at once: enough that a few handlers waiting on the panel do not
# hold up the rest, few enough that the ready queue a payment's steps wait in stays short.
ORDINARY_AT_ONCE = 32


class Lane(Enum):
    ORDINARY = "ordinary"  # the customer's lock, then one of the places
    PAYMENT = "payment"  # a successful payment: the customer's lock, no place needed
    CHECKOUT = "checkout"  # a pre-checkout query: neither


_lane: ContextVar[Lane] = ContextVar("lane", default=Lane.ORDINARY)


def is_payment(update: Update) -> bool:
    return update.pre_checkout_query is not None or (
        update.message is not None and update.message.successful_payment is not None
    )


class FastLaneDispatcher(Dispatcher):
    """Marks each update's lane; `FastLaneIsolation` (its `events_isolation`) acts on it."""

    async def feed_update(self, bot: Bot, update: Update, **kwargs: Any) -> Any:
        if not is_payment(update):
            return await super().feed_update(bot, update, **kwargs)
        lane = Lane.CHECKOUT if update.pre_checkout_query is not None else Lane.PAYMENT
        token = _lane.set(lane)
        try:
            return await super().feed_update(bot, update, **kwargs)
        finally:
            _lane.reset(token)


class FastLaneIsolation(BaseEventIsolation):
    """`inner`'s per-user lock, then a place among the ordinary updates.

    The place is taken inside the customer's own lock, not before it: one customer's taps
    queued behind their own placement (waiting on the panel) hold no places, so they cannot
    keep every other customer waiting."""

    def __init__(
        self, inner: BaseEventIsolation, *, ordinary_at_once: int = ORDINARY_AT_ONCE
    ) -> None:
        self.inner = inner
        self._ordinary = asyncio.Semaphore(ordinary_at_once)

    @asynccontextmanager
    async def lock(self, key: StorageKey) -> AsyncGenerator[None, None]:
        lane = _lane.get()
        if lane is Lane.CHECKOUT:
            yield
            return
        async with self.inner.lock(key):
            if lane is Lane.PAYMENT:
                yield
                return
            async with self._ordinary:
                yield

    async def close(self) -> None:
        await self.inner.close()
