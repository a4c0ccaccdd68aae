"""Numbers, money and times as each language writes them, from Babel's CLDR data.

Values travel into texts typed (a `Money`, a `datetime`, a `Day`, an `int` or a `Decimal`)
and are written out only when a message is rendered in its reader's language, so a
notification queued in the outbox or an alert sent to several admins reads right in each
language. Writing never changes a value: money is rounded by the rule its `Money` carries
(bot/money.py's rules), then only spelled out.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from decimal import ROUND_FLOOR, Decimal
from functools import cache
from typing import Any

from babel import Locale as BabelLocale
from babel.dates import format_date, format_time
from babel.numbers import (
    NumberPattern,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)

# CLDR writes these currencies by their code, or a symbol people do not use, in the
# language; people write the word ("сум", "rubl") or the plain sign ("$", not "US$").
_LOCAL_SYMBOLS: dict[tuple[str, str], str] = {
    ("ru", "UZS"): "сум",
    ("uz", "USD"): "$",
    ("uz", "RUB"): "rubl",
    ("uz", "KZT"): "tenge",
    ("ru", "KZT"): "тенге",
}
_SIGN = "¤"


@dataclass(frozen=True, slots=True)
class Money:
    """An amount as it is to be shown: `decimals` places rounded by `rounding` (None: every
    decimal the amount has), in `currency` (an ISO code; empty: no currency)."""

    amount: Decimal
    decimals: int | None
    currency: str = ""
    rounding: str = ROUND_FLOOR

    def __str__(self) -> str:
        # Written only in a language (a message's argument, or `Texts.write`): pasted into
        # an f-string it would show its repr to customers, so it fails loudly instead.
        raise TypeError("Money is written by the Translator: pass it to t(...) or t.write()")

    def __format__(self, spec: str) -> str:
        return str(self)

    def shown(self) -> Decimal:
        """The amount rounded as it is written, whatever the language."""
        if self.decimals is None:
            return self.amount.normalize()
        return self.amount.quantize(Decimal(1).scaleb(-self.decimals), rounding=self.rounding)


@dataclass(frozen=True, slots=True)
class Day:
    """A moment shown as its date only (a customer's first day, a top-up's day)."""

    moment: datetime


@cache
def babel_locale(code: str) -> BabelLocale:
    return BabelLocale.parse(code)


def places(amount: Decimal) -> int:
    exponent = amount.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


@cache
def _pattern(code: str, kind: str, decimals: int) -> NumberPattern:
    """The language's currency or decimal pattern with exactly `decimals` places."""
    locale = babel_locale(code)
    source = (
        locale.currency_formats["standard"] if kind == "money" else locale.decimal_formats[None]
    )
    pattern: NumberPattern = copy.copy(source)
    pattern.frac_prec = (decimals, decimals)
    return pattern


def number(value: int | Decimal, code: str) -> str:
    """A number with the language's grouping and decimal mark, every decimal it has."""
    decimals = places(value) if isinstance(value, Decimal) else 0
    return _apply(_pattern(code, "number", decimals), value, code)


def money(value: Money, code: str) -> str:
    """An amount in the language's pattern and the currency's local name: in Russian
    "1 234,20 сум", in Uzbek the same with CLDR's so'm, in English "$1,234.20" for USD."""
    amount = value.shown()
    decimals = places(amount)
    if not value.currency:
        return _apply(_pattern(code, "number", decimals), amount, code)
    symbol = currency_symbol(value.currency, code)
    written = _apply(_pattern(code, "money", decimals), amount, code)
    if symbol == value.currency.upper() and written.lstrip("-").startswith(_SIGN):
        # A bare code before the figure ("UZS7.20") reads as a typo: codes follow it,
        # as the shop has always written them.
        return f"{written.replace(_SIGN, '', 1)} {symbol}"
    return written.replace(_SIGN, symbol)


def group_symbol(code: str) -> str:
    """What separates digit groups in the language: "," in English, a no-break space in
    Russian and Uzbek."""
    return str(get_group_symbol(babel_locale(code)))


def currency_symbol(currency: str, code: str) -> str:
    currency = currency.upper()
    local = _LOCAL_SYMBOLS.get((code, currency))
    return local or str(get_currency_symbol(currency, babel_locale(code)))


def _apply(pattern: NumberPattern, value: int | Decimal, code: str) -> str:
    # Without a currency Babel leaves the pattern's ¤ in place, for `money` to fill.
    return str(pattern.apply(value, babel_locale(code)))


# A figure with every digit distinct, long enough to be grouped twice: written out, what
# stands before and after it is the currency's place in the language's pattern.
_SAMPLE = Decimal("1234567.891")


@cache
def number_shape(code: str, currency: str, decimals: int) -> dict[str, Any]:
    """How the language writes numbers, and the shop's money in `decimals` places, for a
    page that writes them itself (the Mini App): read off `number` and `money`, so the page
    and the chat write "80 000 сум" alike."""
    locale = babel_locale(code)
    pattern = _pattern(code, "number", 0)
    sample = _SAMPLE.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_FLOOR)
    figure = number(sample, code)
    prefix, found, suffix = money(Money(sample, decimals, currency), code).partition(figure)
    if not found:  # a pattern that writes the figure apart from its plain form
        raise ValueError(f"{code}: money is not written around the number {figure!r}")
    return {
        "group": str(get_group_symbol(locale)),
        "decimal": str(get_decimal_symbol(locale)),
        "grouping": list(pattern.grouping),
        "money": {"prefix": prefix, "suffix": suffix, "decimals": decimals},
    }


def moment(value: datetime, code: str, zone: tzinfo = UTC) -> str:
    """A date and time in the shop's zone: "Jan 3, 2026, 4:30 AM" (CLDR's medium date, short
    time)."""
    local = _in_zone(value, zone)
    locale = babel_locale(code)
    when = format_date(local.date(), "medium", locale=locale)
    clock = format_time(local.time(), "short", locale=locale)
    joined: str = locale.datetime_formats["medium"].format(clock, when)
    return joined


def day(value: Day | date, code: str, zone: tzinfo = UTC) -> str:
    """A date in CLDR's medium form ("Jan 3, 2026"); a moment's date in the shop's zone."""
    shown = _in_zone(value.moment, zone).date() if isinstance(value, Day) else value
    return format_date(shown, "medium", locale=babel_locale(code))


def _in_zone(value: datetime, zone: tzinfo) -> datetime:
    # Stored times are UTC; one without a zone is taken as UTC, never as the host's time.
    return (value if value.tzinfo else value.replace(tzinfo=UTC)).astimezone(zone)
