"""What an order of each service type asks, as data: one row per type, one `Step` per question.

The order conversation walks a type's steps in order (Back goes to the one before, the
first step's Back to the service list) and then shows the summary. A service whose type has
no row here is not sold: the catalogue hides it and logs that once.

A step says what is asked (a message key and its values), how the typed answer is parsed and
checked (`parse`: the value, or None for "say `invalid` and ask again"), and whether an
answer given earlier (before going Back, or to another service) still suits this service and
is offered again with Keep.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from bot.panel import Service
from bot.validation import (
    MAX_ANSWER_NUMBER,
    normalize_link,
    parse_answer_number,
    parse_quantity,
)

# What customers typed, by step name: kept as JSON in the conversation's FSM data.
Answer = str | int
Answers = Mapping[str, Answer]
Message = tuple[str, dict[str, Answer]]  # a message key and its values


def is_telegram(service: Service) -> bool:
    """Telegram services take `@name` and `t.me/...` links; others need a full URL."""
    return "telegram" in f"{service.category} {service.name}".lower()


@dataclass(frozen=True)
class Step:
    name: str  # the answer's key, and the conversation's state while it is asked
    question: Callable[[Service], Message]
    invalid: Callable[[Service], Message]
    parse: Callable[[str | None, Service], Answer | None]
    # Shows an answer given earlier, offered again with Keep: `{ $<name> }` in the text.
    current: str
    # Shows the answer on the summary, `{ $<name> }` in the text; None: the summary's
    # first lines show it already.
    summary: str | None = None
    # The question stands a paragraph apart from what comes before it (the service's card).
    paragraph: bool = False

    def suits(self, value: Answer | None, service: Service) -> bool:
        """Whether an answer given earlier is valid for `service` too."""
        return value is not None and self.parse(str(value), service) is not None


LINK = Step(
    name="link",
    question=lambda s: (
        "order-ask-link-telegram" if is_telegram(s) else "order-ask-link",
        {},
    ),
    invalid=lambda s: (
        "order-bad-link-telegram" if is_telegram(s) else "order-bad-link",
        {},
    ),
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
    question=lambda s: ("order-ask-answer", {"max": MAX_ANSWER_NUMBER}),
    invalid=lambda s: ("order-bad-answer", {"max": MAX_ANSWER_NUMBER}),
    parse=lambda text, s: parse_answer_number(text),
    current="order-current-answer",
    summary="order-summary-answer",
)


def _quantity(answers: Answers) -> int:
    return int(answers["quantity"])


@dataclass(frozen=True)
class OrderType:
    """A panel service type the bot sells: its questions, and what the customer pays for."""

    name: str  # as the panel writes it in `type` (matched in any case)
    steps: tuple[Step, ...]
    quantity: Callable[[Answers], int] = field(default=_quantity)

    def step(self, name: str | None) -> Step | None:
        return next((step for step in self.steps if step.name == name), None)

    def after(self, name: str) -> Step | None:
        """The step that follows `name`; None: the summary comes next."""
        names = [step.name for step in self.steps]
        index = names.index(name) + 1
        return self.steps[index] if index < len(self.steps) else None

    def before(self, name: str | None) -> Step | None:
        """The step that comes before `name` (None: the summary's); None: the first step,
        whose Back goes to the list of services."""
        names = [step.name for step in self.steps]
        index = names.index(name) if name is not None else len(names)
        return self.steps[index - 1] if index > 0 else None

    def complete(self, answers: Answers) -> bool:
        return all(step.name in answers for step in self.steps)


ORDER_TYPES: dict[str, OrderType] = {
    kind.name.lower(): kind
    for kind in (
        OrderType("Default", (LINK, QUANTITY)),
        OrderType("Poll", (LINK, QUANTITY, ANSWER_NUMBER)),
    )
}
STEP_NAMES = frozenset(step.name for kind in ORDER_TYPES.values() for step in kind.steps)


def order_type(service: Service) -> OrderType | None:
    """The row for the service's type, or None if the bot cannot order it."""
    return ORDER_TYPES.get(service.type.strip().lower())
