"""What an order gives back, and the one way it is given back.

The rule: an order that failed or ended Canceled gives back its whole charge; one that
ended Partial gives back what remains x its unit price, rounded down to the price decimals
and never more than the charge; any other status gives back nothing.

`post_refund` is the only place a refund is posted (placement, settling, following), in the
caller's transaction. The ledger keeps one refund per order, and a trigger keeps the amount
on the order (`Order.refunded`), so what customers and admins see is read back from there,
never worked out again.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from bot.money import SCALE, from_minor, to_minor
from bot.storage import AlreadyPosted, Order, Reason, Status, Transaction, order_in, post

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
    match order.status:
        case Status.FAILED | Status.CANCELED:
            return order.charge
        case Status.PARTIAL:
            return refund_for(order, order.remains or 0, decimals)
        case _:
            return Decimal(0)


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
