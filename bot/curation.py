"""The reseller's choices over the panel's catalogue: what is shown, under which name, at
which price. Immutable: a snapshot is built from the panel's services and one of these.

Plain data below both the catalogue (which applies it) and storage (which keeps it), so
neither has to import the other to know its shape.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class ServiceRule:
    hidden: bool = False
    markup: Decimal | None = None  # percent; overrides the category's
    price: Decimal | None = None  # fixed per 1000; overrides every markup
    names: Mapping[str, str] = field(default_factory=dict)  # by language
    descriptions: Mapping[str, str] = field(default_factory=dict)
    # Drip-feed offered or not, for panels that do not say (None: as the panel says).
    dripfeed: bool | None = None

    @property
    def says_anything(self) -> bool:
        """Whether the reseller changed anything for the service."""
        return bool(
            self.hidden
            or self.markup is not None
            or self.price is not None
            or self.names
            or self.descriptions
            or self.dripfeed is not None
        )


@dataclass(frozen=True)
class CategoryRule:
    hidden: bool = False
    markup: Decimal | None = None
    position: int | None = None
    names: Mapping[str, str] = field(default_factory=dict)


NO_SERVICE_RULE = ServiceRule()
NO_CATEGORY_RULE = CategoryRule()


@dataclass(frozen=True)
class Pricing:
    """A customer price as a base per 1000 and a markup on it: the panel's rate and the
    markup that applies, or a fixed price with none."""

    base: Decimal
    markup: Decimal


@dataclass(frozen=True)
class Curation:
    services: Mapping[int, ServiceRule] = field(default_factory=dict)
    categories: Mapping[str, CategoryRule] = field(default_factory=dict)

    def service(self, service_id: int) -> ServiceRule:
        return self.services.get(service_id, NO_SERVICE_RULE)

    def category(self, name: str) -> CategoryRule:
        return self.categories.get(name, NO_CATEGORY_RULE)

    def pricing(self, service_id: int, category: str, rate: Decimal, default: Decimal) -> Pricing:
        """A service's fixed price, else its markup, else its category's, else `default`."""
        rule = self.service(service_id)
        if rule.price is not None:
            return Pricing(rule.price, Decimal(0))
        markup = rule.markup if rule.markup is not None else self.category(category).markup
        return Pricing(rate, default if markup is None else markup)

    def digest(self) -> str:
        """Part of the snapshot's version: a change here changes what customers see."""
        digest = hashlib.sha256()
        for key in sorted(self.services):  # the keys alone: tuples sort far slower
            rule = self.services[key]
            if not rule.says_anything:
                continue  # every service the panel lists has a row; most say nothing
            digest.update(
                f"s{key}|{rule.hidden}|{rule.markup}|{rule.price}|{rule.dripfeed}|".encode()
            )
            digest.update(
                f"{sorted(rule.names.items())}|{sorted(rule.descriptions.items())}\n".encode()
            )
        for name, category in sorted(self.categories.items()):
            digest.update(
                f"c{name}|{category.hidden}|{category.markup}|{category.position}|".encode()
            )
            digest.update(f"{sorted(category.names.items())}\n".encode())
        return digest.hexdigest()
