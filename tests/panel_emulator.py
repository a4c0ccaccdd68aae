"""An SMM panel on 127.0.0.1 that speaks `shared/seeds/panel-api.txt` exactly, for tests.

    async with running_emulator(key="k") as emu:
        client = PanelClient(emu.url, SecretStr("k"))
        ...
        assert len(emu.calls("add")) == 1

State is plain attributes tests read and set (`services`, `balance`, `orders`,
`requests`); `fault(...)` makes the next requests fail the way real panels and proxies
do. `refused_url()` gives a URL nobody listens on.
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

    def render(self) -> dict[str, Any]:
        return {
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
        self.requests: list[dict[str, str]] = []  # every form received, key included
        self.faults: list[Fault] = []
        self._closing = asyncio.Event()
        self._server: TestServer | None = None

    # --- lifecycle -----------------------------------------------------------------------

    @property
    def url(self) -> str:
        if self._server is None:
            raise RuntimeError("the emulator is not running")
        return str(self._server.make_url("/api/v2"))

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/api/v2", self._handle)
        self._server = TestServer(app, host="127.0.0.1")
        # Hanging handlers end when `_closing` is set, so shutdown need not wait long.
        await self._server.start_server(shutdown_timeout=1.0)

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
            case "cancel" if "orders" in form:
                return [self._cancel(oid) for oid in self._order_ids(form)]
            case "balance":
                return {"balance": money(self.balance), "currency": self.currency}
        raise _Refusal(INCORRECT_REQUEST)

    def _add(self, form: dict[str, str]) -> dict[str, Any]:
        service_id, quantity = _whole(form.get("service")), _whole(form.get("quantity"))
        if service_id is None or quantity is None:
            raise _Refusal(INCORRECT_REQUEST)
        service = self.services.get(service_id)
        if service is None or not service.active:
            raise _Refusal(INCORRECT_SERVICE)
        link = form.get("link", "").strip()
        if not link:
            raise _Refusal(BAD_LINK)
        if quantity < service.min:
            raise _Refusal(QUANTITY_LOW)
        if quantity > service.max:
            raise _Refusal(QUANTITY_HIGH)
        if service.type == "Poll" and not form.get("answer_number", "").strip():
            raise _Refusal(ANSWER_REQUIRED)
        charge = self._charge(service, quantity)
        if charge > self.balance:
            raise _Refusal(NO_FUNDS)
        self.balance -= charge
        fixed = {"key", "action", "service", "link", "quantity"}
        order = self.add_order(
            service_id,
            quantity,
            link=link,
            charge=charge,
            fields={k: v for k, v in form.items() if k not in fixed},
        )
        return {"order": order.id}

    @staticmethod
    def _charge(service: EmulatedService, quantity: int) -> Decimal:
        return (service.rate * quantity / 1000).quantize(_FIVE_PLACES, rounding=ROUND_HALF_UP)

    def _order_ids(self, form: dict[str, str]) -> list[str]:
        ids = [oid.strip() for oid in form["orders"].split(",") if oid.strip()]
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
        return {"order": shown, "cancel": {"status": 1}}


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
