"""Money in: every way a customer pays, behind one interface (`bot.payments.method`), and
the registry of those that are on (`Payments`). Telegram Stars is the first method."""

from bot.payments.method import Checkout, Cover, Method, Offer, PaymentFailed
from bot.payments.refunds import RefundResult, StarRefunds
from bot.payments.registry import Payments
from bot.payments.stars import Stars

__all__ = [
    "Checkout",
    "Cover",
    "Method",
    "Offer",
    "PaymentFailed",
    "Payments",
    "RefundResult",
    "StarRefunds",
    "Stars",
]
