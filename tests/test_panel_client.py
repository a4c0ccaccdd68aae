"""PanelClient against the emulator, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
import logging
import operator
from collections.abc import AsyncIterator, Callable
from decimal import Decimal
from itertools import chain
from typing import Any

import aiohttp
import pytest
from aiogram.utils.backoff import BackoffConfig
from pydantic import SecretStr

from bot.panel import (
    KNOWN_ERRORS,
    AnswerNumberRequired,
    BadLink,
    Balance,
    CancelResult,
    IncorrectOrderId,
    IncorrectServiceId,
    InvalidApiKey,
    NotEnoughFunds,
    OrderStatus,
    PanelBadResponse,
    PanelClient,
    PanelConnectError,
    PanelDisconnected,
    PanelError,
    PanelFailure,
    PanelHTTPError,
    PanelTimeout,
    PanelTransportError,
    QuantityLessThanMinimum,
    QuantityMoreThanMaximum,
    RefillAlreadyRequested,
    RefillNotFound,
    RefillStatus,
    Service,
    panel_error,
)
from bot.panel.client import _decode_in_pieces
from tests.panel_emulator import (
    EmulatedService,
    FaultKind,
    PanelEmulator,
    refused_url,
    running_emulator,
)

KEY = "SENTINEL-PANEL-KEY-9f3"
LINK = "https://t.me/example"
FAST = BackoffConfig(min_delay=0.01, max_delay=0.02, factor=1.5, jitter=0.0)
SHORT_TIMEOUT = 0.3


def panel_client(
    url: str, key: str = KEY, *, timeout: float = 2.0, read_attempts: int = 3
) -> PanelClient:
    """A client with fast backoff; use it as `async with panel_client(url) as client`."""
    return PanelClient(
        url, SecretStr(key), timeout=timeout, read_attempts=read_attempts, backoff=FAST
    )


@pytest.fixture
async def emu() -> AsyncIterator[PanelEmulator]:
    async with running_emulator(key=KEY) as emulator:
        yield emulator


@pytest.fixture
async def client(emu: PanelEmulator) -> AsyncIterator[PanelClient]:
    async with panel_client(emu.url) as panel:
        yield panel


@pytest.fixture
async def quick(emu: PanelEmulator) -> AsyncIterator[PanelClient]:
    """A client with a short timeout, for hangs."""
    async with panel_client(emu.url, timeout=SHORT_TIMEOUT) as panel:
        yield panel


# --- success paths ---------------------------------------------------------------------


async def test_services_reads_the_documents_catalogue(
    client: PanelClient, emu: PanelEmulator
) -> None:
    services = await client.services()

    assert services == [
        Service(1, "7-day Join — Telegram Members", "Default", "Telegram Members",
                Decimal("60"), 10, 100000, refill=False, cancel=True),
        Service(3, "Poll Votes — Telegram", "Poll", "Telegram Votes",
                Decimal("36"), 10, 50000, refill=False, cancel=True),
    ]  # fmt: skip
    assert emu.calls() == [{"key": KEY, "action": "services"}]


async def test_services_handles_a_large_catalogue(client: PanelClient, emu: PanelEmulator) -> None:
    emu.services = {
        n: EmulatedService(n, f"Service {n}", "Default", f"Cat {n % 40}", Decimal("1.5"), 10, 1000)
        for n in range(1, 5001)
    }

    services = await client.services()

    assert len(services) == 5000
    assert services[-1].id == 5000
    assert services[-1].rate == Decimal("1.5")
    assert len(emu.calls("services")) == 1


async def test_the_same_services_answer_is_not_parsed_again(
    client: PanelClient, emu: PanelEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogue asks every few seconds for a list that seldom changes: the same bytes
    give the same objects (the catalogue then keeps its snapshot); changed ones, new ones."""
    first = await client.services()
    parsed: list[int] = []

    def parse(answer: list[Any]) -> list[Service]:
        parsed.append(len(answer))
        return []

    monkeypatch.setattr("bot.panel.client._services", parse)
    again = await client.services()
    assert again == first
    assert all(map(operator.is_, again, first))
    assert parsed == []
    emu.services[1].rate = Decimal("61")
    assert await client.services() == []  # parsed again (here, by the stand-in)
    assert parsed == [2]
    assert len(emu.calls("services")) == 3


async def test_add_places_one_order_and_the_panel_charges_for_it(
    client: PanelClient, emu: PanelEmulator
) -> None:
    order_id = await client.add(1, LINK, 100)

    assert order_id == "23501"
    assert emu.balance == Decimal("94.84292")  # 60.00 x 100 / 1000 = 6.00000
    assert emu.orders[23501].link == LINK
    assert emu.orders[23501].quantity == 100
    assert emu.calls("add") == [
        {"key": KEY, "action": "add", "service": "1", "link": LINK, "quantity": "100"}
    ]
    assert await client.add(1, LINK, 10) == "23502"


async def test_add_sends_answer_number_and_extra_fields(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.services[3].dripfeed = True  # runs and interval only where the service allows them
    order_id = await client.add(3, LINK, 10, answer_number=2, runs=3, interval="15")

    form = emu.calls("add")[0]
    assert (form["answer_number"], form["runs"], form["interval"]) == ("2", "3", "15")
    assert emu.orders[int(order_id)].fields == {"answer_number": "2", "runs": "3", "interval": "15"}


async def test_add_refuses_extra_fields_that_override_fixed_ones(
    client: PanelClient, emu: PanelEmulator
) -> None:
    with pytest.raises(ValueError, match="key"):
        await client.add(1, LINK, 100, key="other")

    assert emu.requests == []


async def test_status_of_one_order(client: PanelClient, emu: PanelEmulator) -> None:
    order = emu.add_order(quantity=200)
    emu.set_status(order.id, "In progress", remains=157, start_count=43, charge=Decimal("0.27819"))

    status = await client.status(str(order.id))

    assert status == OrderStatus("In progress", Decimal("0.27819"), 43, 157, "UZS")
    assert status.is_known
    assert not status.is_final


async def test_balance(client: PanelClient, emu: PanelEmulator) -> None:
    emu.currency = "USD"
    emu.balance = Decimal("12.5")

    assert await client.balance() == Balance(Decimal("12.50000"), "USD")


async def test_cancel_is_a_request_and_leaves_the_status_alone(
    client: PanelClient, emu: PanelEmulator
) -> None:
    order = emu.add_order()

    results = await client.cancel([str(order.id), "999"])

    assert results[str(order.id)] == CancelResult(str(order.id), accepted=True, error=None)
    refused = results["999"]
    assert not refused.accepted
    assert isinstance(refused.error, IncorrectOrderId)
    assert order.status == "Pending"
    assert order.cancel_requests == 1


# --- the panel's errors ----------------------------------------------------------------


@pytest.mark.parametrize("error_class", KNOWN_ERRORS, ids=lambda cls: cls.__name__)
async def test_every_documented_error_text_maps_to_its_class(
    client: PanelClient, emu: PanelEmulator, error_class: type[PanelError]
) -> None:
    # Panels differ in case and spacing; the raw text is kept for admins.
    text = f"  {error_class.canonical.upper()} "
    emu.canned({"error": text})

    with pytest.raises(error_class) as caught:
        await client.balance()

    assert type(caught.value) is error_class
    assert caught.value.text == text
    assert len(emu.calls()) == 1  # a refusal is an answer: not retried


def test_panel_error_factory_without_http() -> None:
    assert type(panel_error("Bad link")) is BadLink
    unknown = panel_error("Service is under maintenance")
    assert type(unknown) is PanelError
    assert unknown.text == str(unknown) == "Service is under maintenance"
    assert NotEnoughFunds().text == "Not enough funds on balance"


async def test_unknown_error_text_is_a_plain_panel_error(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.canned({"error": "Link is already in an active order"})

    with pytest.raises(PanelError) as caught:
        await client.add(1, LINK, 100)

    assert type(caught.value) is PanelError
    assert caught.value.text == "Link is already in an active order"


async def test_a_wrong_key_is_invalid_api_key_and_not_retried(emu: PanelEmulator) -> None:
    async with panel_client(emu.url, key="not-the-key") as client:
        with pytest.raises(InvalidApiKey):
            await client.balance()

    assert len(emu.calls()) == 1


def _service_3_inactive(emu: PanelEmulator) -> None:
    emu.services[3].active = False


def _poor(emu: PanelEmulator) -> None:
    emu.balance = Decimal("5.99999")


@pytest.mark.parametrize(
    ("service", "link", "quantity", "setup", "expected"),
    [
        pytest.param(99, LINK, 100, None, IncorrectServiceId, id="unknown-service"),
        pytest.param(3, LINK, 100, _service_3_inactive, IncorrectServiceId, id="inactive-service"),
        pytest.param(1, "", 100, None, BadLink, id="empty-link"),
        pytest.param(1, "   ", 100, None, BadLink, id="blank-link"),
        pytest.param(1, LINK, 9, None, QuantityLessThanMinimum, id="below-min"),
        pytest.param(1, LINK, 100001, None, QuantityMoreThanMaximum, id="above-max"),
        pytest.param(3, LINK, 100, None, AnswerNumberRequired, id="poll-without-answer"),
        pytest.param(1, LINK, 100, _poor, NotEnoughFunds, id="not-enough-funds"),
    ],
)
async def test_add_refusals_place_nothing(
    client: PanelClient,
    emu: PanelEmulator,
    service: int,
    link: str,
    quantity: int,
    setup: Callable[[PanelEmulator], None] | None,
    expected: type[PanelError],
) -> None:
    if setup is not None:
        setup(emu)
    balance = emu.balance

    with pytest.raises(expected):
        await client.add(service, link, quantity)

    assert emu.orders == {}
    assert emu.balance == balance


async def test_charge_equal_to_the_balance_is_enough(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.balance = Decimal("6")

    await client.add(1, LINK, 100)

    assert emu.balance == 0


async def test_status_of_an_unknown_order(client: PanelClient) -> None:
    with pytest.raises(IncorrectOrderId):
        await client.status("424242")


# --- many ids --------------------------------------------------------------------------


async def test_statuses_in_chunks_of_100_merged(client: PanelClient, emu: PanelEmulator) -> None:
    ids = [str(emu.add_order().id) for _ in range(249)]
    emu.set_status(ids[150], "Completed", remains=0)

    result = await client.statuses([*ids, "10"])

    sent = [form["orders"].split(",") for form in emu.calls("status")]
    assert [len(chunk) for chunk in sent] == [100, 100, 50]
    assert list(chain.from_iterable(sent)) == [*ids, "10"]
    assert set(result) == {*ids, "10"}
    assert isinstance(result["10"], IncorrectOrderId)
    completed = result[ids[150]]
    assert isinstance(completed, OrderStatus)
    assert completed.is_final
    assert all(isinstance(result[i], OrderStatus) for i in ids)


async def test_statuses_of_nothing_asks_nothing(client: PanelClient, emu: PanelEmulator) -> None:
    assert await client.statuses([]) == {}
    assert emu.requests == []


async def test_statuses_sends_each_id_once(client: PanelClient, emu: PanelEmulator) -> None:
    order = emu.add_order()

    result = await client.statuses([str(order.id)] * 3)

    assert list(result) == [str(order.id)]
    assert emu.calls("status")[0]["orders"] == str(order.id)


async def test_cancel_in_chunks_with_results_per_order(
    client: PanelClient, emu: PanelEmulator
) -> None:
    ids = [str(emu.add_order().id) for _ in range(140)]

    results = await client.cancel([*ids, "7"])

    assert [len(form["orders"].split(",")) for form in emu.calls("cancel")] == [100, 41]
    assert all(results[i].accepted and results[i].error is None for i in ids)
    assert isinstance(results["7"].error, IncorrectOrderId)
    assert not results["7"].accepted


# --- lenient parsing -------------------------------------------------------------------


async def test_services_parse_leniently_and_skip_unusable_entries(
    client: PanelClient, emu: PanelEmulator, caplog: pytest.LogCaptureFixture
) -> None:
    emu.canned(
        [
            {"service": "7", "name": "Views", "type": "Default", "category": "TG", "rate": 0.27819,
             "min": "100", "max": 5000.0, "refill": "1", "cancel": 0, "dripfeed": True},
            {"service": 8, "rate": "2", "min": 1, "max": 10},  # optional fields absent
            {"name": "no id", "rate": "1", "min": 1, "max": 10},
            {"service": 9, "rate": "cheap", "min": 1, "max": 10},
            {"service": 10, "rate": "1", "min": 50, "max": 10},
            "not an object",
        ]
    )  # fmt: skip

    with caplog.at_level(logging.WARNING, logger="bot.panel.client"):
        services = await client.services()

    assert services == [
        Service(
            7,
            "Views",
            "Default",
            "TG",
            Decimal("0.27819"),
            100,
            5000,
            refill=True,
            cancel=False,
            dripfeed=True,  # read from the panel's `dripfeed`
        ),
        Service(8, "#8", "Default", "", Decimal("2"), 1, 10, refill=False, cancel=False),
    ]
    assert sum("skipped entry" in r.getMessage() for r in caplog.records) == 4


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        pytest.param(
            {"charge": 0.27819, "start_count": "12", "status": "In progress", "remains": 157.0},
            OrderStatus("In progress", Decimal("0.27819"), 12, 157, None),
            id="numbers-as-numbers-no-currency",
        ),
        pytest.param(
            {"status": "Partial", "remains": "-3", "charge": "1", "currency": "USD", "extra": 1},
            OrderStatus("Partial", Decimal("1"), None, -3, "USD"),
            id="strings-negative-remains",
        ),
        pytest.param(
            {"status": "Pending", "charge": None, "start_count": "", "remains": "n/a"},
            OrderStatus("Pending"),
            id="malformed-optionals-are-none",
        ),
    ],
)
async def test_status_parses_leniently(
    client: PanelClient, emu: PanelEmulator, answer: dict[str, Any], expected: OrderStatus
) -> None:
    emu.canned(answer)

    assert await client.status("1") == expected


@pytest.mark.parametrize(
    ("raw", "normalized", "final", "known"),
    [
        ("Cancelled", "Canceled", True, True),
        ("Refunded", "Canceled", True, True),
        ("canceled", "Canceled", True, True),
        ("COMPLETED", "Completed", True, True),
        ("Partial", "Partial", True, True),
        ("in  progress", "In progress", False, True),
        ("Processing", "Processing", False, True),
        ("Refilling", "Refilling", False, False),
    ],
)
async def test_statuses_normalise_known_and_keep_unknown(
    client: PanelClient, emu: PanelEmulator, raw: str, normalized: str, final: bool, known: bool
) -> None:
    emu.canned({"a1f": {"status": raw, "charge": "1"}})

    status = (await client.statuses(["a1f"]))["a1f"]

    assert isinstance(status, OrderStatus)
    assert (status.status, status.raw_status) == (normalized, raw)
    assert (status.is_final, status.is_known) == (final, known)


async def test_statuses_skip_unusable_entries_only(client: PanelClient, emu: PanelEmulator) -> None:
    emu.canned({"1": {"status": "Completed"}, "2": {"remains": 5}, "3": "?"})

    result = await client.statuses(["1", "2", "3"])

    assert list(result) == ["1"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [({"order": 23501}, "23501"), ({"order": "5f3a9c"}, "5f3a9c"), ({"order": " 77 "}, "77")],
)
async def test_add_returns_the_order_id_as_text(
    client: PanelClient, emu: PanelEmulator, answer: dict[str, Any], expected: str
) -> None:
    emu.canned(answer)

    assert await client.add(1, LINK, 100) == expected


@pytest.mark.parametrize(
    ("cancel", "accepted"),
    [({"status": 1}, True), ({"status": "1"}, True), (True, True), ({"status": 0}, False)],
)
async def test_cancel_answers_in_other_spellings(
    client: PanelClient, emu: PanelEmulator, cancel: object, accepted: bool
) -> None:
    emu.canned([{"order": "ab12", "cancel": cancel}])

    assert await client.cancel(["ab12"]) == {"ab12": CancelResult("ab12", accepted, None)}


async def test_balance_as_a_number(client: PanelClient, emu: PanelEmulator) -> None:
    emu.canned({"balance": 100.84292, "currency": "UZS", "user": "x"})

    assert await client.balance() == Balance(Decimal("100.84292"), "UZS")


@pytest.mark.parametrize(
    ("action", "answer"),
    [
        ("services", {"services": []}),
        ("add", [23501]),
        ("add", {"status": "ok"}),
        ("add", {"order": 23501, "error": "Bad link"}),
        ("status", ["Completed"]),
        ("status", {"charge": "1"}),
        ("statuses", [{"status": "Completed"}]),
        ("cancel", {"order": 1}),
        ("refill", {"success": "Refill request sent"}),
        ("refill", [{"order": 999, "refill": 1}]),
        ("refill_statuses", "Completed"),
        ("balance", {"currency": "UZS"}),
        ("balance", {"balance": "lots", "currency": "UZS"}),
    ],
)
async def test_a_wrong_shape_is_a_bad_response(
    client: PanelClient, emu: PanelEmulator, action: str, answer: object
) -> None:
    emu.canned(answer, times=None)

    with pytest.raises(PanelBadResponse) as caught:
        await call(client, action)

    assert caught.value.request_sent


def test_order_status_built_directly_is_normalised_too() -> None:
    status = OrderStatus("Cancelled", remains=0)

    assert status == OrderStatus("Canceled", remains=0)
    assert status.is_final
    assert status.raw_status == "Cancelled"


# --- transport failures ----------------------------------------------------------------


async def call(client: PanelClient, action: str) -> object:
    """Each public method, by name, with harmless arguments."""
    match action:
        case "services":
            return await client.services()
        case "add":
            return await client.add(1, LINK, 100)
        case "status":
            return await client.status("23501")
        case "statuses":
            return await client.statuses(["23501", "23502"])
        case "cancel":
            return await client.cancel(["23501"])
        case "refill":
            return await client.refill("23501")
        case "refill_statuses":
            return await client.refill_statuses(["1", "2"])
        case "balance":
            return await client.balance()
    raise AssertionError(action)


READS = ["services", "status", "statuses", "balance", "refill_statuses"]
WRITES = ["add", "cancel", "refill"]
FAULT_OUTCOMES: dict[FaultKind, type[PanelTransportError]] = {
    FaultKind.HTTP_500: PanelHTTPError,
    FaultKind.HTTP_502_HTML: PanelHTTPError,
    FaultKind.HTML_200: PanelBadResponse,
    FaultKind.TRUNCATED_JSON: PanelBadResponse,
    FaultKind.HANG: PanelTimeout,
    FaultKind.DROP: PanelDisconnected,
}
FAULTS = [pytest.param(kind, cls, id=kind.name) for kind, cls in FAULT_OUTCOMES.items()]


@pytest.mark.parametrize("action", WRITES)
@pytest.mark.parametrize(("kind", "expected"), FAULTS)
async def test_writes_fail_once_with_outcome_unknown(
    quick: PanelClient,
    emu: PanelEmulator,
    action: str,
    kind: FaultKind,
    expected: type[PanelTransportError],
) -> None:
    emu.add_order()  # something to cancel
    emu.fault(kind)

    with pytest.raises(expected) as caught:
        await call(quick, action)

    assert type(caught.value) is expected
    assert caught.value.request_sent is True
    assert len(emu.calls(action)) == 1


async def test_http_errors_keep_the_status_and_a_short_error_text(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.canned({"error": "Not enough funds on balance"}, status=503)
    with pytest.raises(PanelHTTPError) as caught:
        await client.add(1, LINK, 100)
    assert caught.value.status == 503
    assert "Not enough funds on balance" in str(caught.value)

    emu.canned(f"<html><title>Bad Gateway</title>\n{'x' * 5000}", status=502)
    with pytest.raises(PanelHTTPError) as caught:
        await client.add(1, LINK, 100)
    assert caught.value.status == 502
    assert "<html><title>Bad Gateway</title> xxx" in str(caught.value)
    assert len(str(caught.value)) < 200


async def test_a_refused_connection_was_never_sent() -> None:
    async with panel_client(refused_url(), read_attempts=1) as client:
        with pytest.raises(PanelConnectError) as caught:
            await client.add(1, LINK, 100)

    assert caught.value.request_sent is False


async def test_the_emulator_can_place_an_order_and_still_fail(
    quick: PanelClient, emu: PanelEmulator
) -> None:
    emu.fault(FaultKind.DROP, action="add", perform=True)

    with pytest.raises(PanelDisconnected) as caught:
        await quick.add(1, LINK, 100)

    assert caught.value.request_sent
    assert list(emu.orders) == [23501]  # the panel has it; the bot must check before retrying


async def test_a_slow_answer_within_the_timeout_is_fine(
    quick: PanelClient, emu: PanelEmulator
) -> None:
    emu.fault(FaultKind.DELAY, delay=0.1, times=1)

    assert await quick.add(1, LINK, 100) == "23501"


@pytest.mark.parametrize("action", READS)
async def test_reads_retry_transport_failures(
    client: PanelClient, emu: PanelEmulator, action: str
) -> None:
    emu.add_order()
    emu.fault(FaultKind.HTTP_502_HTML, times=2)

    await call(client, action)

    assert len(emu.requests) == 3


@pytest.mark.parametrize(("kind", "expected"), FAULTS)
async def test_reads_give_up_after_read_attempts(
    quick: PanelClient, emu: PanelEmulator, kind: FaultKind, expected: type[PanelTransportError]
) -> None:
    emu.fault(kind)

    with pytest.raises(expected):
        await quick.balance()

    assert len(emu.requests) == 3


async def test_reads_retry_a_refused_connection() -> None:
    async with panel_client(refused_url(), read_attempts=2) as client:
        with pytest.raises(PanelConnectError):
            await client.balance()


@pytest.mark.parametrize(
    ("problem", "expected", "sent"),
    [
        (aiohttp.ConnectionTimeoutError("connect timed out"), PanelConnectError, False),
        (aiohttp.ClientConnectorDNSError(None, OSError("dns")), PanelConnectError, False),  # type: ignore[arg-type]
        (aiohttp.SocketTimeoutError("read timed out"), PanelTimeout, True),
        (aiohttp.ClientPayloadError("cut short"), PanelDisconnected, True),
        (aiohttp.ClientOSError(104, "reset"), PanelDisconnected, True),
    ],
    ids=lambda value: type(value).__name__ if isinstance(value, Exception) else None,
)
def test_aiohttp_failures_that_are_hard_to_provoke_locally(
    problem: aiohttp.ClientError, expected: type[PanelTransportError], sent: bool
) -> None:
    client = PanelClient("http://127.0.0.1:1/api/v2", SecretStr(KEY))

    failure = client._transport_failure("add", problem)

    assert type(failure) is expected
    assert failure.request_sent is sent


def test_client_repr_hides_secrets() -> None:
    client = PanelClient(f"http://user:{KEY}@127.0.0.1:1/api/v2?key={KEY}", SecretStr(KEY))

    assert KEY not in repr(client)
    assert "127.0.0.1:1/api/v2" in repr(client)


async def test_a_closed_client_refuses_to_work(emu: PanelEmulator) -> None:
    client = PanelClient(emu.url, SecretStr(KEY))
    await client.close()

    with pytest.raises(RuntimeError, match="closed"):
        await client.balance()
    assert emu.requests == []


# --- the key never leaks ---------------------------------------------------------------


def _echo_in_error(emu: PanelEmulator) -> None:
    emu.canned({"error": f"Invalid API key: {KEY}"}, times=None)


def _echo_in_http_error(emu: PanelEmulator) -> None:
    emu.canned(f"<html><p>key={KEY}</p>{'x' * 90}{KEY}</html>", status=500, times=None)


def _echo_in_html(emu: PanelEmulator) -> None:
    # Where a 120-character excerpt would cut the key in two, leaving its first half.
    emu.canned(f"<html>{'x' * 99}{KEY}</html>", times=None)


def _wrong_key(emu: PanelEmulator) -> None:
    emu.key = "another-key"


def _fault(kind: FaultKind) -> Callable[[PanelEmulator], object]:
    return lambda emu: emu.fault(kind)


LEAK_SCENARIOS = [
    *[pytest.param(_fault(kind), id=kind.name) for kind in FAULT_OUTCOMES],
    pytest.param(_echo_in_error, id="echo-in-error"),
    pytest.param(_echo_in_http_error, id="echo-in-http-error"),
    pytest.param(_echo_in_html, id="echo-in-html"),
    pytest.param(_wrong_key, id="wrong-key"),
    pytest.param(None, id="refused"),
]


@pytest.mark.parametrize("setup", LEAK_SCENARIOS)
async def test_the_key_never_appears_in_errors_or_logs(
    emu: PanelEmulator,
    caplog: pytest.LogCaptureFixture,
    setup: Callable[[PanelEmulator], object] | None,
) -> None:
    caplog.set_level(logging.DEBUG)
    url = refused_url() if setup is None else emu.url
    if setup is not None:
        setup(emu)
    failures: list[PanelFailure] = []

    async with panel_client(url, timeout=SHORT_TIMEOUT, read_attempts=2) as client:
        for action in ("add", "balance", "cancel"):
            with pytest.raises(PanelFailure) as caught:
                await call(client, action)
            failures.append(caught.value)
        seen = [repr(client)]

    for failure in failures:
        seen += [str(failure), repr(failure), repr(failure.args), str(getattr(failure, "text", ""))]
    seen += [record.getMessage() for record in caplog.records]
    seen.append(caplog.text)  # formatted, tracebacks included
    assert caplog.records  # the failures were logged
    assert not [text for text in seen if KEY[:10] in text]


async def test_add_and_cancel_never_ride_a_pooled_connection() -> None:
    """A pooled connection the panel closed while idle fails only after the request left:
    `add` would then look like "outcome unknown" when nothing was sent. So `add` and
    `cancel` open a connection of their own each time; reads reuse the pool."""
    from aiohttp import web
    from aiohttp.test_utils import TestServer

    peers: dict[str, list[object]] = {}

    async def handle(request: web.Request) -> web.Response:
        form = await request.post()
        action = str(form["action"])
        peers.setdefault(action, []).append(request.transport.get_extra_info("peername"))  # type: ignore[union-attr]
        answers: dict[str, object] = {
            "add": {"order": 1},
            "balance": {"balance": "1.00000", "currency": "USD"},
            "cancel": [{"order": 1, "cancel": {"status": 1}}],
        }
        return web.json_response(answers[action])

    app = web.Application()
    app.router.add_post("/api/v2", handle)
    server = TestServer(app, host="127.0.0.1")
    await server.start_server()
    try:
        async with PanelClient(str(server.make_url("/api/v2")), SecretStr("k")) as client:
            for _ in range(3):
                await client.balance()
                await client.add(1, "https://t.me/x", 10)
                await client.cancel(["1"])
    finally:
        await server.close()
    assert len(set(peers["balance"])) == 1
    assert len(set(peers["add"])) == 3
    assert len(set(peers["cancel"])) == 3


# --- refill, refill_status and the cancel variants (api-v2-service-types.md) -------------


@pytest.fixture
def refillable(emu: PanelEmulator) -> list[str]:
    """Two completed orders of a service with a refill guarantee, as the panel's ids."""
    emu.services[1].refill = True
    return [str(emu.set_status(emu.add_order().id, "Completed", remains=0).id) for _ in range(2)]


async def test_a_refill_is_asked_once_and_its_id_kept_as_text(
    client: PanelClient, emu: PanelEmulator, refillable: list[str]
) -> None:
    assert await client.refill(refillable[0]) == "1"

    (form,) = emu.calls("refill")
    assert {name: form[name] for name in ("action", "order")} == {
        "action": "refill",
        "order": refillable[0],
    }
    assert [refill.order for refill in emu.refills.values()] == [int(refillable[0])]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"refill": "1"}, "1"),
        ({"success": "Refill request sent", "refill": 12345}, "12345"),
        ({"refill": "ab-9"}, "ab-9"),
        ([{"order": 23501, "refill": 7}], "7"),
    ],
)
async def test_refill_answers_in_every_shape(
    client: PanelClient, emu: PanelEmulator, answer: object, expected: str
) -> None:
    emu.canned(answer)

    assert await client.refill("23501") == expected


@pytest.mark.parametrize(
    ("status", "text", "expected"),
    [
        ("Pending", "Order not eligible for refill.", "RefillNotEligible"),
        ("Completed", "Refill already requested", "RefillAlreadyRequested"),
    ],
)
async def test_refill_refusals_are_typed_and_never_repeated(
    client: PanelClient,
    emu: PanelEmulator,
    refillable: list[str],
    status: str,
    text: str,
    expected: str,
) -> None:
    emu.set_status(refillable[0], status)
    if status == "Completed":
        await client.refill(refillable[0])  # the first one is still going on

    with pytest.raises(PanelError) as caught:
        await client.refill(refillable[0])

    assert type(caught.value).__name__ == expected
    assert caught.value.text == text  # the raw text, for admins
    assert len(emu.calls("refill")) == (2 if status == "Completed" else 1)


async def test_a_refusal_in_the_many_orders_shape_is_raised_too(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.canned([{"order": 23501, "refill": {"error": "Refill already requested"}}])

    with pytest.raises(RefillAlreadyRequested):
        await client.refill("23501")


async def test_the_emulator_takes_many_refills_at_once(
    emu: PanelEmulator, refillable: list[str]
) -> None:
    emu.set_status(refillable[1], "In progress")
    async with aiohttp.ClientSession() as session:
        form = {"key": KEY, "action": "refill", "orders": ",".join(refillable)}
        async with session.post(emu.url, data=form) as response:
            answer = await response.json()

    assert answer == [
        {"order": int(refillable[0]), "refill": 1},
        {"order": int(refillable[1]), "refill": {"error": "Order not eligible for refill."}},
    ]


async def test_refill_statuses_in_one_request_per_hundred(
    client: PanelClient, emu: PanelEmulator, refillable: list[str]
) -> None:
    first = await client.refill(refillable[0])
    second = await client.refill(refillable[1])
    emu.set_refill_status(first, "Completed")
    ids = [first, second, *(str(n) for n in range(100, 201))]

    result = await client.refill_statuses(ids)

    assert [len(form["refills"].split(",")) for form in emu.calls("refill_status")] == [100, 3]
    done, going = result[first], result[second]
    assert isinstance(done, RefillStatus)
    assert isinstance(going, RefillStatus)
    assert (done.status, done.is_done, done.is_final) == ("Completed", True, True)
    assert (going.status, going.is_done, going.is_final) == ("Pending", False, False)
    missing = result["150"]
    assert isinstance(missing, RefillNotFound)
    assert missing.text == "Refill not found"


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ([{"refill": 1, "status": "completed"}], {"1": RefillStatus("Completed")}),
        ([{"refill": "1", "status": "In  progress"}], {"1": RefillStatus("In progress")}),
        ([{"refill": 1, "status": "Cancelled"}], {"1": RefillStatus("Canceled")}),
        ({"1": {"status": "Rejected"}}, {"1": RefillStatus("Rejected")}),
        ({"1": "Pending"}, {"1": RefillStatus("Pending")}),
        (
            [{"refill": 1, "status": "Queued"}, {"status": "Completed"}, {"refill": 2}],
            {"1": RefillStatus("Queued")},
        ),
    ],
)
async def test_refill_statuses_parse_leniently(
    client: PanelClient, emu: PanelEmulator, answer: object, expected: dict[str, RefillStatus]
) -> None:
    emu.canned(answer)

    assert await client.refill_statuses(["1", "2"]) == expected


async def test_refill_status_statuses_final_or_not() -> None:
    assert [RefillStatus(s).is_final for s in ("Completed", "Rejected", "Canceled")] == [True] * 3
    assert [RefillStatus(s).is_final for s in ("Pending", "In progress", "Queued")] == [False] * 3
    assert RefillStatus("Cancelled").raw_status == "Cancelled"


async def test_an_older_panel_is_asked_one_refill_at_a_time_from_then_on(
    client: PanelClient, emu: PanelEmulator, refillable: list[str]
) -> None:
    emu.legacy = True
    first = await client.refill(refillable[0])  # {"success": ..., "refill": 1}
    emu.set_refill_status(first, "Rejected")

    result = await client.refill_statuses([first, "77"])
    assert result[first] == RefillStatus("Rejected")
    assert isinstance(result["77"], RefillNotFound)
    assert await client.refill_statuses([first]) == {first: RefillStatus("Rejected")}

    forms = emu.calls("refill_status")
    assert ["refills" in form for form in forms] == [True, False, False, False]
    assert [form.get("refill") for form in forms[1:]] == [first, "77", first]


async def test_a_bad_key_is_not_mistaken_for_an_older_panel(emu: PanelEmulator) -> None:
    async with panel_client(emu.url, key="wrong") as client:
        with pytest.raises(InvalidApiKey):
            await client.refill_statuses(["1"])


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ([{"order": 1, "cancel": 1}], CancelResult("1", True)),
        ([{"order": 1, "cancel": {"status": 1}}], CancelResult("1", True)),
        ({"order": 1, "cancel": {"status": 1}}, CancelResult("1", True)),
        ({"cancel": 1}, CancelResult("1", True)),
        ([{"order": 1, "cancel": 0}], CancelResult("1", False)),
    ],
)
async def test_cancel_answers_in_every_shape(
    client: PanelClient, emu: PanelEmulator, answer: object, expected: CancelResult
) -> None:
    emu.canned(answer)

    assert await client.cancel(["1"]) == {"1": expected}


async def test_a_refused_cancel_keeps_the_panels_text(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.canned([{"order": 2, "cancel": {"error": "Order can't be canceled"}}])

    result = (await client.cancel(["2"]))["2"]

    assert not result.accepted
    assert result.error is not None
    assert result.error.text == "Order can't be canceled"


@pytest.mark.parametrize("bare", [False, True])
async def test_the_emulators_cancel_shapes(
    client: PanelClient, emu: PanelEmulator, bare: bool
) -> None:
    emu.bare_cancel = bare
    order = emu.add_order()

    assert await client.cancel([str(order.id)]) == {
        str(order.id): CancelResult(str(order.id), True)
    }
    assert order.cancel_requests == 1


async def test_an_older_panel_cancels_with_one_order_at_a_time(
    client: PanelClient, emu: PanelEmulator
) -> None:
    emu.legacy = True
    first, second = emu.add_order(), emu.add_order()

    result = await client.cancel([str(first.id), "999"])

    assert result[str(first.id)] == CancelResult(str(first.id), True)
    refused = result["999"]
    assert not refused.accepted
    assert isinstance(refused.error, IncorrectOrderId)
    assert await client.cancel([str(second.id)]) == {
        str(second.id): CancelResult(str(second.id), True)
    }
    # The `orders` form was refused once (it cancelled nothing), then never asked again.
    forms = emu.calls("cancel")
    assert ["orders" in form for form in forms] == [True, False, False, False]
    assert (first.cancel_requests, second.cancel_requests) == (1, 1)


@pytest.mark.parametrize(
    ("raw", "final", "known"),
    [("Active", False, True), ("active", False, True), ("Expired", True, True)],
)
async def test_subscription_statuses(
    client: PanelClient, emu: PanelEmulator, raw: str, final: bool, known: bool
) -> None:
    order = emu.set_status(emu.add_order().id, raw)

    status = (await client.statuses([str(order.id)]))[str(order.id)]

    assert isinstance(status, OrderStatus)
    assert (status.status, status.is_final, status.is_known) == (raw.capitalize(), final, known)


@pytest.mark.parametrize(
    "text",
    [
        '[ {"service": 1, "name": "A, [b]"} , 2,"x" ,\n[3, {}] ]\n',
        "[]",
        ' {"error": "x"} ',
        '"text"',
    ],
)
def test_a_big_answer_decoded_in_pieces_reads_as_json_loads(text: str) -> None:
    assert _decode_in_pieces(text) == json.loads(text)


@pytest.mark.parametrize("text", ["[1,]", "[1 2]", "[1] [2]", "[1", '[{"a": }]', ""])
def test_a_big_answer_that_is_not_json_is_refused_as_json_loads_refuses_it(text: str) -> None:
    with pytest.raises(ValueError, match=r"(?i)expect|extra"):
        json.loads(text)
    with pytest.raises(ValueError, match=r"(?i)expect|extra"):
        _decode_in_pieces(text)
