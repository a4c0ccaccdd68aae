"""The order form of each service type, from the same table as the chat's conversation
(`bot.orders.steps`): what the page shows, and the server's check of what was typed.

The page only needs each step's shape; the rules stay in Python. What a step asks depends
on the service (its min and max, drip-feed) and on earlier answers (the interval only with
more than one run): rather than a second copy of those rules, each step is probed with
made-up services and the page is told the outcome.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import replace
from decimal import Decimal
from typing import Any

from bot.i18n import Texts
from bot.orders.steps import LIST_STEPS, ORDER_TYPES, SKIPPED, Answer, OrderType, Step
from bot.panel import Service

# A service no real one resembles: a question's values equal to its min and max are the
# service's bounds, any other values are the step's own.
_PROBE = Service(0, "probe", "Default", "probe", Decimal(1), 123_457, 987_653)
_TAG = re.compile(r"<[^>]+>")


def plain(text: str) -> str:
    """A chat message (HTML) as page text: tags dropped, entities read."""
    return html.unescape(_TAG.sub("", text))


def _when(step: Step) -> str | None:
    """When the step is asked: always (None), for drip-feed services, or after runs > 1."""
    plain_service, drip = replace(_PROBE, dripfeed=False), replace(_PROBE, dripfeed=True)
    if step.applies(plain_service, {}):
        return None
    if step.applies(drip, {}):
        return "dripfeed"
    return "runs" if step.applies(drip, {"runs": 2}) else "never"


def _field(step: Step) -> dict[str, Any]:
    _, values = step.question(_PROBE)
    shape: dict[str, Any] = {"name": step.name, "list": step.name in LIST_STEPS}
    if values.get("min") == _PROBE.min and values.get("max") == _PROBE.max:
        shape["bounds"] = "service"
    elif "max" in values:
        shape["max"] = values["max"]
    if step.optional:
        shape["optional"] = True
    if choices := step.choices(_PROBE):
        shape["choices"] = list(choices)
    if when := _when(step):
        shape["when"] = when
    return shape


def form_shapes() -> dict[str, dict[str, Any]]:
    """Per service type (lower case, as `type_named` matches): its fields in order, whether
    it is a package (the price is the whole order's)."""
    return {
        key: {"fields": [_field(step) for step in kind.steps], "package": kind.package}
        for key, kind in ORDER_TYPES.items()
    }


def check_answers(
    kind: OrderType, service: Service, typed: Mapping[str, object], t: Texts
) -> tuple[dict[str, Answer], dict[str, str]]:
    """The answers as the chat would accept them, and why each refused one was refused
    (in the customer's language), step by step: a step that depends on an earlier one
    (the interval on the runs) is judged with what was accepted before it."""
    answers: dict[str, Answer] = {}
    problems: dict[str, str] = {}
    for step in kind.steps:
        if not step.applies(service, answers):
            continue
        raw = typed.get(step.name)
        text = str(raw) if isinstance(raw, str | int) and not isinstance(raw, bool) else ""
        if step.optional and not text.strip():
            answers[step.name] = SKIPPED
            continue
        value = step.accept(text, service, answers)
        if value is None:
            key, values = step.why(text, service) if step.why else step.invalid(service)
            problems[step.name] = plain(t(key, **values))
            continue
        answers[step.name] = value
    return answers, problems


def answers_of(kind: OrderType, fields: Mapping[str, object]) -> dict[str, str]:
    """An order's `add` fields as the form's answers: what Order again fills in."""
    answers: dict[str, str] = {}
    for step in kind.steps:
        if step.panel_field in fields:
            answers[step.name] = str(fields[step.panel_field])
    return answers
