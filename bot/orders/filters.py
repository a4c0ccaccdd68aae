"""The order feature's filters: a tap on the conversation's live question, a button about
one of the tapping user's own orders."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.orders.draft import Draft
from bot.storage import OrdersRepo
from bot.telegram.callbacks import OrderCb


class LivePrompt(Filter):
    """A tap on the order conversation's current question (not an older message's buttons);
    gives the handler the conversation's `draft`.

    Paired with a handler without it that answers that the button has expired.
    """

    async def __call__(self, query: CallbackQuery, state: FSMContext) -> bool | dict[str, Any]:
        step = await state.get_state()
        # Only the order conversation's own questions: a top-up being typed is not one.
        if not (step or "").startswith("OrderForm:") or not isinstance(query.message, Message):
            return False
        draft = Draft.from_data(await state.get_data())
        if query.message.message_id != draft.prompt_id:
            return False
        return {"draft": draft}


class OwnOrder(Filter):
    """A button about one order (`OrderCb`) that the tapping user owns; gives the handler the
    `order`. Paired with a handler without it that answers there is no such order: a forged
    or forwarded button shows and touches nobody else's order."""

    async def __call__(
        self, query: CallbackQuery, callback_data: OrderCb, orders: OrdersRepo
    ) -> bool | dict[str, Any]:
        order = await orders.get_for_user(query.from_user.id, callback_data.id)
        return False if order is None else {"order": order}
