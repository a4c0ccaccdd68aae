"""Support: `/support`, `/paysupport`, the menu's Support button and an order card's "Ask
about this order" open a ticket; a reply to our answer (or Write back) continues it.

Every button carries a ticket id only; the ticket is looked up again with the tapping
user's id, so a forged button touches nobody else's ticket.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Texts
from bot.orders.filters import OwnOrder
from bot.settings import Settings
from bot.storage import Order
from bot.storage.tickets import Ticket, TicketsRepo
from bot.support import QUESTION, QUESTION_ORDER, Support, customer_buttons
from bot.telegram.callbacks import MenuCb, OrderCb, QuestionCb, TicketCb
from bot.telegram.keyboards import main_menu
from bot.telegram.replies import edit_or_send


class SupportForm(StatesGroup):
    writing = State()  # data: "ticket" (writing more) or "order" (asking about it), or none


class OwnTicket(Filter):
    """A button about one ticket (`TicketCb`) that the tapping customer owns; gives
    `ticket`. Anyone else's falls through to the fallback: the button has expired."""

    async def __call__(
        self, query: CallbackQuery, callback_data: TicketCb, tickets: TicketsRepo
    ) -> bool | dict[str, Any]:
        ticket = await tickets.get_for_user(query.from_user.id, callback_data.id)
        return False if ticket is None else {"ticket": ticket}


class ReplyToOwnTicket(Filter):
    """A text reply to one of our messages in the customer's own ticket; gives `ticket`."""

    async def __call__(
        self, message: Message, tickets: TicketsRepo, event_from_user: User
    ) -> bool | dict[str, Any]:
        replied = message.reply_to_message
        if replied is None or message.text is None or message.text.startswith("/"):
            return False
        ticket = await tickets.by_message(message.chat.id, replied.message_id)
        if ticket is None or ticket.user_id != event_from_user.id:
            return False
        return {"ticket": ticket}


async def _prompt(
    message: Message, state: FSMContext, t: Texts, settings: Settings, key: str, **data: int
) -> None:
    await state.set_state(SupportForm.writing)
    await state.set_data(dict(data))
    lines = [t(key, **{name: str(value) for name, value in data.items()})]
    if settings.support_contact:
        lines.append(t("support-contact", contact=settings.support_contact))
    await message.answer("\n".join(lines))


async def support_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    state: FSMContext,
    support: Support,
    settings: Settings,
    event_from_user: User,
    t: Texts,
) -> None:
    question = (command.args or "").strip()
    if question:  # `/support my order is late`: no need to ask what they want
        ticket = await support.ask(bot, event_from_user, question, None)
        await message.answer(
            t("support-sent", ticket=str(ticket.id)), reply_markup=customer_buttons(t, ticket.id)
        )
        return
    await _prompt(message, state, t, settings, "support-ask")


async def support_in_group(message: Message, t: Texts) -> None:
    await message.answer(t("private-only"))


async def support_button(
    query: CallbackQuery, state: FSMContext, settings: Settings, t: Texts
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await _prompt(query.message, state, t, settings, "support-ask")


async def ask_about_order(
    query: CallbackQuery, order: Order, state: FSMContext, settings: Settings, t: Texts
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await _prompt(query.message, state, t, settings, "support-ask-order", order=order.id)


async def written(
    message: Message,
    bot: Bot,
    state: FSMContext,
    support: Support,
    tickets: TicketsRepo,
    event_from_user: User,
    t: Texts,
) -> None:
    text = (message.text or "").strip()
    if not text:
        await message.answer(t("support-text-only"))
        return
    data = await state.get_data()
    await state.clear()
    ticket_id = data.get("ticket")
    if isinstance(ticket_id, int):
        ticket = await tickets.get_for_user(event_from_user.id, ticket_id)
        if ticket is not None and await support.follow_up(bot, ticket, text):
            await message.answer(
                t("support-more-sent", ticket=str(ticket.id)),
                reply_markup=customer_buttons(t, ticket.id),
            )
            return
        # Closed while they typed: their words still reach us, as a new ticket.
    order_id = data.get("order")
    ticket = await support.ask(
        bot, event_from_user, text, order_id if isinstance(order_id, int) else None
    )
    await message.answer(
        t("support-sent", ticket=str(ticket.id)), reply_markup=customer_buttons(t, ticket.id)
    )


async def send_question(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    support: Support,
    settings: Settings,
    event_from_user: User,
    t: Texts,
) -> None:
    """The free text offered to support goes as it is, with the order it named; gone
    (another conversation since), the customer is asked to write it."""
    await query.answer()
    data = await state.get_data()
    question, order_id = data.get(QUESTION), data.get(QUESTION_ORDER)
    if not isinstance(query.message, Message):
        return
    if not isinstance(question, str):
        await _prompt(query.message, state, t, settings, "support-ask")
        return
    await state.set_data({k: v for k, v in data.items() if k not in (QUESTION, QUESTION_ORDER)})
    ticket = await support.ask(
        bot, event_from_user, question, order_id if isinstance(order_id, int) else None
    )
    await edit_or_send(
        query.message, t("support-sent", ticket=str(ticket.id)), customer_buttons(t, ticket.id)
    )


async def not_text(message: Message, t: Texts) -> None:
    # Photos and files are not relayed: a caption alone would lose what it captions.
    await message.answer(t("support-text-only"))


async def cancel(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("support-cancelled"), reply_markup=main_menu(t))


async def replied(message: Message, bot: Bot, support: Support, ticket: Ticket, t: Texts) -> None:
    text = (message.text or "").strip()
    if ticket.closed or not await support.follow_up(bot, ticket, text):
        await message.answer(t("support-ticket-closed"))
        return
    await message.answer(
        t("support-more-sent", ticket=str(ticket.id)), reply_markup=customer_buttons(t, ticket.id)
    )


async def write_more(
    query: CallbackQuery, ticket: Ticket, state: FSMContext, settings: Settings, t: Texts
) -> None:
    if ticket.closed:
        await query.answer(t("support-ticket-closed"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await _prompt(query.message, state, t, settings, "support-ask-more", ticket=ticket.id)


async def close(query: CallbackQuery, ticket: Ticket, bot: Bot, support: Support, t: Texts) -> None:
    if not await support.close(bot, ticket, by_admin=False):
        await query.answer(t("support-ticket-closed"))
        return
    await query.answer(t("support-closed", ticket=str(ticket.id)))
    if isinstance(query.message, Message):
        await query.message.answer(
            t("support-closed", ticket=str(ticket.id)), reply_markup=main_menu(t)
        )


def create_router() -> Router:
    router = Router(name="support")
    private = F.chat.type == "private"
    for name in ("support", "paysupport"):
        router.message.register(support_command, Command(name), private)
        router.message.register(support_in_group, Command(name))
    router.callback_query.register(support_button, MenuCb.filter(F.action == "support"))
    router.callback_query.register(send_question, QuestionCb.filter(F.action == "support"))
    # Someone else's order falls through to My orders, which says there is no such order.
    router.callback_query.register(ask_about_order, OrderCb.filter(F.action == "ask"), OwnOrder())
    router.message.register(cancel, Command("cancel"), SupportForm.writing)
    router.message.register(replied, ReplyToOwnTicket(), private)
    router.message.register(written, SupportForm.writing, F.text)
    router.message.register(not_text, SupportForm.writing)
    own = OwnTicket()
    router.callback_query.register(write_more, TicketCb.filter(F.action == "write"), own)
    router.callback_query.register(close, TicketCb.filter(F.action == "close"), own)
    return router
