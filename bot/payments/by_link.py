"""Methods paid by opening the provider's own page (Payme's checkout, Click's pay page): the
customer picks an amount in so'm, the bot records a pending top-up and sends its link as a
button; the provider's merchant API then tells the shop it was paid.

Both providers take UZS only, so such a method is on only while the shop's currency (the
panel's) is UZS; `why_off` says why it is not, for the start-up warning.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from decimal import ROUND_CEILING, Decimal
from typing import Any

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.money import Amounts
from bot.payments.method import AppOffer, Cover, Method, Offer, PendingTopup
from bot.settings import Settings
from bot.storage import Topup, TopupsRepo, UsersRepo
from bot.telegram.callbacks import LinkTopupCb
from bot.validation import parse_count

UZS = "UZS"
# So'm a top-up may be, the shop's own bounds: below 1,000 a card payment is not worth its
# fee; above 50,000,000 a sum is better split (a larger gap takes more than one top-up).
MIN_SOUM = 1_000
MAX_SOUM = 50_000_000
PRESET_SOUM = (10_000, 50_000, 100_000, 500_000)


class ByLink(Method):
    """A method priced in whole so'm and paid on the provider's page."""

    title: str  # the provider's name in log lines

    def __init__(
        self,
        settings: Settings,
        topups: TopupsRepo,
        users: UsersRepo,
        amounts: Amounts,
        currency: Callable[[], str],
    ) -> None:
        self.settings = settings
        self._topups = topups
        self._users = users
        self._money = amounts
        self._currency = currency
        self.cover_action = f"topup_{self.name}"

    @property
    @abstractmethod
    def configured(self) -> bool:
        """Its settings are set."""

    @property
    def enabled(self) -> bool:
        return self.configured and self._currency() == UZS

    def why_off(self) -> str | None:
        """Why a configured method is off (the start-up warning), or None."""
        currency = self._currency()
        if self.configured and currency != UZS:
            return (
                f"{self.title} is off: it takes UZS only, and the shop's currency (the panel's)"
                f" is {currency or 'not known yet'}"
            )
        return None

    @property
    def bounds(self) -> dict[str, Any]:
        return {"min": self._money(Decimal(MIN_SOUM)), "max": self._money(Decimal(MAX_SOUM))}

    def parse(self, text: str | None) -> int | None:
        """Whole so'm as people type them ("150 000", "150,000"), within the bounds."""
        soum = parse_count(text)
        if soum is None or not MIN_SOUM <= soum <= MAX_SOUM:
            return None
        return soum

    def parse_amount(self, text: str | None, locale: str) -> Decimal | None:
        soum = self.parse(text)
        return None if soum is None else Decimal(soum)

    def bad_amount(self, t: Texts) -> str:
        return t("topup-by-link-bad-amount", **self.bounds)

    def app_offer(self, t: Texts, currency: str) -> AppOffer:
        method = t.plain(f"topup-method-{self.name}")
        return AppOffer(
            method=self.name,
            title=t.plain("topup-by-link-app-title", method=method),
            hint=t.plain("topup-by-link-app-hint", method=method, **self.bounds),
            presets=[
                (soum, t.plain("topup-by-link-preset", amount=self._money(Decimal(soum))))
                for soum in PRESET_SOUM
            ],
            least=MIN_SOUM,
            most=MAX_SOUM,
            other=t.plain("topup-by-link-app-other"),
            opens="link",
        )

    def offer(self, t: Texts, currency: str) -> Offer:
        builder = InlineKeyboardBuilder()
        for soum in PRESET_SOUM:
            builder.button(
                text=t.plain("topup-by-link-preset", amount=self._money(Decimal(soum))),
                callback_data=LinkTopupCb(action="pay", method=self.name, soum=soum),
            )
        builder.button(
            text=t("topup-other"), callback_data=LinkTopupCb(action="type", method=self.name)
        )
        builder.adjust(2, 2, 1)
        return Offer(
            t("topup-by-link-choose", method=self.label(t), **self.bounds), builder.as_markup()
        )

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        soum = int(missing.to_integral_value(ROUND_CEILING))
        soum = min(max(soum, MIN_SOUM), MAX_SOUM)
        amount = Decimal(soum)
        return Cover(
            method=self.name,
            units=soum,
            amount=amount,
            label=t("order-topup-by-link", method=self.label(t), amount=amounts(amount)),
            action=self.cover_action,
        )

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        await self._users.ensure(user_id)
        topup = await self._topups.create(user_id, Decimal(units), t.locale, method=self.name)
        link = self.link(topup, t.locale)
        if chat_id is not None:
            shown = self._money(topup.amount)
            button = InlineKeyboardButton(
                text=t.plain("topup-by-link-pay", method=self.label(t), amount=shown), url=link
            )
            await bot.send_message(
                chat_id,
                t("topup-by-link-sent", id=str(topup.id), method=self.label(t), amount=shown),
                reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
            )
        return PendingTopup(topup, link)

    @abstractmethod
    def link(self, topup: Topup, locale: str) -> str:
        """The provider's page that pays `topup`."""
