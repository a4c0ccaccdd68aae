"""An admin refunds a Stars top-up: only while the balance covers it, debited once."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramServerError,
)
from aiogram.methods import RefundStarPayment, SendMessage

from bot.storage import (
    LedgerRepo,
    OutboxRepo,
    Reason,
    Topup,
    TopupsRepo,
    TopupStatus,
    UsersRepo,
    post,
)
from tests.conftest import ADMIN_ID, MakeClient
from tests.harness import BotClient, texts
from tests.helpers import balance_of, delivered
from tests.test_payments import feed, invoice, payment

HINT = "We don't know that command. Send /help to see what you can do here."
HINT_RU = "Такой команды нет. Отправьте /help, чтобы увидеть, что можно сделать."
CALL = RefundStarPayment(user_id=1, telegram_payment_charge_id="x")


async def paid_topup(client: BotClient, db, stars: int = 300, charge: str = "stxPaid") -> Topup:
    """The customer pays an invoice for `stars` (0.01 each): a paid top-up."""
    topup = await invoice(client, db, stars)
    await feed(client, payment(client, topup, charge_id=charge))
    paid = await TopupsRepo(db).get(topup.id)
    assert paid is not None
    return paid


async def status_of(db, topup: Topup) -> str:
    current = await TopupsRepo(db).get(topup.id)
    assert current is not None
    return current.status


def refund_calls(sent) -> list[RefundStarPayment]:
    return [request for request in sent if isinstance(request, RefundStarPayment)]


@pytest.fixture
def customer(make_client: MakeClient) -> BotClient:
    return make_client(user_id=1001, language_code="ru")


@pytest.mark.parametrize("command", ["/refund 1", "/refund", "/refund abc"])
async def test_to_a_customer_refund_is_an_unknown_command(customer: BotClient, db, command) -> None:
    topup = await paid_topup(customer, db)
    unknown = texts(await customer.send("/nope"))
    sent = await customer.send(command)
    assert texts(sent) == unknown == [HINT_RU]
    assert refund_calls(sent) == []
    assert await status_of(db, topup) == TopupStatus.PAID


async def test_in_a_group_a_customers_refund_is_like_any_unknown_command(make_client) -> None:
    group = make_client(user_id=1001, chat_id=-100500, chat_type="supergroup")
    assert texts(await group.send("/refund@shop_test_bot 1")) == [HINT]
    assert texts(await group.send("/refund 1")) == []


@pytest.mark.parametrize("args", ["", " abc", " -1", " １"])
async def test_refund_needs_a_topup_number(admin: BotClient, args) -> None:
    assert texts(await admin.send(f"/refund{args}")) == [
        "Usage: <code>/refund TOPUP_ID</code>, and a note after it for a top-up not paid in"
        " Stars. The top-up number is on the customer's receipt."
    ]


async def test_refund_of_no_such_topup(admin: BotClient) -> None:
    assert texts(await admin.send("/refund 404")) == ["There is no top-up #404."]


async def test_an_unpaid_invoice_cannot_be_refunded(admin, customer, db) -> None:
    topup = await invoice(customer, db)
    sent = await admin.send(f"/refund {topup.id}")
    assert texts(sent) == [f"Top-up #{topup.id} has not been paid: there is nothing to refund."]
    assert refund_calls(sent) == []


async def test_a_refund_returns_the_stars_and_debits_the_balance_once(admin, customer, db) -> None:
    topup = await paid_topup(customer, db, 300)
    assert await balance_of(db, customer.user.id) == 3
    sent = await admin.send(f"/refund {topup.id}")
    [call] = refund_calls(sent)
    assert (call.user_id, call.telegram_payment_charge_id) == (customer.user.id, "stxPaid")
    assert texts(sent, chat_id=ADMIN_ID) == [
        f"✅ Top-up #{topup.id} refunded: 300 ⭐ back to customer <code>1001</code>, 3.00 taken"
        " off their balance (now 0.00)."
    ]
    # The customer hears of it through the outbox, in their language, once.
    assert texts(sent, chat_id=customer.chat.id) == []
    assert await delivered(admin.dp, admin.bot, customer.user.id) == [
        f"Пополнение #{topup.id} возвращено: 300 звёзд вернулось в ваш аккаунт Telegram, с баланса"
        " списано 3,00.\nБаланс: <b>0,00</b>"
    ]
    assert await delivered(admin.dp, admin.bot, customer.user.id) == []
    assert await balance_of(db, customer.user.id) == 0
    debit = (await LedgerRepo(db).entries(customer.user.id))[0]
    assert (debit.amount, debit.reason, debit.actor) == (
        Decimal(-3),
        Reason.TOPUP_REFUND,
        ADMIN_ID,
    )
    assert await status_of(db, topup) == TopupStatus.REFUNDED

    again = await admin.send(f"/refund {topup.id}")
    assert texts(again) == [f"Top-up #{topup.id} has been refunded already."]
    assert refund_calls(again) == []
    assert await balance_of(db, customer.user.id) == 0
    assert await delivered(admin.dp, admin.bot, customer.user.id) == []


async def test_no_refund_once_the_money_is_spent(admin, customer, db) -> None:
    topup = await paid_topup(customer, db, 300)
    async with db.transaction() as tx:  # an order charged 2.50 of it
        await post(tx, customer.user.id, Decimal("-2.5"), Reason.DEBIT)
    sent = await admin.send(f"/refund {topup.id}")
    assert texts(sent) == [
        "Customer <code>1001</code> has 0.50 on their balance, 2.50 short of what top-up"
        f" #{topup.id} credited: nothing was refunded."
    ]
    assert refund_calls(sent) == []
    assert await balance_of(db, customer.user.id) == Decimal("0.5")
    assert await status_of(db, topup) == TopupStatus.PAID


async def test_a_refused_refund_debits_nothing_and_can_be_tried_again(admin, customer, db) -> None:
    topup = await paid_topup(customer, db, 300)
    admin.session.plan(RefundStarPayment, TelegramBadRequest(CALL, "Bad Request: CHARGE_NOT_FOUND"))
    sent = await admin.send(f"/refund {topup.id}")
    assert texts(sent) == [
        f"Telegram refused to refund top-up #{topup.id}: Bad Request: CHARGE_NOT_FOUND. Nothing"
        " was taken off the customer's balance (still 3.00)."
    ]
    assert texts(sent, chat_id=customer.chat.id) == []
    assert await delivered(admin.dp, admin.bot, customer.user.id) == []
    assert await balance_of(db, customer.user.id) == 3
    assert await status_of(db, topup) == TopupStatus.PAID

    sent = await admin.send(f"/refund {topup.id}")
    assert len(refund_calls(sent)) == 1
    assert await balance_of(db, customer.user.id) == 0
    assert await status_of(db, topup) == TopupStatus.REFUNDED
    reasons = [entry.reason for entry in await LedgerRepo(db).entries(customer.user.id)]
    assert reasons == ["topup_refund", "topup_refund_undone", "topup_refund", "topup"]


@pytest.mark.parametrize(
    "lost",
    [TelegramNetworkError(CALL, "timeout"), TelegramServerError(CALL, "Bad Gateway")],
)
@pytest.mark.parametrize(
    ("second", "calls"),
    [
        (True, 1),  # the first call never reached Telegram
        (TelegramBadRequest(CALL, "Bad Request: CHARGE_ALREADY_REFUNDED"), 1),  # it had
    ],
)
async def test_a_refund_without_an_answer_holds_the_money_until_asked_again(
    admin, customer, db, lost, second, calls
) -> None:
    topup = await paid_topup(customer, db, 300)
    admin.session.plan(RefundStarPayment, lost, second)
    sent = await admin.send(f"/refund {topup.id}")
    assert texts(sent) == [
        f"Telegram gave no clear answer about refunding top-up #{topup.id}"
        f" ({lost.message}). 3.00 stays held from customer <code>1001</code>'s balance: send"
        f" <code>/refund {topup.id}</code> again to finish."
    ]
    assert await balance_of(db, customer.user.id) == 0
    assert await status_of(db, topup) == TopupStatus.REFUNDING
    # Not refunded yet as far as anyone knows: the customer hears nothing so far.
    assert await delivered(admin.dp, admin.bot, customer.user.id) == []

    sent = await admin.send(f"/refund {topup.id}")
    assert len(refund_calls(sent)) == calls
    assert len(await delivered(admin.dp, admin.bot, customer.user.id)) == 1
    assert texts(sent, chat_id=ADMIN_ID)[0].startswith(f"✅ Top-up #{topup.id} refunded")
    assert await balance_of(db, customer.user.id) == 0  # debited once, not twice
    assert await status_of(db, topup) == TopupStatus.REFUNDED
    assert len(await LedgerRepo(db).entries(customer.user.id)) == 2


async def test_two_admins_refunding_at_once_refund_once(make_client, customer, db) -> None:
    topup = await paid_topup(customer, db, 300)
    first = make_client(user_id=ADMIN_ID)
    second = make_client(user_id=ADMIN_ID, chat_id=777)  # another chat: not serialised
    before = len(first.session.requests)
    await asyncio.gather(first.send(f"/refund {topup.id}"), second.send(f"/refund {topup.id}"))
    assert len(refund_calls(first.session.requests[before:])) == 1
    assert await balance_of(db, customer.user.id) == 0
    assert await status_of(db, topup) == TopupStatus.REFUNDED


async def test_a_customer_who_blocked_the_bot_is_still_refunded(admin, customer, db) -> None:
    topup = await paid_topup(customer, db, 300)
    sent = await admin.send(f"/refund {topup.id}")
    assert len(refund_calls(sent)) == 1
    assert [r.chat_id for r in sent if isinstance(r, SendMessage)] == [ADMIN_ID]
    assert await status_of(db, topup) == TopupStatus.REFUNDED
    # The notice waits in the outbox; the customer has blocked the bot by the time it goes.
    blocked = TelegramForbiddenError(SendMessage(chat_id=1, text="x"), "bot was blocked")
    admin.session.plan(SendMessage, blocked)
    assert await delivered(admin.dp, admin.bot, customer.user.id) == [
        f"Пополнение #{topup.id} возвращено: 300 звёзд вернулось в ваш аккаунт Telegram, с баланса"
        " списано 3,00.\nБаланс: <b>0,00</b>"
    ]
    user = await UsersRepo(db).get(customer.user.id)
    assert user is not None
    assert user.blocked
    assert await status_of(db, topup) == TopupStatus.REFUNDED
    assert await balance_of(db, customer.user.id) == 0


async def test_the_refund_and_its_notice_commit_together(admin, customer, db, monkeypatch) -> None:
    """A refund's notice is queued in the transaction that marks the top-up refunded: if that
    transaction fails, neither the status nor the notice is there, and `/refund` again does
    both once."""
    topup = await paid_topup(customer, db, 300)
    repo = admin.dp["topups"]  # the one `StarRefunds` writes through
    real = repo.finish_refund

    async def failing(tx, topup_id):  # marks it refunded, then the commit fails
        await real(tx, topup_id)
        raise RuntimeError("disk gone")

    monkeypatch.setattr(repo, "finish_refund", failing)
    await admin.send(f"/refund {topup.id}")  # the error handler answers the admin
    assert await status_of(db, topup) == TopupStatus.REFUNDING
    assert await OutboxRepo(db).for_user(customer.user.id) == []
    monkeypatch.undo()

    sent = await admin.send(f"/refund {topup.id}")  # Telegram: refunded already
    assert texts(sent, chat_id=ADMIN_ID)[0].startswith(f"✅ Top-up #{topup.id} refunded")
    assert await status_of(db, topup) == TopupStatus.REFUNDED
    assert len(await delivered(admin.dp, admin.bot, customer.user.id)) == 1
    assert await balance_of(db, customer.user.id) == 0


async def test_a_customers_topups_are_listed_newest_first(customer, db) -> None:
    paid = await paid_topup(customer, db, 300)
    open_invoice = await invoice(customer, db, 50)
    listed = await TopupsRepo(db).list_for_user(customer.user.id)
    assert [(t.id, t.status) for t in listed] == [
        (open_invoice.id, TopupStatus.INVOICED),
        (paid.id, TopupStatus.PAID),
    ]
    assert await TopupsRepo(db).list_for_user(4242) == []
