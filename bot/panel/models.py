"""What the panel answers, parsed leniently: real panels differ from the document.

Numbers may come as strings or numbers, ids as numbers or text (kept as text), booleans as
true/false/1/0/"1"/"0"; missing optional fields get defaults and unknown fields are ignored.
A value that cannot be used raises `UnusableEntry`, and the client decides whether that
skips one entry or fails the whole answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from bot.money import MoneyError, parse_panel_amount
from bot.panel.errors import PanelError
from bot.panel.status import PANEL, from_panel, row_of

T = TypeVar("T")

# ASCII only: Decimal() itself would also take "1_000", full-width digits and "1e3".
_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_TRUE = frozenset({"1", "true", "yes"})
_FALSE = frozenset({"0", "false", "no", ""})


class UnusableEntry(ValueError):
    """A value in a panel answer that cannot be used."""


def as_id(value: object) -> str:
    """An id as text: 23501, "23501" and "5f3a9c" are all ids; bools, floats, "" are not."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise UnusableEntry("not an id")


def as_int(value: object) -> int:
    """10, "10", 10.0 and "10.00" -> 10; anything fractional or non-numeric raises."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        number = Decimal(value.strip())
        if number == number.to_integral_value():
            return int(number)
    raise UnusableEntry("not a whole number")


def as_bool(value: object, default: bool = False) -> bool:
    """true/false, 1/0, "1"/"0", "true"/"false"; anything else (or absent) is the default."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        text = value.strip().casefold()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
    return default


def as_amount(value: object) -> Decimal:
    try:
        return parse_panel_amount(value)
    except MoneyError:
        raise UnusableEntry("not an amount") from None


def _optional(parse: Callable[[object], T], value: object) -> T | None:
    """An optional field: absent, null or malformed reads as None."""
    if value is None:
        return None
    try:
        return parse(value)
    except UnusableEntry:
        return None


def as_mapping(value: object) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise UnusableEntry("not an object")
    return value


# `panel_id` and `panel_rate` left out: the same as `id` and `rate` (the main panel's).
_SAME = -1


@dataclass(frozen=True, slots=True)
class Service:
    """A service as the shop sells it. `id` is the shop's number (`bot.panel.panels`: the main
    panel's own id, another panel's numbered apart); `panel` and `panel_id` say where it is
    ordered; `rate` is in the shop's money, `panel_rate` in that panel's."""

    id: int
    name: str
    type: str
    category: str
    rate: Decimal  # per 1000, in the shop's money (the main panel's currency)
    min: int
    max: int
    refill: bool = False
    cancel: bool = False
    dripfeed: bool = False  # the order may be delivered in runs, `interval` minutes apart
    panel: str = ""  # the panel that has it: '' the main one, else its name
    panel_id: int = _SAME  # its id on that panel
    panel_rate: Decimal = Decimal(_SAME)  # per 1000, in that panel's money

    def __post_init__(self) -> None:
        if self.panel_id == _SAME:
            object.__setattr__(self, "panel_id", self.id)
        if self.panel_rate == _SAME:
            object.__setattr__(self, "panel_rate", self.rate)

    @classmethod
    def from_panel(cls, entry: object) -> Service:
        """One entry of `services`; without a usable id, rate, min and max it is unusable."""
        data = as_mapping(entry)
        service_id = as_int(data.get("service", data.get("id")))
        rate = as_amount(data.get("rate"))
        low, high = as_int(data.get("min")), as_int(data.get("max"))
        if rate < 0 or low < 0 or high < low:
            raise UnusableEntry("rate or limits out of range")
        return cls(
            id=service_id,
            name=str(data.get("name") or f"#{service_id}"),
            type=str(data.get("type") or "Default"),
            category=str(data.get("category") or ""),
            rate=rate,
            min=low,
            max=high,
            refill=as_bool(data.get("refill")),
            cancel=as_bool(data.get("cancel")),
            dripfeed=as_bool(data.get("dripfeed")),
        )


@dataclass(frozen=True, slots=True)
class OrderStatus:
    """An order as the panel reports it. `status` is normalised (`bot.panel.status.from_panel`);
    `raw_status` keeps the panel's wording for admins."""

    status: str
    charge: Decimal | None = None
    start_count: int | None = None
    remains: int | None = None
    currency: str | None = None
    raw_status: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        # Direct construction (tests, fakes) normalises too, so comparisons stay honest.
        object.__setattr__(self, "raw_status", self.raw_status or self.status)
        object.__setattr__(self, "status", from_panel(self.status))

    @property
    def is_known(self) -> bool:
        return self.status in PANEL

    @property
    def is_final(self) -> bool:
        """Completed, Partial, Canceled or Expired; a status the panel invented never is."""
        return self.is_known and row_of(self.status).final

    @classmethod
    def from_panel(cls, entry: object) -> OrderStatus:
        data = as_mapping(entry)
        status = data.get("status")
        if not isinstance(status, str) or not status.strip():
            raise UnusableEntry("no status")
        currency = data.get("currency")
        return cls(
            status=status,
            charge=_optional(as_amount, data.get("charge")),
            start_count=_optional(as_int, data.get("start_count")),
            remains=_optional(as_int, data.get("remains")),
            currency=str(currency) if currency not in (None, "") else None,
        )


@dataclass(frozen=True, slots=True)
class CancelResult:
    """The panel's answer to cancelling one order: accepted is a request, not an outcome."""

    order_id: str
    accepted: bool
    error: PanelError | None = None


# A refill's statuses as panels report them (`refill_status`).
REFILL_PENDING = "Pending"
REFILL_IN_PROGRESS = "In progress"
REFILL_COMPLETED = "Completed"
REFILL_REJECTED = "Rejected"
REFILL_CANCELED = "Canceled"
REFILL_FINAL_STATUSES = frozenset({REFILL_COMPLETED, REFILL_REJECTED, REFILL_CANCELED})
_REFILL_STATUS_BY_KEY = {
    name.casefold(): name
    for name in (REFILL_PENDING, REFILL_IN_PROGRESS, REFILL_COMPLETED, REFILL_REJECTED)
} | {"canceled": REFILL_CANCELED, "cancelled": REFILL_CANCELED, "processing": REFILL_IN_PROGRESS}


@dataclass(frozen=True, slots=True)
class RefillStatus:
    """A refill as the panel reports it; `status` normalised, `raw_status` as written.

    Only Completed, Rejected and Canceled end a refill: anything else (an unknown word
    included) means it is still going on.
    """

    status: str
    raw_status: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        text = " ".join(self.status.split())
        object.__setattr__(self, "raw_status", self.raw_status or text)
        object.__setattr__(self, "status", _REFILL_STATUS_BY_KEY.get(text.casefold(), text))

    @property
    def is_final(self) -> bool:
        return self.status in REFILL_FINAL_STATUSES

    @property
    def is_done(self) -> bool:
        return self.status == REFILL_COMPLETED

    @classmethod
    def from_panel(cls, entry: object) -> RefillStatus:
        """`{"status": "Completed"}`; also the bare status text some panels answer."""
        status = entry.get("status") if isinstance(entry, Mapping) else entry
        if not isinstance(status, str) or not status.strip():
            raise UnusableEntry("no refill status")
        return cls(status=status)


@dataclass(frozen=True, slots=True)
class Balance:
    amount: Decimal
    currency: str

    @classmethod
    def from_panel(cls, entry: object) -> Balance:
        data = as_mapping(entry)
        currency = data.get("currency")
        return cls(amount=as_amount(data.get("balance")), currency=str(currency or ""))
