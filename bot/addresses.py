"""Who sent an HTTP request: the connection's address, or, when that is a proxy we trust,
the address the proxy says it forwarded for (`X-Forwarded-For`).

The header is believed only from a trusted proxy, and read from the right: each proxy
appends the address it saw, so the rightmost entry not ours is the first one no proxy of
ours wrote (the leftmost is whatever the client chose to send). Behind one proxy that sets
the header this is aiogram's reading (`aiogram.webhook.aiohttp_server.check_ip`); unlike
aiogram's, a client that reaches the bot directly cannot choose its address.
"""

from __future__ import annotations

from collections.abc import Iterable
from ipaddress import IPv4Address, IPv6Address, ip_address

from aiohttp import web

from bot.settings import Network


def _address(text: str) -> IPv4Address | IPv6Address | None:
    try:
        address = ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 peer on a dual-stack socket reads ::ffff:1.2.3.4.
    if isinstance(address, IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


def _trusted(address: IPv4Address | IPv6Address, proxies: Iterable[Network]) -> bool:
    return any(address.version == network.version and address in network for network in proxies)


def client_address(request: web.BaseRequest, proxies: tuple[Network, ...]) -> str:
    """The address the request came from, as text; "" if there is none to tell."""
    peer = _address(request.remote or "")
    if peer is None:
        return ""
    if not _trusted(peer, proxies):
        return str(peer)
    forwarded = ",".join(request.headers.getall("X-Forwarded-For", ()))
    client = peer
    for entry in reversed(forwarded.split(",") if forwarded else ()):
        hop = _address(entry)
        if hop is None:  # garbled by whoever wrote it: the last hop we could read
            break
        client = hop
        if not _trusted(hop, proxies):
            break
    return str(client)
