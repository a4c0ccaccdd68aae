"""Quotes: what an order costs at the reseller's price, and the order row it becomes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue import Snapshot
from bot.catalogue.curation import Pricing
from bot.money import charge_up, customer_rate, order_charge
from bot.orders.steps import Answers, order_type
from bot.panel import Service
from bot.settings import Settings
from bot.storage import NewOrder


def price_per_1000(pricing: Pricing, decimals: int) -> Decimal:
    """What customers are shown per 1000, rounded up like every charge."""
    return charge_up(customer_rate(pricing.base, pricing.markup), decimals)


@dataclass(frozen=True)
class Quote:
    service: Service
    answers: Answers  # what the customer typed, by step name
    quantity: int  # what the customer pays for
    charge: Decimal

    @classmethod
    def make(
        cls, snapshot: Snapshot, service: Service, answers: Answers, settings: Settings
    ) -> Quote | None:
        """At the curated price (`snapshot.pricing`): the one place orders are priced.
        None if the service's type is not sold or an answer it needs is missing."""
        kind = order_type(service)
        if kind is None or not kind.complete(answers):
            return None
        answers = {step.name: answers[step.name] for step in kind.steps}
        quantity = kind.quantity(answers)
        pricing = snapshot.pricing[service.id]
        charge = order_charge(pricing.base, pricing.markup, quantity, settings.price_decimals)
        return cls(service, answers, quantity, charge)

    @property
    def link(self) -> str:
        return str(self.answers["link"])

    def new_order(self, user_id: int, token: str) -> NewOrder:
        service = self.service
        answer = self.answers.get("answer")
        return NewOrder(
            user_id=user_id,
            service_id=service.id,
            service_name=service.name,
            service_type=service.type,
            service_category=service.category,
            rate=service.rate,
            can_cancel=service.cancel,
            can_refill=service.refill,
            link=self.link,
            quantity=self.quantity,
            charge=self.charge,
            confirm_token=token,
            answer_number=None if answer is None else int(answer),
        )


def new_token() -> str:
    """The one-time token a summary's Confirm button carries (short: callback data is 64 B)."""
    return secrets.token_urlsafe(12)
