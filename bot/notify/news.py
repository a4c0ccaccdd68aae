"""The one way to tell a customer something durable: the change and its message commit
together, and the outbox sender is woken once they have.

    async with news.transaction() as work:
        order = await orders.settle_placed(work.tx, order_id, panel_id)
        await work.tell(order.user_id, "settled-placed", values, order_id=order.id)

A crash keeps both the change and its message or neither. The sender is woken only after
the commit: woken earlier it could look before the message is there and go back to sleep
until its next idle check. Nothing queued (the block raised, or the outbox already had this
news of this order) wakes nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager

from bot.storage import Database, OutboxArg, OutboxRepo, Transaction


class Work:
    """One transaction's changes and messages; valid only inside its `News.transaction()`."""

    def __init__(self, tx: Transaction, outbox: OutboxRepo) -> None:
        self.tx = tx
        self._outbox = outbox
        self.queued = False

    async def tell(
        self,
        user_id: int,
        key: str,
        values: Mapping[str, OutboxArg],
        *,
        order_id: int | None = None,
        ref: str | None = None,
    ) -> bool:
        """Queue message `key` for the user; False if this order was told `key` (about
        `ref`) before: news of an order is told once, whoever noticed it first."""
        queued = await self._outbox.add(self.tx, user_id, key, values, order_id=order_id, ref=ref)
        self.queued = self.queued or queued
        return queued


class News:
    def __init__(self, db: Database, outbox: OutboxRepo, wake: Callable[[], None]) -> None:
        self._db = db
        self._outbox = outbox
        self._wake = wake

    @asynccontextmanager
    async def transaction(self, *, durable: bool = False) -> AsyncIterator[Work]:
        """Commits on success and then wakes the sender if something was queued; rolls back
        (and wakes nothing) on any exception. `durable`: `Database.transaction`'s."""
        async with self._db.transaction(durable=durable) as tx:
            work = Work(tx, self._outbox)
            yield work
        if work.queued:
            self._wake()
