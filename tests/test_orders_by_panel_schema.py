"""A panel's order id is unique per panel, not across panels (test_storage checks that
foreign keys are on again once migrations, which run with them off, are done)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.storage import Database, UsersRepo

ORDER = (
    "INSERT INTO orders (user_id, panel, panel_order_id, service_id, service_name, service_type,"
    " service_category, rate, can_cancel, can_refill, link, quantity, charge, status,"
    " created_at, updated_at) VALUES (?, ?, ?, 1, 's', 'Default', 'c', 1, 0, 0, 'l', 10, 5,"
    " 'Pending', 't', 't')"
)


async def test_two_panels_may_each_have_an_order_123(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        await UsersRepo(db).ensure(7)
        async with db.transaction() as tx:
            await tx.execute(ORDER, (7, "", "123"))
            await tx.execute(ORDER, (7, "cheap", "123"))
        with pytest.raises(sqlite3.IntegrityError, match=r"orders\.panel_order_id"):
            async with db.transaction() as tx:
                await tx.execute(ORDER, (7, "cheap", "123"))
