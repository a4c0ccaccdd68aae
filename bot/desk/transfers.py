"""Card transfers at the admins' desk: each admin's copy of a receipt (the file itself, who
sent it, the amount, the request's number, Approve and Reject), every copy edited once a
request is decided whoever decided it, and a reminder of receipts left waiting.

Best effort towards Telegram, like every alert: an admin who cannot be written to must not
break the customer's flow. What counts (credited, rejected) is in the database already.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.background import Periodic
from bot.desk.views import Named, customer_label
from bot.formats import Day
from bot.i18n import Html, Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.payments.transfer import CardTransfer
from bot.storage import UsersRepo
from bot.storage.db import stamp
from bot.storage.transfers import Outcome, Transfer
from bot.telegram.callbacks import TransferCb
from bot.telegram.replies import edit_caption

log = logging.getLogger(__name__)

# A receipt waiting this long for an admin reminds them, once.
REMIND_AFTER = timedelta(hours=24)
REMIND_EVERY = 600.0  # seconds between looks for receipts left waiting


def decision_keyboard(t: Texts, topup_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("transfer-approve"), callback_data=TransferCb(action="approve", id=topup_id)
    )
    builder.button(
        text=t("transfer-reject"), callback_data=TransferCb(action="reject", id=topup_id)
    )
    builder.adjust(2)
    return builder.as_markup()


def no_reason_keyboard(t: Texts, topup_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("transfer-no-reason"), callback_data=TransferCb(action="noreason", id=topup_id)
    )
    return builder.as_markup()


class TransferDesk:
    def __init__(
        self, alerts: Alerts, card_transfer: CardTransfer, users: UsersRepo, amounts: Amounts
    ) -> None:
        self._alerts = alerts
        self.card_transfer = card_transfer
        self._transfers = card_transfer.transfers
        self.users = users
        self._money = amounts

    async def caption(self, t: Texts, transfer: Transfer, duplicate_of: int | None) -> str:
        """A copy's caption while the request waits for an admin."""
        customer = await self.users.get(transfer.topup.user_id)
        lines = [
            t(
                "transfer-copy",
                id=str(transfer.id),
                amount=self._money(transfer.asked),
                customer=customer_label(customer, transfer.topup.user_id),
            )
        ]
        if duplicate_of is not None:
            lines.append(t("transfer-copy-seen", first=str(duplicate_of)))
        return "\n".join(lines)

    async def send_copies(self, bot: Bot, transfer: Transfer, duplicate_of: int | None) -> int:
        """Every admin gets the receipt with its caption and buttons; how many did."""
        sent = 0
        for admin_id in self._alerts.admins:
            t = await self._alerts.texts_for(admin_id)
            caption = await self.caption(t, transfer, duplicate_of)
            markup = decision_keyboard(t, transfer.id)
            try:
                if transfer.file_kind == "photo":
                    message = await bot.send_photo(
                        admin_id, transfer.file_id or "", caption=caption, reply_markup=markup
                    )
                else:
                    message = await bot.send_document(
                        admin_id, transfer.file_id or "", caption=caption, reply_markup=markup
                    )
            except TelegramAPIError as error:
                log.warning("receipt of transfer %s to admin %s: %s", transfer.id, admin_id, error)
                continue
            await self._transfers.add_copy(transfer.id, admin_id, message.message_id)
            sent += 1
        if not self._alerts.admins:
            log.warning("receipt of transfer %s: no ADMIN_IDS set, nobody to check it", transfer.id)
        return sent

    async def close_copies(self, bot: Bot, transfer: Transfer, by: Named | None = None) -> None:
        """Every copy says how the request ended, and by whom (`by`: who decided, as
        Telegram sent them); its buttons go."""
        decider = customer_label(by, transfer.decided_by or 0)
        for copy in await self._transfers.copies(transfer.id):
            t = await self._alerts.texts_for(copy.chat_id)
            caption = await self.caption(t, transfer, None)
            verdict = self.verdict(t, transfer, decider)
            await edit_caption(bot, copy.chat_id, copy.message_id, f"{caption}\n{verdict}")

    def verdict(self, t: Texts, transfer: Transfer, by: Html) -> str:
        """How a decided request ended, in one line."""
        if transfer.outcome == Outcome.APPROVED:
            return t("transfer-approved-by", by=by, amount=self._money(transfer.topup.amount))
        if transfer.outcome == Outcome.REJECTED:
            return t("transfer-rejected-by", by=by, reason=transfer.reason or "")
        return t("transfer-withdrawn-copy")

    async def remind(self, bot: Bot, now: datetime) -> int:
        """Tell the admins, once each, of receipts waiting longer than `REMIND_AFTER`; how
        many requests were reminded of."""
        due = await self._transfers.due_reminders(stamp(now - REMIND_AFTER))
        if not due:
            return 0
        lines = [
            (transfer.id, transfer.asked, transfer.receipt_at or transfer.topup.created_at)
            for transfer in due
        ]

        def compose(t: Texts) -> str:
            rows = [t("transfer-reminder", count=len(lines))]
            rows += [
                t("transfer-reminder-line", id=str(n), amount=self._money(a), since=Day(at))
                for n, a, at in lines
            ]
            return "\n".join(rows)

        await self._alerts.send_composed(bot, "transfer-reminder", compose)
        # Marked even if an admin could not be written to: "once" is a promise to the admins
        # who read it, and /transfers lists what waits.
        await self._transfers.reminded([transfer.id for transfer in due])
        return len(due)


class TransferReminders(Periodic):
    """Looks for receipts left waiting a day, every `REMIND_EVERY` seconds."""

    name = "transfer-reminders"
    interval = REMIND_EVERY

    def __init__(
        self, desk: TransferDesk, clock: Callable[[], datetime] = lambda: datetime.now(UTC)
    ) -> None:
        super().__init__()
        self._desk = desk
        self._clock = clock

    async def run_once(self, bot: Bot) -> int:
        return await self._desk.remind(bot, self._clock())
