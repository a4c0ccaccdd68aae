"""My orders: the paged list, an order's card, Refresh and Cancel.

Buttons carry the shop's own order id and a page number only. Every handler looks the order
up again with the tapping user's id, so a forged or forwarded button shows or touches no one
else's order. Refresh and Cancel answer the tap before they ask the panel.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.i18n import Texts
from bot.money import Amounts
from bot.orders.following import Follower
from bot.orders.texts import order_card, order_line
from bot.panel import IncorrectOrderId, PanelClient, PanelError, PanelFailure
from bot.storage import Order, OrdersRepo, OrderStateError
from bot.telegram import keyboards
from bot.telegram.callbacks import MenuCb, OrderCb, OrdersCb
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
        return t("orders-empty"), None
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


# --- one order -----------------------------------------------------------------------------


async def order_view(
    query: CallbackQuery,
    callback_data: OrderCb,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
) -> None:
    order = await own_order(query, callback_data, t, orders)
    if order is None:
        return
    await query.answer()
    await show_card(query, bot, t, order, callback_data.page, amounts)


async def order_refresh(
    query: CallbackQuery,
    callback_data: OrderCb,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    panel: PanelClient,
    follower: Follower,
    amounts: Amounts,
) -> None:
    order = await own_order(query, callback_data, t, orders)
    if order is None:
        return
    if order.is_final or not order.is_placed or order.panel_order_id is None:
        # Nothing to ask the panel: show what is stored (an admin may have settled it).
        await query.answer()
        await show_card(query, bot, t, order, callback_data.page, amounts)
        return
    await query.answer(t("order-checking"))
    notice = None
    try:
        reports = await panel.statuses([order.panel_order_id])
    except PanelFailure as failure:
        log.info("refresh of order %d: %s", order.id, failure)
        reports = {}
    report = reports.get(order.panel_order_id)
    if report is None:
        notice = "order-card-no-answer"
    else:
        if isinstance(report, PanelError):
            notice = "order-card-panel-error"
        order = await follower.apply(bot, order.id, report) or order
    await show_card(query, bot, t, order, callback_data.page, amounts, notice)


async def order_cancel_ask(
    query: CallbackQuery,
    callback_data: OrderCb,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    amounts: Amounts,
) -> None:
    order = await cancellable_order(query, callback_data, t, orders)
    if order is None:
        return
    await query.answer()
    text = order_card(t, order, amounts, "order-cancel-confirm")
    await show(query, bot, text, keyboards.cancel_confirm(t, order, callback_data.page))


async def order_cancel(
    query: CallbackQuery,
    callback_data: OrderCb,
    bot: Bot,
    t: Texts,
    orders: OrdersRepo,
    panel: PanelClient,
    amounts: Amounts,
) -> None:
    order = await cancellable_order(query, callback_data, t, orders)
    if order is None or order.panel_order_id is None:
        return
    await query.answer(t("order-cancel-sending"))
    # Never repeated automatically: the panel has no idempotency key.
    try:
        results = await panel.cancel([order.panel_order_id])
    except PanelError as error:
        log.info("cancel of order %d refused: %r", order.id, error.text)
        notice = "order-cancel-refused"
    except PanelFailure as failure:
        log.warning("cancel of order %d: no clear answer: %s", order.id, failure)
        notice = "order-cancel-no-answer"
    else:
        result = results.get(order.panel_order_id)
        if result is None:
            log.warning("cancel of order %d: the panel's answer leaves it out", order.id)
            notice = "order-cancel-no-answer"
        elif result.accepted:
            log.info("cancel of order %d: accepted by the panel", order.id)
            notice = "order-cancel-accepted"
            try:
                order = await orders.mark_cancel_requested(order.id)
            except OrderStateError:  # a sweep finished it meanwhile: the card shows how
                order = await orders.get(order.id) or order
        else:
            text = result.error.text if result.error else "not accepted"
            log.info("cancel of order %d refused by the panel: %r", order.id, text)
            unknown = isinstance(result.error, IncorrectOrderId)
            notice = "order-cancel-unknown-order" if unknown else "order-cancel-refused"
    await show_card(query, bot, t, order, callback_data.page, amounts, notice)


# --- helpers -------------------------------------------------------------------------------


async def own_order(
    query: CallbackQuery, callback_data: OrderCb, t: Texts, orders: OrdersRepo
) -> Order | None:
    """The order if it is the tapping user's; otherwise the tap is answered and None."""
    order = await orders.get_for_user(query.from_user.id, callback_data.id)
    if order is None:
        await query.answer(t("order-not-found"), show_alert=True)
    return order


async def cancellable_order(
    query: CallbackQuery, callback_data: OrderCb, t: Texts, orders: OrdersRepo
) -> Order | None:
    """The user's order if a cancel may be asked for now; otherwise the tap says why."""
    order = await own_order(query, callback_data, t, orders)
    if order is None:
        return None
    if order.cancellable:
        return order
    if order.is_final or not order.is_placed:
        reason = "order-cannot-cancel"
    elif order.cancel_requested_at is not None:
        reason = "order-cancel-already"
    else:
        reason = "order-cancel-not-allowed"
    await query.answer(t(reason), show_alert=True)
    return None


async def show_card(
    query: CallbackQuery,
    bot: Bot,
    t: Texts,
    order: Order,
    page: int,
    amounts: Amounts,
    notice: str | None = None,
) -> None:
    text = order_card(t, order, amounts, notice)
    await show(query, bot, text, keyboards.order_card(t, order, page))


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
    router.callback_query.register(order_view, OrderCb.filter(F.action == "view"))
    router.callback_query.register(order_refresh, OrderCb.filter(F.action == "refresh"))
    router.callback_query.register(order_cancel_ask, OrderCb.filter(F.action == "cancel"))
    router.callback_query.register(order_cancel, OrderCb.filter(F.action == "cancel-yes"))
    return router
