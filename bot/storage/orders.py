"""Orders: what was quoted, and where each one is in its lifecycle.

An order keeps the quote it was placed at (charge, quantity, the service's name, type and
flags) so later catalogue or price changes never alter it. Its status is a row of
`bot.panel.status`: the shop's own (`placing`, `unknown`, `failed`) until the panel has it,
then whatever the panel says.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any

from bot.money import to_minor
from bot.panel.status import FINAL, LOCAL, Status
from bot.storage.db import (
    Database,
    StorageError,
    Transaction,
    from_row,
    parse_time,
    utcnow,
)
from bot.storage.ledger import Reason, post

# Orders the status sweep asks the panel about: placed and not finished.
_NOT_FOLLOWED = tuple(sorted(LOCAL | FINAL))


class TokenUsed(StorageError):
    """An order summary's confirm token was used already: nothing was placed again."""


class PanelIdTaken(StorageError):
    """Another order already has this panel order id."""


class OrderStateError(StorageError):
    """The order is not in a status this change applies to (`status` None: no such order)."""

    def __init__(self, order_id: int, status: str | None) -> None:
        super().__init__(f"order {order_id} is {status or 'missing'}")
        self.order_id = order_id
        self.status = status


@dataclass(frozen=True)
class NewOrder:
    """The quote a customer confirmed."""

    user_id: int
    service_id: int
    service_name: str
    service_type: str
    service_category: str
    rate: Decimal  # the panel's rate per 1000, in that panel's money
    can_cancel: bool
    can_refill: bool
    link: str
    quantity: int
    charge: Decimal  # what the customer pays, already rounded
    confirm_token: str
    answer_number: int | None = None
    # Every field `add` is sent (link, quantity and the type's own); empty: link, quantity
    # and answer number only.
    fields: Mapping[str, str | int] = field(default_factory=dict)
    discount: int = 0  # the customer's discount in whole percent, included in `charge`
    full_charge: Decimal | None = None  # what it would have cost without it (None: none)
    via: str = "bot"  # VIA_BOT (the chat, the Mini App) or VIA_API (the shop's API v2)
    panel: str = ""  # the service's panel: '' the main one, else its name
    panel_service_id: int | None = None  # the service's id there; None: service_id


# Where an order was placed (`orders.via`).
VIA_BOT = "bot"
VIA_API = "api"


@dataclass(frozen=True)
class Order:
    id: int  # the local number; customers are shown panel_order_id
    user_id: int
    panel_order_id: str | None
    service_id: int
    service_name: str
    service_type: str
    service_category: str
    rate: Decimal
    can_cancel: bool
    can_refill: bool
    link: str
    quantity: int
    answer_number: int | None
    charge: Decimal
    panel_charge: Decimal | None
    status: str
    remains: int | None
    start_count: int | None
    error: str | None
    confirm_token: str | None
    created_at: datetime
    updated_at: datetime
    cancel_requested_at: datetime | None  # the panel accepted a cancel: requested, not done
    panel_misses: int  # sweeps in a row the panel answered this id with an error
    refunded: Decimal  # what it gave back: the sum of its refund postings, kept by a trigger
    fields: str  # JSON: every field `add` was sent ('{}' for orders from before they were kept)
    finished_at: datetime | None  # when it reached a final status (as the bot saw it)
    discount: int  # the customer's discount in whole percent, included in `charge`
    full_charge: Decimal | None  # the charge without the discount (None: no discount)
    via: str  # VIA_BOT or VIA_API: placed in the chat (or Mini App) or through the shop's API
    panel: str = ""  # the panel that has it: '' the main one, else its name (bot.panel.panels)
    panel_service_id: int | None = None  # the service's id on that panel; None: service_id

    @property
    def on_panel(self) -> str:
        """The panel's number for it as admins read it: `23501` on the main panel,
        `cheap:23501` on another (the form `/fallback` names a panel's service in); '' until
        a panel has it."""
        return panel_number(self.panel, self.panel_order_id)

    @property
    def service_for_admins(self) -> str:
        """The service's number as admins read it: the shop's, and for another panel's
        service that panel and its id there, `2000007 (cheap:7)`."""
        if not self.panel:
            return str(self.service_id)
        return f"{self.service_id} ({self.panel}:{self.service_on_panel})"

    @property
    def service_on_panel(self) -> int:
        """The service's id on the order's panel: what `add` is sent."""
        return self.service_id if self.panel_service_id is None else self.panel_service_id

    @property
    def unit_price(self) -> Decimal:
        """Charge / quantity, for showing; refunds are computed exactly in `bot.orders.refunds`."""
        return self.charge / self.quantity

    @property
    def panel_fields(self) -> dict[str, str | int]:
        """What `add` is sent for this order (besides the service)."""
        fields: dict[str, str | int] = json.loads(self.fields)
        if not fields:  # an order from before the fields were kept
            fields = {"link": self.link, "quantity": self.quantity}
            if self.answer_number is not None:
                fields["answer_number"] = self.answer_number
        return fields

    @property
    def is_final(self) -> bool:
        return self.status in FINAL

    @property
    def is_placed(self) -> bool:
        """The panel has it: there is something to ask it about or to cancel."""
        return self.panel_order_id is not None and self.status not in LOCAL

    @property
    def cancellable(self) -> bool:
        """The customer may ask the panel to cancel it (now, not again)."""
        return (
            self.can_cancel
            and self.is_placed
            and not self.is_final
            and self.cancel_requested_at is None
        )


def panel_number(panel: str, panel_order_id: str | None) -> str:
    """A panel's order id as admins read it: bare on the main panel (''), `name:id` on
    another; '' for none."""
    if panel_order_id is None:
        return ""
    return f"{panel}:{panel_order_id}" if panel else panel_order_id


@dataclass(frozen=True)
class OrderProgress:
    """How far an order is, as a panel's `status` tells it: no times, so that reading a
    hundred at once parses no timestamps (most of what reading a whole `Order` costs)."""

    id: int
    status: str
    quantity: int
    charge: Decimal
    refunded: Decimal
    remains: int | None
    start_count: int | None


_PROGRESS = "SELECT id, status, quantity, charge, refunded, remains, start_count FROM orders"


async def order_in(tx: Transaction, order_id: int) -> Order | None:
    """The order as this transaction sees it: decisions about a change are made here."""
    row = await tx.fetchone("SELECT * FROM orders WHERE id = ?", (order_id,))
    return None if row is None else from_row(Order, row)


class OrdersRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- placement -----------------------------------------------------------------------

    async def create_placing(self, tx: Transaction, new: NewOrder) -> Order:
        """Insert the order as `placing`; the caller charges it in the same transaction.

        Raises `TokenUsed` if the summary was confirmed before.
        """
        if new.charge <= 0 or new.quantity <= 0:
            raise ValueError("an order charges something for some quantity")
        now = utcnow()
        try:
            row = await tx.fetchone(
                "INSERT INTO orders (user_id, service_id, service_name, service_type,"
                " service_category, rate, can_cancel, can_refill, link, quantity, answer_number,"
                " charge, status, confirm_token, created_at, updated_at, fields, via, panel,"
                " panel_service_id, discount, full_charge)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING *",
                (
                    new.user_id,
                    new.service_id,
                    new.service_name,
                    new.service_type,
                    new.service_category,
                    to_minor(new.rate),
                    int(new.can_cancel),
                    int(new.can_refill),
                    new.link,
                    new.quantity,
                    new.answer_number,
                    to_minor(new.charge),
                    Status.PLACING,
                    new.confirm_token,
                    now,
                    now,
                    json.dumps(dict(new.fields), ensure_ascii=False),
                    new.via,
                    new.panel,
                    new.panel_service_id,
                    new.discount,
                    None if new.full_charge is None else to_minor(new.full_charge),
                ),
            )
        except sqlite3.IntegrityError as error:
            if "orders.confirm_token" in str(error):
                raise TokenUsed(new.confirm_token) from None
            raise
        if row is None:  # cannot happen: INSERT ... RETURNING returns the row
            raise StorageError("order insert returned nothing")
        return from_row(Order, row)

    async def create_and_charge(self, new: NewOrder) -> Order:
        """Step 1 of placement in one transaction: insert as `placing` and debit the charge.

        Raises `TokenUsed` or `InsufficientFunds`, having changed nothing. Durable: the
        panel is asked next, and this record is what makes its answer findable.
        """
        async with self._db.transaction(durable=True) as tx:
            order = await self.create_placing(tx, new)
            await post(tx, new.user_id, -new.charge, Reason.ORDER, order_id=order.id)
        return order

    async def mark_placed(
        self,
        order_id: int,
        panel_order_id: str,
        *,
        panel: str | None = None,
        panel_service_id: int | None = None,
    ) -> Order:
        """The panel took it: status Pending. `panel` (and the service's id there), when
        another panel than the order's own took it (a fallback): recorded with it."""
        async with self._db.transaction() as tx:
            moved: dict[str, Any] = {}
            if panel is not None:
                moved = {"panel": panel, "panel_service_id": panel_service_id}
            return await self._placed(
                tx, order_id, panel_order_id, (Status.PLACING, Status.UNKNOWN), **moved
            )

    async def settle_placed(self, tx: Transaction, order_id: int, panel_order_id: str) -> Order:
        """An admin found an `unknown` order at the panel: it is followed from now on."""
        return await self._placed(tx, order_id, panel_order_id, (Status.UNKNOWN,))

    async def settle_failed(self, tx: Transaction, order_id: int) -> Order:
        """An admin found the panel never had an `unknown` order: failed. The caller refunds
        it in the same transaction (`bot.orders.refunds.post_refund`).

        Only `unknown`: a `placing` order is still waiting for the panel's answer.
        """
        return await self._change(
            tx, order_id, (Status.UNKNOWN,), status=Status.FAILED, error="settled: not placed"
        )

    async def _placed(
        self,
        tx: Transaction,
        order_id: int,
        panel_order_id: str,
        statuses: tuple[str, ...],
        **moved: Any,
    ) -> Order:
        try:
            return await self._change(
                tx,
                order_id,
                statuses,
                status=Status.PENDING,
                panel_order_id=panel_order_id,
                error=None,
                **moved,
            )
        except sqlite3.IntegrityError as error:
            if "orders.panel_order_id" in str(error):
                raise PanelIdTaken(panel_order_id) from None
            raise

    async def mark_unknown(self, order_id: int, error: str) -> Order:
        """The panel may have the order: keep the money held until an admin settles it."""
        async with self._db.transaction() as tx:
            return await self._change(
                tx, order_id, (Status.PLACING,), status=Status.UNKNOWN, error=error
            )

    async def move_to(
        self,
        order_id: int,
        *,
        panel: str,
        panel_service_id: int,
        rate: Decimal,
        can_cancel: bool,
    ) -> Order:
        """Its own panel refused a `placing` order: it goes to a fallback, which is recorded
        before `add` is sent there (durably: if the process dies during the call, the order
        turns `unknown` naming the panel an admin must look at, and a later `/attach`
        follows it there). `rate` is the fallback's, in that panel's money: what the order
        costs from now on. The charge never changes: the customer pays what was quoted."""
        async with self._db.transaction(durable=True) as tx:
            return await self._change(
                tx,
                order_id,
                (Status.PLACING,),
                panel=panel,
                panel_service_id=panel_service_id,
                rate=to_minor(rate),
                can_cancel=int(can_cancel),
            )

    async def mark_failed(self, tx: Transaction, order_id: int, error: str) -> Order:
        """The panel certainly did not place it: status failed. The caller refunds it in the
        same transaction (`bot.orders.refunds.post_refund`)."""
        return await self._change(
            tx, order_id, (Status.PLACING, Status.UNKNOWN), status=Status.FAILED, error=error
        )

    async def placing_to_unknown(self) -> list[Order]:
        """Start-up recovery: orders left `placing` by a dead process become `unknown`."""
        async with self._db.transaction() as tx:
            rows = await tx.fetchall(
                "UPDATE orders SET status = ?, error = ?, updated_at = ? WHERE status = ?"
                " RETURNING *",
                (Status.UNKNOWN, "interrupted while placing", utcnow(), Status.PLACING),
            )
        return sorted((from_row(Order, row) for row in rows), key=lambda order: order.id)

    # --- following -----------------------------------------------------------------------

    async def list_to_follow(self, limit: int = -1) -> list[Order]:
        """Placed, unfinished orders, least recently updated first: what the sweep asks about
        (every one, unless `limit`: SQLite reads a negative LIMIT as none)."""
        marks = ", ".join("?" * len(_NOT_FOLLOWED))
        return await self._many(
            f"SELECT * FROM orders WHERE panel_order_id IS NOT NULL AND status NOT IN ({marks})"  # noqa: S608  # placeholders only
            " ORDER BY updated_at, id LIMIT ?",
            (*_NOT_FOLLOWED, limit),
        )

    async def open_by_panel(self) -> dict[str, int]:
        """How many orders each panel has open (placed, not finished), by what orders keep
        for a panel ('' the main one)."""
        marks = ", ".join("?" * len(_NOT_FOLLOWED))
        rows = await self._db.fetchall(
            "SELECT panel, count(*) FROM orders WHERE panel_order_id IS NOT NULL"  # noqa: S608  # placeholders only
            f" AND status NOT IN ({marks}) GROUP BY panel",
            _NOT_FOLLOWED,
        )
        return {str(row[0]): int(row[1]) for row in rows}

    async def failed_by_panel(self, seconds: float) -> dict[str, int]:
        """How many orders each panel refused or never got (now `failed`) in the last
        `seconds`."""
        rows = await self._db.fetchall(
            "SELECT panel, count(*) FROM orders WHERE status = ? AND updated_at >= ?"
            " GROUP BY panel",
            (Status.FAILED, utcnow(-seconds)),
        )
        return {str(row[0]): int(row[1]) for row in rows}

    async def set_panel_status(
        self,
        tx: Transaction,
        order_id: int,
        status: str,
        *,
        remains: int | None,
        start_count: int | None,
        panel_charge: Decimal | None,
    ) -> Order:
        """Record what the panel reports for an unfinished order, in the sweep's transaction.

        `remains` is clamped to 0..quantity. Refunds and notifications go in the same `tx`.
        """
        if status in LOCAL:
            raise ValueError(f"{status!r} is not a panel status")
        return await self._change(
            tx,
            order_id,
            tuple(FINAL),
            exclude=True,
            status=status,
            remains=remains,
            start_count=start_count,
            panel_charge=None if panel_charge is None else to_minor(panel_charge),
            panel_misses=0,
            keep_known={"panel_charge"},
        )

    get_in = staticmethod(order_in)

    async def count_miss(self, tx: Transaction, order_id: int) -> int:
        """The panel answered this id with an error once more: the misses in a row now."""
        row = await tx.fetchone(
            "UPDATE orders SET panel_misses = panel_misses + 1, updated_at = ? WHERE id = ?"
            " RETURNING panel_misses",
            (utcnow(), order_id),
        )
        if row is None:
            raise OrderStateError(order_id, None)
        return int(row[0])

    async def report_once(self, tx: Transaction, order_id: int, what: str) -> bool:
        """True the first time `what` is noted for the order (tell the admins), else False."""
        changed = await tx.execute(
            "INSERT INTO order_reports (order_id, what, created_at) VALUES (?, ?, ?)"
            " ON CONFLICT DO NOTHING",
            (order_id, what, utcnow()),
        )
        return changed == 1

    async def mark_cancel_requested(self, order_id: int) -> Order:
        """The panel accepted a cancel; the order goes on until a sweep reports the outcome."""
        async with self._db.transaction() as tx:
            return await self._change(
                tx, order_id, tuple(FINAL), exclude=True, cancel_requested_at=utcnow()
            )

    # --- reading -------------------------------------------------------------------------

    async def get(self, order_id: int) -> Order | None:
        return await self._one("SELECT * FROM orders WHERE id = ?", (order_id,))

    async def get_for_user(self, user_id: int, order_id: int) -> Order | None:
        """The order only if it is this user's: another user's id reads as missing."""
        return await self._one(
            "SELECT * FROM orders WHERE id = ? AND user_id = ?", (order_id, user_id)
        )

    async def progress_for_user(
        self, user_id: int, order_ids: Collection[int]
    ) -> dict[int, OrderProgress]:
        """How far those of the orders that are this user's are, by id; another user's are
        left out."""
        if not order_ids:
            return {}
        marks = ", ".join("?" * len(order_ids))
        rows = await self._db.fetchall(
            f"{_PROGRESS} WHERE user_id = ? AND id IN ({marks})",  # placeholders only
            (user_id, *order_ids),
        )
        return {row["id"]: from_row(OrderProgress, row) for row in rows}

    async def get_for_user_by_panel_id(self, user_id: int, panel_order_id: str) -> Order | None:
        """By the number customers are shown, only if the order is this user's."""
        return await self._one(
            # Two panels may each have this id: the newest of the user's orders with it.
            "SELECT * FROM orders WHERE panel_order_id = ? AND user_id = ? ORDER BY id DESC"
            " LIMIT 1",
            (panel_order_id, user_id),
        )

    async def list_for_user(
        self,
        user_id: int,
        limit: int,
        offset: int = 0,
        *,
        statuses: Collection[str] = (),
        exclude: bool = True,
    ) -> list[Order]:
        """Newest first; only those whose status is in `statuses` (with `exclude`: is not;
        the default, excluding none, is every order)."""
        where, params = _status_clause(statuses, exclude)
        return await self._many(
            f"SELECT * FROM orders WHERE user_id = ? AND {where}"  # noqa: S608  # placeholders only
            " ORDER BY id DESC LIMIT ? OFFSET ?",
            (user_id, *params, limit, offset),
        )

    async def search_for_user(
        self, user_id: int, *, number: int | None, link: str | None, limit: int
    ) -> tuple[int, list[Order]]:
        """The user's orders with this shop number, or whose link contains `link` (any
        case; instr, so nothing in it reads as a wildcard): how many, and the newest
        `limit` of them."""
        where = "id = ?" if number is not None else "instr(lower(link), lower(?)) > 0"
        params = (user_id, number if number is not None else link)
        row = await self._db.fetchone(
            f"SELECT count(*) FROM orders WHERE user_id = ? AND {where}",  # noqa: S608  # ours
            params,
        )
        found = await self._many(
            f"SELECT * FROM orders WHERE user_id = ? AND {where} ORDER BY id DESC LIMIT ?",  # noqa: S608  # ours
            (*params, limit),
        )
        return (int(row[0]) if row else 0), found

    async def completion_times(self, service_id: int, limit: int) -> list[timedelta]:
        """How long the latest `limit` Completed orders of the service took, from being
        placed to the sweep seeing them completed, newest first."""
        rows = await self._db.fetchall(
            "SELECT created_at, finished_at FROM orders"
            " WHERE service_id = ? AND status = ? AND finished_at IS NOT NULL"
            " ORDER BY finished_at DESC LIMIT ?",
            (service_id, Status.COMPLETED, limit),
        )
        return [parse_time(row[1]) - parse_time(row[0]) for row in rows]

    async def list_by_status(self, status: str, limit: int = 50) -> list[Order]:
        """Oldest first: the order waiting longest is settled first."""
        return await self._many(
            "SELECT * FROM orders WHERE status = ? ORDER BY id LIMIT ?", (status, limit)
        )

    async def find_for_user(self, user_id: int, prefix: str, limit: int) -> list[Order]:
        """The user's orders whose panel number or local number starts with `prefix`
        (letters and digits only: nothing LIKE would read as a wildcard), newest first."""
        if not prefix.isascii() or not prefix.isalnum():
            return []
        pattern = prefix + "%"
        return await self._many(
            "SELECT * FROM orders WHERE user_id = ?"
            " AND (panel_order_id LIKE ? OR CAST(id AS TEXT) LIKE ?)"
            " ORDER BY id DESC LIMIT ?",
            (user_id, pattern, pattern, limit),
        )

    async def statuses_for_user(self, user_id: int) -> dict[str, int]:
        rows = await self._db.fetchall(
            "SELECT status, count(*) FROM orders WHERE user_id = ? GROUP BY status"
            " ORDER BY count(*) DESC, status",
            (user_id,),
        )
        return {str(row[0]): int(row[1]) for row in rows}

    async def count_for_user(
        self, user_id: int, *, statuses: Collection[str] = (), exclude: bool = True
    ) -> int:
        """How many orders `list_for_user` would page through with the same filter."""
        where, params = _status_clause(statuses, exclude)
        row = await self._db.fetchone(
            f"SELECT count(*) FROM orders WHERE user_id = ? AND {where}",  # noqa: S608  # placeholders only
            (user_id, *params),
        )
        return int(row[0]) if row else 0

    async def by_token(self, token: str) -> Order | None:
        return await self._one("SELECT * FROM orders WHERE confirm_token = ?", (token,))

    # --- helpers -------------------------------------------------------------------------

    async def _one(self, sql: str, params: tuple[object, ...]) -> Order | None:
        row = await self._db.fetchone(sql, params)
        return None if row is None else from_row(Order, row)

    async def _many(self, sql: str, params: tuple[object, ...]) -> list[Order]:
        return [from_row(Order, row) for row in await self._db.fetchall(sql, params)]

    async def _change(
        self,
        tx: Transaction,
        order_id: int,
        statuses: tuple[str, ...],
        *,
        exclude: bool = False,
        keep_known: frozenset[str] | set[str] = frozenset(),
        **values: object,
    ) -> Order:
        """Set `values` if the order's status is (or with `exclude`, is not) in `statuses`;
        a column in `keep_known` keeps what it had when its new value is None (a report that
        leaves the panel's charge out does not forget the last one)."""
        assignments = ", ".join(
            # remains from the panel can be negative or above quantity; the schema refuses both
            "remains = max(0, min(?, quantity))"
            if column == "remains"
            else f"{column} = coalesce(?, {column})"
            if column in keep_known
            else f"{column} = ?"
            for column in values
        )
        if values.get("status") in FINAL:
            # Kept once: the average completion time on the service's card counts from it.
            assignments += ", finished_at = coalesce(finished_at, ?)"
            values["finished_at"] = utcnow()
        marks = ", ".join("?" * len(statuses))
        row = await tx.fetchone(
            f"UPDATE orders SET {assignments}, updated_at = ?"  # noqa: S608  # our column names
            f" WHERE id = ? AND status {'NOT IN' if exclude else 'IN'} ({marks}) RETURNING *",
            (*values.values(), utcnow(), order_id, *statuses),
        )
        if row is not None:
            return from_row(Order, row)
        current = await tx.fetchone("SELECT status FROM orders WHERE id = ?", (order_id,))
        raise OrderStateError(order_id, current["status"] if current else None)


def _status_clause(statuses: Collection[str], exclude: bool) -> tuple[str, tuple[str, ...]]:
    """`status IN (...)` (or NOT IN) with one placeholder per status."""
    marks = ", ".join("?" * len(statuses))
    return f"status {'NOT IN' if exclude else 'IN'} ({marks})", tuple(statuses)
