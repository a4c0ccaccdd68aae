"""Crediting a top-up paid outside Telegram's checkout (a transfer an admin approved, an
invoice a provider reports paid): the credit and the customer's notice commit together,
once, keyed by the method's own payment id.

Durable: the money has moved outside already, so a power cut must not take the credit back.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from decimal import Decimal

from bot.money import Amounts
from bot.notify.news import News
from bot.storage import Credited, OutboxArg, Topup, TopupsRepo, Transaction

# The notice of a credit to a customer who has an order's summary open: it carries the
# button back to that summary (`bot.orders.keyboards.back_to_order`).
CREDITED_AT_SUMMARY = "topup-credited-order"
# What a method records of its own in the same transaction, when this call changed the top-up.
Also = Callable[[Transaction], Awaitable[None]]


async def _nowhere(user_id: int) -> bool:
    return False


class Credits:
    def __init__(
        self,
        topups: TopupsRepo,
        news: News,
        amounts: Amounts,
        at_summary: Callable[[int], Awaitable[bool]] = _nowhere,
    ) -> None:
        """`at_summary`: whether a customer has an order's summary open (the order
        conversation knows; this layer is below it)."""
        self._topups = topups
        self._news = news
        self._money = amounts
        self._at_summary = at_summary

    async def credit(
        self,
        topup_id: int,
        payment_id: str,
        *,
        amount: Decimal | None = None,
        actor: int | None = None,
        also: Also | None = None,
    ) -> Credited:
        """Credit the pending top-up once (`TopupsRepo.credit`: its errors, its `replay`) and
        tell the customer, with the way back to an order's summary they left open to pay;
        a replay tells nobody (and runs no `also`)."""
        key = await self.notice(topup_id)
        async with self._news.transaction(durable=True) as work:
            credited = await self._topups.credit(
                work.tx, topup_id, payment_id, amount=amount, actor=actor
            )
            if not credited.replay:
                if also is not None:
                    await also(work.tx)
                await work.tell(
                    credited.topup.user_id,
                    key,
                    {
                        "id": str(credited.topup.id),
                        "amount": self._money(credited.topup.amount),
                        "balance": self._money(credited.balance),
                    },
                )
        return credited

    async def notice(self, topup_id: int) -> str:
        """The key of the top-up's credit notice: with the way back to an order's summary
        when its customer has one open. Asked before the credit's transaction (a read of
        the conversation's storage cannot run inside one)."""
        pending = await self._topups.get(topup_id)
        if pending is not None and await self._at_summary(pending.user_id):
            return CREDITED_AT_SUMMARY
        return "topup-credited"

    async def cancel(
        self,
        topup_id: int,
        key: str | None = None,
        *,
        also: Also | None = None,
        **values: OutboxArg,
    ) -> Topup:
        """The pending top-up will never be paid: `cancelled`, and the customer told `key`
        (with the top-up's `id` and `values`) and `also` run when this call cancelled it.
        Raises `UnknownTopup`, or `TopupStateError` once it is paid."""
        async with self._news.transaction() as work:
            topup, now = await self._topups.cancel(work.tx, topup_id)
            if now and also is not None:
                await also(work.tx)
            if now and key is not None:
                await work.tell(topup.user_id, key, {"id": str(topup.id), **values})
        return topup
