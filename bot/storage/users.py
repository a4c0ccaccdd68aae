"""Customers: one row per Telegram user who has talked to the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from bot.storage.db import Database, StorageError, Transaction, from_row, utcnow
from bot.text import folded


class UnknownUser(StorageError):
    def __init__(self, user_id: int) -> None:
        super().__init__(f"no user {user_id}")
        self.user_id = user_id


@dataclass(frozen=True)
class Customer:
    """A row of `users`: what the shop keeps about someone who wrote to the bot (aiogram's
    `User` is what Telegram says about them)."""

    id: int
    language: str | None  # None: not chosen, Telegram's language_code applies
    balance: Decimal
    blocked: bool  # the user blocked the bot: send nothing until they come back
    created_at: datetime
    updated_at: datetime
    telegram_language: str | None  # the language_code Telegram last sent, for notifications
    first_name: str | None  # as Telegram last sent them: how admins recognise a customer
    username: str | None
    broadcasts: bool  # False: the customer turned broadcasts off
    referred_by: int | None  # whose referral link brought them, fixed at their first /start
    discount: int  # a whole percent off every price, set by an admin (0: none)


@dataclass(frozen=True)
class Profile:
    """What Telegram says about a user with each update, kept for later (notifications sent
    outside any update, admins looking a customer up)."""

    telegram_language: str | None
    first_name: str | None
    username: str | None

    def differs(self, customer: Customer | Profile) -> bool:
        return (
            bool(self.telegram_language) and customer.telegram_language != self.telegram_language
        ) or (customer.first_name, customer.username) != (self.first_name, self.username)


@dataclass(frozen=True)
class Known:
    """What every update needs of its user's row: the language to answer in and what
    Telegram said last (to write only when it changes)."""

    language: str | None
    profile: Profile


class CustomerOrder(StrEnum):
    NEWEST = "new"
    RICHEST = "rich"


# Past this many remembered users, memory starts over: a read each brings them back.
_REMEMBER = 100_000


class UsersRepo:
    """Customers' rows. The one repo that writes language and profile columns (the ledger
    writes only the balance), so it remembers them per user (`known`) and forgets a user
    on every write of theirs: an update's language costs no query."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._known: dict[int, Known] = {}

    async def known(self, user_id: int) -> Known | None:
        """The user's language and profile, or None before they have a row."""
        if (known := self._known.get(user_id)) is not None:
            return known
        customer = await self.get(user_id)
        if customer is None:
            return None
        if len(self._known) >= _REMEMBER:
            self._known.clear()
        # No await since the read: nothing was written in between.
        known = self._known[user_id] = Known(
            customer.language,
            Profile(customer.telegram_language, customer.first_name, customer.username),
        )
        return known

    async def ensure(self, user_id: int) -> Customer:
        """The user's row, created on first sight; calling it again changes nothing."""
        async with self._db.transaction() as tx:
            return await _ensure(tx, user_id)

    async def get(self, user_id: int) -> Customer | None:
        row = await self._db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        return None if row is None else from_row(Customer, row)

    async def discount(self, user_id: int) -> int:
        """The customer's discount in whole percent (0: none, or no such customer). Read
        afresh each time: a quote must carry the discount in force when it is made."""
        row = await self._db.fetchone("SELECT discount FROM users WHERE id = ?", (user_id,))
        return 0 if row is None else int(row[0])

    async def set_language(self, user_id: int, language: str | None) -> None:
        """Remember the user's choice (None: follow Telegram's language again)."""
        await self._upsert(user_id, "language", language)

    async def welcome(self, user_id: int, *, referrer: int | None = None) -> Customer:
        """A user who opened the bot (`/start`): created if new, and if they had blocked the
        bot they are back, so notifications may reach them again.

        `referrer`: whose referral link brought them. It counts at the customer's first
        /start only (whether or not the shop knew them before: the Mini App, an invoice),
        and only when it names another customer the shop knows whose own chain of
        referrers does not lead back to this one (a loop); anything else is ignored, as if
        there were no link.
        """
        async with self._db.transaction() as tx:
            user = await _ensure(tx, user_id)
            first = await tx.fetchone(
                "SELECT 1 FROM users WHERE id = ? AND started_at IS NULL", (user_id,)
            )
            if first is not None:
                chosen = referrer if await _may_refer(tx, referrer, user_id) else None
                await tx.execute(
                    "UPDATE users SET started_at = ?, referred_by = coalesce(referred_by, ?)"
                    " WHERE id = ?",
                    (utcnow(), chosen, user_id),
                )
                user = await _ensure(tx, user_id)
        if user.blocked:
            await self.set_blocked(user_id, False)
        return user

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        await self._upsert(user_id, "blocked", int(blocked))

    async def set_telegram_language(self, user_id: int, code: str) -> None:
        """Remember the language Telegram reports: messages sent outside an update use it."""
        await self._upsert(user_id, "telegram_language", code)

    async def set_broadcasts(self, user_id: int, wanted: bool) -> None:
        await self._upsert(user_id, "broadcasts", int(wanted))

    async def remember(self, user_id: int, profile: Profile) -> None:
        """Keep what Telegram said about an existing user; the language only when it said one."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE users SET telegram_language = coalesce(?, telegram_language),"
                " first_name = ?, username = ?, updated_at = ? WHERE id = ?",
                (
                    profile.telegram_language or None,
                    profile.first_name,
                    profile.username,
                    utcnow(),
                    user_id,
                ),
            )
        self._known.pop(user_id, None)  # once committed: a read in between saw the old row

    async def count(self, search: str = "") -> int:
        where, params = _search(search)
        row = await self._db.fetchone(f"SELECT count(*) FROM users{where}", params)  # noqa: S608  # ours
        return int(row[0]) if row else 0

    async def page(
        self, order: CustomerOrder, offset: int, limit: int, search: str = ""
    ) -> list[Customer]:
        """Customers newest (or richest) first; `search` matches a name, @username or id."""
        where, params = _search(search)
        by = (
            "balance DESC, id DESC"
            if order is CustomerOrder.RICHEST
            else "created_at DESC, id DESC"
        )
        rows = await self._db.fetchall(
            f"SELECT * FROM users{where} ORDER BY {by} LIMIT ? OFFSET ?",  # noqa: S608  # ours
            (*params, limit, offset),
        )
        return [from_row(Customer, row) for row in rows]

    async def _upsert(
        self,
        user_id: int,
        column: Literal["language", "blocked", "telegram_language", "broadcasts"],
        value: object,
    ) -> None:
        # A setting may arrive before any /start (a my_chat_member update, say): create the row.
        now = utcnow()
        async with self._db.transaction() as tx:
            await tx.execute(
                f"INSERT INTO users (id, {column}, created_at, updated_at) VALUES (?, ?, ?, ?)"  # noqa: S608  # column is one of ours
                f" ON CONFLICT (id) DO UPDATE SET {column} = excluded.{column},"
                " updated_at = excluded.updated_at",
                (user_id, value, now, now),
            )
        self._known.pop(user_id, None)  # once committed: a read in between saw the old row


async def set_discount(tx: Transaction, user_id: int, percent: int) -> int:
    """Set an existing customer's discount in `tx`; the one it replaces. Raises
    `UnknownUser`: a discount is for someone who has talked to the shop."""
    row = await tx.fetchone("SELECT discount FROM users WHERE id = ?", (user_id,))
    if row is None:
        raise UnknownUser(user_id)
    await tx.execute(
        "UPDATE users SET discount = ?, updated_at = ? WHERE id = ?", (percent, utcnow(), user_id)
    )
    return int(row[0])


async def _ensure(tx: Transaction, user_id: int) -> Customer:
    now = utcnow()
    await tx.execute(
        "INSERT INTO users (id, created_at, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (user_id, now, now),
    )
    row = await tx.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
    if row is None:  # cannot happen: inserted or already there, in this transaction
        raise UnknownUser(user_id)
    return from_row(Customer, row)


async def _may_refer(tx: Transaction, referrer: int | None, user_id: int) -> bool:
    """Whether `referrer` is a customer the shop knows and `user_id` is neither them nor
    anywhere up their chain of referrers."""
    if referrer is None or referrer == user_id:
        return False
    # UNION, not UNION ALL: a loop made before this check existed still ends.
    row = await tx.fetchone(
        "WITH RECURSIVE chain (id) AS (SELECT id FROM users WHERE id = ?"
        " UNION SELECT users.referred_by FROM users JOIN chain ON users.id = chain.id"
        " WHERE users.referred_by IS NOT NULL)"
        " SELECT count(*) AS known, coalesce(sum(id = ?), 0) AS loop FROM chain",
        (referrer, user_id),
    )
    return row is not None and row["known"] > 0 and row["loop"] == 0


def _search(text: str) -> tuple[str, tuple[object, ...]]:
    """A WHERE clause for a search by id (digits), @username or part of a first name."""
    text = text.strip()
    if not text:
        return "", ()
    if text.isascii() and text.isdigit():
        return " WHERE id = ?", (int(text),)
    # LIKE's wildcards in what an admin typed are letters to look for, not patterns.
    wanted = folded(text.lstrip("@"))
    pattern = "%" + wanted.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return (
        " WHERE folded(first_name) LIKE ? ESCAPE '\\' OR folded(username) LIKE ? ESCAPE '\\'",
        (pattern, pattern),
    )
