"""A mass order: many Default-type orders typed as lines `service | link | quantity`.

Each line is read and priced exactly as a single order of the same answers would be (the
link and quantity steps of `bot.orders.steps`, `checkout.quote`), and becomes an order of its
own placed through the single order's checkout (`bot.orders.checkout`): charged and recorded
in one transaction before `add` (a one-time token per line, `<token>-<line>`, so a second
Confirm or a replayed update places no line twice), `add` called once. Lines are
placed one after another: a crash mid-way leaves at most one order `placing` (start-up turns
it `unknown`), never a batch charged for lines the panel was never asked about.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from aiogram import Bot

from bot.catalogue import Snapshot
from bot.i18n import Arg
from bot.orders import checkout
from bot.orders.checkout import Checkout, Funds, Verdict, price_changed
from bot.orders.placement import Outcome
from bot.orders.prices import Pricer, Prices
from bot.orders.quote import Quote
from bot.orders.steps import LINK, QUANTITY, SKIPPED, Answer, order_type

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


def parse(text: str, prices: Prices, locale: str) -> Parsed:
    """Every line of `text`, priced at the customer's `prices`, or what is wrong with it."""
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
        read = _line(number, raw, prices, locale)
        if isinstance(read, Line):
            lines.append(read)
        else:
            errors.append(read)
    return Parsed(tuple(lines), tuple(errors))


def _line(number: int, raw: str, prices: Prices, locale: str) -> Line | LineError:
    parts = [part.strip() for part in raw.split(SEPARATOR)]
    if len(parts) != 3:
        return LineError(number, "mass-bad-format")
    service_text, link_text, quantity_text = parts
    # Digits only, ASCII: `int()` would take "١٢" or "1_0". Hidden services read as unknown
    # ones, so a customer learns nothing about what the shop does not show.
    service = (
        prices.snapshot.services.get(int(service_text))
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
    answers: dict[str, Answer] = {"link": link, "quantity": quantity}
    # A line has no room for what the chat may Skip (drip-feed runs): left out, as Skip
    # leaves it, so a service with drip-feed on is delivered all at once, as the line says.
    for step in kind.asked(service, answers):
        if step.optional and step.name not in answers:
            answers[step.name] = SKIPPED
    quote = checkout.quote(prices, service, answers, locale)
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


@dataclass(frozen=True)
class Report:
    """What became of each line, and the figures the customer is shown at the end."""

    outcomes: tuple[LineOutcome, ...]
    balance: Decimal  # after every line

    @property
    def placed(self) -> int:
        return sum(outcome.outcome is Outcome.PLACED for outcome in self.outcomes)

    @property
    def charged(self) -> Decimal:
        """What stays charged: placed lines, and unknown ones whose money is held."""
        held = (Outcome.PLACED, Outcome.UNKNOWN)
        return sum((o.charge for o in self.outcomes if o.outcome in held), Decimal(0))


@dataclass(frozen=True)
class Confirmed:
    """What a Confirm of a list did: placed every line it could (`report`), or nothing
    because the list's total is not the one the customer saw, or the balance is short."""

    verdict: Verdict  # placed (each line's own outcome in `report`), price changed, short
    funds: Funds | None = None  # short: the balance against the list's total
    report: Report | None = None


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
# What a line the checkout placed nothing for says in the report.
_NOT_PLACED: dict[Verdict, str] = {
    Verdict.ALREADY_PLACED: "mass-line-done",  # a replay of a Confirm that got this far
    Verdict.SHORT: "mass-line-no-funds",  # the balance moved since Confirm checked it
}


def line_token(token: str, position: int) -> str:
    """The one-time token of one line: the summary's token and the line's place among the
    lines read (1 for the first), so the first line's order tells whether a list was placed."""
    return f"{token}-{position}"


# Told before the first line is placed, with the number of lines.
Starting = Callable[[int], Awaitable[None]]


class MassOrders:
    """Mass order's rules: a list read and priced, its total against the balance, every line
    placed through the checkout, and the report's figures."""

    def __init__(self, *, checkout: Checkout, pricer: Pricer) -> None:
        self._checkout = checkout
        self._pricer = pricer

    async def parse(self, user_id: int, text: str, snapshot: Snapshot, locale: str) -> Parsed:
        """At the customer's prices; `locale`: theirs, for the names the orders keep."""
        return parse(text, await self._pricer.prices(user_id, snapshot), locale)

    async def funds(self, user_id: int, parsed: Parsed) -> Funds:
        return await self._checkout.funds(user_id, parsed.total)

    async def placed(self, token: str, user_id: int) -> bool:
        """Whether the list behind the summary's `token` was placed (its first line was)."""
        return await self._checkout.placed_with(line_token(token, 1), user_id) is not None

    async def confirm(
        self,
        bot: Bot,
        user_id: int,
        token: str,
        text: str,
        seen_total: str | None,
        snapshot: Snapshot,
        locale: str,
        *,
        starting: Starting,
    ) -> Confirmed:
        """Read `text` again and place every line, if its total is still `seen_total` (as
        the summary wrote it) and the balance covers it."""
        parsed = await self.parse(user_id, text, snapshot, locale)
        if parsed.errors or parsed.too_long or price_changed(parsed.total, seen_total):
            return Confirmed(Verdict.PRICE_CHANGED)
        funds = await self.funds(user_id, parsed)
        if not funds.enough:
            return Confirmed(Verdict.SHORT, funds)
        await starting(len(parsed.lines))
        outcomes = await self.place_all(bot, user_id, token, parsed.lines)
        report = Report(tuple(outcomes), await self._checkout.balance(user_id))
        log.info(
            "mass order of user %s: %s lines, %s placed", user_id, len(outcomes), report.placed
        )
        return Confirmed(Verdict.PLACED, report=report)

    async def place_all(
        self, bot: Bot, user_id: int, token: str, lines: Sequence[Line]
    ) -> list[LineOutcome]:
        """Charge, record and place each line in turn; what became of each."""
        outcomes: list[LineOutcome] = []
        for position, line in enumerate(lines, 1):
            quote = line.quote
            # The list's total was checked against the summary's: each line's own charge
            # is the one the customer saw.
            result = await self._checkout.confirm(
                bot, user_id, quote, str(quote.charge), line_token(token, position), tell=_quiet
            )
            if result.placement is None:
                reason = _NOT_PLACED.get(result.verdict, "mass-line-failed-other")
                outcomes.append(LineOutcome(line.number, None, None, quote.charge, reason))
                continue
            placement = result.placement
            reason = _REASONS.get(placement.message, "mass-line-failed-other")
            outcomes.append(
                LineOutcome(
                    line.number, placement.outcome, placement.order.id, quote.charge, reason
                )
            )
        return outcomes


async def _quiet(key: str, values: Mapping[str, Arg]) -> None:
    """The whole batch is reported once at the end: nothing is shown per line."""


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
