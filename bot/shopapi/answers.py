"""An API `add`'s fields as the chat's answers: each of the service type's steps
(`bot.orders.steps`) reads its field (`Step.panel_field`: `link`, `quantity`,
`answer_number`, `comments`, `runs`...) with the very check the chat applies to what a
customer types, and a refusal is said in the seed's words."""

from __future__ import annotations

from collections.abc import Mapping

from bot.orders.steps import (
    COMMENTS,
    LINK,
    MAX_PER_POST,
    MIN_PER_POST,
    QUANTITY,
    RUNS,
    SKIPPED,
    USERNAMES_COUNTED,
    Answer,
    OrderType,
    Step,
)
from bot.panel import Service
from bot.shopapi.words import (
    ANSWER_REQUIRED,
    BAD_LINK,
    INCORRECT_REQUEST,
    QUANTITY_HIGH,
    QUANTITY_LOW,
    Refusal,
)
from bot.validation import quantity_problem

# Steps whose answer is a number within the service's min and max.
_BOUNDED = frozenset({QUANTITY.name, MIN_PER_POST.name, MAX_PER_POST.name})
# List steps whose number of lines is the quantity, within the service's min and max.
_COUNTED = frozenset({COMMENTS, USERNAMES_COUNTED})


def read_answers(kind: OrderType, service: Service, form: Mapping[str, str]) -> dict[str, Answer]:
    """The answers the fields give, step by step as the chat asks them (a step that depends
    on an earlier one, the interval on the runs, is judged with what came before it); the
    first refused field raises its `Refusal`."""
    if not service.dripfeed and form.get(RUNS.panel_field, "").strip() not in ("", "1"):
        # Drip-feed asked of a service without it: placing it all at once is not what the
        # client asked for.
        raise Refusal(INCORRECT_REQUEST)
    answers: dict[str, Answer] = {}
    for step in kind.steps:
        if not step.applies(service, answers):
            continue
        text = form.get(step.panel_field, "")
        if step.optional and (not text.strip() or (step is RUNS and text.strip() == "1")):
            answers[step.name] = SKIPPED  # one run: all at once, as the chat's Skip
            continue
        value = step.accept(text, service, answers) if text.strip() else None
        if value is None:
            raise Refusal(_why(step, text, service))
        answers[step.name] = value
    return answers


def _why(step: Step, text: str, service: Service) -> str:
    if step is LINK:
        return BAD_LINK
    if step.panel_field == "answer_number" and not text.strip():
        return ANSWER_REQUIRED
    if step.name in _BOUNDED:
        problem = quantity_problem(text, service.min, service.max)
    elif step in _COUNTED:
        lines = sum(1 for line in text.replace("\r", "\n").split("\n") if line.strip())
        problem = "low" if lines < service.min else "high" if lines > service.max else ""
    else:
        problem = ""
    return {"low": QUANTITY_LOW, "high": QUANTITY_HIGH}.get(problem, INCORRECT_REQUEST)
