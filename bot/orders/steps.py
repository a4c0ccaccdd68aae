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
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from typing import Any

from bot.panel import Service
from bot.validation import (
    MAX_ANSWER_NUMBER,
    normalize_link,
    parse_answer_number,
    parse_quantity,
    parse_whole_number,
    quantity_problem,
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
    # Why a typed answer was refused, where it can say more than `invalid` (a quantity below
    # the minimum, above the maximum, or not a number at all).
    why: Callable[[str | None, Service], Message] | None = None
    # Checks a parsed answer against the others (a maximum not below the minimum).
    agrees: Callable[[Answer, Answers], bool] = lambda value, answers: True

    def accept(self, text: str | None, service: Service, answers: Answers) -> Answer | None:
        """The answer `text` gives, or None if it is not one."""
        value = self.parse(text, service)
        return value if value is not None and self.agrees(value, answers) else None

    @property
    def panel_field(self) -> str:
        return self.field or self.name

    def suits(self, value: Answer | None, service: Service, answers: Answers | None = None) -> bool:
        """Whether an answer given earlier is valid for `service` (and the other answers)."""
        if value is None:
            return False
        if value == SKIPPED:
            return self.optional
        return self.accept(str(value), service, answers or {}) is not None

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


def _number(low: int, high: int) -> Callable[[str | None, Service], Answer | None]:
    def parse(text: str | None, service: Service) -> Answer | None:
        value = parse_whole_number(text)
        return value if value is not None and low <= value <= high else None

    return parse


def _one_of(values: tuple[int, ...]) -> Callable[[str | None, Service], Answer | None]:
    def parse(text: str | None, service: Service) -> Answer | None:
        value = parse_whole_number(text)
        return value if value in values else None

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


def _quantity_why(text: str | None, service: Service) -> Message:
    problem = quantity_problem(text, service.min, service.max)
    key = {"low": "order-quantity-low", "high": "order-quantity-high"}.get(problem)
    return key or "order-bad-quantity", {"min": service.min, "max": service.max}


QUANTITY = Step(
    name="quantity",
    # With drip-feed the quantity is per run: said when asked, or 1000 x 5 runs would come
    # as a surprise of 5,000 on the summary.
    question=lambda s: (
        "order-ask-quantity-per-run" if s.dripfeed else "order-ask-quantity",
        {"min": s.min, "max": s.max},
    ),
    invalid=lambda s: ("order-bad-quantity", {"min": s.min, "max": s.max}),
    why=_quantity_why,
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
    parse=_number(2, MAX_RUNS),
    current="order-current-runs",
    choices=lambda s: (2, 3, 5, 10),
    optional=True,  # Skip: all at once
    applies=lambda service, answers: service.dripfeed,
)
INTERVAL = Step(
    name="interval",
    question=lambda s: ("order-ask-interval", {"max": MAX_INTERVAL}),
    invalid=lambda s: ("order-bad-interval", {"max": MAX_INTERVAL}),
    parse=_number(1, MAX_INTERVAL),
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
MAX_POSTS = 1000
# The delays (minutes after a post) panels take for a subscription: one panel takes 0 to
# 600, another only these, and refuses the order for any other; these suit both.
DELAYS = (0, 5, 10, 15, 30, 60, 90)
_DELAYS_SHOWN = ", ".join(map(str, DELAYS))
_DATE = re.compile(r"([0-9]{1,2})[./-]([0-9]{1,2})[./-]([0-9]{4})")


def _expiry(text: str | None, service: Service) -> Answer | None:
    """A day not in the past, written d/m/Y (also d.m.Y), as the panel takes it."""
    found = _DATE.fullmatch((text or "").strip())
    if found is None:
        return None
    day, month, year = (int(part) for part in found.groups())
    try:
        when = date(year, month, day)
    except ValueError:
        return None
    if when < datetime.now(UTC).date() or when.year > datetime.now(UTC).year + 10:
        return None
    return when.strftime("%d/%m/%Y")


def _per_post(name: str, **options: Any) -> Step:
    """How many per post: within the service's min and max."""
    return Step(
        name=name,
        question=lambda s: (f"order-ask-{name}", {"min": s.min, "max": s.max}),
        invalid=lambda s: (f"order-bad-{name}", {"min": s.min, "max": s.max}),
        parse=lambda text, s: parse_quantity(text, s.min, s.max),
        current=f"order-current-{name}",
        summary=f"order-summary-{name}",
        **options,
    )


SUBSCRIPTION_USERNAME = replace(USERNAME, paragraph=True)
MIN_PER_POST = _per_post("min")
MAX_PER_POST = _per_post(
    "max", agrees=lambda value, answers: int(value) >= int(answers.get("min", 0))
)
POSTS = Step(
    name="posts",
    question=lambda s: ("order-ask-posts", {"max": MAX_POSTS}),
    invalid=lambda s: ("order-bad-posts", {"max": MAX_POSTS}),
    parse=_number(1, MAX_POSTS),
    current="order-current-posts",
    summary="order-summary-posts",
)
OLD_POSTS = Step(
    name="old_posts",
    question=lambda s: ("order-ask-old-posts", {"max": MAX_POSTS}),
    invalid=lambda s: ("order-bad-old-posts", {"max": MAX_POSTS}),
    parse=_number(1, MAX_POSTS),
    current="order-current-old-posts",
    summary="order-summary-old-posts",
    optional=True,
)
DELAY = Step(
    name="delay",
    question=lambda s: ("order-ask-delay", {"delays": _DELAYS_SHOWN}),
    invalid=lambda s: ("order-bad-delay", {"delays": _DELAYS_SHOWN}),
    parse=_one_of(DELAYS),
    current="order-current-delay",
    summary="order-summary-delay",
    choices=lambda s: DELAYS,
)
EXPIRY = Step(
    name="expiry",
    question=lambda s: ("order-ask-expiry", {}),
    invalid=lambda s: ("order-bad-expiry", {}),
    parse=_expiry,
    current="order-current-expiry",
    summary="order-summary-expiry",
    optional=True,
)
LIST_STEPS = frozenset({"comments", "usernames", "hashtags", "keywords", "groups"})


def _quantity(answers: Answers) -> int:
    return int(answers["quantity"])


def _count(name: str) -> Callable[[Answers], int]:
    return lambda answers: len(str(answers[name]).split("\n"))


def _one(answers: Answers) -> int:
    return 1


def _most_delivered(answers: Answers) -> int:
    """A subscription's most: the most per post on every new and existing post."""
    old = answers.get("old_posts", SKIPPED)
    return int(answers["max"]) * (int(answers["posts"]) + (int(old) if old != SKIPPED else 0))


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
    # The charge holds the most the order can cost; it ends at the panel's final charge.
    settles_to_charge: bool = False

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
        """Every step this service asks has an answer that is valid for it, with the others:
        answers kept from another service, or from before the customer went Back and
        changed one that another depends on, are checked again here."""
        return all(
            step.suits(answers.get(step.name), service, answers)
            for step in self.asked(service, answers)
        )

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
            quantity=_count("comments"),  # what a Partial's remains count against
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
        # The panel charges as it delivers: the customer pays the most it can cost, and
        # the difference to the panel's final charge comes back when it ends.
        OrderType(
            "Subscriptions",
            (SUBSCRIPTION_USERNAME, MIN_PER_POST, MAX_PER_POST, POSTS, OLD_POSTS, DELAY, EXPIRY),
            quantity=_most_delivered,
            sends_quantity=False,
            settles_to_charge=True,
        ),
    )
}
STEP_NAMES = frozenset(step.name for kind in ORDER_TYPES.values() for step in kind.steps)


def type_named(name: str) -> OrderType | None:
    """The row for a panel's type name (any case and spacing), or None: not sold."""
    return ORDER_TYPES.get(" ".join(name.split()).lower())


def order_type(service: Service) -> OrderType | None:
    """The row for the service's type, or None if the bot cannot order it."""
    return type_named(service.type)


def is_package(service: Service) -> bool:
    """A package is bought as one: its price is the whole order's, not per 1000."""
    kind = order_type(service)
    return kind is not None and kind.package


def sellable(service: Service) -> bool:
    """Whether the shop can take orders for the service (the catalogue hides the rest)."""
    return order_type(service) is not None
