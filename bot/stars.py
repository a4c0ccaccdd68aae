"""Telegram Stars: what a top-up credits, and giving a payment back.

Telegram requires digital goods sold in bots to be paid in Stars (currency `XTR`, no
payment provider). A star buys `STARS_RATE` of balance; the amount is fixed on the top-up's
row when the invoice is sent, so a later change of the rate never alters an invoice out.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from typing import Literal

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramServerError,
)
from aiogram.types import LabeledPrice

from bot.formats import Money
from bot.i18n import Texts
from bot.money import Amounts, display_exact, refund_down
from bot.settings import Settings
from bot.storage import STARS, Topup, TopupsRepo, UsersRepo
from bot.validation import parse_count

log = logging.getLogger(__name__)

PRESET_STARS = (50, 100, 250, 500, 1000, 2500)
# Forwarded copies of an invoice carry this deep link to the bot instead of a Pay button.
INVOICE_DEEP_LINK = "topup"
# Telegram's answer when the stars went back already (an earlier attempt whose answer was
# lost): for us, the refund is done.
_ALREADY_REFUNDED = "CHARGE_ALREADY_REFUNDED"


def credit_for(stars: int, settings: Settings) -> Decimal:
    """The balance `stars` buy, rounded down to the price step: shown and credited alike."""
    return refund_down(stars * settings.stars_rate, settings.price_decimals)


def rate_money(settings: Settings, currency: str) -> Money:
    """What one star buys, as people read it: 0.01 USD, 1.5, 100 (no trailing zeros)."""
    return display_exact(settings.stars_rate, currency)


def stars_to_cover(missing: Decimal, settings: Settings) -> int:
    """The fewest whole stars whose credit covers `missing`, within the top-up bounds (at
    the most, TOPUP_MAX_STARS: a larger gap takes more than one top-up)."""
    stars = max(1, int((missing / settings.stars_rate).to_integral_value(ROUND_CEILING)))
    # The credit is rounded down to the price step: one star more where that falls short.
    while credit_for(stars, settings) < missing and stars < settings.topup_max_stars:
        stars += 1
    return min(max(stars, settings.topup_min_stars), settings.topup_max_stars)


def preset_amounts(settings: Settings) -> list[int]:
    """The amounts offered as buttons: the usual ones within bounds, else the bounds."""
    low, high = settings.topup_min_stars, settings.topup_max_stars
    inside = [stars for stars in PRESET_STARS if low <= stars <= high]
    return inside or sorted({low, high})


def parse_stars(text: str | None, settings: Settings) -> int | None:
    """A number of stars typed by a person, within the bounds; else None."""
    stars = parse_count(text)
    if stars is None or not settings.topup_min_stars <= stars <= settings.topup_max_stars:
        return None
    return stars


class StarInvoices:
    """Sends Stars invoices, each backed by a new top-up row."""

    def __init__(
        self, settings: Settings, topups: TopupsRepo, users: UsersRepo, amounts: Amounts
    ) -> None:
        self._settings = settings
        self._money = amounts
        self._topups = topups
        self._users = users

    async def send(self, bot: Bot, t: Texts, chat_id: int, user_id: int, stars: int) -> bool:
        """Record the top-up, then send its invoice in the customer's language.

        The invoice's payload is the row's random token and nothing else. False when
        Telegram refused the invoice; the row is then dropped.
        """
        await self._users.ensure(user_id)
        amount = credit_for(stars, self._settings)
        topup = await self._topups.create(user_id, stars, amount, t.locale)
        shown = self._money(amount)
        try:
            await bot.send_invoice(
                chat_id=chat_id,
                title=t("topup-invoice-title", amount=shown),
                description=t("topup-invoice-description", stars=stars, amount=shown),
                payload=topup.payload,
                currency=STARS,
                prices=[LabeledPrice(label=t("topup-invoice-label"), amount=stars)],
                start_parameter=INVOICE_DEEP_LINK,
            )
        except TelegramBadRequest as error:
            log.warning("invoice for %s stars refused: %s", stars, error)
            await self._topups.discard(topup.id)
            return False
        return True


async def return_payment(bot: Bot, user_id: int, charge_id: str) -> bool:
    """Give back a payment that matched no invoice; False if Telegram would not (or said
    nothing clear), and then an admin has to."""
    try:
        await bot.refund_star_payment(user_id=user_id, telegram_payment_charge_id=charge_id)
    except TelegramAPIError as error:
        if _already_refunded(error):
            return True
        log.warning("returning payment %s of user %s failed: %s", charge_id, user_id, error)
        return False
    return True


@dataclass(frozen=True)
class RefundResult:
    outcome: Literal["refunded", "refused", "unknown"]
    topup: Topup
    balance: Decimal  # the customer's, afterwards
    error: str | None = None  # Telegram's words when it refused or did not answer


class StarRefunds:
    """Gives a paid top-up's stars back, taking its amount off the customer's balance.

    Order of steps, and why: the amount is debited first (with the top-up marked
    `refunding`, in one transaction), then Telegram is asked. Debiting after Telegram's yes
    could fail, the customer having spent the money meanwhile, with the stars already gone
    back; debiting first reserves it. When Telegram refuses, a compensating credit puts it
    back. When its answer is lost (network, 5xx) nothing is undone: the stars may have gone,
    so the money stays held and `/refund` again asks Telegram again, which answers
    CHARGE_ALREADY_REFUNDED if the first call went through.
    """

    def __init__(self, topups: TopupsRepo) -> None:
        self._topups = topups
        # Two admins refunding one top-up at once must not interleave one's undo with the
        # other's success; refunds are rare, so one at a time for the whole bot.
        self._lock = asyncio.Lock()

    async def refund(self, bot: Bot, topup_id: int, admin_id: int) -> RefundResult:
        """Raises `UnknownTopup`, `TopupStateError` or `InsufficientFunds`, changing nothing."""
        async with self._lock:
            topup, balance = await self._topups.reserve_refund(topup_id, admin_id)
            try:
                await bot.refund_star_payment(
                    user_id=topup.user_id, telegram_payment_charge_id=topup.charge_id or ""
                )
            except (TelegramNetworkError, TelegramServerError) as error:
                log.warning("refund of top-up %s: no clear answer: %s", topup.id, error)
                return RefundResult("unknown", topup, balance, error.message)
            except TelegramAPIError as error:
                if not _already_refunded(error):
                    log.warning("refund of top-up %s refused: %s", topup.id, error)
                    topup, balance = await self._topups.undo_refund(topup.id)
                    return RefundResult("refused", topup, balance, error.message)
            topup = await self._topups.finish_refund(topup.id)
            log.info("top-up %s refunded by %s", topup.id, admin_id)
            return RefundResult("refunded", topup, balance)


def _already_refunded(error: TelegramAPIError) -> bool:
    return isinstance(error, TelegramBadRequest) and _ALREADY_REFUNDED in error.message
