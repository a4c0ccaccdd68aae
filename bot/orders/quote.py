"""Quotes: what an order costs at the reseller's price, and the order row it becomes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from bot.orders.prices import Prices
from bot.orders.steps import Answers, OrderType, order_type, runs
from bot.panel import Service
from bot.storage import VIA_BOT, NewOrder


@dataclass(frozen=True)
class Quote:
    service: Service
    kind: OrderType
    answers: Answers  # what the customer typed, by step name: only the steps asked
    quantity: int  # what the order is for in all (a package is one; drip-feed: x runs)
    charge: Decimal
    # The shop's name in the customer's language when quoted: the order keeps it, so a
    # later rename (or the panel's own name) never reaches what the customer is told.
    name: str
    discount: int = 0  # the customer's, in whole percent, included in `charge`
    full_charge: Decimal | None = None  # the charge without the discount (None: none)

    @classmethod
    def make(cls, prices: Prices, service: Service, answers: Answers, locale: str) -> Quote | None:
        """At the customer's prices (`prices`): the one place orders are priced.
        None if the service's type is not sold or an answer it needs is missing."""
        kind = order_type(service)
        if kind is None or not kind.complete(service, answers):
            return None
        answers = {step.name: answers[step.name] for step in kind.asked(service, answers)}
        units = kind.units(service, answers)
        charge = prices.charge(service, units)
        full = prices.full.charge(service, units) if prices.discount else None
        quantity = kind.quantity(answers) if kind.package else units
        name = prices.snapshot.name(service, locale)
        return cls(service, kind, answers, quantity, charge, name, prices.discount, full)

    @property
    def link(self) -> str:
        """What the order is for: its link, or the account a subscription follows."""
        return str(self.answers.get("link") or self.answers.get("username", ""))

    @property
    def runs(self) -> int:
        return runs(self.service, self.answers)

    def new_order(self, user_id: int, token: str, via: str = VIA_BOT) -> NewOrder:
        service = self.service
        answer = self.answers.get("answer")
        return NewOrder(
            user_id=user_id,
            service_id=service.id,
            service_name=self.name,
            service_type=service.type,
            service_category=service.category,
            rate=service.panel_rate,
            can_cancel=service.cancel,
            can_refill=service.refill,
            link=self.link,
            quantity=self.quantity,
            charge=self.charge,
            confirm_token=token,
            answer_number=None if answer is None else int(answer),
            fields=self.kind.panel_fields(service, self.answers),
            discount=self.discount,
            full_charge=self.full_charge,
            via=via,
            panel=service.panel,
            # The main panel's services are their own numbers there: kept as before (NULL).
            panel_service_id=service.panel_id if service.panel else None,
        )


def new_token() -> str:
    """The one-time token a summary's Confirm button carries (short: callback data is 64 B)."""
    return secrets.token_urlsafe(12)
