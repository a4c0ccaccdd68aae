"""Card transfer, the customer's side: 💳 in `/topup` → the amount → what to pay and where,
with the request's number → a photo or a PDF of the receipt → "sent for checking".

The receipt is recognised by the customer's pending request waiting for one, not by the
conversation they are in: sent after leaving it, or from an order summary's Top up, it
still lands. Anything else where a receipt is awaited gets told what is expected.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot, F, Router
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User

from bot.catalogue import Catalogue
from bot.desk.transfers import TransferDesk
from bot.i18n import Texts
from bot.payments import Payments, ask_amount
from bot.payments.transfer import (
    CardTransfer,
    NotATransfer,
    TransferForm,
    receipt_kind,
    withdraw_keyboard,
)
from bot.storage import TopupStateError
from bot.storage.transfers import Outcome, Transfer
from bot.telegram.callbacks import TopupCb, TransferCb
from bot.telegram.keyboards import main_menu
from bot.telegram.replies import edit_or_send

PRIVATE = F.chat.type == "private"
# What may be a receipt: a photo or a document (its type is checked by the handler).
FILE = F.photo | F.document


class PendingTransfer(Filter):
    """The sender has a pending card transfer; the handler gets it as `transfer`."""

    def __init__(self, *, awaiting_receipt: bool = False) -> None:
        self.awaiting_receipt = awaiting_receipt

    async def __call__(
        self, message: Message, card_transfer: CardTransfer, event_from_user: User | None = None
    ) -> bool | dict[str, Any]:
        if event_from_user is None:
            return False
        transfer = await card_transfer.transfers.pending_of(event_from_user.id)
        if transfer is None or (self.awaiting_receipt and not transfer.awaits_receipt):
            return False
        return {"transfer": transfer}


async def chosen(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    payments: Payments,
    card_transfer: CardTransfer,
    catalogue: Catalogue,
    t: Texts,
) -> None:
    """💳 in `/topup`'s choice: the request already open, or the question for the amount."""
    if payments.by_name(card_transfer.name) is None:
        await query.answer(t("topup-method-off"), show_alert=True)
        return
    await query.answer()
    chat_id = query.from_user.id
    pending = await card_transfer.transfers.pending_of(query.from_user.id)
    if pending is not None:
        await card_transfer.send_details(bot, t, chat_id, pending)
        return
    await ask_amount(state, card_transfer.name)
    offer = card_transfer.offer(t, catalogue.currency)
    await bot.send_message(chat_id, offer.text, reply_markup=offer.markup)


async def receipt(
    message: Message,
    bot: Bot,
    state: FSMContext,
    transfer: Transfer,
    card_transfer: CardTransfer,
    transfer_desk: TransferDesk,
    t: Texts,
) -> None:
    """A photo or a document from a customer whose request waits for its receipt."""
    if not transfer.awaits_receipt:
        await message.answer(t("transfer-receipt-already", id=str(transfer.id)))
        return
    if message.photo:
        photo = message.photo[-1]  # the largest size: what an admin reads figures from
        file_id, unique_id, kind = photo.file_id, photo.file_unique_id, "photo"
    elif message.document is not None and receipt_kind(message.document.mime_type):
        document = message.document
        file_id, unique_id, kind = document.file_id, document.file_unique_id, "document"
    else:
        await message.answer(t("transfer-not-a-receipt", id=str(transfer.id)))
        return
    attached = await card_transfer.transfers.attach_receipt(transfer.id, file_id, unique_id, kind)
    if attached is None:  # a second receipt racing the first, or decided meanwhile
        await message.answer(t("transfer-receipt-already", id=str(transfer.id)))
        return
    transfer, duplicate_of = attached
    if await state.get_state() == TransferForm.receipt.state:
        await state.clear()
    await message.answer(t("transfer-sent", id=str(transfer.id)), reply_markup=main_menu(t))
    await transfer_desk.send_copies(bot, transfer, duplicate_of)


async def not_a_receipt(message: Message, transfer: Transfer, t: Texts) -> None:
    """A sticker, a voice message, text... where the receipt is awaited."""
    await message.answer(
        t("transfer-not-a-receipt", id=str(transfer.id)),
        reply_markup=withdraw_keyboard(t, transfer.id),
    )


async def withdraw(
    query: CallbackQuery,
    callback_data: TransferCb,
    bot: Bot,
    state: FSMContext,
    card_transfer: CardTransfer,
    transfer_desk: TransferDesk,
    t: Texts,
) -> None:
    """The customer takes their own pending request back."""
    try:
        decided = await card_transfer.withdraw(callback_data.id, query.from_user.id)
    except NotATransfer:
        await query.answer(t("button-expired"), show_alert=True)
        return
    except TopupStateError:
        await query.answer(t("transfer-withdraw-late", id=str(callback_data.id)), show_alert=True)
        return
    transfer = decided.transfer
    if not decided.now:
        key = "transfer-withdrawn" if transfer.outcome == Outcome.WITHDRAWN else "transfer-closed"
        await query.answer(t(key, id=str(transfer.id)), show_alert=True)
        return
    await query.answer()
    if await state.get_state() == TransferForm.receipt.state:
        await state.clear()
    if isinstance(query.message, Message):
        await edit_or_send(query.message, t("transfer-withdrawn", id=str(transfer.id)))
    if transfer.file_id is not None:
        await transfer_desk.close_copies(bot, transfer)


def create_router() -> Router:
    router = Router(name="transfer")
    router.callback_query.register(
        chosen, TopupCb.filter((F.action == "method") & (F.method == "transfer"))
    )
    router.callback_query.register(withdraw, TransferCb.filter(F.action == "withdraw"))
    router.message.register(receipt, PRIVATE, FILE, PendingTransfer())
    router.message.register(
        not_a_receipt, TransferForm.receipt, PRIVATE, ~F.text.startswith("/"), PendingTransfer()
    )
    # Not text, not a file: a sticker, a voice message, a location... instead of the receipt.
    router.message.register(not_a_receipt, PRIVATE, ~F.text, PendingTransfer(awaiting_receipt=True))
    return router
