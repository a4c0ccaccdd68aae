"""The bot's HTTP servers at the socket: bodies in pieces, chunked bodies, nested JSON,
malformed requests, idle connections, headers, who may see the ops routes."""

from __future__ import annotations

import asyncio
import json

from aiogram import Bot, Dispatcher
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from pydantic import HttpUrl

from bot.app import create_dispatcher
from bot.ops.server import ops_app, webhook_app
from bot.settings import Settings
from bot.webapp.api import INIT_DATA_HEADER, MAX_BODY
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
