"""The panel's HTTP API ("API v2": POST form fields `key` + `action`), typed.

One aiohttp session lives as long as the client. Reads are retried with backoff on
transport failures; `add`, `cancel` and `refill` never are, because the panel has no
idempotency key and a second request could place, cancel or refill twice.

The API key goes into the form and nowhere else: not into logs, exception messages or the
client's repr. Any panel text that echoes it is scrubbed before it is kept.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from http import HTTPStatus
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import quote, quote_plus, urlsplit, urlunsplit

import aiohttp
from aiogram.utils.backoff import Backoff, BackoffConfig
from pydantic import SecretStr

from bot.panel.errors import (
    IncorrectRequest,
    InvalidApiKey,
    PanelBadResponse,
    PanelConnectError,
    PanelDisconnected,
    PanelError,
    PanelHTTPError,
    PanelRateLimited,
    PanelTimeout,
    PanelTransportError,
    panel_error,
)
from bot.panel.models import (
    Balance,
    CancelResult,
    OrderStatus,
    RefillStatus,
    Service,
    UnusableEntry,
    as_bool,
    as_id,
    as_mapping,
)

logger = logging.getLogger(__name__)

T = TypeVar("T")
# Makes a decoded answer into what the caller wants; runs on a thread.
Parse = Callable[[Any], Any]

# The document's limit for `status` and `cancel` with `orders`, `refill_status` with `refills`.
MAX_IDS_PER_REQUEST = 100
DEFAULT_BACKOFF = BackoffConfig(min_delay=0.5, max_delay=4.0, factor=2.0, jitter=0.1)
_EXCERPT_CHARS = 120
_TEXT_CHARS = 500
# Fields `add` sets itself; an extra field must not override them (or the key).
_RESERVED_FIELDS = frozenset({"key", "action", "service", "link", "quantity", "answer_number"})


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), MAX_IDS_PER_REQUEST):
        yield unique[start : start + MAX_IDS_PER_REQUEST]


class PanelClient:
    """Typed calls to one panel. Use `async with PanelClient(...)` or call `close()`."""

    def __init__(
        self,
        api_url: str,
        api_key: SecretStr,
        *,
        timeout: float = 15,
        read_attempts: int = 3,
        backoff: BackoffConfig | None = None,
    ) -> None:
        if read_attempts < 1:
            raise ValueError("read_attempts must be at least 1")
        self._url = api_url
        self._key = api_key
        # The whole request, connecting included, fits in `timeout`. A timeout while
        # connecting surfaces as aiohttp's ConnectionTimeoutError: the request never left.
        self._timeout = aiohttp.ClientTimeout(total=timeout, connect=timeout, sock_connect=timeout)
        self._read_attempts = read_attempts
        self._backoff = backoff or DEFAULT_BACKOFF
        self._session: aiohttp.ClientSession | None = None
        # `add` and `cancel` go on a connection of their own, never a pooled one: a pooled
        # connection the panel closed while idle fails only once the request is on its way,
        # which would make a plain "not sent" look like "outcome unknown".
        self._fresh_session: aiohttp.ClientSession | None = None
        self._closed = False
        # Older panels know only the one-id forms of `cancel` and `refill_status`; once one
        # refuses a many-ids request, this client asks it one id at a time.
        self._many_cancel = True
        self._many_refill_status = True
        # Per action read with a `parse`: the last body and what it was parsed to.
        self._parsed: dict[str, tuple[bytes, Any]] = {}

    def __repr__(self) -> str:
        # Without any user:password or query the URL may carry.
        parts = urlsplit(self._url)
        shown = urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], parts.path, "", ""))
        return f"PanelClient(api_url={shown!r})"

    async def start(self) -> None:
        """Open the session now rather than on the first request."""
        self._get_session()

    async def close(self) -> None:
        self._closed = True
        for session in (self._session, self._fresh_session):
            if session is not None:
                await session.close()
        self._session = self._fresh_session = None

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    # --- the API -------------------------------------------------------------------------

    async def services(self) -> list[Service]:
        """The catalogue; entries without a usable id, rate or limits are skipped.

        An answer byte for byte the same as the last one gives the same `Service` objects,
        neither decoded nor parsed again: the catalogue asks every few minutes (or seconds)
        for a list that seldom changes, and 10,000 entries cost ~60 ms of CPU each time,
        thread or not (a thread still holds the interpreter, and so the event loop, for it)."""
        services: tuple[Service, ...] | None
        services = await self._read("services", {}, parse=_parsed_services)
        if services is None:
            raise self._bad_shape("services", "a list")
        return list(services)

    async def add(
        self,
        service_id: int,
        link: str,
        quantity: int,
        *,
        answer_number: int | None = None,
        **extra: str | int,
    ) -> str:
        """Place an order once (never retried); the panel's order id, as text.

        `answer_number` is for Poll services; `extra` passes other API v2 fields through
        (`runs`, `interval`, `comments`, `username`, ...).
        """
        clash = _RESERVED_FIELDS.intersection(extra)
        if clash:
            raise ValueError(f"extra fields clash with fixed ones: {sorted(clash)}")
        fields: dict[str, str | int] = {"link": link, "quantity": quantity}
        if answer_number is not None:
            fields["answer_number"] = answer_number
        fields.update(extra)
        return await self.add_fields(service_id, fields)

    async def add_fields(self, service_id: int, fields: Mapping[str, str | int]) -> str:
        """`add` with the fields a service's type takes (`link`, `quantity`, `comments`,
        `runs`...: see `bot.orders.steps`), sent once; the panel's order id, as text."""
        if {"key", "action", "service"} & fields.keys():
            raise ValueError("the key, action and service are not fields to pass")
        form: dict[str, str | int] = {"service": service_id, **fields}
        answer = await self._request("add", form, fresh_connection=True)
        try:
            return as_id(as_mapping(answer).get("order"))
        except UnusableEntry:
            raise self._bad_shape("add", "an object with an order id") from None

    async def status(self, order_id: str) -> OrderStatus:
        answer = await self._read("status", {"order": order_id})
        return self._parse("status", answer, OrderStatus.from_panel)

    async def statuses(self, order_ids: Sequence[str]) -> dict[str, OrderStatus | PanelError]:
        """Status of many orders, at most 100 per request, keyed by id as text.

        A per-id error is that id's `PanelError`; an id the panel leaves out, or answers
        with something unusable, is absent from the result.
        """
        result: dict[str, OrderStatus | PanelError] = {}
        for chunk in _chunks(order_ids):
            answer = await self._read("status", {"orders": ",".join(chunk)})
            if not isinstance(answer, Mapping):
                raise self._bad_shape("status", "an object keyed by order id")
            for order_id, entry in answer.items():
                parsed = self._status_entry(str(order_id), entry)
                if parsed is not None:
                    result[str(order_id)] = parsed
        return result

    async def cancel(self, order_ids: Sequence[str]) -> dict[str, CancelResult]:
        """Ask the panel to cancel orders, at most 100 per request (never retried).

        An accepted cancel is a request, not an outcome. Orders the panel leaves out of its
        answer are absent from the result. A panel that refuses the `orders` form as an
        incorrect request is asked with the older `order=ID` form: a refusal cancelled
        nothing, so that is no repeat.
        """
        result: dict[str, CancelResult] = {}
        for chunk in _chunks(order_ids):
            if self._many_cancel:
                try:
                    answer = await self._request(
                        "cancel", {"orders": ",".join(chunk)}, fresh_connection=True
                    )
                except IncorrectRequest:
                    logger.info("panel cancel: no `orders` form, cancelling one order at a time")
                    self._many_cancel = False
                else:
                    result.update(self._cancel_answer(answer, chunk))
                    continue
            for order_id in chunk:
                result[order_id] = await self._cancel_one(order_id)
        return result

    async def refill(self, order_id: str) -> str:
        """Ask for a refill of one order, once (never retried); the panel's refill id, as text.

        `{"refill": "1"}`, or older panels' `{"success": "...", "refill": 12345}`; some answer
        in the many-orders shape even for one (`[{"order": 1, "refill": 1}]`). A refusal
        raises its `PanelError` (`RefillNotEligible`, `RefillAlreadyRequested`, ...).
        """
        answer = await self._request("refill", {"order": order_id}, fresh_connection=True)
        if isinstance(answer, list):
            answer = next(
                (
                    entry
                    for entry in answer
                    if isinstance(entry, Mapping) and str(entry.get("order")) == order_id
                ),
                None,
            )
        if not isinstance(answer, Mapping):
            raise self._bad_shape("refill", "an object with a refill id")
        outcome = answer.get("refill")
        error = self._error_in(outcome, "refill")
        if error is not None:
            raise error
        try:
            return as_id(outcome)
        except UnusableEntry:
            raise self._bad_shape("refill", "an object with a refill id") from None

    async def refill_statuses(
        self, refill_ids: Sequence[str]
    ) -> dict[str, RefillStatus | PanelError]:
        """Status of many refills, keyed by refill id as text: `refills=` at most 100 a
        request, or one `refill=` request each where the panel lacks the many-ids form.

        A per-id error is that id's `PanelError`; an id the panel leaves out, or answers
        with something unusable, is absent from the result.
        """
        result: dict[str, RefillStatus | PanelError] = {}
        for chunk in _chunks(refill_ids):
            if self._many_refill_status:
                try:
                    answer = await self._read("refill_status", {"refills": ",".join(chunk)})
                except InvalidApiKey:
                    raise
                except PanelError as error:
                    # One error for the whole list: the panel did not take the list.
                    logger.info(
                        "panel refill_status: no `refills` form (%r), asking one at a time",
                        error.text,
                    )
                    self._many_refill_status = False
                else:
                    result.update(self._refill_statuses_in(answer))
                    continue
            for refill_id in chunk:
                result[refill_id] = await self._refill_status_one(refill_id)
        return result

    async def balance(self) -> Balance:
        answer = await self._read("balance", {})
        return self._parse("balance", answer, Balance.from_panel)

    # --- parsing -------------------------------------------------------------------------

    def _parse(self, action: str, answer: object, parse: Callable[[object], T]) -> T:
        try:
            return parse(answer)
        except UnusableEntry as problem:
            raise PanelBadResponse(f"panel {action}: {problem}", action=action) from None

    def _bad_shape(self, action: str, expected: str) -> PanelBadResponse:
        return PanelBadResponse(f"panel {action}: expected {expected}", action=action)

    def _error_in(self, entry: object, action: str) -> PanelError | None:
        """The `PanelError` of an `{"error": text}` object, if `entry` is one."""
        if isinstance(entry, Mapping) and "error" in entry:
            return panel_error(self._scrub(str(entry["error"]), _TEXT_CHARS), action=action)
        return None

    def _status_entry(self, order_id: str, entry: object) -> OrderStatus | PanelError | None:
        error = self._error_in(entry, "status")
        if error is not None:
            return error
        try:
            return OrderStatus.from_panel(entry)
        except UnusableEntry as problem:
            logger.warning("panel status: skipped order %s: %s", order_id, problem)
            return None

    async def _cancel_one(self, order_id: str) -> CancelResult:
        """The older form: `order=ID` -> `{"cancel": 1}`; a refusal is this order's."""
        try:
            answer = await self._request("cancel", {"order": order_id}, fresh_connection=True)
        except PanelError as error:
            return CancelResult(order_id=order_id, accepted=False, error=error)
        outcome = answer.get("cancel") if isinstance(answer, Mapping) else None
        return self._cancel_outcome(order_id, outcome)

    def _cancel_answer(self, answer: object, chunk: Sequence[str]) -> dict[str, CancelResult]:
        """A list of `{"order": ID, "cancel": ...}`; one such object unlisted, or a bare
        `{"cancel": 1}` for a single order, are read the same way."""
        if isinstance(answer, Mapping) and "cancel" in answer:
            if "order" not in answer and len(chunk) == 1:
                answer = {**answer, "order": chunk[0]}
            answer = [answer]
        if not isinstance(answer, list):
            raise self._bad_shape("cancel", "a list")
        result: dict[str, CancelResult] = {}
        for entry in answer:
            parsed = self._cancel_entry(entry)
            if parsed is not None:
                result[parsed.order_id] = parsed
        return result

    def _cancel_entry(self, entry: object) -> CancelResult | None:
        try:
            data = as_mapping(entry)
            order_id = as_id(data.get("order"))
        except UnusableEntry as problem:
            logger.warning("panel cancel: skipped an entry: %s", problem)
            return None
        return self._cancel_outcome(order_id, data.get("cancel"))

    def _cancel_outcome(self, order_id: str, outcome: object) -> CancelResult:
        error = self._error_in(outcome, "cancel")
        if error is not None:
            return CancelResult(order_id=order_id, accepted=False, error=error)
        # {"status": 1} in the document; some panels answer a bare 1 or true.
        accepted = outcome.get("status") if isinstance(outcome, Mapping) else outcome
        return CancelResult(order_id=order_id, accepted=as_bool(accepted))

    async def _refill_status_one(self, refill_id: str) -> RefillStatus | PanelError:
        try:
            answer = await self._read("refill_status", {"refill": refill_id})
        except InvalidApiKey:
            raise
        except PanelError as error:  # "Refill not found": this refill's answer
            return error
        return self._parse("refill_status", answer, RefillStatus.from_panel)

    def _refill_statuses_in(self, answer: object) -> dict[str, RefillStatus | PanelError]:
        """`[{"refill": 1, "status": "Completed"}, {"refill": 2, "status": {"error": ...}}]`;
        an object keyed by refill id (as `status` answers) is read too."""
        entries: list[tuple[str, object]] = []
        if isinstance(answer, Mapping):
            entries = [(str(refill_id), value) for refill_id, value in answer.items()]
        elif isinstance(answer, list):
            for entry in answer:
                try:
                    data = as_mapping(entry)
                    entries.append((as_id(data.get("refill")), data.get("status", data)))
                except UnusableEntry as problem:
                    logger.warning("panel refill_status: skipped an entry: %s", problem)
        else:
            raise self._bad_shape("refill_status", "a list")
        result: dict[str, RefillStatus | PanelError] = {}
        for refill_id, value in entries:
            error = self._error_in(value, "refill_status")
            if error is not None:
                result[refill_id] = error
                continue
            try:
                result[refill_id] = RefillStatus.from_panel(value)
            except UnusableEntry as problem:
                logger.warning("panel refill_status: skipped refill %s: %s", refill_id, problem)
        return result

    # --- transport -----------------------------------------------------------------------

    def _get_session(self, *, fresh_connection: bool = False) -> aiohttp.ClientSession:
        if self._closed:
            raise RuntimeError("the panel client is closed")
        if fresh_connection:
            if self._fresh_session is None:
                self._fresh_session = self._new_session(aiohttp.TCPConnector(force_close=True))
            return self._fresh_session
        if self._session is None:
            self._session = self._new_session(aiohttp.TCPConnector())
        return self._session

    def _new_session(self, connector: aiohttp.TCPConnector) -> aiohttp.ClientSession:
        return aiohttp.ClientSession(
            connector=connector, timeout=self._timeout, headers={"Accept": "application/json"}
        )

    async def _read(
        self, action: str, fields: Mapping[str, str | int], *, parse: Parse | None = None
    ) -> Any:
        """A read is safe to repeat: retry transport failures with backoff. With `parse`,
        what it makes of the decoded answer (on a thread), remembered for the same body."""
        backoff = Backoff(self._backoff)
        for number in range(1, self._read_attempts):
            try:
                return await self._request(action, fields, parse=parse)
            except PanelTransportError:
                delay = max(0.0, next(backoff))  # jitter may dip below zero
                logger.info(
                    "panel %s: attempt %d/%d failed, retrying in %.2fs",
                    action,
                    number,
                    self._read_attempts,
                    delay,
                )
                await asyncio.sleep(delay)
        return await self._request(action, fields, parse=parse)

    async def _request(
        self,
        action: str,
        fields: Mapping[str, str | int],
        *,
        fresh_connection: bool = False,
        parse: Parse | None = None,
    ) -> Any:
        """One POST; the decoded JSON (`parse`d, if given), or a `PanelFailure`."""
        form = {"key": self._key.get_secret_value(), "action": action}
        form.update({name: str(value) for name, value in fields.items()})
        started = time.monotonic()
        try:
            answer = await self._post(action, form, fresh_connection=fresh_connection, parse=parse)
        except PanelError as error:
            logger.info("panel %s: refused: %r", action, error.text)
            raise
        except PanelTransportError as failure:
            logger.warning("%s (%s)", failure, type(failure).__name__)
            raise
        logger.debug("panel %s: ok in %.2fs", action, time.monotonic() - started)
        return answer

    async def _post(
        self,
        action: str,
        form: Mapping[str, str],
        *,
        fresh_connection: bool = False,
        parse: Parse | None = None,
    ) -> Any:
        session = self._get_session(fresh_connection=fresh_connection)
        try:
            async with session.post(self._url, data=form) as response:
                status = response.status
                body = await response.read()
        except aiohttp.ClientError as problem:
            raise self._transport_failure(action, problem) from None
        except TimeoutError:
            raise PanelTimeout(f"panel {action}: timed out", action=action) from None

        if status == HTTPStatus.TOO_MANY_REQUESTS:
            raise PanelRateLimited(
                f"panel {action}: HTTP 429, too many requests: {self._excerpt(body)}",
                status=status,
                action=action,
            )
        if not 200 <= status < 300:
            raise PanelHTTPError(
                f"panel {action}: HTTP {status}: {self._excerpt(body)}",
                status=status,
                action=action,
            )
        last = self._parsed.get(action) if parse is not None else None
        if last is not None and last[0] == body:
            return last[1]
        try:
            answer = json.loads(body) if len(body) < BIG_ANSWER else await _decode_big(body)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError both are
            raise PanelBadResponse(
                f"panel {action}: not JSON: {self._excerpt(body)}", action=action
            ) from None
        if isinstance(answer, Mapping) and {"error", "order"} <= answer.keys():
            # A refusal that names an order may have placed it: not a clear "no".
            raise PanelBadResponse(f"panel {action}: an error and an order id", action=action)
        error = self._error_in(answer, action)
        if error is not None:
            raise error
        if parse is not None:
            answer = await asyncio.to_thread(parse, answer)
            self._parsed[action] = (body, answer)
        return answer

    def _transport_failure(self, action: str, problem: aiohttp.ClientError) -> PanelTransportError:
        # aiohttp's own messages carry URLs and OS details; ours name only the kind.
        kind = type(problem).__name__
        if isinstance(problem, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
            return PanelConnectError(f"panel {action}: cannot connect ({kind})", action=action)
        if isinstance(problem, aiohttp.InvalidURL):
            return PanelConnectError(f"panel {action}: invalid API URL", action=action)
        if isinstance(problem, aiohttp.ServerTimeoutError):
            return PanelTimeout(f"panel {action}: timed out ({kind})", action=action)
        if isinstance(problem, aiohttp.ClientResponseError):
            return PanelBadResponse(f"panel {action}: malformed HTTP ({kind})", action=action)
        return PanelDisconnected(f"panel {action}: connection lost ({kind})", action=action)

    def _scrub(self, text: str, limit: int, *, one_line: bool = False) -> str:
        """Panel text made safe to keep: the key masked (also URL-encoded), then cut;
        masking comes first so a cut never leaves part of the key behind."""
        key = self._key.get_secret_value()
        if key:
            for form in {key, quote_plus(key), quote(key, safe="")}:
                text = text.replace(form, "***")
        if one_line:
            text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    def _excerpt(self, body: bytes) -> str:
        """A short one-line view of a body, for messages: the JSON error text if any."""
        text = body.decode("utf-8", errors="replace")
        try:
            error = json.loads(text).get("error")
        except (ValueError, AttributeError):
            error = None
        if isinstance(error, str):
            text = error
        return repr(self._scrub(text, _EXCERPT_CHARS, one_line=True))


# Answers longer than this (a catalogue of thousands of services) are decoded on a thread.
BIG_ANSWER = 64 * 1024
_SPACE = " \t\n\r"


def _services(answer: list[Any]) -> list[Service]:
    services: list[Service] = []
    for position, entry in enumerate(answer):
        try:
            services.append(Service.from_panel(entry))
        except UnusableEntry as problem:
            logger.warning("panel services: skipped entry #%d: %s", position, problem)
    return services


def _parsed_services(answer: Any) -> tuple[Service, ...] | None:
    """None: not a list."""
    return tuple(_services(answer)) if isinstance(answer, list) else None


async def _decode_big(body: bytes) -> Any:
    return await asyncio.to_thread(_decode_in_pieces, body.decode())


def _decode_in_pieces(text: str) -> Any:
    """`json.loads`, a list's items one at a time: one call over megabytes would hold the
    interpreter (and so the event loop) for its whole length, a thread or not."""
    at = _skip(text, 0)
    if not text.startswith("[", at):
        return json.loads(text)
    decoder = json.JSONDecoder()
    items: list[Any] = []
    at = _skip(text, at + 1)
    if text.startswith("]", at):
        at += 1
    else:
        while True:
            item, at = decoder.raw_decode(text, at)
            items.append(item)
            at = _skip(text, at)
            if text.startswith(",", at):
                at = _skip(text, at + 1)
            elif text.startswith("]", at):
                at += 1
                break
            else:
                raise ValueError(f"expected , or ] at {at}")
    if _skip(text, at) < len(text):
        raise ValueError(f"extra data at {at}")
    return items


def _skip(text: str, at: int) -> int:
    """Past the JSON whitespace starting at `at`."""
    while at < len(text) and text[at] in _SPACE:
        at += 1
    return at
