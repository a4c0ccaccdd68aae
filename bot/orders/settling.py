"""Settling an order of unknown outcome (the panel may or may not have it, the money held):
an admin found it at the panel (`attach`), or found that the panel never had it (`fail`,
refunded in full).

Either way the change, the refund and the customer's notice commit together (`News`), so a
crash keeps all of them or none, and the outbox takes the notice once per order and kind.
"""

from __future__ import annotations

from bot.money import Amounts
from bot.notify.news import News
from bot.orders.refunds import post_refund
from bot.storage import Order, OrdersRepo, OutboxArg


async def attach(news: News, orders: OrdersRepo, order_id: int, panel_order_id: str) -> Order:
    """The panel has the order as `panel_order_id`: it is followed from now on, the charge
    stands. Raises `OrderStateError` (missing, or not unknown) or `PanelIdTaken`."""
    async with news.transaction() as work:
        order = await orders.settle_placed(work.tx, order_id, panel_order_id)
        notice: dict[str, OutboxArg] = {"id": str(order.id), "panel": panel_order_id}
        await work.tell(order.user_id, "settled-placed", notice, order_id=order.id)
    return order


async def fail(news: News, orders: OrdersRepo, amounts: Amounts, order_id: int) -> Order:
    """The panel never had the order: failed and refunded; the order as stored afterwards
    (`refunded` says what went back). Raises `OrderStateError` (missing, or not unknown)."""
    async with news.transaction() as work:
        order = await orders.settle_failed(work.tx, order_id)
        order = await post_refund(work.tx, order, amounts.decimals)
        notice: dict[str, OutboxArg] = {"id": str(order.id), "refund": amounts(order.refunded)}
        await work.tell(order.user_id, "settled-failed", notice, order_id=order.id)
    return order
