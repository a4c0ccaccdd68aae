"""The ways of paying that are on, built at the composition root (`bot.app`) and handed to
handlers as `payments`: whatever offers a top-up asks here, so a method added to the
registry is offered everywhere at once."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from bot.i18n import Texts
from bot.money import Amounts
from bot.payments.keyboards import methods_keyboard
from bot.payments.method import AppOffer, Cover, Method, Offer
from bot.payments.stars import Stars


class Payments:
    def __init__(self, stars: Stars, *others: Method) -> None:
        # Stars first and always: Telegram's rule for digital goods sold inside bots.
        self.stars = stars
        self._configured: Sequence[Method] = [stars, *others]

    @property
    def _methods(self) -> list[Method]:
        # Asked each time: a method may hang on something learnt after start-up (Payme and
        # Click on the shop's currency, which the panel tells).
        return [method for method in self._configured if method.enabled]

    def off(self) -> list[str]:
        """Why methods whose settings are set are off nevertheless: one line each."""
        return [why for method in self._configured if (why := method.why_off()) is not None]

    def __iter__(self) -> Iterator[Method]:
        return iter(self._methods)

    def offers(self, t: Texts, currency: str) -> list[Offer]:
        """What `/topup` shows: the one method's offer, or a choice of methods, each of
        whose buttons then shows that method's offer."""
        methods = self._methods
        if len(methods) == 1:
            return [methods[0].offer(t, currency)]
        return [Offer(t("topup-methods"), methods_keyboard(t, methods))]

    def covers(self, missing: Decimal, t: Texts, amounts: Amounts) -> list[Cover]:
        """Top-ups that cover what an order's summary is short of, one per method able to."""
        return [
            cover
            for method in self._methods
            if (cover := method.cover(missing, t, amounts)) is not None
        ]

    def app_offers(self, t: Texts, currency: str) -> list[AppOffer]:
        """What the Mini App's top-up screen shows: each method offered there, in order."""
        return [offer for method in self._methods if (offer := method.app_offer(t, currency))]

    def by_name(self, name: str) -> Method | None:
        """The method of that name while it is on; None for one switched off or forged."""
        return next((method for method in self._methods if method.name == name), None)

    def by_cover_action(self, action: str) -> Method | None:
        """The method whose summary button carries `action`; None for a forged one."""
        return next((method for method in self._methods if method.cover_action == action), None)
