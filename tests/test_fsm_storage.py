"""FSM state and data in SQLite: kept per key, and across a restart."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.exceptions import DataNotDictLikeError
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey

from bot.storage import Database, SQLiteStorage


class Ordering(StatesGroup):
    link = State()


KEY = StorageKey(bot_id=1, chat_id=10, user_id=10)


@pytest.fixture
async def storage(tmp_path: Path) -> AsyncIterator[SQLiteStorage]:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        yield SQLiteStorage(db)


async def test_state_and_data_survive_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await Database.open(path) as db:
        storage = SQLiteStorage(db)
        await storage.set_state(KEY, Ordering.link)
        await storage.set_data(KEY, {"service": 7, "name": "Подписчики", "nested": {"q": [1]}})
        await storage.close()
        # The storage's close leaves the shared database open for the rest of the app.
        assert not db.closed
        assert await db.schema_version() > 0
    async with await Database.open(path) as db:
        storage = SQLiteStorage(db)
        assert await storage.get_state(KEY) == "Ordering:link"
        assert await storage.get_data(KEY) == {
            "service": 7,
            "name": "Подписчики",
            "nested": {"q": [1]},
        }


async def test_unknown_keys_read_empty(storage: SQLiteStorage) -> None:
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {}
    assert await storage.get_value(KEY, "missing", 3) == 3


async def test_state_may_be_a_string_or_none(storage: SQLiteStorage) -> None:
    await storage.set_state(KEY, "custom:step")
    assert await storage.get_state(KEY) == "custom:step"
    await storage.set_data(KEY, {"a": 1})
    await storage.set_state(KEY, None)
    assert await storage.get_state(KEY) is None
    assert await storage.get_data(KEY) == {"a": 1}  # clearing the state keeps the data


async def test_keys_are_kept_apart(storage: SQLiteStorage) -> None:
    other_user = StorageKey(bot_id=1, chat_id=10, user_id=11)
    other_bot = StorageKey(bot_id=2, chat_id=10, user_id=10)
    other_destiny = StorageKey(bot_id=1, chat_id=10, user_id=10, destiny="scene")
    await storage.set_state(KEY, Ordering.link)
    await storage.set_data(KEY, {"a": 1})
    for key in (other_user, other_bot, other_destiny):
        assert await storage.get_state(key) is None
        assert await storage.get_data(key) == {}


async def test_update_data_merges(storage: SQLiteStorage) -> None:
    await storage.set_data(KEY, {"a": 1, "b": 2})
    assert await storage.update_data(KEY, {"b": 3, "c": 4}) == {"a": 1, "b": 3, "c": 4}
    assert await storage.get_data(KEY) == {"a": 1, "b": 3, "c": 4}


async def test_a_cleared_conversation_leaves_no_row(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        storage = SQLiteStorage(db)
        await storage.set_state(KEY, Ordering.link)
        await storage.set_data(KEY, {"a": 1})
        assert len(await db.fetchall("SELECT * FROM fsm")) == 1
        await storage.set_state(KEY, None)
        await storage.set_data(KEY, {})
        assert await db.fetchall("SELECT * FROM fsm") == []


async def test_data_must_be_a_json_dict(storage: SQLiteStorage) -> None:
    with pytest.raises(DataNotDictLikeError):
        await storage.set_data(KEY, [("a", 1)])  # type: ignore[arg-type]
    await storage.set_data(KEY, {"a": 1})
    with pytest.raises(TypeError):
        await storage.set_data(KEY, {"a": object()})
    assert await storage.get_data(KEY) == {"a": 1}


async def test_a_step_writes_state_and_data_in_one_commit(tmp_path: Path) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await Database.open(path) as db:
        storage = SQLiteStorage(db)
        await storage.set_state_and_data(KEY, Ordering.link, {"service": 7})
        changes = await db.fetchone("SELECT total_changes()")
        assert changes is not None
        before = int(changes[0])
        await storage.set_state_and_data(KEY, Ordering.link, {"service": 8})
        changes = await db.fetchone("SELECT total_changes()")
        assert changes is not None
        assert int(changes[0]) - before == 1  # one row written once, not once per field
    async with await Database.open(path) as db:
        storage = SQLiteStorage(db)
        assert await storage.get_state(KEY) == "Ordering:link"
        assert await storage.get_data(KEY) == {"service": 8}
        # Both back to nothing: the finished conversation's row is gone.
        await storage.set_state_and_data(KEY, None, {})
        assert await db.fetchone("SELECT 1 FROM fsm") is None
