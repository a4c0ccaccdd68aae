"""One bot process per database: Telegram lets only one process poll a bot (the second gets
409 Conflict), and two processes would both sweep and notify."""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class AlreadyRunning(Exception):
    pass


class CannotWrite(Exception):
    """A folder the bot keeps its data in cannot be created or written; says which and why."""


def writable_folder(folder: Path, setting: str) -> None:
    """Create `folder` if need be; CannotWrite naming the setting if it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        probe = folder / ".write-test"
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise CannotWrite(
            f"{setting}: cannot write to {str(folder.resolve())!r} ({error.strerror}) as user"
            f" id {os.getuid()}; make that folder writable, or point {setting} elsewhere"
        ) from None


@contextmanager
def only_instance(database: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the database file for as long as the bot runs.

    The operating system drops the lock when the process dies, kill -9 included.
    """
    path = database.with_name(database.name + ".lock")
    writable_folder(path.parent, "DATABASE_PATH")
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(str(path)) from None
        yield
    finally:
        os.close(fd)
