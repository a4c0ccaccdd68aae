"""Click's SHOP-API, the shop's side: Prepare (`action=0`) and Complete (`action=1`), the
form posts Click sends to `/click/prepare` and `/click/complete` (served by
`bot.ops.click_endpoint`), from Click's SHOP-API documentation (docs.click.uz).

- Each is signed: `sign_string` = MD5 of click_trans_id + service_id + SECRET_KEY +
  merchant_trans_id (+ merchant_prepare_id, Complete only) + amount + action + sign_time,
  the values exactly as posted. A wrong one is error -1 and touches nothing.
- `merchant_trans_id` is the top-up's number (the pay link's `transaction_param`); the amount
  must be the top-up's, to the tiyin (-2).
- Prepare records Click's transaction and answers our `merchant_prepare_id`; Complete credits
  the top-up once (`merchant_confirm_id`), or, when Click says the payment failed (`error`
  below 0), cancels the top-up and answers -9.
- Error codes: 0 success, -1 sign check failed, -2 incorrect amount, -3 action not found,
  -4 already paid, -5 user (our top-up) does not exist, -6 transaction does not exist,
  -7 failed to update user, -8 error in request from Click, -9 transaction cancelled.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

from bot.notify.news import News, Work
from bot.payments.credits import Credits
from bot.settings import Settings
from bot.storage import (
    BalanceLimit,
    Topup,
    TopupsRepo,
    TopupStateError,
    TopupStatus,
    Transaction,
)
from bot.storage.click import ClickRepo, ClickStatus

log = logging.getLogger(__name__)

METHOD = "click"
PREPARE, COMPLETE = 0, 1

NOTES = {
    0: "Success",
    -1: "SIGN CHECK FAILED!",
    -2: "Incorrect parameter amount",
    -3: "Action not found",
    -4: "Already paid",
    -5: "User does not exist",
    -6: "Transaction does not exist",
    -7: "Failed to update user",
    -8: "Error in request from click",
    -9: "Transaction cancelled",
}
_NUMBERS = ("click_trans_id", "service_id", "click_paydoc_id", "action", "error")


class _Moved(Exception):
    """Click's transaction changed between its reading and its credit."""


class ClickError(Exception):
    def __init__(self, code: int, prepare_id: int | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.prepare_id = prepare_id


@dataclass(frozen=True)
class Call:
    """A Prepare or Complete as posted, its numbers read."""

    fields: Mapping[str, str]
    click_trans_id: int
    service_id: int
    click_paydoc_id: int
    merchant_trans_id: str
    amount: Decimal
    action: int
    error: int
    merchant_prepare_id: int | None


class ClickMerchant:
    def __init__(
        self,
        *,
        settings: Settings,
        topups: TopupsRepo,
        click: ClickRepo,
        news: News,
        credits: Credits,
    ) -> None:
        self._settings = settings
        self._topups = topups
        self._click = click
        self._news = news
        self._credits = credits

    def signed(self, fields: Mapping[str, str], complete: bool) -> bool:
        key = self._settings.click_secret_key
        if key is None:
            return False
        parts = [
            fields.get("click_trans_id", ""),
            fields.get("service_id", ""),
            key.get_secret_value(),
            fields.get("merchant_trans_id", ""),
            *([fields.get("merchant_prepare_id", "")] if complete else []),
            fields.get("amount", ""),
            fields.get("action", ""),
            fields.get("sign_time", ""),
        ]
        expected = hashlib.md5("".join(parts).encode(), usedforsecurity=False).hexdigest()
        # Bytes: `compare_digest` raises on a str that is not ASCII, and a forger picks it.
        claimed = fields.get("sign_string", "").lower().encode()
        return hmac.compare_digest(expected.encode(), claimed)

    async def prepare(self, fields: Mapping[str, str]) -> dict[str, Any]:
        return await self._answer(fields, complete=False)

    async def complete(self, fields: Mapping[str, str]) -> dict[str, Any]:
        return await self._answer(fields, complete=True)

    async def _answer(self, fields: Mapping[str, str], *, complete: bool) -> dict[str, Any]:
        id_field = "merchant_confirm_id" if complete else "merchant_prepare_id"
        answer: dict[str, Any] = {
            "click_trans_id": _number(fields.get("click_trans_id")),
            "merchant_trans_id": fields.get("merchant_trans_id"),
            id_field: None,
        }
        try:
            call = self._read(fields, complete)
            if call.action != (COMPLETE if complete else PREPARE):
                raise ClickError(-3)
            if complete:
                answer[id_field] = await self._complete(call)
            else:
                answer[id_field] = await self._prepare(call)
            code = 0
        except ClickError as error:
            code = error.code
            if error.prepare_id is not None:
                answer[id_field] = error.prepare_id
        except Exception:
            # Click reads a JSON answer whatever happened: it asks again later.
            log.exception("click: %s failed", "Complete" if complete else "Prepare")
            code = -7
        return {**answer, "error": code, "error_note": NOTES[code]}

    def _read(self, fields: Mapping[str, str], complete: bool) -> Call:
        whole = (*_NUMBERS, *(("merchant_prepare_id",) if complete else ()))
        required = (*whole, "merchant_trans_id", "amount", "sign_time", "sign_string")
        if any(not fields.get(name) for name in required):
            raise ClickError(-8)
        numbers = {name: _number(fields[name]) for name in whole}
        try:
            amount = Decimal(fields["amount"])
        except InvalidOperation:
            raise ClickError(-8) from None
        if None in numbers.values() or not amount.is_finite():
            raise ClickError(-8)
        # Authenticity before anything is looked up: a forger learns nothing.
        if not self.signed(fields, complete):
            raise ClickError(-1)
        if numbers["service_id"] != self._settings.click_service_id:
            raise ClickError(-8)
        return Call(
            fields=fields,
            click_trans_id=numbers["click_trans_id"] or 0,
            service_id=numbers["service_id"] or 0,
            click_paydoc_id=numbers["click_paydoc_id"] or 0,
            merchant_trans_id=fields["merchant_trans_id"],
            amount=amount,
            action=numbers["action"] or 0,
            error=numbers["error"] or 0,
            merchant_prepare_id=numbers.get("merchant_prepare_id"),
        )

    async def _prepare(self, call: Call) -> int:
        async with self._news.transaction() as work:
            topup = await self._open(work, call)
            known = await self._click.by_click_id(work.tx, call.click_trans_id)
            if known is not None:
                if known.topup_id != topup.id:
                    raise ClickError(-8)
                if known.status == ClickStatus.CANCELLED:
                    raise ClickError(-9, known.id)
                return known.id  # Prepare again: the same answer
            prepared = await self._click.prepare(
                work.tx, call.click_trans_id, call.click_paydoc_id, topup.id
            )
        return prepared.id

    async def _complete(self, call: Call) -> int:
        # Twice at most: a second Complete of the same payment may finish it in between,
        # and is then answered from what it is.
        for _ in range(2):
            async with self._news.transaction() as work:
                prepared = await self._completable(work, call)
            finish = partial(self._finish, call.click_trans_id, prepared)
            try:
                if call.error < 0:
                    # Click could not take the money: this top-up will not be paid.
                    await self._credits.cancel(
                        self._topup_id(call),
                        "topup-click-failed",
                        also=partial(finish, status=ClickStatus.CANCELLED, error=call.error),
                    )
                    log.info("click: top-up %s cancelled, Click's error %s", prepared, call.error)
                    raise ClickError(-9, prepared)
                await self._credits.credit(
                    self._topup_id(call),
                    str(call.click_trans_id),
                    also=partial(finish, status=ClickStatus.COMPLETED, error=None),
                )
            except _Moved:
                continue
            except BalanceLimit:
                raise ClickError(-7, prepared) from None
            except TopupStateError:  # paid or cancelled since it was read: read it again
                continue
            log.info("click: %s credited", call.click_trans_id)
            return prepared
        raise ClickError(-8)

    async def _finish(
        self,
        click_trans_id: int,
        prepare_id: int,
        tx: Transaction,
        *,
        status: ClickStatus,
        error: int | None,
    ) -> None:
        """Beside the credit or the cancellation, in its transaction: unless another
        Complete finished it in between."""
        current = await self._click.by_click_id(tx, click_trans_id)
        if current is None or current.status != ClickStatus.PREPARED:
            raise _Moved
        await self._click.finish(tx, prepare_id, status, error)

    async def _completable(self, work: Work, call: Call) -> int:
        """Our prepare id of the Click transaction to complete; else Click's error."""
        tx = work.tx
        topup = await self._topup(work, call)
        known = await self._click.by_click_id(tx, call.click_trans_id)
        if known is None or known.id != call.merchant_prepare_id or known.topup_id != topup.id:
            raise ClickError(-6)
        if known.status == ClickStatus.CANCELLED or topup.status == TopupStatus.CANCELLED:
            raise ClickError(-9, known.id)
        if known.status == ClickStatus.COMPLETED or topup.status != TopupStatus.INVOICED:
            raise ClickError(-4, known.id)
        if call.amount != topup.amount:
            raise ClickError(-2, known.id)
        return known.id

    async def _open(self, work: Work, call: Call) -> Topup:
        """The top-up Click asks to prepare: Click's, open, for exactly its amount."""
        topup = await self._topup(work, call)
        if topup.status == TopupStatus.CANCELLED:
            raise ClickError(-9)
        if topup.status != TopupStatus.INVOICED:
            raise ClickError(-4)
        if call.amount != topup.amount:
            raise ClickError(-2)
        return topup

    @staticmethod
    def _topup_id(call: Call) -> int:
        text = call.merchant_trans_id
        return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else 0

    async def _topup(self, work: Work, call: Call) -> Topup:
        topup = await self._topups.read(work.tx, self._topup_id(call))
        if topup is None or topup.method != METHOD:
            raise ClickError(-5)
        return topup


def _number(value: str | None) -> int | None:
    """A whole number as Click posts it ("-5017" too); None for anything else."""
    if value is None:
        return None
    digits = value[1:] if value.startswith("-") else value
    if not digits.isascii() or not digits.isdigit() or len(digits) > 18:
        return None
    return int(value)
