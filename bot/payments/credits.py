"""Crediting a top-up paid outside Telegram's checkout (a transfer an admin approved, an
invoice a provider reports paid): the credit and the customer's notice commit together,
once, keyed by the method's own payment id.

Durable: the money has moved outside already, so a power cut must not take the credit back.
"""

from __future__ import annotations

from decimal import Decimal

from bot.money import Amounts
from bot.notify.news import News, Work
from bot.storage import Credited, Topup, TopupsRepo


class Credits:
    def __init__(self, topups: TopupsRepo, news: News, amounts: Amounts) -> None:
        self._topups = topups
        self._news = news
        self._money = amounts

    async def credit(
        self,
        topup_id: int,
        payment_id: str,
        *,
        amount: Decimal | None = None,
        actor: int | None = None,
    ) -> Credited:
        """Credit the pending top-up once (`TopupsRepo.credit`: its errors, its `replay`) and
        tell the customer; a replay tells nobody."""
        async with self._news.transaction(durable=True) as work:
            return await self.credit_in(work, topup_id, payment_id, amount=amount, actor=actor)

    async def credit_in(
        self,
        work: Work,
        topup_id: int,
        payment_id: str,
        *,
        amount: Decimal | None = None,
        actor: int | None = None,
    ) -> Credited:
        """`credit` inside the caller's durable transaction, beside the method's own record
        of the payment (Payme's transaction state)."""
        credited = await self._topups.credit(
            work.tx, topup_id, payment_id, amount=amount, actor=actor
        )
        if not credited.replay:
            await work.tell(
                credited.topup.user_id,
                "topup-credited",
                {
                    "id": str(credited.topup.id),
                    "amount": self._money(credited.topup.amount),
                    "balance": self._money(credited.balance),
                },
            )
        return credited

    async def cancel(self, topup_id: int, key: str | None = None, **values: str) -> Topup:
        """The pending top-up will never be paid: `cancelled`, and the customer told `key`
        (with the top-up's `id` and `values`) when this call cancelled it. Raises
        `UnknownTopup`, or `TopupStateError` once it is paid."""
        async with self._news.transaction() as work:
            return await self.cancel_in(work, topup_id, key, **values)

    async def cancel_in(
        self, work: Work, topup_id: int, key: str | None = None, **values: str
    ) -> Topup:
        """`cancel` inside the caller's transaction, beside the method's own record."""
        topup, now = await self._topups.cancel(work.tx, topup_id)
        if now and key is not None:
            await work.tell(topup.user_id, key, {"id": str(topup.id), **values})
        return topup
