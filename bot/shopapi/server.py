"""`/api/v2` on the bot's HTTP server (HTTP_LISTEN, or the webhook's) while API_ENABLED.

A call is `key` + `action` and the action's fields, as POST form fields (urlencoded or
multipart, as panels' PHP and Python clients send them), a JSON object, or query parameters
(GET or POST; a body's field wins over the query's). Answers are JSON with HTTP 200, a
refusal as `{"error": "..."}` in the seed's words, as panels answer; only a limit (429) and
an oversized body (413) change the status. The key is never logged.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any
from urllib.parse import parse_qsl

from aiogram import Bot, Dispatcher
from aiohttp import web

from bot.addresses import client_address
from bot.settings import Settings
from bot.shopapi.actions import ShopApi
from bot.shopapi.gate import ApiGate, Verdict
from bot.shopapi.words import (
    INCORRECT_REQUEST,
    INTERNAL,
    INVALID_KEY,
    TOO_LARGE,
    TOO_MANY,
    Encoded,
    Refusal,
)

log = logging.getLogger(__name__)

PATH = "/api/v2"
# Bytes a call may send: 100 order ids, or a thousand comments of a few words, fit many times
# over; far less than anyone needs to fill memory.
MAX_BODY = 64 * 1024
# Seconds a body may take to arrive once its headers have.
BODY_TIMEOUT = 30.0
_FORMS = frozenset({"application/x-www-form-urlencoded", "multipart/form-data"})


class _TooLarge(Exception):
    pass


async def read_fields(request: web.Request) -> dict[str, str]:
    """The call's fields: the query's, then the body's over them. Raises `Refusal` for a
    body that is not fields, `_TooLarge` past `MAX_BODY` bytes."""
    fields = {name: value for name, value in request.query.items()}
    if request.method != "POST" or not request.body_exists:
        return fields
    if (request.content_length or 0) > MAX_BODY:
        raise _TooLarge
    bounded = request.clone(client_max_size=MAX_BODY)
    try:
        async with asyncio.timeout(BODY_TIMEOUT):
            if request.content_type in _FORMS:
                posted = await bounded.post()
                body = {name: value for name, value in posted.items() if isinstance(value, str)}
                for value in posted.values():
                    if isinstance(value, web.FileField):  # no action takes a file
                        value.file.close()
            else:
                json_type = request.content_type == "application/json"
                body = _decoded(await bounded.read(), json_type)
    except web.HTTPRequestEntityTooLarge:
        raise _TooLarge from None
    except (TimeoutError, ValueError, UnicodeDecodeError):
        raise Refusal(INCORRECT_REQUEST) from None
    return fields | body


def _decoded(raw: bytes, json_type: bool) -> dict[str, str]:
    """A JSON object of fields; without a content type that says JSON, urlencoded ones
    unless it looks like an object (clients that name no content type)."""
    text = raw.decode()
    if not json_type and not text.lstrip().startswith("{"):
        return dict(parse_qsl(text, keep_blank_values=True))
    try:
        data = json.loads(text)
    except RecursionError:  # arrays nested thousands deep
        raise Refusal(INCORRECT_REQUEST) from None
    if not isinstance(data, dict):
        raise Refusal(INCORRECT_REQUEST)
    fields: dict[str, str] = {}
    for name, value in data.items():
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise Refusal(INCORRECT_REQUEST)
        fields[name] = str(value)
    return fields


class ApiServer:
    def __init__(self, api: ShopApi, gate: ApiGate, settings: Settings) -> None:
        self._api = api
        self._gate = gate
        self._proxies = settings.proxies

    async def handle(self, request: web.Request) -> web.Response:
        try:
            fields = await read_fields(request)
        except _TooLarge:
            return web.json_response({"error": TOO_LARGE}, status=413)
        except Refusal as refused:
            return web.json_response({"error": refused.text})
        action = fields.get("action", "")
        address = client_address(request, self._proxies)
        admitted = await self._gate.admit(fields.get("key", ""), action, address)
        if admitted is Verdict.LIMITED:
            return web.json_response({"error": TOO_MANY}, status=429)
        if admitted is Verdict.INVALID:
            return web.json_response({"error": INVALID_KEY})
        act = self._api.actions.get(action)
        try:
            if act is None:
                raise Refusal(INCORRECT_REQUEST)
            result: Any = await act(admitted.user_id, fields)
        except Refusal as refused:
            result = {"error": refused.text}
        except Exception:
            log.exception("api %s of user %d failed", action, admitted.user_id)
            return web.json_response({"error": INTERNAL}, status=500)
        if isinstance(result, Encoded):
            return web.Response(body=result, content_type="application/json")
        return web.json_response(result)


def add_shopapi_routes(app: web.Application, dp: Dispatcher, bot: Bot) -> None:
    """`/api/v2`, GET and POST; placements still waiting on the panel when the server stops
    record their outcome first."""
    api: ShopApi = dp["shop_api"]
    api.bot = bot
    server = ApiServer(api, dp["api_gate"], dp["settings"])

    async def placements_done(app: web.Application) -> None:
        if api.placing:
            await asyncio.wait(api.placing, timeout=dp["settings"].panel_timeout + 10)

    app.router.add_route("GET", PATH, server.handle)
    app.router.add_route("POST", PATH, server.handle)
    app.on_shutdown.append(placements_done)
