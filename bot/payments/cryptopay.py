"""The few calls of Crypto Pay's API (@CryptoBot) the shop makes: `getMe`, `createInvoice`,
`getInvoices`; and the check of its webhook's signature.

Written on aiohttp rather than with `aiocryptopay` or `aiosend`: both model every amount as
a float (`amount: float`), where this shop keeps money exact from end to end; three calls
and one HMAC are less code than adapting either, and bring no dependency of their own.

Every call is an HTTP request to `{CRYPTO_PAY_API_URL}/{method}` with the app's token in the
`Crypto-Pay-API-Token` header; the answer is `{"ok": true, "result": ...}` or `{"ok": false,
"error": {"code": 400, "name": "..."}}`. Amounts travel as decimal strings ("125.50").
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

import aiohttp

log = logging.getLogger(__name__)

TOKEN_HEADER = "Crypto-Pay-API-Token"  # noqa: S105 (the header's name, not a token)
SIGNATURE_HEADER = "crypto-pay-api-signature"
# getInvoices returns at most 1000 a call; the shop asks for fewer, by id.
MAX_IDS = 100
ACTIVE, PAID, EXPIRED = "active", "paid", "expired"


class CryptoPayError(Exception):
    """Crypto Pay answered no (`clear`: it said why, in `name`), or gave no clear answer
    (the network, a timeout, a 5xx, something that is not its JSON)."""

    def __init__(self, name: str, *, clear: bool) -> None:
        super().__init__(name)
        self.name = name
        self.clear = clear


@dataclass(frozen=True)
class Invoice:
    invoice_id: int
    status: str  # active, paid or expired
    amount: Decimal  # in `fiat` (currency_type "fiat") or the asset
    fiat: str | None
    url: str  # bot_invoice_url: opens the invoice in @CryptoBot
    mini_app_url: str | None
    payload: str | None
    paid_asset: str | None
    paid_amount: Decimal | None

    @classmethod
    def parse(cls, raw: Any) -> Invoice:
        """Crypto Pay's Invoice object; `CryptoPayError` (not clear) for anything else."""
        try:
            return cls(
                invoice_id=_integer(raw["invoice_id"]),
                status=str(raw["status"]),
                amount=_decimal(raw["amount"]),
                fiat=_text(raw.get("fiat")),
                url=str(raw.get("bot_invoice_url") or raw["pay_url"]),
                mini_app_url=_text(raw.get("mini_app_invoice_url")),
                payload=_text(raw.get("payload")),
                paid_asset=_text(raw.get("paid_asset")),
                paid_amount=_optional_decimal(raw.get("paid_amount")),
            )
        except (KeyError, TypeError, ValueError, InvalidOperation):
            raise CryptoPayError("malformed invoice", clear=False) from None


class CryptoPay:
    def __init__(self, token: str, api_url: str, *, timeout: float = 15) -> None:
        self._token = token
        self._base = api_url.rstrip("/")
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._session: aiohttp.ClientSession | None = None

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def get_me(self) -> Mapping[str, Any]:
        """The app's name and id: whether the token is good."""
        result = await self._call("getMe", {})
        if not isinstance(result, dict):
            raise CryptoPayError("malformed answer", clear=False)
        return result

    async def create_invoice(
        self,
        *,
        fiat: str,
        amount: Decimal,
        assets: Iterable[str],
        description: str,
        payload: str,
        expires_in: int,
    ) -> Invoice:
        """An invoice priced in `fiat`, payable in `assets` (every asset when empty)."""
        params = {
            "currency_type": "fiat",
            "fiat": fiat,
            "amount": format(amount, "f"),
            "description": description,
            "payload": payload,
            "expires_in": str(expires_in),
            # The money is for the shop's balance: nothing to comment on, and a payment
            # must not be anonymous to the shop's bookkeeping.
            "allow_comments": "false",
            "allow_anonymous": "false",
        }
        if accepted := ",".join(assets):
            params["accepted_assets"] = accepted
        return Invoice.parse(await self._call("createInvoice", params))

    async def get_invoices(self, invoice_ids: Iterable[int]) -> list[Invoice]:
        """These invoices as Crypto Pay has them now (at most `MAX_IDS`; whatever the status:
        the `status` filter knows no "expired")."""
        ids = [str(number) for number in invoice_ids]
        if not ids:
            return []
        if len(ids) > MAX_IDS:
            raise ValueError(f"at most {MAX_IDS} invoices a call")
        result = await self._call("getInvoices", {"invoice_ids": ",".join(ids), "count": "1000"})
        # The documentation says an array; the API answers {"items": [...]}: both are read.
        items = result.get("items") if isinstance(result, dict) else result
        if not isinstance(items, list):
            raise CryptoPayError("malformed answer", clear=False)
        return [Invoice.parse(item) for item in items]

    async def _call(self, method: str, params: Mapping[str, str]) -> Any:
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            async with self._session.post(
                f"{self._base}/{method}", data=params, headers={TOKEN_HEADER: self._token}
            ) as response:
                status = response.status
                body = await response.read()
        except (aiohttp.ClientError, TimeoutError) as error:
            raise CryptoPayError(f"{type(error).__name__}", clear=False) from None
        try:
            answer = json.loads(body)
        except ValueError:
            raise CryptoPayError(f"HTTP {status}, not JSON", clear=False) from None
        if not isinstance(answer, dict):
            raise CryptoPayError(f"HTTP {status}, malformed", clear=False)
        if answer.get("ok") is True and "result" in answer:
            return answer["result"]
        problem = answer.get("error")
        name = problem.get("name") if isinstance(problem, dict) else None
        # A 5xx may come from a proxy in front of an API that did the work.
        if status >= 500 or not isinstance(name, str):
            raise CryptoPayError(f"HTTP {status}", clear=False)
        raise CryptoPayError(name, clear=True)


def signature(token: str, body: bytes) -> str:
    """What Crypto Pay puts in `crypto-pay-api-signature`: HMAC-SHA-256 of the raw body,
    keyed by the SHA-256 of the app's token, in hex."""
    secret = hashlib.sha256(token.encode()).digest()
    return hmac.new(secret, body, hashlib.sha256).hexdigest()


def signed(token: str, body: bytes, claimed: str | None) -> bool:
    if claimed is None:
        return False
    # Bytes: `compare_digest` raises on a str that is not ASCII, and a forger picks it.
    given = claimed.lower().encode(errors="surrogateescape")
    return hmac.compare_digest(signature(token, body).encode(), given)


def _integer(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError("not an id")
    number = int(value)
    if number <= 0:
        raise ValueError("not an id")
    return number


def _decimal(value: Any) -> Decimal:
    # Strings as the API sends them; a number through its repr, so 0.1 stays 0.1.
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TypeError("not an amount")
    amount = Decimal(value if isinstance(value, str) else repr(value))
    if not amount.is_finite():
        raise ValueError("not an amount")
    return amount


def _optional_decimal(value: Any) -> Decimal | None:
    return None if value is None or value == "" else _decimal(value)


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
