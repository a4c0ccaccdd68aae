"""Promo codes: an admin's code worth an amount, redeemed once per customer, never past its
uses.

A redemption is one transaction: the conditional `UPDATE ... used = used + 1 WHERE used <
uses` takes a use only while one is left (so concurrent redemptions, even from another
process, can never pass the limit), the (code, customer) row's primary key stops a second
one by the same customer, and the ledger credit (`promo`, ref `CODE#customer`) goes in with
them. A code is stored folded (`fold_code`), so it is matched in any case and spacing.
A redemption is not a top-up: it pays no referral share.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from bot.money import from_minor, to_minor
from bot.storage.db import Database, StorageError, from_row, utcnow
from bot.storage.ledger import Reason, post

CODE_MAX = 32
_CODE = re.compile(rf"[A-Z0-9_-]{{3,{CODE_MAX}}}")


def fold_code(text: str | None) -> str | None:
    """A code as it is stored and matched: upper case, without any white space; None when
    what is left is not 3 to 32 of A-Z, 0-9, `_` and `-`."""
    code = "".join((text or "").split()).upper()
    return code if _CODE.fullmatch(code) and code.isascii() else None


@dataclass(frozen=True)
class PromoCode:
    code: str
    amount: Decimal
    uses: int
    used: int
    expires_at: datetime | None
    ended_at: datetime | None
    created_by: int
    created_at: datetime

    @property
    def given(self) -> Decimal:
        """What its redemptions credited: each one its amount."""
        return self.amount * self.used


class Refusal(StrEnum):
    UNKNOWN = "unknown"
    ENDED = "ended"
    EXPIRED = "expired"
    USED_UP = "used-up"
    ALREADY = "already"  # redeemed by this customer before


class PromoRefused(StorageError):
    """The code cannot be redeemed by this customer; nothing changed."""

    def __init__(self, code: str, why: Refusal) -> None:
        super().__init__(f"promo code {code}: {why}")
        self.code = code
        self.why = why


class PromoExists(StorageError):
    def __init__(self, code: str) -> None:
        super().__init__(f"promo code {code} exists")
        self.code = code


@dataclass(frozen=True)
class Redeemed:
    amount: Decimal
    balance: Decimal


class PromosRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def create(
        self, code: str, amount: Decimal, uses: int, days: int | None, admin_id: int
    ) -> PromoCode:
        """A new code (`code` folded already). Raises `PromoExists` for a code made before,
        ended ones included: a code names one offer for good."""
        expires = None if days is None else utcnow(after=timedelta(days=days).total_seconds())
        try:
            async with self._db.transaction() as tx:
                await tx.execute(
                    "INSERT INTO promo_codes (code, amount, uses, expires_at, created_by,"
                    " created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (code, to_minor(amount), uses, expires, admin_id, utcnow()),
                )
        except sqlite3.IntegrityError:
            raise PromoExists(code) from None
        created = await self.get(code)
        if created is None:  # cannot happen: just inserted
            raise StorageError(f"promo code {code} vanished")
        return created

    async def end(self, code: str) -> PromoCode | None:
        """End the code now (no more redemptions); None for no such code. Ending an ended
        code keeps its first end."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE promo_codes SET ended_at = coalesce(ended_at, ?) WHERE code = ?",
                (utcnow(), code),
            )
        return await self.get(code)

    async def get(self, code: str) -> PromoCode | None:
        row = await self._db.fetchone("SELECT * FROM promo_codes WHERE code = ?", (code,))
        return None if row is None else from_row(PromoCode, row)

    async def listing(self, limit: int = 50) -> list[PromoCode]:
        """The newest codes first."""
        rows = await self._db.fetchall(
            "SELECT * FROM promo_codes ORDER BY created_at DESC, code LIMIT ?", (limit,)
        )
        return [from_row(PromoCode, row) for row in rows]

    async def redeem(self, code: str, user_id: int) -> Redeemed:
        """Credit the code's amount to the customer, once, within its uses. Raises
        `PromoRefused` (why), `BalanceLimit` or `UnknownUser`; then nothing changed."""
        now = utcnow()
        async with self._db.transaction() as tx:
            row = await tx.fetchone("SELECT * FROM promo_codes WHERE code = ?", (code,))
            if row is None:
                raise PromoRefused(code, Refusal.UNKNOWN)
            if row["ended_at"] is not None:
                raise PromoRefused(code, Refusal.ENDED)
            if row["expires_at"] is not None and row["expires_at"] <= now:
                raise PromoRefused(code, Refusal.EXPIRED)
            mine = await tx.fetchone(
                "SELECT 1 FROM promo_redemptions WHERE code = ? AND user_id = ?", (code, user_id)
            )
            if mine is not None:
                raise PromoRefused(code, Refusal.ALREADY)
            taken = await tx.execute(
                "UPDATE promo_codes SET used = used + 1 WHERE code = ? AND used < uses"
                " AND ended_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
                (code, now),
            )
            if taken != 1:
                raise PromoRefused(code, Refusal.USED_UP)
            await tx.execute(
                "INSERT INTO promo_redemptions (code, user_id, amount, created_at)"
                " VALUES (?, ?, ?, ?)",
                (code, user_id, row["amount"], now),
            )
            amount = from_minor(row["amount"])
            balance = await post(tx, user_id, amount, Reason.PROMO, ref=f"{code}#{user_id}")
        return Redeemed(amount, balance)
