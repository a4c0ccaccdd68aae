"""Quotes: what an order costs at the reseller's price, and the order row it becomes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue import Snapshot
from bot.curation import Pricing
from bot.money import charge_up, customer_rate, order_charge
from bot.orders.steps import Answers, OrderType, order_type, runs
from bot.panel import Service
from bot.settings import Settings
from bot.storage import VIA_BOT, NewOrder


def price_per_1000(pricing: Pricing, decimals: int) -> Decimal:
    """What customers are shown per 1000, rounded up like every charge."""
    return charge_up(customer_rate(pricing.base, pricing.markup), decimals)


def charge_for(snapshot: Snapshot, service: Service, units: int, decimals: int) -> Decimal:
    """What `units` of the service cost at the curated price (`snapshot.pricing`)."""
    pricing = snapshot.pricing[service.id]
    return order_charge(pricing.base, pricing.markup, units, decimals)


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

    @classmethod
    def make(
        cls,
        snapshot: Snapshot,
        service: Service,
        answers: Answers,
        settings: Settings,
        locale: str,
    ) -> Quote | None:
        """At the curated price (`snapshot.pricing`): the one place orders are priced.
        None if the service's type is not sold or an answer it needs is missing."""
        kind = order_type(service)
        if kind is None or not kind.complete(service, answers):
            return None
        answers = {step.name: answers[step.name] for step in kind.asked(service, answers)}
        units = kind.units(service, answers)
        charge = charge_for(snapshot, service, units, settings.price_decimals)
        quantity = kind.quantity(answers) if kind.package else units
        return cls(service, kind, answers, quantity, charge, snapshot.name(service, locale))

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
            via=via,
            panel=service.panel,
            # The main panel's services are their own numbers there: kept as before (NULL).
            panel_service_id=service.panel_id if service.panel else None,
        )


def new_token() -> str:
    """The one-time token a summary's Confirm button carries (short: callback data is 64 B)."""
    return secrets.token_urlsafe(12)
