"""The order feature's keyboards: the conversation's (catalogue, questions, summary) and
My orders' (the list, a search's results, one order's actions).

Button labels are plain text, not HTML: names from the panel go in as they are, shortened.
"""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.catalogue import Category, Page, Snapshot
from bot.i18n import Texts
from bot.orders.texts import button_label
from bot.panel import Service
from bot.storage import Order
from bot.telegram.callbacks import (
    CategoriesPageCb,
    CategoryCb,
    ConfirmCb,
    OrderCb,
    OrderNavCb,
    OrdersCb,
    OrdersSearchCb,
    SearchCb,
    ServiceCb,
    Shown,
    StepCb,
)
from bot.telegram.keyboards import LABEL_LIMIT, label, nav_row


def categories(snapshot: Snapshot, page: Page[Category], t: Texts) -> InlineKeyboardMarkup:
    v = snapshot.version
    builder = InlineKeyboardBuilder()
    for category in page.items:
        builder.button(
            text=label(snapshot.category_name(category, t.locale)),
            callback_data=CategoryCb(v=v, cat=category.index, page=0),
        )
    nav = nav_row(builder, page.number, page.count, lambda n: CategoriesPageCb(v=v, page=n))
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
    nav = nav_row(
        builder, page.number, page.count, lambda n: CategoryCb(v=v, cat=category.index, page=n)
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
    nav = nav_row(builder, page.number, page.count, lambda n: SearchCb(v=v, page=n))
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


def back_to_order(t: Texts) -> InlineKeyboardMarkup:
    """Under the notice of a top-up paid outside the chat: back to the summary left open."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("order-back-to-summary"), callback_data=OrderNavCb(action="resume"))
    return builder.as_markup()


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
    nav = nav_row(builder, page, pages, lambda n: OrdersCb(page=n, f=shown))
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
