"""An admin's `/backup` while customers order, then the README's restore steps: stop, put
the backup in place of the database, start; balances and orders are as they were."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from tests.conftest import ADMIN_ID
from tests.e2e.bot_process import BotProcess, Customer
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import funded_customer, order_members, shown

pytestmark = pytest.mark.e2e

ALICE = 1001


async def test_a_backup_taken_online_restores_balances_and_orders(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    en = translator.texts("en")
    alice = await funded_customer(bot_process, telegram, ALICE, "20")
    await order_members(alice, en, "1", charge="7.20", balance="12.80")

    boss = telegram.user(ADMIN_ID, "Boss")
    await boss.send("/backup")
    sent = await boss.wait_for_message(lambda m: m.document is not None, "the backup file")
    assert sent.document is not None
    name, content = sent.document
    assert content.startswith(b"SQLite format 3\x00")
    assert shown(en, "admin-backup-sent", name=name) == sent.text

    # Life goes on after the backup...
    await order_members(alice, en, "2", charge="7.20", balance="5.60")
    await bot_process.settled()
    await bot_process.stop()

    # ...and is undone by the restore, as the README says: the backup in place of the
    # database, the old WAL files beside it removed.
    database = bot_process.database_path
    database.write_bytes(content)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)

    await bot_process.start()
    assert await bot_process.customers(ALICE) == {
        ALICE: Customer(Decimal("12.80"), None, [("23501", "Pending", Decimal("7.20"))])
    }
    await alice.send("/balance")
    await alice.wait_for_text("12.80")
    await bot_process.stop()
