"""The keyboards every feature shares, as pure functions of data and texts: the main menu
and its next steps, the Mini App's row, labels cut to fit, and a list's ◀️ / ▶️ row.

A feature's own keyboards live beside it (`bot.orders.keyboards`, the admins' catalogue
panel in `handlers.admin.shop_panel`, ...); nothing here knows a feature.

Button labels are plain text, not HTML: names from the panel go in as they are, shortened.
"""

from __future__ import annotations

from collections.abc import Callable

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.storage import CustomerOrder
from bot.telegram.callbacks import MenuCb, UsersCb

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


def main_menu(
    t: Texts, webapp: str | None = None, *, referral: bool = False
) -> InlineKeyboardMarkup:
    """`referral`: with the referral link's button (the program is on)."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("menu-order"), callback_data=MenuCb(action="order"))
    builder.button(text=t("menu-massorder"), callback_data=MenuCb(action="massorder"))
    builder.button(text=t("menu-orders"), callback_data=MenuCb(action="orders"))
    builder.button(text=t("menu-balance"), callback_data=MenuCb(action="balance"))
    builder.button(text=t("menu-topup"), callback_data=MenuCb(action="topup"))
    builder.button(text=t("menu-support"), callback_data=MenuCb(action="support"))
    builder.button(text=t("menu-language"), callback_data=MenuCb(action="language"))
    builder.button(text=t("menu-help"), callback_data=MenuCb(action="help"))
    if referral:
        builder.button(text=t("menu-referral"), callback_data=MenuCb(action="referral"))
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


def nav_row(
    builder: InlineKeyboardBuilder, number: int, count: int, to: Callable[[int], CallbackData]
) -> int:
    """Add ◀️ / ▶️ (`to` the page before and after `number` of `count`) where there is
    somewhere to go; returns how many buttons it added."""
    added = 0
    if number > 0:
        builder.button(text=PREV, callback_data=to(number - 1))
        added += 1
    if number < count - 1:
        builder.button(text=NEXT, callback_data=to(number + 1))
        added += 1
    return added


def users_list(
    t: Texts, order: CustomerOrder, page: int, pages: int, query: str
) -> InlineKeyboardMarkup:
    """/users: pages, and the other order (newest or richest first)."""
    builder = InlineKeyboardBuilder()
    nav = nav_row(builder, page, pages, lambda n: UsersCb(order=order, page=n, q=query))
    other = CustomerOrder.RICHEST if order is CustomerOrder.NEWEST else CustomerOrder.NEWEST
    builder.button(
        text=t(f"admin-users-by-{other}"), callback_data=UsersCb(order=other, page=0, q=query)
    )
    builder.adjust(*([nav] if nav else []), 1)
    return builder.as_markup()
