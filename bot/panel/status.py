"""Every status an order can have, and what each one means, in one table.

The panel names most of them (Pending … Canceled, and Active/Expired for subscriptions); the
shop adds its own for the time before the panel surely has the order: `placing`, `unknown`,
`failed`. Panels also write Cancelled or Refunded for Canceled, in any case; a status a panel
invents is kept as it wrote it, is not final, and reads as the `INVENTED` row (the sweep tells
the admins once).

A row says whether the status is final, its icon, its message key for customers and for
admins, what it gives back to the customer (`Refund`) and what the order cost the shop
(`Cost`), and what the card, My orders and the customer's notice make of it. The module sits
beside the panel client, the lowest layer that storage (its SQL filters), the panel's
answers, the order feature and the admin views all may import; it imports nothing of ours.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Status(StrEnum):
    """Stored as its value in `orders.status`; the panel's as its document spells them."""

    PLACING = "placing"  # charged, the panel's `add` not answered yet
    UNKNOWN = "unknown"  # the panel may or may not have it: money held until an admin settles
    FAILED = "failed"  # the panel certainly has no such order: refunded
    PENDING = "Pending"
    PROCESSING = "Processing"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"
    PARTIAL = "Partial"
    CANCELED = "Canceled"
    # Subscriptions: Active while posts are followed, Expired once the subscription ended.
    ACTIVE = "Active"
    EXPIRED = "Expired"

    @property
    def row(self) -> Row:
        return TABLE[self]


class Refund(Enum):
    """What an order that reached the status gives back to its customer."""

    NOTHING = "nothing"
    WHOLE = "whole"  # the whole charge
    REMAINS = "remains"  # what remains x the unit price, rounded down


class Cost(Enum):
    """What an order in the status costs the shop at the panel (`bot.orders.costs`)."""

    NOTHING = "nothing"  # refused or canceled: the panel keeps nothing
    WHOLE = "whole"  # the panel's reported charge, else what the order should cost
    DELIVERED = "delivered"  # the delivered share of that, at most the panel's charge


class Delivery(Enum):
    """What an order's card makes of the start count and remains the panel reported."""

    NOT_STARTED = "not started"  # a panel reports zeros: they say nothing yet
    SO_FAR = "so far"  # running: delivered so far
    IN_ALL = "in all"  # ended: delivered in all


@dataclass(frozen=True)
class Row:
    """What one status means; `TABLE` has one per `Status`."""

    final: bool  # nothing changes it any more: the sweep stops asking
    icon: str  # on buttons; one meaning each, none a paging arrow or a button's own icon
    customer: str  # message key of the status in a customer's words (`$status`: as written)
    admin: str  # message key of the status in an admin's words
    refund: Refund = Refund.NOTHING
    cost: Cost = Cost.WHOLE
    delivery: Delivery = Delivery.IN_ALL
    local: bool = False  # the shop's own: a panel's word spelled the same must not pass for it
    in_full: bool = False  # ended with everything delivered: My orders' "completed"
    refillable: bool = False  # a refill may be asked for (where the service guarantees one)
    notice: str | None = None  # what the customer is told when the sweep sees it


TABLE: dict[Status, Row] = {
    Status.PLACING: Row(
        final=False,
        icon="⏳",
        customer="status-placing",
        admin="admin-status-placing",
        delivery=Delivery.NOT_STARTED,
        local=True,
    ),
    Status.UNKNOWN: Row(
        final=False,
        icon="❓",
        customer="status-unknown",
        admin="admin-status-unknown",
        delivery=Delivery.NOT_STARTED,
        local=True,
    ),
    Status.FAILED: Row(
        final=True,
        icon="⛔",
        customer="status-failed",
        admin="admin-status-failed",
        refund=Refund.WHOLE,
        cost=Cost.NOTHING,
        delivery=Delivery.NOT_STARTED,
        local=True,
    ),
    # The panel's own: customers and admins read the same word.
    Status.PENDING: Row(
        final=False,
        icon="🕓",
        customer="status-pending",
        admin="status-pending",
        delivery=Delivery.NOT_STARTED,
    ),
    Status.PROCESSING: Row(
        final=False,
        icon="⚙️",
        customer="status-processing",
        admin="status-processing",
        delivery=Delivery.SO_FAR,
    ),
    Status.IN_PROGRESS: Row(
        final=False,
        icon="🚀",
        customer="status-in-progress",
        admin="status-in-progress",
        delivery=Delivery.SO_FAR,
        notice="notify-started",
    ),
    Status.COMPLETED: Row(
        final=True,
        icon="✅",
        customer="status-completed",
        admin="status-completed",
        in_full=True,
        refillable=True,
        notice="notify-completed",
    ),
    Status.PARTIAL: Row(
        final=True,
        icon="🌓",
        customer="status-partial",
        admin="status-partial",
        refund=Refund.REMAINS,
        cost=Cost.DELIVERED,
        refillable=True,
        notice="notify-partial",
    ),
    Status.CANCELED: Row(
        final=True,
        icon="🚫",
        customer="status-canceled",
        admin="status-canceled",
        refund=Refund.WHOLE,
        cost=Cost.NOTHING,
        notice="notify-canceled",
    ),
    Status.ACTIVE: Row(
        final=False,
        icon="🟢",
        customer="status-active",
        admin="status-active",
        delivery=Delivery.SO_FAR,
        notice="notify-started",
    ),
    # For money like Completed; a subscription settles to the panel's final charge.
    Status.EXPIRED: Row(
        final=True,
        icon="🏁",
        customer="status-expired",
        admin="status-expired",
        in_full=True,
        notice="notify-expired",
    ),
}
# A status a panel made up: shown as the panel wrote it, followed on, costed as reported.
INVENTED = Row(final=False, icon="•", customer="status-other", admin="status-other")

FINAL = frozenset(status for status, row in TABLE.items() if row.final)
LOCAL = frozenset(status for status, row in TABLE.items() if row.local)
# What a panel may report; any other word is one it invented.
PANEL = frozenset(Status) - LOCAL

# Other spellings panels use for the same outcome, by case-folded text.
_ALIASES = {"cancelled": Status.CANCELED, "refunded": Status.CANCELED}
_BY_PANEL_WORD = {status.casefold(): status for status in PANEL} | _ALIASES
_BY_VALUE: dict[str, Row] = {status.value: row for status, row in TABLE.items()}


def row_of(status: str) -> Row:
    """The row of a stored status; one a panel invented reads as `INVENTED`."""
    return _BY_VALUE.get(status, INVENTED)


def from_panel(text: str) -> str:
    """The status a panel's word means (any case and spacing, Cancelled/Refunded ->
    Canceled); a word it invented is kept as written. Never one of the shop's own: a panel
    that answers "failed" has not refunded anybody."""
    text = " ".join(text.split())
    return _BY_PANEL_WORD.get(text.casefold(), text)
