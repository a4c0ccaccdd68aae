"""Card transfers at the admins' desk: ✅ Approve and ❌ Reject under each receipt (Reject
asks for a reason, or "no reason"), and the typed forms `/approve N [AMOUNT]`,
`/reject N [REASON]`, `/transfers` (pending, oldest first).

Credited once whoever taps first and however often: the request's number is its payment
id (`Credits.credit` replays it). Whoever decides, every admin's copy says so.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, User

from bot.desk.transfers import TransferDesk, no_reason_keyboard
from bot.desk.views import customer_label
from bot.i18n import Arg, Texts
from bot.money import MAX_BALANCE, Amounts, AmountTooLarge, parse_typed_amount
from bot.payments.transfer import Approval, CardTransfer, NotATransfer
from bot.settings import Settings
from bot.storage import BalanceLimit, Customer, TopupStateError, UsersRepo
from bot.storage.transfers import Outcome, Transfer
from bot.telegram.callbacks import TransferCb
from bot.validation import parse_whole_number

# A reason is read by the customer in one message: a paragraph, not an essay.
REASON_LIMIT = 500
WAITING_LIMIT = 50


class RejectForm(StatesGroup):
    reason = State()


def who(person: Customer | None, user_id: int) -> str:
    """An admin as another admin reads them in plain text: the name, else the id."""
    if person is not None and person.first_name:
        return person.first_name
    return str(user_id)


# What the admin is told: a message key and its values. Rendered as a message after a
# command, or as plain text in a tap's answer (those keys hold no markup).
Said = tuple[str, dict[str, Arg]]


async def _done_already(transfer: Transfer, users: UsersRepo) -> Said:
    """Why a request cannot be decided now: how, and by whom, it was."""
    decider = await users.get(transfer.decided_by) if transfer.decided_by else None
    keys = {
        Outcome.APPROVED: "transfer-already-approved",
        Outcome.REJECTED: "transfer-already-rejected",
    }
    key = (
        keys.get(Outcome(transfer.outcome), "transfer-already-withdrawn")
        if transfer.outcome
        else "transfer-already-withdrawn"
    )
    return key, {"id": str(transfer.id), "by": who(decider, transfer.decided_by or 0)}


async def _refused(error: TopupStateError, card_transfer: CardTransfer, users: UsersRepo) -> Said:
    transfer = await card_transfer.transfers.get(error.topup.id)
    if transfer is None:
        return "transfer-no-such", {"id": str(error.topup.id)}
    return await _done_already(transfer, users)


async def _approve(
    bot: Bot,
    admin: User,
    desk: TransferDesk,
    amounts: Amounts,
    topup_id: int,
    amount: Decimal | None = None,
) -> Said:
    """Approve and close every copy."""
    # Other admins read who decided: the admin's name is kept once they have a row.
    await desk.users.ensure(admin.id)
    try:
        approved = await desk.card_transfer.approve(Approval(topup_id, admin.id, amount))
    except NotATransfer:
        return "transfer-no-such", {"id": str(topup_id)}
    except TopupStateError as error:
        return await _refused(error, desk.card_transfer, desk.users)
    except BalanceLimit as limit:
        return "transfer-over-limit", {
            "id": str(topup_id),
            "max": amounts(MAX_BALANCE),
            "balance": amounts(limit.balance),
        }
    if not approved.now:
        return await _done_already(approved.transfer, desk.users)
    await desk.close_copies(bot, approved.transfer, admin)
    topup = approved.credited.topup
    return "transfer-approved", {
        "id": str(topup.id),
        "amount": amounts(topup.amount),
        "user": str(topup.user_id),
        "balance": amounts(approved.credited.balance),
    }


async def _reject(
    bot: Bot, admin: User, desk: TransferDesk, topup_id: int, reason: str | None
) -> Said:
    await desk.users.ensure(admin.id)
    try:
        decided = await desk.card_transfer.reject(topup_id, admin.id, reason)
    except NotATransfer:
        return "transfer-no-such", {"id": str(topup_id)}
    except TopupStateError as error:
        return await _refused(error, desk.card_transfer, desk.users)
    if not decided.now:
        return await _done_already(decided.transfer, desk.users)
    await desk.close_copies(bot, decided.transfer, admin)
    return "transfer-rejected-done", {"id": str(topup_id), "reason": reason or "—"}


async def approve_tapped(
    query: CallbackQuery,
    callback_data: TransferCb,
    bot: Bot,
    transfer_desk: TransferDesk,
    amounts: Amounts,
    t: Texts,
) -> None:
    key, args = await _approve(bot, query.from_user, transfer_desk, amounts, callback_data.id)
    await query.answer(t.plain(key, **args), show_alert=True)


async def reject_tapped(
    query: CallbackQuery,
    callback_data: TransferCb,
    state: FSMContext,
    card_transfer: CardTransfer,
    users: UsersRepo,
    t: Texts,
) -> None:
    """Asks for the reason the customer will read (or "no reason")."""
    transfer = await card_transfer.transfers.get(callback_data.id)
    if transfer is None:
        await query.answer(t("button-expired"), show_alert=True)
        return
    if not transfer.pending:
        key, args = await _done_already(transfer, users)
        await query.answer(t.plain(key, **args), show_alert=True)
        return
    await query.answer()
    await state.set_state(RejectForm.reason)
    await state.update_data(transfer=transfer.id)
    if isinstance(query.message, Message):
        await query.message.answer(
            t("transfer-ask-reason", id=str(transfer.id)),
            reply_markup=no_reason_keyboard(t, transfer.id),
        )


async def no_reason_tapped(
    query: CallbackQuery,
    callback_data: TransferCb,
    bot: Bot,
    state: FSMContext,
    transfer_desk: TransferDesk,
    t: Texts,
) -> None:
    if (await state.get_data()).get("transfer") == callback_data.id:
        await state.clear()
    key, args = await _reject(bot, query.from_user, transfer_desk, callback_data.id, None)
    await query.answer(t.plain(key, **args), show_alert=True)


async def reason_typed(
    message: Message,
    bot: Bot,
    state: FSMContext,
    event_from_user: User,
    transfer_desk: TransferDesk,
    t: Texts,
) -> None:
    reason = (message.text or "").strip()
    if not reason or len(reason) > REASON_LIMIT:
        await message.answer(t("transfer-reason-bad", max=REASON_LIMIT))
        return
    topup_id = (await state.get_data()).get("transfer")
    await state.clear()
    if not isinstance(topup_id, int):
        return
    key, args = await _reject(bot, event_from_user, transfer_desk, topup_id, reason)
    await message.answer(t(key, **args))


async def reason_cancelled(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("transfer-reject-cancelled"))


async def approve_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    event_from_user: User,
    transfer_desk: TransferDesk,
    amounts: Amounts,
    settings: Settings,
    t: Texts,
) -> None:
    """`/approve N [AMOUNT]`: AMOUNT when the receipt shows another sum than asked."""
    args = (command.args or "").split(maxsplit=1)
    topup_id = parse_whole_number(args[0]) if args else None
    amount = None
    if topup_id is not None and len(args) == 2:
        try:
            amount = parse_typed_amount(args[1], locale=t.locale)
        except AmountTooLarge as error:
            await message.answer(t("amount-too-large", max=amounts(error.limit)))
            return
        if amount is None or amount <= 0 or amount != round(amount, settings.price_decimals):
            topup_id = None
    if topup_id is None:
        await message.answer(t("transfer-approve-usage"))
        return
    key, values = await _approve(bot, event_from_user, transfer_desk, amounts, topup_id, amount)
    await message.answer(t(key, **values))


async def reject_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    event_from_user: User,
    transfer_desk: TransferDesk,
    t: Texts,
) -> None:
    """`/reject N [REASON]`."""
    args = (command.args or "").split(maxsplit=1)
    topup_id = parse_whole_number(args[0]) if args else None
    reason = args[1].strip() if len(args) == 2 else None
    if topup_id is None or (reason is not None and len(reason) > REASON_LIMIT):
        await message.answer(t("transfer-reject-usage", max=REASON_LIMIT))
        return
    key, values = await _reject(bot, event_from_user, transfer_desk, topup_id, reason)
    await message.answer(t(key, **values))


async def transfers_command(
    message: Message, card_transfer: CardTransfer, users: UsersRepo, amounts: Amounts, t: Texts
) -> None:
    """`/transfers`: pending requests, oldest first, with their age."""
    waiting = await card_transfer.transfers.waiting(WAITING_LIMIT)
    if not waiting:
        await message.answer(t("transfers-none"))
        return
    now = datetime.now(UTC)
    lines = [t("transfers-title", count=len(waiting))]
    for transfer in waiting:
        customer = await users.get(transfer.topup.user_id)
        lines.append(
            t(
                "transfers-line",
                id=str(transfer.id),
                amount=amounts(transfer.asked),
                customer=customer_label(customer, transfer.topup.user_id),
                hours=int((now - transfer.topup.created_at).total_seconds() // 3600),
                receipt="yes" if transfer.file_id else "no",
            )
        )
    lines.append(t("transfers-how"))
    await message.answer("\n".join(lines))


def create_router() -> Router:
    router = Router(name="admin-transfers")
    router.callback_query.register(approve_tapped, TransferCb.filter(F.action == "approve"))
    router.callback_query.register(reject_tapped, TransferCb.filter(F.action == "reject"))
    router.callback_query.register(no_reason_tapped, TransferCb.filter(F.action == "noreason"))
    router.message.register(reason_cancelled, Command("cancel"), RejectForm.reason)
    router.message.register(reason_typed, RejectForm.reason, ~F.text.startswith("/"))
    router.message.register(approve_command, Command("approve"))
    router.message.register(reject_command, Command("reject"))
    router.message.register(transfers_command, Command("transfers"))
    return router
