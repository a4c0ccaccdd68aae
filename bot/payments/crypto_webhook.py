"""Crypto Pay's webhook (`POST /crypto-pay` on HTTP_LISTEN, or the Telegram webhook's
server): an `invoice_paid` update credits its invoice's top-up at once, instead of at the
next sweep.

Only a body whose `crypto-pay-api-signature` is right is read at all (HMAC-SHA-256 of the
raw body, keyed by the SHA-256 of the app's token): a forged one gets 401 and changes
nothing. A signed update about an invoice that is none of ours, or one credited already (a
replay, a retry), is answered 200 and changes nothing either: Crypto Pay retries anything
else for days.
"""

from __future__ import annotations

import asyncio
import json
import logging

from aiohttp import web

from bot.payments.crypto import Crypto, UnknownInvoice
from bot.payments.cryptopay import SIGNATURE_HEADER, CryptoPayError, Invoice, signed
from bot.storage import StorageError

log = logging.getLogger(__name__)

PATH = "/crypto-pay"
# An update is one invoice: a few kilobytes, its payload at most 4 KB.
MAX_BODY = 64 * 1024
BODY_TIMEOUT = 10.0


async def _body(request: web.Request) -> bytes | None:
    """The whole body, or None past `MAX_BODY` (declared, or counted as it arrives)."""
    if (request.content_length or 0) > MAX_BODY:
        return None
    raw = bytearray()
    async with asyncio.timeout(BODY_TIMEOUT):
        while chunk := await request.content.readany():
            raw += chunk
            if len(raw) > MAX_BODY:
                return None
    return bytes(raw)


def crypto_webhook(crypto: Crypto, token: str) -> web.RouteDef:
    async def handle(request: web.Request) -> web.Response:
        try:
            body = await _body(request)
        except TimeoutError:
            return web.Response(status=408)
        if body is None:
            return web.Response(status=413)
        if not signed(token, body, request.headers.get(SIGNATURE_HEADER)):
            log.warning("Crypto Pay webhook: a call without a good signature, ignored")
            return web.Response(status=401)
        try:
            update = json.loads(body)
            kind = update["update_type"]
            invoice = Invoice.parse(update["payload"])
        except (ValueError, KeyError, TypeError, CryptoPayError):
            log.warning("Crypto Pay webhook: a signed update not understood, ignored")
            return web.Response(status=400)
        if kind != "invoice_paid":
            return web.Response(text="ok")
        try:
            await crypto.confirm(invoice)
        except UnknownInvoice:
            log.warning("Crypto Pay webhook: invoice %s is none of ours", invoice.invoice_id)
        except StorageError as error:
            await crypto.refused(invoice, error)
        return web.Response(text="ok")

    return web.post(PATH, handle)
