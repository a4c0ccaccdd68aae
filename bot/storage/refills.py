"""Refills: what customers asked the panel to refill, and where each refill is.

A refill is a request the panel has no idempotency key for, so its row is written before
the panel is asked (`requesting`) and one refill per order may be in progress at a time (a
partial UNIQUE index): a second tap, or two at once, finds the first and asks nothing. A
row left `requesting` by a dead process, or one whose answer was lost, is `unknown`: the
panel may have it, so no new refill of that order is asked until an admin has looked.

Money never moves for a refill. The order itself is not changed either: the card and
admins read its refills here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.storage.db import Database, StorageError, Transaction, from_row, utcnow
from bot.storage.orders import panel_number


class RefillState(StrEnum):
    REQUESTING = "requesting"  # the panel asked, its answer not recorded yet
    UNKNOWN = "unknown"  # the answer was lost: the panel may or may not have it
    OPEN = "open"  # the panel took it; the sweep follows it
    DONE = "done"
    REJECTED = "rejected"  # the panel took it and then rejected or canceled it
    FAILED = "failed"  # the panel refused it, or the request never left


IN_PROGRESS = frozenset({RefillState.REQUESTING, RefillState.UNKNOWN, RefillState.OPEN})


class RefillInProgress(StorageError):
    """The order already has a refill in progress: nothing was asked again."""


class RefillMoved(StorageError):
    """The refill is not in a state this change applies to (`status` None: no such refill)."""

    def __init__(self, refill_id: int, status: str | None) -> None:
        super().__init__(f"refill {refill_id} is {status or 'missing'}")
        self.refill_id = refill_id
        self.status = status


@dataclass(frozen=True)
class Refill:
    id: int
    order_id: int
    panel_refill_id: str | None
    status: str
    panel_status: str | None  # the panel's last word, as written
    error: str | None  # the panel's refusal or the lost answer, for admins
    created_at: datetime
    updated_at: datetime

    @property
    def in_progress(self) -> bool:
        return self.status in IN_PROGRESS


@dataclass(frozen=True)
class UserRefill:
    """A refill as an admin sees it in `/user`: with the order's numbers."""

    refill: Refill
    panel_order_id: str | None
    panel: str = ""  # the order's panel: '' the main one

    @property
    def on_panel(self) -> str:
        """The order's panel number as admins read it (`Order.on_panel`)."""
        return panel_number(self.panel, self.panel_order_id)


class RefillsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- asking --------------------------------------------------------------------------

    async def start(self, order_id: int) -> Refill:
        """Note a refill as `requesting`, before the panel is asked; raises
        `RefillInProgress` if the order has one in progress."""
        now = utcnow()
        try:
            async with self._db.transaction() as tx:
                row = await tx.fetchone(
                    "INSERT INTO refills (order_id, status, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?) RETURNING *",
                    (order_id, RefillState.REQUESTING, now, now),
                )
        except sqlite3.IntegrityError as error:
            if "refills.order_id" in str(error):
                raise RefillInProgress(f"order {order_id} has a refill in progress") from None
            raise
        if row is None:  # cannot happen: INSERT ... RETURNING returns the row
            raise StorageError("refill insert returned nothing")
        return from_row(Refill, row)

    async def accepted(self, tx: Transaction, refill_id: int, panel_refill_id: str) -> Refill:
        """The panel took it: open, followed by the sweep. The caller tells the customer in
        the same transaction."""
        return await self._move(
            tx,
            refill_id,
            (RefillState.REQUESTING, RefillState.UNKNOWN),
            status=RefillState.OPEN,
            panel_refill_id=panel_refill_id,
            error=None,
        )

    async def failed(self, refill_id: int, error: str) -> Refill:
        """The panel refused it, or the request never left: no refill in progress."""
        async with self._db.transaction() as tx:
            return await self._move(
                tx, refill_id, (RefillState.REQUESTING,), status=RefillState.FAILED, error=error
            )

    async def lost(self, refill_id: int, error: str) -> Refill:
        """The request left and no clear answer came back: the panel may have it."""
        async with self._db.transaction() as tx:
            return await self._move(
                tx, refill_id, (RefillState.REQUESTING,), status=RefillState.UNKNOWN, error=error
            )

    async def requesting_to_unknown(self) -> list[Refill]:
        """Start-up recovery: refills left `requesting` by a dead process become `unknown`."""
        async with self._db.transaction() as tx:
            rows = await tx.fetchall(
                "UPDATE refills SET status = ?, error = ?, updated_at = ? WHERE status = ?"
                " RETURNING *",
                (RefillState.UNKNOWN, "interrupted while asking", utcnow(), RefillState.REQUESTING),
            )
        return sorted((from_row(Refill, row) for row in rows), key=lambda refill: refill.id)

    # --- following -----------------------------------------------------------------------

    async def list_open(self, limit: int = -1) -> list[Refill]:
        """Refills the panel took and has not finished, least recently updated first (every
        one, unless `limit`: SQLite reads a negative LIMIT as none)."""
        return await self._many(
            "SELECT * FROM refills WHERE status = ? ORDER BY updated_at, id LIMIT ?",
            (RefillState.OPEN, limit),
        )

    async def open_by_panel(self) -> dict[str, list[Refill]]:
        """`list_open`, by the panel that has each refill's order ('' the main one)."""
        rows = await self._db.fetchall(
            "SELECT refills.*, orders.panel AS order_panel FROM refills"
            " JOIN orders ON orders.id = refills.order_id"
            " WHERE refills.status = ? ORDER BY refills.updated_at, refills.id",
            (RefillState.OPEN,),
        )
        by_panel: dict[str, list[Refill]] = {}
        for row in rows:
            by_panel.setdefault(str(row["order_panel"]), []).append(from_row(Refill, row))
        return by_panel

    async def get_in(self, tx: Transaction, refill_id: int) -> Refill | None:
        row = await tx.fetchone("SELECT * FROM refills WHERE id = ?", (refill_id,))
        return None if row is None else from_row(Refill, row)

    async def finish(
        self, tx: Transaction, refill_id: int, state: RefillState, panel_status: str
    ) -> Refill:
        """An open refill ended (done or rejected); the caller tells the customer in `tx`."""
        return await self._move(
            tx, refill_id, (RefillState.OPEN,), status=state, panel_status=panel_status
        )

    async def note(
        self, tx: Transaction, refill_id: int, *, panel_status: str | None, error: str | None
    ) -> Refill:
        """What the panel says of a refill still open; it goes to the back of the queue."""
        return await self._move(
            tx, refill_id, (RefillState.OPEN,), panel_status=panel_status, error=error
        )

    # --- reading -------------------------------------------------------------------------

    async def latest_for_order(self, order_id: int) -> Refill | None:
        rows = await self._many(
            "SELECT * FROM refills WHERE order_id = ? ORDER BY id DESC LIMIT 1", (order_id,)
        )
        return rows[0] if rows else None

    async def latest_for_orders(self, order_ids: Sequence[int]) -> dict[int, Refill]:
        """Each order's latest refill, for the orders that have one."""
        if not order_ids:
            return {}
        marks = ", ".join("?" * len(order_ids))
        refills = await self._many(
            f"SELECT * FROM refills WHERE id IN (SELECT max(id) FROM refills"  # noqa: S608  # placeholders only
            f" WHERE order_id IN ({marks}) GROUP BY order_id)",
            tuple(order_ids),
        )
        return {refill.order_id: refill for refill in refills}

    async def get_for_user(self, user_id: int, refill_id: int) -> Refill | None:
        """The refill only if its order is this user's: another user's reads as missing."""
        rows = await self._many(
            "SELECT refills.* FROM refills JOIN orders ON orders.id = refills.order_id"
            " WHERE refills.id = ? AND orders.user_id = ?",
            (refill_id, user_id),
        )
        return rows[0] if rows else None

    async def list_for_user(self, user_id: int, limit: int) -> list[UserRefill]:
        """The user's refills, newest first, with their orders' panel numbers."""
        rows = await self._db.fetchall(
            "SELECT refills.*, orders.panel_order_id AS panel_order_id, orders.panel AS panel"
            " FROM refills JOIN orders ON orders.id = refills.order_id"
            " WHERE orders.user_id = ? ORDER BY refills.id DESC LIMIT ?",
            (user_id, limit),
        )
        return [
            UserRefill(from_row(Refill, row), row["panel_order_id"], row["panel"]) for row in rows
        ]

    # --- helpers -------------------------------------------------------------------------

    async def _many(self, sql: str, params: tuple[object, ...]) -> list[Refill]:
        return [from_row(Refill, row) for row in await self._db.fetchall(sql, params)]

    async def _move(
        self, tx: Transaction, refill_id: int, states: tuple[str, ...], **values: object
    ) -> Refill:
        """Set `values` if the refill is in one of `states`; raises `RefillMoved` otherwise."""
        assignments = ", ".join(f"{column} = ?" for column in values)
        marks = ", ".join("?" * len(states))
        row = await tx.fetchone(
            f"UPDATE refills SET {assignments}, updated_at = ?"  # noqa: S608  # our column names
            f" WHERE id = ? AND status IN ({marks}) RETURNING *",
            (*values.values(), utcnow(), refill_id, *states),
        )
        if row is None:
            current = await tx.fetchone("SELECT status FROM refills WHERE id = ?", (refill_id,))
            raise RefillMoved(refill_id, current["status"] if current else None)
        return from_row(Refill, row)
