"""Customers: one row per Telegram user who has talked to the bot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal

from bot.storage.db import Database, StorageError, from_row, utcnow


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


class UsersRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def ensure(self, user_id: int) -> Customer:
        """The user's row, created on first sight; calling it again changes nothing."""
        now = utcnow()
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO users (id, created_at, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (user_id, now, now),
            )
            row = await tx.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        if row is None:  # cannot happen: inserted or already there, in this transaction
            raise UnknownUser(user_id)
        return from_row(Customer, row)

    async def get(self, user_id: int) -> Customer | None:
        row = await self._db.fetchone("SELECT * FROM users WHERE id = ?", (user_id,))
        return None if row is None else from_row(Customer, row)

    async def set_language(self, user_id: int, language: str | None) -> None:
        """Remember the user's choice (None: follow Telegram's language again)."""
        await self._upsert(user_id, "language", language)

    async def welcome(self, user_id: int) -> Customer:
        """A user who opened the bot (`/start`): created if new, and if they had blocked the
        bot they are back, so notifications may reach them again."""
        user = await self.ensure(user_id)
        if user.blocked:
            await self.set_blocked(user_id, False)
        return user

    async def set_blocked(self, user_id: int, blocked: bool) -> None:
        await self._upsert(user_id, "blocked", int(blocked))

    async def set_telegram_language(self, user_id: int, code: str) -> None:
        """Remember the language Telegram reports: messages sent outside an update use it."""
        await self._upsert(user_id, "telegram_language", code)

    async def _upsert(
        self,
        user_id: int,
        column: Literal["language", "blocked", "telegram_language"],
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
