"""`/click/prepare` and `/click/complete` on the public server: Click's SHOP-API calls, form
posts answered with JSON (`bot.payments.click_merchant` answers them)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import parse_qsl

from aiohttp import web

from bot.payments.click_merchant import NOTES, ClickMerchant
from bot.webapp.api import ApiError, whole_body

PREPARE, COMPLETE = "/click/prepare", "/click/complete"
# Bytes a call may have: Click's are a dozen short fields.
MAX_BODY = 16 * 1024

Step = Callable[[Mapping[str, str]], Awaitable[dict[str, Any]]]


def add_click_routes(app: web.Application, merchant: ClickMerchant) -> None:
    def endpoint(step: Step) -> Callable[[web.Request], Awaitable[web.Response]]:
        async def call(request: web.Request) -> web.Response:
            try:
                body = await whole_body(request, MAX_BODY)
                fields = dict(parse_qsl(body.decode(), keep_blank_values=True))
            except (ApiError, UnicodeDecodeError):
                return web.json_response({"error": -8, "error_note": NOTES[-8]})
            return web.json_response(await step(fields))

        return call

    app.router.add_post(PREPARE, endpoint(merchant.prepare))
    app.router.add_post(COMPLETE, endpoint(merchant.complete))
