"""How long a service takes, as its card says: the average over the shop's own orders.

The average is the plain mean of the time from placement to completion of the service's
latest `SAMPLE` Completed orders (`OrdersRepo.completion_times`). Completion is when a
status sweep saw the order Completed, so each time is late by up to one sweep interval;
Partial and Canceled orders are left out: they say nothing about how long delivery takes.
Fewer than `FEWEST` such orders are too few to promise anything, and the card says nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from bot.i18n import Texts

SAMPLE = 10  # the latest completed orders averaged
FEWEST = 3  # completed orders needed before the card shows an average


def average(times: Sequence[timedelta]) -> timedelta | None:
    """The mean of `times`, or None when there are too few to say."""
    if len(times) < FEWEST:
        return None
    return sum(times, timedelta()) / len(times)


def about(t: Texts, duration: timedelta) -> str:
    """`duration` as a person says it: minutes under an hour, hours and minutes (to 5) under
    a day, days and hours beyond; never "0 min"."""
    minutes = max(1, round(duration.total_seconds() / 60))
    if minutes < 60:
        return t("duration-minutes", minutes=minutes)
    if minutes < 24 * 60:
        hours, rest = divmod(5 * round(minutes / 5), 60)
        if hours == 24:  # 23 h 58 min rounds up to a day
            return t("duration-days", days=1)
        if rest == 0:
            return t("duration-hours", hours=hours)
        return t("duration-hours-minutes", hours=hours, minutes=rest)
    days, hours = divmod(round(minutes / 60), 24)
    if hours == 0:
        return t("duration-days", days=days)
    return t("duration-days-hours", days=days, hours=hours)
