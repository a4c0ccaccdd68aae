"""Greetings admins wrote, one per language, replacing the composed one."""

from __future__ import annotations

from bot.storage.db import Database, utcnow


class GreetingsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get(self, locale: str) -> str | None:
        row = await self._db.fetchone("SELECT text FROM greetings WHERE locale = ?", (locale,))
        return None if row is None else str(row[0])

    async def put(self, locale: str, text: str, admin_id: int) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(
                "INSERT INTO greetings (locale, text, set_by, updated_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (locale) DO UPDATE SET text = excluded.text,"
                " set_by = excluded.set_by, updated_at = excluded.updated_at",
                (locale, text, admin_id, utcnow()),
            )

    async def reset(self, locale: str) -> bool:
        """Back to the composed greeting; False if none was set."""
        async with self._db.transaction() as tx:
            removed = await tx.execute("DELETE FROM greetings WHERE locale = ?", (locale,))
        return removed == 1
