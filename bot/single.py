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


@contextmanager
def only_instance(database: Path) -> Iterator[None]:
    """Hold an exclusive lock beside the database file for as long as the bot runs.

    The operating system drops the lock when the process dies, kill -9 included.
    """
    path = database.with_name(database.name + ".lock")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(str(path)) from None
        yield
    finally:
        os.close(fd)
