"""Top up from a summary the balance does not cover: a top-up of at least what is missing,
by the method whose button was tapped (`bot.payments`); once it is paid, the customer comes
back to the summary (the draft is kept in the meantime, and its buttons stay live): Stars
at once (`handlers.customer.payments`, the payment arrives in the chat), a method credited
outside the chat through the "Back to your order" button under its notice."""

from __future__ import annotations

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.i18n import Texts
from bot.orders.checkout import Checkout
from bot.orders.conversation import Conversation, OrderForm
from bot.orders.draft import Draft
from bot.payments import PaymentFailed, Payments
from bot.telegram.callbacks import OrderNavCb


async def top_up(
    query: CallbackQuery,
    callback_data: OrderNavCb,
    draft: Draft,
    bot: Bot,
    state: FSMContext,
    payments: Payments,
    raw_state: str | None,
    t: Texts,
    checkout: Checkout,
    conversation: Conversation,
) -> None:
    method = payments.by_cover_action(callback_data.action)
    # The summary's message becomes the question again after Back: its old Top up with it.
    if raw_state != OrderForm.confirm.state or method is None:
        await query.answer(t("order-expired"), show_alert=True)
        return
    if draft.topup is not None:  # a second tap: one invoice per summary is enough
        await query.answer(t("order-topup-sent"), show_alert=True)
        return
    await query.answer()
    priced = await conversation.priced(draft, cached=True)
    if priced is None:
        return
    snapshot, quote = priced
    funds = await checkout.funds(query.from_user.id, quote.charge)
    cover = None if funds.enough else method.cover(funds.missing, t, conversation.amounts)
    if cover is None:  # topped up or credited meanwhile: Confirm instead
        await conversation.summary(snapshot)
        return
    # Remembered before the invoice goes out: a tap queued behind this one sees it.
    await state.update_data(topup=cover.units)
    chat_id = conversation.message.chat.id
    if cover.note is not None:
        await bot.send_message(chat_id, cover.note)
    try:
        await method.create(bot, t, query.from_user.id, cover.units, chat_id=chat_id)
    except PaymentFailed as failed:
        await state.update_data(topup=None)
        await bot.send_message(chat_id, t(failed.text_key))


async def back_to_summary(
    query: CallbackQuery, raw_state: str | None, t: Texts, conversation: Conversation
) -> None:
    """ "Back to your order" under a top-up's notice: the summary again, re-quoted, with
    Confirm now that the balance covers it."""
    if raw_state != OrderForm.confirm.state:  # ordered, cancelled or moved on since
        await query.answer(t("order-expired"), show_alert=True)
        return
    await query.answer()
    # A new message at the bottom of the chat: the notice above it stays as it was.
    conversation.edit = False
    await conversation.resume()
