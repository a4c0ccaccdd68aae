"""The database, its WAL and shared memory, and the backups are the bot's user's alone
(balances and customers' ids are in them), whatever the umask the process started with."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage import Database
from bot.storage.backup import Backups


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(params=[0o000, 0o022, 0o002])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    old = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(old)


async def test_the_database_and_a_backup_are_the_owners_only(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "data" / "bot.sqlite3"
    db = await Database.open(path)
    try:
        async with db.transaction() as tx:  # something in the WAL
            await tx.execute("CREATE TABLE probe (x INTEGER)")
        wal, shm = path.with_name("bot.sqlite3-wal"), path.with_name("bot.sqlite3-shm")
        assert wal.exists()
        assert shm.exists()
        assert {p.name: mode(p) for p in (path, wal, shm)} == {
            p.name: 0o600 for p in (path, wal, shm)
        }
        folder = tmp_path / "backups"
        backup = await Backups(path, folder, keep=2).take()
        assert mode(backup) == 0o600
        assert mode(folder) == 0o700
    finally:
        await db.close()


async def test_a_database_left_readable_by_an_older_release_is_made_private(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bot.sqlite3"
    db = await Database.open(path)
    await db.close()
    path.chmod(0o644)
    (tmp_path / "backups").mkdir(mode=0o755)
    db = await Database.open(path)
    try:
        assert mode(path) == 0o600
        await Backups(path, tmp_path / "backups", keep=1).take()
        assert mode(tmp_path / "backups") == 0o700
    finally:
        await db.close()
