"""`/shop`: every category and service, hidden ones too, a page at a time; a tap hides or
shows a service or a whole category.

Every change rebuilds the catalogue customers see at once: its version changes, so buttons
drawn before are stale.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.catalogue import Catalogue, Category, Snapshot, paginate
from bot.i18n import Texts
from bot.storage import ShopRepo
from bot.telegram import keyboards
from bot.telegram.callbacks import ShopCategoryCb, ShopPageCb, ShopToggleCb
from bot.telegram.replies import current_snapshot, edit_or_send, tapped_snapshot


def _categories_view(snapshot: Snapshot, page: int, t: Texts) -> tuple[str, InlineKeyboardMarkup]:
    shown = paginate(snapshot.every_category, page, keyboards.LIST_PAGE)
    text = t(
        "shop-panel",
        categories=len(snapshot.every_category),
        shown=len(snapshot.categories),
        page=shown.number + 1,
        pages=shown.count,
    )
    return text, keyboards.shop_categories(snapshot, shown, t)


def _category_view(
    snapshot: Snapshot, category: Category, page: int, t: Texts
) -> tuple[str, InlineKeyboardMarkup]:
    rule = snapshot.curation.category(category.name)
    shown = paginate(category.services, page, keyboards.LIST_PAGE)
    text = t(
        "shop-panel-category",
        category=category.name,
        hidden="yes" if rule.hidden else "no",
        markup="—" if rule.markup is None else f"{t.write(rule.markup.normalize())}%",
        position="—" if rule.position is None else rule.position,
        page=shown.number + 1,
        pages=shown.count,
    )
    return text, keyboards.shop_category(snapshot, category, shown, t)


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
    await edit_or_send(message, *_category_view(snapshot, category, callback_data.page, t))


def create_router() -> Router:
    router = Router(name="admin-shop-panel")
    router.message.register(shop_command, Command("shop"))
    for button in (ShopPageCb, ShopCategoryCb, ShopToggleCb):
        router.callback_query.register(shop_button, button.filter())
    return router
