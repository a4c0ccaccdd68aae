"""All routers, in the order updates try them: specific first, the fallback last.

Each module builds its router in `create_router()`, so every Dispatcher (a test's, or the
bot's after a restart in the same process) gets routers of its own: aiogram lets a router
be attached only once.
"""

from __future__ import annotations

from aiogram import Router

from handlers import admin, customer, fallback


def build_router() -> Router:
    root = Router(name="handlers")
    root.include_routers(
        # First: a payment is credited whatever conversation the customer is in. Then the
        # admins' commands (an admin's /balance adds the panel's; others fall through).
        customer.payments.create_router(),
        admin.create_router(),
        customer.create_router(),
        fallback.create_router(),
    )
    return root
