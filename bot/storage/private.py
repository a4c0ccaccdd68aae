"""Files only the bot's own user may read: the database holds balances and customers' ids,
and on a bind mount any host user could otherwise read it, whatever the umask said."""

from __future__ import annotations

import logging
import os
from pathlib import Path

log = logging.getLogger(__name__)

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def private_file(path: Path) -> None:
    """Create `path` empty if it is missing, and make it (and a database's WAL and shared
    memory beside it) readable by the owner only. SQLite creates those two with the mode of
    the database file, so making the database private first is what makes them private."""
    os.close(os.open(path, os.O_RDWR | os.O_CREAT, FILE_MODE))
    for each in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if each.exists():
            _restrict(each, FILE_MODE)


def private_folder(path: Path) -> None:
    """Create `path` (and its parents) if missing, and make it the owner's only."""
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    _restrict(path, FOLDER_MODE)


def _restrict(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            path.chmod(mode)
    except PermissionError:
        # A folder made by someone else (a bind mount owned by root): still usable.
        log.warning("cannot make %s private (mode %o): not its owner", path, mode)
