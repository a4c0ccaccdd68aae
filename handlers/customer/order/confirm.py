"""Confirm: the summary's one-time token becomes one charged order, placed once, through
the checkout (`bot.orders.checkout`). A price that changed since the summary, or a balance
that no longer covers it, gets a fresh summary instead.
"""

from __future__ import annotations

from collections.abc import Mapping

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.i18n import Arg, Texts
from bot.orders.checkout import Checkout, Verdict
from bot.orders.conversation import Conversation
from bot.orders.draft import Draft
from bot.storage import Order
from bot.telegram import keyboards
from bot.telegram.callbacks import ConfirmCb


async def confirm(
    query: CallbackQuery,
    callback_data: ConfirmCb,
    draft: Draft,
    bot: Bot,
    state: FSMContext,
    t: Texts,
    checkout: Checkout,
    conversation: Conversation,
) -> None:
    if draft.token != callback_data.token:
        await not_live(query, callback_data, t, checkout)
        return
    # Telegram drops answers after a few seconds: answer before the panel is asked anything.
    await query.answer()
    priced = await conversation.priced(draft, cached=True)
    if priced is None:
        return
    _, quote = priced

    async def charged(order: Order) -> None:
        await state.clear()
        await conversation.tell(t("order-placing"))

    async def tell(key: str, values: Mapping[str, Arg]) -> None:
        await conversation.tell(t(key, **values), keyboards.main_menu(t))

    result = await checkout.confirm(
        bot,
        query.from_user.id,
        quote,
        draft.charge,
        callback_data.token,
        tell=tell,
        charged=charged,
    )
    if result.verdict is Verdict.PRICE_CHANGED:
        await conversation.summary(price_changed=True)
    elif result.verdict is Verdict.SHORT:  # the balance moved since the summary
        await conversation.summary()
    elif result.verdict is Verdict.ALREADY_PLACED:
        # A concurrent tap of the same button, or one before a restart, won. A message of
        # its own: the summary's message shows how the winning tap is going.
        await conversation.message.answer(t("order-already-placed"))
    elif result.verdict is Verdict.EXPIRED:
        await conversation.message.answer(t("order-expired"))


async def not_live(
    query: CallbackQuery, callback_data: ConfirmCb, t: Texts, checkout: Checkout
) -> None:
    """Confirm on a summary that is no longer current: placed already, or expired."""
    if await checkout.placed_with(callback_data.token, query.from_user.id) is not None:
        await query.answer(t("order-already-placed"), show_alert=True)
    else:
        await query.answer(t("order-expired"), show_alert=True)
