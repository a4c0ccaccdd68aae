"""Top up from a summary the balance does not cover: an invoice for at least what is
missing; once it is paid, `handlers.customer.payments` brings the customer back to the
summary (the draft is kept in the meantime, and its buttons stay live)."""

from __future__ import annotations

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.i18n import Texts
from bot.orders.checkout import Checkout
from bot.orders.conversation import Conversation, OrderForm
from bot.orders.draft import Draft
from bot.stars import StarInvoices, credit_for, stars_to_cover


async def top_up(
    query: CallbackQuery,
    draft: Draft,
    bot: Bot,
    state: FSMContext,
    invoices: StarInvoices,
    raw_state: str | None,
    t: Texts,
    checkout: Checkout,
    conversation: Conversation,
) -> None:
    # The summary's message becomes the question again after Back: its old Top up with it.
    if raw_state != OrderForm.confirm.state:
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
    if funds.enough:  # topped up or credited meanwhile: Confirm instead
        await conversation.summary(snapshot)
        return
    stars = stars_to_cover(funds.missing, conversation.settings)
    # Remembered before the invoice goes out: a tap queued behind this one sees it.
    await state.update_data(topup=stars)
    chat_id = conversation.message.chat.id
    amount = conversation.amounts(credit_for(stars, conversation.settings))
    await bot.send_message(chat_id, t("order-topup-invoice", amount=amount, stars=stars))
    if not await invoices.send(bot, t, chat_id, query.from_user.id, stars):
        await state.update_data(topup=None)
        await bot.send_message(chat_id, t("topup-invoice-failed"))
