"""Online backups with SQLite's backup API, while the bot runs.

A backup is read through a connection of its own, so it copies one committed state of the
database (WAL gives a reader a snapshot) and never waits on, or holds up, the bot's
transactions. Each copy is integrity-checked before it takes its final name; a copy that
fails the check is deleted and reported, never kept as if it were good.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.storage.private import private_file, private_folder

log = logging.getLogger(__name__)

PREFIX = "bot-"
SUFFIX = ".sqlite3"
BUSY_TIMEOUT_S = 30.0


class BackupError(Exception):
    pass


class Backups:
    def __init__(self, database: Path, folder: Path, keep: int) -> None:
        self.database = database
        self.folder = folder
        self.keep = keep

    def all(self) -> list[Path]:
        """Finished backups, oldest first (their names sort by time)."""
        if not self.folder.is_dir():
            return []
        return sorted(self.folder.glob(f"{PREFIX}*{SUFFIX}"))

    def latest(self) -> Path | None:
        found = self.all()
        return found[-1] if found else None

    async def take(self) -> Path:
        """Copy the database into a new checked backup, then drop the oldest past `keep`."""
        path = await asyncio.to_thread(self._take)
        for old in self.all()[: -self.keep]:
            old.unlink(missing_ok=True)
        return path

    def _take(self) -> Path:
        private_folder(self.folder)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        final = self.folder / f"{PREFIX}{stamp}{SUFFIX}"
        partial = final.with_name(final.name + ".partial")
        partial.unlink(missing_ok=True)
        try:
            private_file(partial)
            with (
                contextlib.closing(
                    sqlite3.connect(self.database, timeout=BUSY_TIMEOUT_S)
                ) as source,
                contextlib.closing(sqlite3.connect(partial)) as copy,
            ):
                source.backup(copy)
                # A copy restored later is one plain file: no WAL beside it to lose.
                copy.execute("PRAGMA journal_mode = DELETE")
            check(partial)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(final)
        return final


def check(path: Path) -> None:
    """Raise BackupError unless SQLite finds the file sound."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
            problems = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path.name}: {error}") from None
    if problems != ["ok"]:
        raise BackupError(f"{path.name}: {'; '.join(problems[:5])}")
