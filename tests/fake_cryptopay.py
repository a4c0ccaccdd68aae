"""A fake Crypto Pay API on 127.0.0.1, as its documentation describes it
(help.crypt.bot/crypto-pay-api): methods at `/api/{method}` by GET or POST (query string,
form or JSON), the app's token in `Crypto-Pay-API-Token`, answers `{"ok": true, "result":
...}` or `{"ok": false, "error": {"code": ..., "name": ...}}` with the matching HTTP status
(401 UNAUTHORIZED, 405 METHOD_NOT_FOUND, 400 for a bad parameter), amounts as decimal
strings, and webhook updates signed with HMAC-SHA-256 keyed by the SHA-256 of the token.

The test plays the customer: `pay(invoice_id)`, `expire(invoice_id)`; and the network:
`down` (connections dropped), `broken` (a proxy's HTML 502), `slow` (seconds an answer takes).
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from aiohttp import web

TOKEN = "4321:AAfakeCryptoPayToken"
FIATS = set(
    "USD EUR RUB BYN UAH GBP CNY KZT UZS GEL TRY AMD THB INR BRL IDR AZN AED PLN ILS".split()  # noqa: SIM905
)
ASSETS = {"USDT", "TON", "BTC", "ETH", "LTC", "BNB", "TRX", "USDC"}


class BadParam(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name


def _iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.000Z")


class FakeCryptoPay:
    def __init__(self, token: str = TOKEN) -> None:
        self.token = token
        self.invoices: dict[int, dict[str, Any]] = {}
        self.calls: list[tuple[str, dict[str, str]]] = []
        self.down = False
        self.broken = False
        self.slow = 0.0  # seconds each answer waits
        self._next_id = 1000
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    def calls_of(self, method: str) -> list[dict[str, str]]:
        return [params for name, params in self.calls if name == method]

    # --- what happens outside the bot ---------------------------------------------------------

    def pay(self, invoice_id: int, asset: str = "USDT") -> dict[str, Any]:
        invoice = self.invoices[invoice_id]
        if invoice["status"] != "active":
            raise AssertionError(f"invoice {invoice_id} is {invoice['status']}")
        invoice |= {
            "status": "paid",
            "paid_at": _iso(datetime.now(UTC)),
            "paid_asset": asset,
            "paid_amount": "1.234567",
            "paid_fiat_rate": "12650.00",
            "paid_usd_rate": "1.00",
            "fee_asset": asset,
            "fee_amount": "0.03",
            "paid_anonymously": False,
        }
        return invoice

    def expire(self, invoice_id: int) -> None:
        self.invoices[invoice_id]["status"] = "expired"

    def webhook(self, invoice_id: int, token: str | None = None) -> tuple[bytes, dict[str, str]]:
        """An `invoice_paid` update about the invoice, and its headers, signed with `token`
        (the app's own unless given)."""
        update = {
            "update_id": invoice_id * 10,
            "update_type": "invoice_paid",
            "request_date": _iso(datetime.now(UTC)),
            "payload": self.invoices[invoice_id],
        }
        body = json.dumps(update).encode()
        secret = hashlib.sha256((token or self.token).encode()).digest()
        sign = hmac.new(secret, body, hashlib.sha256).hexdigest()
        return body, {"crypto-pay-api-signature": sign, "Content-Type": "application/json"}

    # --- the server ---------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/api/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await site.start()
        server = site._server
        assert server is not None
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        await asyncio.sleep(self.slow)
        if self.down:
            assert request.transport is not None
            request.transport.close()
            return web.Response(status=503)
        if self.broken:
            return web.Response(status=502, text="<html>502 Bad Gateway</html>")
        params = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                params |= {k: str(v) for k, v in (await request.json()).items()}
            else:
                params |= {k: str(v) for k, v in (await request.post()).items()}
        method = request.match_info["method"]
        self.calls.append((method, params))
        if request.headers.get("Crypto-Pay-API-Token") != self.token:
            return _error(401, "UNAUTHORIZED")
        handler = {
            "getMe": self._get_me,
            "createInvoice": self._create_invoice,
            "getInvoices": self._get_invoices,
        }.get(method)
        if handler is None:
            return _error(405, "METHOD_NOT_FOUND")
        try:
            result = handler(params)
        except BadParam as bad:
            return _error(400, bad.name)
        return web.json_response({"ok": True, "result": result})

    def _get_me(self, params: dict[str, str]) -> Any:
        return {"app_id": 4321, "name": "Test shop", "payment_processing_bot_username": "CryptoBot"}

    def _create_invoice(self, params: dict[str, str]) -> Any:
        kind = params.get("currency_type", "crypto")
        if kind not in {"crypto", "fiat"}:
            raise BadParam("CURRENCY_TYPE_INVALID")
        if kind == "fiat" and params.get("fiat") not in FIATS:
            raise BadParam("FIAT_INVALID")
        if kind == "crypto" and params.get("asset") not in ASSETS:
            raise BadParam("ASSET_INVALID")
        accepted = params.get("accepted_assets")
        if accepted is not None and not set(accepted.split(",")) <= ASSETS:
            raise BadParam("ACCEPTED_ASSETS_INVALID")
        try:
            amount = Decimal(params["amount"])
        except (KeyError, InvalidOperation):
            raise BadParam("AMOUNT_INVALID") from None
        if not amount.is_finite() or amount <= 0:
            raise BadParam("AMOUNT_INVALID")
        if len(params.get("description", "")) > 1024:
            raise BadParam("DESCRIPTION_TOO_LONG")
        if len(params.get("payload", "").encode()) > 4096:
            raise BadParam("PAYLOAD_TOO_LONG")
        expires_in = params.get("expires_in")
        if expires_in is not None and not (
            expires_in.isdigit() and 1 <= int(expires_in) <= 2678400
        ):
            raise BadParam("EXPIRES_IN_INVALID")
        self._next_id += 1
        number = self._next_id
        now = datetime.now(UTC)
        invoice: dict[str, Any] = {
            "invoice_id": number,
            "hash": f"IV{number}",
            "currency_type": kind,
            "amount": params["amount"],
            "bot_invoice_url": f"https://t.me/CryptoBot?start=IV{number}",
            "mini_app_invoice_url": f"https://t.me/CryptoBot/app?startapp=invoice-IV{number}",
            "web_app_invoice_url": f"https://app.send.tg/invoices/IV{number}",
            "description": params.get("description"),
            "status": "active",
            "created_at": _iso(now),
            "allow_comments": params.get("allow_comments", "true") == "true",
            "allow_anonymous": params.get("allow_anonymous", "true") == "true",
            "payload": params.get("payload"),
        }
        if kind == "fiat":
            invoice |= {"fiat": params["fiat"], "accepted_assets": (accepted or "").split(",")}
        else:
            invoice["asset"] = params["asset"]
        if expires_in is not None:
            invoice["expiration_date"] = _iso(now + timedelta(seconds=int(expires_in)))
        self.invoices[number] = invoice
        return invoice

    def _get_invoices(self, params: dict[str, str]) -> Any:
        count = params.get("count", "100")
        if not count.isdigit() or not 1 <= int(count) <= 1000:
            raise BadParam("COUNT_INVALID")
        status = params.get("status")
        if status is not None and status not in {"active", "paid"}:
            raise BadParam("STATUS_INVALID")
        found = list(self.invoices.values())
        if ids := params.get("invoice_ids"):
            try:
                wanted = {int(part) for part in ids.split(",")}
            except ValueError:
                raise BadParam("INVOICE_IDS_INVALID") from None
            found = [invoice for invoice in found if invoice["invoice_id"] in wanted]
        if status is not None:
            found = [invoice for invoice in found if invoice["status"] == status]
        return {"items": found[: int(count)]}


def _error(status: int, name: str) -> web.Response:
    return web.json_response({"ok": False, "error": {"code": status, "name": name}}, status=status)


@asynccontextmanager
async def running_cryptopay() -> AsyncIterator[FakeCryptoPay]:
    fake = FakeCryptoPay()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.close()
