"""My orders: the paged list, an order's card, Refresh, Cancel and Refill.

Buttons carry the shop's own order id and a page number only. The order is looked up again
with the tapping user's id (`OwnOrder`), so a forged or forwarded button shows or touches no
one else's order. Refresh and Cancel (`bot.orders.actions`) answer the tap before they ask
the panel.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.news import News
from bot.orders.actions import (
    can_refresh,
    cancel_refusal,
    refill_refusal,
    refresh,
    request_cancel,
    request_refill,
)
from bot.orders.following import Follower
from bot.orders.texts import order_card, order_line
from bot.panel import PanelClient, Service
from bot.storage import Order, OrdersRepo, RefillsRepo
from bot.telegram import keyboards
from bot.telegram.callbacks import MenuCb, OrderCb, OrdersCb
from bot.telegram.filters import OwnOrder
from bot.telegram.replies import edit_or_send

log = logging.getLogger(__name__)

PAGE_SIZE = 5


# --- the list ------------------------------------------------------------------------------


async def orders_page(
    t: Texts, orders: OrdersRepo, user_id: int, page: int, amounts: Amounts
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The text and buttons of one page of the user's orders, newest first."""
    count = await orders.count_for_user(user_id)
    if not count:
        return t("orders-empty"), keyboards.next_steps(t, "order")
    pages = -(-count // PAGE_SIZE)
    page = min(max(page, 0), pages - 1)
    shown = await orders.list_for_user(user_id, PAGE_SIZE, page * PAGE_SIZE)
    lines = [t("orders-title", count=count, page=page + 1, pages=pages), ""]
    lines += [order_line(t, order, amounts) for order in shown]
    return "\n".join(lines), keyboards.orders_list(shown, page, pages)


async def orders_command(
    message: Message,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
    event_from_user: User,
) -> None:
    text, markup = await orders_page(t, orders, event_from_user.id, 0, amounts)
    await message.answer(text, reply_markup=markup)


async def orders_button(
    query: CallbackQuery,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
) -> None:
    await query.answer()
    text, markup = await orders_page(t, orders, query.from_user.id, 0, amounts)
    await bot.send_message(query.from_user.id, text, reply_markup=markup)


async def orders_turn(
    query: CallbackQuery,
    callback_data: OrdersCb,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
) -> None:
    await query.answer()
    text, markup = await orders_page(t, orders, query.from_user.id, callback_data.page, amounts)
    await show(query, bot, text, markup)


# --- one order: every handler below is given the `order` by `OwnOrder` ----------------------


async def order_view(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
) -> None:
    await query.answer()
    await show_card(query, bot, t, order, callback_data.page, amounts, refills, catalogue)


async def order_refresh(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    panel: PanelClient,
    follower: Follower,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
) -> None:
    page = callback_data.page
    if not can_refresh(order):
        # Nothing to ask the panel: show what is stored (an admin may have settled it).
        await query.answer()
        await show_card(query, bot, t, order, page, amounts, refills, catalogue)
        return
    await query.answer(t("order-checking"))
    order, notice = await refresh(bot, order, panel, follower)
    await show_card(query, bot, t, order, page, amounts, refills, catalogue, notice)


async def order_cancel_ask(
    query: CallbackQuery, callback_data: OrderCb, order: Order, bot: Bot, t: Texts, amounts: Amounts
) -> None:
    if refusal := cancel_refusal(order):
        await query.answer(t(refusal), show_alert=True)
        return
    await query.answer()
    text = order_card(t, order, amounts, "order-cancel-confirm")
    await show(query, bot, text, keyboards.cancel_confirm(t, order, callback_data.page))


async def order_cancel(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    panel: PanelClient,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
) -> None:
    if refusal := cancel_refusal(order):
        await query.answer(t(refusal), show_alert=True)
        return
    await query.answer(t("order-cancel-sending"))
    order, notice = await request_cancel(order, panel, orders)
    page = callback_data.page
    await show_card(query, bot, t, order, page, amounts, refills, catalogue, notice)


async def order_refill(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    panel: PanelClient,
    refills: RefillsRepo,
    news: News,
    alerts: Alerts,
    amounts: Amounts,
    catalogue: Catalogue,
) -> None:
    latest = await refills.latest_for_order(order.id)
    if refusal := refill_refusal(order, latest, listed(catalogue, order)):
        # A stale button (already refilling, no longer refillable) says why.
        await query.answer(t(refusal), show_alert=True)
        return
    await query.answer(t("order-refill-sending"))
    notice = await request_refill(bot, order, panel, refills, news, alerts)
    page = callback_data.page
    await show_card(query, bot, t, order, page, amounts, refills, catalogue, notice)


async def not_theirs(query: CallbackQuery, t: Texts) -> None:
    await query.answer(t("order-not-found"), show_alert=True)


async def show_card(
    query: CallbackQuery,
    bot: Bot,
    t: Texts,
    order: Order,
    page: int,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
    notice: str | None = None,
) -> None:
    latest = await refills.latest_for_order(order.id)
    text = order_card(t, order, amounts, notice, refill=latest)
    refillable = refill_refusal(order, latest, listed(catalogue, order)) is None
    await show(query, bot, text, keyboards.order_actions(t, order, page, refillable=refillable))


def listed(catalogue: Catalogue, order: Order) -> Service | None:
    """The order's service as the catalogue in hand lists it now, if it does; never waits
    on the panel (a card must come at once)."""
    snapshot = catalogue.snapshot
    return None if snapshot is None else snapshot.all_services.get(order.service_id)


async def show(
    query: CallbackQuery, bot: Bot, text: str, markup: InlineKeyboardMarkup | None
) -> None:
    """Put `text` on the tapped message, or in a new message where there is none to edit."""
    if isinstance(query.message, Message):
        await edit_or_send(query.message, text, markup)
    else:
        await bot.send_message(query.from_user.id, text, reply_markup=markup)


def create_router() -> Router:
    router = Router(name="orders")
    # Private chats only: in a group, one member's orders would show to everyone (the
    # fallback answers there that this works in private).
    router.message.register(orders_command, Command("orders"), F.chat.type == "private")
    router.callback_query.register(orders_button, MenuCb.filter(F.action == "orders"))
    router.callback_query.register(orders_turn, OrdersCb.filter())
    own = OwnOrder()
    router.callback_query.register(order_view, OrderCb.filter(F.action == "view"), own)
    router.callback_query.register(order_refresh, OrderCb.filter(F.action == "refresh"), own)
    router.callback_query.register(order_cancel_ask, OrderCb.filter(F.action == "cancel"), own)
    router.callback_query.register(order_cancel, OrderCb.filter(F.action == "cancel-yes"), own)
    router.callback_query.register(order_refill, OrderCb.filter(F.action == "refill"), own)
    router.callback_query.register(not_theirs, OrderCb.filter())
    return router
