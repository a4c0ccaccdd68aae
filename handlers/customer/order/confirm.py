"""Confirm: the summary's one-time token becomes one charged order, placed once.

The token is UNIQUE in the database: a second tap, a replayed update or two taps at once
place one order. A price that changed since the summary gets a fresh summary instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.i18n import Arg, Texts
from bot.orders.conversation import Conversation
from bot.orders.draft import Draft
from bot.orders.placement import Placer
from bot.storage import InsufficientFunds, OrdersRepo, TokenUsed
from bot.telegram import keyboards
from bot.telegram.callbacks import ConfirmCb


async def confirm(
    query: CallbackQuery,
    callback_data: ConfirmCb,
    draft: Draft,
    bot: Bot,
    state: FSMContext,
    t: Texts,
    orders: OrdersRepo,
    placer: Placer,
    conversation: Conversation,
) -> None:
    if draft.token != callback_data.token:
        await not_live(query, callback_data, t, orders)
        return
    # Telegram drops answers after a few seconds: answer before the panel is asked anything.
    await query.answer()
    priced = await conversation.priced(draft, cached=True)
    if priced is None:
        return
    _, quote = priced
    if str(quote.charge) != draft.charge:
        await conversation.summary(price_changed=True)
        return
    try:
        order = await orders.create_and_charge(
            quote.new_order(query.from_user.id, callback_data.token)
        )
    except TokenUsed:  # a concurrent tap of the same button, or one before a restart, won
        # A message of its own: the summary's message shows how the winning tap is going.
        await conversation.message.answer(t("order-already-placed"))
        return
    except InsufficientFunds:  # the balance moved since the summary: show what is missing
        await conversation.summary()
        return
    await state.clear()
    await conversation.tell(t("order-placing"))

    async def tell(key: str, values: Mapping[str, Arg]) -> None:
        await conversation.tell(t(key, **values), keyboards.main_menu(t))

    await placer.place(bot, order, tell)


async def not_live(
    query: CallbackQuery, callback_data: ConfirmCb, t: Texts, orders: OrdersRepo
) -> None:
    """Confirm on a summary that is no longer current: placed already, or expired."""
    earlier = await orders.by_token(callback_data.token)
    if earlier is not None and earlier.user_id == query.from_user.id:
        await query.answer(t("order-already-placed"), show_alert=True)
    else:
        await query.answer(t("order-expired"), show_alert=True)
