"""What an order costs the shop at the panel: what it should cost by its type, and what it
did cost by how it ended (its status's `Cost` rule in `bot.panel.status`).

A quantity type costs the panel's rate x quantity / 1000 (a drip-feed's quantity counts its
runs, a subscription's is the most it delivers); a package costs the service's price, its
rate. An order refused or canceled costs nothing; a Partial one the delivered share, or the
panel's reported charge when that is lower; any other the panel's reported charge, else what
it should cost. Adding up the panel's reported charge of canceled and partial orders made a
profitable shop look like a loss-maker: panels report the full charge there and refund the
rest.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Protocol

from bot.orders.steps import type_named
from bot.panel.status import Cost, row_of

_PER = Decimal(1000)


class Costed(Protocol):
    """What the cost of an order is worked out from (an `Order`, a `/stats` row)."""

    @property
    def status(self) -> str: ...
    @property
    def service_type(self) -> str: ...
    @property
    def rate(self) -> Decimal: ...  # the panel's, at placement
    @property
    def quantity(self) -> int: ...
    @property
    def remains(self) -> int | None: ...
    @property
    def panel_charge(self) -> Decimal | None: ...
    @property
    def charge(self) -> Decimal: ...  # what the customer paid (a subscription: held)


def expected_cost(order: Costed) -> Decimal:
    """What the panel should take for the order, whatever became of it."""
    kind = type_named(order.service_type)
    if kind is not None and kind.package:
        return order.rate
    return order.rate * order.quantity / _PER


def running_subscription(order: Costed) -> bool:
    """A subscription still running: it holds the most it can cost, charged as it goes."""
    kind = type_named(order.service_type)
    return kind is not None and kind.settles_to_charge and not row_of(order.status).final


def charge_at_customer_price(order: Costed, panel_charge: Decimal) -> Decimal:
    """What `panel_charge` costs at the customer's price: the held charge in proportion to
    the most the panel would take (unrounded)."""
    most = expected_cost(order)
    return min(panel_charge * order.charge / most, order.charge) if most > 0 else Decimal(0)


def order_cost(order: Costed) -> Decimal:
    """What the order cost the shop, as it stands now."""
    if running_subscription(order):  # what the panel has taken so far, not the most
        return order.panel_charge or Decimal(0)
    match row_of(order.status).cost:
        case Cost.NOTHING:
            return Decimal(0)
        case Cost.DELIVERED:
            delivered = order.quantity - min(max(order.remains or 0, 0), order.quantity)
            share = expected_cost(order) * delivered / order.quantity
            return share if order.panel_charge is None else min(share, order.panel_charge)
        case Cost.WHOLE:
            return expected_cost(order) if order.panel_charge is None else order.panel_charge
