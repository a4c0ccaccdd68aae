"""A customer redeems a promo code: `/promo CODE`, or 🎟 Promo code under Top up (which asks
for the code). The code's amount goes on the balance through the ledger
(`bot.storage.promos`); each refusal says why. An admin's `/promo CODE AMOUNT ...` is
`handlers.admin.promos`: the admins' router comes first, and lets `/promo CODE` through."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    User,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.money import MAX_BALANCE, Amounts
from bot.storage import BalanceLimit, PromoRefused, PromosRepo, UsersRepo, fold_code
from bot.storage.promos import Refusal
from bot.telegram.callbacks import TopupCb
from bot.telegram.keyboards import main_menu, next_steps

PRIVATE = F.chat.type == "private"
# What an unreadable code is echoed back as, at most.
ECHO = 40


class PromoForm(StatesGroup):
    code = State()


def promo_row(t: Texts, markup: InlineKeyboardMarkup | None) -> InlineKeyboardMarkup:
    """`markup` with 🎟 Promo code under it: Top up's way to redeem one."""
    rows = markup.inline_keyboard if markup is not None else []
    button = InlineKeyboardButton(
        text=t("promo-button"), callback_data=TopupCb(action="promo").pack()
    )
    return InlineKeyboardMarkup(inline_keyboard=[*rows, [button]])


def _typing(t: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("topup-cancel"), callback_data=TopupCb(action="unpromo"))
    return builder.as_markup()


async def _redeem(
    message: Message,
    typed: str,
    user: User,
    state: FSMContext,
    users: UsersRepo,
    promos: PromosRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    code = fold_code(typed)
    if code is None:
        # Still waiting (when asked): the customer tries again or taps Cancel.
        shown = " ".join(typed.split())[:ECHO]
        await message.answer(t("promo-bad-code", code=shown), reply_markup=_typing(t))
        await state.set_state(PromoForm.code)
        return
    await users.ensure(user.id)
    try:
        redeemed = await promos.redeem(code, user.id)
    except PromoRefused as refused:
        if refused.why is Refusal.UNKNOWN:  # a typo, most likely: try again
            await state.set_state(PromoForm.code)
            await message.answer(t("promo-unknown", code=code), reply_markup=_typing(t))
            return
        await state.clear()
        markup = next_steps(t, "topup", "order")
        await message.answer(t(f"promo-{refused.why}", code=code), reply_markup=markup)
        return
    except BalanceLimit as full:
        await state.clear()
        await message.answer(
            t("promo-balance-full", max=amounts(MAX_BALANCE), balance=amounts(full.balance))
        )
        return
    await state.clear()
    await message.answer(
        t(
            "promo-redeemed",
            code=code,
            amount=amounts(redeemed.amount),
            balance=amounts(redeemed.balance),
        ),
        reply_markup=next_steps(t, "order", "balance"),
    )


async def promo_command(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    state: FSMContext,
    users: UsersRepo,
    promos: PromosRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    if not (command.args or "").strip():
        await state.set_state(PromoForm.code)
        await message.answer(t("promo-ask"), reply_markup=_typing(t))
        return
    await _redeem(message, command.args or "", event_from_user, state, users, promos, amounts, t)


async def code_typed(
    message: Message,
    event_from_user: User,
    state: FSMContext,
    users: UsersRepo,
    promos: PromosRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    await _redeem(message, message.text or "", event_from_user, state, users, promos, amounts, t)


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("promo-ask"), reply_markup=_typing(t))


async def promo_button(query: CallbackQuery, state: FSMContext, t: Texts) -> None:
    await query.answer()
    if query.message is not None:
        await state.set_state(PromoForm.code)
        await query.message.answer(t("promo-ask"), reply_markup=_typing(t))


async def cancel_command(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("promo-cancelled"), reply_markup=main_menu(t))


async def typing_cancelled(query: CallbackQuery, state: FSMContext, t: Texts) -> None:
    # A Cancel tapped on an old prompt must not end another conversation started since.
    if await state.get_state() == PromoForm.code.state:
        await state.clear()
    await query.answer(t("promo-cancelled"))


async def promo_elsewhere(message: Message, t: Texts) -> None:
    await message.answer(t("private-only"))


def create_router() -> Router:
    router = Router(name="promo")
    router.message.register(promo_command, Command("promo"), PRIVATE)
    router.message.register(promo_elsewhere, Command("promo"))
    router.message.register(cancel_command, Command("cancel"), StateFilter(PromoForm.code))
    # Other commands go on to their own handlers; anything else is the code, good or bad.
    router.message.register(code_typed, PromoForm.code, PRIVATE, F.text, ~F.text.startswith("/"))
    router.message.register(not_text, PromoForm.code, PRIVATE, ~F.text)
    router.callback_query.register(promo_button, TopupCb.filter(F.action == "promo"))
    router.callback_query.register(typing_cancelled, TopupCb.filter(F.action == "unpromo"))
    return router
