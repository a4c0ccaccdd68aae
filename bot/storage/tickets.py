"""Support tickets: a customer's question, the answers and replies that follow, and which
Telegram message belongs to which ticket."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.db import Database, StorageError, from_row, utcnow


class TicketStatus(StrEnum):
    OPEN = "open"  # waiting for an admin
    ANSWERED = "answered"  # waiting for the customer
    CLOSED = "closed"


@dataclass(frozen=True)
class Ticket:
    id: int
    user_id: int
    order_id: int | None
    status: str
    created_at: datetime
    updated_at: datetime

    @property
    def closed(self) -> bool:
        return self.status == TicketStatus.CLOSED


@dataclass(frozen=True)
class OpenTicket:
    """A line of /tickets: the ticket and the customer's latest words."""

    id: int
    user_id: int
    order_id: int | None
    status: str
    last_text: str


@dataclass(frozen=True)
class TicketMessage:
    """One message of a ticket's history."""

    author_id: int
    from_admin: bool
    text: str
    created_at: datetime


class TicketsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def open(self, user_id: int, order_id: int | None, text: str) -> Ticket:
        now = utcnow()
        async with self._db.transaction() as tx:
            row = await tx.fetchone(
                "INSERT INTO tickets (user_id, order_id, status, created_at, updated_at)"
                " VALUES (?, ?, 'open', ?, ?) RETURNING *",
                (user_id, order_id, now, now),
            )
            if row is None:  # cannot happen: INSERT ... RETURNING returns the row
                raise StorageError("ticket not stored")
            ticket = from_row(Ticket, row)
            await tx.execute(
                "INSERT INTO ticket_messages (ticket_id, author_id, from_admin, text, created_at)"
                " VALUES (?, ?, 0, ?, ?)",
                (ticket.id, user_id, text, now),
            )
        return ticket

    async def add(self, ticket_id: int, author_id: int, *, from_admin: bool, text: str) -> bool:
        """Add a message to a ticket that is not closed; False if it was closed meanwhile.
        An admin's words make it answered, the customer's make it open again."""
        now = utcnow()
        status = TicketStatus.ANSWERED if from_admin else TicketStatus.OPEN
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE tickets SET status = ?, updated_at = ? WHERE id = ? AND status != 'closed'",
                (status, now, ticket_id),
            )
            if changed != 1:
                return False
            await tx.execute(
                "INSERT INTO ticket_messages (ticket_id, author_id, from_admin, text, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (ticket_id, author_id, int(from_admin), text, now),
            )
        return True

    async def close(self, ticket_id: int) -> bool:
        """True for the one call that closed it: a second tap finds it closed."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE tickets SET status = 'closed', updated_at = ?"
                " WHERE id = ? AND status != 'closed'",
                (utcnow(), ticket_id),
            )
        return changed == 1

    async def get(self, ticket_id: int) -> Ticket | None:
        row = await self._db.fetchone("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
        return None if row is None else from_row(Ticket, row)

    async def get_for_user(self, user_id: int, ticket_id: int) -> Ticket | None:
        """The ticket only if it is this user's: another user's id reads as missing."""
        row = await self._db.fetchone(
            "SELECT * FROM tickets WHERE id = ? AND user_id = ?", (ticket_id, user_id)
        )
        return None if row is None else from_row(Ticket, row)

    async def history(self, ticket_id: int) -> list[TicketMessage]:
        """Every message of the ticket, oldest first."""
        rows = await self._db.fetchall(
            "SELECT author_id, from_admin, text, created_at FROM ticket_messages"
            " WHERE ticket_id = ? ORDER BY id",
            (ticket_id,),
        )
        return [from_row(TicketMessage, row) for row in rows]

    async def remember(self, chat_id: int, message_id: int, ticket_id: int) -> None:
        """This message in this chat is part of the ticket: a reply to it continues it."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT OR REPLACE INTO ticket_copies (chat_id, message_id, ticket_id)"
                " VALUES (?, ?, ?)",
                (chat_id, message_id, ticket_id),
            )

    async def by_message(self, chat_id: int, message_id: int) -> Ticket | None:
        row = await self._db.fetchone(
            "SELECT tickets.* FROM ticket_copies JOIN tickets ON tickets.id = ticket_id"
            " WHERE chat_id = ? AND message_id = ?",
            (chat_id, message_id),
        )
        return None if row is None else from_row(Ticket, row)

    async def unclosed(self, limit: int) -> tuple[int, list[OpenTicket]]:
        """How many tickets are not closed, and the `limit` waiting longest for an admin
        first (open before answered)."""
        count = await self._db.fetchone("SELECT count(*) FROM tickets WHERE status != 'closed'")
        rows = await self._db.fetchall(
            "SELECT tickets.id, tickets.user_id, tickets.order_id, tickets.status,"
            " (SELECT text FROM ticket_messages WHERE ticket_id = tickets.id AND from_admin = 0"
            "  ORDER BY id DESC LIMIT 1) AS last_text"
            " FROM tickets WHERE tickets.status != 'closed'"
            " ORDER BY tickets.status = 'answered', tickets.updated_at, tickets.id LIMIT ?",
            (limit,),
        )
        return (0 if count is None else int(count[0])), [from_row(OpenTicket, row) for row in rows]
