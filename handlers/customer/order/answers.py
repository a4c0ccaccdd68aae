"""Answering the steps a service's type asks (`bot.orders.steps`), by typing or with the
buttons under the question: Keep (what was typed before), Back and Cancel."""

from __future__ import annotations

from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts
from bot.orders.conversation import Conversation
from bot.telegram import keyboards
from bot.telegram.callbacks import OrderNavCb, StepCb


async def typed(message: Message, raw_state: str | None, conversation: Conversation) -> None:
    snapshot = await conversation.snapshot()
    if snapshot is not None:
        await conversation.answer(snapshot, raw_state, message.text)


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("order-text-only"))


async def navigate(
    query: CallbackQuery,
    callback_data: OrderNavCb,
    state: FSMContext,
    raw_state: str | None,
    t: Texts,
    conversation: Conversation,
) -> None:
    await query.answer()
    if callback_data.action == "cancel":
        await state.clear()
        await conversation.show(t("order-cancelled"))
        await conversation.message.answer(t("menu-prompt"), reply_markup=keyboards.main_menu(t))
        return
    snapshot = await conversation.snapshot()
    if snapshot is None:
        return
    if callback_data.action == "back":
        await conversation.back(snapshot, raw_state)
    elif callback_data.action == "skip":
        await conversation.answer(snapshot, raw_state, None, skip=True)
    else:
        await conversation.keep(snapshot, raw_state)


async def chosen(
    query: CallbackQuery, callback_data: StepCb, raw_state: str | None, conversation: Conversation
) -> None:
    """A value offered as a button under the question: as if typed."""
    await query.answer()
    snapshot = await conversation.snapshot()
    if snapshot is not None:
        await conversation.answer(snapshot, raw_state, str(callback_data.value))


async def expired(query: CallbackQuery, t: Texts) -> None:
    """A button under a question that is no longer the current one."""
    await query.answer(t("order-expired"), show_alert=True)
