"""Payme's Merchant API, the shop's side: the JSON-RPC methods Payme calls at `/payme`
(served by `bot.ops.payme_endpoint`), from Payme's developer documentation
(developer.help.paycom.uz, "Merchant API": methods, errors, transaction states).

- Every call carries `Authorization: Basic base64("Paycom:<PAYME_KEY>")`; anything else is
  -32504 and touches nothing.
- A transaction goes 1 (created) -> 2 (performed) -> -2 (cancelled after perform), or
  1 -> -1 (cancelled). Times are Unix ms; a transaction left in state 1 for 12 hours
  (43,200,000 ms) is cancelled with reason 4 when Payme next touches it, and -31008 said.
- One transaction in state 1 or 2 per top-up: another is refused with -31052.
- PerformTransaction credits the top-up once, in the same durable transaction as the state.
- CancelTransaction of a performed one takes the money back when the balance still holds it
  (state -2, the customer told); when the customer has spent it, Payme's documented answer
  is -31007 ("the service has been provided, cannot cancel"): the state stays 2, nothing
  moves, and the admins are told once to settle it with the customer and Payme.
- Errors carry `message` in ru, uz and en (locale keys `payme-error-*`); the answer is
  HTTP 200 whatever it says, as Payme expects.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aiogram import Bot

from bot.i18n import Translator
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.news import News, Work
from bot.payments.credits import Credits
from bot.payments.payme import tiyin
from bot.payments.refunds import kept_details
from bot.settings import LOCALES, Settings
from bot.storage import (
    BalanceLimit,
    InsufficientFunds,
    Kept,
    Topup,
    TopupsRepo,
    TopupStateError,
    TopupStatus,
    Transaction,
    UnknownTopup,
)
from bot.storage.payme import PaymeRepo, PaymeState, PaymeTransaction

log = logging.getLogger(__name__)

METHOD = "payme"
ACCOUNT = "topup_id"  # the account field, as set in Payme's cabinet
TIMEOUT_MS = 43_200_000  # 12 hours: a created transaction not performed by then is dead
REASON_TIMEOUT = 4
# Payme's cancel reasons (1 receivers not found, 2 debit failed in processing, 3 transaction
# failed, 4 timeout, 5 refund, 10 unknown).
REASONS = frozenset({1, 2, 3, 4, 5, 10})


class Code:
    """Payme's error codes."""

    NOT_POST = -32300
    PARSE = -32700
    REQUEST = -32600
    NO_METHOD = -32601
    AUTH = -32504
    SYSTEM = -32400
    AMOUNT = -31001
    NOT_FOUND = -31003
    CANNOT_CANCEL = -31007
    CANNOT_PERFORM = -31008
    # -31050..-31099: the account (our top-up) is wrong; `data` names the field.
    NO_TOPUP = -31050
    TOPUP_CLOSED = -31051
    TOPUP_BUSY = -31052


_KEYS = {
    Code.NOT_POST: "payme-error-not-post",
    Code.PARSE: "payme-error-parse",
    Code.REQUEST: "payme-error-request",
    Code.NO_METHOD: "payme-error-method",
    Code.AUTH: "payme-error-auth",
    Code.SYSTEM: "payme-error-system",
    Code.AMOUNT: "payme-error-amount",
    Code.NOT_FOUND: "payme-error-not-found",
    Code.CANNOT_CANCEL: "payme-error-cannot-cancel",
    Code.CANNOT_PERFORM: "payme-error-cannot-perform",
    Code.NO_TOPUP: "payme-error-no-topup",
    Code.TOPUP_CLOSED: "payme-error-topup-closed",
    Code.TOPUP_BUSY: "payme-error-topup-busy",
}


class _Moved(Exception):
    """The transaction changed between its reading and its credit: a cancel came between."""


class PaymeError(Exception):
    def __init__(self, code: int, data: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.data = data


def now_ms() -> int:
    return int(time.time() * 1000)


@dataclass(frozen=True)
class Answer:
    """What a method answers; `error` raised after its transaction committed (a timed-out
    transaction is cancelled and stays cancelled, though the call is refused)."""

    result: dict[str, Any] | None = None
    error: PaymeError | None = None


Handler = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


class PaymeMerchant:
    def __init__(
        self,
        *,
        settings: Settings,
        topups: TopupsRepo,
        payme: PaymeRepo,
        news: News,
        credits: Credits,
        alerts: Alerts,
        translator: Translator,
        amounts: Amounts,
        clock: Callable[[], int] = now_ms,
    ) -> None:
        self._settings = settings
        self._topups = topups
        self._payme = payme
        self._news = news
        self._credits = credits
        self._alerts = alerts
        self._translator = translator
        self._money = amounts
        self.clock = clock
        # Transactions whose cancel the balance could not cover, told to admins already.
        self._told: set[str] = set()
        self._bot: Bot | None = None
        self._methods: dict[str, Handler] = {
            "CheckPerformTransaction": self._check_perform,
            "CreateTransaction": self._create,
            "PerformTransaction": self._perform,
            "CancelTransaction": self._cancel,
            "CheckTransaction": self._check,
            "GetStatement": self._statement,
        }

    def authorized(self, header: str | None) -> bool:
        key = self._settings.payme_key
        if key is None or header is None or not header.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(header[6:].strip(), validate=True)
        except (binascii.Error, ValueError):
            return False
        expected = b"Paycom:" + key.get_secret_value().encode()
        return hmac.compare_digest(decoded, expected)

    def error(self, code: int, request_id: Any, data: str | None = None) -> dict[str, Any]:
        key = _KEYS[code]
        message = {
            locale: self._translator.render(locale, key, {}, escape=False) for locale in LOCALES
        }
        body: dict[str, Any] = {"code": code, "message": message}
        if data is not None:
            body["data"] = data
        return {"jsonrpc": "2.0", "id": request_id, "error": body}

    async def handle(self, bot: Bot, body: bytes, authorization: str | None) -> dict[str, Any]:
        """One JSON-RPC call as Payme sent it: its answer, result or error."""
        try:
            request = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return self.error(Code.PARSE, None)
        if not isinstance(request, dict):
            return self.error(Code.REQUEST, None)
        request_id = request.get("id")
        if not self.authorized(authorization):
            return self.error(Code.AUTH, request_id)
        method, params = request.get("method"), request.get("params")
        if not isinstance(method, str) or not isinstance(params, dict):
            return self.error(Code.REQUEST, request_id)
        handler = self._methods.get(method)
        if handler is None:
            return self.error(Code.NO_METHOD, request_id)
        self._bot = bot
        try:
            result = await handler(params)
        except PaymeError as error:
            return self.error(error.code, request_id, error.data)
        except Exception:
            # Payme reads a JSON answer whatever happened: it asks again later.
            log.exception("payme: %s failed", method)
            return self.error(Code.SYSTEM, request_id)
        return {"jsonrpc": "2.0", "id": request_id, "result": result}

    # CheckPerformTransaction(amount, account)
    async def _check_perform(self, params: dict[str, Any]) -> dict[str, Any]:
        amount, topup_id = _amount(params), _account(params)
        async with self._news.transaction() as work:
            await self._payable(work, topup_id, amount)
        return {"allow": True}

    # CreateTransaction(id, time, amount, account)
    async def _create(self, params: dict[str, Any]) -> dict[str, Any]:
        transaction_id, payme_time = _id(params), _integer(params, "time")
        amount, topup_id = _amount(params), _account(params)
        now = self.clock()
        async with self._news.transaction() as work:
            answer = await self._create_in(work, transaction_id, payme_time, amount, topup_id, now)
        return _answered(answer)

    async def _create_in(
        self, work: Work, transaction_id: str, payme_time: int, amount: int, topup_id: int, now: int
    ) -> Answer:
        tx = work.tx
        known = await self._payme.get(tx, transaction_id)
        if known is not None:
            if known.state != PaymeState.CREATED:
                return Answer(error=PaymeError(Code.CANNOT_PERFORM))
            if now - known.create_time > TIMEOUT_MS:
                await self._payme.cancelled(tx, known.id, PaymeState.CANCELLED, REASON_TIMEOUT, now)
                return Answer(error=PaymeError(Code.CANNOT_PERFORM))
            return Answer(_created(known))
        topup = await self._payable(work, topup_id, amount)
        live = await self._payme.live(tx, topup.id)
        if live is not None:
            # Another checkout of the same top-up: dead after 12 hours, else it waits.
            if now - live.create_time <= TIMEOUT_MS:
                raise PaymeError(Code.TOPUP_BUSY, ACCOUNT)
            await self._payme.cancelled(tx, live.id, PaymeState.CANCELLED, REASON_TIMEOUT, now)
        created = await self._payme.create(tx, transaction_id, topup.id, payme_time, amount, now)
        return Answer(_created(created))

    # PerformTransaction(id)
    async def _perform(self, params: dict[str, Any]) -> dict[str, Any]:
        transaction_id = _id(params)
        now = self.clock()
        async with self._news.transaction() as work:
            ready = await self._performable(work, transaction_id, now)
        if isinstance(ready, Answer):
            return _answered(ready)

        async def performed(tx: Transaction) -> None:
            # Beside the credit, in its transaction: unless a cancel came in between.
            current = await self._payme.get(tx, transaction_id)
            if current is None or current.state != PaymeState.CREATED:
                raise _Moved
            await self._payme.performed(tx, transaction_id, now)

        try:
            await self._credits.credit(ready.topup_id, ready.id, also=performed)
        except (TopupStateError, UnknownTopup, BalanceLimit) as problem:
            log.warning("payme: transaction %s cannot credit: %s", ready.id, problem)
            raise PaymeError(Code.CANNOT_PERFORM) from None
        except _Moved:
            pass  # answered from what it is now
        async with self._news.transaction() as work:
            now_is = await self._payme.get(work.tx, transaction_id)
        if now_is is None or now_is.state != PaymeState.PERFORMED:
            raise PaymeError(Code.CANNOT_PERFORM)
        log.info("payme: top-up %s credited by transaction %s", now_is.topup_id, now_is.id)
        return _performed(now_is)

    async def _performable(
        self, work: Work, transaction_id: str, now: int
    ) -> PaymeTransaction | Answer:
        """The transaction to perform, or the answer without performing it (performed
        before; timed out, and cancelled now)."""
        tx = work.tx
        known = await self._payme.get(tx, transaction_id)
        if known is None:
            raise PaymeError(Code.NOT_FOUND)
        if known.state == PaymeState.PERFORMED:
            return Answer(_performed(known))
        if known.state != PaymeState.CREATED:
            raise PaymeError(Code.CANNOT_PERFORM)
        if now - known.create_time > TIMEOUT_MS:
            await self._payme.cancelled(tx, known.id, PaymeState.CANCELLED, REASON_TIMEOUT, now)
            return Answer(error=PaymeError(Code.CANNOT_PERFORM))
        return known

    # CancelTransaction(id, reason)
    async def _cancel(self, params: dict[str, Any]) -> dict[str, Any]:
        transaction_id, reason = _id(params), _integer(params, "reason")
        if reason not in REASONS:
            raise PaymeError(Code.REQUEST)
        now = self.clock()
        try:
            async with self._news.transaction(durable=True) as work:
                answer, kept = await self._cancel_in(work, transaction_id, reason, now)
        except InsufficientFunds as short:
            await self._spent(transaction_id, short)
            raise PaymeError(Code.CANNOT_CANCEL) from None
        if kept is not None and self._bot is not None:
            await self._alerts.send(
                self._bot, "alert-referral-kept", **kept_details(kept, self._money)
            )
        return _answered(answer)

    async def _cancel_in(
        self, work: Work, transaction_id: str, reason: int, now: int
    ) -> tuple[Answer, Kept | None]:
        tx = work.tx
        known = await self._payme.get(tx, transaction_id)
        if known is None:
            raise PaymeError(Code.NOT_FOUND)
        if known.state == PaymeState.CREATED:
            # The top-up stays open: the customer may pay it again through the same link.
            cancelled = await self._payme.cancelled(tx, known.id, PaymeState.CANCELLED, reason, now)
            return Answer(_cancelled(cancelled)), None
        if known.state == PaymeState.PERFORMED:
            topup = await self._topups.read(tx, known.topup_id)
            # Refunded already (an admin's `/refund`): the balance gave it back then.
            taken = None
            if topup is not None and topup.status == TopupStatus.PAID:
                taken = await self._topups.take_back(tx, known.topup_id)
            cancelled = await self._payme.cancelled(
                tx, known.id, PaymeState.CANCELLED_AFTER_PERFORM, reason, now
            )
            if taken is not None:
                await work.tell(
                    taken.topup.user_id,
                    "topup-taken-back",
                    {
                        "id": str(taken.topup.id),
                        "method": "Payme",
                        "amount": self._money(taken.topup.amount),
                        "balance": self._money(taken.balance),
                    },
                )
            return Answer(_cancelled(cancelled)), None if taken is None else taken.kept
        return Answer(_cancelled(known)), None

    async def _spent(self, transaction_id: str, short: InsufficientFunds) -> None:
        """Payme took a performed payment back and the customer has spent it: the admins
        settle that with the customer, once told."""
        log.warning("payme: cannot take back transaction %s: %s", transaction_id, short)
        if transaction_id in self._told or self._bot is None:
            return
        async with self._news.transaction() as work:
            known = await self._payme.get(work.tx, transaction_id)
        if known is None:
            return
        self._told.add(transaction_id)
        await self._alerts.send(
            self._bot,
            "alert-payme-spent",
            topup=str(known.topup_id),
            user=str(short.user_id),
            amount=self._money(short.balance + short.missing),
            balance=self._money(short.balance),
            transaction=transaction_id,
        )

    # CheckTransaction(id)
    async def _check(self, params: dict[str, Any]) -> dict[str, Any]:
        transaction_id = _id(params)
        async with self._news.transaction() as work:
            known = await self._payme.get(work.tx, transaction_id)
        if known is None:
            raise PaymeError(Code.NOT_FOUND)
        return {
            "create_time": known.create_time,
            "perform_time": known.perform_time,
            "cancel_time": known.cancel_time,
            "transaction": str(known.number),
            "state": known.state,
            "reason": known.reason,
        }

    # GetStatement(from, to)
    async def _statement(self, params: dict[str, Any]) -> dict[str, Any]:
        start, end = _integer(params, "from"), _integer(params, "to")
        rows = await self._payme.statement(start, end)
        return {"transactions": [_stated(row) for row in rows]}

    async def _payable(self, work: Work, topup_id: int, amount: int) -> Topup:
        """The Payme top-up `topup_id`, open, for exactly `amount` tiyin; else Payme's error."""
        topup = await self._topups.read(work.tx, topup_id)
        if topup is None or topup.method != METHOD:
            raise PaymeError(Code.NO_TOPUP, ACCOUNT)
        if topup.status != TopupStatus.INVOICED:
            raise PaymeError(Code.TOPUP_CLOSED, ACCOUNT)
        if amount != tiyin(topup.amount):
            raise PaymeError(Code.AMOUNT)
        return topup


def _answered(answer: Answer) -> dict[str, Any]:
    if answer.error is not None:
        raise answer.error
    return answer.result or {}


def _created(row: PaymeTransaction) -> dict[str, Any]:
    return {"create_time": row.create_time, "transaction": str(row.number), "state": row.state}


def _performed(row: PaymeTransaction) -> dict[str, Any]:
    return {"transaction": str(row.number), "perform_time": row.perform_time, "state": row.state}


def _cancelled(row: PaymeTransaction) -> dict[str, Any]:
    return {"transaction": str(row.number), "cancel_time": row.cancel_time, "state": row.state}


def _stated(row: PaymeTransaction) -> dict[str, Any]:
    return {
        "id": row.id,
        "time": row.time,
        "amount": row.amount,
        "account": {ACCOUNT: str(row.topup_id)},
        "create_time": row.create_time,
        "perform_time": row.perform_time,
        "cancel_time": row.cancel_time,
        "transaction": str(row.number),
        "state": row.state,
        "reason": row.reason,
    }


def _integer(params: Mapping[str, Any], name: str) -> int:
    value = params.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise PaymeError(Code.REQUEST)
    return value


def _id(params: Mapping[str, Any]) -> str:
    value = params.get("id")
    if not isinstance(value, str) or not value or len(value) > 64:
        raise PaymeError(Code.REQUEST)
    return value


def _amount(params: Mapping[str, Any]) -> int:
    """Tiyin, a whole number; a number Payme could not mean is a wrong amount."""
    value = params.get("amount")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise PaymeError(Code.AMOUNT)
    if value <= 0:
        raise PaymeError(Code.AMOUNT)
    return value


def _account(params: Mapping[str, Any]) -> int:
    account = params.get("account")
    if not isinstance(account, dict):
        raise PaymeError(Code.NO_TOPUP, ACCOUNT)
    value = account.get(ACCOUNT)
    text = str(value) if isinstance(value, int | str) and not isinstance(value, bool) else ""
    if not text.isascii() or not text.isdigit() or len(text) > 18:
        raise PaymeError(Code.NO_TOPUP, ACCOUNT)
    return int(text)
