"""My orders: the paged list and its status filters, a search, an order's card, Refresh,
Cancel and Refill (Order again starts the order conversation: `handlers.customer.order`).

Buttons carry the shop's own order id, a page number and a filter letter only. The order is
looked up again with the tapping user's id (`OwnOrder`), and a search reads the asker's
orders only, so a forged or forwarded button or search shows or touches no one else's
order. Refresh and Cancel (`bot.orders.actions`) answer the tap before they ask the panel.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.news import News
from bot.orders import keyboards, listing
from bot.orders.actions import (
    can_refresh,
    cancel_refusal,
    refill_refusal,
    refresh,
    request_cancel,
    request_refill,
)
from bot.orders.filters import OwnOrder
from bot.orders.following import Follower
from bot.orders.lookups import StatusLookups
from bot.orders.texts import order_card
from bot.panel import Service
from bot.panel.panels import Panels
from bot.storage import Order, OrdersRepo, RefillsRepo
from bot.telegram.callbacks import MenuCb, OrderCb, OrdersCb, OrdersSearchCb, Shown
from bot.telegram.replies import edit_or_send

log = logging.getLogger(__name__)


class OrdersSearch(StatesGroup):
    typing = State()  # after Search: the next text is an order number or part of a link


# --- the list ------------------------------------------------------------------------------


async def orders_command(
    message: Message,
    command: CommandObject,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
    event_from_user: User,
) -> None:
    """`/orders`, or `/orders <number or part of a link>`: a search."""
    if command.args:
        search = listing.read_search(command.args)
        text, markup = await listing.found(t, orders, event_from_user.id, search, amounts)
    else:
        text, markup = await listing.page(t, orders, event_from_user.id, 0, Shown.ALL, amounts)
    await message.answer(text, reply_markup=markup)


async def orders_button(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
) -> None:
    await query.answer()
    await leave_search(state)
    text, markup = await listing.page(t, orders, query.from_user.id, 0, Shown.ALL, amounts)
    await bot.send_message(query.from_user.id, text, reply_markup=markup)


async def orders_turn(
    query: CallbackQuery,
    callback_data: OrdersCb,
    bot: Bot,
    state: FSMContext,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
) -> None:
    await query.answer()
    await leave_search(state)
    text, markup = await listing.page(
        t, orders, query.from_user.id, callback_data.page, callback_data.f, amounts
    )
    await show(query, bot, text, markup)


# --- the search ----------------------------------------------------------------------------


async def search_ask(query: CallbackQuery, bot: Bot, state: FSMContext, t: Texts) -> None:
    await query.answer()
    if await state.get_state() not in (None, OrdersSearch.typing.state):
        # Halfway through an order: a search must not throw its draft away unasked.
        await bot.send_message(query.from_user.id, t("orders-search-busy"))
        return
    await state.set_state(OrdersSearch.typing)
    await show(query, bot, t("orders-search-ask"), keyboards.orders_search_prompt(t))


async def search_typed(
    message: Message,
    state: FSMContext,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
    event_from_user: User,
) -> None:
    search = listing.read_search(message.text)
    if search.refusal is not None:  # still waiting for a search
        await message.answer(t(search.refusal), reply_markup=keyboards.orders_search_prompt(t))
        return
    await state.clear()
    text, markup = await listing.found(t, orders, event_from_user.id, search, amounts)
    await message.answer(text, reply_markup=markup)


async def search_not_text(message: Message, t: Texts) -> None:
    await message.answer(t("orders-search-empty"), reply_markup=keyboards.orders_search_prompt(t))


async def leave_search(state: FSMContext) -> None:
    """Back to the list: a search asked for and not typed is dropped (nothing else is)."""
    if await state.get_state() == OrdersSearch.typing.state:
        await state.clear()


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
    await show_card(query, bot, t, order, callback_data, amounts, refills, catalogue)


async def order_refresh(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    status_lookups: StatusLookups,
    follower: Follower,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
) -> None:
    if not can_refresh(order):
        # Nothing to ask the panel: show what is stored (an admin may have settled it), and
        # say why nothing changed: a Refresh always answers on the card.
        await query.answer()
        same = "order-card-final" if order.is_final else "order-card-unchanged"
        await show_card(query, bot, t, order, callback_data, amounts, refills, catalogue, same)
        return
    await query.answer(t("order-checking"))
    order, notice = await refresh(bot, order, status_lookups, follower)
    await show_card(query, bot, t, order, callback_data, amounts, refills, catalogue, notice)


async def order_cancel_ask(
    query: CallbackQuery, callback_data: OrderCb, order: Order, bot: Bot, t: Texts, amounts: Amounts
) -> None:
    if refusal := cancel_refusal(order):
        await query.answer(t(refusal), show_alert=True)
        return
    await query.answer()
    text = order_card(t, order, amounts, "order-cancel-confirm")
    markup = keyboards.cancel_confirm(t, order, callback_data.page, callback_data.f)
    await show(query, bot, text, markup)


async def order_cancel(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    panels: Panels,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
) -> None:
    if refusal := cancel_refusal(order):
        await query.answer(t(refusal), show_alert=True)
        return
    await query.answer(t("order-cancel-sending"))
    order, notice = await request_cancel(order, panels, orders)
    await show_card(query, bot, t, order, callback_data, amounts, refills, catalogue, notice)


async def order_refill(
    query: CallbackQuery,
    callback_data: OrderCb,
    order: Order,
    bot: Bot,
    t: Texts,
    panels: Panels,
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
    notice = await request_refill(bot, order, panels, refills, news, alerts)
    await show_card(query, bot, t, order, callback_data, amounts, refills, catalogue, notice)


async def not_theirs(query: CallbackQuery, t: Texts) -> None:
    await query.answer(t("order-not-found"), show_alert=True)


async def show_card(
    query: CallbackQuery,
    bot: Bot,
    t: Texts,
    order: Order,
    tapped: OrderCb,
    amounts: Amounts,
    refills: RefillsRepo,
    catalogue: Catalogue,
    notice: str | None = None,
) -> None:
    latest = await refills.latest_for_order(order.id)
    text = order_card(t, order, amounts, notice, refill=latest)
    refillable = refill_refusal(order, latest, listed(catalogue, order)) is None
    markup = keyboards.order_actions(t, order, tapped.page, tapped.f, refillable=refillable)
    await show(query, bot, text, markup)


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
    router.callback_query.register(search_ask, OrdersSearchCb.filter())
    searching = StateFilter(OrdersSearch.typing)
    router.message.register(search_typed, searching, F.text, ~F.text.startswith("/"))
    router.message.register(search_not_text, searching, ~F.text)
    own = OwnOrder()
    router.callback_query.register(order_view, OrderCb.filter(F.action == "view"), own)
    router.callback_query.register(order_refresh, OrderCb.filter(F.action == "refresh"), own)
    router.callback_query.register(order_cancel_ask, OrderCb.filter(F.action == "cancel"), own)
    router.callback_query.register(order_cancel, OrderCb.filter(F.action == "cancel-yes"), own)
    router.callback_query.register(order_refill, OrderCb.filter(F.action == "refill"), own)
    router.callback_query.register(not_theirs, OrderCb.filter())
    return router
