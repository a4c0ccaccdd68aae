"""Quotes: what an order costs at the reseller's price, and the order row it becomes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue import Snapshot
from bot.catalogue.curation import Pricing
from bot.money import charge_up, customer_rate, order_charge
from bot.panel import Service
from bot.settings import Settings
from bot.storage import NewOrder


def price_per_1000(pricing: Pricing, decimals: int) -> Decimal:
    """What customers are shown per 1000, rounded up like every charge."""
    return charge_up(customer_rate(pricing.base, pricing.markup), decimals)


@dataclass(frozen=True)
class Quote:
    service: Service
    link: str
    quantity: int
    answer_number: int | None
    charge: Decimal

    @classmethod
    def make(
        cls,
        snapshot: Snapshot,
        service: Service,
        link: str,
        quantity: int,
        answer_number: int | None,
        settings: Settings,
    ) -> Quote:
        """At the curated price (`snapshot.pricing`): the one place orders are priced."""
        pricing = snapshot.pricing[service.id]
        charge = order_charge(pricing.base, pricing.markup, quantity, settings.price_decimals)
        return cls(service, link, quantity, answer_number, charge)

    def new_order(self, user_id: int, token: str) -> NewOrder:
        service = self.service
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
            answer_number=self.answer_number,
        )


def new_token() -> str:
    """The one-time token a summary's Confirm button carries (short: callback data is 64 B)."""
    return secrets.token_urlsafe(12)
