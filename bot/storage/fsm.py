"""aiogram FSM storage in SQLite, so a conversation half done survives a restart."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, Literal

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


class SQLiteStorage(BaseStorage):
    """One row per key with its state and its data (a JSON object).

    Shares the application's `Database`; `close()` leaves it open, the application closes it.
    """

    def __init__(self, db: Database, key_builder: KeyBuilder | None = None) -> None:
        self._db = db
        # The bot id keeps two bots on one file apart; the destiny keeps scenes apart.
        self.key_builder = key_builder or DefaultKeyBuilder(with_bot_id=True, with_destiny=True)

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        await self._put(key, "state", state.state if isinstance(state, State) else state)

    async def get_state(self, key: StorageKey) -> str | None:
        state: str | None = await self._get(key, "state", None)
        return state

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        if not isinstance(data, dict):
            raise DataNotDictLikeError(
                f"Data must be a dict or dict-like object, got {type(data).__name__}"
            )
        # Serialised first: data that is not JSON fails before anything is written.
        await self._put(key, "data", json.dumps(data, ensure_ascii=False, separators=(",", ":")))

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(await self._get(key, "data", "{}"))
        return data

    async def close(self) -> None:
        """Nothing to do: the database is shared and closed by the application."""

    async def _get(self, key: StorageKey, column: Literal["state", "data"], default: Any) -> Any:
        row = await self._db.fetchone(
            f"SELECT {column} FROM fsm WHERE key = ?",  # noqa: S608  # column is one of ours
            (self.key_builder.build(key),),
        )
        return default if row is None else row[0]

    async def _put(
        self, key: StorageKey, column: Literal["state", "data"], value: str | None
    ) -> None:
        built = self.key_builder.build(key)
        async with self._db.transaction() as tx:
            await tx.execute(
                f"INSERT INTO fsm (key, {column}) VALUES (?, ?)"  # noqa: S608  # column is ours
                f" ON CONFLICT (key) DO UPDATE SET {column} = excluded.{column}",
                (built, value),
            )
            # A finished conversation (no state, no data) needs no row: the table stays the
            # size of the conversations in progress.
            await tx.execute(
                "DELETE FROM fsm WHERE key = ? AND state IS NULL AND data = '{}'", (built,)
            )
