"""HTTP: Telegram's webhook, the Mini App's server (and the shop's API v2), health
(`/healthz`, `/readyz`) and Prometheus `/metrics`.

`/readyz` and `/metrics` tell the panel's balance and the order volume: they are served on
their own listener (OPS_LISTEN, loopback by default), not on the servers a proxy forwards
to, which answer only `/healthz` besides the webhook and the Mini App.

With a webhook an update is acknowledged only when its handler has returned
(`handle_in_background=False`): Telegram sends again whatever a crash cut short, as
long polling's offset does. A request without the secret token gets 401 and touches nothing.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

from bot.ops.click_endpoint import add_click_routes
from bot.ops.headers import secure_headers
from bot.ops.metrics import CONTENT_TYPE, Metrics
from bot.ops.payme_endpoint import add_payme_route
from bot.ops.webhook_guard import telegram_only
from bot.payments import Payments
from bot.payments.crypto import Crypto
from bot.payments.crypto_webhook import crypto_webhook
from bot.settings import Settings, parse_listen
from bot.shopapi.server import add_shopapi_routes
from bot.storage import Database, OutboxRepo
from bot.webapp import add_webapp_routes

log = logging.getLogger(__name__)

# Seconds a connection may go without a whole request's headers, idle between requests
# too: one opened and left silent, or sent half a header, holds nothing for long. Above the
# 10-20 s a mobile network may take, below what a proxy keeps an upstream connection.
IDLE_TIMEOUT = 30.0
# How long /readyz waits for the database before it says it is not ready.
DB_CHECK_TIMEOUT = 5.0
# Sweeps this many intervals overdue (or the panel silent as long) make the bot not ready.
STALE_SWEEPS = 3


class ListenError(Exception):
    """A server could not listen where the settings say."""


class MalformedRequests(logging.Filter):
    """aiohttp logs a request it cannot parse (a bad header, a bad method) with its
    traceback at ERROR: that is a stranger's input, not our fault, so one line at INFO.
    A handler's own failure (500) stays an error with its traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, HttpProcessingError):
            remote = record.args[0] if isinstance(record.args, tuple) and record.args else "?"
            reason = " ".join(str(error.message).split())  # aiohttp's spans lines
            record.msg = "refused a malformed request from %s: %s"
            record.args = (remote, reason)
            record.levelno, record.levelname = logging.INFO, "INFO"
            record.exc_info = record.exc_text = None
        return True


# What the servers themselves log (not the handlers): malformed requests, handler failures.
server_log = logging.getLogger("bot.ops.http")
server_log.addFilter(MalformedRequests())


async def healthz(request: web.Request) -> web.Response:
    return web.Response(text="ok\n")


def add_ops_routes(app: web.Application, dp: Dispatcher) -> None:
    """`/healthz`, and what only the operator should read: `/readyz` (why the bot is not
    ready) and `/metrics` (the panel's balance, order volume)."""
    metrics: Metrics = dp["metrics"]
    db: Database = dp["db"]
    outbox: OutboxRepo = dp["outbox"]
    settings: Settings = dp["settings"]
    stale_after = STALE_SWEEPS * settings.status_poll_interval + settings.panel_timeout

    async def readyz(request: web.Request) -> web.Response:
        try:
            await asyncio.wait_for(db.fetchone("SELECT 1"), DB_CHECK_TIMEOUT)
        except Exception as error:
            return web.Response(status=503, text=f"database: {type(error).__name__}\n")
        heard = max(t for t in (metrics.panel_answered, metrics.swept, metrics.started) if t)
        silent = time.monotonic() - heard
        if silent > stale_after:
            return web.Response(
                status=503, text=f"no panel answer and no sweep for {silent:.0f} s\n"
            )
        return web.Response(text="ok\n")

    async def metrics_page(request: web.Request) -> web.Response:
        metrics.outbox_pending.set(await outbox.pending())
        return web.Response(body=metrics.render(), headers={"Content-Type": CONTENT_TYPE})

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_page)


def add_public_routes(app: web.Application, dp: Dispatcher, bot: Bot, *, ops: bool) -> None:
    """`/healthz`, the Mini App where WEBAPP_URL is set, the shop's API v2 while API_ENABLED,
    payments' callbacks; the ops routes too only where OPS_LISTEN names this very server."""
    if ops:
        add_ops_routes(app, dp)
    else:
        app.router.add_get("/healthz", healthz)
    if dp["settings"].webapp_url is not None:
        add_webapp_routes(app, dp, bot)
    if dp["settings"].api_enabled:
        add_shopapi_routes(app, dp, bot)
    add_payment_routes(app, dp, bot)


def add_payment_routes(app: web.Application, dp: Dispatcher, bot: Bot) -> None:
    """Where providers tell the shop a payment was made: Crypto Pay's webhook while it is on,
    Payme's Merchant API and Click's SHOP-API while they are configured."""
    payments: Payments = dp["payments"]
    settings: Settings = dp["settings"]
    crypto = payments.by_name("crypto")
    if isinstance(crypto, Crypto) and settings.crypto_pay_token is not None:
        crypto.bot = bot
        app.router.add_routes(
            [crypto_webhook(crypto, settings.crypto_pay_token.get_secret_value())]
        )
    if dp["payme"].configured:
        add_payme_route(app, dp["payme_merchant"], bot)
    if dp["click"].configured:
        add_click_routes(app, dp["click_merchant"])


def new_app() -> web.Application:
    """Every server the bot runs starts here."""
    app = web.Application()
    app.on_response_prepare.append(secure_headers)
    return app


def public_app(dp: Dispatcher, bot: Bot, *, ops: bool = False) -> web.Application:
    """The server behind the reseller's proxy (HTTP_LISTEN): health and the Mini App."""
    app = new_app()
    add_public_routes(app, dp, bot, ops=ops)
    return app


def ops_app(dp: Dispatcher) -> web.Application:
    """The operator's server (OPS_LISTEN, loopback by default)."""
    app = new_app()
    add_ops_routes(app, dp)
    return app


@asynccontextmanager
async def serving(
    app: web.Application,
    listen: str,
    grace: float,
    *,
    setting: str = "HTTP_LISTEN",
    idle: float = IDLE_TIMEOUT,
) -> AsyncIterator[None]:
    """Serve `app` on `listen` (host:port, from `setting`) for the block; on the way out stop
    listening, then let requests still being handled finish for up to `grace` s. A
    connection without a whole request's headers for `idle` s is closed."""
    host, port = parse_listen(listen)
    runner = web.AppRunner(
        app,
        handle_signals=False,
        shutdown_timeout=grace,
        access_log=None,
        keepalive_timeout=idle,
        logger=server_log,
    )
    await runner.setup()
    try:
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError as error:
            # asyncio's strerror repeats the address: the errno's own words are enough.
            reason = os.strerror(error.errno) if error.errno else str(error)
            raise ListenError(
                f"{setting}: cannot listen on {listen} ({reason}); set {setting} to another"
                " host:port"
            ) from None
        log.info("listening on %s", listen)
        yield
    finally:
        await runner.cleanup()


async def until_signalled() -> None:
    """Return on SIGTERM (docker stop) or SIGINT (Ctrl+C)."""
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    signals = (signal.SIGTERM, signal.SIGINT)
    for number in signals:
        loop.add_signal_handler(number, stop.set)
    try:
        await stop.wait()
    finally:
        for number in signals:
            loop.remove_signal_handler(number)
    log.info("stopping: no new updates; waiting for the ones being handled")


def webhook_app(dp: Dispatcher, bot: Bot) -> web.Application:
    """Telegram's webhook at the path of WEBHOOK_URL, with health and the Mini App."""
    settings: Settings = dp["settings"]
    path = urlsplit(str(settings.webhook_url)).path or "/"
    app = new_app()
    if settings.webhook_ip_filter:
        app.middlewares.append(telegram_only(path, settings.proxies))
    # First, so the dispatcher's shutdown (it waits for running handlers) comes before the
    # request handler's own, which closes the bot's session.
    setup_application(app, dp, bot=bot)
    SimpleRequestHandler(
        dp, bot, handle_in_background=False, secret_token=settings.webhook_token
    ).register(app, path=path)
    add_public_routes(app, dp, bot, ops=settings.ops_listen == settings.webhook_listen)
    return app


async def serve_webhook(dp: Dispatcher, bot: Bot, settings: Settings, grace: float) -> None:
    url = str(settings.webhook_url)
    app = webhook_app(dp, bot)
    async with serving(app, settings.webhook_listen, grace, setting="WEBHOOK_LISTEN"):
        await bot.set_webhook(
            url,
            secret_token=settings.webhook_token,
            allowed_updates=dp.resolve_used_update_types(),
            drop_pending_updates=False,
        )
        log.info("webhook set; Telegram posts updates to %s", urlsplit(url).netloc)
        await until_signalled()
