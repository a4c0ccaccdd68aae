"""Orders of unknown outcome (the panel may or may not have them, the money held): `/unknown`
lists them, `/attach ORDER_ID PANEL_ORDER_ID` says the panel has one, `/fail ORDER_ID` that
it does not (the customer is refunded). The settling itself, with the customer's notice,
is `bot.orders.settling`; these only parse the command and answer the admin.
"""

from __future__ import annotations

import re

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.desk.views import customer_label
from bot.i18n import Texts
from bot.money import Amounts
from bot.notify.news import News
from bot.orders import settling
from bot.storage import OrdersRepo, OrderStateError, PanelIdTaken, Status, UsersRepo
from bot.telegram.replies import in_messages
from bot.validation import parse_whole_number

# Panels number orders with digits, some with hex or other short tokens.
_PANEL_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


async def unknown_orders(
    message: Message, orders: OrdersRepo, users: UsersRepo, amounts: Amounts, t: Texts
) -> None:
    """`/unknown`: orders whose outcome nobody knows, the money held, waiting for an admin."""
    waiting = await orders.list_by_status(Status.UNKNOWN)
    if not waiting:
        await message.answer(t("admin-unknown-none"))
        return
    lines = [t("admin-unknown-title", count=len(waiting))]
    for order in waiting:
        lines.append(
            t(
                "admin-unknown-order",
                id=str(order.id),
                user=customer_label(await users.get(order.user_id), order.user_id),
                service_id=order.service_for_admins,
                service=order.service_name,
                link=order.link,
                quantity=order.quantity,
                charge=amounts(order.charge),
                error=order.error or "",
                since=order.updated_at,
            )
        )
    lines.append(t("admin-unknown-how"))
    for text in in_messages(lines, "\n\n"):
        await message.answer(text)


async def settle(
    message: Message,
    command: CommandObject,
    orders: OrdersRepo,
    news: News,
    amounts: Amounts,
    t: Texts,
) -> None:
    """`/attach ORDER_ID PANEL_ORDER_ID` (the panel has it) or `/fail ORDER_ID` (it does not)."""
    attach = command.command == "attach"
    args = (command.args or "").split()
    order_id = parse_whole_number(args[0]) if args else None
    panel_id = args[1] if attach and len(args) == 2 and _PANEL_ID.fullmatch(args[1]) else None
    if order_id is None or len(args) != (2 if attach else 1) or (attach and panel_id is None):
        await message.answer(t("admin-attach-usage" if attach else "admin-fail-usage"))
        return
    try:
        if panel_id is not None:
            order = await settling.attach(news, orders, order_id, panel_id)
        else:
            order = await settling.fail(news, orders, amounts, order_id)
    except OrderStateError as error:
        key = "admin-settle-missing" if error.status is None else "admin-settle-not-unknown"
        await message.answer(t(key, id=str(order_id), status=error.status or ""))
        return
    except PanelIdTaken:
        await message.answer(t("admin-attach-taken", panel=panel_id or ""))
        return
    if panel_id is not None:
        await message.answer(t("admin-attached", id=str(order.id), panel=panel_id))
    else:
        await message.answer(
            t(
                "admin-failed",
                id=str(order.id),
                refund=amounts(order.refunded),
                user=str(order.user_id),
            )
        )


def create_router() -> Router:
    router = Router(name="admin-unknown")
    router.message.register(unknown_orders, Command("unknown"))
    router.message.register(settle, Command("attach", "fail"))
    return router
