"""Which panels placement skips for a while because they keep failing.

A panel that fails `FAILURES` times within `WINDOW` (a refusal that means the panel cannot
take any order: a wrong key, no funds, a request it calls malformed; or a transport
failure: unreachable, a timeout, a 5xx, an HTML page) is skipped for new orders for
`SKIP_FOR`: placement goes straight to the service's fallbacks (a service without any
still tries it: refusing without asking would be worse). Refusals that are about one order
(a bad link, a quantity, a service gone) say nothing about the panel and are not counted.

When `SKIP_FOR` has passed the panel is tried again: one success clears everything, one
more failure skips it again at once (it had its chance). Admins hear once when a panel
starts being skipped and once when it works again, not at every renewed skip.

Kept in memory only: after a restart every panel is tried afresh, which costs at most a few
failed calls, each one falling back as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import Enum

FAILURES = 3
WINDOW = timedelta(minutes=10)
SKIP_FOR = timedelta(minutes=15)
# How far back `refusals` counts (what `/panels` shows): every refusal, of any kind.
REFUSALS_KEPT = timedelta(hours=1)


class Change(Enum):
    """What a report changed that admins hear about."""

    NONE = "none"
    SKIPPED = "skipped"  # newly skipped (admins hear of it)
    BACK = "back"  # it works again after admins heard it was skipped


@dataclass
class _State:
    failures: list[datetime] = field(default_factory=list)
    skipped_until: datetime | None = None
    announced: bool = False


def _now() -> datetime:
    return datetime.now(UTC)


class PanelHealth:
    def __init__(self, clock: Callable[[], datetime] = _now) -> None:
        self.clock = clock  # a test's own, to move time on
        self._states: dict[str, _State] = {}
        self._refusals: dict[str, list[datetime]] = {}

    def refused(self, panel: str) -> None:
        """The panel refused an order (any reason; counted by `refusals`, not for skipping)."""
        now = self.clock()
        kept = [at for at in self._refusals.get(panel, []) if now - at < REFUSALS_KEPT]
        self._refusals[panel] = [*kept, now]

    def refusals(self, panel: str) -> int:
        """How many orders the panel refused in the last `REFUSALS_KEPT` (since the start)."""
        now = self.clock()
        return sum(now - at < REFUSALS_KEPT for at in self._refusals.get(panel, []))

    def skipped_until(self, panel: str) -> datetime | None:
        """When the panel is tried again, if it is skipped now."""
        state = self._states.get(panel)
        if state is None or state.skipped_until is None or self.clock() >= state.skipped_until:
            return None
        return state.skipped_until

    def failed(self, panel: str) -> Change:
        now = self.clock()
        state = self._states.setdefault(panel, _State())
        if state.skipped_until is not None:
            if now < state.skipped_until:  # a last-resort call to a skipped panel
                return Change.NONE
            state.skipped_until = now + SKIP_FOR  # its trial after the pause failed
            return Change.NONE
        state.failures = [at for at in state.failures if now - at < WINDOW] + [now]
        if len(state.failures) < FAILURES:
            return Change.NONE
        state.failures.clear()
        state.skipped_until = now + SKIP_FOR
        if state.announced:
            return Change.NONE
        state.announced = True
        return Change.SKIPPED

    def succeeded(self, panel: str) -> Change:
        state = self._states.pop(panel, None)
        return Change.BACK if state is not None and state.announced else Change.NONE
