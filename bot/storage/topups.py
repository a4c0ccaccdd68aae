"""Top-ups: one row per invoice (or other pending payment), from creating it to a refund.

    invoiced ──payment──> paid ──admin refund──> refunding ──provider ok──> refunded
       │                    ^                        │
       │                    └──provider refused──────┘
       └──rejected, expired, withdrawn──> cancelled

Each row says its `method` (`bot.payments`) and, once paid, the method's own payment id
(`charge_id`, unique per method). A Stars row is priced in `stars`; another method's price
is its `amount`, in the shop's money (what the method's own tables say about it, a receipt
or an invoice, is theirs). The balance moves only through the ledger, in the same
transaction as the status: a payment credits once (the ledger's UNIQUE (reason, method,
ref) on the payment id, and the row's own status), and a refund is debited before the
provider is asked to give the money back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Literal

from bot.money import from_minor, to_minor
from bot.storage.db import Database, Row, StorageError, Transaction, from_row, utcnow
from bot.storage.ledger import AlreadyPosted, Reason, post
from bot.storage.referrals import Kept, ReferralBonus

STARS = "XTR"  # Telegram's currency code for Stars

Refusal = Literal["unknown", "not-yours", "used", "mismatch"]


class TopupStatus(StrEnum):
    INVOICED = "invoiced"  # the invoice is out, not paid
    PAID = "paid"  # credited
    REFUNDING = "refunding"  # debited, Telegram asked (or about to be) to return the stars
    REFUNDED = "refunded"  # the money went back
    CANCELLED = "cancelled"  # never to be paid: rejected, expired or withdrawn


@dataclass(frozen=True)
class Topup:
    id: int  # customers and admins know a top-up by this number
    user_id: int
    payload: str
    stars: int | None  # a Stars invoice's price; None for other methods
    amount: Decimal  # the balance it credits
    locale: str  # the language the invoice was sent in
    status: str
    charge_id: str | None
    refund_attempts: int
    refunded_by: int | None
    created_at: datetime
    paid_at: datetime | None
    refunded_at: datetime | None
    method: str  # the way it is paid (`bot.payments`), on its ledger rows too
    cancelled_at: datetime | None
    refund_note: str | None  # an admin's note on money given back outside the bot

    def refusal(self, user_id: int, currency: str, total_amount: int) -> Refusal | None:
        """Why this invoice may not be paid by `user_id` for that amount, or None."""
        if self.user_id != user_id:
            return "not-yours"
        if self.status != TopupStatus.INVOICED:
            return "used"
        if currency != STARS or total_amount != self.stars:
            return "mismatch"
        return None

    @property
    def price_stars(self) -> int:
        """A Stars invoice's price: only Stars top-ups have one."""
        if self.stars is None:
            raise StorageError(f"top-up {self.id} is paid by {self.method}, not in stars")
        return self.stars

    @property
    def refund_ref(self) -> str:
        """The ledger ref of the current refund attempt: each attempt posts under its own."""
        return f"{self.charge_id}#{self.refund_attempts}"


def checkout_refusal(
    topup: Topup | None, user_id: int, currency: str, total_amount: int
) -> Refusal | None:
    return "unknown" if topup is None else topup.refusal(user_id, currency, total_amount)


@dataclass(frozen=True)
class Payment:
    """A `successful_payment` as Telegram reported it."""

    user_id: int
    payload: str
    charge_id: str
    currency: str
    total_amount: int


@dataclass(frozen=True)
class Credited:
    topup: Topup
    balance: Decimal
    replay: bool  # this very payment was credited before: nothing moved now
    bonus: Decimal | None = None  # the referrer's share credited with it (their notice queued)


@dataclass(frozen=True)
class RefundFinished:
    topup: Topup
    balance: Decimal  # the customer's, afterwards
    now: bool  # refunded by this call (False: it had been before)
    kept: Kept | None = None  # a referral share the referrer no longer held: tell the admins


class UnmatchedPayment(StorageError):
    """Money arrived that no open invoice of this user asked for; nothing was credited."""

    def __init__(self, payment: Payment, why: Refusal) -> None:
        super().__init__(f"payment {payment.charge_id} unmatched: {why}")
        self.payment = payment
        self.why = why


class UnknownTopup(StorageError):
    def __init__(self, topup_id: int) -> None:
        super().__init__(f"no top-up {topup_id}")
        self.topup_id = topup_id


class TopupStateError(StorageError):
    """The top-up is not in a status this step applies to; nothing changed."""

    def __init__(self, topup: Topup) -> None:
        super().__init__(f"top-up {topup.id} is {topup.status}")
        self.topup = topup


class TopupsRepo:
    def __init__(self, db: Database, referrals: ReferralBonus | None = None) -> None:
        """`referrals`: the referrer's share, credited wherever a top-up is paid and taken
        back wherever one is refunded (None: no referral program)."""
        self._db = db
        self._referrals = referrals

    async def create(
        self, user_id: int, amount: Decimal, locale: str, *, method: str, stars: int | None = None
    ) -> Topup:
        """A new pending top-up that will credit `amount` (a Stars invoice costs `stars`); its
        payload is a fresh token."""
        async with self._db.transaction() as tx:
            return await self.create_in(tx, user_id, amount, locale, method=method, stars=stars)

    async def create_in(
        self,
        tx: Transaction,
        user_id: int,
        amount: Decimal,
        locale: str,
        *,
        method: str,
        stars: int | None = None,
    ) -> Topup:
        """`create`, in the caller's transaction (a method's own row goes in with it)."""
        if amount <= 0 or (stars is not None and stars <= 0):
            raise ValueError("a top-up credits something, and a Stars invoice costs stars")
        row = await tx.fetchone(
            "INSERT INTO topups"
            " (user_id, payload, stars, amount, locale, status, created_at, method)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING *",
            (
                user_id,
                secrets.token_urlsafe(24),
                stars,
                to_minor(amount),
                locale,
                TopupStatus.INVOICED,
                utcnow(),
                method,
            ),
        )
        return _topup(row)

    async def discard(self, topup_id: int) -> None:
        """Forget an invoice Telegram would not send: nobody can have paid it."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "DELETE FROM topups WHERE id = ? AND status = ?", (topup_id, TopupStatus.INVOICED)
            )

    async def get(self, topup_id: int) -> Topup | None:
        row = await self._db.fetchone("SELECT * FROM topups WHERE id = ?", (topup_id,))
        return None if row is None else _topup(row)

    async def read(self, tx: Transaction, topup_id: int) -> Topup | None:
        """The top-up as the caller's transaction sees it."""
        row = await tx.fetchone("SELECT * FROM topups WHERE id = ?", (topup_id,))
        return None if row is None else _topup(row)

    async def by_payload(self, payload: str) -> Topup | None:
        row = await self._db.fetchone("SELECT * FROM topups WHERE payload = ?", (payload,))
        return None if row is None else _topup(row)

    async def pending(
        self, method: str, *, user_id: int | None = None, limit: int = 100
    ) -> list[Topup]:
        """A method's top-ups not paid yet (`invoiced`), oldest first; one customer's when
        `user_id` is given."""
        rows = await self._db.fetchall(
            "SELECT * FROM topups WHERE method = ? AND status = ?"
            " AND (? IS NULL OR user_id = ?) ORDER BY id LIMIT ?",
            (method, TopupStatus.INVOICED, user_id, user_id, limit),
        )
        return [_topup(row) for row in rows]

    async def list_for_user(self, user_id: int, limit: int = 20) -> list[Topup]:
        """The customer's top-ups, invoices never paid included, newest first."""
        rows = await self._db.fetchall(
            "SELECT * FROM topups WHERE user_id = ? ORDER BY id DESC LIMIT ?", (user_id, limit)
        )
        return [_topup(row) for row in rows]

    async def record_payment(self, payment: Payment) -> Credited:
        """Mark the invoice paid and credit its amount, in one transaction, once.

        The same payment again (a replayed update, two deliveries at once) returns
        `replay=True` and moves nothing. Anything else that matches no open invoice of this
        user raises `UnmatchedPayment`. Durable: Telegram has the customer's stars already.
        """
        async with self._db.transaction(durable=True) as tx:
            topup = await self._by_payload(tx, payment.payload)
            if topup is not None and topup.charge_id == payment.charge_id:
                return Credited(topup, await _balance(tx, topup.user_id), replay=True)
            why = checkout_refusal(topup, payment.user_id, payment.currency, payment.total_amount)
            if why is not None or topup is None:
                raise UnmatchedPayment(payment, why or "unknown")
            try:
                balance = await _post(tx, topup, topup.amount, Reason.TOPUP, payment.charge_id)
            except AlreadyPosted:
                # The charge id was credited through another invoice: Telegram never reuses
                # one, so this is a forged or corrupted update, not money to credit twice.
                raise UnmatchedPayment(payment, "used") from None
            row = await tx.fetchone(
                "UPDATE topups SET status = ?, charge_id = ?, paid_at = ? WHERE id = ? RETURNING *",
                (TopupStatus.PAID, payment.charge_id, utcnow(), topup.id),
            )
            bonus = await self._reward(tx, topup)
        return Credited(_topup(row), balance, replay=False, bonus=bonus)

    async def credit(
        self,
        tx: Transaction,
        topup_id: int,
        payment_id: str,
        *,
        amount: Decimal | None = None,
        actor: int | None = None,
    ) -> Credited:
        """The method's provider (or an admin, for a transfer) says this top-up was paid:
        mark it paid under `payment_id` and credit it, once, in the caller's transaction (which
        queues the customer's notice: `News.transaction(durable=True)`, the money has moved
        outside already). `amount` credits another sum than asked (a receipt showing one);
        `actor` is the admin who approved it.

        The same payment again returns `replay=True` and moves nothing. Raises `UnknownTopup`,
        `TopupStateError` (cancelled, or paid under another payment id), `AlreadyPosted` (the
        payment id credited another top-up of this method), `BalanceLimit`.
        """
        topup = await self._locked(tx, topup_id)
        if topup.charge_id == payment_id:
            return Credited(topup, await _balance(tx, topup.user_id), replay=True)
        if topup.status != TopupStatus.INVOICED:
            raise TopupStateError(topup)
        if amount is not None:
            if amount <= 0:
                raise ValueError("a top-up credits something")
            row = await tx.fetchone(
                "UPDATE topups SET amount = ? WHERE id = ? RETURNING *",
                (to_minor(amount), topup.id),
            )
            topup = _topup(row)
        balance = await _post(tx, topup, topup.amount, Reason.TOPUP, payment_id, actor)
        row = await tx.fetchone(
            "UPDATE topups SET status = ?, charge_id = ?, paid_at = ? WHERE id = ? RETURNING *",
            (TopupStatus.PAID, payment_id, utcnow(), topup.id),
        )
        bonus = await self._reward(tx, topup)
        return Credited(_topup(row), balance, replay=False, bonus=bonus)

    async def cancel(self, tx: Transaction, topup_id: int) -> tuple[Topup, bool]:
        """A pending top-up that will never be paid (rejected, expired, withdrawn):
        `cancelled`, in the caller's transaction; and whether this call cancelled it (False:
        it was before). Raises `UnknownTopup`, or `TopupStateError` once it is paid."""
        topup = await self._locked(tx, topup_id)
        if topup.status == TopupStatus.CANCELLED:
            return topup, False
        if topup.status != TopupStatus.INVOICED:
            raise TopupStateError(topup)
        row = await tx.fetchone(
            "UPDATE topups SET status = ?, cancelled_at = ? WHERE id = ? RETURNING *",
            (TopupStatus.CANCELLED, utcnow(), topup.id),
        )
        return _topup(row), True

    async def reserve_refund(self, topup_id: int, admin_id: int) -> tuple[Topup, Decimal]:
        """Debit the credited amount and mark the top-up `refunding`; its balance after.

        A top-up already `refunding` (Telegram's answer never came) is returned as it is, to
        ask Telegram again: nothing is debited twice. Raises `UnknownTopup`,
        `TopupStateError`, or `InsufficientFunds` when the customer spent the money.
        """
        async with self._db.transaction() as tx:
            topup = await self._locked(tx, topup_id)
            if topup.status == TopupStatus.REFUNDING:
                return topup, await _balance(tx, topup.user_id)
            if topup.status != TopupStatus.PAID:
                raise TopupStateError(topup)
            row = await tx.fetchone(
                "UPDATE topups SET status = ?, refund_attempts = refund_attempts + 1,"
                " refunded_by = ? WHERE id = ? RETURNING *",
                (TopupStatus.REFUNDING, admin_id, topup.id),
            )
            topup = _topup(row)
            balance = await _post(
                tx, topup, -topup.amount, Reason.TOPUP_REFUND, topup.refund_ref, admin_id
            )
        return topup, balance

    async def finish_refund(self, tx: Transaction, topup_id: int) -> RefundFinished:
        """The provider gave the money back: `refunded`, in the caller's transaction (which
        queues the customer's notice). Calling it again changes nothing (`now` False)."""
        topup = await self._locked(tx, topup_id)
        if topup.status == TopupStatus.REFUNDED:
            return RefundFinished(topup, await _balance(tx, topup.user_id), now=False)
        if topup.status != TopupStatus.REFUNDING:
            raise TopupStateError(topup)
        row = await tx.fetchone(
            "UPDATE topups SET status = ?, refunded_at = ? WHERE id = ? RETURNING *",
            (TopupStatus.REFUNDED, utcnow(), topup.id),
        )
        balance = await _balance(tx, topup.user_id)
        return RefundFinished(_topup(row), balance, now=True, kept=await self._take_back(tx, topup))

    async def take_back(self, tx: Transaction, topup_id: int) -> RefundFinished:
        """The provider gave a paid top-up's money back on its own (Payme's cancel after
        perform): debit it and mark it `refunded` at once, in the caller's transaction; again
        changes nothing (`now` False). Raises `TopupStateError`, or `InsufficientFunds` when
        the customer has spent it (then nothing moved)."""
        topup = await self._locked(tx, topup_id)
        if topup.status == TopupStatus.REFUNDED:
            return RefundFinished(topup, await _balance(tx, topup.user_id), now=False)
        if topup.status != TopupStatus.PAID:
            raise TopupStateError(topup)
        row = await tx.fetchone(
            "UPDATE topups SET status = ?, refund_attempts = refund_attempts + 1,"
            " refunded_at = ? WHERE id = ? RETURNING *",
            (TopupStatus.REFUNDED, utcnow(), topup.id),
        )
        taken = _topup(row)
        balance = await _post(tx, taken, -taken.amount, Reason.TOPUP_REFUND, taken.refund_ref)
        return RefundFinished(taken, balance, now=True, kept=await self._take_back(tx, taken))

    async def refund_outside(
        self, tx: Transaction, topup_id: int, admin_id: int, note: str | None
    ) -> RefundFinished:
        """An admin paid a top-up's money back outside the bot (a card transfer back, a
        provider's cabinet): debit what it credited and mark it `refunded` with the admin's
        `note`, in the caller's transaction (which queues the customer's notice). Raises
        `UnknownTopup`, `TopupStateError` (not paid, or refunded already), or
        `InsufficientFunds` when the customer has spent the money: nothing changes then."""
        topup = await self._locked(tx, topup_id)
        if topup.status != TopupStatus.PAID:
            raise TopupStateError(topup)
        row = await tx.fetchone(
            "UPDATE topups SET status = ?, refund_attempts = refund_attempts + 1,"
            " refunded_by = ?, refunded_at = ?, refund_note = ? WHERE id = ? RETURNING *",
            (TopupStatus.REFUNDED, admin_id, utcnow(), note, topup.id),
        )
        topup = _topup(row)
        balance = await _post(
            tx, topup, -topup.amount, Reason.TOPUP_REFUND, topup.refund_ref, admin_id
        )
        return RefundFinished(topup, balance, now=True, kept=await self._take_back(tx, topup))

    async def undo_refund(self, topup_id: int) -> tuple[Topup, Decimal]:
        """Telegram refused the refund: credit the debit back, the top-up is `paid` again."""
        async with self._db.transaction() as tx:
            topup = await self._locked(tx, topup_id)
            if topup.status != TopupStatus.REFUNDING:
                raise TopupStateError(topup)
            balance = await _post(
                tx,
                topup,
                topup.amount,
                Reason.TOPUP_REFUND_UNDONE,
                topup.refund_ref,
                topup.refunded_by,
            )
            row = await tx.fetchone(
                "UPDATE topups SET status = ?, refunded_by = NULL WHERE id = ? RETURNING *",
                (TopupStatus.PAID, topup.id),
            )
        return _topup(row), balance

    async def _reward(self, tx: Transaction, topup: Topup) -> Decimal | None:
        if self._referrals is None:
            return None
        return await self._referrals.reward(tx, topup.user_id, topup.id, topup.amount)

    async def _take_back(self, tx: Transaction, topup: Topup) -> Kept | None:
        if self._referrals is None:
            return None
        return await self._referrals.take_back(tx, topup.id, topup.user_id)

    async def _by_payload(self, tx: Transaction, payload: str) -> Topup | None:
        row = await tx.fetchone("SELECT * FROM topups WHERE payload = ?", (payload,))
        return None if row is None else _topup(row)

    async def _locked(self, tx: Transaction, topup_id: int) -> Topup:
        # "Locked" because it is read inside the write transaction: nobody changes it meanwhile.
        row = await tx.fetchone("SELECT * FROM topups WHERE id = ?", (topup_id,))
        if row is None:
            raise UnknownTopup(topup_id)
        return _topup(row)


async def _post(
    tx: Transaction,
    topup: Topup,
    amount: Decimal,
    reason: Reason,
    ref: str | None,
    actor: int | None = None,
) -> Decimal:
    """A posting of this top-up's money: under its method, keyed by its payment id."""
    return await post(tx, topup.user_id, amount, reason, ref=ref, actor=actor, method=topup.method)


async def _balance(tx: Transaction, user_id: int) -> Decimal:
    row = await tx.fetchone("SELECT balance FROM users WHERE id = ?", (user_id,))
    return from_minor(row["balance"] if row else 0)


def _topup(row: Row | None) -> Topup:
    if row is None:  # cannot happen: each caller's statement returns its row
        raise StorageError("top-up statement returned nothing")
    return from_row(Topup, row)
