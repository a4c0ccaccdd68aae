"""Telegram Stars: what a top-up credits, its invoice, Telegram's checkout, and giving a
payment back.

Telegram requires digital goods sold in bots to be paid in Stars (currency `XTR`, no
payment provider), so this method is always on. A star buys `STARS_RATE` of balance; the
amount is fixed on the top-up's row when the invoice is made, so a later change of the rate
never alters an invoice out.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal

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
from bot.payments.keyboards import topup_amounts
from bot.payments.method import AppOffer, Cover, Method, Offer, PaymentFailed, PendingTopup
from bot.settings import Settings
from bot.storage import STARS, Credited, Payment, TopupsRepo, UsersRepo, checkout_refusal
from bot.storage.topups import Refusal
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


class Stars(Method):
    """Stars invoices, each backed by a new top-up row; Telegram's checkout credits them."""

    name = "stars"
    # The buttons already out under order summaries say this.
    cover_action = "topup"

    def __init__(
        self,
        settings: Settings,
        topups: TopupsRepo,
        users: UsersRepo,
        amounts: Amounts,
        wake: Callable[[], None] = lambda: None,
    ) -> None:
        """`wake`: the outbox sender's, for the referrer's notice a payment may queue."""
        self.settings = settings
        self._money = amounts
        self._topups = topups
        self._users = users
        self._wake = wake

    @property
    def bounds(self) -> dict[str, int]:
        # Grouped as the language writes numbers ("1 000"): typed back, `/topup 1 000` counts.
        return {"min": self.settings.topup_min_stars, "max": self.settings.topup_max_stars}

    def parse(self, text: str | None) -> int | None:
        """A number of stars a person typed (or an old button carries), within the bounds."""
        return parse_stars(text, self.settings)

    def parse_amount(self, text: str | None, locale: str) -> Decimal | None:
        stars = self.parse(text)
        return None if stars is None else Decimal(stars)

    def bad_amount(self, t: Texts) -> str:
        return t("topup-bad-amount", **self.bounds)

    def credit_for(self, stars: int) -> Decimal:
        return credit_for(stars, self.settings)

    def rate(self, currency: str) -> Money:
        return rate_money(self.settings, currency)

    def offer(self, t: Texts, currency: str) -> Offer:
        settings = self.settings
        presets = [(stars, self._money(credit_for(stars, settings))) for stars in self.presets]
        return Offer(
            t("topup-choose", rate=self.rate(currency), **self.bounds),
            topup_amounts(t, presets),
        )

    def app_offer(self, t: Texts, currency: str) -> AppOffer:
        presets = [
            (
                stars,
                t.plain("topup-preset", stars=stars, amount=self._money(self.credit_for(stars))),
            )
            for stars in self.presets
        ]
        return AppOffer(
            method=self.name,
            title=t.plain("webapp-topup-title"),
            hint=t.plain("webapp-topup-rate", rate=self.rate(currency)),
            presets=presets,
            least=self.settings.topup_min_stars,
            most=self.settings.topup_max_stars,
            other=t.plain("webapp-topup-other"),
            opens="invoice",
        )

    @property
    def presets(self) -> list[int]:
        return preset_amounts(self.settings)

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover:
        stars = stars_to_cover(missing, self.settings)
        amount = credit_for(stars, self.settings)
        return Cover(
            method=self.name,
            units=stars,
            amount=amount,
            label=t("order-topup", amount=amounts(amount), stars=stars),
            action=self.cover_action,
            note=t("order-topup-invoice", amount=amounts(amount), stars=stars),
        )

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        """The invoice's payload is the row's random token and nothing else: what a payment
        credits is read from the row, never from anything Telegram echoes back."""
        stars = units
        await self._users.ensure(user_id)
        amount = credit_for(stars, self.settings)
        topup = await self._topups.create(user_id, amount, t.locale, method=self.name, stars=stars)
        shown = self._money(amount)
        link = None
        try:
            if chat_id is None:
                link = await bot.create_invoice_link(
                    title=t.plain("topup-invoice-title", amount=shown),
                    description=t.plain("topup-invoice-description", stars=stars, amount=shown),
                    payload=topup.payload,
                    currency=STARS,
                    prices=[LabeledPrice(label=t.plain("topup-invoice-label"), amount=stars)],
                )
            else:
                await bot.send_invoice(
                    chat_id=chat_id,
                    title=t("topup-invoice-title", amount=shown),
                    description=t("topup-invoice-description", stars=stars, amount=shown),
                    payload=topup.payload,
                    currency=STARS,
                    prices=[LabeledPrice(label=t("topup-invoice-label"), amount=stars)],
                    start_parameter=INVOICE_DEEP_LINK,
                )
        except TelegramAPIError as error:
            # Lost on the way, an invoice may still have reached the chat: its row stays, so
            # paying it credits as any other. Refused, nobody can pay it.
            clear = not isinstance(error, TelegramNetworkError | TelegramServerError)
            log.warning("invoice for %s stars failed (clear: %s): %s", stars, clear, error)
            if clear:
                await self._topups.discard(topup.id)
            raise PaymentFailed(self.name, clear) from error
        return PendingTopup(topup, link)

    async def check(
        self, user_id: int, payload: str, currency: str, total_amount: int
    ) -> Refusal | None:
        """Telegram's pre-checkout: why this invoice may not be paid, or None. Telegram
        waits 10 s for the answer: one indexed read, nothing slow."""
        topup = await self._topups.by_payload(payload)
        return checkout_refusal(topup, user_id, currency, total_amount)

    async def confirm(self, confirmation: Payment) -> Credited:
        """A `successful_payment`: credited once by Telegram's charge id, however often it
        arrives. Raises `UnmatchedPayment` for money no open invoice asked for."""
        credited = await self._topups.record_payment(confirmation)
        if credited.bonus is not None:
            self._wake()  # committed: the referrer's notice is in the outbox
        return credited


async def return_payment(bot: Bot, user_id: int, charge_id: str) -> bool:
    """Give back a payment that matched no invoice; False if Telegram would not (or said
    nothing clear), and then an admin has to."""
    try:
        await bot.refund_star_payment(user_id=user_id, telegram_payment_charge_id=charge_id)
    except TelegramAPIError as error:
        if already_refunded(error):
            return True
        log.warning("returning payment %s of user %s failed: %s", charge_id, user_id, error)
        return False
    return True


def already_refunded(error: TelegramAPIError) -> bool:
    return isinstance(error, TelegramBadRequest) and _ALREADY_REFUNDED in error.message
