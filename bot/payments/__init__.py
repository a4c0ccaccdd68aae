"""Money in: every way a customer pays, behind one interface (`bot.payments.method`), and
the registry of those that are on (`Payments`). Telegram Stars is the first method."""

from bot.payments.credits import Credits
from bot.payments.method import (
    AppOffer,
    Cover,
    Method,
    Offer,
    PaymentFailed,
    PendingTopup,
    TopupForm,
    ask_amount,
)
from bot.payments.refunds import OutsideRefunds, RefundResult, StarRefunds
from bot.payments.registry import Payments
from bot.payments.stars import Stars

__all__ = [
    "AppOffer",
    "Cover",
    "Credits",
    "Method",
    "Offer",
    "OutsideRefunds",
    "PaymentFailed",
    "Payments",
    "PendingTopup",
    "RefundResult",
    "StarRefunds",
    "Stars",
    "TopupForm",
    "ask_amount",
]
