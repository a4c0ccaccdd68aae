"""Checkout and payment: refusals, crediting exactly once, /paysupport and /terms."""

from __future__ import annotations

import asyncio
import itertools
from decimal import Decimal
from typing import Any

import pytest
from aiogram.exceptions import TelegramBadRequest, TelegramNetworkError
from aiogram.methods import (
    AnswerPreCheckoutQuery,
    RefundStarPayment,
    SendInvoice,
    TelegramMethod,
)
from aiogram.types import SuccessfulPayment, Update

from bot.storage import LedgerRepo, Reason, Topup, TopupsRepo, TopupStatus
from tests.conftest import ADMIN_ID
from tests.harness import BotClient, texts
from tests.helpers import balance_of
from tests.test_order_flow import MEMBERS, to_service

_charges = itertools.count(1)
_updates = itertools.count(900_000)


async def invoice(client: BotClient, db, stars: int = 100) -> Topup:
    """Ask for an invoice the way a customer does; its top-up row."""
    sent = await client.send(f"/topup {stars}")
    [request] = [r for r in sent if isinstance(r, SendInvoice)]
    topup = await TopupsRepo(db).by_payload(request.payload)
    assert topup is not None
    return topup


def payment(
    client: BotClient,
    topup: Topup,
    *,
    charge_id: str | None = None,
    total: int | None = None,
    currency: str = "XTR",
) -> Update:
    """The `successful_payment` update Telegram sends after the customer paid."""
    paid = SuccessfulPayment(
        currency=currency,
        total_amount=topup.price_stars if total is None else total,
        invoice_payload=topup.payload,
        telegram_payment_charge_id=charge_id or f"stxCharge{next(_charges)}",
        provider_payment_charge_id="",
    )
    return Update(update_id=next(_updates), message=client.message(successful_payment=paid))


async def feed(client: BotClient, update: Update) -> list[TelegramMethod[Any]]:
    before = len(client.session.requests)
    await client.dp.feed_update(client.bot, update)
    return client.session.requests[before:]


def checkout_answer(sent) -> AnswerPreCheckoutQuery:
    [answer] = [r for r in sent if isinstance(r, AnswerPreCheckoutQuery)]
    return answer


# --- pre-checkout -------------------------------------------------------------------------


async def test_checkout_of_ones_own_open_invoice_is_accepted(client: BotClient, db) -> None:
    topup = await invoice(client, db)
    answer = checkout_answer(await client.pre_checkout(topup.payload, 100))
    assert answer.ok
    assert answer.error_message is None


REFUSALS = {
    "unknown": {
        "en": "This invoice is not valid any more. Send /topup for a new one.",
        "ru": "Этот счёт больше не действует. Отправьте /topup, чтобы получить новый.",
        "uz": "Bu toʻlov soʻrovi endi amal qilmaydi. Yangisini olish uchun /topup yuboring.",
    },
    "not-yours": {
        "en": "This invoice was made for another customer. Send /topup to the bot for your own.",
        "ru": "Этот счёт выставлен другому клиенту. Отправьте боту /topup, чтобы получить свой.",
        "uz": (
            "Bu toʻlov soʻrovi boshqa mijoz uchun yaratilgan."
            " Oʻzingiznikini olish uchun botga /topup yuboring."
        ),
    },
    "used": {
        "en": "This invoice has been paid already. Send /topup for a new one.",
        "ru": "Этот счёт уже оплачен. Отправьте /topup, чтобы получить новый.",
        "uz": "Bu toʻlov soʻrovi allaqachon toʻlangan. Yangisini olish uchun /topup yuboring.",
    },
    "mismatch": {
        "en": "This payment does not match the invoice. Send /topup for a new one.",
        "ru": "Платёж не совпадает со счётом. Отправьте /topup, чтобы получить новый.",
        "uz": "Toʻlov soʻrovdagi summaga mos kelmaydi. Yangisini olish uchun /topup yuboring.",
    },
}


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
@pytest.mark.parametrize(
    ("case", "why"),
    [
        ("forged payload", "unknown"),
        ("another customer's invoice", "not-yours"),
        ("paid already", "used"),
        ("fewer stars", "mismatch"),
        ("more stars", "mismatch"),
        ("another currency", "mismatch"),
    ],
)
async def test_every_checkout_refusal_says_why(make_client, db, language, case, why) -> None:
    owner = make_client(user_id=1001)
    payer = make_client(user_id=1002, language_code=language)
    topup = await invoice(owner if case == "another customer's invoice" else payer, db)
    if case == "paid already":
        await feed(payer, payment(payer, topup))
    payload, total, currency = topup.payload, topup.price_stars, "XTR"
    if case == "forged payload":
        payload = "x" + payload
    elif case == "fewer stars":
        total -= 1
    elif case == "more stars":
        total += 1
    elif case == "another currency":
        currency = "USD"
    answer = checkout_answer(await payer.pre_checkout(payload, total, currency))
    assert not answer.ok
    assert answer.error_message == REFUSALS[why][language]


# --- the payment ----------------------------------------------------------------------------


RECEIPTS = {
    "en": "✅ Top-up #{id} paid: 250 stars, +2.50 to your balance.\nBalance: <b>7.50</b>",
    "ru": "✅ Пополнение #{id} оплачено: 250 звёзд, +2,50 на баланс.\nБаланс: <b>7,50</b>",
    "uz": "✅ #{id} toʻldirish toʻlandi: 250 yulduz, balansga +2,50.\nBalans: <b>7,50</b>",
}


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
async def test_a_payment_credits_the_balance_and_gets_a_receipt(make_client, db, language) -> None:
    client = make_client(language_code=language)
    first = await invoice(client, db, 500)
    await feed(client, payment(client, first))
    topup = await invoice(client, db, 250)
    assert checkout_answer(await client.pre_checkout(topup.payload, 250)).ok
    sent = await feed(client, payment(client, topup, charge_id="stxABC"))
    assert texts(sent) == [RECEIPTS[language].format(id=topup.id)]
    assert await balance_of(db, client.user.id) == Decimal("7.5")
    latest = (await LedgerRepo(db).entries(client.user.id))[0]
    assert (latest.amount, latest.reason, latest.ref) == (Decimal("2.5"), Reason.TOPUP, "stxABC")
    paid = await TopupsRepo(db).get(topup.id)
    assert paid is not None
    assert (paid.status, paid.charge_id) == (TopupStatus.PAID, "stxABC")


async def test_russian_receipts_use_the_right_plural(make_client, db) -> None:
    client = make_client(language_code="ru")
    for stars, word in ((51, "звезда"), (52, "звезды"), (55, "звёзд"), (111, "звёзд")):
        sent = await feed(client, payment(client, await invoice(client, db, stars)))
        assert f": {stars} {word}, " in texts(sent)[0]


async def test_a_replayed_payment_credits_nothing_more(client: BotClient, db) -> None:
    topup = await invoice(client, db, 300)
    update = payment(client, topup)
    assert len(texts(await feed(client, update))) == 1
    assert texts(await feed(client, update)) == []
    # Delivered again under another update id: still the same charge.
    again = update.model_copy(update={"update_id": next(_updates)})
    assert texts(await feed(client, again)) == []
    assert await balance_of(db, client.user.id) == Decimal(3)
    assert len(await LedgerRepo(db).entries(client.user.id)) == 1


async def test_two_deliveries_at_once_credit_once(client: BotClient, db) -> None:
    topup = await invoice(client, db, 300)
    update = payment(client, topup)
    twin = update.model_copy(update={"update_id": next(_updates)})
    before = len(client.session.requests)
    await asyncio.gather(
        client.dp.feed_update(client.bot, update), client.dp.feed_update(client.bot, twin)
    )
    assert len(texts(client.session.requests[before:])) == 1  # one receipt
    assert await balance_of(db, client.user.id) == Decimal(3)
    assert len(await LedgerRepo(db).entries(client.user.id)) == 1


async def test_a_payment_mid_order_is_credited_and_the_order_goes_on(client: BotClient, db) -> None:
    topup = await invoice(client, db, 100)
    # The order conversation waits for a link, and answers anything that is not text.
    await to_service(client, "Telegram Members", MEMBERS)
    sent = await feed(client, payment(client, topup))
    assert texts(sent) == [
        f"✅ Top-up #{topup.id} paid: 100 stars, +1.00 UZS to your balance."
        "\nBalance: <b>1.00 UZS</b>"
    ]
    assert await balance_of(db, client.user.id) == 1
    assert texts(await client.send("@durov"))[0].startswith("How many?")


async def test_a_second_payment_of_one_invoice_goes_back(client: BotClient, db) -> None:
    topup = await invoice(client, db, 100)
    await feed(client, payment(client, topup, charge_id="first"))
    sent = await feed(client, payment(client, topup, charge_id="second"))
    [refund] = [r for r in sent if isinstance(r, RefundStarPayment)]
    assert (refund.user_id, refund.telegram_payment_charge_id) == (client.user.id, "second")
    assert texts(sent, chat_id=client.chat.id) == [
        "This payment (100 ⭐) matched no open invoice, so the stars were sent back to you."
        " Send /topup for a new invoice."
    ]
    [alert] = texts(sent, chat_id=ADMIN_ID)
    assert "matched no open invoice (the invoice was paid already) and was sent back" in alert
    assert "<code>second</code>" in alert
    assert await balance_of(db, client.user.id) == 1


@pytest.mark.parametrize(
    "failure",
    [
        TelegramNetworkError(RefundStarPayment(user_id=1, telegram_payment_charge_id="x"), "down"),
        TelegramBadRequest(
            RefundStarPayment(user_id=1, telegram_payment_charge_id="x"), "CHARGE_NOT_FOUND"
        ),
    ],
)
async def test_money_that_cannot_go_back_is_left_to_the_admins(
    client: BotClient, db, failure
) -> None:
    topup = await invoice(client, db, 100)
    client.session.plan(RefundStarPayment, failure)
    sent = await feed(client, payment(client, topup, total=99))
    assert texts(sent, chat_id=client.chat.id) == [
        "This payment (99 ⭐) matched no open invoice. The shop's admins have been told and will"
        " send the stars back."
    ]
    [alert] = texts(sent, chat_id=ADMIN_ID)
    assert "(the amount or currency differs), and sending it back failed" in alert
    assert await balance_of(db, client.user.id) == 0


async def test_a_payment_for_an_unknown_invoice_goes_back(client: BotClient, db) -> None:
    topup = await invoice(client, db, 100)
    forged = Topup(**{**topup.__dict__, "payload": "not-ours"})
    sent = await feed(client, payment(client, forged))
    assert len([r for r in sent if isinstance(r, RefundStarPayment)]) == 1
    assert "(an unknown invoice)" in texts(sent, chat_id=ADMIN_ID)[0]
    assert await balance_of(db, client.user.id) == 0


async def test_payments_are_among_the_allowed_updates(dp) -> None:
    used = dp.resolve_used_update_types()
    assert "pre_checkout_query" in used
    assert "message" in used


# --- /terms (/paysupport: tests/test_support.py) -----------------------------------------


@pytest.mark.parametrize(
    ("language", "line"),
    [
        ("en", "top it up with Telegram Stars: 1 ⭐ = 0.01."),
        ("ru", "баланс пополняется звёздами Telegram: 1 ⭐ = 0,01."),
        ("uz", "balans esa Telegram yulduzlari bilan toʻldiriladi: 1 ⭐ = 0,01."),
    ],
)
async def test_terms(make_client, language, line) -> None:
    [terms] = texts(await make_client(language_code=language).send("/terms"))
    assert line in terms
    assert "/paysupport" in terms
