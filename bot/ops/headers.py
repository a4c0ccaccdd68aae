"""The headers every response of the bot's servers carries, whatever answered it: the page's
content security policy, no MIME sniffing, no referrer, no caching of what is personal, and
no `Server: Python/… aiohttp/…` banner telling a prober which versions to try."""

from __future__ import annotations

from aiohttp import web

# The Mini App's page loads its own modules and styles and Telegram's script; Telegram's web
# clients (web.telegram.org /k/ and /a/) show it in a frame, nobody else may.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' https://telegram.org",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors https://web.telegram.org https://*.telegram.org",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


async def secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    """An `on_response_prepare` hook (aiohttp has set its own headers by then)."""
    response.headers.update(SECURITY_HEADERS)
    response.headers.popall("Server", None)
    # Answers are personal (balances, orders) or live (health): kept by no cache. The
    # page's files may be; an answer that says how it is cached (the catalogue's ETag) keeps it.
    if not isinstance(response, web.FileResponse):
        response.headers.setdefault("Cache-Control", "no-store")
