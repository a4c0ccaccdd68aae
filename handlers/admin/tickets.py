"""Answering support tickets: reply to the ticket's message (or tap Reply, then write),
Close, and `/tickets` for the ones not closed."""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, Filter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.desk.views import customer_label
from bot.i18n import Texts
from bot.storage import UsersRepo
from bot.storage.tickets import Ticket, TicketsRepo
from bot.support import Support, admin_buttons, cut
from bot.telegram.callbacks import INT64_MAX, TicketCb
from bot.validation import parse_whole_number

# /tickets shows this many; the rest wait until these are answered.
LISTED = 20
# The customer's latest words as /tickets quotes them.
QUOTE = 80


class AnswerForm(StatesGroup):
    writing = State()  # data: "ticket"


class ReplyToTicket(Filter):
    """A reply to a ticket's message in this admin's chat; gives `ticket`."""

    async def __call__(self, message: Message, tickets: TicketsRepo) -> bool | dict[str, Any]:
        replied = message.reply_to_message
        if replied is None or (message.text or "").startswith("/"):
            return False
        ticket = await tickets.by_message(message.chat.id, replied.message_id)
        return False if ticket is None else {"ticket": ticket}


async def _answer(message: Message, bot: Bot, support: Support, ticket: Ticket, t: Texts) -> None:
    text = (message.text or "").strip()
    if not text:
        await message.answer(t("support-text-only"))
        return
    if message.from_user is None:  # cannot happen in a private chat
        return
    delivered = await support.answer(bot, ticket, message.from_user.id, text)
    if delivered is None:
        await message.answer(t("ticket-closed-already", ticket=str(ticket.id)))
    elif delivered:
        await message.answer(t("ticket-answered", ticket=str(ticket.id)))
    else:
        await message.answer(t("ticket-not-delivered", ticket=str(ticket.id)))


async def by_reply(message: Message, bot: Bot, support: Support, ticket: Ticket, t: Texts) -> None:
    await _answer(message, bot, support, ticket, t)


async def answer_button(
    query: CallbackQuery,
    callback_data: TicketCb,
    state: FSMContext,
    tickets: TicketsRepo,
    t: Texts,
) -> None:
    ticket = await tickets.get(callback_data.id)
    if ticket is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    if ticket.closed:
        await query.answer(t("ticket-closed-already", ticket=str(ticket.id)), show_alert=True)
        return
    await query.answer()
    await state.set_state(AnswerForm.writing)
    await state.set_data({"ticket": ticket.id})
    if isinstance(query.message, Message):
        await query.message.answer(t("ticket-answer-prompt", ticket=str(ticket.id)))


async def written(
    message: Message,
    bot: Bot,
    state: FSMContext,
    support: Support,
    tickets: TicketsRepo,
    t: Texts,
) -> None:
    ticket_id = (await state.get_data()).get("ticket")
    await state.clear()
    ticket = await tickets.get(ticket_id) if isinstance(ticket_id, int) else None
    if ticket is None:  # the state outlived its ticket: cannot happen but by hand
        await message.answer(t("button-expired"))
        return
    await _answer(message, bot, support, ticket, t)


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("support-text-only"))


async def cancel(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("ticket-answer-cancelled"))


async def close_button(
    query: CallbackQuery, callback_data: TicketCb, bot: Bot, support: Support, t: Texts
) -> None:
    ticket = await support.tickets.get(callback_data.id)
    if ticket is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    if not await support.close(bot, ticket, by_admin=True):
        await query.answer(t("ticket-closed-already", ticket=str(ticket.id)))
        return
    await query.answer(t("ticket-closed", ticket=str(ticket.id)))


async def tickets_command(
    message: Message, tickets: TicketsRepo, users: UsersRepo, t: Texts
) -> None:
    count, listed = await tickets.unclosed(LISTED)
    if not count:
        await message.answer(t("tickets-none"))
        return
    lines = [t("tickets-title", count=count), ""]
    builder = InlineKeyboardBuilder()
    for ticket in listed:
        quote = " ".join(ticket.last_text.split())
        lines.append(
            t(
                "tickets-line",
                ticket=str(ticket.id),
                status=t(f"ticket-status-{ticket.status}"),
                customer=customer_label(await users.get(ticket.user_id), ticket.user_id),
                text=cut(quote, QUOTE),
            )
        )
        builder.button(
            text=t("tickets-reply", ticket=str(ticket.id)),
            callback_data=TicketCb(action="answer", id=ticket.id),
        )
    builder.adjust(4)
    await message.answer("\n".join(lines), reply_markup=builder.as_markup())


async def ticket_command(
    message: Message, command: CommandObject, support: Support, t: Texts
) -> None:
    """`/ticket 12`: the ticket's whole history."""
    number = parse_whole_number((command.args or "").removeprefix("#"))
    ticket = None if number is None or number > INT64_MAX else await support.tickets.get(number)
    if ticket is None:
        await message.answer(t("ticket-not-found"))
        return
    await _show_history(message, support, ticket, t)


async def history_button(
    query: CallbackQuery, callback_data: TicketCb, support: Support, t: Texts
) -> None:
    ticket = await support.tickets.get(callback_data.id)
    if ticket is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    if isinstance(query.message, Message):
        await _show_history(query.message, support, ticket, t)


async def _show_history(message: Message, support: Support, ticket: Ticket, t: Texts) -> None:
    text = await support.history(t, ticket)
    await message.answer(text, reply_markup=admin_buttons(t, ticket.id, closed=ticket.closed))


def create_router() -> Router:
    router = Router(name="admin-tickets")
    router.message.register(tickets_command, Command("tickets"))
    router.message.register(ticket_command, Command("ticket"))
    router.message.register(cancel, Command("cancel"), AnswerForm.writing)
    router.message.register(by_reply, ReplyToTicket(), F.text)
    router.message.register(not_text, ReplyToTicket())
    router.message.register(written, AnswerForm.writing, F.text)
    router.message.register(not_text, AnswerForm.writing)
    router.callback_query.register(answer_button, TicketCb.filter(F.action == "answer"))
    router.callback_query.register(close_button, TicketCb.filter(F.action == "close"))
    router.callback_query.register(history_button, TicketCb.filter(F.action == "history"))
    return router
