"""Admins curate the catalogue: `/shop` pages through every category and service, hidden
ones too, and a tap hides or shows one; commands do the rest quickly: hide and show,
markups and fixed prices, names and descriptions per language, the order of categories.

A service is named by its panel id (`123`), a category by its panel name (any case).
Every change rebuilds the catalogue customers see at once: its version changes, so
buttons drawn before are stale and a summary is re-priced at Confirm.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.catalogue import Catalogue, Category, Snapshot, paginate
from bot.i18n import Texts
from bot.money import AmountTooLarge, display, display_panel, parse_typed_amount
from bot.panel import Service
from bot.settings import LOCALES, Settings
from bot.storage import ShopRepo
from bot.storage.shop import TextField
from bot.telegram import keyboards
from bot.telegram.callbacks import ShopCategoryCb, ShopPageCb, ShopToggleCb
from bot.telegram.replies import current_snapshot, edit_or_send, tapped_snapshot
from bot.validation import parse_whole_number

MAX_POSITION = 10_000
MAX_ECHO = 100
# A markup past this many percent is a typing slip, not a price.
MAX_MARKUP = Decimal(10_000)
V = TypeVar("V")
CLEAR = "-"


@dataclass(frozen=True)
class Target:
    """A service (by its panel id) or a category (by its panel name)."""

    label: str
    service: Service | None = None
    category: str | None = None


def resolve(snapshot: Snapshot, text: str) -> Target | None:
    text = " ".join(text.split())
    # ASCII digits only: str.isdecimal() would take full-width digits too.
    service_id = parse_whole_number(text)
    if service_id is not None:
        service = snapshot.all_services.get(service_id)
        return None if service is None else Target(f"#{service.id} {service.name}", service)
    wanted = text.casefold()
    for service in snapshot.all_services.values():
        if service.category.casefold() == wanted:
            return Target(service.category, category=service.category)
    return None


async def _target(
    catalogue: Catalogue, message: Message, t: Texts, text: str
) -> tuple[Snapshot, Target] | None:
    snapshot = await current_snapshot(catalogue, message, t)
    if snapshot is None:
        return None
    target = resolve(snapshot, text)
    if target is None:
        # Echoed cut short: the whole of a pasted page would not fit in a message.
        shown = text if len(text) <= MAX_ECHO else f"{text[:MAX_ECHO]}…"
        await message.answer(t("shop-not-found", target=shown))
        return None
    return snapshot, target


async def hide_or_show(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    hidden = command.command.lower() == "hide"
    if not command.args:
        await message.answer(t(f"shop-usage-{command.command.lower()}"))
        return
    found = await _target(catalogue, message, t, command.args)
    if found is None:
        return
    _, target = found
    if target.service is not None:
        await shop.set_service_hidden(target.service.id, hidden)
    elif target.category is not None:
        await shop.set_category(target.category, "hidden", int(hidden))
    await catalogue.recurate()
    await message.answer(t("shop-hidden" if hidden else "shop-shown", what=target.label))


def _split_last(args: str | None) -> tuple[str, str] | None:
    parts = (args or "").rsplit(maxsplit=1)
    return (parts[0], parts[1]) if len(parts) == 2 else None


async def _target_and_value(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    t: Texts,
    parse: Callable[[str], V | None],
) -> tuple[Snapshot, Target, V | None] | None:
    """`/COMMAND TARGET VALUE`, `-` as VALUE clearing it: the snapshot, the target and the
    value (None: clear), or None once the admin has been told what is wrong."""
    name = command.command.lower()
    parts = _split_last(command.args)
    if parts is None:
        await message.answer(t(f"shop-usage-{name}"))
        return None
    value: V | None = None
    if parts[1] != CLEAR:
        try:
            value = parse(parts[1])
        except AmountTooLarge as error:
            await message.answer(t("amount-too-large", max=f"{error.limit:f}"))
            return None
        if value is None:
            await message.answer(t(f"shop-bad-{name}"))
            return None
    found = await _target(catalogue, message, t, parts[0])
    return None if found is None else (found[0], found[1], value)


def _markup(text: str) -> Decimal | None:
    # Digits only: a negative markup would sell below the panel's rate.
    return parse_typed_amount(text.removesuffix("%"), MAX_MARKUP)


def _position(text: str) -> int | None:
    value = parse_whole_number(text)
    return value if value is not None and 1 <= value <= MAX_POSITION else None


async def markup(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    found = await _target_and_value(message, command, catalogue, t, _markup)
    if found is None:
        return
    _, target, value = found
    if target.service is not None:
        await shop.set_service_price(target.service.id, markup=value)
    elif target.category is not None:
        await shop.set_category_markup(target.category, value)
    await catalogue.recurate()
    if value is None:
        await message.answer(t("shop-markup-cleared", what=target.label))
    else:
        await message.answer(t("shop-markup-set", what=target.label, markup=f"{value:f}"))


async def price(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    settings: Settings,
    t: Texts,
) -> None:
    found = await _target_and_value(message, command, catalogue, t, parse_typed_amount)
    if found is None:
        return
    snapshot, target, value = found
    service = target.service
    if service is None:  # a fixed price belongs to one service, not to a category
        await message.answer(t("shop-usage-price"))
        return
    rate = display_panel(service.rate, snapshot.currency)
    if value is not None and value < service.rate:
        shown = display(value, settings.price_decimals, snapshot.currency)
        await message.answer(t("shop-price-below", price=shown, rate=rate))
        return
    await shop.set_service_price(service.id, price=value)
    await catalogue.recurate()
    if value is None:
        await message.answer(t("shop-price-cleared", what=target.label))
    else:
        shown = display(value, settings.price_decimals, snapshot.currency)
        await message.answer(t("shop-price-set", what=target.label, price=shown, rate=rate))


async def rename_or_describe(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    """`/rename TARGET | LANG | NAME` and `/describe SERVICE | LANG | TEXT`; `-` clears."""
    name = command.command.lower()
    parts = [part.strip() for part in (command.args or "").split("|", 2)]
    if len(parts) != 3 or not all(parts):
        await message.answer(t(f"shop-usage-{name}"))
        return
    what, language, text = parts
    language = language.lower()
    if language not in LOCALES:
        await message.answer(t("shop-bad-language"))
        return
    found = await _target(catalogue, message, t, what)
    if found is None:
        return
    _, target = found
    value = None if text == CLEAR else " ".join(text.split())
    field: TextField = "name" if name == "rename" else "description"
    if target.service is not None:
        await shop.set_text("service", str(target.service.id), language, field, value)
    elif field == "description" or target.category is None:
        await message.answer(t("shop-usage-describe"))
        return
    else:
        await shop.set_text("category", target.category, language, field, value)
    await catalogue.recurate()
    key = f"shop-{field}-{'cleared' if value is None else 'set'}"
    await message.answer(t(key, what=target.label, language=language, text=value or ""))


async def position(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    found = await _target_and_value(message, command, catalogue, t, _position)
    if found is None:
        return
    _, target, value = found
    if target.category is None:
        await message.answer(t("shop-usage-position"))
        return
    await shop.set_category(target.category, "position", value)
    await catalogue.recurate()
    if value is None:
        await message.answer(t("shop-position-cleared", what=target.label))
    else:
        await message.answer(t("shop-position-set", what=target.label, position=value))


# --- the panel: every category and service, hidden ones too, shown or hidden by a tap ----------


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
        markup="—" if rule.markup is None else f"{rule.markup.normalize():f}%",
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
    router = Router(name="admin-catalogue")
    router.callback_query.register(shop_button, ShopPageCb.filter())
    router.callback_query.register(shop_button, ShopCategoryCb.filter())
    router.callback_query.register(shop_button, ShopToggleCb.filter())
    router.message.register(shop_command, Command("shop"))
    router.message.register(hide_or_show, Command("hide", "show"))
    router.message.register(markup, Command("markup"))
    router.message.register(price, Command("price"))
    router.message.register(rename_or_describe, Command("rename", "describe"))
    router.message.register(position, Command("position"))
    return router
