"""Card transfer with a receipt: the customer picks an amount, pays it to the shop's card
outside Telegram (`TRANSFER_DETAILS`), sends a photo or a PDF of the receipt, and an admin
approves (credited once, by the request's number) or rejects it (with a reason).

On when `TRANSFER_DETAILS` is set. The request is the top-up: its number is what the
customer writes in the transfer's comment and what admins type (`/approve N`). A customer
has at most one pending request; a receipt is recognised by that request, whatever
conversation the customer is in.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from aiogram import Bot
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Arg, Html, Texts
from bot.money import Amounts, AmountTooLarge, parse_typed_amount
from bot.payments.credits import Credits
from bot.payments.keyboards import topup_typing
from bot.payments.method import AppOffer, Cover, Method, Offer, PendingTopup
from bot.settings import Settings
from bot.storage import Credited, Transaction, UnknownTopup, UsersRepo
from bot.storage.transfers import TRANSFER, Outcome, Transfer, TransferPending, TransfersRepo
from bot.telegram.callbacks import TransferCb

log = logging.getLogger(__name__)


class TransferForm(StatesGroup):
    receipt = State()  # a request is open: text gets told to send the receipt


# What a receipt may be: a photo, or a document that is a PDF or a picture.
RECEIPT_TYPES = ("application/pdf",)


@dataclass(frozen=True)
class Approval:
    """An admin's word that a transfer arrived: `amount` when the receipt shows another."""

    topup_id: int
    admin_id: int
    amount: Decimal | None = None


@dataclass(frozen=True)
class Decided:
    """The outcome of an admin's tap or command: `now` False when someone decided first
    (then `transfer` says how)."""

    transfer: Transfer
    now: bool


class NotATransfer(UnknownTopup):
    """A number that is no card transfer (another method's top-up, or none at all)."""


def receipt_kind(mime_type: str | None) -> bool:
    """Whether a document of this type can be a receipt: a PDF or a picture."""
    return mime_type is not None and (mime_type in RECEIPT_TYPES or mime_type.startswith("image/"))


class CardTransfer(Method):
    name = TRANSFER
    cover_action = "topuptransfer"

    def __init__(
        self,
        settings: Settings,
        transfers: TransfersRepo,
        users: UsersRepo,
        credits: Credits,
        amounts: Amounts,
    ) -> None:
        self.settings = settings
        self.transfers = transfers
        self._users = users
        self._credits = credits
        self._money = amounts

    @property
    def enabled(self) -> bool:
        return self.settings.transfers_on

    @property
    def decimals(self) -> int:
        return self.settings.price_decimals

    def parse_amount(self, text: str | None, locale: str) -> Decimal | None:
        """An amount a person typed ("150 000", "150,000"), within the bounds and with no
        more decimals than prices have; else None."""
        if not text:
            return None
        try:
            amount = parse_typed_amount(text, locale=locale)
        except AmountTooLarge:
            return None
        if amount is None or amount != round(amount, self.decimals):
            return None
        if not self.settings.transfer_min <= amount <= self.settings.transfer_max:
            return None
        return amount

    def bad_amount(self, t: Texts) -> str:
        return t("transfer-bad-amount", **self.bounds())

    async def take_amount(
        self, bot: Bot, t: Texts, user_id: int, amount: Decimal, *, chat_id: int
    ) -> State | None:
        """A request for the amount typed (decimals allowed), its details sent; then the
        customer's next photo or document is its receipt."""
        transfer = await self.request(user_id, amount, t.locale)
        await self.send_details(bot, t, chat_id, transfer)
        return TransferForm.receipt if transfer.awaits_receipt else None

    def offer(self, t: Texts, currency: str) -> Offer:
        return Offer(t("transfer-ask-amount", **self.bounds()), topup_typing(t), self.name)

    def bounds(self) -> dict[str, Arg]:
        """The smallest and largest transfer, as shown to people."""
        return {
            "min": self._money(self.settings.transfer_min),
            "max": self._money(self.settings.transfer_max),
        }

    def limits(self) -> tuple[int, int]:
        """The bounds in `units`: whole amounts of the shop's money (as crypto's), for the
        summary's cover and the Mini App; typed in the chat, an amount may have decimals."""
        low = int(self.settings.transfer_min.to_integral_value(ROUND_CEILING))
        return low, int(self.settings.transfer_max.to_integral_value(ROUND_FLOOR))

    def app_offer(self, t: Texts, currency: str) -> AppOffer:
        """The Mini App hands a transfer over to the chat: the details go there, and so does
        the receipt."""
        low, high = self.limits()
        return AppOffer(
            method=self.name,
            title=t.plain("webapp-transfer-title"),
            hint=t.plain("webapp-transfer-hint", **self.bounds()),
            presets=[],
            least=low,
            most=high,
            other=t.plain("webapp-transfer-other", currency=currency),
            opens="chat",
        )

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        low, high = self.limits()
        units = max(int(missing.to_integral_value(ROUND_CEILING)), low)
        if units > high:
            return None  # more than one transfer may bring: the customer tops up by hand
        amount = Decimal(units)
        return Cover(
            method=self.name,
            units=units,
            amount=amount,
            label=t("transfer-cover", amount=amounts(amount)),
            action=self.cover_action,
        )

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        """Open a request for `units` (whole amounts of the shop's money) and send its details
        into the chat (the customer's own when `chat_id` is None: the receipt is sent there). A
        customer with a pending request is shown that one instead."""
        transfer = await self.request(user_id, Decimal(units), t.locale)
        await self.send_details(bot, t, chat_id or user_id, transfer)
        return PendingTopup(transfer.topup, None)

    async def request(self, user_id: int, amount: Decimal, locale: str) -> Transfer:
        """The customer's new pending request, or the one they have already."""
        await self._users.ensure(user_id)
        try:
            return await self.transfers.open(user_id, amount, locale)
        except TransferPending as pending:
            return pending.transfer

    async def send_details(self, bot: Bot, t: Texts, chat_id: int, transfer: Transfer) -> None:
        """What to pay and where, with the request's number; or, its receipt sent, that it is
        being checked."""
        key = "transfer-details" if transfer.awaits_receipt else "transfer-checking"
        text = t(
            key,
            id=str(transfer.id),
            amount=self._money(transfer.asked),
            details=Html(html.escape(self.settings.transfer_details)),
        )
        await bot.send_message(chat_id, text, reply_markup=withdraw_keyboard(t, transfer.id))

    async def confirm(self, confirmation: Approval) -> Credited:
        """The admin's approval: credited once, whoever approves and however often."""
        return (await self.approve(confirmation)).credited

    async def approve(self, approval: Approval) -> Approved:
        """Credit the request (by its own number as the payment id) and record who approved
        it. Raises `NotATransfer`, `TopupStateError` (rejected or withdrawn), `BalanceLimit`."""
        await self._transfer(approval.topup_id)

        async def record(tx: Transaction) -> None:
            await self.transfers.decide(tx, approval.topup_id, Outcome.APPROVED, approval.admin_id)

        credited = await self._credits.credit(
            approval.topup_id,
            str(approval.topup_id),
            amount=approval.amount,
            actor=approval.admin_id,
            also=record,
        )
        return Approved(credited, await self._transfer(approval.topup_id))

    async def reject(self, topup_id: int, admin_id: int, reason: str | None) -> Decided:
        """Cancel the request and tell the customer why. Raises `NotATransfer`,
        `TopupStateError` once it is approved."""
        await self._transfer(topup_id)
        now = False

        async def record(tx: Transaction) -> None:
            nonlocal now
            now = True
            await self.transfers.decide(tx, topup_id, Outcome.REJECTED, admin_id, reason)

        if reason:
            await self._credits.cancel(
                topup_id, "transfer-rejected-why", also=record, reason=reason
            )
        else:
            await self._credits.cancel(topup_id, "transfer-rejected", also=record)
        return Decided(await self._transfer(topup_id), now)

    async def withdraw(self, topup_id: int, user_id: int) -> Decided:
        """The customer takes their pending request back. Raises `NotATransfer` (also for
        another customer's request), `TopupStateError` once it is approved."""
        transfer = await self._transfer(topup_id)
        if transfer.topup.user_id != user_id:
            raise NotATransfer(topup_id)
        now = False

        async def record(tx: Transaction) -> None:
            nonlocal now
            now = True
            await self.transfers.decide(tx, topup_id, Outcome.WITHDRAWN, user_id)

        await self._credits.cancel(topup_id, also=record)
        return Decided(await self._transfer(topup_id), now)

    async def _transfer(self, topup_id: int) -> Transfer:
        transfer = await self.transfers.get(topup_id)
        if transfer is None:
            raise NotATransfer(topup_id)
        return transfer


@dataclass(frozen=True)
class Approved:
    credited: Credited
    transfer: Transfer

    @property
    def now(self) -> bool:
        return not self.credited.replay


def withdraw_keyboard(t: Texts, topup_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("transfer-withdraw", id=str(topup_id)),
        callback_data=TransferCb(action="withdraw", id=topup_id),
    )
    return builder.as_markup()
