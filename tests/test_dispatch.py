"""How updates are dispatched: nothing an update is checked against goes to a thread pool."""

from __future__ import annotations

from aiogram import Dispatcher

from bot.telegram.filters import _filter_objects


def test_every_filter_runs_on_the_loop(dp: Dispatcher) -> None:
    """aiogram runs a sync filter in a thread pool; the magic and state filters of every
    router were made to run on the loop (`run_magic_filters_inline`). Whether they still
    filter is what every handler test checks."""
    checked = list(_filter_objects(dp))
    assert len(checked) > 10  # the routers do filter
    assert [f.callback for f in checked if not f.awaitable] == []
