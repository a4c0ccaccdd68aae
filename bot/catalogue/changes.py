"""What a catalogue refresh changed, told to admins: in `/refresh`'s answer, or as an alert
when a customer's browsing happened to refresh it."""

from __future__ import annotations

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
    lines = [f"+ #{s.id} {s.name}" for s in changes.added]
    lines += [f"− #{service_id}" for service_id in changes.removed]  # noqa: RUF001  # minus
    for repriced in changes.repriced:
        old = t.write(display_panel(repriced.old_rate))
        new = t.write(display_panel(repriced.service.rate))
        warning = "⚠️ " if repriced.below_price else ""
        lines.append(f"{warning}#{repriced.service.id} {repriced.service.name}: {old} → {new}")
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], "…"]
    return {
        "added": len(changes.added),
        "removed": len(changes.removed),
        "repriced": len(changes.repriced),
        "below": sum(r.below_price for r in changes.repriced),
        "list": "\n".join(lines),
    }


async def report_changes(bot: Bot, alerts: Alerts, changes: Changes) -> None:
    await alerts.send_composed(
        bot, "shop-changes", lambda t: t("shop-changes", **change_args(changes, t))
    )
