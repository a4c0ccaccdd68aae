"""An admin gives a paid Stars top-up back (`/refund`): the stars to the customer, its amount
off their balance, and the customer told through the outbox.

Order of steps, and why: the amount is debited first (with the top-up marked `refunding`,
in one transaction), then Telegram is asked. Debiting after Telegram's yes could fail, the
customer having spent the money meanwhile, with the stars already gone back; debiting first
reserves it. When Telegram refuses, a compensating credit puts it back. When its answer is
lost (network, 5xx) nothing is undone: the stars may have gone, so the money stays held and
`/refund` again asks Telegram again, which answers CHARGE_ALREADY_REFUNDED if the first call
went through. Telegram's yes marks the top-up `refunded` and queues the customer's notice in
one transaction: a crash keeps both or neither, and a second `/refund` tells nobody twice.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError, TelegramServerError

from bot.i18n import Arg
from bot.money import Amounts
from bot.notify.news import News
from bot.payments.stars import already_refunded
from bot.storage import Kept, Topup, TopupsRepo
from bot.storage.topups import RefundFinished

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RefundResult:
    outcome: Literal["refunded", "refused", "unknown"]
    topup: Topup
    balance: Decimal  # the customer's, afterwards
    error: str | None = None  # Telegram's words when it refused or did not answer
    kept: Kept | None = None  # a referral share its referrer no longer held: tell the admins


def kept_details(kept: Kept, amounts: Amounts) -> dict[str, Arg]:
    """The values of `alert-referral-kept`: a refunded top-up's referral share stayed with
    a referrer who had spent it; the admins settle it with them."""
    return {
        "id": str(kept.topup_id),
        "customer": str(kept.customer),
        "referrer": str(kept.referrer),
        "amount": amounts(kept.amount),
        "balance": amounts(kept.balance),
    }


class StarRefunds:
    def __init__(self, topups: TopupsRepo, news: News, amounts: Amounts) -> None:
        self._topups = topups
        self._news = news
        self._money = amounts
        # Two admins refunding one top-up at once must not interleave one's undo with the
        # other's success; refunds are rare, so one at a time for the whole bot.
        self._lock = asyncio.Lock()

    async def refund(self, bot: Bot, topup_id: int, admin_id: int) -> RefundResult:
        """Raises `UnknownTopup`, `TopupStateError` or `InsufficientFunds`, changing nothing."""
        async with self._lock:
            topup, balance = await self._topups.reserve_refund(topup_id, admin_id)
            try:
                await bot.refund_star_payment(
                    user_id=topup.user_id, telegram_payment_charge_id=topup.charge_id or ""
                )
            except (TelegramNetworkError, TelegramServerError) as error:
                log.warning("refund of top-up %s: no clear answer: %s", topup.id, error)
                return RefundResult("unknown", topup, balance, error.message)
            except TelegramAPIError as error:
                if not already_refunded(error):
                    log.warning("refund of top-up %s refused: %s", topup.id, error)
                    topup, balance = await self._topups.undo_refund(topup.id)
                    return RefundResult("refused", topup, balance, error.message)
            async with self._news.transaction() as work:
                done = await self._topups.finish_refund(work.tx, topup.id)
                if done.now:
                    await work.tell(
                        done.topup.user_id,
                        "topup-refunded",
                        {
                            "id": str(done.topup.id),
                            "stars": done.topup.price_stars,
                            "amount": self._money(done.topup.amount),
                            "balance": self._money(done.balance),
                        },
                    )
            log.info("top-up %s refunded by %s", topup.id, admin_id)
            return RefundResult("refunded", done.topup, done.balance, kept=done.kept)


class OutsideRefunds:
    """A top-up of a method with no way back through the bot (a card transfer, a provider
    whose refunds are made in its cabinet): the admin pays the money back themselves, and
    `/refund N [NOTE]` records it: the amount debited through the ledger, the top-up
    `refunded` with the note, and the customer told, in one transaction."""

    def __init__(self, topups: TopupsRepo, news: News, amounts: Amounts) -> None:
        self._topups = topups
        self._news = news
        self._money = amounts

    async def refund(self, topup_id: int, admin_id: int, note: str | None) -> RefundFinished:
        """Raises `UnknownTopup`, `TopupStateError` or `InsufficientFunds`, changing nothing."""
        async with self._news.transaction() as work:
            done = await self._topups.refund_outside(work.tx, topup_id, admin_id, note)
            await work.tell(
                done.topup.user_id,
                "topup-refunded-outside",
                {
                    "id": str(done.topup.id),
                    "amount": self._money(done.topup.amount),
                    "balance": self._money(done.balance),
                },
            )
        log.info("top-up %s given back outside the bot by %s", topup_id, admin_id)
        return done
