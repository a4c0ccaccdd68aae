"""Fallbacks: where a service's orders go, in order, when its own panel definitely refuses.

A fallback is a panel (as orders name it: '' the main one, else the panel's name) and the
service's id on that panel. A service's list is replaced whole: `/fallback N A:1 B:2` says
the whole list, so an admin never has to reason about what was there before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.storage.db import Database, utcnow


@dataclass(frozen=True, slots=True)
class Fallback:
    panel: str  # '' the main panel, else its name (lower case)
    panel_service_id: int  # the service's id on that panel


class FallbacksRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def of(self, service_id: int) -> list[Fallback]:
        """Service `service_id`'s fallbacks, in the order they are tried."""
        rows = await self._db.fetchall(
            "SELECT panel, panel_service_id FROM service_fallbacks WHERE service_id = ?"
            " ORDER BY position",
            (service_id,),
        )
        return [Fallback(str(row[0]), int(row[1])) for row in rows]

    async def replace(self, service_id: int, fallbacks: Sequence[Fallback], admin_id: int) -> None:
        """Make `fallbacks` the service's whole list (empty: none)."""
        now = utcnow()
        async with self._db.transaction() as tx:
            await tx.execute("DELETE FROM service_fallbacks WHERE service_id = ?", (service_id,))
            for position, each in enumerate(dict.fromkeys(fallbacks), start=1):
                await tx.execute(
                    "INSERT INTO service_fallbacks (service_id, position, panel,"
                    " panel_service_id, set_by, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (service_id, position, each.panel, each.panel_service_id, admin_id, now),
                )

    async def count(self) -> int:
        """How many services have fallbacks."""
        row = await self._db.fetchone("SELECT count(DISTINCT service_id) FROM service_fallbacks")
        return int(row[0]) if row else 0
