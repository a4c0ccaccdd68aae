"""Keyboards as pure functions of data and texts.

Button labels are plain text, not HTML: names from the panel go in as they are, shortened.
"""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.catalogue import Category, Page, Snapshot
from bot.i18n import LANGUAGE_NAMES, Texts
from bot.orders.texts import button_label
from bot.panel import Service
from bot.storage import CustomerOrder, Order
from bot.telegram.callbacks import (
    BroadcastCb,
    BroadcastsOffCb,
    CategoriesPageCb,
    CategoryCb,
    ConfirmCb,
    LanguageCb,
    MenuCb,
    OrderCb,
    OrderNavCb,
    OrdersCb,
    OrdersSearchCb,
    SearchCb,
    ServiceCb,
    ShopCategoryCb,
    ShopPageCb,
    ShopToggleCb,
    Shown,
    StepCb,
    UsersCb,
)

LABEL_LIMIT = 60
# Buttons in one page of a list: categories, services, the admins' catalogue panel.
LIST_PAGE = 8
PREV, NEXT = "◀️", "▶️"


def label(text: str, limit: int = LABEL_LIMIT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def with_webapp(markup: InlineKeyboardMarkup | None, t: Texts, url: str) -> InlineKeyboardMarkup:
    """`markup` and a last row that opens the Mini App at `url` (private chats only)."""
    shop = InlineKeyboardButton(text=t("webapp-open"), web_app=WebAppInfo(url=url))
    rows = markup.inline_keyboard if markup is not None else []
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [shop]])


def main_menu(t: Texts, webapp: str | None = None) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("menu-order"), callback_data=MenuCb(action="order"))
    builder.button(text=t("menu-massorder"), callback_data=MenuCb(action="massorder"))
    builder.button(text=t("menu-orders"), callback_data=MenuCb(action="orders"))
    builder.button(text=t("menu-balance"), callback_data=MenuCb(action="balance"))
    builder.button(text=t("menu-topup"), callback_data=MenuCb(action="topup"))
    builder.button(text=t("menu-support"), callback_data=MenuCb(action="support"))
    builder.button(text=t("menu-language"), callback_data=MenuCb(action="language"))
    builder.button(text=t("menu-help"), callback_data=MenuCb(action="help"))
    builder.adjust(2)
    return with_webapp(builder.as_markup(), t, webapp) if webapp else builder.as_markup()


def next_steps(t: Texts, *actions: str) -> InlineKeyboardMarkup:
    """The main menu's buttons for `actions` (order, orders, balance, topup, ...), under a
    reply that ends a path: no answer is a dead end."""
    builder = InlineKeyboardBuilder()
    for action in actions:
        builder.button(text=t(f"menu-{action}"), callback_data=MenuCb(action=action))
    builder.adjust(2)
    return builder.as_markup()


def language_picker(current: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        mark = "✓ " if code == current else ""
        builder.button(text=f"{mark}{name}", callback_data=LanguageCb(code=code))
    builder.adjust(1)
    return builder.as_markup()


def _nav_row(
    builder: InlineKeyboardBuilder, number: int, count: int, prev: CallbackData, nxt: CallbackData
) -> int:
    """Add ◀️ / ▶️ where there is somewhere to go; returns how many buttons it added."""
    added = 0
    if number > 0:
        builder.button(text=PREV, callback_data=prev)
        added += 1
    if number < count - 1:
        builder.button(text=NEXT, callback_data=nxt)
        added += 1
    return added


def categories(snapshot: Snapshot, page: Page[Category], t: Texts) -> InlineKeyboardMarkup:
    v = snapshot.version
    builder = InlineKeyboardBuilder()
    for category in page.items:
        builder.button(
            text=label(snapshot.category_name(category, t.locale)),
            callback_data=CategoryCb(v=v, cat=category.index, page=0),
        )
    nav = _nav_row(
        builder,
        page.number,
        page.count,
        CategoriesPageCb(v=v, page=page.number - 1),
        CategoriesPageCb(v=v, page=page.number + 1),
    )
    builder.button(text=t("nav-cancel"), callback_data=OrderNavCb(action="cancel"))
    builder.adjust(*[1] * len(page.items), *([nav] if nav else []), 1)
    return builder.as_markup()


def services(
    snapshot: Snapshot,
    category: Category,
    page: Page[Service],
    prices: list[str],
    categories_page: int,
    t: Texts,
) -> InlineKeyboardMarkup:
    """`prices` are the shown prices per 1000 of `page.items`, in order."""
    v = snapshot.version
    builder = InlineKeyboardBuilder()
    _service_buttons(builder, snapshot, page, prices, t)
    nav = _nav_row(
        builder,
        page.number,
        page.count,
        CategoryCb(v=v, cat=category.index, page=page.number - 1),
        CategoryCb(v=v, cat=category.index, page=page.number + 1),
    )
    builder.button(text=t("nav-back"), callback_data=CategoriesPageCb(v=v, page=categories_page))
    builder.button(text=t("nav-cancel"), callback_data=OrderNavCb(action="cancel"))
    builder.adjust(*[1] * len(page.items), *([nav] if nav else []), 2)
    return builder.as_markup()


def search_results(
    snapshot: Snapshot, page: Page[Service], prices: list[str], t: Texts
) -> InlineKeyboardMarkup:
    """Services found by a typed word; Back leads to the categories."""
    v = snapshot.version
    builder = InlineKeyboardBuilder()
    _service_buttons(builder, snapshot, page, prices, t)
    nav = _nav_row(
        builder,
        page.number,
        page.count,
        SearchCb(v=v, page=page.number - 1),
        SearchCb(v=v, page=page.number + 1),
    )
    builder.button(text=t("nav-back"), callback_data=CategoriesPageCb(v=v, page=0))
    builder.button(text=t("nav-cancel"), callback_data=OrderNavCb(action="cancel"))
    builder.adjust(*[1] * len(page.items), *([nav] if nav else []), 2)
    return builder.as_markup()


def _service_buttons(
    builder: InlineKeyboardBuilder,
    snapshot: Snapshot,
    page: Page[Service],
    prices: list[str],
    t: Texts,
) -> None:
    for service, price in zip(page.items, prices, strict=True):
        name = snapshot.name(service, t.locale)
        builder.button(
            text=f"{label(name, LABEL_LIMIT - len(price) - 3)} · {price}",
            callback_data=ServiceCb(v=snapshot.version, id=service.id),
        )


def nothing_found(snapshot: Snapshot, t: Texts) -> InlineKeyboardMarkup:
    """Under a search that found nothing: the categories again, or Cancel."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("nav-back"), callback_data=CategoriesPageCb(v=snapshot.version, page=0))
    builder.button(text=t("nav-cancel"), callback_data=OrderNavCb(action="cancel"))
    builder.adjust(2)
    return builder.as_markup()


def prompt(
    t: Texts, *, keep: bool = False, choices: Sequence[int] = (), skip: bool = False
) -> InlineKeyboardMarkup:
    """Under a question the customer answers by typing: common values (`choices`), Skip
    (an optional step), Keep (what was entered), Back, Cancel."""
    builder = InlineKeyboardBuilder()
    for value in choices:
        builder.button(text=t.write(value), callback_data=StepCb(value=value))
    if skip:
        builder.button(text=t("nav-skip"), callback_data=OrderNavCb(action="skip"))
    if keep:
        builder.button(text=t("nav-keep"), callback_data=OrderNavCb(action="keep"))
    builder.button(text=t("nav-back"), callback_data=OrderNavCb(action="back"))
    builder.button(text=t("nav-cancel"), callback_data=OrderNavCb(action="cancel"))
    rows = [len(choices)] if choices else []
    builder.adjust(*rows, *([1] if skip else []), *([1] if keep else []), 2)
    return builder.as_markup()


def summary(
    t: Texts, token: str | None, topups: Sequence[tuple[str, str]] = ()
) -> InlineKeyboardMarkup:
    """Confirm only when the balance covers the charge (`token` given); else each Top up
    (label, action) that comes back to this summary once paid."""
    builder = InlineKeyboardBuilder()
    if token is not None:
        builder.button(text=t("order-confirm"), callback_data=ConfirmCb(token=token))
    else:
        for text, action in topups:
            builder.button(text=text, callback_data=OrderNavCb(action=action))
    builder.button(text=t("nav-back"), callback_data=OrderNavCb(action="back"))
    builder.button(text=t("nav-cancel"), callback_data=OrderNavCb(action="cancel"))
    above = 1 if token is not None else len(topups)
    builder.adjust(*[1] * above, 2)
    return builder.as_markup()


# My orders' status filters, in the order their buttons show.
FILTER_KEYS: dict[Shown, str] = {
    Shown.ALL: "orders-filter-all",
    Shown.ACTIVE: "orders-filter-active",
    Shown.COMPLETED: "orders-filter-completed",
    Shown.SHORT: "orders-filter-short",
}
CURRENT = "✓ "  # marks the filter in use, as the language picker marks the language


def orders_list(
    t: Texts,
    orders: Sequence[Order],
    page: int,
    pages: int,
    shown: Shown,
    counts: dict[Shown, int],
) -> InlineKeyboardMarkup:
    """A button per order on the page (newest first, two a row), ◀️ newer / older ▶️, the
    status filters (each with its count; a filter always starts at its first page), Search."""
    builder = InlineKeyboardBuilder()
    for order in orders:
        builder.button(
            text=button_label(order),
            callback_data=OrderCb(action="view", id=order.id, page=page, f=shown),
        )
    nav = _nav_row(
        builder, page, pages, OrdersCb(page=page - 1, f=shown), OrdersCb(page=page + 1, f=shown)
    )
    for choice, key in FILTER_KEYS.items():
        mark = CURRENT if choice == shown else ""
        text = f"{mark}{t(key)} ({counts.get(choice, 0)})"
        builder.button(text=text, callback_data=OrdersCb(page=0, f=choice))
    builder.button(text=t("orders-search"), callback_data=OrdersSearchCb())
    rows = [2] * (len(orders) // 2) + [1] * (len(orders) % 2)
    builder.adjust(*rows, *([nav] if nav else []), 2, 2, 1)
    return builder.as_markup()


def orders_found(t: Texts, orders: Sequence[Order]) -> InlineKeyboardMarkup:
    """A search's orders, then Search again and back to the whole list."""
    builder = InlineKeyboardBuilder()
    for order in orders:
        builder.button(
            text=button_label(order), callback_data=OrderCb(action="view", id=order.id, page=0)
        )
    builder.button(text=t("orders-search-again"), callback_data=OrdersSearchCb())
    builder.button(text=t("orders-back"), callback_data=OrdersCb(page=0))
    builder.adjust(*[2] * (len(orders) // 2), *[1] * (len(orders) % 2), 1, 1)
    return builder.as_markup()


def orders_search_prompt(t: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("orders-back"), callback_data=OrdersCb(page=0))
    return builder.as_markup()


def order_actions(
    t: Texts, order: Order, page: int, shown: Shown = Shown.ALL, *, refillable: bool = False
) -> InlineKeyboardMarkup:
    """Refresh (always: it answers on the card), Cancel where the panel may still cancel it,
    Refill where it may be refilled now, Order again, Ask, back to the list."""

    def on(action: str) -> OrderCb:
        return OrderCb(action=action, id=order.id, page=page, f=shown)

    builder = InlineKeyboardBuilder()
    builder.button(text=t("order-refresh"), callback_data=on("refresh"))
    actions = 1
    if order.cancellable:
        builder.button(text=t("order-cancel"), callback_data=on("cancel"))
        actions += 1
    if refillable:
        builder.button(text=t("order-refill"), callback_data=on("refill"))
        actions += 1
    builder.button(text=t("order-again"), callback_data=on("again"))
    builder.button(text=t("order-ask"), callback_data=on("ask"))
    builder.button(text=t("orders-back"), callback_data=OrdersCb(page=page, f=shown))
    builder.adjust(actions, 1, 1, 1)
    return builder.as_markup()


def cancel_confirm(
    t: Texts, order: Order, page: int, shown: Shown = Shown.ALL
) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("order-cancel-yes"),
        callback_data=OrderCb(action="cancel-yes", id=order.id, page=page, f=shown),
    )
    builder.button(
        text=t("order-cancel-no"),
        callback_data=OrderCb(action="view", id=order.id, page=page, f=shown),
    )
    builder.adjust(2)
    return builder.as_markup()


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
    nav = _nav_row(
        builder,
        page.number,
        page.count,
        ShopPageCb(v=v, page=page.number - 1),
        ShopPageCb(v=v, page=page.number + 1),
    )
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
    nav = _nav_row(
        builder,
        page.number,
        page.count,
        ShopCategoryCb(v=v, cat=cat, page=page.number - 1),
        ShopCategoryCb(v=v, cat=cat, page=page.number + 1),
    )
    builder.button(text=t("nav-back"), callback_data=ShopPageCb(v=v, page=cat // LIST_PAGE))
    builder.adjust(1, *[1] * len(page.items), *([nav] if nav else []), 1)
    return builder.as_markup()


def users_list(
    t: Texts, order: CustomerOrder, page: int, pages: int, query: str
) -> InlineKeyboardMarkup:
    """/users: pages, and the other order (newest or richest first)."""
    builder = InlineKeyboardBuilder()
    nav = _nav_row(
        builder,
        page,
        pages,
        UsersCb(order=order, page=page - 1, q=query),
        UsersCb(order=order, page=page + 1, q=query),
    )
    other = CustomerOrder.RICHEST if order is CustomerOrder.NEWEST else CustomerOrder.NEWEST
    builder.button(
        text=t(f"admin-users-by-{other}"), callback_data=UsersCb(order=other, page=0, q=query)
    )
    builder.adjust(*([nav] if nav else []), 1)
    return builder.as_markup()


def broadcast_preview(t: Texts, broadcast_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("broadcast-send"), callback_data=BroadcastCb(action="send", id=broadcast_id)
    )
    builder.button(
        text=t("broadcast-drop"), callback_data=BroadcastCb(action="drop", id=broadcast_id)
    )
    builder.adjust(1)
    return builder.as_markup()


def broadcasts_off(t: Texts) -> InlineKeyboardMarkup:
    """Under each broadcast: the customer turns them off."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("broadcast-off"), callback_data=BroadcastsOffCb(off=True))
    return builder.as_markup()
