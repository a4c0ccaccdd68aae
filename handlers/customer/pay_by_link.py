"""Top-ups paid on a provider's own page (Payme, Click: `bot.payments.by_link`): a preset
amount or one typed the way people type it ("150 000", "150,000"; read, like any method's,
in `handlers.customer.topup`), then the provider's link as a button. The
provider's merchant API credits it; the customer hears of it then.

Top-ups happen in private chats only, like everything about a balance.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery

from bot.i18n import Texts
from bot.payments import Payments, ask_amount
from bot.payments.by_link import ByLink
from bot.payments.keyboards import topup_typing
from bot.telegram.callbacks import LinkTopupCb

PRIVATE = F.chat.type == "private"


def _method(payments: Payments, name: str) -> ByLink | None:
    """The method while it is on; None for one switched off since, or a forged name."""
    method = payments.by_name(name)
    return method if isinstance(method, ByLink) else None


async def preset_chosen(
    query: CallbackQuery, callback_data: LinkTopupCb, bot: Bot, payments: Payments, t: Texts
) -> None:
    method = _method(payments, callback_data.method)
    if method is None:
        await query.answer(t("topup-method-off"), show_alert=True)
        return
    soum = method.parse(str(callback_data.soum))
    if soum is None:
        await query.answer(t("topup-by-link-bad-amount", **method.bounds), show_alert=True)
        return
    await query.answer()
    if query.message is not None:
        await method.create(bot, t, query.from_user.id, soum, chat_id=query.message.chat.id)


async def other_amount(
    query: CallbackQuery,
    callback_data: LinkTopupCb,
    bot: Bot,
    state: FSMContext,
    payments: Payments,
    t: Texts,
) -> None:
    method = _method(payments, callback_data.method)
    if method is None:
        await query.answer(t("topup-method-off"), show_alert=True)
        return
    await query.answer()
    await ask_amount(state, method.name)
    if query.message is not None:
        await bot.send_message(
            query.message.chat.id,
            t("topup-by-link-type", **method.bounds),
            reply_markup=topup_typing(t),
        )


def create_router() -> Router:
    router = Router(name="pay_by_link")
    router.callback_query.register(preset_chosen, LinkTopupCb.filter(F.action == "pay"))
    router.callback_query.register(other_amount, LinkTopupCb.filter(F.action == "type"))
    return router
