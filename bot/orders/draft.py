"""The order a customer is putting together: what they chose and typed so far.

It lives in the conversation's FSM data (SQLite), so a customer halfway through continues
after a restart, and it is kept when they go Back: what was typed is offered again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any

from bot.orders.steps import STEP_NAMES, Answer


@dataclass
class Draft:
    prompt_id: int | None = None  # the message whose buttons are live
    categories_page: int = 0
    category: int = 0
    services_page: int = 0
    service_id: int | None = None
    answers: dict[str, Answer] = field(default_factory=dict)  # by step name
    token: str | None = None  # the Confirm button's one-time token
    charge: str | None = None  # the quoted charge, exactly as shown
    search: str | None = None  # the words last searched for
    topup: int | None = None  # units (stars) asked for by this summary's Top up (one per summary)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Draft:
        names = {f.name for f in fields(cls)}
        draft = cls(**{key: value for key, value in data.items() if key in names})
        # Drafts saved before answers were kept by step name had one key per answer.
        for name in STEP_NAMES & data.keys():
            if data[name] is not None:
                draft.answers.setdefault(name, data[name])
        return draft

    def to_data(self) -> dict[str, Any]:
        return asdict(self)
