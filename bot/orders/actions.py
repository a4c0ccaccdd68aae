"""What a customer may ask the panel about their placed order: its status now (Refresh), to
cancel it, and to refill it. Each answers with a notice for its card (a message key), and
Refresh and Cancel with the order as it is now."""

from __future__ import annotations

import logging

from aiogram import Bot

from bot.notify.alerts import Alerts
from bot.notify.news import News
from bot.orders.following import Follower
from bot.orders.lookups import StatusLookups
from bot.orders.refilling import refill_about
from bot.orders.texts import seen
from bot.panel import (
    IncorrectOrderId,
    PanelClient,
    PanelError,
    PanelFailure,
    PanelTransportError,
    RefillAlreadyRequested,
    RefillNotEligible,
    Service,
)
from bot.panel.panels import Panels, UnknownPanel, as_panels
from bot.panel.status import row_of
from bot.storage import (
    Order,
    OrdersRepo,
    OrderStateError,
    Refill,
    RefillInProgress,
    RefillsRepo,
    RefillState,
)

log = logging.getLogger(__name__)


def can_refresh(order: Order) -> bool:
    """Whether the panel has anything new to say: placed, and not finished."""
    return not order.is_final and order.is_placed and order.panel_order_id is not None


async def refresh(
    bot: Bot, order: Order, lookups: StatusLookups, follower: Follower
) -> tuple[Order, str | None]:
    """Ask the panel (or reuse what it said a moment ago); what it says is recorded as a
    sweep would record it."""
    if order.panel_order_id is None:
        return order, None
    report = await lookups.status(order.panel_order_id, order.panel)
    if report is None:
        return order, "order-card-no-answer"
    if isinstance(report, PanelError):
        return await follower.apply(bot, order.id, report) or order, "order-card-panel-error"
    now = await follower.apply(bot, order.id, report) or order
    # Said on the card, so a Refresh that found nothing new still visibly answers.
    return now, "order-card-unchanged" if seen(now) == seen(order) else None


def _client_of(order: Order, panels: PanelClient | Panels) -> PanelClient | None:
    """The client of the order's panel; None (logged) if the settings lost that panel."""
    try:
        return as_panels(panels).of(order).client
    except UnknownPanel:
        log.warning("order %d: its panel %r is not in the settings", order.id, order.panel)
        return None


def cancel_refusal(order: Order) -> str | None:
    """Why the customer may not ask to cancel the order now (a message key), or None."""
    if order.cancellable:
        return None
    if order.is_final or not order.is_placed:
        return "order-cannot-cancel"
    if order.cancel_requested_at is not None:
        return "order-cancel-already"
    return "order-cancel-not-allowed"


async def request_cancel(
    order: Order, panels: PanelClient | Panels, orders: OrdersRepo
) -> tuple[Order, str]:
    """Ask the order's panel to cancel, once: it has no idempotency key, so nothing is
    repeated. An accepted cancel is a request; the money comes back when a sweep sees the
    outcome."""
    if order.panel_order_id is None:
        return order, "order-cannot-cancel"
    panel = _client_of(order, panels)
    if panel is None:
        return order, "order-cancel-refused"
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


# The panel's refusals customers are told in their own words; any other is "refused".
_REFILL_REFUSALS: dict[type[PanelError], str] = {
    RefillNotEligible: "order-refill-not-eligible",
    RefillAlreadyRequested: "order-refill-already",
}


def refill_refusal(order: Order, latest: Refill | None, listed: Service | None) -> str | None:
    """Why the customer may not ask to refill the order now (a message key), or None.

    `latest` is the order's latest refill; `listed` the service as the catalogue lists it
    now, if it does: a service that stopped offering refills refuses old orders too.
    """
    if not order.can_refill or not order.is_placed:
        return "order-refill-not-offered"
    if listed is not None and not listed.refill:
        return "order-refill-withdrawn"
    # The panels' rule (api-v2-service-types.md), the status table's `refillable`.
    if not row_of(order.status).refillable:
        return "order-refill-not-finished"
    if latest is not None and latest.status == RefillState.UNKNOWN:
        return "order-refill-checking"
    if latest is not None and latest.in_progress:
        return "order-refill-already"
    return None


async def request_refill(
    bot: Bot,
    order: Order,
    panels: PanelClient | Panels,
    refills: RefillsRepo,
    news: News,
    alerts: Alerts,
) -> str:
    """Ask the order's panel to refill it, once: it has no idempotency key, so nothing is
    repeated, and the refill is noted before the panel is asked, so a second tap finds it.
    The customer hears of an accepted refill through the outbox; its outcome comes with a
    sweep."""
    if order.panel_order_id is None:
        return "order-refill-not-offered"
    panel = _client_of(order, panels)
    if panel is None:
        return "order-refill-not-sent"
    try:
        refill = await refills.start(order.id)
    except RefillInProgress:
        return "order-refill-already"
    try:
        panel_refill_id = await panel.refill(order.panel_order_id)
    except PanelError as error:
        log.info("refill of order %d refused: %r", order.id, error.text)
        await refills.failed(refill.id, error.text)
        known = _REFILL_REFUSALS.get(type(error))
        if known is None:
            await alerts.send(
                bot, "alert-refill-refused", **refill_about(order, refill), error=error.text
            )
        return known or "order-refill-refused"
    except PanelTransportError as failure:
        if not failure.request_sent:
            log.warning("refill of order %d: not sent: %s", order.id, failure)
            await refills.failed(refill.id, str(failure))
            return "order-refill-not-sent"
        log.warning("refill of order %d: no clear answer: %s", order.id, failure)
        await refills.lost(refill.id, str(failure))
        await alerts.send(
            bot, "alert-refill-unknown", **refill_about(order, refill), error=str(failure)
        )
        return "order-refill-checking"
    log.info("refill of order %d: accepted by the panel as %s", order.id, panel_refill_id)
    async with news.transaction() as work:
        refill = await refills.accepted(work.tx, refill.id, panel_refill_id)
        await work.tell(
            order.user_id,
            "notify-refill-accepted",
            {"number": str(order.id), "service": order.service_name},
            order_id=order.id,
            ref=str(refill.id),
        )
    return "order-refill-accepted"
