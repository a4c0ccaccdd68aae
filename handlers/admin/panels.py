"""`/panels` (admins): each panel the shop buys from, main one first: whether it answers,
its balance, its services in the catalogue, its open orders and the orders it refused in
the last hour. Every panel is asked for its balance at once, side by side."""

from __future__ import annotations

import asyncio

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import display_panel
from bot.panel import Balance, PanelFailure
from bot.panel.health import PanelHealth
from bot.panel.panels import NamedPanel, Panels
from bot.storage import OrdersRepo

# What "refused lately" counts back over, in seconds.
REFUSALS_WINDOW = 3600


async def panels_command(
    message: Message,
    panels: Panels,
    catalogue: Catalogue,
    orders: OrdersRepo,
    health: PanelHealth,
    t: Texts,
) -> None:
    answers = await asyncio.gather(
        *(each.client.balance() for each in panels), return_exceptions=True
    )
    snapshot = catalogue.snapshot
    listed = [] if snapshot is None else list(snapshot.all_services.values())
    shown = set() if snapshot is None else set(snapshot.services)
    open_orders = await orders.open_by_panel()
    refused = await orders.failed_by_panel(REFUSALS_WINDOW)
    blocks = [t("admin-panels-title", count=len(panels))]
    for panel, answer in zip(panels, answers, strict=True):
        if isinstance(answer, BaseException) and not isinstance(answer, PanelFailure):
            raise answer  # a bug, not a panel that failed: the error handler reports it
        mine = [service.id for service in listed if service.panel == panel.key]
        lines = [
            _heading(panel, t),
            _reachable(answer, t),
            t(
                "admin-panels-counts",
                services=len(mine),
                shown=len(shown.intersection(mine)),
                open=open_orders.get(panel.key, 0),
                # A refusal a fallback made good leaves no failed order behind: placement's
                # own count has it (since the start), the orders' survives a restart.
                refused=max(refused.get(panel.key, 0), health.refusals(panel.name)),
            ),
        ]
        until = health.skipped_until(panel.name)
        if until is not None:
            lines.append(t("panels-skipped-until", until=until))
        blocks.append("\n".join(lines))
    await message.answer("\n\n".join(blocks))


def _heading(panel: NamedPanel, t: Texts) -> str:
    if panel.main:
        return t("admin-panels-main", name=panel.name)
    return t("admin-panels-other", name=panel.name, settings=f"PANEL{panel.slot}", rate=panel.rate)


def _reachable(answer: Balance | BaseException, t: Texts) -> str:
    if isinstance(answer, BaseException):
        return t("admin-panels-down", error=str(answer))
    return t("admin-panels-up", balance=display_panel(answer.amount, answer.currency))


def create_router() -> Router:
    router = Router(name="admin-panels")
    router.message.register(panels_command, Command("panels"))
    return router
