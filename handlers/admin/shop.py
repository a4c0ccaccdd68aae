"""Admin commands about the shop as a whole: `/balance` with the panel's, `/stats`, `/refresh`.

One `IsAdmin` filter on the router: for anyone else `/stats` and `/refresh` fall through to
the fallback (the unknown-command hint) and `/balance` to the customer's own balance.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message, User

from bot.balance import balance_text
from bot.catalogue import Catalogue
from bot.catalogue.changes import change_args
from bot.i18n import Texts
from bot.money import Amounts, display_panel
from bot.panel import PanelClient, PanelFailure
from bot.settings import Settings
from bot.storage import LedgerRepo, Period, StatsRepo, UsersRepo
from bot.storage.stats import since_days, since_today


async def admin_balance(
    message: Message,
    event_from_user: User,
    users: UsersRepo,
    ledger: LedgerRepo,
    panel: PanelClient,
    amounts: Amounts,
    settings: Settings,
    t: Texts,
) -> None:
    lines = [await balance_text(event_from_user, users, amounts, settings, t)]
    owed = await ledger.total_balances()
    lines.append(t("admin-owed", owed=amounts(owed)))
    try:
        panel_balance = await panel.balance()
    except PanelFailure as error:
        lines.append(t("admin-panel-balance-failed", error=str(error)))
    else:
        amount = display_panel(panel_balance.amount, panel_balance.currency)
        lines.append(t("admin-panel-balance", balance=amount))
        if panel_balance.amount < owed:
            short = display_panel(owed - panel_balance.amount, panel_balance.currency)
            lines.append(t("admin-panel-short", short=short))
    await message.answer("\n".join(lines))


def period_text(name: str, period: Period, amount: Amounts, t: Texts) -> str:
    statuses = ", ".join(f"{status} {count}" for status, count in period.orders_by_status.items())
    return t(
        "admin-stats-period",
        period=t(name),
        orders=period.orders,
        statuses=statuses or "—",
        revenue=amount(period.revenue),
        cost=amount(period.cost),
        profit=amount(period.profit),
    )


async def stats(message: Message, stats: StatsRepo, amounts: Amounts, t: Texts) -> None:
    now = datetime.now(UTC)
    periods = [
        ("admin-stats-today", since_today(now)),
        ("admin-stats-week", since_days(now, 7)),
        ("admin-stats-all", None),
    ]
    lines = [t("admin-stats", customers=await stats.customers())]
    for name, since in periods:
        lines.append(period_text(name, await stats.period(since), amounts, t))
    await message.answer("\n\n".join(lines))


async def refresh(message: Message, catalogue: Catalogue, t: Texts) -> None:
    try:
        snapshot, changes = await catalogue.reload()
    except PanelFailure as error:
        await message.answer(t("admin-refresh-failed", error=str(error)))
        return
    text = t(
        "admin-refreshed",
        services=len(snapshot.services),
        categories=len(snapshot.categories),
        version=snapshot.version,
    )
    if changes:
        text += "\n\n" + t("shop-changes", **change_args(changes))
    await message.answer(text)


def create_router() -> Router:
    router = Router(name="admin-shop")
    router.message.register(admin_balance, Command("balance"))
    router.message.register(stats, Command("stats"))
    router.message.register(refresh, Command("refresh"))
    return router
