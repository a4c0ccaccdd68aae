"""Card transfers: a pending top-up (`topups`, method `transfer`) and what belongs to it
alone: the amount the customer said they would send, the receipt they sent, the admins'
copies of it, and who decided and why.

A request is waiting for its receipt until one comes, then waiting for the admins; the
top-up's own status says whether it is still pending (`invoiced`), credited (`paid`) or
never to be (`cancelled`). One pending request per customer: a unique index says so.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from bot.money import from_minor, to_minor
from bot.storage.db import Database, Row, StorageError, Transaction, from_row, parse_time, utcnow
from bot.storage.topups import Topup, TopupsRepo, TopupStatus

TRANSFER = "transfer"  # the method's name on top-ups and ledger rows


class Outcome(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # by the customer


@dataclass(frozen=True)
class Transfer:
    topup: Topup
    asked: Decimal  # what the customer said they would send
    file_id: str | None
    file_unique_id: str | None
    file_kind: str | None  # "photo" or "document"
    receipt_at: datetime | None
    outcome: str | None
    decided_by: int | None
    reason: str | None

    @property
    def id(self) -> int:
        return self.topup.id

    @property
    def pending(self) -> bool:
        return self.topup.status == TopupStatus.INVOICED

    @property
    def awaits_receipt(self) -> bool:
        return self.pending and self.file_id is None


@dataclass(frozen=True)
class Copy:
    """An admin's copy of a receipt, edited when the request is decided."""

    chat_id: int
    message_id: int


class TransferPending(StorageError):
    """The customer has a pending transfer already; nothing was created."""

    def __init__(self, transfer: Transfer) -> None:
        super().__init__(f"transfer {transfer.id} is pending")
        self.transfer = transfer


_SELECT = "SELECT * FROM topups JOIN transfers ON transfers.topup_id = topups.id"


class TransfersRepo:
    def __init__(self, db: Database, topups: TopupsRepo) -> None:
        self._db = db
        self._topups = topups

    async def open(self, user_id: int, amount: Decimal, locale: str) -> Transfer:
        """A new pending request for `amount`. Raises `TransferPending` when the customer
        has one already (also when two taps race: the unique index decides)."""
        try:
            async with self._db.transaction() as tx:
                topup = await self._topups.create_in(tx, user_id, amount, locale, method=TRANSFER)
                await tx.execute(
                    "INSERT INTO transfers (topup_id, asked) VALUES (?, ?)",
                    (topup.id, to_minor(amount)),
                )
                transfer = await _get(tx, topup.id)
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorname != "SQLITE_CONSTRAINT_UNIQUE":
                raise
            pending = await self.pending_of(user_id)
            if pending is None:  # cancelled in between: a new request would go in now
                raise
            raise TransferPending(pending) from None
        if transfer is None:  # cannot happen: inserted just above
            raise StorageError("transfer vanished")
        return transfer

    async def get(self, topup_id: int) -> Transfer | None:
        row = await self._db.fetchone(f"{_SELECT} WHERE topups.id = ?", (topup_id,))
        return None if row is None else _transfer(row)

    async def get_in(self, tx: Transaction, topup_id: int) -> Transfer | None:
        return await _get(tx, topup_id)

    async def pending_of(self, user_id: int) -> Transfer | None:
        row = await self._db.fetchone(
            f"{_SELECT} WHERE topups.method = ? AND topups.status = ? AND topups.user_id = ?",
            (TRANSFER, TopupStatus.INVOICED, user_id),
        )
        return None if row is None else _transfer(row)

    async def waiting(self, limit: int = 50) -> list[Transfer]:
        """Pending requests, oldest first."""
        rows = await self._db.fetchall(
            f"{_SELECT} WHERE topups.method = ? AND topups.status = ? ORDER BY topups.id LIMIT ?",
            (TRANSFER, TopupStatus.INVOICED, limit),
        )
        return [_transfer(row) for row in rows]

    async def attach_receipt(
        self, topup_id: int, file_id: str, file_unique_id: str, kind: str
    ) -> tuple[Transfer, int | None] | None:
        """Keep the receipt of a request waiting for one; the request and the number of an
        earlier request the same file was sent for (None: a new file). None when the request
        has a receipt already or is no longer pending: nothing changed."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE transfers SET file_id = ?, file_unique_id = ?, file_kind = ?,"
                " receipt_at = ? WHERE topup_id = ? AND receipt_at IS NULL"
                " AND EXISTS (SELECT 1 FROM topups WHERE id = ? AND status = ?)",
                (file_id, file_unique_id, kind, utcnow(), topup_id, topup_id, TopupStatus.INVOICED),
            )
            if not changed:
                return None
            seen = await tx.fetchone(
                "SELECT min(topup_id) AS first FROM transfers"
                " WHERE file_unique_id = ? AND topup_id != ?",
                (file_unique_id, topup_id),
            )
            transfer = await _get(tx, topup_id)
        if transfer is None:
            raise StorageError("transfer vanished")
        return transfer, (seen["first"] if seen else None)

    async def add_copy(self, topup_id: int, chat_id: int, message_id: int) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT OR IGNORE INTO transfer_copies (topup_id, chat_id, message_id)"
                " VALUES (?, ?, ?)",
                (topup_id, chat_id, message_id),
            )

    async def copies(self, topup_id: int) -> list[Copy]:
        rows = await self._db.fetchall(
            "SELECT chat_id, message_id FROM transfer_copies WHERE topup_id = ? ORDER BY rowid",
            (topup_id,),
        )
        return [Copy(row["chat_id"], row["message_id"]) for row in rows]

    async def decide(
        self,
        tx: Transaction,
        topup_id: int,
        outcome: Outcome,
        by: int,
        reason: str | None = None,
    ) -> None:
        """Record who decided, in the transaction that credited or cancelled the top-up."""
        await tx.execute(
            "UPDATE transfers SET outcome = ?, decided_by = ?, reason = ?, decided_at = ?"
            " WHERE topup_id = ? AND outcome IS NULL",
            (outcome, by, reason, utcnow(), topup_id),
        )

    async def due_reminders(self, received_before: str) -> list[Transfer]:
        """Pending requests whose receipt came before `received_before` and whose admins
        were not reminded yet, oldest first."""
        rows = await self._db.fetchall(
            f"{_SELECT} WHERE topups.method = ? AND topups.status = ?"
            " AND transfers.receipt_at < ? AND transfers.reminded_at IS NULL ORDER BY topups.id",
            (TRANSFER, TopupStatus.INVOICED, received_before),
        )
        return [_transfer(row) for row in rows]

    async def reminded(self, topup_ids: list[int]) -> None:
        async with self._db.transaction() as tx:
            for topup_id in topup_ids:
                await tx.execute(
                    "UPDATE transfers SET reminded_at = ? WHERE topup_id = ?",
                    (utcnow(), topup_id),
                )


async def _get(tx: Transaction, topup_id: int) -> Transfer | None:
    row = await tx.fetchone(f"{_SELECT} WHERE topups.id = ?", (topup_id,))
    return None if row is None else _transfer(row)


def _transfer(row: Row) -> Transfer:
    receipt_at = row["receipt_at"]
    return Transfer(
        topup=from_row(Topup, row),
        asked=from_minor(row["asked"]),
        file_id=row["file_id"],
        file_unique_id=row["file_unique_id"],
        file_kind=row["file_kind"],
        receipt_at=None if receipt_at is None else parse_time(receipt_at),
        outcome=row["outcome"],
        decided_by=row["decided_by"],
        reason=row["reason"],
    )
