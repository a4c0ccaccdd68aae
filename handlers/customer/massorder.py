"""The mass order: `/massorder` (or the menu's button) → the customer's lines → one summary of
every line and the total → one Confirm → each line placed as its own order → one report.

What a line says, how it is priced, the list's total against the balance, how every line is
placed (through the checkout) and the report's figures live in `bot.orders.mass`; these
handlers only carry the conversation. The list's text is kept in the FSM data and read again at
Confirm, so a catalogue or price that changed since the summary shows a fresh summary
instead of charging what the customer did not see.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.catalogue import Catalogue
from bot.catalogue.replies import current_snapshot
from bot.i18n import Html, Texts
from bot.money import Amounts
from bot.orders import mass
from bot.orders.checkout import Verdict
from bot.orders.mass import MassOrders
from bot.orders.quote import new_token
from bot.telegram import keyboards
from bot.telegram.callbacks import MassCb, MassConfirmCb, MenuCb

log = logging.getLogger(__name__)


class MassOrderForm(StatesGroup):
    lines = State()  # waiting for the list
    confirm = State()  # the summary is shown: its token is live


MASS_STATES = (MassOrderForm.lines, MassOrderForm.confirm)


def _cancel_markup(t: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("mass-cancel-button"), callback_data=MassCb(action="cancel"))
    return builder.as_markup()


def _confirm_markup(t: Texts, token: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("mass-confirm-button"), callback_data=MassConfirmCb(token=token))
    builder.button(text=t("mass-cancel-button"), callback_data=MassCb(action="cancel"))
    builder.adjust(1)
    return builder.as_markup()


async def _send_all(message: Message, parts: list[str], markup: InlineKeyboardMarkup) -> None:
    """Long lists go in several messages; the buttons go under the last."""
    pieces = mass.chunks(parts)
    for piece in pieces[:-1]:
        await message.answer(piece)
    await message.answer(pieces[-1], reply_markup=markup)


async def massorder_command(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await state.set_state(MassOrderForm.lines)
    await message.answer(t("mass-ask", max=mass.MAX_LINES), reply_markup=_cancel_markup(t))


async def massorder_button(query: CallbackQuery, state: FSMContext, t: Texts) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await massorder_command(query.message, state, t)


async def lines_typed(
    message: Message,
    state: FSMContext,
    t: Texts,
    catalogue: Catalogue,
    amounts: Amounts,
    mass_orders: MassOrders,
) -> None:
    user_id = message.chat.id  # a private chat's id is its user's
    await _summarize(
        message, user_id, message.text or "", state, t, catalogue, amounts, mass_orders
    )


async def _summarize(
    message: Message,
    user_id: int,
    text: str,
    state: FSMContext,
    t: Texts,
    catalogue: Catalogue,
    amounts: Amounts,
    mass_orders: MassOrders,
    *,
    changed: bool = False,
) -> None:
    """Read the list: its errors by line (and wait for a corrected list), or its summary."""
    snapshot = await current_snapshot(catalogue, message, t)
    if snapshot is None:
        return
    parsed = await mass_orders.parse(user_id, text, snapshot, t.locale)
    if parsed.too_long:
        await state.set_state(MassOrderForm.lines)
        await message.answer(t("mass-too-long", max=mass.MAX_LINES), reply_markup=_cancel_markup(t))
        return
    if parsed.errors or not parsed.lines:
        await state.set_state(MassOrderForm.lines)
        head = t("mass-errors", count=len(parsed.errors)) if parsed.errors else t("mass-empty")
        parts = [head]
        parts += [
            t("mass-error-line", line=error.number, error=Html(t(error.key, **error.values)))
            for error in parsed.errors
        ]
        parts.append(t("mass-send-again"))
        await _send_all(message, parts, _cancel_markup(t))
        return
    funds = await mass_orders.funds(user_id, parsed)
    token = new_token()
    await state.set_state(MassOrderForm.confirm)
    await state.set_data({"text": text, "token": token, "total": str(funds.charge)})
    parts = [t("mass-changed")] if changed else []
    parts.append(t("mass-summary", count=len(parsed.lines)))
    parts += [
        t(
            "mass-summary-line",
            line=line.number,
            service=line.quote.service.name,
            id=line.quote.service.id,
            link=line.quote.link,
            quantity=line.quote.quantity,
            charge=amounts(line.quote.charge),
        )
        for line in parsed.lines
    ]
    money = {"total": amounts(funds.charge), "balance": amounts(funds.balance)}
    if funds.enough:
        parts.append(t("mass-total", after=amounts(funds.after), **money))
    else:
        parts.append(t("mass-total-short", missing=amounts(funds.missing), **money))
    await _send_all(message, parts, _confirm_markup(t, token))


async def confirm(
    query: CallbackQuery,
    callback_data: MassConfirmCb,
    bot: Bot,
    state: FSMContext,
    t: Texts,
    catalogue: Catalogue,
    amounts: Amounts,
    mass_orders: MassOrders,
) -> None:
    data = await state.get_data()
    message = query.message
    live = await state.get_state() == MassOrderForm.confirm and data.get("token") == (
        callback_data.token
    )
    if not live or not isinstance(message, Message):
        await not_live(query, callback_data, t, mass_orders)
        return
    # Telegram drops answers after a few seconds: answer before the panel is asked anything.
    await query.answer()
    text, token = str(data.get("text", "")), callback_data.token
    snapshot = await current_snapshot(catalogue, message, t, cached=True)
    if snapshot is None:
        return

    async def starting(count: int) -> None:
        await state.clear()
        await message.answer(t("mass-placing", count=count))

    user_id = query.from_user.id
    confirmed = await mass_orders.confirm(
        bot, user_id, token, text, data.get("total"), snapshot, t.locale, starting=starting
    )
    if confirmed.verdict is Verdict.PRICE_CHANGED:
        # The catalogue or a price moved since the summary: show what it is now.
        await _summarize(
            message, user_id, text, state, t, catalogue, amounts, mass_orders, changed=True
        )
    elif confirmed.funds is not None:
        # Short. The summary stays live: after a top-up the same Confirm places the list.
        funds = confirmed.funds
        await message.answer(
            t("mass-short", total=amounts(funds.charge), missing=amounts(funds.missing)),
            reply_markup=_confirm_markup(t, token),
        )
    elif (report := confirmed.report) is not None:
        await _report(message, user_id, report, t, amounts)


async def _report(
    message: Message, user_id: int, report: mass.Report, t: Texts, amounts: Amounts
) -> None:
    parts = [t("mass-report", placed=report.placed, count=len(report.outcomes))]
    parts += [
        t(
            "mass-report-line",
            line=outcome.number,
            outcome=Html(t(outcome.reason, number=str(outcome.order_id or ""))),
        )
        for outcome in report.outcomes
    ]
    charged, balance = amounts(report.charged), amounts(report.balance)
    parts.append(t("mass-report-total", charged=charged, balance=balance))
    try:
        await _send_all(message, parts, keyboards.main_menu(t))
    except TelegramAPIError as error:
        # Every line is placed and recorded: My orders shows them; nothing is left to undo.
        log.warning("could not show user %s their mass order's report: %s", user_id, error)


async def not_live(
    query: CallbackQuery, callback_data: MassConfirmCb, t: Texts, mass_orders: MassOrders
) -> None:
    """Confirm on a summary that is no longer current: placed already, or expired."""
    if await mass_orders.placed(callback_data.token, query.from_user.id):
        await query.answer(t("mass-already-placed"), show_alert=True)
    else:
        await query.answer(t("mass-expired"), show_alert=True)


async def cancel_command(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("mass-cancelled"), reply_markup=keyboards.main_menu(t))


async def cancel_button(query: CallbackQuery, state: FSMContext, t: Texts) -> None:
    if await state.get_state() not in {s.state for s in MASS_STATES}:
        await query.answer(t("mass-expired"), show_alert=True)
        return
    await query.answer()
    await state.clear()
    if isinstance(query.message, Message):
        await query.message.answer(t("mass-cancelled"), reply_markup=keyboards.main_menu(t))


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("mass-send-text", max=mass.MAX_LINES), reply_markup=_cancel_markup(t))


def create_router() -> Router:
    router = Router(name="massorder")
    router.message.filter(F.chat.type == "private")
    router.callback_query.filter(F.message.chat.type == "private")
    mass_states = StateFilter(*MASS_STATES)
    router.message.register(cancel_command, Command("cancel"), mass_states)
    router.message.register(massorder_command, Command("massorder"))
    router.callback_query.register(massorder_button, MenuCb.filter(F.action == "massorder"))
    router.message.register(lines_typed, mass_states, F.text, ~F.text.startswith("/"))
    router.message.register(not_text, mass_states, ~F.text)
    router.callback_query.register(confirm, MassConfirmCb.filter())
    router.callback_query.register(cancel_button, MassCb.filter(F.action == "cancel"))
    return router
