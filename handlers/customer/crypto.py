"""Crypto top-ups in the chat: "Check payment" under an invoice (the sweep and the webhook
credit it too, without a tap; the amount is typed like any method's: `handlers.customer.topup`)."""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.types import CallbackQuery

from bot.i18n import Texts
from bot.payments import Payments
from bot.payments.crypto import Crypto, Outcome
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
    router.callback_query.register(check_payment, CryptoCb.filter(F.action == "check"))
    return router
