"""Referrals: a referrer's share of every top-up of the customers they brought.

The share is credited in the transaction that credits the top-up (`TopupsRepo` calls
`ReferralBonus.reward` wherever a top-up is paid, whatever the method), as a ledger row
`referral` whose ref is the top-up's id, so it is paid once per top-up; the referrer's
notice is queued in the same transaction. A refunded top-up takes its share back
(`referral_back`, same ref) when the referrer still holds it; when they do not, nothing is
taken and the caller tells the admins (`Kept`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal

from bot.money import Amounts, from_minor, refund_down
from bot.storage.db import Database, Transaction
from bot.storage.ledger import BalanceLimit, InsufficientFunds, Reason, post
from bot.storage.outbox import OutboxRepo
from bot.storage.sums import joined, split_sum

log = logging.getLogger(__name__)

# What a referral link carries after `?start=`: the referrer's Telegram id.
REFERRAL_LINK = "ref_"
REFERRAL_LINK_ARGS = rf"^{REFERRAL_LINK}[0-9]{{1,18}}$"


def referral_link(bot_username: str, user_id: int) -> str:
    return f"https://t.me/{bot_username}?start={REFERRAL_LINK}{user_id}"


def linked_referrer(args: str | None) -> int | None:
    """The referrer's id in `/start` arguments, or None when they are no referral link."""
    if not args or not args.startswith(REFERRAL_LINK):
        return None
    number = args.removeprefix(REFERRAL_LINK)
    if not (number.isascii() and number.isdigit()) or len(number) > 18:
        return None
    return int(number)


@dataclass(frozen=True)
class Kept:
    """A refunded top-up's referral share the referrer no longer holds: left with them."""

    topup_id: int
    customer: int
    referrer: int
    amount: Decimal
    balance: Decimal  # the referrer's


@dataclass(frozen=True)
class ReferralStats:
    joined: int  # customers who came through the link
    earned: Decimal  # their shares, less what refunds took back


class ReferralBonus:
    """`percent` of each top-up of a referred customer, rounded down to `decimals`."""

    def __init__(
        self, percent: Decimal, decimals: int, amounts: Amounts, outbox: OutboxRepo
    ) -> None:
        self.percent = percent
        self._decimals = decimals
        self._money = amounts
        self._outbox = outbox

    def share(self, amount: Decimal) -> Decimal:
        return refund_down(amount * self.percent / 100, self._decimals)

    async def reward(
        self, tx: Transaction, customer: int, topup_id: int, amount: Decimal
    ) -> Decimal | None:
        """Credit the referrer's share of this paid top-up and queue their notice, in the
        caller's transaction; the share, or None when none is due (no referrer, off, or less
        than one price step). A referrer whose balance is full gets nothing: the customer's
        top-up never fails for it."""
        row = await tx.fetchone("SELECT referred_by FROM users WHERE id = ?", (customer,))
        referrer = None if row is None else row["referred_by"]
        share = self.share(amount)
        if referrer is None or share <= 0:
            return None
        try:
            balance = await post(tx, referrer, share, Reason.REFERRAL, ref=str(topup_id))
        except BalanceLimit:
            log.warning("referral share of top-up %s: referrer %s is full", topup_id, referrer)
            return None
        values = {"amount": self._money(share), "balance": self._money(balance)}
        await self._outbox.add(tx, referrer, "referral-credited", values)
        return share

    async def take_back(self, tx: Transaction, topup_id: int, customer: int) -> Kept | None:
        """The top-up was refunded: debit its referral share from the referrer (once, and
        they are told), in the caller's transaction. `Kept` when they no longer hold it:
        nothing moved, and the admins are to be told."""
        rows = await tx.fetchall(
            "SELECT user_id, amount, reason FROM ledger WHERE reason IN (?, ?) AND ref = ?",
            (Reason.REFERRAL, Reason.REFERRAL_BACK, str(topup_id)),
        )
        paid = [row for row in rows if row["reason"] == Reason.REFERRAL]
        if not paid or len(rows) > 1:  # no share, or taken back already
            return None
        referrer, share = paid[0]["user_id"], from_minor(paid[0]["amount"])
        try:
            balance = await post(tx, referrer, -share, Reason.REFERRAL_BACK, ref=str(topup_id))
        except InsufficientFunds as short:
            return Kept(topup_id, customer, referrer, share, short.balance)
        values = {"amount": self._money(share), "balance": self._money(balance)}
        await self._outbox.add(tx, referrer, "referral-taken-back", values)
        return None


class ReferralsRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def stats(self, referrer: int) -> ReferralStats:
        row = await self._db.fetchone(
            "SELECT count(*) FROM users WHERE referred_by = ?", (referrer,)
        )
        joined_count = int(row[0]) if row else 0
        row = await self._db.fetchone(
            f"SELECT {split_sum('amount')} FROM ledger"  # noqa: S608  # ours
            " WHERE user_id = ? AND reason IN (?, ?)",
            (referrer, Reason.REFERRAL, Reason.REFERRAL_BACK),
        )
        return ReferralStats(joined_count, from_minor(joined(*row) if row else 0))
