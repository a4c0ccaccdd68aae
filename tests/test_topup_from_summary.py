"""Top up from a summary the balance does not cover, and back to the same summary to Confirm
(issue 16, point 2)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.methods import AnswerCallbackQuery, SendInvoice

from bot.app import create_dispatcher
from bot.storage import LedgerRepo, OrdersRepo, Reason, TopupsRepo
from bot.telegram.callbacks import OrderNavCb
from tests.conftest import fund
from tests.harness import BotClient, buttons, last_buttons, texts
from tests.helpers import balance_of
from tests.panel_emulator import PanelEmulator
from tests.test_order_flow import to_summary
from tests.test_payments import feed, payment

TOP_UP = OrderNavCb(action="topup")


def invoices(sent) -> list[SendInvoice]:
    return [request for request in sent if isinstance(request, SendInvoice)]


async def short_summary(client: BotClient, db, balance: str = "5") -> None:
    """A members order of 7.20 UZS with `balance` on the account."""
    await fund(db, client.user.id, balance)
    await to_summary(client, quantity="100")


TOP_UP_LABELS = {
    "en": "⭐ Top up 2.20 UZS (220 ⭐)",
    "ru": "⭐ Пополнить на 2,20\u00a0сум (220 ⭐)",
    "uz": "⭐ Toʻldirish: 2,20\u00a0soʻm (220 ⭐)",
}


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
async def test_a_short_summary_offers_a_top_up_of_what_is_missing(
    make_client, db, language
) -> None:
    client = make_client(language_code=language)
    await short_summary(client, db)
    assert last_buttons(client)[0] == TOP_UP_LABELS[language]


async def test_top_up_pay_and_confirm_from_the_same_summary(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await short_summary(client, db)
    sent = await client.click(TOP_UP)
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert texts(sent) == [
        "Here is an invoice for 220 ⭐: +2.20 UZS on your balance. Once it is paid, we bring"
        " you back to your order to confirm it."
    ]
    [invoice] = invoices(sent)
    assert invoice.prices[0].amount == 220
    assert await balance_of(db, client.user.id) == 5  # nothing charged yet
    topup = await TopupsRepo(db).by_payload(invoice.payload)
    assert topup is not None

    paid = texts(await feed(client, payment(client, topup)))
    assert paid[0].startswith(f"✅ Top-up #{topup.id} paid: 220 stars, +2.20 UZS")
    summary = paid[1]
    assert "<b>Check your order</b>" in summary
    assert "Your balance: 7.20 UZS → 0.00 UZS" in summary
    assert "price has changed" not in summary
    assert last_buttons(client) == ["✅ Confirm and pay", "« Back", "✖ Cancel"]

    confirm = client.bot_messages()[-1]
    placed = texts(await client.click_text("✅ Confirm and pay"))
    assert "Order number: <b>#1</b>" in placed[-1]
    assert len(emulator.calls("add")) == 1
    assert await balance_of(db, client.user.id) == 0
    ledger = [(e.reason, e.amount) for e in await LedgerRepo(db).entries(client.user.id)]
    assert ledger == [
        (Reason.ORDER, Decimal("-7.2")),
        (Reason.TOPUP, Decimal("2.2")),
        (Reason.CREDIT, Decimal(5)),
    ]
    # The one-time Confirm still holds: a second tap places nothing more.
    [(_, token)] = [b for b in buttons(confirm.reply_markup) if b[0] == "✅ Confirm and pay"]
    again = await client.click(token, confirm)
    assert isinstance(again[0], AnswerCallbackQuery)
    assert again[0].text == "This order has already been placed."
    assert len(emulator.calls("add")) == 1


async def test_a_double_tap_sends_one_invoice(client: BotClient, db) -> None:
    await short_summary(client, db)
    first = await client.click(TOP_UP)
    second = await client.click(TOP_UP)
    assert len(invoices(first)) == 1
    assert invoices(second) == []
    assert isinstance(second[0], AnswerCallbackQuery)
    assert second[0].show_alert
    assert second[0].text is not None
    assert "already in the chat" in second[0].text
    assert len(await TopupsRepo(db).list_for_user(client.user.id)) == 1


async def test_the_top_up_is_at_least_the_minimum_in_stars(client: BotClient, db) -> None:
    await short_summary(client, db, balance="7.15")  # 0.05 short: 5 stars, below 50
    assert last_buttons(client)[0] == "⭐ Top up 0.50 UZS (50 ⭐)"
    [invoice] = invoices(await client.click(TOP_UP))
    assert invoice.prices[0].amount == 50


async def test_a_gap_past_the_maximum_takes_another_top_up(
    settings, db, panel, translator, bot
) -> None:
    narrow = settings.model_copy(update={"topup_min_stars": 50, "topup_max_stars": 100})
    client = BotClient(
        create_dispatcher(settings=narrow, db=db, panel=panel, translator=translator), bot
    )
    await short_summary(client, db, balance="5")  # 2.20 short: 220 stars, past 100
    assert last_buttons(client)[0] == "⭐ Top up 1.00 UZS (100 ⭐)"
    [invoice] = invoices(await client.click(TOP_UP))
    topup = await TopupsRepo(db).by_payload(invoice.payload)
    assert topup is not None
    after = texts(await feed(client, payment(client, topup)))
    assert "Your balance: 6.00 UZS, 1.20 UZS short." in after[1]
    assert last_buttons(client)[0] == "⭐ Top up 1.00 UZS (100 ⭐)"


async def test_a_stale_or_forged_top_up_button_sends_nothing(
    client: BotClient, make_client, db
) -> None:
    await short_summary(client, db)
    summary = client.message_with_button(TOP_UP.pack())
    await client.click(OrderNavCb(action="back"))
    stale = await client.click(TOP_UP, summary)
    assert isinstance(stale[0], AnswerCallbackQuery)
    assert stale[0].show_alert
    assert invoices(stale) == []
    stranger = make_client(user_id=777, first_name="Eve")
    forged = await stranger.click(TOP_UP, summary)
    assert isinstance(forged[0], AnswerCallbackQuery)
    assert invoices(forged) == []
    assert await TopupsRepo(db).list_for_user(client.user.id) == []
    assert await TopupsRepo(db).list_for_user(777) == []


async def test_covered_meanwhile_the_top_up_shows_confirm(client: BotClient, db) -> None:
    await short_summary(client, db)
    await fund(db, client.user.id, "5")  # an admin credited cash meanwhile
    sent = await client.click(TOP_UP)
    assert invoices(sent) == []
    assert last_buttons(client) == ["✅ Confirm and pay", "« Back", "✖ Cancel"]


async def test_an_abandoned_top_up_keeps_the_draft(client: BotClient, db) -> None:
    await short_summary(client, db)
    [invoice] = invoices(await client.click(TOP_UP))
    # Not paid: the summary's own buttons still work.
    back = await client.click(OrderNavCb(action="back"))
    assert "Current quantity: 100." in texts(back)[-1]
    # A payment that comes after the customer left the order only credits.
    await client.click(OrderNavCb(action="cancel"))
    topup = await TopupsRepo(db).by_payload(invoice.payload)
    assert topup is not None
    late = texts(await feed(client, payment(client, topup)))
    assert len(late) == 1
    assert late[0].startswith(f"✅ Top-up #{topup.id} paid")
    assert last_buttons(client) == ["🛒 New order", "💰 Balance"]  # no dead end
    assert await balance_of(db, client.user.id) == Decimal("7.2")
    assert await OrdersRepo(db).list_for_user(client.user.id, 10, 0) == []


async def test_a_replayed_payment_neither_credits_nor_resumes_twice(client: BotClient, db) -> None:
    await short_summary(client, db)
    [invoice] = invoices(await client.click(TOP_UP))
    topup = await TopupsRepo(db).by_payload(invoice.payload)
    assert topup is not None
    update = payment(client, topup)
    assert len(texts(await feed(client, update))) == 2  # the receipt, the summary
    assert texts(await feed(client, update)) == []
    assert await balance_of(db, client.user.id) == Decimal("7.2")


async def test_a_price_changed_while_paying_is_said_and_quoted_anew(
    client: BotClient, admin: BotClient, db, emulator: PanelEmulator
) -> None:
    await short_summary(client, db)
    [invoice] = invoices(await client.click(TOP_UP))
    emulator.services[1].rate = Decimal("70")  # 84.00 per 1000 at the 20 % markup
    await admin.send("/refresh")
    topup = await TopupsRepo(db).by_payload(invoice.payload)
    assert topup is not None
    summary = texts(await feed(client, payment(client, topup)))[1]
    assert summary.startswith("⚠️ The price has changed since you looked.")
    assert "Your balance: 7.20 UZS, 1.20 UZS short." in summary
    assert last_buttons(client)[0] == "⭐ Top up 1.20 UZS (120 ⭐)"
    assert emulator.calls("add") == []
