"""What a customer may ask the panel about their placed order: its status now (Refresh), and
to cancel it. Each answers with the order as it is now and a notice for its card (a message
key), or None when there is nothing to add."""

from __future__ import annotations

import logging

from aiogram import Bot

from bot.orders.following import Follower
from bot.panel import IncorrectOrderId, PanelClient, PanelError, PanelFailure
from bot.storage import Order, OrdersRepo, OrderStateError

log = logging.getLogger(__name__)


def can_refresh(order: Order) -> bool:
    """Whether the panel has anything new to say: placed, and not finished."""
    return not order.is_final and order.is_placed and order.panel_order_id is not None


async def refresh(
    bot: Bot, order: Order, panel: PanelClient, follower: Follower
) -> tuple[Order, str | None]:
    """Ask the panel now; what it says is recorded as a sweep would record it."""
    if order.panel_order_id is None:
        return order, None
    try:
        reports = await panel.statuses([order.panel_order_id])
    except PanelFailure as failure:
        log.info("refresh of order %d: %s", order.id, failure)
        reports = {}
    report = reports.get(order.panel_order_id)
    if report is None:
        return order, "order-card-no-answer"
    notice = "order-card-panel-error" if isinstance(report, PanelError) else None
    return await follower.apply(bot, order.id, report) or order, notice


def cancel_refusal(order: Order) -> str | None:
    """Why the customer may not ask to cancel the order now (a message key), or None."""
    if order.cancellable:
        return None
    if order.is_final or not order.is_placed:
        return "order-cannot-cancel"
    if order.cancel_requested_at is not None:
        return "order-cancel-already"
    return "order-cancel-not-allowed"


async def request_cancel(order: Order, panel: PanelClient, orders: OrdersRepo) -> tuple[Order, str]:
    """Ask the panel to cancel, once: it has no idempotency key, so nothing is repeated. An
    accepted cancel is a request; the money comes back when a sweep sees the outcome."""
    if order.panel_order_id is None:
        return order, "order-cannot-cancel"
    try:
        results = await panel.cancel([order.panel_order_id])
    except PanelError as error:
        log.info("cancel of order %d refused: %r", order.id, error.text)
        return order, "order-cancel-refused"
    except PanelFailure as failure:
        log.warning("cancel of order %d: no clear answer: %s", order.id, failure)
        return order, "order-cancel-no-answer"
    result = results.get(order.panel_order_id)
    if result is None:
        log.warning("cancel of order %d: the panel's answer leaves it out", order.id)
        return order, "order-cancel-no-answer"
    if not result.accepted:
        text = result.error.text if result.error else "not accepted"
        log.info("cancel of order %d refused by the panel: %r", order.id, text)
        unknown = isinstance(result.error, IncorrectOrderId)
        return order, "order-cancel-unknown-order" if unknown else "order-cancel-refused"
    log.info("cancel of order %d: accepted by the panel", order.id)
    try:
        order = await orders.mark_cancel_requested(order.id)
    except OrderStateError:  # a sweep finished it meanwhile: the card shows how
        order = await orders.get(order.id) or order
    return order, "order-cancel-accepted"
