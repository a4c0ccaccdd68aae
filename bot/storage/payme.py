"""Payme's transactions: one row per transaction Payme created for a top-up, with its times
(ms, as Payme's Merchant API states them), its state and its cancel reason.

The top-up (`topups`) holds what is owed and whether it was credited; this table holds
what Payme was told, so every repeated call is answered exactly as the first.
Every step runs in the caller's transaction, beside the top-up's own change.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from bot.storage.db import Database, Row, StorageError, Transaction, from_row


class PaymeState(IntEnum):
    CREATED = 1
    PERFORMED = 2
    CANCELLED = -1  # before it was performed
    CANCELLED_AFTER_PERFORM = -2


@dataclass(frozen=True)
class PaymeTransaction:
    number: int  # ours (its rowid): the `transaction` Payme is answered
    id: str  # Payme's
    topup_id: int
    time: int  # Payme's creation time, ms
    amount: int  # tiyin
    state: int
    reason: int | None
    create_time: int
    perform_time: int
    cancel_time: int


class PaymeRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, tx: Transaction, transaction_id: str) -> PaymeTransaction | None:
        row = await tx.fetchone(
            "SELECT rowid AS number, * FROM payme_transactions WHERE id = ?", (transaction_id,)
        )
        return None if row is None else _transaction(row)

    async def live(self, tx: Transaction, topup_id: int) -> PaymeTransaction | None:
        """The top-up's transaction waiting to be performed, or performed; None if none."""
        row = await tx.fetchone(
            "SELECT rowid AS number, * FROM payme_transactions"
            " WHERE topup_id = ? AND state IN (1, 2)",
            (topup_id,),
        )
        return None if row is None else _transaction(row)

    async def create(
        self, tx: Transaction, transaction_id: str, topup_id: int, time: int, amount: int, now: int
    ) -> PaymeTransaction:
        row = await tx.fetchone(
            "INSERT INTO payme_transactions (id, topup_id, time, amount, state, create_time)"
            " VALUES (?, ?, ?, ?, ?, ?) RETURNING rowid AS number, *",
            (transaction_id, topup_id, time, amount, PaymeState.CREATED, now),
        )
        return _transaction(row)

    async def performed(self, tx: Transaction, transaction_id: str, now: int) -> PaymeTransaction:
        row = await tx.fetchone(
            "UPDATE payme_transactions SET state = ?, perform_time = ?"
            " WHERE id = ? RETURNING rowid AS number, *",
            (PaymeState.PERFORMED, now, transaction_id),
        )
        return _transaction(row)

    async def cancelled(
        self, tx: Transaction, transaction_id: str, state: PaymeState, reason: int, now: int
    ) -> PaymeTransaction:
        row = await tx.fetchone(
            "UPDATE payme_transactions SET state = ?, reason = ?, cancel_time = ?"
            " WHERE id = ? RETURNING rowid AS number, *",
            (state, reason, now, transaction_id),
        )
        return _transaction(row)

    async def statement(self, start: int, end: int) -> list[PaymeTransaction]:
        """Transactions Payme created from `start` to `end` (ms, both included), oldest first."""
        rows = await self._db.fetchall(
            "SELECT rowid AS number, * FROM payme_transactions"
            " WHERE time BETWEEN ? AND ? ORDER BY time, id",
            (start, end),
        )
        return [_transaction(row) for row in rows]


def _transaction(row: Row | None) -> PaymeTransaction:
    if row is None:  # cannot happen: each caller's statement returns its row
        raise StorageError("payme statement returned nothing")
    return from_row(PaymeTransaction, row)
