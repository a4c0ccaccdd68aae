"""Telegram's checkout (pre-checkout query, successful payment) and `/terms` (`/paysupport`
opens a support ticket: `handlers.customer.support`).

This router comes first: a payment must be credited whatever conversation the customer is
in, never swallowed by some step's "anything else" handler.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message, PreCheckoutQuery, User

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.orders.conversation import Conversation, OrderForm
from bot.orders.middleware import OrderConversation
from bot.payments import Payments
from bot.payments.stars import return_payment
from bot.storage import Payment, UnmatchedPayment
from bot.telegram.keyboards import next_steps

log = logging.getLogger(__name__)


async def pre_checkout(query: PreCheckoutQuery, payments: Payments, t: Texts) -> None:
    refusal = await payments.stars.check(
        query.from_user.id, query.invoice_payload, query.currency, query.total_amount
    )
    if refusal is None:
        await query.answer(ok=True)
        return
    log.info("checkout refused (%s) for user %s", refusal, query.from_user.id)
    await query.answer(ok=False, error_message=t(f"checkout-{refusal}"))


async def successful_payment(
    message: Message,
    bot: Bot,
    event_from_user: User,
    payments: Payments,
    alerts: Alerts,
    amounts: Amounts,
    state: FSMContext,
    conversation: Conversation,
    t: Texts,
) -> None:
    paid = message.successful_payment
    if paid is None:  # cannot happen: the filter checked it
        return
    payment = Payment(
        user_id=event_from_user.id,
        payload=paid.invoice_payload,
        charge_id=paid.telegram_payment_charge_id,
        currency=paid.currency,
        total_amount=paid.total_amount,
    )
    try:
        credited = await payments.stars.confirm(payment)
    except UnmatchedPayment as problem:
        await _give_back(message, bot, alerts, problem, t)
        return
    if credited.replay:
        log.info("payment %s delivered again: credited already", payment.charge_id)
        return
    topup = credited.topup
    money = amounts
    at = await state.get_state()
    await message.answer(
        t(
            "topup-receipt",
            id=str(topup.id),
            stars=topup.price_stars,
            amount=money(topup.amount),
            balance=money(credited.balance),
        ),
        # Outside any conversation (a top-up of its own, or one paid after the customer
        # left the order it was for): what to do with the money next.
        reply_markup=next_steps(t, "order", "balance") if at is None else None,
    )
    if at == OrderForm.confirm.state:
        # Paid from an order's summary (or while one waits): back to it, to Confirm.
        await conversation.resume()


async def _give_back(
    message: Message, bot: Bot, alerts: Alerts, problem: UnmatchedPayment, t: Texts
) -> None:
    """Stars arrived that no open invoice asked for (paid twice, say): return them."""
    payment = problem.payment
    log.warning("payment %s unmatched (%s): returning it", payment.charge_id, problem.why)
    returned = await return_payment(bot, payment.user_id, payment.charge_id)
    stars = payment.total_amount
    await message.answer(t("payment-returned" if returned else "payment-held", stars=stars))
    await alerts.send(
        bot,
        "alert-payment-returned" if returned else "alert-payment-held",
        user_id=str(payment.user_id),
        charge=payment.charge_id,
        stars=stars,
        why=problem.why,
    )


async def terms(message: Message, payments: Payments, catalogue: Catalogue, t: Texts) -> None:
    await message.answer(t("terms", rate=payments.stars.rate(catalogue.currency)))


def create_router() -> Router:
    router = Router(name="payments")
    router.pre_checkout_query.register(pre_checkout)
    # A payment made from an order's summary brings the customer back to it.
    router.message.middleware(OrderConversation())
    router.message.register(successful_payment, F.successful_payment)
    router.message.register(terms, Command("terms"))
    return router
