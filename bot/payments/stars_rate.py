"""Whether `STARS_RATE` makes sense for the panel's currency, told at start-up.

The rate is the balance one star buys, in the panel's currency. The default (0.01) suits a
USD panel; left as it is on a so'm panel it sells "0.50 UZS · 50 ⭐", and nobody notices
until customers do. The panel's currency is known once the catalogue's start-up fetch is in
(or remembered from an earlier run); then the owner hears, in the log and as an admin alert,
when the rate is off by more than `FACTOR` from what a star is worth in that currency.
"""

from __future__ import annotations

import logging
from decimal import Decimal

from aiogram import Bot

from bot.money import display, refund_down
from bot.notify.alerts import Alerts
from bot.settings import Settings

log = logging.getLogger(__name__)

# What a star is worth to a shop that withdraws it (Telegram's rate has been about this).
STAR_IN_USD = Decimal("0.013")
# Roughly how many units of each currency a US dollar buys: enough to tell a rate that is
# wrong by orders of magnitude, never used to price anything. A currency not listed is not
# checked.
PER_USD: dict[str, Decimal] = {
    code: Decimal(value)
    for code, value in {
        "USD": "1",
        "USDT": "1",
        "EUR": "0.9",
        "GBP": "0.8",
        "RUB": "90",
        "UZS": "12700",
        "KZT": "500",
        "KGS": "87",
        "TJS": "11",
        "UAH": "41",
        "BYN": "3.3",
        "AZN": "1.7",
        "GEL": "2.7",
        "AMD": "390",
        "TRY": "40",
        "INR": "85",
        "PKR": "280",
        "BDT": "120",
        "IDR": "16000",
        "VND": "25000",
        "NGN": "1500",
        "BRL": "5.5",
    }.items()
}
# Off by more than this either way: a default left in place, or a rate in another currency.
FACTOR = 10
EXAMPLE_STARS = 100


def usual_rate(currency: str) -> Decimal | None:
    """About what a star is worth in `currency` (whole from 1 up, two significant digits
    below), if known."""
    per_usd = PER_USD.get(currency.upper())
    if per_usd is None:
        return None
    worth = STAR_IN_USD * per_usd
    rounded = worth.quantize(Decimal(1).scaleb(min(worth.adjusted() - 1, 0)))
    return Decimal(format(rounded.normalize(), "f"))  # 170, not 1.7E+2


def implausible(rate: Decimal, currency: str) -> Decimal | None:
    """The usual rate when `rate` is far from it; None when it is plausible or unknown."""
    usual = usual_rate(currency)
    if usual is None or usual / FACTOR <= rate <= usual * FACTOR:
        return None
    return usual


async def check(bot: Bot, settings: Settings, alerts: Alerts, currency: str) -> bool:
    """Tell the log and the admins when `STARS_RATE` is implausible for `currency`; whether
    it was."""
    usual = implausible(settings.stars_rate, currency)
    if usual is None:
        return False
    decimals = settings.price_decimals

    def credit(rate: Decimal) -> Decimal:
        """What `EXAMPLE_STARS` top up at `rate`, as a top-up credits it."""
        return refund_down(rate * EXAMPLE_STARS, decimals)

    log.warning(
        "STARS_RATE=%s looks wrong for a panel in %s: %d stars would top up %s %s; about %s"
        " would be usual (%d stars top up %s %s)",
        settings.stars_rate,
        currency,
        EXAMPLE_STARS,
        credit(settings.stars_rate),
        currency,
        usual,
        EXAMPLE_STARS,
        credit(usual),
        currency,
    )
    await alerts.send(
        bot,
        "alert-stars-rate",
        # As the setting is written (a dot, no digit groups), whatever the admin's language.
        rate=str(settings.stars_rate),
        currency=currency,
        stars=EXAMPLE_STARS,
        example=display(credit(settings.stars_rate), decimals, currency),
        usual=str(usual),
        usual_example=display(credit(usual), decimals, currency),
    )
    return True
