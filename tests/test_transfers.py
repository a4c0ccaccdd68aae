"""Card transfer with a receipt through the real Dispatcher: the customer's amount, details
and receipt; every admin's copy; approved or rejected exactly once whoever taps; forged,
stale and wrong input answered and changing nothing."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import (
    AnswerCallbackQuery,
    EditMessageCaption,
    SendDocument,
    SendMessage,
    SendPhoto,
)
from aiogram.types import Document, PhotoSize, Voice

from bot.desk.transfers import TransferReminders
from bot.i18n import Translator
from bot.settings import Settings
from bot.storage import Database, LedgerRepo, TopupsRepo, TopupStatus
from bot.telegram.callbacks import TopupCb, TransferCb
from tests.conftest import ADMIN_ID, MakeClient, settings_with
from tests.harness import BotClient, a_sticker, buttons, texts
from tests.helpers import balance_of, delivered
from tests.panel_emulator import PanelEmulator
from tests.test_order_flow import to_summary

SECOND_ADMIN = 9002
CUSTOMER = 1001
DETAILS = r"Card 8600 1234 5678 9012\nHolder: A & B <Shop>"


@pytest.fixture
def settings(tmp_path, emulator: PanelEmulator) -> Settings:
    return settings_with(
        tmp_path,
        emulator,
        admin_ids=f"{ADMIN_ID},{SECOND_ADMIN}",
        price_decimals=0,
        stars_rate="100",
        transfer_details=DETAILS,
        transfer_min="10000",
        transfer_max="5000000",
    )


@pytest.fixture
async def admins(make_client: MakeClient) -> tuple[BotClient, BotClient]:
    boss = make_client(user_id=ADMIN_ID, first_name="Boss")
    deputy = make_client(user_id=SECOND_ADMIN, first_name="Deputy")
    for admin in (boss, deputy):
        await admin.send("/start")  # admins know each other by the names kept then
    return boss, deputy


def photo(unique: str = "receipt-1") -> list[PhotoSize]:
    return [
        PhotoSize(file_id=f"small-{unique}", file_unique_id=f"s{unique}", width=90, height=90),
        PhotoSize(file_id=f"big-{unique}", file_unique_id=unique, width=1280, height=960),
    ]


async def request(client: BotClient, amount: str = "150 000") -> str:
    """/start, /topup → 💳 → amount: the details message's text."""
    await client.send("/start")
    [chooser] = [s for s in await client.send("/topup") if isinstance(s, SendMessage)]
    choices = {data: label for label, data in buttons(chooser.reply_markup)}
    transfer = TopupCb(action="method", method="transfer").pack()
    assert choices[transfer] == "💳 Card transfer"
    asked = await client.click(transfer)
    assert texts(asked)[-1].startswith("<b>Top up by card transfer</b>")
    [details] = [s for s in await client.send(amount) if isinstance(s, SendMessage)]
    return details.text


async def send_receipt(client: BotClient, unique: str = "receipt-1") -> list[str]:
    return texts(await client.send(photo=photo(unique)), client.chat.id)


def copies(dp_bot: Bot) -> list[SendPhoto | SendDocument]:
    session = dp_bot.session
    return [r for r in session.requests if isinstance(r, SendPhoto | SendDocument)]  # type: ignore[attr-defined]


def caption_edits(dp_bot: Bot) -> dict[int | str, str]:
    session = dp_bot.session
    return {
        r.chat_id or 0: r.caption or ""
        for r in session.requests  # type: ignore[attr-defined]
        if isinstance(r, EditMessageCaption)
    }


async def test_a_transfer_from_amount_to_credit(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    client: BotClient,
    admins: tuple[BotClient, BotClient],
) -> None:
    details = await request(client)
    assert details == (
        "💳 <b>Card transfer #1</b>\n"
        "Transfer exactly <b>150,000</b> to:\n"
        "Card 8600 1234 5678 9012\nHolder: A &amp; B &lt;Shop&gt;\n\n"
        "Then send a photo or a PDF of the receipt here, in this chat."
        " We credit your balance once an admin has checked it."
    )
    assert await send_receipt(client) == [
        "📨 Receipt for request #1 sent for checking."
        " We let you know as soon as an admin has checked it."
    ]
    sent = copies(bot)
    assert [(c.chat_id, c.photo) for c in sent] == [  # type: ignore[union-attr]
        (ADMIN_ID, "big-receipt-1"),
        (SECOND_ADMIN, "big-receipt-1"),
    ]
    assert sent[0].caption == (
        "💳 <b>Card transfer #1</b>: 150,000\nCustomer: Alice <code>1001</code>"
    )
    assert list(buttons(sent[0].reply_markup)) == [
        ("✅ Approve", TransferCb(action="approve", id=1).pack()),
        ("❌ Reject", TransferCb(action="reject", id=1).pack()),
    ]
    boss, deputy = admins
    answered = await boss.click(TransferCb(action="approve", id=1).pack())
    assert texts(answered) == [
        "✅ Request #1 approved: 150,000 credited to customer 1001 (balance 150,000)."
    ]
    assert await balance_of(db, CUSTOMER) == Decimal(150000)
    edited = caption_edits(bot)
    assert edited[ADMIN_ID].endswith("\n✅ Approved by Boss <code>9001</code>: 150,000 credited")
    assert edited[SECOND_ADMIN] == edited[ADMIN_ID]
    assert await delivered(dp, bot, CUSTOMER) == [
        "✅ Top-up #1 is paid: +150,000 on your balance.\nBalance: <b>150,000</b>"
    ]
    # The other admin's tap, later: nothing more.
    answered = await deputy.click(TransferCb(action="approve", id=1).pack())
    assert texts(answered) == ["Request #1 was approved already, by Boss."]
    assert await balance_of(db, CUSTOMER) == Decimal(150000)


@pytest.mark.parametrize("second", ["approve", "noreason"])
async def test_two_admins_tapping_at_once_decide_once(
    bot: Bot, db: Database, client: BotClient, admins: tuple[BotClient, BotClient], second: str
) -> None:
    await request(client)
    await send_receipt(client)
    boss, deputy = admins
    await asyncio.gather(
        boss.click(TransferCb(action="approve", id=1).pack()),
        deputy.click(TransferCb(action=second, id=1).pack()),
    )
    said = [a.text or "" for a in bot.session.of_type(AnswerCallbackQuery)][-2:]  # type: ignore[attr-defined]
    topup = await TopupsRepo(db).get(1)
    assert topup is not None
    entries = await LedgerRepo(db).entries(CUSTOMER, 10)
    if topup.status == TopupStatus.PAID:
        assert [e.amount for e in entries] == [Decimal(150000)]
        assert any(text.startswith("✅ Request #1 approved") for text in said)
    else:
        assert topup.status == TopupStatus.CANCELLED
        assert entries == []
        assert any(text.startswith("❌ Request #1 rejected") for text in said)
    assert len(said) == 2
    assert any("already" in text for text in said)
    assert len(caption_edits(bot)) == 2


async def test_reject_with_a_reason_tells_the_customer_and_every_copy(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    client: BotClient,
    admins: tuple[BotClient, BotClient],
) -> None:
    await request(client)
    await send_receipt(client)
    boss, _ = admins
    asked = await boss.click(TransferCb(action="reject", id=1).pack())
    assert texts(asked, ADMIN_ID) == [
        "Why is request #1 rejected? Send the reason (the customer reads it), or tap the button."
    ]
    assert texts(await boss.send(sticker=a_sticker()), ADMIN_ID) == [
        "Send the reason as text, at most 500 characters, or /cancel."
    ]
    done = await boss.send("No money <b>arrived</b>")
    assert texts(done, ADMIN_ID) == [
        "❌ Request #1 rejected (No money &lt;b&gt;arrived&lt;/b&gt;). The customer has been told."
    ]
    assert await delivered(dp, bot, CUSTOMER) == [
        "❌ Card transfer #1 was not approved: No money &lt;b&gt;arrived&lt;/b&gt;\n"
        "If you did transfer the money, write to /paysupport."
    ]
    assert caption_edits(bot)[SECOND_ADMIN].endswith(
        "❌ Rejected by Boss <code>9001</code>: No money &lt;b&gt;arrived&lt;/b&gt;"
    )
    assert await LedgerRepo(db).entries(CUSTOMER, 10) == []
    # Approving it afterwards changes nothing.
    said = await boss.send("/approve 1")
    assert texts(said, ADMIN_ID) == ["Request #1 was rejected already, by Boss."]
    assert await LedgerRepo(db).entries(CUSTOMER, 10) == []


async def test_typed_forms_and_the_waiting_list(
    dp: Dispatcher, bot: Bot, db: Database, make_client: MakeClient, admin: BotClient
) -> None:
    alice, bob = make_client(), make_client(user_id=1002, first_name="Bob")
    await request(alice, "150000")
    await request(bob, "20 000")
    await send_receipt(bob, "receipt-bob")
    listed = texts(await admin.send("/transfers"), ADMIN_ID)
    assert listed == [
        "<b>Card transfers waiting</b> (2), oldest first:\n"
        "#1 · 150,000 · Alice <code>1001</code> · 0 h · no receipt yet\n"
        "#2 · 20,000 · Bob <code>1002</code> · 0 h · receipt sent\n"
        "<code>/approve N</code> · <code>/approve N AMOUNT</code> · <code>/reject N REASON</code>"
    ]
    # The receipt showed 149 500: that is what is credited, and the customer is told so.
    said = texts(await admin.send("/approve 1 149 500"), ADMIN_ID)
    assert said == ["✅ Request #1 approved: 149,500 credited to customer 1001 (balance 149,500)."]
    assert await delivered(dp, bot, 1001) == [
        "✅ Top-up #1 is paid: +149,500 on your balance.\nBalance: <b>149,500</b>"
    ]
    said = texts(await admin.send("/reject 2 Wrong card"), ADMIN_ID)
    assert said == ["❌ Request #2 rejected (Wrong card). The customer has been told."]
    assert texts(await admin.send("/transfers"), ADMIN_ID) == ["No card transfers are waiting."]
    for bad in ("/approve", "/approve x", "/approve 1 -5", "/approve 1 0.5", "/reject"):
        [usage] = texts(await admin.send(bad), ADMIN_ID)
        assert usage.startswith("Usage:"), bad
    assert texts(await admin.send("/approve 99"), ADMIN_ID) == [
        "There is no card transfer request #99."
    ]
    assert await balance_of(db, 1002) == 0


async def test_wrong_things_instead_of_a_receipt_get_a_clear_answer(
    bot: Bot, db: Database, client: BotClient
) -> None:
    # Amounts out of bounds or not amounts at all: asked again, nothing opened.
    await client.send("/start")
    await client.send("/topup")
    await client.click(TopupCb(action="method", method="transfer").pack())
    for typed in ("9 999", "5 000 001", "abc", "1e5", "NaN", "150000.5", None):
        sticker = {"sticker": a_sticker()} if typed is None else {}
        assert texts(await client.send(typed, **sticker)) == [
            "We take card transfers from 10,000 to 5,000,000."
            " Send the amount as a number, for example <code>150 000</code>."
        ], typed
    assert await TopupsRepo(db).list_for_user(CUSTOMER) == []
    await client.send("150 000")
    hint = (
        "We are waiting for the receipt of request #1: send a photo or a PDF of it."
        " To cancel the request, tap the button below."
    )
    assert texts(await client.send(sticker=a_sticker())) == [hint]
    assert texts(await client.send("I paid!")) == [hint]
    voice = Voice(file_id="v", file_unique_id="v", duration=3)
    assert texts(await client.send(voice=voice)) == [hint]
    zip_file = Document(file_id="z", file_unique_id="z", mime_type="application/zip")
    assert texts(await client.send(document=zip_file)) == [hint]
    assert copies(bot) == []
    # A PDF lands; a second receipt for the same request says it is there already.
    pdf = Document(file_id="pdf-1", file_unique_id="pdf", mime_type="application/pdf")
    [sent] = texts(await client.send(document=pdf))
    assert sent.startswith("📨 Receipt for request #1 sent for checking.")
    assert [(c.chat_id, c.document) for c in copies(bot)] == [  # type: ignore[union-attr]
        (ADMIN_ID, "pdf-1"),
        (SECOND_ADMIN, "pdf-1"),
    ]
    assert texts(await client.send(photo=photo())) == [
        "Your receipt for request #1 is already with our admins."
        " We let you know as soon as it is checked."
    ]
    assert len(copies(bot)) == 2


async def test_a_file_sent_before_is_flagged(bot: Bot, client: BotClient, admin: BotClient) -> None:
    await request(client)
    await send_receipt(client, "same-file")
    await admin.send("/reject 1")
    # The same screenshot for a new request (sent after leaving the conversation: /start).
    await request(client, "20000")
    await client.send("/start")
    await send_receipt(client, "same-file")
    latest = copies(bot)[-1]
    assert latest.caption is not None
    assert latest.caption.endswith("\n⚠️ This file was sent before (request #1)")


async def test_forged_and_stale_buttons_change_nothing(
    bot: Bot, db: Database, make_client: MakeClient, client: BotClient
) -> None:
    await request(client)
    await send_receipt(client)
    mallory = make_client(user_id=666, first_name="Mallory")
    for action in ("approve", "reject", "noreason"):
        sent = await mallory.click(TransferCb(action=action, id=1).pack())
        assert texts(sent) == ["This button has expired. Send /start for a fresh menu."]
    # Someone else's request cannot be withdrawn; the customer's own can, once.
    sent = await mallory.click(TransferCb(action="withdraw", id=1).pack())
    assert texts(sent) == ["This button has expired. Send /start for a fresh menu."]
    for forged in ("tr:approve:99999999999999999999", "tr:withdraw:-1", "tr:approve:x"):
        assert texts(await mallory.click(forged)) == [
            "This button has expired. Send /start for a fresh menu."
        ]
    topup = await TopupsRepo(db).get(1)
    assert topup is not None
    assert topup.status == TopupStatus.INVOICED
    sent = await client.click(TransferCb(action="withdraw", id=1).pack())
    assert "Request #1 canceled. Send /topup to top up another way." in texts(sent)
    assert all(text.endswith("↩️ Canceled by the customer") for text in caption_edits(bot).values())
    sent = await client.click(TransferCb(action="withdraw", id=1).pack())
    assert texts(sent) == ["Request #1 canceled. Send /topup to top up another way."]
    assert await LedgerRepo(db).entries(CUSTOMER, 10) == []


async def test_one_pending_request_per_customer(db: Database, client: BotClient) -> None:
    await request(client)
    await client.send("/topup")
    sent = await client.click(TopupCb(action="method", method="transfer").pack())
    [shown] = [s for s in sent if isinstance(s, SendMessage)]
    assert shown.text.startswith("💳 <b>Card transfer #1</b>\nTransfer exactly <b>150,000</b>")
    assert len(await TopupsRepo(db).list_for_user(CUSTOMER)) == 1


async def test_a_receipt_waiting_a_day_reminds_the_admins_once(
    dp: Dispatcher, bot: Bot, client: BotClient, translator: Translator
) -> None:
    await request(client)
    await send_receipt(client)
    desk = dp["transfer_desk"]
    now = datetime.now(UTC)
    assert await TransferReminders(desk, lambda: now + timedelta(hours=23)).run_once(bot) == 0
    later = TransferReminders(desk, lambda: now + timedelta(hours=25))
    assert await later.run_once(bot) == 1
    reminders = [
        r
        for r in bot.session.requests  # type: ignore[attr-defined]
        if isinstance(r, SendMessage) and r.text.startswith("⏰")
    ]
    assert [r.chat_id for r in reminders] == [ADMIN_ID, SECOND_ADMIN]
    assert reminders[0].text.startswith(
        "⏰ A card transfer receipt has waited a day for a check:\n#1 · 150,000 · received"
    )
    assert await later.run_once(bot) == 0


async def test_a_short_summary_offers_a_transfer_covering_it(
    bot: Bot, db: Database, client: BotClient, admin: BotClient
) -> None:
    """The order (100 members, 8 with so'm prices) is short of 8: the transfer covers it
    at TRANSFER_MIN; its receipt lands although the customer stays at the summary."""
    await to_summary(client, quantity="100")
    labels = [label for label, _ in buttons(client.bot_messages()[-1].reply_markup)]
    assert "💳 Top up 10,000 UZS by card transfer" in labels
    sent = await client.click_text("💳 Top up 10,000 UZS by card transfer")
    [details] = [s.text for s in sent if isinstance(s, SendMessage)]
    assert details.startswith("💳 <b>Card transfer #1</b>\nTransfer exactly <b>10,000 UZS</b> to:")
    [landed] = await send_receipt(client)
    assert landed.startswith("📨 Receipt for request #1 sent for checking.")
    await admin.send("/approve 1")
    assert await balance_of(db, CUSTOMER) == Decimal(10000)


async def test_no_cover_past_the_largest_transfer(
    dp: Dispatcher, db: Database, client: BotClient
) -> None:
    method = dp["card_transfer"]
    t = Translator().texts("en")
    assert method.cover(Decimal(5_000_001), t, dp["amounts"]) is None
    cover = method.cover(Decimal("12345.01"), t, dp["amounts"])
    assert (cover.amount, cover.units) == (Decimal(12346), 12346)
