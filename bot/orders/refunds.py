"""What an order gives back, and the one way it is given back.

The rule is each status's `Refund` in `bot.panel.status`: an order that failed or ended
Canceled gives back its whole charge; one that ended Partial gives back what remains x its
unit price, rounded down to the price decimals and never more than the charge; any other
status gives back nothing. A subscription held the most it could cost: when it ends it gives
back all but what the panel's final charge costs at the customer's price.

`post_refund` is the only place a refund is posted (placement, settling, following), in the
caller's transaction. The ledger keeps one refund per order, and a trigger keeps the amount
on the order (`Order.refunded`), so what customers and admins see is read back from there,
never worked out again.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from bot.money import SCALE, charge_up, from_minor, to_minor
from bot.orders.costs import charge_at_customer_price, expected_cost
from bot.orders.steps import type_named
from bot.panel.status import Refund, row_of
from bot.storage import AlreadyPosted, Order, Reason, Transaction, order_in, post

log = logging.getLogger(__name__)


def refund_for(order: Order, remains: int, decimals: int) -> Decimal:
    """`remains` x unit price, rounded down to `decimals`; never more than the charge.

    Integer arithmetic: charge / quantity rarely has a finite decimal expansion.
    """
    remains = min(max(remains, 0), order.quantity)
    step = 10 ** (SCALE - decimals)
    return from_minor(to_minor(order.charge) * remains // (order.quantity * step) * step)


def refund_due(order: Order, decimals: int) -> Decimal:
    """What the order gives back in the status it is in now."""
    kind = type_named(order.service_type)
    if kind is not None and kind.settles_to_charge:
        return _settlement(order, decimals)
    match row_of(order.status).refund:
        case Refund.WHOLE:
            return order.charge
        case Refund.REMAINS:
            return refund_for(order, order.remains or 0, decimals)
        case Refund.NOTHING:
            return Decimal(0)


def _settlement(order: Order, decimals: int) -> Decimal:
    """A subscription, ended: it held the most it could cost, and keeps what the panel's
    final charge costs at the customer's price (rounded up, like every charge)."""
    row = row_of(order.status)
    if not row.final or row.local or order.panel_charge is None:
        # Not ended: nothing yet. Failed, or Canceled with never a charge reported: nothing
        # delivered, all back. Ended otherwise without one: what was delivered is unknown,
        # so the hold stands and the admins are told.
        return order.charge if row.refund is Refund.WHOLE else Decimal(0)
    if expected_cost(order) <= 0:
        return Decimal(0)
    kept = charge_up(charge_at_customer_price(order, order.panel_charge), decimals)
    return max(order.charge - kept, Decimal(0))


async def post_refund(tx: Transaction, order: Order, decimals: int) -> Order:
    """Post what the order's status gives back, in `tx`; the order as stored afterwards.

    A second refund of an order is refused by the ledger and changes nothing: whatever
    refunded it first stands, and `refunded` says what that was.
    """
    amount = refund_due(order, decimals)
    if amount > 0:
        try:
            await post(tx, order.user_id, amount, Reason.REFUND, order_id=order.id)
        except AlreadyPosted:
            log.warning("order %d: refunded before, not again", order.id)
        else:
            log.info("order %d: refunded %s to user %d", order.id, amount, order.user_id)
    stored = await order_in(tx, order.id)
    if stored is None:  # cannot happen: the ledger refuses a posting for a missing order
        raise LookupError(f"order {order.id} is gone")
    return stored
