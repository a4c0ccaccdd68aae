"""The bot's HTTP servers at the socket: bodies in pieces, chunked bodies, nested JSON,
malformed requests, idle connections, headers, who may see the ops routes."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from pydantic import HttpUrl

from bot.app import create_dispatcher
from bot.ops.server import ListenError, ops_app, public_app, serving, webhook_app
from bot.settings import Settings
from bot.webapp import api as webapp_api
from bot.webapp.api import INIT_DATA_HEADER, MAX_BODY
from tests.e2e.bot_process import free_port
from tests.webapp.conftest import Api, init_data
from tests.webapp.test_api import DEFAULT, GOOD, version


async def raw_request(port: int, *pieces: bytes, pause: float = 0.3) -> tuple[int, bytes]:
    """Send `pieces` over one connection with a pause between them, as a slow mobile
    network or a streaming proxy does; the answer's status and body."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for number, piece in enumerate(pieces):
            if number:
                await asyncio.sleep(pause)
            writer.write(piece)
            await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = next(
            int(line.split(b":", 1)[1])
            for line in head.split(b"\r\n")
            if line.lower().startswith(b"content-length:")
        )
        return status, await reader.readexactly(length)
    finally:
        writer.close()


def post_head(path: str, **headers: str) -> bytes:
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: close"]
    lines += [f"{name.replace('_', '-')}: {value}" for name, value in headers.items()]
    lines.append(f"{INIT_DATA_HEADER}: {init_data()}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


async def quote_body(api: Api, size: int) -> bytes:
    """A good quote's JSON, padded to `size` bytes (a long comment list's size)."""
    body = {"service_id": DEFAULT, "version": await version(api), "answers": GOOD, "pad": ""}
    pad = size - len(json.dumps(body).encode())
    return json.dumps(body | {"pad": "x" * pad}).encode()


def with_settings(dp: Dispatcher, settings: Settings) -> Dispatcher:
    """A dispatcher like `dp` (same database, panel, texts) with other settings."""
    return create_dispatcher(
        settings=settings, db=dp["db"], panel=dp["panel"], translator=dp["translator"]
    )


def port_of(api: Api) -> int:
    port = api.http.server.port
    assert port is not None
    return port


# --- bodies ---------------------------------------------------------------------------------


async def test_a_body_sent_in_pieces_is_read_whole(api: Api) -> None:
    body = await quote_body(api, 3000)
    head = post_head("/app/api/quote", Content_Type="application/json")
    head = head.replace(b"\r\n\r\n", f"\r\nContent-Length: {len(body)}\r\n\r\n".encode())
    status, answer = await raw_request(port_of(api), head + body[:1000], body[1000:])
    assert status == 200, answer
    assert json.loads(answer)["quantity"] == 100


def chunked(body: bytes, size: int) -> list[bytes]:
    pieces = [body[at : at + size] for at in range(0, len(body), size)]
    return [f"{len(piece):x}\r\n".encode() + piece + b"\r\n" for piece in pieces] + [b"0\r\n\r\n"]


async def test_a_chunked_body_is_read_whole_and_refused_past_the_limit(api: Api) -> None:
    head = post_head("/app/api/quote", Content_Type="application/json", Transfer_Encoding="chunked")
    body = await quote_body(api, 3000)
    status, answer = await raw_request(port_of(api), head, *chunked(body, 1000), pause=0.1)
    assert status == 200, answer
    huge = await quote_body(api, 100 * 1024)
    status, answer = await raw_request(port_of(api), head, *chunked(huge, 16 * 1024), pause=0.05)
    assert (status, json.loads(answer)["error"]["code"]) == (413, "too_large")
    assert len(huge) > MAX_BODY


# --- which server answers what --------------------------------------------------------------


async def test_the_public_server_answers_health_but_not_the_operators_pages(api: Api) -> None:
    """What a proxy forwards to (the Mini App's, the webhook's server) must not tell the
    panel's balance and order volume: those are on OPS_LISTEN only."""
    assert (await api.http.get("/healthz")).status == 200
    assert (await api.http.get("/metrics")).status == 404
    assert (await api.http.get("/readyz")).status == 404


# --- headers --------------------------------------------------------------------------------


def assert_hardened(response: ClientResponse) -> None:
    headers = response.headers
    assert "frame-ancestors https://web.telegram.org" in headers["Content-Security-Policy"]
    assert "script-src 'self' https://telegram.org;" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert "Server" not in headers, headers["Server"]


async def test_every_answer_carries_the_security_headers(
    api: Api, dp: Dispatcher, bot: Bot, settings: Settings
) -> None:
    answers = [
        await api.http.get("/app/"),
        await api.http.get("/app/static/app.js"),
        await api.call("POST", "me"),
        await api.call("POST", "me", headers={INIT_DATA_HEADER: "forged"}),
        await api.http.get("/app/api/nothing-here"),
        await api.http.get("/healthz"),
    ]
    for answer in answers:
        assert_hardened(answer)
    page, script, me, refused, missing, health = answers
    assert "<script" in await page.text()
    assert (me.status, refused.status, missing.status) == (200, 401, 404)
    # What is personal or live is kept by no cache; the page's own files may be.
    for answer in (me, refused, missing, health):
        assert answer.headers["Cache-Control"] == "no-store"
    assert "no-store" not in script.headers.get("Cache-Control", "")
    catalogue = await api.call("GET", "catalogue")
    assert catalogue.headers["Cache-Control"] == "private, no-cache"  # revalidated by ETag

    async with TestClient(TestServer(ops_app(dp))) as ops:
        assert_hardened(await ops.get("/metrics"))
    hooked = settings.model_copy(update={"webhook_url": HttpUrl("https://bot.example/tg")})
    webhook = webhook_app(with_settings(dp, hooked), bot)
    async with TestClient(TestServer(webhook)) as telegram:
        assert_hardened(await telegram.post("/tg", json={}))


# --- slow, idle and too many ----------------------------------------------------------------


@pytest.fixture
async def served(dp: Dispatcher, bot: Bot) -> AsyncIterator[int]:
    """The Mini App's server as the bot runs it (`serving`), closing connections that have
    sent no whole request's headers for 0.5 s; its port."""
    port = free_port()
    async with serving(public_app(dp, bot), f"127.0.0.1:{port}", 1, idle=0.5):
        yield port


async def closed_by_server(reader: asyncio.StreamReader) -> bool:
    # The bound only keeps a failing test from hanging: the server closes after 0.5 s.
    return await asyncio.wait_for(reader.read(), 20) == b""


async def test_idle_and_half_sent_connections_are_closed(served: int) -> None:
    silent = await asyncio.open_connection("127.0.0.1", served)
    half = await asyncio.open_connection("127.0.0.1", served)
    half[1].write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    try:
        assert await closed_by_server(silent[0])
        assert await closed_by_server(half[0])
    finally:
        silent[1].close()
        half[1].close()
    # A whole request is answered as ever, and its connection kept for the next one.
    reader, writer = await asyncio.open_connection("127.0.0.1", served)
    writer.write(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    assert (await reader.readuntil(b"\r\n\r\n")).startswith(b"HTTP/1.1 200")
    writer.close()


async def test_a_body_that_stops_half_way_is_answered_408(
    api: Api, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(webapp_api, "BODY_TIMEOUT", 0.5)
    head = post_head("/app/api/quote", Content_Type="application/json", Content_Length="100")
    reader, writer = await asyncio.open_connection("127.0.0.1", port_of(api))
    writer.write(head + b'{"service_id": 1')
    try:
        # Up to the end of the JSON answer, not the connection's: aiohttp lingers up to 10 s
        # reading what is left of the body before it closes.
        answer = await asyncio.wait_for(reader.readuntil(b"}}"), 20)
    finally:
        writer.close()
    assert answer.startswith(b"HTTP/1.1 408")
    assert b'"too_slow"' in answer


@pytest.fixture
async def strict_api(
    dp: Dispatcher, bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Api]:
    """The API with an address's bucket refilled too slowly to matter within a test."""
    monkeypatch.setattr(webapp_api, "ADDRESS_RATE", 0.001)
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        yield Api(http)


async def test_calls_are_limited_per_address_forged_ones_too(strict_api: Api) -> None:
    api = strict_api
    forged = {INIT_DATA_HEADER: "user=%7B%22id%22%3A1%7D&hash=00"}
    codes = [(await api.call("POST", "me", headers=forged)).status for _ in range(210)]
    assert codes[: webapp_api.ADDRESS_BURST] == [401] * webapp_api.ADDRESS_BURST
    assert set(codes[webapp_api.ADDRESS_BURST :]) == {429}
    # Signed calls from that address wait too; another address (behind our proxy) does not.
    await api.refused("POST", "me", 429, "rate_limited")
    assert (await api.call("POST", "me", headers={"X-Forwarded-For": "203.0.113.9"})).status == 200


# --- what a stranger's bytes cannot do ------------------------------------------------------


async def test_deeply_nested_json_is_a_bad_request(
    api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    nested = "[" * 30_000 + "]" * 30_000  # 60 KB, within the body limit
    headers = {"Content-Type": "application/json"}
    await api.refused("POST", "quote", 400, "bad_request", data=nested, headers=headers)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-A: \x01\x02\r\n\r\n",
        b"GET /healthz HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        b"G@T /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /healthz HTTP/9.9\r\n\r\n",
    ],
)
async def test_malformed_requests_are_refused_without_a_traceback(
    served: int, request_bytes: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    reader, writer = await asyncio.open_connection("127.0.0.1", served)
    writer.write(request_bytes)
    try:
        answer = await asyncio.wait_for(reader.read(), 20)
    finally:
        writer.close()
    assert answer.split(b"\r\n")[0].endswith(b" 400 Bad Request"), answer
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING or r.exc_info]
    [logged] = [r.getMessage() for r in caplog.records if r.name == "bot.ops.http"]
    assert logged.startswith("refused a malformed request from 127.0.0.1: ")
    assert "\n" not in logged


# --- who may post to the webhook ------------------------------------------------------------

TELEGRAM = "149.154.167.197"  # in 149.154.160.0/20, one of Telegram's published ranges


@pytest.fixture
def webhook_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"webhook_url": HttpUrl("https://bot.example/tg")})


async def post_update(
    http: TestClient[Any, Any], settings: Settings, forwarded_for: str | None = None
) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": settings.webhook_token}
    if forwarded_for is not None:
        headers["X-Forwarded-For"] = forwarded_for
    async with http.post("/tg", json={"update_id": 1}, headers=headers) as answer:
        return answer.status


async def test_the_webhook_takes_calls_from_telegrams_addresses_only(
    dp: Dispatcher, bot: Bot, webhook_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """The test client is 127.0.0.1, a trusted proxy by default: its X-Forwarded-For says
    where a call came from; without one the call is the proxy's own."""
    async with TestClient(
        TestServer(webhook_app(with_settings(dp, webhook_settings), bot))
    ) as http:
        assert await post_update(http, webhook_settings, TELEGRAM) == 200
        assert await post_update(http, webhook_settings, "203.0.113.5") == 403
        assert await post_update(http, webhook_settings) == 403
        # A client's own X-Forwarded-For comes first; the one our proxy saw, last.
        assert await post_update(http, webhook_settings, f"{TELEGRAM}, 203.0.113.5") == 403
        assert await post_update(http, webhook_settings, f"203.0.113.5, {TELEGRAM}") == 200
        assert await post_update(http, webhook_settings, "::1, garbage") == 403
        assert (await http.get("/healthz")).status == 200  # the rest of the server is not held
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len([w for w in warnings if "refused a call from 203.0.113.5" in w]) == 1


@pytest.mark.parametrize(
    ("update", "telegram_status", "local_status"),
    [
        # Nobody's X-Forwarded-For believed: a call is from whoever connected.
        ({"trusted_proxies": ""}, 403, 403),
        # Behind another proxy that hides Telegram's address: the check is off.
        ({"webhook_ip_filter": False}, 200, 200),
    ],
)
async def test_the_webhooks_address_check_follows_the_settings(
    dp: Dispatcher,
    bot: Bot,
    webhook_settings: Settings,
    update: dict[str, Any],
    telegram_status: int,
    local_status: int,
) -> None:
    changed = webhook_settings.model_copy(update=update)
    async with TestClient(TestServer(webhook_app(with_settings(dp, changed), bot))) as http:
        assert await post_update(http, changed, TELEGRAM) == telegram_status
        assert await post_update(http, changed) == local_status
        # Whatever the address, the secret is still asked for.
        async with http.post("/tg", json={"update_id": 2}) as unsigned:
            assert unsigned.status in {401, 403}


# --- how long a page's sign-in lasts --------------------------------------------------------


async def test_init_data_two_hours_old_is_refused_with_a_way_back(api: Api) -> None:
    """A copy of someone's initData is worth an hour, not a day; the refusal brings the
    label of the page's button that closes it, to open the shop again from the bot."""
    fresh_enough = {INIT_DATA_HEADER: init_data(age=50 * 60)}
    assert (await api.call("POST", "me", headers=fresh_enough)).status == 200
    old = {INIT_DATA_HEADER: init_data(language="uz", age=2 * 3600)}
    error = await api.refused("POST", "me", 401, "expired", headers=old)
    assert error["close"] == "Yopish"


async def test_a_busy_port_is_named_with_its_setting(dp: Dispatcher) -> None:
    """The operator's listener is on by default: a port already taken says which setting
    to change, in one line."""
    port = free_port()
    async with serving(ops_app(dp), f"127.0.0.1:{port}", 1, setting="OPS_LISTEN"):
        with pytest.raises(ListenError) as busy:
            async with serving(ops_app(dp), f"127.0.0.1:{port}", 1, setting="OPS_LISTEN"):
                pass
    assert str(busy.value) == (
        f"OPS_LISTEN: cannot listen on 127.0.0.1:{port} (Address already in use); set"
        " OPS_LISTEN to another host:port"
    )
