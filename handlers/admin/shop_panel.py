"""`/shop`: every category and service, hidden ones too, a page at a time; a tap hides or
shows a service or a whole category.

Every change rebuilds the catalogue customers see at once: its version changes, so buttons
drawn before are stale.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.catalogue import Catalogue, Category, Page, Snapshot, paginate
from bot.catalogue.provenance import with_panel
from bot.catalogue.replies import current_snapshot, tapped_snapshot
from bot.i18n import Texts
from bot.money import Amounts, display_panel
from bot.orders.prices import Prices
from bot.orders.screens import listed_price
from bot.panel import Service
from bot.storage import ShopRepo
from bot.telegram.callbacks import ShopCategoryCb, ShopPageCb, ShopToggleCb
from bot.telegram.keyboards import LABEL_LIMIT, LIST_PAGE, label, nav_row
from bot.telegram.replies import edit_or_send

# Admins' catalogue panel. 👁 shown to customers, 🙈 hidden.
SHOWN, HIDDEN = "👁", "🙈"


def shop_categories(snapshot: Snapshot, page: Page[Category], t: Texts) -> InlineKeyboardMarkup:
    v = snapshot.version
    builder = InlineKeyboardBuilder()
    shown = {category.name for category in snapshot.categories}
    for category in page.items:
        mark = SHOWN if category.name in shown else HIDDEN
        builder.button(
            text=f"{mark} {label(category.name)} ({t.write(len(category.services))})",
            callback_data=ShopCategoryCb(v=v, cat=category.index, page=0),
        )
    nav = nav_row(builder, page.number, page.count, lambda n: ShopPageCb(v=v, page=n))
    builder.adjust(*[1] * len(page.items), *([nav] if nav else []))
    return builder.as_markup()


def shop_category(
    snapshot: Snapshot, category: Category, page: Page[Service], t: Texts
) -> InlineKeyboardMarkup:
    """Tapping a service hides or shows it; the first button does it for the category."""
    v, cat = snapshot.version, category.index
    builder = InlineKeyboardBuilder()
    hidden = snapshot.curation.category(category.name).hidden
    builder.button(
        text=t("shop-btn-show-category" if hidden else "shop-btn-hide-category"),
        callback_data=ShopToggleCb(v=v, cat=cat, page=page.number),
    )
    for service in page.items:
        mark = HIDDEN if snapshot.curation.service(service.id).hidden else SHOWN
        builder.button(
            text=f"{mark} #{service.id} {label(service.name, LABEL_LIMIT - 12)}",
            callback_data=ShopToggleCb(v=v, cat=cat, page=page.number, id=service.id),
        )
    nav = nav_row(builder, page.number, page.count, lambda n: ShopCategoryCb(v=v, cat=cat, page=n))
    builder.button(text=t("nav-back"), callback_data=ShopPageCb(v=v, page=cat // LIST_PAGE))
    builder.adjust(1, *[1] * len(page.items), *([nav] if nav else []), 1)
    return builder.as_markup()


def _categories_view(snapshot: Snapshot, page: int, t: Texts) -> tuple[str, InlineKeyboardMarkup]:
    shown = paginate(snapshot.every_category, page, LIST_PAGE)
    text = t(
        "shop-panel",
        categories=len(snapshot.every_category),
        shown=len(snapshot.categories),
        page=shown.number + 1,
        pages=shown.count,
    )
    return text, shop_categories(snapshot, shown, t)


def _category_view(
    snapshot: Snapshot, category: Category, page: int, t: Texts, amounts: Amounts
) -> tuple[str, InlineKeyboardMarkup]:
    rule = snapshot.curation.category(category.name)
    shown = paginate(category.services, page, LIST_PAGE)
    text = t(
        "shop-panel-category",
        category=category.name,
        hidden="yes" if rule.hidden else "no",
        markup="—" if rule.markup is None else f"{t.write(rule.markup.normalize())}%",
        position="—" if rule.position is None else rule.position,
        page=shown.number + 1,
        pages=shown.count,
    )
    # What each service costs the shop and what customers pay: the buttons have no room.
    lines = [
        with_panel(
            t(
                "shop-panel-service",
                id=str(service.id),
                service=service.name,
                cost=display_panel(service.rate, snapshot.currency),
                price=listed_price(Prices(snapshot, amounts.decimals), service, t, amounts),
            ),
            service,
            t,
            " · ",
        )
        for service in shown.items
    ]
    return "\n".join([text, "", *lines]), shop_category(snapshot, category, shown, t)


async def shop_command(message: Message, catalogue: Catalogue, t: Texts) -> None:
    snapshot = await current_snapshot(catalogue, message, t)
    if snapshot is not None:
        text, markup = _categories_view(snapshot, 0, t)
        await message.answer(text, reply_markup=markup)


async def shop_button(
    query: CallbackQuery,
    callback_data: ShopPageCb | ShopCategoryCb | ShopToggleCb,
    catalogue: Catalogue,
    shop: ShopRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    tapped = await tapped_snapshot(query, catalogue, t)
    if tapped is None:
        return
    message, snapshot = tapped
    if snapshot.version != callback_data.v:
        await query.answer(t("catalogue-changed"), show_alert=True)
        await edit_or_send(message, *_categories_view(snapshot, 0, t))
        return
    await query.answer()
    if isinstance(callback_data, ShopPageCb):
        await edit_or_send(message, *_categories_view(snapshot, callback_data.page, t))
        return
    index = callback_data.cat
    if not 0 <= index < len(snapshot.every_category):
        await edit_or_send(message, *_categories_view(snapshot, 0, t))
        return
    category = snapshot.every_category[index]
    if isinstance(callback_data, ShopToggleCb):
        if callback_data.id == -1:
            hidden = snapshot.curation.category(category.name).hidden
            await shop.set_category(category.name, "hidden", int(not hidden))
        elif callback_data.id in {s.id for s in category.services}:
            hidden = snapshot.curation.service(callback_data.id).hidden
            await shop.set_service_hidden(callback_data.id, not hidden)
        snapshot = await catalogue.recurate() or snapshot
        category = snapshot.every_category[index]
    view = _category_view(snapshot, category, callback_data.page, t, amounts)
    await edit_or_send(message, *view)


def create_router() -> Router:
    router = Router(name="admin-shop-panel")
    router.message.register(shop_command, Command("shop"))
    for button in (ShopPageCb, ShopCategoryCb, ShopToggleCb):
        router.callback_query.register(shop_button, button.filter())
    return router
