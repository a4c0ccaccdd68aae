"""Who is asking: Telegram's signed `initData`, checked on every API call, and how often
one person may ask.

Telegram signs the Mini App's launch data with a key derived from the bot token; aiogram
checks the signature. A signature says nothing about age, so `auth_date` is checked here: a
copy of someone's initData stops working after `MAX_AGE`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

from aiogram.utils.web_app import safe_parse_webapp_init_data

# Seconds a Mini App session's initData is accepted: an hour is a long visit to a shop, and
# a copy of it (a proxy's log, a shared screen) is worth that much only. Telegram gives an
# open page no fresh initData: past this the page asks the customer to open it again.
MAX_AGE = 3600
# A clock a little ahead of ours is not a forgery.
CLOCK_SKEW = 300
# Telegram's user ids fit 52 bits; beyond 63 SQLite cannot store them.
MAX_USER_ID = 2**63 - 1


class NotSigned(Exception):
    """The request's initData is missing, forged (`forged`) or too old (`expired`)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Caller:
    id: int
    language_code: str | None


def caller_of(
    init_data: str, token: str, *, max_age: float = MAX_AGE, now: float | None = None
) -> Caller:
    """The Telegram user the initData was signed for, or NotSigned."""
    if not init_data:
        raise NotSigned("unauthorized")
    try:
        data = safe_parse_webapp_init_data(token, init_data)
    except ValueError:  # a bad signature, or signed fields that are not Telegram's shape
        raise NotSigned("forged") from None
    if data.user is None or not 0 < data.user.id <= MAX_USER_ID:
        raise NotSigned("forged")
    age = (time.time() if now is None else now) - data.auth_date.timestamp()
    if not -CLOCK_SKEW <= age <= max_age:
        raise NotSigned("expired")
    return Caller(data.user.id, data.user.language_code)


def claimed_language(init_data: str) -> str | None:
    """The language initData claims, unchecked: only to word a refusal of it."""
    try:
        user = json.loads(dict(parse_qsl(init_data)).get("user", "{}"))
    except ValueError:
        return None
    code = user.get("language_code") if isinstance(user, dict) else None
    return code if isinstance(code, str) else None


def sign_init_data(token: str, user: Mapping[str, Any], auth_date: int | None = None) -> str:
    """initData as Telegram signs it (for tests and the benchmark; Telegram does it live)."""
    fields = {
        "auth_date": str(int(time.time()) if auth_date is None else auth_date),
        "query_id": "AAF-test",
        "user": json.dumps(dict(user), separators=(",", ":")),
    }
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", token.encode(), hashlib.sha256).digest()
    fields["hash"] = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    return urlencode(fields)
