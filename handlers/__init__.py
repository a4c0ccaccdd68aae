"""All routers, in the order updates try them: specific first, the fallback last.

Each module builds its router in `create_router()`, so every Dispatcher (a test's, or the
bot's after a restart in the same process) gets routers of its own: aiogram lets a router
be attached only once.
"""

from __future__ import annotations

from aiogram import Router

from handlers import (
    admin,
    admin_catalogue,
    admin_customers,
    admin_shop,
    balance,
    fallback,
    inline,
    language,
    membership,
    order,
    orders,
    payments,
    start,
    topup,
)


def build_router() -> Router:
    root = Router(name="handlers")
    root.include_routers(
        # First: a payment is credited whatever conversation the customer is in.
        payments.create_router(),
        # Admins' /balance adds the panel's to their own; others fall through to theirs.
        admin_shop.create_router(),
        start.create_router(),
        language.create_router(),
        balance.create_router(),
        topup.create_router(),
        order.create_router(),
        orders.create_router(),
        membership.create_router(),
        admin.create_router(),
        admin_customers.create_router(),
        admin_catalogue.create_router(),
        inline.create_router(),
        fallback.create_router(),
    )
    return root
