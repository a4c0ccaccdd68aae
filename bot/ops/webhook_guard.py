"""Webhook calls only from Telegram's published address ranges, as defence in depth: the
secret token alone, once leaked, would let anyone post updates as any user, admins too.

The address is the one `bot.addresses` reads (X-Forwarded-For believed from a trusted
proxy only). Behind a proxy that hides Telegram's address (a CDN in front of yours),
WEBHOOK_IP_FILTER=false turns the check off.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from aiogram.webhook.security import IPFilter
from aiohttp import web
from aiohttp.typedefs import Middleware

from bot.addresses import client_address
from bot.settings import Network

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# Addresses whose refusal was logged: once each, and no more than this many.
MAX_WARNED = 1000


def from_telegram(address: str, ranges: IPFilter) -> bool:
    try:
        return address in ranges
    except ValueError:  # IPv6, or no address at all: Telegram posts over IPv4
        return False


def telegram_only(path: str, proxies: tuple[Network, ...]) -> Middleware:
    """A middleware refusing (403) posts to the webhook's `path` from anywhere else."""
    ranges = IPFilter.default()
    warned: set[str] = set()

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.path == path:
            address = client_address(request, proxies)
            if not from_telegram(address, ranges):
                if address not in warned and len(warned) < MAX_WARNED:
                    warned.add(address)
                    log.warning(
                        "webhook: refused a call from %s, not one of Telegram's addresses"
                        " (behind another proxy? see WEBHOOK_IP_FILTER, TRUSTED_PROXIES)",
                        address or "an unknown address",
                    )
                raise web.HTTPForbidden()
        return await handler(request)

    return guard
