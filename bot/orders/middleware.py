"""The order conversation's middleware: its handlers get their `conversation`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from bot.i18n import Texts
from bot.orders.conversation import Conversation


class OrderConversation(BaseMiddleware):
    """Gives the order conversation's handlers their `conversation`: the message to answer
    (or, after a button, to edit) with everything a screen needs. On the order router only."""

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        t: Texts = data["t"]
        if isinstance(event, CallbackQuery):
            if not isinstance(event.message, Message):  # too old for Telegram to show
                await event.answer(t("order-expired"), show_alert=True)
                return None
            message, edit = event.message, True
        elif isinstance(event, Message):
            message, edit = event, False
        else:
            return await handler(event, data)
        data["conversation"] = Conversation(
            message,
            data["state"],
            edit=edit,
            t=t,
            settings=data["settings"],
            catalogue=data["catalogue"],
            users=data["users"],
            orders=data["orders"],
            amounts=data["amounts"],
            payments=data["payments"],
            pricer=data["pricer"],
            user_id=data["event_from_user"].id,
        )
        return await handler(event, data)
