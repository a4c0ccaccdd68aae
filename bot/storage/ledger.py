"""The ledger: append-only postings, and the only way a balance changes.

`post()` writes the posting and the new balance in the caller's transaction, so the balance is
always the sum of the user's postings; `LedgerRepo.check_consistency()` proves it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum

from bot.money import MAX_BALANCE, MoneyError, from_minor, to_minor
from bot.storage.db import Database, StorageError, Transaction, from_row, utcnow
from bot.storage.sums import joined, split_sum
from bot.storage.users import UnknownUser


class Reason(StrEnum):
    ORDER = "order"  # the charge for an order, at placement
    REFUND = "refund"  # money back for an order: refused, failed, Canceled or Partial
    TOPUP = "topup"  # a payment: its method, and the method's own payment id as ref
    TOPUP_REFUND = "topup_refund"  # a payment given back; ref: payment id#attempt
    TOPUP_REFUND_UNDONE = "topup_refund_undone"  # Telegram refused that refund; same ref
    CREDIT = "credit"  # by an admin
    DEBIT = "debit"  # by an admin
    REFERRAL = "referral"  # a referrer's share of a top-up; ref: the top-up's id
    REFERRAL_BACK = "referral_back"  # that share taken back when the top-up was refunded
    PROMO = "promo"  # a promo code redeemed; ref: code#customer


class InsufficientFunds(StorageError):
    """A debit larger than the balance; nothing was posted."""

    def __init__(self, user_id: int, balance: Decimal, missing: Decimal) -> None:
        super().__init__(f"user {user_id} has {balance}, {missing} short")
        self.user_id = user_id
        self.balance = balance
        self.missing = missing


class BalanceLimit(StorageError):
    """A credit that would take a balance past `MAX_BALANCE`; nothing was posted."""

    def __init__(self, user_id: int, balance: Decimal) -> None:
        super().__init__(f"user {user_id} has {balance}: a credit would pass {MAX_BALANCE}")
        self.user_id = user_id
        self.balance = balance


class AlreadyPosted(StorageError):
    """The same payment, or a second charge or refund of one order; nothing was posted."""

    def __init__(self, reason: str, order_id: int | None, ref: str | None) -> None:
        super().__init__(f"already posted: {reason} order={order_id} ref={ref}")
        self.reason = reason
        self.order_id = order_id
        self.ref = ref


class RefundExceedsCharge(StorageError):
    """A refund larger than what the order charged; nothing was posted."""


@dataclass(frozen=True)
class LedgerEntry:
    id: int
    user_id: int
    amount: Decimal  # credits > 0, debits < 0
    reason: str
    order_id: int | None
    ref: str | None
    actor: int | None
    created_at: datetime
    method: str | None  # the way of paying, on top-ups and their refunds (`bot.payments`)


async def post(
    tx: Transaction,
    user_id: int,
    amount: Decimal,
    reason: str,
    *,
    order_id: int | None = None,
    ref: str | None = None,
    actor: int | None = None,
    method: str | None = None,
) -> Decimal:
    """Post `amount` (signed) to the user's balance inside `tx`; the new balance.

    A payment posts with its `method` and that method's own payment id as `ref`: a
    (reason, method, ref) is posted once.

    Raises `InsufficientFunds`, `BalanceLimit`, `AlreadyPosted`, `RefundExceedsCharge` or
    `UnknownUser`, and then has changed nothing: the caller's transaction may go on.
    """
    if not amount.is_finite():
        raise MoneyError("amount is not a finite number")
    if amount.is_zero():
        raise ValueError("a posting of zero moves no money")
    # The savepoint makes the posting all-or-nothing even if a statement after the insert fails.
    async with tx.savepoint():
        row = await tx.fetchone("SELECT balance FROM users WHERE id = ?", (user_id,))
        if row is None:
            raise UnknownUser(user_id)
        # Read and write under the database's one write lock: concurrent debits cannot both pass.
        balance = int(row["balance"])
        # Compared as Decimals before conversion: a debit no balance can cover (a huge
        # quantity's charge) is short of funds, not an amount too large to store.
        held = from_minor(balance)
        if amount < -held:
            raise InsufficientFunds(user_id, held, -amount - held)
        if amount > MAX_BALANCE - held:
            raise BalanceLimit(user_id, held)
        units = to_minor(amount)
        now = utcnow()
        try:
            await tx.execute(
                "INSERT INTO ledger"
                " (user_id, amount, reason, order_id, ref, actor, created_at, method)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (user_id, units, str(reason), order_id, ref, actor, now, method),
            )
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorname == "SQLITE_CONSTRAINT_UNIQUE":
                raise AlreadyPosted(str(reason), order_id, ref) from None
            if "refund exceeds the charge" in str(error):
                raise RefundExceedsCharge(str(error)) from None
            raise
        await tx.execute(
            "UPDATE users SET balance = balance + ?, updated_at = ? WHERE id = ?",
            (units, now, user_id),
        )
    return from_minor(balance + units)


class LedgerRepo:
    post = staticmethod(post)

    def __init__(self, db: Database) -> None:
        self._db = db

    async def balance(self, user_id: int) -> Decimal:
        """The user's balance; zero for a user never seen."""
        row = await self._db.fetchone("SELECT balance FROM users WHERE id = ?", (user_id,))
        return from_minor(row["balance"] if row else 0)

    async def ledger_sum(self, user_id: int) -> Decimal:
        row = await self._db.fetchone(
            f"SELECT {split_sum('amount')} FROM ledger WHERE user_id = ?",  # noqa: S608  # ours
            (user_id,),
        )
        return from_minor(joined(*row) if row else 0)

    async def entries(self, user_id: int, limit: int = 20) -> list[LedgerEntry]:
        """The user's latest postings, newest first."""
        rows = await self._db.fetchall(
            "SELECT * FROM ledger WHERE user_id = ? ORDER BY id DESC LIMIT ?", (user_id, limit)
        )
        return [from_row(LedgerEntry, row) for row in rows]

    async def check_consistency(self) -> list[int]:
        """Ids of users whose balance is not the sum of their postings (should be none)."""
        rows = await self._db.fetchall(
            f"SELECT users.id, users.balance, total_high, total_low FROM users"  # noqa: S608
            f" LEFT JOIN (SELECT user_id, {split_sum('amount')} FROM ledger GROUP BY user_id)"
            " AS sums ON sums.user_id = users.id ORDER BY users.id"
        )
        return [row[0] for row in rows if row[1] != joined(row[2] or 0, row[3] or 0)]

    async def total_balances(self) -> Decimal:
        """What the shop owes its customers: the sum of all balances."""
        row = await self._db.fetchone(f"SELECT {split_sum('balance')} FROM users")  # noqa: S608
        return from_minor(joined(*row) if row else 0)
