"""Money an admin moves by hand (`/credit`, `/debit`: cash paid at the counter, a
correction), posted to the ledger with the admin as the actor.

A credit and the customer's notice of it commit together (`News`): a crash keeps both or
neither, and the notice is rendered in the customer's language when the outbox sends it, so
a customer who blocked the bot still keeps the money. A debit queues no notice: the shop
has never had one (the locales hold `credit-notice` only).
"""

from __future__ import annotations

from decimal import Decimal

from bot.money import Amounts
from bot.notify.news import News
from bot.storage import Reason, post


async def credit(
    news: News, amounts: Amounts, user_id: int, amount: Decimal, *, admin_id: int
) -> Decimal:
    """Add `amount` (> 0) to the customer's balance and queue their notice; the new balance.

    Raises `BalanceLimit` or `UnknownUser` (from `post`), and then nothing has changed.
    """
    async with news.transaction() as work:
        balance = await post(work.tx, user_id, amount, Reason.CREDIT, actor=admin_id)
        notice = {"amount": amounts(amount), "balance": amounts(balance)}
        await work.tell(user_id, "credit-notice", notice)
    return balance


async def debit(news: News, user_id: int, amount: Decimal, *, admin_id: int) -> Decimal:
    """Take `amount` (> 0) from the customer's balance; the new balance.

    Raises `InsufficientFunds` (a balance never goes below zero) or `UnknownUser`, and then
    nothing has changed.
    """
    async with news.transaction() as work:
        return await post(work.tx, user_id, -amount, Reason.DEBIT, actor=admin_id)
