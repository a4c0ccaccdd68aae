"""All routers, in the order updates try them: specific first, the fallback last.

Each module builds its router in `create_router()`, so every Dispatcher (a test's, or the
bot's after a restart in the same process) gets routers of its own: aiogram lets a router
be attached only once.
"""

from __future__ import annotations

from aiogram import Router

from handlers import balance, fallback, language, order, start


def build_router() -> Router:
    root = Router(name="handlers")
    root.include_routers(
        start.create_router(),
        language.create_router(),
        balance.create_router(),
        order.create_router(),
        fallback.create_router(),
    )
    return root
