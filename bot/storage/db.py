"""One shared SQLite connection, with transactions that never see each other's work.

Every statement goes through one connection, so an open transaction is visible to anything
else that runs on it: a read would see another handler's half-done writes and a commit would
commit them. An asyncio lock therefore covers every use of the connection, writes and reads
alike, and each write transaction starts with `BEGIN IMMEDIATE` so another process (a backup,
the sqlite3 shell) waits on the database lock instead of failing half-way.

Statements run on the event loop's own thread. A handler's statements take microseconds
(WAL, `synchronous = NORMAL`: a commit does not wait for the disk), far less than handing
each one to a worker thread and back, which capped the bot near 130 updates/s with the loop
idle half the time. Two things could still stall the loop, and go to the one worker thread
instead: waiting for another process's write lock (`BEGIN IMMEDIATE` is tried without
waiting first), and the work big enough to take milliseconds (`in_thread`, e.g. recording a
10,000-service catalogue), which runs there whole, in one hand-over.
"""

from __future__ import annotations

import asyncio
import dataclasses
import re
import sqlite3
import types
import typing
from collections.abc import AsyncIterator, Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, Self, TypeVar

from bot.money import from_minor
from bot.storage.migrations import MIGRATIONS, statements
from bot.storage.private import private_file
from bot.text import folded

Params = Sequence[Any]
Row = sqlite3.Row

BUSY_TIMEOUT_MS = 5000
# Fixed width, so ISO timestamps sort and compare as text in SQL.
_TIMESTAMP = "%Y-%m-%dT%H:%M:%S.%fZ"
_PRAGMA_NAME = re.compile(r"[a-z_]+")
WORKER = "sqlite-worker"  # the worker thread's name


class StorageError(Exception):
    """Base of the storage layer's domain errors."""


def utcnow(after: float = 0.0) -> str:
    """The current time (plus `after` seconds) as stored in every `*_at` column: ISO 8601,
    UTC, microseconds."""
    return stamp(datetime.now(UTC) + timedelta(seconds=after))


def stamp(moment: datetime) -> str:
    """A moment (aware) as stored in every `*_at` column."""
    return moment.astimezone(UTC).strftime(_TIMESTAMP)


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, _TIMESTAMP).replace(tzinfo=UTC)


Model = TypeVar("Model")
Result = TypeVar("Result")
# How a column becomes a model field of each type: money from minor units, flags from 0/1.
_FROM_COLUMN: dict[object, Callable[[Any], Any]] = {
    Decimal: from_minor,
    bool: bool,
    datetime: parse_time,
}


_plans: dict[type[Any], list[tuple[str, Callable[[Any], Any] | None]]] = {}


def _plan(model: type[Any]) -> list[tuple[str, Callable[[Any], Any] | None]]:
    if model not in _plans:
        hints = typing.get_type_hints(model)
        plan = []
        for field in dataclasses.fields(model):
            hint = hints[field.name]
            if isinstance(hint, types.UnionType):  # `X | None`: NULL stays None
                hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
            plan.append((field.name, _FROM_COLUMN.get(hint)))
        _plans[model] = plan
    return _plans[model]


def from_row(model: type[Model], row: Row) -> Model:
    """A row as a dataclass model, each column converted by its field's declared type."""
    values = {}
    for name, convert in _plan(model):
        value = row[name]
        values[name] = value if convert is None or value is None else convert(value)
    return model(**values)


class Transaction:
    """The statements of one `Database.transaction()`; valid only inside its block."""

    def __init__(self, db: Database) -> None:
        self._db: Database | None = db
        self._savepoints = 0

    def _live(self) -> Database:
        if self._db is None:
            raise RuntimeError("the transaction has ended")
        return self._db

    async def execute(self, sql: str, params: Params = ()) -> int:
        """Run one statement; the number of rows it changed."""
        return self._live()._execute(sql, params)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        return self._live()._fetchall(sql, params)

    @asynccontextmanager
    async def savepoint(self) -> AsyncIterator[None]:
        """Undo only this block's statements if it raises; the transaction goes on."""
        self._savepoints += 1
        name = f"sp{self._savepoints}"
        await self.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            await self.execute(f"ROLLBACK TO {name}")
            await self.execute(f"RELEASE {name}")
            raise
        await self.execute(f"RELEASE {name}")

    def _end(self) -> None:
        self._db = None


def _folded_or_null(text: str | None) -> str | None:
    return None if text is None else folded(text)


class Database:
    """The application's one connection. Open with `await Database.open(path)`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, worker: ThreadPoolExecutor) -> None:
        self._conn = conn
        self.path = path
        self._worker = worker
        self._lock = asyncio.Lock()
        self._owner: asyncio.Task[Any] | None = None
        self._closed = False

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        """Open (creating the file and its folders), configure, and migrate to the latest schema."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        private_file(path)
        worker = ThreadPoolExecutor(1, thread_name_prefix=WORKER)
        # isolation_level=None: Python's sqlite3 opens no transactions of its own, so the only
        # transactions are the explicit `BEGIN IMMEDIATE` ones below. The worker thread runs
        # statements too (one at a time, under the lock), hence check_same_thread=False.
        try:
            conn = await asyncio.get_running_loop().run_in_executor(
                worker,
                partial(sqlite3.connect, path, isolation_level=None, check_same_thread=False),
            )
        except BaseException:
            worker.shutdown()
            raise
        db = cls(conn, path, worker)
        try:
            conn.row_factory = sqlite3.Row
            # SQLite's LIKE ignores case in ASCII only: searches compare folded text.
            conn.create_function("folded", 1, _folded_or_null, deterministic=True)
            for pragma in (
                "PRAGMA journal_mode = WAL",
                f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}",
                "PRAGMA synchronous = NORMAL",
            ):
                conn.execute(pragma).close()
            # Foreign keys are off while migrating (SQLite's own way to rebuild a table that
            # others point at); each migration checks them before it commits.
            await db._migrate()
            conn.execute("PRAGMA foreign_keys = ON").close()
        except BaseException:
            await db.close()
            raise
        return db

    async def _migrate(self) -> None:
        while True:
            async with self.transaction() as tx:
                # Read inside the write lock: another process may be migrating the same file.
                row = await tx.fetchone("PRAGMA user_version")
                version = int(row[0]) if row else 0
                if version > len(MIGRATIONS):
                    raise StorageError(
                        f"{self.path} has schema version {version}, newer than this code knows"
                        f" ({len(MIGRATIONS)}): refusing to run an older release on it"
                    )
                if version == len(MIGRATIONS):
                    return
                for statement in statements(MIGRATIONS[version]):
                    await tx.execute(statement)
                if broken := await tx.fetchall("PRAGMA foreign_key_check"):
                    raise StorageError(
                        f"migration {version + 1} leaves {len(broken)} rows pointing nowhere,"
                        f" first in {broken[0][0]}"
                    )
                await tx.execute(f"PRAGMA user_version = {version + 1}")

    async def schema_version(self) -> int:
        return int(await self.pragma("user_version"))

    async def close(self) -> None:
        """Close the connection and stop the worker thread."""
        if self._closed:
            return
        self._closed = True
        async with self._lock:
            await asyncio.get_running_loop().run_in_executor(self._worker, self._conn.close)
        self._worker.shutdown(wait=True)

    @property
    def closed(self) -> bool:
        return self._closed

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    def _check_not_nested(self) -> None:
        # asyncio.Lock is not reentrant: using the database from inside one's own transaction
        # would wait forever, so say what to do instead.
        if self._owner is not None and self._owner is asyncio.current_task():
            raise RuntimeError("inside a transaction, use the transaction's own methods")
        if self._closed:
            raise RuntimeError("the database is closed")

    def _execute(self, sql: str, params: Params) -> int:
        cursor = self._conn.execute(sql, params)
        try:
            return cursor.rowcount
        finally:
            cursor.close()

    def _fetchall(self, sql: str, params: Params) -> list[Row]:
        cursor = self._conn.execute(sql, params)
        try:
            return cursor.fetchall()
        finally:
            cursor.close()

    async def _in_worker(self, work: Callable[[], Result]) -> Result:
        """Run `work` on the worker thread. Not cancellable half-way: the connection is
        needed back before anyone else uses it, so a cancelled caller still waits for it."""
        future = asyncio.get_running_loop().run_in_executor(self._worker, work)
        try:
            return await asyncio.shield(future)
        except asyncio.CancelledError:
            await asyncio.wait([future])
            raise

    async def _begin(self) -> None:
        """BEGIN IMMEDIATE; while another process holds the write lock, wait for it on the
        worker thread (up to busy_timeout), not on the loop."""
        try:
            with self._no_busy_wait():
                self._conn.execute("BEGIN IMMEDIATE").close()
        except sqlite3.OperationalError as error:
            if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
                raise
            await self._in_worker(lambda: self._conn.execute("BEGIN IMMEDIATE").close())

    @contextmanager
    def _no_busy_wait(self) -> Iterator[None]:
        self._conn.execute("PRAGMA busy_timeout = 0").close()
        try:
            yield
        finally:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}").close()

    @asynccontextmanager
    async def transaction(self, *, durable: bool = False) -> AsyncIterator[Transaction]:
        """`async with db.transaction() as tx:` commits on success, rolls back on any exception.

        Transactions run one at a time, and no read runs while one is open.

        `synchronous = NORMAL` keeps a commit through a crash of the process but not of the
        machine (a power cut may take the last commits back). `durable=True` is for the
        commits whose loss would cost money after something outside has acted on them: an
        order recorded and charged before the panel's `add`, a Stars payment credited after
        Telegram took the money. Its COMMIT waits for the disk (`synchronous = FULL`), on
        the worker thread so the loop does not wait with it.
        """
        self._check_not_nested()
        async with self._lock:
            self._owner = asyncio.current_task()
            tx = Transaction(self)
            try:
                if durable:  # SQLite takes the safety level only outside a transaction
                    self._conn.execute("PRAGMA synchronous = FULL").close()
                await self._begin()
                yield tx
                if durable:
                    await self._in_worker(lambda: self._conn.execute("COMMIT").close())
                else:
                    self._conn.execute("COMMIT").close()
            except BaseException:
                # A rollback with no transaction open (BEGIN failed) does nothing.
                self._conn.rollback()
                raise
            finally:
                if durable:
                    self._conn.execute("PRAGMA synchronous = NORMAL").close()
                tx._end()
                self._owner = None

    async def in_thread(self, work: Callable[[sqlite3.Connection], Result]) -> Result:
        """Run `work(connection)` as one write transaction on the worker thread: for work
        that would hold the loop for milliseconds. Its statements run without a hand-over
        each; `work` must not touch anything the loop uses."""
        self._check_not_nested()
        async with self._lock:

            def whole() -> Result:
                self._conn.execute("BEGIN IMMEDIATE").close()
                try:
                    result = work(self._conn)
                except BaseException:
                    self._conn.rollback()
                    raise
                self._conn.execute("COMMIT").close()
                return result

            return await self._in_worker(whole)

    async def fetchone(self, sql: str, params: Params = ()) -> Row | None:
        rows = await self.fetchall(sql, params)
        return rows[0] if rows else None

    async def fetchall(self, sql: str, params: Params = ()) -> list[Row]:
        """Read committed data: waits for any open transaction to finish first."""
        self._check_not_nested()
        async with self._lock:
            return self._fetchall(sql, params)

    async def pragma(self, name: str) -> Any:
        """The value of a PRAGMA, e.g. `await db.pragma("journal_mode")`."""
        if not _PRAGMA_NAME.fullmatch(name):
            raise ValueError(f"not a pragma name: {name!r}")
        row = await self.fetchone(f"PRAGMA {name}")
        return None if row is None else row[0]
