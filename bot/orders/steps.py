"""What an order of each service type asks, as data: one row per type, one `Step` per question.

The order conversation walks a type's steps in order (Back goes to the one before, the
first step's Back to the service list) and then shows the summary. A service whose type has
no row here is not sold: the catalogue hides it and logs that once. Types are matched in any
case (`default`, `Custom Comments`).

A step says what is asked (a message key and its values), how the typed answer is parsed and
checked (`parse`: the value, or None for "say `invalid` and ask again"), which panel field
the answer is sent as, and whether an answer given earlier (before going Back, or for
another service) still suits this service and is offered again with Keep. A step may offer
buttons with common values (`choices`), may be skipped (`optional`), and may apply only to
some services or after some answers (`applies`: drip-feed runs only where the service
allows drip-feed, the interval only with more than one run).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.panel import Service
from bot.validation import (
    MAX_ANSWER_NUMBER,
    normalize_link,
    parse_answer_number,
    parse_quantity,
    parse_whole_number,
)

# What customers typed, by step name: kept as JSON in the conversation's FSM data. A list
# (comments, usernames) is kept as its lines joined by "\n", as the panel takes it; a
# skipped optional step as "".
Answer = str | int
Answers = Mapping[str, Answer]
Message = tuple[str, dict[str, Answer]]  # a message key and its values

SKIPPED = ""
MAX_LINE = 500  # characters in one line of a list (a comment)
MAX_LINES = 1000  # lines in a list whose count is not the quantity
MAX_RUNS = 100
MAX_INTERVAL = 1440 * 7  # minutes between drip-feed runs: a week
_USERNAME = re.compile(r"@?[A-Za-z0-9_.]{1,64}")
_HASHTAG = re.compile(r"#?[^\s#]{1,100}")


def is_telegram(service: Service) -> bool:
    """Telegram services take `@name` and `t.me/...` links; others need a full URL."""
    return "telegram" in f"{service.category} {service.name}".lower()


def _always(service: Service, answers: Answers) -> bool:
    return True


@dataclass(frozen=True)
class Step:
    name: str  # the answer's key, and the conversation's state while it is asked
    question: Callable[[Service], Message]
    invalid: Callable[[Service], Message]
    parse: Callable[[str | None, Service], Answer | None]
    # Shows an answer given earlier, offered again with Keep: `{ $<name> }` in the text.
    current: str
    # Shows the answer on the summary, `{ $<name> }` in the text; None: the summary shows
    # it already (link, quantity, drip-feed).
    summary: str | None = None
    field: str = ""  # the panel's `add` field; "" (the default): the step's name
    # The question stands a paragraph apart from what comes before it (the service's card).
    paragraph: bool = False
    choices: Callable[[Service], tuple[int, ...]] = lambda service: ()
    optional: bool = False  # a Skip button; the field is then not sent
    applies: Callable[[Service, Answers], bool] = _always

    @property
    def panel_field(self) -> str:
        return self.field or self.name

    def suits(self, value: Answer | None, service: Service) -> bool:
        """Whether an answer given earlier is valid for `service` too."""
        if value is None:
            return False
        if value == SKIPPED:
            return self.optional
        return self.parse(str(value), service) is not None

    def shown(self, value: Answer) -> Answer:
        """How an answer reads in a message: a list by its number of lines."""
        return len(str(value).split("\n")) if self.name in LIST_STEPS else value


def _lines(text: str | None) -> list[str] | None:
    """The non-blank lines of a list, or None for none at all."""
    if text is None:
        return None
    lines = [" ".join(line.split()) for line in text.replace("\r", "\n").split("\n")]
    kept = [line for line in lines if line]
    return kept or None


def list_step(name: str, item: re.Pattern[str] | None, *, counted: bool) -> Step:
    """A list sent one item a line. `counted`: the number of lines is the quantity, within
    the service's min and max; else up to `MAX_LINES`. `item`: the pattern each line must
    match (None: any text up to `MAX_LINE` characters)."""

    def bounds(service: Service) -> tuple[int, int]:
        return (service.min, service.max) if counted else (1, MAX_LINES)

    def parse(text: str | None, service: Service) -> Answer | None:
        lines = _lines(text)
        low, high = bounds(service)
        if lines is None or not low <= len(lines) <= high:
            return None
        if any(len(line) > MAX_LINE for line in lines):
            return None
        if item is not None and not all(item.fullmatch(line) for line in lines):
            return None
        return "\n".join(lines)

    def values(service: Service) -> dict[str, Answer]:
        low, high = bounds(service)
        return {"min": low, "max": high}

    return Step(
        name=name,
        question=lambda s: (f"order-ask-{name}", values(s)),
        invalid=lambda s: (f"order-bad-{name}", values(s)),
        parse=parse,
        current=f"order-current-{name}",
        summary=f"order-summary-{name}",
    )


def _single(name: str, pattern: re.Pattern[str]) -> Step:
    def parse(text: str | None, service: Service) -> Answer | None:
        value = (text or "").strip()
        return value if pattern.fullmatch(value) else None

    return Step(
        name=name,
        question=lambda s: (f"order-ask-{name}", {}),
        invalid=lambda s: (f"order-bad-{name}", {}),
        parse=parse,
        current=f"order-current-{name}",
        summary=f"order-summary-{name}",
    )


def _number(name: str, low: int, high: int) -> Callable[[str | None, Service], Answer | None]:
    def parse(text: str | None, service: Service) -> Answer | None:
        value = parse_whole_number(text)
        return value if value is not None and low <= value <= high else None

    return parse


def runs(service: Service, answers: Answers) -> int:
    """Drip-feed runs: 1 is all at once."""
    runs = answers.get("runs", SKIPPED)
    return int(runs) if runs != SKIPPED else 1


LINK = Step(
    name="link",
    question=lambda s: ("order-ask-link-telegram" if is_telegram(s) else "order-ask-link", {}),
    invalid=lambda s: ("order-bad-link-telegram" if is_telegram(s) else "order-bad-link", {}),
    parse=lambda text, s: normalize_link(text, telegram=is_telegram(s)),
    current="order-current-link",
    paragraph=True,
)
QUANTITY = Step(
    name="quantity",
    question=lambda s: ("order-ask-quantity", {"min": s.min, "max": s.max}),
    invalid=lambda s: ("order-bad-quantity", {"min": s.min, "max": s.max}),
    parse=lambda text, s: parse_quantity(text, s.min, s.max),
    current="order-current-quantity",
)
ANSWER_NUMBER = Step(
    name="answer",
    field="answer_number",
    question=lambda s: ("order-ask-answer", {"max": MAX_ANSWER_NUMBER}),
    invalid=lambda s: ("order-bad-answer", {"max": MAX_ANSWER_NUMBER}),
    parse=lambda text, s: parse_answer_number(text),
    current="order-current-answer",
    summary="order-summary-answer",
)
RUNS = Step(
    name="runs",
    question=lambda s: ("order-ask-runs", {"max": MAX_RUNS}),
    invalid=lambda s: ("order-bad-runs", {"max": MAX_RUNS}),
    parse=_number("runs", 2, MAX_RUNS),
    current="order-current-runs",
    choices=lambda s: (2, 3, 5, 10),
    optional=True,  # Skip: all at once
    applies=lambda service, answers: service.dripfeed,
)
INTERVAL = Step(
    name="interval",
    question=lambda s: ("order-ask-interval", {"max": MAX_INTERVAL}),
    invalid=lambda s: ("order-bad-interval", {"max": MAX_INTERVAL}),
    parse=_number("interval", 1, MAX_INTERVAL),
    current="order-current-interval",
    choices=lambda s: (15, 30, 60, 360, 1440),
    applies=lambda service, answers: service.dripfeed and runs(service, answers) > 1,
)
COMMENTS = list_step("comments", None, counted=True)
COMMENTS_PACKAGE = list_step("comments", None, counted=False)
USERNAMES = list_step("usernames", _USERNAME, counted=False)
USERNAMES_COUNTED = list_step("usernames", _USERNAME, counted=True)
HASHTAGS = list_step("hashtags", _HASHTAG, counted=False)
KEYWORDS = list_step("keywords", None, counted=False)
GROUPS = list_step("groups", None, counted=False)
USERNAME = _single("username", _USERNAME)
HASHTAG = _single("hashtag", _HASHTAG)
MEDIA = Step(
    name="media",
    question=lambda s: ("order-ask-media", {}),
    invalid=lambda s: ("order-bad-media", {}),
    parse=lambda text, s: normalize_link(text, telegram=False),
    current="order-current-media",
    summary="order-summary-media",
)
LIST_STEPS = frozenset({"comments", "usernames", "hashtags", "keywords", "groups"})


def _quantity(answers: Answers) -> int:
    return int(answers["quantity"])


def _count(name: str) -> Callable[[Answers], int]:
    return lambda answers: len(str(answers[name]).split("\n"))


def _one(answers: Answers) -> int:
    return 1


@dataclass(frozen=True)
class OrderType:
    """A panel service type the bot sells: its questions, and what the customer pays for.

    `quantity`: how many the order is for (a package is one). The charge is the price per
    1000 x `quantity` / 1000, times the drip-feed runs; a package costs its price whole.
    """

    name: str  # as the panel writes it in `type` (matched in any case)
    steps: tuple[Step, ...]
    quantity: Callable[[Answers], int] = field(default=_quantity)
    sends_quantity: bool = True  # `quantity` is an `add` field (list types count lines)
    package: bool = False  # the rate is the price of the whole order, not per 1000

    def step(self, name: str | None) -> Step | None:
        return next((step for step in self.steps if step.name == name), None)

    def asked(self, service: Service, answers: Answers) -> list[Step]:
        """The steps this service asks, given the answers so far."""
        return [step for step in self.steps if step.applies(service, answers)]

    def after(self, service: Service, answers: Answers, name: str) -> Step | None:
        """The step that follows `name`; None: the summary comes next."""
        names = [step.name for step in self.steps]
        following = self.steps[names.index(name) + 1 :]
        return next((step for step in following if step.applies(service, answers)), None)

    def before(self, service: Service, answers: Answers, name: str | None) -> Step | None:
        """The step before `name` (None: the summary's); None: `name` is the first step,
        whose Back goes to the list of services."""
        names = [step.name for step in self.steps]
        earlier = self.steps[: names.index(name)] if name is not None else self.steps
        return next((s for s in reversed(earlier) if s.applies(service, answers)), None)

    def first(self, service: Service) -> Step:
        return self.asked(service, {})[0]

    def complete(self, service: Service, answers: Answers) -> bool:
        return all(step.name in answers for step in self.asked(service, answers))

    def units(self, service: Service, answers: Answers) -> int:
        """What the price per 1000 applies to: the quantity times the runs (1000 for a
        package, whose price is its rate)."""
        if self.package:
            return 1000
        return self.quantity(answers) * runs(service, answers)

    def panel_fields(self, service: Service, answers: Answers) -> dict[str, Answer]:
        """The `add` fields of an order with these answers, skipped ones left out."""
        fields: dict[str, Answer] = {}
        for step in self.asked(service, answers):
            value = answers.get(step.name, SKIPPED)
            if value != SKIPPED:
                fields[step.panel_field] = value
        if self.sends_quantity:
            fields["quantity"] = self.quantity(answers)
        return fields


ORDER_TYPES: dict[str, OrderType] = {
    kind.name.lower(): kind
    for kind in (
        OrderType("Default", (LINK, QUANTITY, RUNS, INTERVAL)),
        OrderType("Package", (LINK,), quantity=_one, sends_quantity=False, package=True),
        OrderType("SEO", (LINK, QUANTITY, KEYWORDS)),
        OrderType("Custom Comments", (LINK, COMMENTS), _count("comments"), False),
        OrderType(
            "Custom Comments Package",
            (LINK, COMMENTS_PACKAGE),
            quantity=_one,
            sends_quantity=False,
            package=True,
        ),
        OrderType("Mentions", (LINK, QUANTITY, USERNAMES)),
        OrderType("Mentions with Hashtags", (LINK, QUANTITY, USERNAMES, HASHTAGS)),
        OrderType("Mentions Custom List", (LINK, USERNAMES_COUNTED), _count("usernames"), False),
        OrderType("Mentions Hashtag", (LINK, QUANTITY, HASHTAG)),
        OrderType("Mentions User Followers", (LINK, QUANTITY, USERNAME)),
        OrderType("Mentions Media Likers", (LINK, QUANTITY, MEDIA)),
        OrderType("Comment Likes", (LINK, QUANTITY, USERNAME)),
        OrderType("Comment Replies", (LINK, USERNAME, COMMENTS), _count("comments"), False),
        OrderType("Poll", (LINK, QUANTITY, ANSWER_NUMBER)),
        OrderType("Invites from Groups", (LINK, QUANTITY, GROUPS)),
    )
}
STEP_NAMES = frozenset(step.name for kind in ORDER_TYPES.values() for step in kind.steps)


def order_type(service: Service) -> OrderType | None:
    """The row for the service's type, or None if the bot cannot order it."""
    return ORDER_TYPES.get(" ".join(service.type.split()).lower())
