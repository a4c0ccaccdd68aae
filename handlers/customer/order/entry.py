"""Ways into the order conversation and out of it: `/order`, the menu's button, a link to one
service (`/start svc_12`), Order again on an order's card, and `/cancel`."""

from __future__ import annotations

from aiogram.filters import CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Texts
from bot.orders.conversation import Conversation
from bot.orders.steps import order_type
from bot.storage import Order, UsersRepo
from bot.telegram import keyboards
from bot.telegram.links import linked_service


async def order_command(message: Message, state: FSMContext, conversation: Conversation) -> None:
    await state.clear()
    snapshot = await conversation.snapshot()
    if snapshot is not None:
        await conversation.categories(snapshot, 0)


async def order_button(query: CallbackQuery, state: FSMContext, conversation: Conversation) -> None:
    await query.answer()
    # The menu stays as it is: the categories come in a message of their own.
    conversation.edit = False
    await state.clear()
    snapshot = await conversation.snapshot()
    if snapshot is not None:
        await conversation.categories(snapshot, 0)


async def start_at_service(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    users: UsersRepo,
    t: Texts,
    conversation: Conversation,
    event_from_user: User,
) -> None:
    """`/start svc_<id>`, a link to one service (from inline search): straight to its first
    question, or the categories if the service is not sold (any more)."""
    await users.welcome(event_from_user.id)
    await state.clear()
    snapshot = await conversation.snapshot()
    if snapshot is None:
        return
    service = snapshot.services.get(linked_service(command.args or ""))
    if service is None:
        await message.answer(t("service-gone"))
        await conversation.categories(snapshot, 0)
        return
    await conversation.choose(snapshot, service)


async def order_again(
    query: CallbackQuery, order: Order, state: FSMContext, t: Texts, conversation: Conversation
) -> None:
    """Order again (`OwnOrder` gave the tapper's own `order`): the same service and link,
    in a new message under the card, asking what is left; the card stays as it is."""
    await query.answer()
    conversation.edit = False
    snapshot = await conversation.snapshot()
    if snapshot is None:
        return
    service = snapshot.services.get(order.service_id)
    if service is None or order_type(service) is None:  # gone from the shop, or hidden
        markup = keyboards.next_steps(t, "order", "orders")
        await conversation.message.answer(t("order-again-gone"), reply_markup=markup)
        return
    await state.clear()
    await conversation.again(snapshot, service, order.link)


async def cancel_command(message: Message, state: FSMContext, t: Texts) -> None:
    # Other conversations with a /cancel of their own answer it ahead of this one; what
    # else reaches here (a search of My orders) was no order.
    had_order = (await state.get_state() or "").startswith("OrderForm:")
    await state.clear()
    await message.answer(
        t("order-cancelled" if had_order else "order-nothing-to-cancel"),
        reply_markup=keyboards.main_menu(t),
    )
