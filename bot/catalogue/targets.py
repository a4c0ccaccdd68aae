"""How admins name what they curate in a command: a service by its panel id (`123`), a
category by its panel name (any case); and the values they set."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from bot.catalogue.cache import Snapshot
from bot.money import parse_typed_amount
from bot.panel import Service
from bot.text import folded
from bot.validation import parse_whole_number

MAX_POSITION = 10_000
# A markup past this many percent is a typing slip, not a price.
MAX_MARKUP = Decimal(10_000)
CLEAR = "-"  # as a value: remove what was set


@dataclass(frozen=True)
class Target:
    """A service (by its panel id) or a category (by its panel name)."""

    label: str
    service: Service | None = None
    category: str | None = None


def resolve(snapshot: Snapshot, text: str) -> Target | None:
    text = " ".join(text.split())
    # ASCII digits only: str.isdecimal() would take full-width digits too.
    service_id = parse_whole_number(text)
    if service_id is not None:
        service = snapshot.all_services.get(service_id)
        return None if service is None else Target(f"#{service.id} {service.name}", service)
    wanted = folded(text)
    for service in snapshot.all_services.values():
        if folded(service.category) == wanted:
            return Target(service.category, category=service.category)
    return None


def splits(args: str | None) -> list[tuple[str, str]]:
    """Every way to read `TARGET VALUE` from `args`, the shortest value first: a value may
    hold spaces as people type them ("80 000"), a category name holds spaces too, so the
    caller takes the first reading whose value reads and whose target exists."""
    words = (args or "").split()
    return [(" ".join(words[:cut]), " ".join(words[cut:])) for cut in range(len(words) - 1, 0, -1)]


def parse_markup(text: str, locale: str = "en") -> Decimal | None:
    # Digits only: a negative markup would sell below the panel's rate.
    return parse_typed_amount(text.removesuffix("%"), MAX_MARKUP, locale=locale)


def parse_switch(text: str) -> bool | None:
    """`on` or `off` (any case), else None."""
    return {"on": True, "off": False}.get(text.strip().lower())


def parse_position(text: str) -> int | None:
    value = parse_whole_number(text)
    return value if value is not None and 1 <= value <= MAX_POSITION else None
