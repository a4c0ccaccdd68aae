"""Inline mode, in any chat: `@bot 23501` shows that order's card, only if it is the asker's;
`@bot views` lists the services sold, each opening the bot at its order.

Answers come from SQLite and the catalogue in hand (an inline query must not wait on the
panel), are personal with a short cache time (one user's orders never reach another), and
never show a private invite link: the card is posted into group chats.
"""

from __future__ import annotations

import dataclasses
import re

from aiogram import Bot, Router
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
)
from aiogram.types.inline_query_result_union import InlineQueryResultUnion

from bot.catalogue import Catalogue, CatalogueUnavailable
from bot.formats import Money
from bot.i18n import Texts
from bot.money import Amounts, display
from bot.orders.prices import Pricer, Prices
from bot.orders.steps import is_package
from bot.orders.texts import order_card, status_name
from bot.panel import Service
from bot.settings import Settings
from bot.storage import Order, OrdersRepo, UsersRepo
from bot.telegram.links import service_link
from bot.validation import is_private_invite

CACHE_SECONDS = 5
LATEST = 10
MAX_SERVICES = 20
# Order numbers: digits, or the letters some panels use; nothing SQL's LIKE treats specially.
_NUMBER = re.compile(r"#?([A-Za-z0-9]{1,32})")


def _article(order: Order, t: Texts, amounts: Amounts) -> InlineQueryResultArticle:
    if is_private_invite(order.link):
        order = dataclasses.replace(order, link=t("inline-private-link"))
    return InlineQueryResultArticle(
        id=f"order-{order.id}",
        title=t.plain("inline-title", number=str(order.id), status=status_name(t, order.status)),
        description=f"{order.service_name} × {t.write(order.quantity)}",  # noqa: RUF001  # meant
        input_message_content=InputTextMessageContent(message_text=order_card(t, order, amounts)),
    )


def _service_article(
    prices: Prices, service: Service, link: str, t: Texts, settings: Settings
) -> InlineQueryResultArticle:
    snapshot = prices.snapshot

    def shown(at: Prices) -> Money:
        return display(at.per_1000(service), settings.price_decimals, snapshot.currency)

    name = snapshot.name(service, t.locale)
    # The result's line is the asker's own price; the card they post is read by a whole
    # chat, who pay the shop's price, and one customer's discount is nobody else's business.
    price, posted = shown(prices), shown(prices.full)
    category = snapshot.categories[snapshot.category_of[service.id]]
    button = InlineKeyboardButton(text=t.plain("inline-service-order"), url=link)
    package = "yes" if is_package(service) else "no"
    return InlineQueryResultArticle(
        id=f"service-{service.id}",
        title=name,
        description=t.plain(
            "inline-service-price",
            price=price,
            package=package,
            category=snapshot.category_name(category, t.locale),
        ),
        url=link,
        input_message_content=InputTextMessageContent(
            message_text=t("inline-service-card", service=name, price=posted, package=package)
        ),
        reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]]),
    )


async def services(
    query: InlineQuery,
    text: str,
    bot: Bot,
    catalogue: Catalogue,
    pricer: Pricer,
    settings: Settings,
    t: Texts,
) -> bool:
    """Answer with the shown services matching `text`, each opening the bot at its order;
    False if none match. From the catalogue in hand: an inline answer must not wait on the
    panel, unless there is no catalogue yet."""
    try:
        snapshot = await catalogue.cached()
    except CatalogueUnavailable:
        return False
    found = snapshot.search(text)[:MAX_SERVICES]
    if not found:
        return False
    username = (await bot.me()).username or ""
    prices = await pricer.prices(query.from_user.id, snapshot)
    articles: list[InlineQueryResultUnion] = [
        _service_article(
            prices,
            service,
            service_link(username, service.id),
            t,
            settings,
        )
        for service in found
    ]
    # Personal: results are in the asker's language.
    await query.answer(articles, is_personal=True, cache_time=CACHE_SECONDS)
    return True


async def lookup(
    query: InlineQuery,
    bot: Bot,
    users: UsersRepo,
    orders: OrdersRepo,
    amounts: Amounts,
    catalogue: Catalogue,
    pricer: Pricer,
    settings: Settings,
    t: Texts,
) -> None:
    text = query.query.strip()
    if await users.get(query.from_user.id) is None:
        # Someone who never opened the bot has no orders, but may look for a service.
        if text and await services(query, text, bot, catalogue, pricer, settings, t):
            return
        # Someone who never opened the bot has no orders; offer the way in.
        await query.answer(
            [],
            is_personal=True,
            cache_time=CACHE_SECONDS,
            button=InlineQueryResultsButton(text=t("inline-start"), start_parameter="inline"),
        )
        return
    if not text:
        found = await orders.list_for_user(query.from_user.id, LATEST)
    elif match := _NUMBER.fullmatch(text):
        found = await orders.find_for_user(query.from_user.id, match.group(1), LATEST)
    else:
        found = []
    # Not one of the asker's orders: a word ("views") looks for services.
    if not found and text and await services(query, text, bot, catalogue, pricer, settings, t):
        return
    button = None
    if not found:
        key = "inline-no-orders" if not text else "inline-no-match"
        if text and not any(c.isdigit() for c in text):
            # A word ("views") is no order number: "no order numbered views" is nonsense.
            key = "inline-no-word-match"
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
