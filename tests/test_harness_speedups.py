"""What makes the suite fast keeps each test on its own: a fresh database per test (copied
from one migrated once), and aiogram reading each signature once with the same outcome."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from aiogram import F
from aiogram.dispatcher.event.handler import CallableObject
from aiogram.filters import Command

from bot.settings import Settings
from bot.storage import Database, UsersRepo
from bot.storage.migrations import LATEST
from tests import handler_signatures
from tests.database_template import DatabaseTemplate


async def test_each_test_gets_a_fresh_migrated_database_file_of_its_own(
    db: Database, settings: Settings, tmp_path: Path, database_template: DatabaseTemplate
) -> None:
    assert db.path == settings.database_path
    assert db.path.parent == tmp_path
    assert await db.schema_version() == LATEST
    assert await db.pragma("journal_mode") == "wal"
    assert await UsersRepo(db).get(1001) is None
    await UsersRepo(db).ensure(1001)
    # What one copy holds, the next one does not: the template stays as migrated.
    async with await database_template.open(tmp_path / "another" / "bot.sqlite3") as other:
        assert await other.schema_version() == LATEST
        assert await UsersRepo(other).get(1001) is None


async def test_a_database_already_at_the_path_is_opened_as_it_is(
    tmp_path: Path, database_template: DatabaseTemplate
) -> None:
    path = tmp_path / "bot.sqlite3"
    async with await database_template.open(path) as first:
        await UsersRepo(first).ensure(7)
    async with await database_template.open(path) as again:
        assert await UsersRepo(again).get(7) is not None


class Thing:
    def method(self, message: object, bot: object) -> bool:
        return True

    async def __call__(self, event: object, **data: Any) -> bool:
        return True


async def handler(message: object, bot: object, state: object) -> None:
    pass


def sync_filter(message: object, *, users: object) -> bool:
    return True


@functools.wraps(handler)
async def wrapped(*args: Any, **kwargs: Any) -> None:
    pass


def read_by_aiogram(callback: Callable[..., Any]) -> tuple[bool, set[str], bool]:
    """What aiogram's own code reads, without the once-per-code shortcut."""
    callable_object = CallableObject.__new__(CallableObject)
    callable_object.callback = callback
    handler_signatures._read(callable_object)
    return callable_object.awaitable, callable_object.params, callable_object.varkw


CALLBACKS: list[Callable[..., Any]] = [
    handler,
    sync_filter,
    wrapped,
    lambda: True,
    lambda event, **data: True,
    Thing.method,
    Thing().method,
    Thing(),
    functools.partial(sync_filter, users=None),
    Command("start"),
    (F.text == "x").resolve,
]


@pytest.mark.parametrize("callback", CALLBACKS, ids=repr)
def test_a_signature_read_once_is_what_aiogram_reads_every_time(
    callback: Callable[..., Any],
) -> None:
    expected = read_by_aiogram(callback)
    for _ in range(2):  # the first reads and keeps, the second is given what was kept
        callable_object = CallableObject(callback)
        assert (callable_object.awaitable, callable_object.params, callable_object.varkw) == (
            expected
        )


def test_a_bound_method_and_its_function_are_read_apart() -> None:
    assert CallableObject(Thing.method).params == {"self", "message", "bot"}
    assert CallableObject(Thing().method).params == {"message", "bot"}
    assert CallableObject(Thing.method).params == {"self", "message", "bot"}


def test_what_was_alive_after_collection_is_frozen() -> None:
    # The suite's long-lived objects are not walked by every full collection.
    assert gc.get_freeze_count() > 100_000
