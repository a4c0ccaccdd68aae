"""Crypto top-ups in the chat: the amount typed after choosing 🪙 Crypto, and "Check
payment" under an invoice (the sweep and the webhook credit it too, without a tap)."""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Texts
from bot.payments import PaymentFailed, Payments
from bot.payments.crypto import Crypto, CryptoForm, Outcome, typing_keyboard
from bot.payments.cryptopay import CryptoPayError
from bot.storage import TopupStatus
from bot.telegram.callbacks import CryptoCb

log = logging.getLogger(__name__)

PRIVATE = F.chat.type == "private"
# "Check payment" is answered with what Crypto Pay says, so it asks with a short bound: the
# tap must not spin while Crypto Pay is slow (the sweep will find the payment anyway).
CHECK_WITHIN = 5.0

# What "Check payment" answers (a callback's alert, at most 200 characters).
CHECKED = {
    Outcome.CREDITED: "topup-crypto-paid",
    Outcome.OPEN: "topup-crypto-not-paid",
    Outcome.EXPIRED: "topup-crypto-gone",
    Outcome.REFUSED: "topup-crypto-held",
}


def _crypto(payments: Payments) -> Crypto | None:
    method = payments.by_name("crypto")
    return method if isinstance(method, Crypto) else None


async def amount_typed(
    message: Message,
    bot: Bot,
    state: FSMContext,
    event_from_user: User,
    payments: Payments,
    t: Texts,
) -> None:
    crypto = _crypto(payments)
    if crypto is None:  # switched off since the amount was asked
        await state.clear()
        await message.answer(t("topup-method-off"))
        return
    amount = crypto.parse(message.text, t.locale)
    if amount is None:
        # Still waiting for an amount: the customer tries again or taps Cancel.
        await message.answer(
            t("topup-crypto-bad-amount", **crypto.bounds()), reply_markup=typing_keyboard(t)
        )
        return
    await state.clear()
    try:
        await crypto.create(bot, t, event_from_user.id, amount, chat_id=message.chat.id)
    except PaymentFailed as failed:
        await message.answer(t(failed.text_key))


async def check_payment(
    query: CallbackQuery, callback_data: CryptoCb, payments: Payments, t: Texts
) -> None:
    crypto = _crypto(payments)
    ours = None if crypto is None else await crypto.invoices.of_topup(callback_data.id)
    topup = None if crypto is None or ours is None else await crypto.topups.get(ours.topup_id)
    # Another customer's invoice (a forged button) reads as one that is not there.
    if crypto is None or ours is None or topup is None or topup.user_id != query.from_user.id:
        await query.answer(t("topup-crypto-gone"), show_alert=True)
        return
    if topup.status != TopupStatus.INVOICED:
        done = topup.status != TopupStatus.CANCELLED
        await query.answer(t("topup-crypto-paid" if done else "topup-crypto-gone"), show_alert=True)
        return
    try:
        outcome = await crypto.check(ours, within=CHECK_WITHIN)
    except CryptoPayError as error:
        log.warning("Check payment of top-up %s: Crypto Pay did not answer: %s", topup.id, error)
        await query.answer(t("topup-crypto-unreachable"), show_alert=True)
        return
    await query.answer(t(CHECKED[outcome]), show_alert=True)


def create_router() -> Router:
    router = Router(name="crypto")
    # /cancel and Cancel while typing are `handlers.customer.topup`'s. Other commands go on
    # to their own handlers; anything else is the amount, good or bad.
    router.message.register(amount_typed, CryptoForm.amount, PRIVATE, ~F.text.startswith("/"))
    router.callback_query.register(check_payment, CryptoCb.filter(F.action == "check"))
    return router
