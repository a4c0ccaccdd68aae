"""Broadcasts: an admin's message to every customer who still wants them.

A draft is what the admin previews. Confirming it queues one outbox row per recipient in
the same transaction that marks it sending, so a second Confirm (or a replayed tap) queues
nothing; the outbox sender delivers them at `NOTIFY_RATE` with everything else it sends.
Each row is claimed before its message goes and never sent again once claimed: a process
killed mid-send loses that one copy (counted failed) rather than sending it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.db import Database, StorageError, from_row, utcnow

# The outbox key of a broadcast's copies; its values name the broadcast.
BROADCAST_KEY = "broadcast"
# Why a copy was dropped without being sent.
BLOCKED = "blocked"
INTERRUPTED = "interrupted"
OPTED_OUT = "opted out"


class BroadcastStatus(StrEnum):
    DRAFT = "draft"
    SENDING = "sending"
    DONE = "done"


@dataclass(frozen=True)
class Broadcast:
    id: int
    admin_id: int
    text: str  # HTML
    photo: str | None  # a photo's file_id
    status: str
    recipients: int
    progress_message_id: int | None
    created_at: datetime
    finished_at: datetime | None


@dataclass(frozen=True)
class Progress:
    pending: int
    sent: int
    blocked: int  # blocked the bot, or turned broadcasts off meanwhile
    failed: int

    @property
    def done(self) -> int:
        return self.sent + self.blocked + self.failed

    def values(self, broadcast_id: int, total: int) -> dict[str, str | int]:
        """What the admin's progress and final messages say."""
        return {
            "id": str(broadcast_id),
            "done": self.done,
            "total": total,
            "sent": self.sent,
            "blocked": self.blocked,
            "failed": self.failed,
        }


# Who a broadcast goes to: everyone who has not blocked the bot or turned broadcasts off.
_RECIPIENTS = "FROM users WHERE blocked = 0 AND broadcasts = 1"


class BroadcastsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def draft(self, admin_id: int, text: str, photo: str | None) -> Broadcast:
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO broadcasts (admin_id, text, photo, status, created_at)"
                " VALUES (?, ?, ?, 'draft', ?)",
                (admin_id, text, photo, utcnow()),
            )
            row = await tx.fetchone("SELECT * FROM broadcasts WHERE id = last_insert_rowid()")
        if row is None:  # cannot happen: inserted just now, in this transaction
            raise StorageError("broadcast draft not stored")
        return from_row(Broadcast, row)

    async def get(self, broadcast_id: int) -> Broadcast | None:
        row = await self._db.fetchone("SELECT * FROM broadcasts WHERE id = ?", (broadcast_id,))
        return None if row is None else from_row(Broadcast, row)

    async def recipients(self) -> int:
        row = await self._db.fetchone(f"SELECT count(*) {_RECIPIENTS}")  # ours
        return int(row[0]) if row else 0

    async def start(self, broadcast_id: int) -> int | None:
        """Queue the draft for everyone it goes to; how many, or None if it is no draft
        (sent already, or dropped)."""
        now = utcnow()
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE broadcasts SET status = 'sending' WHERE id = ? AND status = 'draft'",
                (broadcast_id,),
            )
            if not changed:
                return None
            queued = await tx.execute(
                "INSERT INTO outbox (user_id, key, args, created_at, next_attempt_at,"  # ours
                " broadcast_id)"
                f" SELECT id, ?, ?, ?, ?, ? {_RECIPIENTS} ORDER BY id",
                (BROADCAST_KEY, f'{{"broadcast": {broadcast_id}}}', now, now, broadcast_id),
            )
            await tx.execute(
                "UPDATE broadcasts SET recipients = ? WHERE id = ?", (queued, broadcast_id)
            )
        return queued

    async def drop_draft(self, broadcast_id: int) -> bool:
        async with self._db.transaction() as tx:
            return (
                await tx.execute(
                    "DELETE FROM broadcasts WHERE id = ? AND status = 'draft'", (broadcast_id,)
                )
                == 1
            )

    async def set_progress_message(self, broadcast_id: int, message_id: int) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE broadcasts SET progress_message_id = ? WHERE id = ?",
                (message_id, broadcast_id),
            )

    async def sending(self) -> list[Broadcast]:
        rows = await self._db.fetchall(
            "SELECT * FROM broadcasts WHERE status = 'sending' ORDER BY id"
        )
        return [from_row(Broadcast, row) for row in rows]

    async def progress(self, broadcast_id: int) -> Progress:
        row = await self._db.fetchone(
            "SELECT"
            " count(*) FILTER (WHERE sent_at IS NULL AND dropped_at IS NULL),"
            " count(*) FILTER (WHERE sent_at IS NOT NULL),"
            " count(*) FILTER (WHERE dropped_at IS NOT NULL AND drop_reason IN (?, ?)),"
            " count(*) FILTER (WHERE dropped_at IS NOT NULL AND drop_reason NOT IN (?, ?))"
            " FROM outbox WHERE broadcast_id = ?",
            (BLOCKED, OPTED_OUT, BLOCKED, OPTED_OUT, broadcast_id),
        )
        if row is None:  # cannot happen: an aggregate always has a row
            return Progress(0, 0, 0, 0)
        return Progress(*(int(value) for value in row))

    async def finish(self, broadcast_id: int) -> bool:
        """Mark it done; True for the one caller that did (who reports the final counts)."""
        async with self._db.transaction() as tx:
            return (
                await tx.execute(
                    "UPDATE broadcasts SET status = 'done', finished_at = ?"
                    " WHERE id = ? AND status = 'sending'",
                    (utcnow(), broadcast_id),
                )
                == 1
            )

    async def claim(self, message_id: int) -> bool:
        """Take a copy for sending; False if it was taken before (by a process since killed)."""
        async with self._db.transaction() as tx:
            return (
                await tx.execute(
                    "UPDATE outbox SET claimed_at = ? WHERE id = ? AND claimed_at IS NULL",
                    (utcnow(), message_id),
                )
                == 1
            )

    async def unclaim(self, message_id: int) -> None:
        """Telegram certainly did not take it (flood control): it may be claimed again."""
        async with self._db.transaction() as tx:
            await tx.execute("UPDATE outbox SET claimed_at = NULL WHERE id = ?", (message_id,))
