"""Admins see money by method (issue 25, point 4): `/stats` splits top-ups by method, `/user`
shows each top-up's method, payment id and refund note, the ledger names the method; and a
top-up paid outside Telegram is refunded outside the bot, recorded with a note (point 5)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher

from bot.payments import Credits
from bot.settings import Settings
from bot.storage import Database, LedgerRepo, Reason, TopupsRepo, TopupStatus, UsersRepo, post
from bot.storage.transfers import TransfersRepo
from tests.conftest import ADMIN_ID, settings_with
from tests.harness import BotClient, texts
from tests.helpers import balance_of, delivered
from tests.panel_emulator import PanelEmulator
from tests.test_payments import feed, payment

CUSTOMER = 1001


@pytest.fixture
def settings(tmp_path, emulator: PanelEmulator) -> Settings:
    return settings_with(tmp_path, emulator, transfer_details="Card 8600")


async def paid_transfer(dp: Dispatcher, db: Database, amount: str) -> int:
    await UsersRepo(db).ensure(CUSTOMER)
    transfer = await TransfersRepo(db, TopupsRepo(db)).open(CUSTOMER, Decimal(amount), "en")
    credits: Credits = dp["credits"]
    await credits.credit(transfer.id, str(transfer.id), actor=ADMIN_ID)
    return transfer.id


async def paid_stars(client: BotClient, db: Database, stars: int) -> int:
    topup = await TopupsRepo(db).create(
        CUSTOMER, Decimal(stars) / 100, "en", method="stars", stars=stars
    )
    await feed(client, payment(client, topup, charge_id=f"stx{topup.id}"))
    return topup.id


async def test_stats_user_and_ledger_say_which_method(
    dp: Dispatcher, db: Database, client: BotClient, admin: BotClient
) -> None:
    await client.send("/start")
    await paid_stars(client, db, 250)
    await paid_transfer(dp, db, "150")
    [text] = texts(await admin.send("/stats"))
    today = text.split("\n\n")[1].splitlines()
    assert today[-1] == "Top-ups: ⭐ Telegram Stars × 1 · 2.50, 💳 Card transfer × 1 · 150.00"
    [card, *more] = texts(await admin.send(f"/user {CUSTOMER}"))
    lines = card.splitlines()
    assert "Top-up 2 · 💳 Card transfer · 150.00 · paid · " in "\n".join(lines)
    assert "↳ payment id <code>2</code>" in lines
    assert any(line.startswith("Top-up 1 · ⭐ 250 · 2.50 · paid") for line in lines)
    assert "↳ payment id <code>stx1</code>" in lines
    ledger = "\n".join([card, *more])
    assert " · +150.00 · top-up (💳 Card transfer)" in ledger
    assert " · +2.50 · top-up (⭐ Telegram Stars)" in ledger


async def test_refund_outside_the_bot_records_a_note_and_tells_the_customer(
    dp: Dispatcher, bot: Bot, db: Database, admin: BotClient
) -> None:
    topup_id = await paid_transfer(dp, db, "150")
    said = texts(await admin.send(f"/refund {topup_id} paid back to card <8600>"))
    assert said == [
        "✅ Top-up #1 (💳 Card transfer) recorded as given back: 150.00 taken off customer"
        " <code>1001</code>'s balance (now 0.00). The bot cannot send this money back: pay it"
        " back to the customer yourself.\nNote: paid back to card &lt;8600&gt;"
    ]
    assert await balance_of(db, CUSTOMER) == 0
    topup = await TopupsRepo(db).get(topup_id)
    assert topup is not None
    assert (topup.status, topup.refund_note) == (TopupStatus.REFUNDED, "paid back to card <8600>")
    entries = await LedgerRepo(db).entries(CUSTOMER, 10)
    assert next((e.reason, e.amount, e.method) for e in entries) == (
        "topup_refund",
        Decimal(-150),
        "transfer",
    )
    assert await delivered(dp, bot, CUSTOMER) == [
        "✅ Top-up #1 is paid: +150.00 on your balance.\nBalance: <b>150.00</b>",
        "Top-up #1 has been refunded: we pay 150.00 back to you outside the bot, and it was"
        " taken off your balance.\nBalance: <b>0.00</b>",
    ]
    card = "\n".join(texts(await admin.send(f"/user {CUSTOMER}")))
    assert "↳ given back outside the bot: paid back to card &lt;8600&gt;" in card
    # Once only.
    assert texts(await admin.send(f"/refund {topup_id}")) == [
        "Top-up #1 has been refunded already."
    ]


async def test_refund_outside_refused_when_the_money_is_spent(
    dp: Dispatcher, db: Database, admin: BotClient
) -> None:
    topup_id = await paid_transfer(dp, db, "150")
    async with db.transaction() as tx:
        await post(tx, CUSTOMER, Decimal(-100), Reason.DEBIT)
    said = texts(await admin.send(f"/refund {topup_id}"))
    assert said == [
        "Customer <code>1001</code> has 50.00 on their balance, 100.00 short of what top-up #1"
        " credited: nothing was refunded."
    ]
    topup = await TopupsRepo(db).get(topup_id)
    assert topup is not None
    assert topup.status == TopupStatus.PAID
    assert await balance_of(db, CUSTOMER) == Decimal(50)


@pytest.mark.parametrize(("method", "label"), [("payme", "💳 Payme"), ("click", "💳 Click")])
async def test_payme_and_click_top_ups_show_by_method(
    dp: Dispatcher, db: Database, client: BotClient, admin: BotClient, method: str, label: str
) -> None:
    """Issue 29, point 3: a Payme or Click top-up is split out in /stats and named in /user."""
    await client.send("/start")
    topup = await TopupsRepo(db).create(CUSTOMER, Decimal(150), "en", method=method)
    credits: Credits = dp["credits"]
    await credits.credit(topup.id, f"{method}-777")
    [text] = texts(await admin.send("/stats"))
    assert text.split("\n\n")[1].splitlines()[-1] == f"Top-ups: {label} × 1 · 150.00"
    card = "\n".join(texts(await admin.send(f"/user {CUSTOMER}")))
    assert f"Top-up {topup.id} · {label} · 150.00 · paid · " in card
    assert f"↳ payment id <code>{method}-777</code>" in card
    assert f" · +150.00 · top-up ({label})" in card
    assert await LedgerRepo(db).check_consistency() == []
