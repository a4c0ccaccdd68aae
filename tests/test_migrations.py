"""Every earlier schema version upgrades to the latest with its data intact.

For each version a database is built with the migrations up to it and every table gets a
row, made from the table's own declaration (a value each NOT NULL column without a default
accepts, the first value its CHECK allows); after `Database.open` has migrated it, every
row still has what it had in every column it had. A new migration is covered without
touching this test.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from bot.storage import Database, UsersRepo, migrations
from bot.storage.migrations import LATEST, MIGRATIONS, statements

TIME = "2026-01-01T00:00:00.000000Z"
# Money columns: migration 7 took them from 8 decimals to 5, so 1000 units became 1.
MONEY_SCALE_VERSION = 7
MONEY = {
    "users": {"balance"},
    "ledger": {"amount"},
    "orders": {"charge", "refunded", "rate", "panel_charge"},
    "topups": {"amount"},
    "shop_services": {"rate", "markup", "price"},
    "shop_categories": {"markup"},
}


def expected(table: str, row: dict[str, Any], version: int) -> dict[str, Any]:
    """The row as the latest schema should keep it."""
    if version >= MONEY_SCALE_VERSION:
        return row
    money = MONEY.get(table, set())
    return {k: v // 1000 if k in money and isinstance(v, int) else v for k, v in row.items()}


def value_for(table_sql: str, column: str, declared: str) -> Any:
    allowed = re.search(rf"CHECK \(\s*{column} IN\s*\(\s*('[^']*'|\d+)", table_sql)
    if allowed:
        literal = allowed[1]
        return literal.strip("'") if literal.startswith("'") else int(literal)
    # 1000: an amount at 8 decimals that migration 7 can carry to 5 exactly.
    return 1000 if "INT" in declared.upper() else f"{column}-{TIME}"


def fill(conn: sqlite3.Connection) -> None:
    tables = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    for table, table_sql in tables:
        columns = conn.execute(f"PRAGMA table_info({table})").fetchall()
        row = {
            name: value_for(table_sql, name, declared)
            for _, name, declared, notnull, default, primary in columns
            # Keys too: every table's 1000 then points at the other tables' rows, so a
            # migration that copies a table with its foreign keys checked finds them.
            if (notnull and default is None) or primary
        }
        names = ", ".join(row) or "rowid"
        marks = ", ".join("?" for _ in row) or "NULL"
        conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(row.values()))  # noqa: S608


def at_version(path: Path, version: int) -> sqlite3.Connection:
    """A database file made by the first `version` migrations, open."""
    conn = sqlite3.connect(path)
    for script in MIGRATIONS[:version]:
        for statement in statements(script):
            conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {version}")
    return conn


def contents(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    conn.row_factory = sqlite3.Row
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    return {
        table: sorted(
            (dict(row) for row in conn.execute(f"SELECT * FROM {table}")),  # noqa: S608
            key=repr,
        )
        for table in tables
    }


@pytest.mark.parametrize("version", range(1, LATEST))
async def test_a_database_at_each_version_upgrades_with_its_data(tmp_path, version) -> None:
    path: Path = tmp_path / "old.sqlite3"
    with closing(at_version(path, version)) as conn:
        fill(conn)
        conn.commit()
        before = contents(conn)
    assert all(before.values()), "every table has a row"

    async with await Database.open(path) as db:
        assert await db.schema_version() == LATEST

    with closing(sqlite3.connect(path)) as conn:
        after = contents(conn)
    for table, rows in before.items():
        kept = [{name: row[name] for name in rows[0]} for row in after.get(table, [])]
        want = [expected(table, row, version) for row in rows]
        assert sorted(kept, key=repr) == sorted(want, key=repr), table


async def test_customers_known_before_first_start_was_kept_count_as_started(tmp_path) -> None:
    # Their referrer (or none) was fixed when they came: a link opened now changes nothing.
    before = MIGRATIONS.index(migrations._V24_FIRST_START)
    path: Path = tmp_path / "old.sqlite3"
    with closing(at_version(path, before)) as conn:
        conn.execute(
            "INSERT INTO users (id, created_at, updated_at) VALUES (1, ?, ?), (2, ?, ?)",
            (TIME, TIME, TIME, TIME),
        )
        conn.commit()
    async with await Database.open(path) as db:
        users = UsersRepo(db)
        welcomed = await users.welcome(2, referrer=1)
        started = await db.fetchall("SELECT started_at FROM users ORDER BY id")
    assert welcomed.referred_by is None
    assert [row["started_at"] for row in started] == [TIME, TIME]
