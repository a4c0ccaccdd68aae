"""Which panels placement skips: counted failures in a window, a pause, a trial, a success."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.panel.health import FAILURES, SKIP_FOR, WINDOW, Change, PanelHealth


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 6, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def pass_(self, delta: timedelta) -> None:
        self.now += delta


def test_failures_in_a_window_skip_the_panel_until_the_pause_ends() -> None:
    clock = Clock()
    health = PanelHealth(clock)
    changes = [health.failed("cheap") for _ in range(FAILURES)]
    assert changes == [Change.NONE] * (FAILURES - 1) + [Change.SKIPPED]
    assert health.skipped_until("cheap") == clock.now + SKIP_FOR
    assert health.skipped_until("main") is None  # one panel's trouble is its own
    clock.pass_(SKIP_FOR)
    assert health.skipped_until("cheap") is None  # tried again


def test_failures_spread_wider_than_the_window_never_skip() -> None:
    clock = Clock()
    health = PanelHealth(clock)
    for _ in range(FAILURES * 3):
        assert health.failed("cheap") is Change.NONE
        clock.pass_(WINDOW / (FAILURES - 1))
    assert health.skipped_until("cheap") is None


def test_a_failed_trial_skips_again_without_telling_admins_twice() -> None:
    clock = Clock()
    health = PanelHealth(clock)
    for _ in range(FAILURES):
        health.failed("cheap")
    clock.pass_(SKIP_FOR)
    assert health.failed("cheap") is Change.NONE  # its one trial failed
    assert health.skipped_until("cheap") == clock.now + SKIP_FOR
    clock.pass_(SKIP_FOR)
    assert health.succeeded("cheap") is Change.BACK  # admins hear it works again, once
    assert health.skipped_until("cheap") is None
    assert health.succeeded("cheap") is Change.NONE
    # a new run of failures is news again
    assert [health.failed("cheap") for _ in range(FAILURES)][-1] is Change.SKIPPED


def test_a_success_clears_the_count() -> None:
    health = PanelHealth(Clock())
    for _ in range(FAILURES - 1):
        health.failed("cheap")
    assert health.succeeded("cheap") is Change.NONE  # admins never heard of it
    for _ in range(FAILURES - 1):
        assert health.failed("cheap") is Change.NONE
    assert health.skipped_until("cheap") is None


def test_refusals_of_the_last_hour_are_counted_per_panel() -> None:
    clock = Clock()
    health = PanelHealth(clock)
    health.refused("cheap")
    clock.pass_(timedelta(minutes=30))
    health.refused("cheap")
    assert (health.refusals("cheap"), health.refusals("main")) == (2, 0)
    clock.pass_(timedelta(minutes=31))
    assert health.refusals("cheap") == 1
