"""The summary's one-time Confirm token, for a page that keeps no state on the server.

A quote is signed (HMAC with a key derived from the bot token) over who asked, for which
service, with which answers, at which charge: Confirm hands it back, the server checks the
signature and prices the order again. The answers themselves are not in the token (a list
of comments can be long), only their digest: Confirm sends them again. The token's random
part becomes the order's `confirm_token`, UNIQUE in the database, so a second tap places
nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time
from dataclasses import dataclass
from typing import Any

from bot.orders.steps import Answer

# Seconds a summary may be confirmed: after that the page asks for a fresh one.
TOKEN_LIFETIME = 1800


@dataclass(frozen=True)
class Quoted:
    user_id: int
    service_id: int
    digest: str  # of the answers quoted
    charge: str
    nonce: str


class QuoteTokens:
    def __init__(self, bot_token: str) -> None:
        self._key = hashlib.sha256(b"webapp-quote:" + bot_token.encode()).digest()

    def issue(self, user_id: int, service_id: int, answers: dict[str, Answer], charge: str) -> str:
        payload = {
            "u": user_id,
            "s": service_id,
            "a": answers_digest(answers),
            "c": charge,
            "n": "w" + secrets.token_urlsafe(12),
            "e": int(time.time()) + TOKEN_LIFETIME,
        }
        raw = _b64(json.dumps(payload, separators=(",", ":")).encode())
        return f"{raw}.{self._sign(raw)}"

    def read(self, token: object, user_id: int) -> Quoted | None:
        """The quote `token` stands for if it is genuine, this user's and not expired."""
        if not isinstance(token, str) or token.count(".") != 1 or len(token) > 1000:
            return None
        raw, signature = token.split(".")
        if not hmac.compare_digest(self._sign(raw), signature):
            return None
        try:
            data: dict[str, Any] = json.loads(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)))
        except ValueError:
            return None
        if data.get("u") != user_id or data.get("e", 0) < time.time():
            return None
        return Quoted(user_id, data["s"], data["a"], data["c"], data["n"])

    def _sign(self, raw: str) -> str:
        return _b64(hmac.new(self._key, raw.encode(), hashlib.sha256).digest()[:18])


def answers_digest(answers: dict[str, Answer]) -> str:
    canonical = json.dumps(answers, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")
