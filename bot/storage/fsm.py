"""aiogram FSM storage in SQLite, so a conversation half done survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State
from aiogram.fsm.storage.base import (
    BaseStorage,
    DefaultKeyBuilder,
    KeyBuilder,
    StateType,
    StorageKey,
)

from bot.storage.db import Database

_EMPTY = "{}"
_KEEP: Any = object()  # a column a write leaves as it is
# Past this many remembered keys, the finished conversations are forgotten (read again if
# their customer comes back): the memory stays the size of the conversations in progress.
_REMEMBER = 50_000

# (state, data as JSON text)
_Row = tuple[str | None, str]


class SQLiteStorage(BaseStorage):
    """One row per key with its state and its data (a JSON object).

    Every key read is remembered, and every write goes to the file first and then to
    memory, so reading a conversation's state costs no query (the bot is the file's only
    writer: `bot.single.only_instance`) and a write is one statement with both columns.

    Shares the application's `Database`; `close()` leaves it open, the application closes it.
    """

    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self._db = db
        # The bot id keeps two bots on one file apart; the destiny keeps scenes apart.
        self.key_builder = key_builder or DefaultKeyBuilder(with_bot_id=True, with_destiny=True)
        self._rows: dict[str, _Row] = {}

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self._put(key, state.state if isinstance(state, State) else state, _KEEP)

    async def get_state(self, key: StorageKey) -> str | None:
        return (await self._get(key))[0]

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(
                f"Data must be a dict or dict-like object, got {type(data).__name__}"
            )
        # Serialised first: data that is not JSON fails before anything is written.
        await self._put(key, _KEEP, json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    async def set_state_and_data(
        self, key: StorageKey, state: StateType, data: Mapping[str, Any]
    ) -> None:
        """Both in one statement and one commit: a conversation step moves to its question's
        state with its answers so far, and aiogram's two calls would write the row twice."""
        encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        await self._put(key, state.state if isinstance(state, State) else state, encoded)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        data: dict[str, Any] = json.loads((await self._get(key))[1])
        return data

    async def close(self) -> None:
        """Nothing to do: the database is shared and closed by the application."""

    async def _get(self, key: StorageKey) -> _Row:
        built = self.key_builder.build(key)
        if (known := self._rows.get(built)) is not None:
            return known
        row = await self._db.fetchone("SELECT state, data FROM fsm WHERE key = ?", (built,))
        # No await since the read: nothing was written in between.
        return self._remember(built, (None, _EMPTY) if row is None else (row[0], row[1]))

    async def _put(self, key: StorageKey, state: str | None, data: str) -> None:
        built = self.key_builder.build(key)
        async with self._db.transaction() as tx:
            old = self._rows.get(built)
            if old is None:
                row = await tx.fetchone("SELECT state, data FROM fsm WHERE key = ?", (built,))
                old = (None, _EMPTY) if row is None else (row[0], row[1])
            new = (old[0] if state is _KEEP else state, old[1] if data is _KEEP else data)
            if new == (None, _EMPTY):
                # A finished conversation needs no row: the table stays the size of the
                # conversations in progress.
                await tx.execute("DELETE FROM fsm WHERE key = ?", (built,))
            else:
                await tx.execute(
                    "INSERT INTO fsm (key, state, data) VALUES (?, ?, ?) ON CONFLICT (key)"
                    " DO UPDATE SET state = excluded.state, data = excluded.data",
                    (built, *new),
                )
        # Only once committed: a failed write leaves memory as the file is.
        self._remember(built, new)

    def _remember(self, built: str, row: _Row) -> _Row:
        if len(self._rows) >= _REMEMBER and built not in self._rows:
            self._rows = {k: v for k, v in self._rows.items() if v != (None, _EMPTY)}
        self._rows[built] = row
        return row
