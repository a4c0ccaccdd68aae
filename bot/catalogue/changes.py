"""What a catalogue refresh changed, told to admins: in `/refresh`'s answer, or as an alert
when a customer's browsing happened to refresh it."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from aiogram import Bot

from bot.i18n import Arg, Texts
from bot.money import display_panel
from bot.notify.alerts import Alerts
from bot.storage import Changes

# The list is cut to stay far from 4096 characters.
MAX_LINES = 30


def change_args(changes: Changes, t: Texts) -> dict[str, Arg]:
    """The arguments of `shop-changes`: counts, and one line per change (rates written in
    the reader's language)."""
    # Only the lines shown are written: a panel that re-priced all its 10,000 services
    # would otherwise hold the event loop for ~200 ms per admin language.
    lines = list(islice(_lines(changes, t), MAX_LINES + 1))
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], "…"]
    return {
        "added": len(changes.added),
        "removed": len(changes.removed),
        "repriced": len(changes.repriced),
        "below": sum(r.below_price for r in changes.repriced),
        "list": "\n".join(lines),
    }


def _lines(changes: Changes, t: Texts) -> Iterator[str]:
    for service in changes.added:
        yield f"+ #{service.id} {service.name}"
    for service_id in changes.removed:
        yield f"− #{service_id}"  # noqa: RUF001  # a minus sign
    for repriced in changes.repriced:
        old = t.write(display_panel(repriced.old_rate))
        new = t.write(display_panel(repriced.service.rate))
        warning = "⚠️ " if repriced.below_price else ""
        yield f"{warning}#{repriced.service.id} {repriced.service.name}: {old} → {new}"


async def report_changes(bot: Bot, alerts: Alerts, changes: Changes) -> None:
    await alerts.send_composed(
        bot, "shop-changes", lambda t: t("shop-changes", **change_args(changes, t))
    )
