"""Support tickets: what a customer writes reaches every admin, an admin's answer reaches
the customer, each copy remembered so that replying to it continues the same ticket.

Best effort towards admins, as alerts are: one admin who blocked the bot must not keep the
question from the others.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import InlineKeyboardMarkup, User
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot import questions
from bot.desk.views import customer_label, status_label
from bot.i18n import Html, Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.settings import Settings
from bot.storage import Order, OrdersRepo, Profile, UsersRepo
from bot.storage.tickets import Ticket, TicketsRepo
from bot.telegram.callbacks import QuestionCb, TicketCb
from bot.telegram.keyboards import main_menu

log = logging.getLogger(__name__)

# What one message of a ticket may carry when passed on: a header and the order's details
# come with it, and Telegram refuses a message over 4,096 characters. Longer text is kept
# whole in the database and cut when relayed.
RELAY_LIMIT = 3000
# A ticket's history in one message: its latest messages, each cut to HISTORY_MESSAGE.
HISTORY_LIMIT = 3800
HISTORY_MESSAGE = 1000
# The chat's FSM data under free text offered to support (`question_buttons`): the text,
# and the id of the customer's own order it names (None: none).
QUESTION = "question"
QUESTION_ORDER = "question_order"


def cut(text: str, limit: int = RELAY_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def admin_buttons(t: Texts, ticket_id: int, *, closed: bool = False) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    if not closed:
        builder.button(
            text=t("ticket-reply"), callback_data=TicketCb(action="answer", id=ticket_id)
        )
        builder.button(text=t("ticket-close"), callback_data=TicketCb(action="close", id=ticket_id))
    builder.button(text=t("ticket-history"), callback_data=TicketCb(action="history", id=ticket_id))
    builder.adjust(2, 1)
    return builder.as_markup()


def question_buttons(t: Texts) -> InlineKeyboardMarkup:
    """Under free text that reads as a question: support first, the search after, then the
    menu (no reply is a dead end)."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("free-text-to-support"), callback_data=QuestionCb(action="support"))
    builder.button(text=t("free-text-search"), callback_data=QuestionCb(action="search"))
    builder.adjust(1)
    builder.attach(InlineKeyboardBuilder.from_markup(main_menu(t)))
    return builder.as_markup()


def customer_buttons(t: Texts, ticket_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("support-write"), callback_data=TicketCb(action="write", id=ticket_id))
    builder.button(text=t("ticket-close"), callback_data=TicketCb(action="close", id=ticket_id))
    builder.adjust(2)
    return builder.as_markup()


class Support:
    def __init__(
        self,
        *,
        settings: Settings,
        tickets: TicketsRepo,
        users: UsersRepo,
        orders: OrdersRepo,
        alerts: Alerts,
        amounts: Amounts,
    ) -> None:
        self._admins = sorted(settings.admin_ids)
        self.tickets = tickets
        self._users = users
        self._orders = orders
        self._alerts = alerts
        self._amounts = amounts

    async def ask(self, bot: Bot, user: User, text: str, order_id: int | None) -> Ticket:
        """Open a ticket and pass it to the admins. Kept even if no admin could be told
        now: /tickets lists it."""
        # Someone whose first words are a question has no row yet, and the admins must see
        # the name now, not after the update (when the language middleware records it).
        await self._users.ensure(user.id)
        await self._users.remember(
            user.id, Profile(user.language_code, user.first_name, user.username)
        )
        ticket = await self.tickets.open(user.id, order_id, text)
        await self._to_admins(bot, ticket, "ticket-new", text)
        return ticket

    async def named_order(self, user_id: int, text: str) -> Order | None:
        """The customer's own order that `text` names, by the shop's number or the panel's
        (customers may quote either); the first number that is one."""
        for number in questions.numbers(text):
            order = await self._orders.get_for_user(user_id, int(number))
            if order is None:
                order = await self._orders.get_for_user_by_panel_id(user_id, number)
            if order is not None:
                return order
        return None

    async def follow_up(self, bot: Bot, ticket: Ticket, text: str) -> bool:
        """The customer writes more in their ticket; False if it was closed meanwhile."""
        if not await self.tickets.add(ticket.id, ticket.user_id, from_admin=False, text=text):
            return False
        await self._to_admins(bot, ticket, "ticket-more", text)
        return True

    async def answer(self, bot: Bot, ticket: Ticket, admin_id: int, text: str) -> bool | None:
        """An admin's answer: None if the ticket was closed meanwhile, else whether the
        customer got it."""
        if not await self.tickets.add(ticket.id, admin_id, from_admin=True, text=text):
            return None
        await self._tell_other_admins(bot, ticket, admin_id, text)
        t = await self._alerts.texts_for(ticket.user_id)
        try:
            sent = await bot.send_message(
                ticket.user_id,
                t("support-answer", ticket=str(ticket.id), text=cut(text)),
                reply_markup=customer_buttons(t, ticket.id),
            )
        except (TelegramAPIError, TelegramNetworkError) as error:
            log.warning("answer to ticket %s not delivered: %s", ticket.id, error)
            return False
        await self.tickets.remember(ticket.user_id, sent.message_id, ticket.id)
        return True

    async def close(self, bot: Bot, ticket: Ticket, *, by_admin: bool) -> bool:
        """Close it and tell the other side; False if it was closed already."""
        if not await self.tickets.close(ticket.id):
            return False
        if by_admin:
            t = await self._alerts.texts_for(ticket.user_id)
            await self._deliver(
                bot, ticket.user_id, t("support-closed-by-us", ticket=str(ticket.id))
            )
        else:
            for admin_id in self._admins:
                t = await self._alerts.texts_for(admin_id)
                await self._deliver(
                    bot, admin_id, t("ticket-closed-by-customer", ticket=str(ticket.id))
                )
        return True

    async def history(self, t: Texts, ticket: Ticket) -> str:
        """The whole ticket for an admin: who wrote what, when; the latest messages that
        fit one Telegram message, saying how many earlier ones are left out."""
        customer = customer_label(await self._users.get(ticket.user_id), ticket.user_id)
        head = t(
            "ticket-history-title",
            ticket=str(ticket.id),
            status=t(f"ticket-status-{ticket.status}"),
            customer=customer,
        )
        if ticket.order_id is not None:
            head += "\n" + t("ticket-history-order", order=str(ticket.order_id))
        names: dict[int, str] = {ticket.user_id: customer}
        blocks: list[str] = []
        messages = await self.tickets.history(ticket.id)
        room = HISTORY_LIMIT - len(head)
        for message in reversed(messages):
            if message.author_id not in names:
                record = await self._users.get(message.author_id)
                names[message.author_id] = customer_label(record, message.author_id)
            block = t(
                "ticket-history-admin" if message.from_admin else "ticket-history-customer",
                who=Html(names[message.author_id]),
                when=message.created_at,
                text=cut(message.text, HISTORY_MESSAGE),
            )
            if len(block) + 2 > room:
                break
            room -= len(block) + 2
            blocks.append(block)
        left_out = len(messages) - len(blocks)
        if left_out:
            blocks.append(t("ticket-history-earlier", count=left_out))
        return "\n\n".join([head, *reversed(blocks)])

    async def _tell_other_admins(self, bot: Bot, ticket: Ticket, admin_id: int, text: str) -> None:
        """So that two admins do not answer the same question: the others see the answer
        (a reply to it continues the ticket, like a reply to the question)."""
        by = customer_label(await self._users.get(admin_id), admin_id)
        for other in self._admins:
            if other == admin_id:
                continue
            t = await self._alerts.texts_for(other)
            notice = t("ticket-answered-by", ticket=str(ticket.id), admin=by, text=cut(text))
            try:
                sent = await bot.send_message(
                    other, notice, reply_markup=admin_buttons(t, ticket.id)
                )
            except (TelegramAPIError, TelegramNetworkError) as error:
                log.warning("ticket %s: telling admin %s failed: %s", ticket.id, other, error)
                continue
            await self.tickets.remember(other, sent.message_id, ticket.id)

    async def _to_admins(self, bot: Bot, ticket: Ticket, key: str, text: str) -> int:
        customer = await self._users.get(ticket.user_id)
        order = None if ticket.order_id is None else await self._orders.get(ticket.order_id)
        delivered = 0
        for admin_id in self._admins:
            t = await self._alerts.texts_for(admin_id)
            lines = [
                t(key, ticket=str(ticket.id), customer=customer_label(customer, ticket.user_id))
            ]
            if order is not None:
                lines.append(
                    t(
                        "ticket-order",
                        order=str(order.id),
                        panel=order.on_panel or "—",
                        service=order.service_name,
                        link=order.link,
                        quantity=order.quantity,
                        charge=self._amounts(order.charge),
                        status=status_label(t, order.status),
                    )
                )
            lines += ["", t("ticket-text", text=cut(text))]
            try:
                sent = await bot.send_message(
                    admin_id, "\n".join(lines), reply_markup=admin_buttons(t, ticket.id)
                )
            except (TelegramAPIError, TelegramNetworkError) as error:
                log.warning("ticket %s to admin %s failed: %s", ticket.id, admin_id, error)
                continue
            await self.tickets.remember(admin_id, sent.message_id, ticket.id)
            delivered += 1
        if not self._admins:
            log.warning("ticket %s: no ADMIN_IDS set, nobody to tell", ticket.id)
        return delivered

    @staticmethod
    async def _deliver(bot: Bot, chat_id: int, text: str) -> None:
        try:
            await bot.send_message(chat_id, text)
        except (TelegramAPIError, TelegramNetworkError) as error:
            log.warning("support notice to %s failed: %s", chat_id, error)
