"""`/topup`, the Top up button, preset and typed amounts, and the Stars invoice they send."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, SendInvoice, SendMessage

from bot.app import create_dispatcher
from bot.storage import Topup, TopupsRepo, TopupStatus
from bot.telegram.callbacks import TopupCb
from tests.harness import BotClient, a_sticker, buttons, texts

BAD_AMOUNT = (
    "We can make an invoice for a whole number of stars from 50 to 10,000, for example /topup 50."
)
INVOICES = {
    # language: (title, description) of an invoice for 250 stars at the default 0.01
    "en": (
        "Balance +2.50",
        "Pay 250 ⭐ and get 2.50 on your balance in this shop, to spend on orders.",
    ),
    "ru": (
        "Баланс +2,50",
        "Оплатите 250 ⭐ и получите 2,50 на баланс в этом магазине для оплаты заказов.",
    ),
    "uz": (
        "Balans +2,50",
        "250 ⭐ toʻlang va shu doʻkondagi balansingizga buyurtmalar uchun 2,50 oling.",
    ),
}


def invoices(requests) -> list[SendInvoice]:
    return [request for request in requests if isinstance(request, SendInvoice)]


async def the_topups(db, client: BotClient) -> list[Topup]:
    return await TopupsRepo(db).list_for_user(client.user.id)


async def test_topup_offers_presets_and_another_amount(client: BotClient) -> None:
    sent = await client.send("/topup")
    assert texts(sent) == [
        "<b>Top up your balance with Telegram Stars</b>\n"
        "1 ⭐ = 0.01 on your balance. Choose an amount, or send /topup and a number of stars"
        " from 50 to 10,000, e.g. <code>/topup 50</code>."
    ]
    assert isinstance(sent[0], SendMessage)
    assert list(buttons(sent[0].reply_markup)) == [
        ("0.50 · 50 ⭐", TopupCb(action="pay", stars=50).pack()),
        ("1.00 · 100 ⭐", TopupCb(action="pay", stars=100).pack()),
        ("2.50 · 250 ⭐", TopupCb(action="pay", stars=250).pack()),
        ("5.00 · 500 ⭐", TopupCb(action="pay", stars=500).pack()),
        ("10.00 · 1,000 ⭐", TopupCb(action="pay", stars=1000).pack()),
        ("25.00 · 2,500 ⭐", TopupCb(action="pay", stars=2500).pack()),
        ("✏️ Another amount", TopupCb(action="type").pack()),
        ("🎟 Promo code", TopupCb(action="promo").pack()),
    ]


async def test_the_menu_button_answers_first_then_offers(client: BotClient) -> None:
    await client.send("/start")
    sent = await client.click_text("⭐ Top up")
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert texts(sent)[0].startswith("<b>Top up your balance with Telegram Stars</b>")


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
async def test_a_preset_sends_a_stars_invoice_in_the_customers_language(
    make_client, db, language
) -> None:
    client = make_client(language_code=language)
    await client.send("/topup")
    sent = await client.click(TopupCb(action="pay", stars=250))
    assert isinstance(sent[0], AnswerCallbackQuery)
    [invoice] = invoices(sent)
    assert (invoice.title, invoice.description) == INVOICES[language]
    assert invoice.chat_id == client.chat.id
    assert invoice.currency == "XTR"
    assert invoice.provider_token is None
    assert [price.amount for price in invoice.prices] == [250]
    [topup] = await the_topups(db, client)
    # The payload is the row's random token: no amount, no user id to trust back.
    assert invoice.payload == topup.payload
    assert "250" not in invoice.payload
    assert (topup.stars, topup.amount, topup.status) == (250, Decimal("2.5"), "invoiced")
    assert topup.locale == language


async def test_topup_with_an_amount_goes_straight_to_the_invoice(client: BotClient, db) -> None:
    [invoice] = invoices(await client.send("/topup 120"))
    assert [price.amount for price in invoice.prices] == [120]
    assert invoice.title == "Balance +1.20"


@pytest.mark.parametrize("typed", ["1,000", "1 000", "1\u00a0000", "1000"])
async def test_a_number_of_stars_grouped_as_the_bot_writes_it_is_read(
    client: BotClient, typed: str
) -> None:
    [invoice] = invoices(await client.send(f"/topup {typed}"))
    assert [price.amount for price in invoice.prices] == [1000]


@pytest.mark.parametrize("typed", ["0", "49", "10001", "abc", "1.5", "-50", "１００", "1_000", "²"])
async def test_bad_amounts_get_the_bounds_and_no_invoice(client: BotClient, db, typed) -> None:
    sent = await client.send(f"/topup {typed}")
    assert texts(sent) == [BAD_AMOUNT]
    assert invoices(sent) == []
    assert await the_topups(db, client) == []


async def test_another_amount_is_typed_until_it_is_good(client: BotClient, db) -> None:
    await client.send("/topup")
    sent = await client.click_text("✏️ Another amount")
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert texts(sent) == [
        "How many stars? Send a whole number from 50 to 10,000.\n50 ⭐ = 0.50 · 10,000 ⭐ = 100.00"
    ]
    for bad in ("lots", "5"):
        assert texts(await client.send(bad)) == [BAD_AMOUNT]
    assert texts(await client.send(sticker=a_sticker())) == [BAD_AMOUNT]
    [invoice] = invoices(await client.send("777"))
    assert [price.amount for price in invoice.prices] == [777]
    # The amount was taken: a number now is just a message again.
    assert invoices(await client.send("777")) == []
    assert len(await the_topups(db, client)) == 1


async def test_typing_an_amount_can_be_cancelled(client: BotClient, db) -> None:
    await client.send("/topup")
    await client.click_text("✏️ Another amount")
    sent = await client.click_text("✖️ Cancel")
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].text == "Top-up canceled."
    assert invoices(await client.send("100")) == []

    await client.click(TopupCb(action="type"))
    assert texts(await client.send("/cancel"))[0] == "Top-up canceled."
    assert invoices(await client.send("100")) == []
    assert await the_topups(db, client) == []


async def test_a_command_while_typing_an_amount_is_that_command(client: BotClient) -> None:
    await client.send("/topup")
    await client.click_text("✏️ Another amount")
    assert texts(await client.send("/help"))[0].startswith("<b>What you can do here</b>")
    assert texts(await client.send("100"))[0].startswith("We found nothing for “100”.")


async def test_a_stale_preset_outside_the_bounds_changes_nothing(
    settings, db, panel, translator, bot
) -> None:
    narrow = settings.model_copy(update={"topup_min_stars": 100, "topup_max_stars": 200})
    dp = create_dispatcher(settings=narrow, db=db, panel=panel, translator=translator)
    client = BotClient(dp, bot)
    offered = await client.send("/topup")
    assert "from 100 to 200" in texts(offered)[0]
    assert isinstance(offered[0], SendMessage)
    labels = [label for label, _ in buttons(offered[0].reply_markup)]
    assert labels == ["1.00 · 100 ⭐", "✏️ Another amount", "🎟 Promo code"]
    sent = await client.click(TopupCb(action="pay", stars=2500))
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].show_alert
    assert sent[0].text is not None
    assert "from 100 to 200" in sent[0].text
    assert invoices(sent) == []
    assert await the_topups(db, client) == []


async def test_an_invoice_telegram_refuses_leaves_nothing_behind(client: BotClient, db) -> None:
    refusal = TelegramBadRequest(
        SendInvoice(chat_id=1, title="x", description="x", payload="x", currency="XTR", prices=[]),
        "Bad Request: CURRENCY_TOTAL_AMOUNT_INVALID",
    )
    client.session.plan(SendInvoice, refusal)
    sent = await client.send("/topup 100")
    assert texts(sent) == [
        "Telegram would not create this invoice. Try another amount, or ask via /paysupport."
    ]
    assert await the_topups(db, client) == []


async def test_topup_is_for_private_chats(make_client, db) -> None:
    group = make_client(chat_id=-100500, chat_type="supergroup")
    sent = await group.send("/topup 100")
    assert texts(sent) == ["This works in a private chat with the bot only."]
    assert invoices(sent) == []
    assert await the_topups(db, group) == []


async def test_a_rate_and_currency_are_shown_as_people_read_them(
    settings, db, panel, translator, bot
) -> None:
    dear = settings.model_copy(update={"stars_rate": Decimal("1.500")})
    dp = create_dispatcher(settings=dear, db=db, panel=panel, translator=translator)
    client = BotClient(dp, bot, language_code="ru")
    offer = texts(await client.send("/topup"))[0]
    assert "1 ⭐ = 1,5 на баланс." in offer
    assert "от 50 до 10\u00a0000, например <code>/topup 50</code>" in offer
    [invoice] = invoices(await client.send("/topup 51"))
    assert invoice.title == "Баланс +76,50"
    [topup] = await the_topups(db, client)
    assert topup.status == TopupStatus.INVOICED
    assert topup.amount == Decimal("76.5")


async def test_what_is_credited_is_what_the_invoice_shows(
    settings, db, panel, translator, bot
) -> None:
    odd = settings.model_copy(update={"stars_rate": Decimal("0.013")})
    dp = create_dispatcher(settings=odd, db=db, panel=panel, translator=translator)
    client = BotClient(dp, bot)
    [invoice] = invoices(await client.send("/topup 77"))  # 1.001, rounded down to the cent
    assert invoice.title == "Balance +1.00"
    [topup] = await the_topups(db, client)
    assert topup.amount == Decimal("1.00")
