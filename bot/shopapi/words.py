"""What the shop's API answers in words: the seed's error strings, word for word (the panel
client's own, `bot.panel.errors`, so any API v2 client reads them as it reads a panel's), and
the few refusals the seed has no words for."""

from __future__ import annotations

from decimal import Decimal

from bot.panel import (
    AnswerNumberRequired,
    BadLink,
    IncorrectOrderId,
    IncorrectRequest,
    IncorrectServiceId,
    InvalidApiKey,
    NotEnoughFunds,
    QuantityLessThanMinimum,
    QuantityMoreThanMaximum,
    RefillAlreadyRequested,
    RefillNotEligible,
    RefillNotFound,
)

INVALID_KEY = InvalidApiKey.canonical
INCORRECT_REQUEST = IncorrectRequest.canonical
INCORRECT_SERVICE = IncorrectServiceId.canonical
BAD_LINK = BadLink.canonical
QUANTITY_LOW = QuantityLessThanMinimum.canonical
QUANTITY_HIGH = QuantityMoreThanMaximum.canonical
NO_FUNDS = NotEnoughFunds.canonical
INCORRECT_ORDER = IncorrectOrderId.canonical
ANSWER_REQUIRED = AnswerNumberRequired.canonical
REFILL_NOT_ELIGIBLE = RefillNotEligible.canonical
REFILL_ALREADY = RefillAlreadyRequested.canonical
REFILL_NOT_FOUND = RefillNotFound.canonical
# Beyond the seed: a client that does not know them reads them as a plain refusal.
TOO_MANY = "Too many requests"
TOO_LARGE = "Request too large"
UNAVAILABLE = "Service temporarily unavailable, try again later"
CANCEL_NOT_ELIGIBLE = "Order not eligible for cancel."
CANCEL_ALREADY = "Cancel already requested"
CANCEL_NOT_CONFIRMED = "Cancel not confirmed, check the order's status later"
INTERNAL = "Internal error"

_FIVE_PLACES = Decimal("0.00001")


def figure(amount: Decimal) -> str:
    """An amount as the seed writes it: a string with 5 decimals, "0.27819" (exact: the
    shop's amounts have at most 5)."""
    return f"{amount.quantize(_FIVE_PLACES):f}"


class Encoded(bytes):
    """An answer already encoded as JSON: sent as it is."""


class Refusal(Exception):
    """Answered as `{"error": text}` with HTTP 200, as panels answer."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text
