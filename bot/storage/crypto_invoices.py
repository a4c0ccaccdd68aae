"""Crypto Pay's side of a crypto top-up: the invoice it made for the `topups` row, what it
asks (in a fiat currency, to the cent, exactly as sent), the link that pays it, and, once
paid, the asset that paid it.

The top-up row says whether it is pending, paid or cancelled; this one only says which
invoice it is, so that an invoice Crypto Pay reports (the sweep, the webhook, the customer's
"Check payment") finds its top-up, and one that is not ours finds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.storage.db import Database, StorageError, from_row, utcnow
from bot.storage.topups import TopupStatus

METHOD = "crypto"


@dataclass(frozen=True)
class CryptoInvoice:
    topup_id: int
    invoice_id: int  # Crypto Pay's; the top-up's payment id once paid
    fiat: str
    amount: str  # what the invoice asks in `fiat`, as sent
    url: str  # opens the invoice in @CryptoBot
    mini_app_url: str | None
    created_at: datetime
    expires_at: datetime
    paid_asset: str | None
    paid_amount: str | None


class CryptoInvoicesRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def add(
        self,
        topup_id: int,
        invoice_id: int,
        *,
        fiat: str,
        amount: str,
        url: str,
        mini_app_url: str | None,
        expires_in: float,
    ) -> CryptoInvoice:
        async with self._db.transaction() as tx:
            row = await tx.fetchone(
                "INSERT INTO crypto_invoices (topup_id, invoice_id, fiat, amount, url,"
                " mini_app_url, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                " RETURNING *",
                (
                    topup_id,
                    invoice_id,
                    fiat,
                    amount,
                    url,
                    mini_app_url,
                    utcnow(),
                    utcnow(expires_in),
                ),
            )
        if row is None:  # cannot happen: RETURNING the row just inserted
            raise StorageError("crypto invoice insert returned nothing")
        return from_row(CryptoInvoice, row)

    async def of_topup(self, topup_id: int) -> CryptoInvoice | None:
        row = await self._db.fetchone(
            "SELECT * FROM crypto_invoices WHERE topup_id = ?", (topup_id,)
        )
        return None if row is None else from_row(CryptoInvoice, row)

    async def by_invoice(self, invoice_id: int) -> CryptoInvoice | None:
        row = await self._db.fetchone(
            "SELECT * FROM crypto_invoices WHERE invoice_id = ?", (invoice_id,)
        )
        return None if row is None else from_row(CryptoInvoice, row)

    async def open(self, limit: int) -> list[CryptoInvoice]:
        """Invoices whose top-up is still pending, oldest first."""
        rows = await self._db.fetchall(
            "SELECT c.* FROM crypto_invoices c JOIN topups t ON t.id = c.topup_id"
            " WHERE t.method = ? AND t.status = ? ORDER BY t.id LIMIT ?",
            (METHOD, TopupStatus.INVOICED, limit),
        )
        return [from_row(CryptoInvoice, row) for row in rows]

    async def paid_with(self, topup_id: int, asset: str | None, amount: str | None) -> None:
        """What the customer paid in: for admins' eyes, not for the money."""
        async with self._db.transaction() as tx:
            await tx.execute(
                "UPDATE crypto_invoices SET paid_asset = ?, paid_amount = ? WHERE topup_id = ?",
                (asset, amount, topup_id),
            )
