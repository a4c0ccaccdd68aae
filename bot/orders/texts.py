"""How a customer sees an order: its status in their language, a list line, the detail card.

Customers know an order by the shop's own number (`#7`) only; the panel's is for admins.
"""

from __future__ import annotations

from bot.i18n import Html, Texts
from bot.money import Amounts
from bot.orders.steps import type_named
from bot.panel.status import Delivery, row_of
from bot.storage import Order, Refill, RefillState

# The latest refill as the card shows it; a refused one is said when it is tapped, not kept.
_REFILL_KEYS: dict[str, str] = {
    RefillState.REQUESTING: "order-card-refill-requested",
    RefillState.UNKNOWN: "order-card-refill-checking",
    RefillState.OPEN: "order-card-refill-requested",
    RefillState.DONE: "order-card-refill-done",
    RefillState.REJECTED: "order-card-refill-rejected",
}


def status_name(t: Texts, status: str) -> Html:
    """The status in the customer's language; one the panel made up is shown as it wrote it."""
    return Html(t(row_of(status).customer, status=status))


def button_label(order: Order) -> str:
    """A button's text (plain, not HTML): an icon for the status and the order's number."""
    return f"{row_of(order.status).icon} #{order.id}"


def order_line(t: Texts, order: Order, amounts: Amounts) -> str:
    """One line of My orders."""
    return t(
        "orders-line",
        id=str(order.id),
        service=order.service_name,
        quantity=order.quantity,
        status=_status_of(t, order),
        charge=amounts(order.charge),
    )


def order_card(
    t: Texts,
    order: Order,
    amounts: Amounts,
    notice: str | None = None,
    *,
    refill: Refill | None = None,
) -> str:
    """The detail card; `notice` (a message key) says what just happened, if anything;
    `refill` is the order's latest refill."""
    lines = [
        t("order-card-title", id=str(order.id)),
        t(
            "order-card",
            service=order.service_name,
            link=order.link,
            quantity=order.quantity,
            charge=amounts(order.charge),
            status=_status_of(t, order),
            placed=order.created_at,
        ),
    ]
    start_count, delivered = delivery(order)
    if start_count is not None:
        lines.append(t("order-card-start-count", count=start_count))
    if delivered is not None:
        so_far = row_of(order.status).delivery is Delivery.SO_FAR  # still running, or ended
        progress = "order-card-progress" if so_far else "order-card-delivered"
        lines.append(t(progress, delivered=delivered, quantity=order.quantity))
    # As posted, never worked out again: the refund is the ledger's, kept on the order.
    if order.refunded > 0:
        lines.append(t("order-card-refund", refund=amounts(order.refunded)))
    if refill is not None and (key := _REFILL_KEYS.get(refill.status)):
        lines.append(t(key))
    if notice is not None:
        lines.append("")
        lines.append(t(notice))
    return "\n".join(lines)


def delivery(order: Order) -> tuple[int | None, int | None]:
    """The start count and how many were delivered (quantity minus remains), as the panel
    last said, once the order has started: a pending order's zeros say nothing. A
    subscription's remains say nothing either: its quantity is the most it can deliver (per
    post x posts), the panel's remains count one post's, so an active subscription with
    nothing delivered would read "2,000 of 2,000"."""
    if row_of(order.status).delivery is Delivery.NOT_STARTED:
        return None, None
    kind = type_named(order.service_type)
    if order.remains is None or (kind is not None and kind.settles_to_charge):
        return order.start_count, None
    return order.start_count, order.quantity - order.remains


def seen(order: Order) -> tuple[object, ...]:
    """What the card shows of the panel's reports: equal before and after a Refresh, the
    Refresh found nothing new."""
    return order.status, order.cancel_requested_at, *delivery(order)


def _status_of(t: Texts, order: Order) -> Html:
    name = status_name(t, order.status)
    if order.cancel_requested_at is not None and not order.is_final:
        return Html(t("status-cancel-requested", status=name))
    return name
