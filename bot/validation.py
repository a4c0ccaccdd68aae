"""What customers type, checked with ASCII patterns: nothing Unicode-clever slips through.

`int("1_000")`, full-width digits and `Decimal("NaN")` are all accepted by Python
itself, so numbers are matched against plain ASCII digits before they are converted.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, unquote, urlsplit

MAX_LINK_LENGTH = 512
MAX_ANSWER_NUMBER = 12  # Telegram polls have at most 12 options

_DIGITS = re.compile(r"[0-9]{1,12}")
# Digit groups as people write them, one separator throughout: "1 000", "1,000", "1.000",
# and the no-break spaces phones put in ("1\u00a0000", "1\u202f000"). Only groups of three.
_GROUPED = re.compile(r"[0-9]{1,3}(?P<sep>[ \u00a0\u202f,.])[0-9]{3}(?:(?P=sep)[0-9]{3}){0,2}")
_USERNAME = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")
_TELEGRAM_HOSTS = frozenset({"t.me", "telegram.me", "telegram.dog", "www.t.me"})
# The characters RFC 3986 allows in a URL: no spaces, quotes, angle brackets or braces.
_URL_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


def parse_whole_number(text: str | None) -> int | None:
    """A positive whole number typed in ASCII digits ("1000"), else None."""
    if text is None:
        return None
    text = text.strip()
    if not _DIGITS.fullmatch(text):
        return None
    return int(text)


def parse_count(text: str | None) -> int | None:
    """A whole number as people write it: plain ASCII digits, or digit groups of three
    ("1 000", "1,000", "1.000"); else None."""
    if text is None:
        return None
    text = text.strip()
    if _GROUPED.fullmatch(text):
        text = re.sub(r"[^0-9]", "", text)
    return parse_whole_number(text)


def parse_quantity(text: str | None, minimum: int, maximum: int) -> int | None:
    number = parse_count(text)
    if number is None or not minimum <= number <= maximum:
        return None
    return number


def quantity_problem(text: str | None, minimum: int, maximum: int) -> str:
    """Why `text` is not a quantity from `minimum` to `maximum`: "low", "high" or "nan"."""
    number = parse_count(text)
    if number is None:
        return "nan"
    return "low" if number < minimum else "high" if number > maximum else "nan"


def parse_answer_number(text: str | None) -> int | None:
    number = parse_whole_number(text)
    if number is None or not 1 <= number <= MAX_ANSWER_NUMBER:
        return None
    return number


def _split(link: str) -> SplitResult | None:
    """The link's parts, or None where `urlsplit` refuses it (a stray `[` or `]` reads as
    a broken IPv6 address)."""
    try:
        return urlsplit(link)
    except ValueError:
        return None


def is_private_invite(link: str) -> bool:
    """An invite into a private chat (`t.me/+…`, `t.me/joinchat/…`, `tg://join?invite=…`):
    never shown where others can see it."""
    parts = _split(link if "://" in link else f"https://{link}")
    if parts is None:  # unreadable, so it cannot be shown to be safe
        return True
    if parts.scheme == "tg":
        return parts.netloc == "join" or "invite=" in parts.query
    path = unquote(parts.path).lstrip("/").lower()
    return path.startswith(("+", "joinchat"))


def normalize_link(text: str | None, *, telegram: bool) -> str | None:
    """The link to send to the panel, or None when it is not one.

    Telegram services also take `@name`, `t.me/name` and `telegram.me/name`, and must point
    at Telegram; other platforms need a full http(s) URL.
    """
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > MAX_LINK_LENGTH or not _URL_CHARS.fullmatch(text):
        return None
    if telegram:
        if text.startswith("@"):
            return f"https://t.me/{text[1:]}" if _USERNAME.fullmatch(text[1:]) else None
        if "://" not in text:
            text = f"https://{text}"
    parts = _split(text)
    if parts is None:
        return None
    host = (parts.hostname or "").lower()
    if parts.scheme not in {"http", "https"} or "." not in host or parts.username:
        return None
    if telegram:
        if host not in _TELEGRAM_HOSTS or parts.path.strip("/") == "":
            return None
        rest = text.split(parts.netloc, 1)[1]
        return f"https://t.me{rest}"
    return text
