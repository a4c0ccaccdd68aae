"""What customers use, in the order updates try it (payments come first of all: see
`handlers.build_router`)."""

from __future__ import annotations

from aiogram import Router

from handlers.customer import (
    api_key,
    balance,
    broadcasts,
    crypto,
    identity,
    inline,
    language,
    massorder,
    membership,
    my_orders,
    order,
    pay_by_link,
    payments,
    promo,
    referral,
    start,
    support,
    topup,
    transfer,
)

__all__ = ["create_router", "payments"]


def create_router() -> Router:
    router = Router(name="customer")
    router.include_routers(
        # Support first: a reply to our answer continues the ticket whatever conversation
        # is under way, and "Ask about this order" goes ahead of My orders' buttons.
        support.create_router(),
        # A receipt lands whatever conversation the customer is in; 💳's amount and its
        # /cancel go ahead of the Stars top-up's.
        transfer.create_router(),
        # Typing a top-up amount: its /cancel goes ahead of the order's, which would speak
        # of an order. The order's deep link (/start svc_12) goes ahead of the plain /start.
        topup.create_router(),
        crypto.create_router(),
        pay_by_link.create_router(),
        # Typing a promo code: its /cancel speaks of the code, not of an order.
        promo.create_router(),
        # Its /cancel, while a list is typed or summed up, speaks of the mass order.
        massorder.create_router(),
        order.create_router(),
        start.create_router(),
        referral.create_router(),
        identity.create_router(),
        broadcasts.create_router(),
        language.create_router(),
        balance.create_router(),
        api_key.create_router(),
        my_orders.create_router(),
        membership.create_router(),
        inline.create_router(),
    )
    return router
