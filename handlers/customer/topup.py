"""`/topup` and the menu's Top up button: every way of paying that is on offers itself
(`bot.payments`); for Stars, preset amounts and the invoice; an amount typed for any method.

Top-ups happen in private chats only, like everything about a balance.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import Amounts
from bot.payments import Offer, PaymentFailed, Payments, TopupForm, ask_amount
from bot.payments.keyboards import topup_typing
from bot.telegram.callbacks import MenuCb, TopupCb
from bot.telegram.keyboards import main_menu
from handlers.customer.promo import promo_row

PRIVATE = F.chat.type == "private"


async def _offer(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    payments: Payments,
    catalogue: Catalogue,
    t: Texts,
) -> None:
    offers = payments.offers(t, catalogue.currency)
    for number, offer in enumerate(offers, 1):
        # A promo code is one more way money comes in: under the last offer.
        markup = promo_row(t, offer.markup) if number == len(offers) else offer.markup
        await _show(bot, chat_id, state, offer, markup)


async def _show(
    bot: Bot,
    chat_id: int,
    state: FSMContext,
    offer: Offer,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """An offer (under `markup` instead of its own); the amount it asks for, if any, is
    what the customer types next."""
    if offer.amount_for is not None:
        await ask_amount(state, offer.amount_for)
    await bot.send_message(chat_id, offer.text, reply_markup=markup or offer.markup)


async def _invoice(
    bot: Bot, payments: Payments, t: Texts, chat_id: int, user: User, stars: int
) -> None:
    try:
        await payments.stars.create(bot, t, user.id, stars, chat_id=chat_id)
    except PaymentFailed as failed:
        await bot.send_message(chat_id, t(failed.text_key))


async def topup_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    state: FSMContext,
    event_from_user: User,
    payments: Payments,
    catalogue: Catalogue,
    t: Texts,
) -> None:
    if command.args is None:
        await _offer(bot, message.chat.id, state, payments, catalogue, t)
        return
    # A number typed after /topup is stars: the one method priced in a count people type.
    stars = payments.stars.parse(command.args)
    if stars is None:
        await message.answer(t("topup-bad-amount", **payments.stars.bounds))
        return
    await _invoice(bot, payments, t, message.chat.id, event_from_user, stars)


async def topup_elsewhere(message: Message, t: Texts) -> None:
    await message.answer(t("private-only"))


async def topup_button(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    payments: Payments,
    catalogue: Catalogue,
    t: Texts,
) -> None:
    await query.answer()
    if query.message is not None:
        await _offer(bot, query.message.chat.id, state, payments, catalogue, t)


async def method_chosen(
    query: CallbackQuery,
    callback_data: TopupCb,
    bot: Bot,
    state: FSMContext,
    payments: Payments,
    catalogue: Catalogue,
    t: Texts,
) -> None:
    method = payments.by_name(callback_data.method)
    if method is None:  # switched off since the choice was offered, or forged
        await query.answer(t("topup-method-off"), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await _show(bot, query.message.chat.id, state, method.offer(t, catalogue.currency))


async def preset_chosen(
    query: CallbackQuery, callback_data: TopupCb, bot: Bot, payments: Payments, t: Texts
) -> None:
    # A button sent before the bounds changed may offer an amount no longer allowed.
    stars = payments.stars.parse(str(callback_data.stars))
    if stars is None:
        await query.answer(t("topup-bad-amount", **payments.stars.bounds), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await _invoice(bot, payments, t, query.message.chat.id, query.from_user, stars)


async def other_amount(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    payments: Payments,
    amounts: Amounts,
    t: Texts,
) -> None:
    await query.answer()
    await ask_amount(state, payments.stars.name)
    if query.message is not None:
        stars = payments.stars
        # Stars are typed, but the money they buy is what the customer thinks in.
        worth = t(
            "topup-bounds-worth",
            min_amount=amounts(stars.credit_for(stars.bounds["min"])),
            max_amount=amounts(stars.credit_for(stars.bounds["max"])),
            **stars.bounds,
        )
        await bot.send_message(
            query.message.chat.id,
            f"{t('topup-type-amount', **stars.bounds)}\n{worth}",
            reply_markup=topup_typing(t),
        )


async def amount_typed(
    message: Message,
    bot: Bot,
    state: FSMContext,
    event_from_user: User,
    payments: Payments,
    t: Texts,
) -> None:
    """An amount typed for the method that asked for it (`ask_amount`), whichever it is."""
    method = payments.by_name(str((await state.get_data()).get("method")))
    if method is None:  # switched off since the amount was asked
        await state.clear()
        await message.answer(t("topup-method-off"))
        return
    amount = method.parse_amount(message.text, t.locale)
    if amount is None:
        # Still waiting for an amount: the customer tries again or taps Cancel.
        await message.answer(method.bad_amount(t), reply_markup=topup_typing(t))
        return
    await state.clear()
    after = await method.take_amount(bot, t, event_from_user.id, amount, chat_id=message.chat.id)
    if after is not None:
        await state.set_state(after)


async def cancel_command(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("topup-cancelled"), reply_markup=main_menu(t))


async def typing_cancelled(query: CallbackQuery, state: FSMContext, t: Texts) -> None:
    # Only the amount prompt is left: a Cancel tapped on an old prompt must not end some
    # other conversation the customer has started since.
    if await state.get_state() == TopupForm.amount.state:
        await state.clear()
    await query.answer(t("topup-cancelled"))


def create_router() -> Router:
    router = Router(name="topup")
    router.message.register(topup_command, Command("topup"), PRIVATE)
    router.message.register(topup_elsewhere, Command("topup"))
    # Ahead of the order router's /cancel, which would speak of an order.
    router.message.register(cancel_command, Command("cancel"), TopupForm.amount)
    # Other commands go on to their own handlers; anything else is the amount, good or bad.
    router.message.register(amount_typed, TopupForm.amount, PRIVATE, ~F.text.startswith("/"))
    router.callback_query.register(topup_button, MenuCb.filter(F.action == "topup"))
    router.callback_query.register(method_chosen, TopupCb.filter(F.action == "method"))
    router.callback_query.register(preset_chosen, TopupCb.filter(F.action == "pay"))
    router.callback_query.register(other_amount, TopupCb.filter(F.action == "type"))
    router.callback_query.register(typing_cancelled, TopupCb.filter(F.action == "cancel"))
    return router
