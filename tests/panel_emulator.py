"""An SMM panel on 127.0.0.1 that speaks `shared/seeds/panel-api.txt` exactly, for tests.

    async with running_emulator(key="k") as emu:
        client = PanelClient(emu.url, SecretStr("k"))
        ...
        assert len(emu.calls("add")) == 1

State is plain attributes tests read and set (`services`, `balance`, `orders`, `refills`,
`requests`); `fault(...)` makes the next requests fail the way real panels and proxies
do. `refused_url()` gives a URL nobody listens on. `legacy = True` makes it an older panel:
one-id forms of `cancel` and `refill_status` only, `{"cancel": 1}` and
`{"success": ..., "refill": 12345}` answers; `bare_cancel = True` answers `"cancel": 1`
instead of the seed's `"cancel": {"status": 1}`.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from enum import Enum
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

DEFAULT_KEY = "emulator-panel-key"
FIRST_ORDER_ID = 23501
MAX_IDS = 100
_FIVE_PLACES = Decimal("0.00001")
_HTML = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"

INVALID_KEY = "Invalid API key"
INCORRECT_REQUEST = "Incorrect request"
INCORRECT_SERVICE = "Incorrect service ID"
BAD_LINK = "Bad link"
QUANTITY_LOW = "Quantity less than minimum"
QUANTITY_HIGH = "Quantity more than maximum"
NO_FUNDS = "Not enough funds on balance"
INCORRECT_ORDER = "Incorrect order ID"
ANSWER_REQUIRED = "Answer number is required"
REFILL_NOT_ELIGIBLE = "Order not eligible for refill."
REFILL_ALREADY = "Refill already requested"
REFILL_NOT_FOUND = "Refill not found"
FIRST_REFILL_ID = 1
# What `status` answers for an order: the seed document's words, Active and Expired of
# subscriptions, and the other spellings real panels use for Canceled. A test may set any
# other word (`set_status(..., "On hold")`): a panel may invent one.
ORDER_STATUSES = (
    "Pending",
    "In progress",
    "Processing",
    "Completed",
    "Partial",
    "Canceled",
    "Cancelled",
    "Refunded",
    "Active",
    "Expired",
)
# Orders that may be refilled, and refills still going on (one at a time per order).
_REFILLABLE = frozenset({"Completed", "Partial"})
_REFILL_OPEN = frozenset({"Pending", "In progress"})


# What `add` needs besides the link, by lower-cased type (api-v2-service-types.md).
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "seo": ("keywords",),
    "custom comments": ("comments",),
    "custom comments package": ("comments",),
    "mentions": ("usernames",),
    "mentions with hashtags": ("usernames", "hashtags"),
    "mentions custom list": ("usernames",),
    "mentions hashtag": ("hashtag",),
    "mentions user followers": ("username",),
    "mentions media likers": ("media",),
    "comment likes": ("username",),
    "comment replies": ("username", "comments"),
    "invites from groups": ("groups",),
}
PACKAGE_TYPES = frozenset({"package", "custom comments package"})
# Types whose quantity is the number of lines of a field.
COUNTED_TYPES = {
    "custom comments": "comments",
    "mentions custom list": "usernames",
    "comment replies": "comments",
}


def money(amount: Decimal) -> str:
    """Amounts as the document writes them: a string with 5 decimals, "0.27819"."""
    return f"{amount.quantize(_FIVE_PLACES, rounding=ROUND_HALF_UP):f}"


@dataclass
class EmulatedService:
    id: int
    name: str
    type: str
    category: str
    rate: Decimal
    min: int
    max: int
    refill: bool = False
    cancel: bool = True
    active: bool = True
    dripfeed: bool = False

    def render(self) -> dict[str, Any]:
        # `dripfeed` is one of the fields some panels add; the document's services lack it.
        extra = {"dripfeed": True} if self.dripfeed else {}
        return extra | {
            "service": self.id,
            "name": self.name,
            "type": self.type,
            "category": self.category,
            "rate": money(self.rate),
            "min": self.min,
            "max": self.max,
            "refill": self.refill,
            "cancel": self.cancel,
        }


def default_services() -> dict[int, EmulatedService]:
    """The document's catalogue: services 1 and 3."""
    return {
        1: EmulatedService(
            1,
            "7-day Join — Telegram Members",
            "Default",
            "Telegram Members",
            Decimal("60.00"),
            10,
            100000,
        ),
        3: EmulatedService(
            3, "Poll Votes — Telegram", "Poll", "Telegram Votes", Decimal("36.00000"), 10, 50000
        ),
    }


@dataclass
class EmulatedOrder:
    id: int
    service: int
    link: str
    quantity: int
    charge: Decimal
    status: str = "Pending"
    start_count: int = 0
    remains: int = 0
    fields: dict[str, str] = field(default_factory=dict)  # everything else `add` was sent
    cancel_requests: int = 0


@dataclass
class EmulatedRefill:
    id: int
    order: int
    status: str = "Pending"


class FaultKind(Enum):
    HTTP_500 = "http 500"
    HTTP_502_HTML = "http 502 with an HTML page"
    HTML_200 = "http 200 with an HTML page"
    TRUNCATED_JSON = "truncated JSON"
    DELAY = "a normal answer after a delay"  # `perform` is implied
    HANG = "no answer until the server closes"
    DROP = "connection closed after reading the request"
    CANNED = "a given status and body"


@dataclass
class Fault:
    kind: FaultKind
    actions: frozenset[str] | None  # None: every action
    times: int | None  # None: until cleared
    perform: bool  # carry the request out before faulting: "outcome unknown"
    delay: float = 0.0
    status: int = 200
    body: str = ""

    def matches(self, action: str) -> bool:
        return self.times != 0 and (self.actions is None or action in self.actions)


class _Refusal(Exception):
    """Inside the emulator: answer `{"error": text}` with HTTP 200, as panels do."""


class PanelEmulator:
    def __init__(
        self,
        *,
        key: str = DEFAULT_KEY,
        balance: Decimal | str = "100.84292",
        currency: str = "UZS",
        services: Iterable[EmulatedService] | None = None,
    ) -> None:
        self.key = key
        self.balance = Decimal(balance)
        self.currency = currency
        self.services: dict[int, EmulatedService] = (
            default_services() if services is None else {s.id: s for s in services}
        )
        self.orders: dict[int, EmulatedOrder] = {}
        self.next_order_id = FIRST_ORDER_ID
        self.refills: dict[int, EmulatedRefill] = {}
        self.next_refill_id = FIRST_REFILL_ID
        self.legacy = False
        self.bare_cancel = False
        self.requests: list[dict[str, str]] = []  # every form received, key included
        self.faults: list[Fault] = []
        self._closing = asyncio.Event()
        self._server: TestServer | None = None
        self._port: int | None = None  # where it listens (kept after `close()`: `reopen`)

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the emulator is not running")
        return str(self._server.make_url("/api/v2"))

    async def start(self, port: int | None = None) -> None:
        app = web.Application()
        app.router.add_post("/api/v2", self._handle)
        self._closing = asyncio.Event()
        self._server = TestServer(app, host="127.0.0.1", port=port)
        # Hanging handlers end when `_closing` is set, so shutdown need not wait long.
        await self._server.start_server(shutdown_timeout=1.0)
        self._port = self._server.port

    async def reopen(self) -> None:
        """Listen again on the same port after `close()`: a panel that was down is back."""
        if self._port is None:
            raise RuntimeError("the emulator never ran")
        await self.start(self._port)

    async def close(self) -> None:
        self._closing.set()
        if self._server is not None:
            await self._server.close()

    # --- test helpers --------------------------------------------------------------------

    def calls(self, action: str | None = None) -> list[dict[str, str]]:
        """The forms received, for one action or all."""
        return [form for form in self.requests if action is None or form.get("action") == action]

    def fault(
        self,
        kind: FaultKind,
        *,
        action: str | Iterable[str] | None = None,
        times: int | None = None,
        perform: bool = False,
        delay: float = 0.0,
        status: int = 200,
        body: str = "",
    ) -> Fault:
        """Fail the next `times` requests (all, if None) for `action` (all, if None)."""
        actions = (
            None if action is None else frozenset([action] if isinstance(action, str) else action)
        )
        fault = Fault(kind, actions, times, perform, delay, status, body)
        self.faults.append(fault)
        return fault

    def canned(
        self, body: Any, *, action: str | None = None, status: int = 200, times: int | None = 1
    ) -> Fault:
        """Answer with `body` (JSON-encoded unless it is text) instead of the real answer."""
        text = body if isinstance(body, str) else json.dumps(body)
        return self.fault(FaultKind.CANNED, action=action, times=times, status=status, body=text)

    def clear_faults(self) -> None:
        self.faults.clear()

    def add_order(self, service: int = 1, quantity: int = 100, **changes: Any) -> EmulatedOrder:
        """An order as if `add` had placed it, without touching the balance."""
        order = EmulatedOrder(
            id=self.next_order_id,
            service=service,
            link="https://t.me/example",
            quantity=quantity,
            charge=self._charge(self.services[service], quantity),
            remains=quantity,
        )
        self.next_order_id += 1
        self.orders[order.id] = order
        self.set_status(order.id, order.status, **changes)
        return order

    def set_status(self, order_id: int | str, status: str, **changes: Any) -> EmulatedOrder:
        """Move an order on, e.g. `set_status(23501, "Partial", remains=40)`."""
        order = self.orders[int(order_id)]
        order.status = status
        for name, value in changes.items():
            if not hasattr(order, name):
                raise AttributeError(name)
            setattr(order, name, value)
        return order

    def set_refill_status(self, refill_id: int | str, status: str) -> EmulatedRefill:
        """Move a refill on, e.g. `set_refill_status(1, "Completed")`."""
        refill = self.refills[int(refill_id)]
        refill.status = status
        return refill

    def refills_of(self, order_id: int | str) -> list[EmulatedRefill]:
        return [refill for refill in self.refills.values() if refill.order == int(order_id)]

    # --- HTTP ----------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        form = {
            name: value for name, value in (await request.post()).items() if isinstance(value, str)
        }
        self.requests.append(form)
        action = form.get("action", "")
        fault = next((f for f in self.faults if f.matches(action)), None)
        if fault is None:
            return self._answer(form)
        if fault.times is not None:
            fault.times -= 1
        if fault.kind is FaultKind.DELAY:
            await asyncio.sleep(fault.delay)
            return self._answer(form)
        if fault.perform:
            self._answer(form)
        return await self._misbehave(fault, request)

    async def _misbehave(self, fault: Fault, request: web.Request) -> web.StreamResponse:
        match fault.kind:
            case FaultKind.HTTP_500:
                return web.Response(status=500, text="Internal Server Error")
            case FaultKind.HTTP_502_HTML:
                return web.Response(status=502, text=_HTML, content_type="text/html")
            case FaultKind.HTML_200:
                return web.Response(text=_HTML, content_type="text/html")
            case FaultKind.TRUNCATED_JSON:
                return web.Response(text='{"charge": "0.27', content_type="application/json")
            case FaultKind.CANNED:
                return web.Response(
                    status=fault.status, text=fault.body, content_type="application/json"
                )
            case FaultKind.HANG:
                await self._closing.wait()
        # DROP, and a HANG the server is closing under: the client sees the connection go.
        if request.transport is not None:
            request.transport.close()
        return web.Response()

    def _answer(self, form: dict[str, str]) -> web.Response:
        try:
            if form.get("key") != self.key:
                raise _Refusal(INVALID_KEY)
            result = self._act(form)
        except _Refusal as error:
            result = {"error": str(error)}
        return web.json_response(result)

    def _act(self, form: dict[str, str]) -> Any:
        match form.get("action"):
            case "services":
                return [s.render() for s in self.services.values() if s.active]
            case "add":
                return self._add(form)
            case "status" if "orders" in form:
                return {oid: self._render_order(oid) for oid in self._order_ids(form)}
            case "status" if "order" in form:
                return self._render_order(form["order"])
            case "cancel" if "orders" in form and not self.legacy:
                return [self._cancel(oid) for oid in self._order_ids(form)]
            case "cancel" if "order" in form and self.legacy:
                outcome = self._cancel(form["order"])["cancel"]
                if isinstance(outcome, dict) and "error" in outcome:
                    raise _Refusal(outcome["error"])
                return {"cancel": 1}
            case "refill" if "orders" in form and not self.legacy:
                return [self._refill_entry(oid) for oid in self._order_ids(form)]
            case "refill" if "order" in form:
                refill = self._refill(form["order"])
                if self.legacy:
                    return {"success": "Refill request sent", "refill": refill.id}
                return {"refill": str(refill.id)}
            case "refill_status" if "refills" in form and not self.legacy:
                return [self._refill_status_entry(rid) for rid in self._ids(form["refills"])]
            case "refill_status" if "refill" in form:
                return {"status": self._find_refill(form["refill"]).status}
            case "balance":
                return {"balance": money(self.balance), "currency": self.currency}
        raise _Refusal(INCORRECT_REQUEST)

    def _add(self, form: dict[str, str]) -> dict[str, Any]:
        service_id = _whole(form.get("service"))
        if service_id is None:
            raise _Refusal(INCORRECT_REQUEST)
        service = self.services.get(service_id)
        if service is None or not service.active:
            raise _Refusal(INCORRECT_SERVICE)
        kind = " ".join(service.type.split()).lower()
        if kind == "subscriptions":
            return self._subscribe(service, form)
        link = form.get("link", "").strip()
        if not link:
            raise _Refusal(BAD_LINK)
        for name in TYPE_FIELDS.get(kind, ()):
            if not form.get(name, "").strip():
                raise _Refusal(INCORRECT_REQUEST)
        if kind in PACKAGE_TYPES:
            quantity, units = 1, 1000
        elif kind in COUNTED_TYPES:
            quantity = len([x for x in form[COUNTED_TYPES[kind]].splitlines() if x.strip()])
            units = quantity
        else:
            whole = _whole(form.get("quantity"))
            if whole is None:
                raise _Refusal(INCORRECT_REQUEST)
            quantity = units = whole
        if kind not in PACKAGE_TYPES and quantity < service.min:
            raise _Refusal(QUANTITY_LOW)
        if kind not in PACKAGE_TYPES and quantity > service.max:
            raise _Refusal(QUANTITY_HIGH)
        if kind == "poll" and not form.get("answer_number", "").strip():
            raise _Refusal(ANSWER_REQUIRED)
        if "runs" in form:
            runs, interval = _whole(form.get("runs")), _whole(form.get("interval"))
            if not service.dripfeed or runs is None or interval is None or runs < 1:
                raise _Refusal(INCORRECT_REQUEST)
            units *= runs
        charge = self._charge(service, units)
        if charge > self.balance:
            raise _Refusal(NO_FUNDS)
        self.balance -= charge
        fixed = {"key", "action", "service", "link", "quantity"}
        order = self.add_order(
            service_id,
            units if kind not in PACKAGE_TYPES else 1,
            link=link,
            charge=charge,
            fields={k: v for k, v in form.items() if k not in fixed},
        )
        return {"order": order.id}

    def _subscribe(self, service: EmulatedService, form: dict[str, str]) -> dict[str, Any]:
        """Subscriptions: no link and no quantity; charged as posts are delivered (nothing at
        `add`: move `charge` on with `set_status`)."""
        if not form.get("username", "").strip():
            raise _Refusal(INCORRECT_REQUEST)
        low, high = _whole(form.get("min")), _whole(form.get("max"))
        if low is None or high is None or _whole(form.get("delay")) is None or high < low:
            raise _Refusal(INCORRECT_REQUEST)
        if low < service.min:
            raise _Refusal(QUANTITY_LOW)
        if high > service.max:
            raise _Refusal(QUANTITY_HIGH)
        fixed = {"key", "action", "service"}
        order = self.add_order(
            service.id,
            high,
            link=form["username"],
            charge=Decimal(0),
            fields={k: v for k, v in form.items() if k not in fixed},
        )
        return {"order": order.id}

    @staticmethod
    def _charge(service: EmulatedService, quantity: int) -> Decimal:
        return (service.rate * quantity / 1000).quantize(_FIVE_PLACES, rounding=ROUND_HALF_UP)

    def _order_ids(self, form: dict[str, str]) -> list[str]:
        return self._ids(form["orders"])

    @staticmethod
    def _ids(text: str) -> list[str]:
        ids = [oid.strip() for oid in text.split(",") if oid.strip()]
        if not ids or len(ids) > MAX_IDS:
            raise _Refusal(INCORRECT_REQUEST)
        return ids

    def _find(self, order_id: str) -> EmulatedOrder | None:
        number = _whole(order_id)
        return None if number is None else self.orders.get(number)

    def _render_order(self, order_id: str) -> dict[str, Any]:
        order = self._find(order_id)
        if order is None:
            return {"error": INCORRECT_ORDER}
        return {
            "charge": money(order.charge),
            "start_count": order.start_count,
            "status": order.status,
            "remains": order.remains,
            "currency": self.currency,
        }

    def _cancel(self, order_id: str) -> dict[str, Any]:
        number = _whole(order_id)
        shown = order_id if number is None else number  # ids are numbers in the document
        order = self._find(order_id)
        if order is None:
            return {"order": shown, "cancel": {"error": INCORRECT_ORDER}}
        # A cancel is a request: the order's status changes only when a test says so.
        order.cancel_requests += 1
        return {"order": shown, "cancel": 1 if self.bare_cancel else {"status": 1}}

    def _refill(self, order_id: str) -> EmulatedRefill:
        """A refill of a Completed or Partial order of a refill service, one at a time."""
        order = self._find(order_id)
        if order is None:
            raise _Refusal(INCORRECT_ORDER)
        service = self.services.get(order.service)
        if service is None or not service.refill or order.status not in _REFILLABLE:
            raise _Refusal(REFILL_NOT_ELIGIBLE)
        if any(refill.status in _REFILL_OPEN for refill in self.refills_of(order.id)):
            raise _Refusal(REFILL_ALREADY)
        refill = EmulatedRefill(self.next_refill_id, order.id)
        self.next_refill_id += 1
        self.refills[refill.id] = refill
        return refill

    def _refill_entry(self, order_id: str) -> dict[str, Any]:
        number = _whole(order_id)
        shown = order_id if number is None else number
        try:
            return {"order": shown, "refill": self._refill(order_id).id}
        except _Refusal as error:
            return {"order": shown, "refill": {"error": str(error)}}

    def _find_refill(self, refill_id: str) -> EmulatedRefill:
        number = _whole(refill_id)
        refill = None if number is None else self.refills.get(number)
        if refill is None:
            raise _Refusal(REFILL_NOT_FOUND)
        return refill

    def _refill_status_entry(self, refill_id: str) -> dict[str, Any]:
        number = _whole(refill_id)
        shown = refill_id if number is None else number
        try:
            return {"refill": shown, "status": self._find_refill(refill_id).status}
        except _Refusal as error:
            return {"refill": shown, "status": {"error": str(error)}}


def _whole(value: str | None) -> int | None:
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() else None


@asynccontextmanager
async def running_emulator(**options: Any) -> AsyncIterator[PanelEmulator]:
    """A started emulator, closed on exit; `options` go to `PanelEmulator`."""
    emulator = PanelEmulator(**options)
    await emulator.start()
    try:
        yield emulator
    finally:
        await emulator.close()


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connecting to it is refused."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/api/v2"
