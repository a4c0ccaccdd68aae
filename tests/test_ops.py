"""Running it: backups and their check, `/backup`, outbox pruning, health and metrics,
JSON logs."""

from __future__ import annotations

import json
import logging
import sqlite3
import sys

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendDocument
from aiohttp.test_utils import TestClient, TestServer

from bot.logs import MASK, JsonFormatter, current_user_id
from bot.ops.housekeeping import Housekeeping
from bot.ops.metrics import Metrics
from bot.ops.server import ops_app
from bot.storage import Database, OutboxRepo, UsersRepo, utcnow
from bot.storage.backup import BackupError, Backups, check
from bot.storage.db import parse_time
from tests.conftest import fund
from tests.harness import BotClient, texts
from tests.test_admin_shop import UNKNOWN

TOKEN = "123456:AAE-SENTINEL-json-token"
KEY = "SENTINEL-json-key"


async def test_backups_are_checked_copies_and_only_the_newest_are_kept(
    db: Database, tmp_path
) -> None:
    await fund(db, 1001, "12.34")
    backups = Backups(db.path, tmp_path / "backups", keep=2)
    taken = [await backups.take() for _ in range(3)]
    assert backups.all() == taken[1:]
    assert backups.latest() == taken[-1]
    # A copy is one file with everything committed: no WAL needed beside it.
    with sqlite3.connect(taken[-1]) as copy:
        assert copy.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert copy.execute("SELECT count(*) FROM ledger").fetchone()[0] == 1
    assert not list((tmp_path / "backups").glob("*.partial"))


def test_a_damaged_copy_fails_the_check(tmp_path) -> None:
    damaged = tmp_path / "bot-damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(BackupError):
        check(damaged)


async def test_backup_command_sends_the_file_to_the_admin_only(
    admin: BotClient, client: BotClient
) -> None:
    [sent] = [m for m in await admin.send("/backup") if isinstance(m, SendDocument)]
    assert sent.chat_id == admin.chat.id
    assert texts(await client.send("/backup")) == [UNKNOWN]


async def test_housekeeping_prunes_old_notifications_only(db: Database, bot: Bot, tmp_path) -> None:
    await UsersRepo(db).ensure(1001)
    old, recent = utcnow(after=-40 * 86400), utcnow(after=-86400)
    async with db.transaction() as tx:
        for sent_at in (old, recent, None):
            await tx.execute(
                "INSERT INTO outbox (user_id, key, created_at, next_attempt_at, sent_at)"
                " VALUES (1001, 'news', ?, ?, ?)",
                (old, old, sent_at),
            )
    outbox = OutboxRepo(db)
    keeper = Housekeeping(
        backups=Backups(db.path, tmp_path / "backups", keep=1),
        outbox=outbox,
        interval=0,
        outbox_keep_days=30,
    )
    await keeper.run_once(bot)
    rows = await outbox.for_user(1001)
    assert [row.sent_at for row in rows] == [parse_time(recent), None]
    assert await outbox.pending() == 1
    assert not (tmp_path / "backups").exists()  # no backups with BACKUP_INTERVAL=0


async def test_health_readiness_and_metrics(dp: Dispatcher, bot: Bot) -> None:
    metrics: Metrics = dp["metrics"]
    async with TestClient(TestServer(ops_app(dp))) as http:
        assert (await http.get("/healthz")).status == 200
        assert (await http.get("/readyz")).status == 200
        page = await (await http.get("/metrics")).text()
        assert "bot_outbox_pending 0.0" in page
        assert 'bot_orders_total{outcome="placed"} 0.0' in page
        # Started long ago, and neither the panel nor a sweep heard from since.
        metrics.started -= 10 * dp["settings"].status_poll_interval
        ready = await http.get("/readyz")
        assert ready.status == 503
        assert "no panel answer and no sweep" in await ready.text()


def test_each_dispatcher_has_its_own_metrics(dp: Dispatcher, settings, db, panel) -> None:
    from bot.app import create_dispatcher
    from bot.i18n import Translator

    other = create_dispatcher(settings=settings, db=db, panel=panel, translator=Translator())
    assert other["metrics"].registry is not dp["metrics"].registry


def test_json_logs_carry_the_user_and_mask_secrets() -> None:
    formatter = JsonFormatter([TOKEN, KEY])
    token = current_user_id.set(1001)
    try:
        record = logging.LogRecord(
            "bot.x", logging.INFO, __file__, 1, "calling %s with %s", (TOKEN, KEY), None
        )
        try:
            raise RuntimeError(KEY)
        except RuntimeError:
            record.exc_info = sys.exc_info()
        line = json.loads(formatter.format(record))
    finally:
        current_user_id.reset(token)
    assert line["user_id"] == 1001
    assert (line["level"], line["logger"]) == ("INFO", "bot.x")
    assert line["message"] == f"calling {MASK} with {MASK}"
    assert "SENTINEL" not in json.dumps(line)
    assert line["time"].endswith("+00:00")
