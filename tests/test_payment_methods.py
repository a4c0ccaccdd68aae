"""The payments package: every way of paying behind one interface, Stars first.

A payment is credited once by its method's own payment id (also when its confirmation
arrives again after a restart), and the ledger row says which method and which payment; the
registry offers every method that is on wherever a top-up is; one rule decides what a
failed invoice leaves behind.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from decimal import Decimal

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import CreateInvoiceLink, SendInvoice, SendMessage
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.money import Amounts
from bot.payments import Cover, Method, Offer, PaymentFailed, Payments, PendingTopup
from bot.storage import (
    AlreadyPosted,
    Database,
    LedgerRepo,
    Payment,
    Reason,
    TopupsRepo,
    TopupStatus,
    UsersRepo,
    post,
)
from bot.storage.migrations import MIGRATIONS, statements
from bot.telegram.callbacks import OrderNavCb
from tests.conftest import fund
from tests.harness import BotClient, buttons, last_buttons, texts
from tests.helpers import balance_of
from tests.order_factory import restarted
from tests.test_order_flow import to_summary
from tests.test_payments import feed, invoice, payment

# --- credited once, with method and payment id -----------------------------------------------


async def test_the_ledger_row_carries_the_method_and_its_payment_id(
    client: BotClient, db: Database
) -> None:
    topup = await invoice(client, db, 300)
    assert topup.method == "stars"
    await feed(client, payment(client, topup, charge_id="stxMethod"))
    [credit] = await LedgerRepo(db).entries(client.user.id)
    assert (credit.reason, credit.method, credit.ref, credit.amount) == (
        Reason.TOPUP,
        "stars",
        "stxMethod",
        Decimal(3),
    )
    assert await LedgerRepo(db).check_consistency() == []


async def test_a_payment_arriving_again_after_a_restart_is_credited_once(
    client: BotClient, db: Database, settings, panel, translator, bot: Bot
) -> None:
    topup = await invoice(client, db, 300)
    update = payment(client, topup)
    assert len(texts(await feed(client, update))) == 1  # the receipt
    # Telegram delivers the update again to the restarted bot (it never saw the answer).
    async with restarted(db, settings, panel, translator) as (reopened, dp):
        again = BotClient(dp, bot)
        assert texts(await feed(again, update)) == []
        assert await balance_of(reopened, client.user.id) == 3
        assert len(await LedgerRepo(reopened).entries(client.user.id)) == 1
        assert await LedgerRepo(reopened).check_consistency() == []


async def test_the_interface_creates_a_link_and_confirms_once(
    dp, bot: Bot, db: Database, translator
) -> None:
    stars = dp["payments"].stars
    bot.session.plan(CreateInvoiceLink, "https://t.me/$link")  # type: ignore[attr-defined]
    pending = await stars.create(bot, translator.texts("en"), 4242, 250)
    assert pending.link == "https://t.me/$link"
    assert (pending.topup.method, pending.topup.stars) == ("stars", 250)
    paid = Payment(4242, pending.topup.payload, "stxOnce", "XTR", 250)
    first = await stars.confirm(paid)
    second = await stars.confirm(paid)
    assert (first.replay, second.replay) == (False, True)
    assert first.balance == second.balance == Decimal("2.5")
    assert await LedgerRepo(db).ledger_sum(4242) == Decimal("2.5")


async def test_a_payment_id_is_credited_once_per_method(db: Database) -> None:
    """Two providers may number their payments alike; one provider's id credits once."""
    await UsersRepo(db).ensure(7)
    async with db.transaction() as tx:
        await post(tx, 7, Decimal(1), Reason.TOPUP, ref="42", method="stars")
        await post(tx, 7, Decimal(2), Reason.TOPUP, ref="42", method="card")
        with pytest.raises(AlreadyPosted):
            await post(tx, 7, Decimal(1), Reason.TOPUP, ref="42", method="stars")
    assert await balance_of(db, 7) == 3


async def test_earlier_top_ups_and_their_ledger_rows_become_stars(tmp_path) -> None:
    path = tmp_path / "v14.sqlite3"
    now = "2026-01-01T00:00:00.000000Z"
    with closing(sqlite3.connect(path)) as conn:
        for script in MIGRATIONS[:14]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 14")
        conn.execute(
            "INSERT INTO users (id, balance, created_at, updated_at) VALUES (1, 300, ?, ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO topups (user_id, payload, stars, amount, locale, status, charge_id,"
            " created_at) VALUES (1, 'p', 300, 300, 'en', 'paid', 'stxOld', ?)",
            (now,),
        )
        for reason, amount, ref in (("topup", 300, "stxOld"), ("credit", 5, None)):
            conn.execute(
                "INSERT INTO ledger (user_id, amount, reason, ref, created_at)"
                " VALUES (1, ?, ?, ?, ?)",
                (amount, reason, ref, now),
            )
        conn.commit()
    async with await Database.open(path) as db:
        [topup] = await TopupsRepo(db).list_for_user(1)
        assert topup.method == "stars"
        entries = await LedgerRepo(db).entries(1)
        assert [(e.reason, e.method) for e in entries] == [("credit", None), ("topup", "stars")]
        # Still append-only once the back-fill is done.
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            async with db.transaction() as tx:
                await tx.execute("UPDATE ledger SET method = 'card'")


# --- every method that is on is offered --------------------------------------------------------


class Voucher(Method):
    """A stand-in for the next issue's methods: priced in whole units of the shop's money."""

    name = "voucher"
    cover_action = "topup-voucher"

    def __init__(self, *, on: bool = True) -> None:
        self.on = on
        self.created: list[tuple[int, int, int | None]] = []

    @property
    def enabled(self) -> bool:
        return self.on

    def label(self, t: Texts) -> str:
        return "🎟 Voucher"

    def offer(self, t: Texts, currency: str) -> Offer:
        builder = InlineKeyboardBuilder()
        builder.button(text="Voucher", callback_data="voucher")
        markup: InlineKeyboardMarkup = builder.as_markup()
        return Offer("Pay by voucher", markup)

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover:
        units = int(missing.to_integral_value(rounding="ROUND_CEILING"))
        return Cover(self.name, units, Decimal(units), f"Voucher {units}", self.cover_action)

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        self.created.append((user_id, units, chat_id))
        raise PaymentFailed(self.name, clear=True)


@pytest.fixture
def voucher(dp) -> Voucher:
    method = Voucher()
    dp["payments"] = Payments(dp["payments"].stars, method, Voucher(on=False))
    return method


async def test_topup_offers_every_method_that_is_on(client: BotClient, voucher: Voucher) -> None:
    [asked] = await client.send("/topup")
    assert isinstance(asked, SendMessage)
    # The promo code is offered under the methods (tests/test_promos.py).
    assert [label for label, _ in buttons(asked.reply_markup)] == [
        "⭐ Telegram Stars",
        "🎟 Voucher",
        "🎟 Promo code",
    ]
    sent = await client.click_text("🎟 Voucher")
    assert texts(sent)[-1] == "Pay by voucher"
    sent = await client.click_text("⭐ Telegram Stars")
    assert texts(sent)[-1].startswith("<b>Top up your balance with Telegram Stars</b>")


@pytest.mark.usefixtures("voucher")
@pytest.mark.parametrize(
    ("language", "question", "stars"),
    [
        ("en", "<b>Top up your balance</b>\nHow would you like to pay?", "⭐ Telegram Stars"),
        ("ru", "<b>Пополнение баланса</b>\nКак вам удобнее оплатить?", "⭐ Звёзды Telegram"),
        ("uz", "<b>Balansni toʻldirish</b>\nQanday toʻlamoqchisiz?", "⭐ Telegram yulduzlari"),
    ],
)
async def test_topup_asks_how_to_pay_in_the_customers_language(
    make_client, language: str, question: str, stars: str
) -> None:
    client: BotClient = make_client(language_code=language)
    [asked] = await client.send("/topup")
    assert texts([asked]) == [question]
    assert isinstance(asked, SendMessage)
    assert next(label for label, _ in buttons(asked.reply_markup)) == stars


async def test_a_method_switched_off_since_it_was_offered_says_so(
    dp, client: BotClient, voucher: Voucher
) -> None:
    await client.send("/topup")
    dp["payments"] = Payments(dp["payments"].stars)
    sent = await client.click_text("🎟 Voucher")
    assert texts(sent) == [
        "This way of paying is no longer available. Send /topup to see the ways that are."
    ]


async def test_with_stars_alone_topup_offers_stars_at_once(client: BotClient) -> None:
    [offer] = await client.send("/topup")
    assert texts([offer])[0].startswith("<b>Top up your balance with Telegram Stars</b>")


async def test_a_short_summary_offers_every_method_and_tops_up_by_the_one_tapped(
    client: BotClient, db: Database, voucher: Voucher
) -> None:
    await fund(db, client.user.id, "5")
    await to_summary(client, quantity="100")  # 7.20 UZS: 2.20 short
    assert last_buttons(client) == [
        "⭐ Top up 2.20 UZS (220 ⭐)",
        "Voucher 3",
        "« Back",
        "✖ Cancel",
    ]
    sent = await client.click(OrderNavCb(action="topup-voucher"))
    assert voucher.created == [(client.user.id, 3, client.chat.id)]
    # Refused: said so, and the summary's Top up can be tapped again.
    assert texts(sent)[-1].startswith("Telegram would not create this invoice.")
    await client.click(OrderNavCb(action="topup-voucher"))
    assert len(voucher.created) == 2


async def test_a_forged_top_up_method_on_a_summary_has_expired(
    client: BotClient, db: Database
) -> None:
    await fund(db, client.user.id, "5")
    await to_summary(client, quantity="100")
    sent = await client.click(OrderNavCb(action="topup-nothing"))
    assert [r for r in sent if isinstance(r, SendInvoice)] == []
    assert await TopupsRepo(db).list_for_user(client.user.id) == []


# --- what a failed invoice leaves behind ---------------------------------------------------------

LOST = TelegramNetworkError(SendMessage(chat_id=1, text="x"), "timeout")


async def test_an_invoice_whose_answer_was_lost_stays_payable(
    client: BotClient, db: Database
) -> None:
    client.session.plan(SendInvoice, LOST)
    sent = await client.send("/topup 100")
    assert texts(sent) == ["That did not work. Please try again."]
    # It may have reached the chat: paying it credits as any other.
    [topup] = await TopupsRepo(db).list_for_user(client.user.id)
    assert topup.status == TopupStatus.INVOICED
    await feed(client, payment(client, topup))
    assert await balance_of(db, client.user.id) == 1


async def test_a_link_whose_answer_was_lost_is_a_failure_too(
    dp, bot: Bot, db: Database, translator
) -> None:
    bot.session.plan(CreateInvoiceLink, LOST)  # type: ignore[attr-defined]
    with pytest.raises(PaymentFailed) as failed:
        await dp["payments"].stars.create(bot, translator.texts("en"), 4242, 100)
    assert not failed.value.clear
    assert failed.value.text_key == "error-try-again"
