"""Inline mode, in any chat: `@bot 23501` shows that order's card, only if it is the asker's.

Answers come from SQLite alone (an inline query must not wait on the panel), are personal
with a short cache time (one user's orders never reach another), and never show a private
invite link: the card is posted into group chats.
"""

from __future__ import annotations

import dataclasses
import re

from aiogram import Router
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
)

from bot.i18n import Texts
from bot.order_texts import Amounts, order_card, status_name
from bot.storage import Order, OrdersRepo, UsersRepo
from bot.validation import is_private_invite

CACHE_SECONDS = 5
LATEST = 10
# Order numbers: digits, or the letters some panels use; nothing SQL's LIKE treats specially.
_NUMBER = re.compile(r"#?([A-Za-z0-9]{1,32})")


def _article(order: Order, t: Texts, amounts: Amounts) -> InlineQueryResultArticle:
    if is_private_invite(order.link):
        order = dataclasses.replace(order, link=t("inline-private-link"))
    number = order.panel_order_id or f"#{order.id}"
    return InlineQueryResultArticle(
        id=f"order-{order.id}",
        title=t.plain("inline-title", number=number, status=status_name(t, order.status)),
        description=f"{order.service_name} × {order.quantity}",  # noqa: RUF001  # meant
        input_message_content=InputTextMessageContent(message_text=order_card(t, order, amounts)),
    )


async def lookup(
    query: InlineQuery, users: UsersRepo, orders: OrdersRepo, amounts: Amounts, t: Texts
) -> None:
    if await users.get(query.from_user.id) is None:
        # Someone who never opened the bot has no orders; offer the way in.
        await query.answer(
            [],
            is_personal=True,
            cache_time=CACHE_SECONDS,
            button=InlineQueryResultsButton(text=t("inline-start"), start_parameter="inline"),
        )
        return
    text = query.query.strip()
    if not text:
        found = await orders.list_for_user(query.from_user.id, LATEST)
    elif match := _NUMBER.fullmatch(text):
        found = await orders.find_for_user(query.from_user.id, match.group(1), LATEST)
    else:
        found = []
    button = None
    if not found:
        key = "inline-no-orders" if not text else "inline-no-match"
        button = InlineQueryResultsButton(
            text=t.plain(key, query=text[:32]), start_parameter="orders"
        )
    await query.answer(
        [_article(order, t, amounts) for order in found],
        is_personal=True,
        cache_time=CACHE_SECONDS,
        button=button,
    )


def create_router() -> Router:
    router = Router(name="inline")
    router.inline_query.register(lookup)
    return router
