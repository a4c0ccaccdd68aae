"""The outbox: messages to customers, queued in the transaction of what they report.

A status change and its notification commit together, so a restart can neither lose the
message nor queue it twice. A row is pending until it is marked sent or dropped; the
sender (`bot.notify.sender`) renders it in the customer's language only when it sends it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

from bot.formats import Money
from bot.panel.status import FINAL
from bot.storage.db import Database, Transaction, from_row, parse_time, utcnow

# JSON keeps these exactly. Money is queued as a value (its amount as text, so exact) and
# written out in the customer's language when sent; rows queued before hold text already.
OutboxArg = str | int | Money
_MONEY = "money"


def _encode(value: object) -> dict[str, str | int | None]:
    if not isinstance(value, Money):
        raise TypeError(f"{type(value).__name__} cannot be queued")
    return {
        _MONEY: str(value.amount),
        "decimals": value.decimals,
        "currency": value.currency,
        "rounding": value.rounding,
    }


def _decode(item: dict[str, object]) -> object:
    if isinstance(amount := item.get(_MONEY), str):
        decimals, currency, rounding = item["decimals"], item["currency"], item["rounding"]
        if isinstance(decimals, int | None) and isinstance(currency, str):
            return Money(Decimal(amount), decimals, currency, str(rounding))
    return item


def dump_values(args: Mapping[str, OutboxArg]) -> str:
    return json.dumps(dict(args), ensure_ascii=False, default=_encode)


class _Values:
    args: str  # JSON object

    @property
    def values(self) -> dict[str, OutboxArg]:
        values: dict[str, OutboxArg] = json.loads(self.args, object_hook=_decode)
        return values


@dataclass(frozen=True)
class Outgoing(_Values):
    """A pending message with what the sender needs to know about its addressee."""

    id: int
    user_id: int
    order_id: int | None
    key: str
    args: str  # JSON object
    attempts: int
    created_at: datetime
    language: str | None
    telegram_language: str | None
    blocked: bool
    broadcast_id: int | None  # a copy of a broadcast, sent at most once
    claimed_at: datetime | None
    broadcasts: bool  # the addressee still wants broadcasts


@dataclass(frozen=True)
class OutboxRow(_Values):
    id: int
    user_id: int
    order_id: int | None
    key: str
    args: str
    created_at: datetime
    attempts: int
    next_attempt_at: datetime
    sent_at: datetime | None
    dropped_at: datetime | None
    drop_reason: str | None


class OutboxRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(
        self,
        tx: Transaction,
        user_id: int,
        key: str,
        args: Mapping[str, OutboxArg],
        *,
        order_id: int | None = None,
        ref: str | None = None,
    ) -> bool:
        """Queue message `key` in the caller's transaction; False if this order already has
        one with this key and `ref` (news of an order is told once, whoever noticed it
        first; `ref` tells apart news that may come more than once, e.g. each refill's), or
        if the order was placed through the API by a customer who turned that news off
        (`/api notify off`): the one place every order's news passes."""
        now = utcnow()
        changed = await tx.execute(
            "INSERT INTO outbox (user_id, order_id, key, args, created_at, next_attempt_at, ref)"
            " SELECT ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM orders"
            " JOIN api_keys ON api_keys.user_id = orders.user_id"
            " WHERE orders.id = ? AND orders.via = 'api' AND api_keys.notify = 0)"
            " ON CONFLICT DO NOTHING",
            (user_id, order_id, key, dump_values(args), now, now, ref, order_id),
        )
        return changed == 1

    async def due(self, limit: int = 100) -> list[Outgoing]:
        """Pending messages whose time has come, oldest first.

        A customer's messages go in order: while their oldest pending message waits for a
        retry, the ones after it wait too.
        """
        rows = await self._db.fetchall(
            "SELECT outbox.id, outbox.user_id, outbox.order_id, outbox.key, outbox.args,"
            " outbox.attempts, outbox.created_at,"
            " users.language, users.telegram_language, users.blocked,"
            " outbox.broadcast_id, outbox.claimed_at, users.broadcasts"
            " FROM outbox"
            " JOIN outbox_heads AS heads ON heads.user_id = outbox.user_id"
            " JOIN outbox AS head ON head.id = heads.id"
            " JOIN users ON users.id = outbox.user_id"
            " WHERE outbox.sent_at IS NULL AND outbox.dropped_at IS NULL"
            " AND head.next_attempt_at <= ?"
            " ORDER BY outbox.id LIMIT ?",
            (utcnow(), limit),
        )
        return [from_row(Outgoing, row) for row in rows]

    async def seconds_to_next(self) -> float | None:
        """How long until a pending message is due (0: one is now); None if none is pending."""
        row = await self._db.fetchone(
            "SELECT min(head.next_attempt_at)"
            " FROM outbox_heads AS heads JOIN outbox AS head ON head.id = heads.id"
        )
        if row is None or row[0] is None:
            return None
        return max(0.0, (parse_time(row[0]) - datetime.now(UTC)).total_seconds())

    async def mark_sent(self, message_id: int) -> None:
        await self._update(message_id, "sent_at = ?", utcnow())

    async def drop(self, message_id: int, reason: str) -> None:
        await self._update(message_id, "dropped_at = ?, drop_reason = ?", utcnow(), reason)

    async def retry_later(self, message_id: int, delay: float) -> None:
        await self._update(
            message_id, "attempts = attempts + 1, next_attempt_at = ?", utcnow(after=delay)
        )

    async def drop_pending(self, user_id: int, reason: str) -> int:
        """Drop everything still pending for the user; how many messages that was."""
        async with self._db.transaction() as tx:
            return await tx.execute(
                "UPDATE outbox SET dropped_at = ?, drop_reason = ?"
                " WHERE user_id = ? AND sent_at IS NULL AND dropped_at IS NULL",
                (utcnow(), reason, user_id),
            )

    async def for_user(self, user_id: int) -> list[OutboxRow]:
        """Everything queued for the user, oldest first, whatever became of it."""
        rows = await self._db.fetchall(
            "SELECT * FROM outbox WHERE user_id = ? ORDER BY id", (user_id,)
        )
        return [from_row(OutboxRow, row) for row in rows]

    async def pending(self) -> int:
        """How many messages wait to be sent."""
        row = await self._db.fetchone(
            "SELECT count(*) FROM outbox WHERE sent_at IS NULL AND dropped_at IS NULL"
        )
        return int(row[0]) if row else 0

    async def prune(self, before: str) -> int:
        """Delete messages sent or dropped before `before` (a `utcnow()` time); how many.

        Only those of orders that can say nothing more: a row of a live order is what keeps
        the same news from being queued twice (`outbox_once_per_order`).
        """
        async with self._db.transaction() as tx:
            return await tx.execute(
                "DELETE FROM outbox WHERE coalesce(sent_at, dropped_at) < ?"
                " AND (order_id IS NULL OR order_id IN"
                " (SELECT id FROM orders WHERE status IN (SELECT value FROM json_each(?))))",
                (before, json.dumps(sorted(FINAL))),
            )

    async def _update(self, message_id: int, assignments: str, *values: object) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                f"UPDATE outbox SET {assignments} WHERE id = ?"  # noqa: S608  # ours
                " AND sent_at IS NULL AND dropped_at IS NULL",
                (*values, message_id),
            )
