"""A mass order: many Default-type orders typed as lines `service | link | quantity`.

Each line is read and priced exactly as a single order of the same answers would be (the
link and quantity steps of `bot.orders.steps`, `Quote.make`), and becomes an order of its
own placed with the single order's safety: charged and recorded in one transaction before
`add` (a one-time token per line, `<token>-<line>`, so a second Confirm or a replayed update
places no line twice), `add` called once, its outcome handled by `Placer.place`. Lines are
placed one after another: a crash mid-way leaves at most one order `placing` (start-up turns
it `unknown`), never a batch charged for lines the panel was never asked about.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from aiogram import Bot

from bot.catalogue import Snapshot
from bot.i18n import Arg
from bot.orders.placement import Outcome, Placer
from bot.orders.quote import Quote
from bot.orders.steps import LINK, QUANTITY, order_type
from bot.settings import Settings
from bot.storage import InsufficientFunds, OrdersRepo, TokenUsed

log = logging.getLogger(__name__)

MAX_LINES = 100  # lines with an order on them; blank lines are not counted
# Far above 100 lines of the longest links: a forged update cannot make us split a megabyte.
MAX_TEXT = 100 * 600
SEPARATOR = "|"
DEFAULT_TYPE = "default"


@dataclass(frozen=True)
class LineError:
    number: int  # the line as the customer counts it, from 1, blank lines included
    key: str  # the message key saying what is wrong
    values: dict[str, Arg] = field(default_factory=dict)


@dataclass(frozen=True)
class Line:
    number: int
    quote: Quote


@dataclass(frozen=True)
class Parsed:
    lines: tuple[Line, ...]
    errors: tuple[LineError, ...]
    too_long: bool = False  # over MAX_TEXT characters or MAX_LINES lines: nothing was read

    @property
    def total(self) -> Decimal:
        """The sum of the lines' charges, each already rounded up as its own order."""
        return sum((line.quote.charge for line in self.lines), Decimal(0))


def parse(text: str, snapshot: Snapshot, settings: Settings) -> Parsed:
    """Every line of `text`, priced, or what is wrong with it."""
    if len(text) > MAX_TEXT:
        return Parsed((), (), too_long=True)
    numbered = [
        (number, raw.strip())
        for number, raw in enumerate(text.replace("\r", "\n").split("\n"), 1)
        if raw.strip()
    ]
    if len(numbered) > MAX_LINES:
        return Parsed((), (), too_long=True)
    lines: list[Line] = []
    errors: list[LineError] = []
    for number, raw in numbered:
        read = _line(number, raw, snapshot, settings)
        if isinstance(read, Line):
            lines.append(read)
        else:
            errors.append(read)
    return Parsed(tuple(lines), tuple(errors))


def _line(number: int, raw: str, snapshot: Snapshot, settings: Settings) -> Line | LineError:
    parts = [part.strip() for part in raw.split(SEPARATOR)]
    if len(parts) != 3:
        return LineError(number, "mass-bad-format")
    service_text, link_text, quantity_text = parts
    # Digits only, ASCII: `int()` would take "١٢" or "1_0". Hidden services read as unknown
    # ones, so a customer learns nothing about what the shop does not show.
    service = (
        snapshot.services.get(int(service_text))
        if service_text.isascii() and service_text.isdigit() and len(service_text) <= 12
        else None
    )
    if service is None:
        return LineError(number, "mass-bad-service", {"service": service_text[:20]})
    kind = order_type(service)
    if kind is None or kind.name.lower() != DEFAULT_TYPE:
        return LineError(number, "mass-not-default", {"service": service.id})
    link = LINK.accept(link_text, service, {})
    if link is None:
        return LineError(number, "mass-bad-link")
    quantity = QUANTITY.accept(quantity_text, service, {"link": link})
    if quantity is None:
        return LineError(number, "mass-bad-quantity", {"min": service.min, "max": service.max})
    quote = Quote.make(snapshot, service, {"link": link, "quantity": quantity}, settings)
    if quote is None:  # a Default service that needs more than a link and a quantity
        return LineError(number, "mass-not-default", {"service": service.id})
    return Line(number, quote)


@dataclass(frozen=True)
class LineOutcome:
    number: int
    outcome: Outcome | None  # None: nothing was charged or sent (`reason` says why)
    order_id: int | None
    charge: Decimal
    reason: str  # the customer's message key for this line


# Placer's message keys, as a line of the final report says them (short, and never naming
# who the shop buys from).
_REASONS: dict[str, str] = {
    "order-placed": "mass-line-placed",
    "order-unknown": "mass-line-unknown",
    "order-failed-shop": "mass-line-failed-shop",
    "order-failed-service": "mass-line-failed-service",
    "order-failed-link": "mass-line-failed-link",
    "order-failed-quantity": "mass-line-failed-quantity",
    "order-failed-unreachable": "mass-line-failed-unreachable",
}


def line_token(token: str, position: int) -> str:
    """The one-time token of one line: the summary's token and the line's place among the
    lines read (1 for the first), so the first line's order tells whether a list was placed."""
    return f"{token}-{position}"


async def place_all(
    bot: Bot,
    user_id: int,
    token: str,
    lines: Sequence[Line],
    *,
    orders: OrdersRepo,
    placer: Placer,
) -> list[LineOutcome]:
    """Charge, record and place each line in turn; what became of each."""
    outcomes: list[LineOutcome] = []
    for position, line in enumerate(lines, 1):
        charge = line.quote.charge
        try:
            order = await orders.create_and_charge(
                line.quote.new_order(user_id, line_token(token, position))
            )
        except TokenUsed:  # a replay of a Confirm that got this far: the line is placed
            outcomes.append(LineOutcome(line.number, None, None, charge, "mass-line-done"))
            continue
        except InsufficientFunds:  # the balance moved since Confirm checked it
            outcomes.append(LineOutcome(line.number, None, None, charge, "mass-line-no-funds"))
            continue

        # The whole batch is reported once at the end: nothing is shown per line.
        async def quiet(key: str, values: Mapping[str, Arg]) -> None:
            return None

        placement = await placer.place(bot, order, quiet)
        reason = _REASONS.get(placement.message, "mass-line-failed-other")
        outcomes.append(
            LineOutcome(line.number, placement.outcome, placement.order.id, charge, reason)
        )
    log.info(
        "mass order of user %s: %s lines, %s placed",
        user_id,
        len(lines),
        sum(outcome.outcome is Outcome.PLACED for outcome in outcomes),
    )
    return outcomes


def chunks(parts: Sequence[str], limit: int = 3800) -> list[str]:
    """Parts joined by newlines into messages of at most `limit` characters (Telegram
    takes 4096): a list of 100 lines does not fit one message."""
    messages: list[str] = []
    current = ""
    for part in parts:
        if current and len(current) + 1 + len(part) > limit:
            messages.append(current)
            current = part
        else:
            current = f"{current}\n{part}" if current else part
    if current:
        messages.append(current)
    return messages
