"""`/payme` on the public server: Payme's Merchant API calls, each a JSON-RPC POST
answered with HTTP 200 whatever it says (`bot.payments.payme_merchant` answers it)."""

from __future__ import annotations

from aiogram import Bot
from aiohttp import web

from bot.payments.payme_merchant import Code, PaymeMerchant
from bot.webapp.api import ApiError, whole_body

PATH = "/payme"
# Bytes a call may have: GetStatement's request is the longest, under 200 bytes.
MAX_BODY = 16 * 1024


def add_payme_route(app: web.Application, merchant: PaymeMerchant, bot: Bot) -> None:
    async def call(request: web.Request) -> web.Response:
        if request.method != "POST":
            return web.json_response(merchant.error(Code.NOT_POST, None))
        try:
            body = await whole_body(request, MAX_BODY)
        except ApiError:
            return web.json_response(merchant.error(Code.REQUEST, None))
        answer = await merchant.handle(bot, body, request.headers.get("Authorization"))
        return web.json_response(answer)

    app.router.add_route("*", PATH, call)
