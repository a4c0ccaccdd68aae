"""API keys are kept as hashes, replaced in place, and switched off by admins."""

from __future__ import annotations

from pathlib import Path

from bot.storage import ApiKeysRepo, Database, UsersRepo


async def test_a_key_is_shown_once_and_kept_as_a_hash(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        await UsersRepo(db).ensure(7)
        keys = ApiKeysRepo(db)
        key = await keys.issue(7)
        assert len(key) == 32
        stored = await db.fetchall("SELECT * FROM api_keys")
        assert key not in repr([tuple(row) for row in stored])
        owner = await keys.owner(key)
        assert owner is not None
        assert owner.user_id == 7
        assert owner.hint == key[-4:]
        assert await keys.owner(key.upper()) is None


async def test_a_new_key_stops_the_old_one_at_once(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        await UsersRepo(db).ensure(7)
        keys = ApiKeysRepo(db)
        old = await keys.issue(7)
        await keys.touch(7)
        new = await keys.issue(7)
        assert old != new
        assert await keys.owner(old) is None
        fresh = await keys.owner(new)
        assert fresh is not None
        assert fresh.last_used_at is None


async def test_switched_off_stays_off_under_a_new_key(tmp_path: Path) -> None:
    async with await Database.open(tmp_path / "bot.sqlite3") as db:
        await UsersRepo(db).ensure(7)
        keys = ApiKeysRepo(db)
        assert not await keys.switch(7, False, admin_id=1)  # no key yet
        await keys.issue(7)
        assert await keys.switch(7, False, admin_id=1)
        key = await keys.issue(7)
        owner = await keys.owner(key)
        assert owner is not None
        assert not owner.enabled
        assert owner.switched_by == 1
        assert await keys.set_notify(7, False)
        after = await keys.get(7)
        assert after is not None
        assert not after.notify
