"""Small named facts about the shop, kept across restarts."""

from __future__ import annotations

from bot.storage.db import Database, utcnow


class ShopStateRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, key: str, default: str) -> str:
        row = await self._db.fetchone("SELECT value FROM shop_state WHERE key = ?", (key,))
        return default if row is None else str(row[0])

    async def flip(self, key: str, value: str, default: str) -> bool:
        """Set `key` to `value` (unset counts as `default`); True if that changed it, so
        exactly one caller acts on each change."""
        now = utcnow()
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT OR IGNORE INTO shop_state (key, value, updated_at) VALUES (?, ?, ?)",
                (key, default, now),
            )
            changed = await tx.execute(
                "UPDATE shop_state SET value = ?, updated_at = ? WHERE key = ? AND value != ?",
                (value, now, key, value),
            )
        return changed == 1
