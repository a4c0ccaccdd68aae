"""Money in: every way a customer pays, behind one interface (`bot.payments.method`), and
the registry of those that are on (`Payments`). Telegram Stars is the first method."""

from bot.payments.credits import Credits
from bot.payments.method import AppOffer, Cover, Method, Offer, PaymentFailed, PendingTopup
from bot.payments.refunds import RefundResult, StarRefunds
from bot.payments.registry import Payments
from bot.payments.stars import Stars

__all__ = [
    "AppOffer",
    "Cover",
    "Credits",
    "Method",
    "Offer",
    "PaymentFailed",
    "Payments",
    "PendingTopup",
    "RefundResult",
    "StarRefunds",
    "Stars",
]
