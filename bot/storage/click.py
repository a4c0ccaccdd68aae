"""Click's transactions: one row per `click_trans_id` Click prepared for a top-up. Its id is
the `merchant_prepare_id` (and, once completed, the `merchant_confirm_id`) Click is answered.

The top-up (`topups`) holds what is owed and whether it was credited; every step here runs
in the caller's transaction, beside the top-up's own change.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.db import Row, StorageError, Transaction, from_row, utcnow


class ClickStatus(StrEnum):
    PREPARED = "prepared"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class ClickTransaction:
    id: int  # our merchant_prepare_id
    click_trans_id: int
    click_paydoc_id: int
    topup_id: int
    status: str
    prepared_at: datetime
    finished_at: datetime | None
    error: int | None


class ClickRepo:
    async def by_click_id(self, tx: Transaction, click_trans_id: int) -> ClickTransaction | None:
        row = await tx.fetchone(
            "SELECT * FROM click_transactions WHERE click_trans_id = ?", (click_trans_id,)
        )
        return None if row is None else _transaction(row)

    async def prepare(
        self, tx: Transaction, click_trans_id: int, click_paydoc_id: int, topup_id: int
    ) -> ClickTransaction:
        row = await tx.fetchone(
            "INSERT INTO click_transactions"
            " (click_trans_id, click_paydoc_id, topup_id, status, prepared_at)"
            " VALUES (?, ?, ?, ?, ?) RETURNING *",
            (click_trans_id, click_paydoc_id, topup_id, ClickStatus.PREPARED, utcnow()),
        )
        return _transaction(row)

    async def finish(
        self, tx: Transaction, prepare_id: int, status: ClickStatus, error: int | None = None
    ) -> ClickTransaction:
        row = await tx.fetchone(
            "UPDATE click_transactions SET status = ?, finished_at = ?, error = ?"
            " WHERE id = ? RETURNING *",
            (status, utcnow(), error, prepare_id),
        )
        return _transaction(row)


def _transaction(row: Row | None) -> ClickTransaction:
    if row is None:  # cannot happen: each caller's statement returns its row
        raise StorageError("click statement returned nothing")
    return from_row(ClickTransaction, row)
