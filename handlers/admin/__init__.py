"""The admins' desk. One filter for all of it: the sender is in `ADMIN_IDS` and writes in a
private chat. For anyone else, or in a group, these commands fall through to the customers'
handlers and the fallback and answer exactly as unknown commands do."""

from __future__ import annotations

from aiogram import F, Router

from bot.telegram.filters import IsAdmin
from handlers.admin import (
    api_keys,
    backup,
    broadcast,
    catalogue,
    customers,
    fallbacks,
    greeting,
    panels,
    promos,
    shop,
    shop_panel,
    tickets,
    topups,
    transfers,
    unknown,
)


def create_router() -> Router:
    router = Router(name="admin")
    router.message.filter(IsAdmin(), F.chat.type == "private")
    router.callback_query.filter(IsAdmin(), F.message.chat.type == "private")
    router.include_routers(
        shop.create_router(),
        panels.create_router(),
        broadcast.create_router(),
        topups.create_router(),
        transfers.create_router(),
        customers.create_router(),
        api_keys.create_router(),
        unknown.create_router(),
        catalogue.create_router(),
        fallbacks.create_router(),
        shop_panel.create_router(),
        backup.create_router(),
        tickets.create_router(),
        greeting.create_router(),
        promos.create_router(),
    )
    return router
