"""What every Mini App API call goes through: the calls from its address counted (forged
ones too), initData checked, the caller's rate and body size and time limited, the caller's
language found, and every refusal answered as JSON with a code and a message in that
language: `{"error": {"code": ..., "message": ...}}`."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot.addresses import client_address
from bot.i18n import Arg, Texts, Translator, pick_locale
from bot.ratelimit import RateLimit
from bot.settings import Settings
from bot.storage import UsersRepo
from bot.webapp.auth import Caller, NotSigned, caller_of, claimed_language
from bot.webapp.forms import plain

log = logging.getLogger(__name__)

# Bytes a request body may have: far more than the longest list the chat accepts (a
# Telegram message is 4,096 characters), far less than anyone needs to fill memory.
MAX_BODY = 64 * 1024
INIT_DATA_HEADER = "X-Telegram-Init-Data"
# Seconds a body may take to arrive once its headers have: a client that stops half-way
# does not hold a handler (the servers close connections idle before their headers).
BODY_TIMEOUT = 30.0
# Calls per address, counted before initData is checked, so forged ones count too: loose
# enough for many customers behind one carrier's address (a page opens with 2 calls).
ADDRESS_RATE = 20.0
ADDRESS_BURST = 200


class ApiError(Exception):
    """A refusal: HTTP `status`, a stable `code` for the page, a message key for people."""

    def __init__(
        self,
        status: int,
        code: str,
        key: str | None = None,
        *,
        extra: Mapping[str, Any] | None = None,
        **values: Arg,
    ) -> None:
        super().__init__(code)
        self.status = status
        self.code = code
        self.key = key or f"webapp-error-{code.replace('_', '-')}"
        self.values = values
        self.extra = dict(extra or {})


def error_response(error: ApiError, t: Texts) -> web.Response:
    body = {"code": error.code, "message": plain(t(error.key, **error.values)), **error.extra}
    return web.json_response({"error": body}, status=error.status)


@dataclass(frozen=True)
class Call:
    """One authenticated API request."""

    request: web.Request
    caller: Caller
    t: Texts

    @property
    def user_id(self) -> int:
        return self.caller.id

    async def body(self) -> dict[str, Any]:
        """The JSON object posted, within `MAX_BODY`."""
        raw = await whole_body(self.request, MAX_BODY)
        try:
            data = json.loads(raw or b"{}")
        except (ValueError, RecursionError):  # RecursionError: arrays nested thousands deep
            raise ApiError(400, "bad_request") from None
        if not isinstance(data, dict):
            raise ApiError(400, "bad_request")
        return data


async def whole_body(request: web.Request, limit: int) -> bytes:
    """The body to its end, however many pieces it comes in; 413 past `limit` bytes,
    declared or (chunked) counted as it arrives."""
    if (request.content_length or 0) > limit:
        raise ApiError(413, "too_large")
    raw = bytearray()
    try:
        async with asyncio.timeout(BODY_TIMEOUT):
            # `content.read(n)` answers with what has arrived so far: a body sent in two
            # pieces would be cut at the first.
            while chunk := await request.content.readany():
                raw += chunk
                if len(raw) > limit:
                    raise ApiError(413, "too_large")
    except TimeoutError:
        raise ApiError(408, "too_slow") from None
    return bytes(raw)


Endpoint = Callable[[Call], Awaitable[web.StreamResponse]]


class Gate:
    """Wraps endpoints in the checks every call needs."""

    def __init__(
        self,
        settings: Settings,
        translator: Translator,
        users: UsersRepo,
        limit: RateLimit[int] | None = None,
    ) -> None:
        self._token = settings.bot_token.get_secret_value()
        self._default = settings.default_locale
        self._translator = translator
        self._users = users
        self._limit = limit or RateLimit[int]()
        self._per_address = RateLimit[str](ADDRESS_RATE, ADDRESS_BURST)
        self._proxies = settings.proxies

    def __call__(
        self, endpoint: Endpoint
    ) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
        async def handle(request: web.Request) -> web.StreamResponse:
            init_data = request.headers.get(INIT_DATA_HEADER, "")
            if not self._per_address.allow(client_address(request, self._proxies)):
                return error_response(ApiError(429, "rate_limited"), self._claimed(init_data))
            try:
                caller = caller_of(init_data, self._token)
            except NotSigned as refused:
                t = self._claimed(init_data)
                # The page offers to close it (then open the shop again) with this label.
                reopen = ApiError(401, refused.code, extra={"close": plain(t("webapp-close"))})
                return error_response(reopen, t)
            t = await self.texts(caller)
            if not self._limit.allow(caller.id):
                return error_response(ApiError(429, "rate_limited"), t)
            try:
                return await endpoint(Call(request, caller, t))
            except ApiError as error:
                return error_response(error, t)
            except Exception:
                log.exception("mini app: %s %s failed", request.method, request.path)
                return error_response(ApiError(500, "internal"), t)

        return handle

    def _claimed(self, init_data: str) -> Texts:
        """The texts of the language unchecked initData claims: to word a refusal only."""
        return self._translator.texts(pick_locale(None, claimed_language(init_data), self._default))

    async def texts(self, caller: Caller) -> Texts:
        customer = await self._users.get(caller.id)
        stored = customer.language if customer else None
        return self._translator.texts(pick_locale(stored, caller.language_code, self._default))


def whole(value: object) -> int | None:
    """An id or count from JSON: an int (not a bool), or digits in a short string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if 0 <= value < 2**63 else None
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19:
        return int(value)
    return None
