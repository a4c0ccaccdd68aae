"""Customers' keys for the shop's own API v2, kept as hashes.

A key is shown once, when it is made (`issue`); the database keeps its SHA-256 (a key is 128
random bits, so a plain hash is enough: there is nothing to guess) and its last characters
as a hint. `/api new` replaces the key in the same row, so the old one stops at once.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from bot.storage.db import Database, Row, from_row, utcnow

# Panels' keys are 32 hex characters; ours look the same, so any client's field fits them.
KEY_BYTES = 16
HINT = 4


def as_typed(key: str) -> str:
    """The key as stored: one pasted with a line break or in capitals is still the key."""
    return key.strip().lower()


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


@dataclass(frozen=True)
class ApiKey:
    user_id: int
    hint: str  # the key's last characters
    enabled: bool
    notify: bool  # whether the customer hears about orders placed through the API
    created_at: str
    last_used_at: str | None
    switched_by: int | None
    switched_at: str | None


_SELECT = (
    "SELECT user_id, hint, enabled, notify, created_at, last_used_at, switched_by, switched_at"
    " FROM api_keys"
)


class ApiKeysRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def issue(self, user_id: int) -> str:
        """A new key for the customer (who must exist), replacing any earlier one: returned
        once, never stored. A key an admin switched off stays off under a new key."""
        key = secrets.token_hex(KEY_BYTES)
        now = utcnow()
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO api_keys (user_id, key_hash, hint, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (user_id) DO UPDATE SET key_hash = excluded.key_hash,"
                " hint = excluded.hint, created_at = excluded.created_at, last_used_at = NULL",
                (user_id, key_hash(key), key[-HINT:], now),
            )
        return key

    async def get(self, user_id: int) -> ApiKey | None:
        row = await self._db.fetchone(_SELECT + " WHERE user_id = ?", (user_id,))
        return None if row is None else _key(row)

    async def owner(self, key: str) -> ApiKey | None:
        """Whose key this is, if it is a current key (switched on or not: the caller says
        which refusal applies)."""
        row = await self._db.fetchone(_SELECT + " WHERE key_hash = ?", (key_hash(key),))
        return None if row is None else _key(row)

    async def still_on(self, key: str, user_id: int) -> bool:
        """Whether `key` is still the customer's key and switched on: a call let in, then
        held up, must not go on once the key was replaced or switched off meanwhile."""
        owner = await self.owner(as_typed(key))
        return owner is not None and owner.user_id == user_id and owner.enabled

    async def touch(self, user_id: int) -> None:
        """Note that the key was used now (`/user` shows when it was last)."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE api_keys SET last_used_at = ? WHERE user_id = ?", (utcnow(), user_id)
            )

    async def switch(self, user_id: int, enabled: bool, admin_id: int) -> bool:
        """An admin switches the customer's key on or off; False if they have none."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE api_keys SET enabled = ?, switched_by = ?, switched_at = ?"
                " WHERE user_id = ?",
                (int(enabled), admin_id, utcnow(), user_id),
            )
        return changed == 1

    async def set_notify(self, user_id: int, notify: bool) -> bool:
        """Whether the customer hears about their API orders; False if they have no key."""
        async with self._db.transaction() as tx:
            changed = await tx.execute(
                "UPDATE api_keys SET notify = ? WHERE user_id = ?", (int(notify), user_id)
            )
        return changed == 1


def _key(row: Row) -> ApiKey:
    return from_row(ApiKey, row)
