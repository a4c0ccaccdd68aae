"""Admin commands about the shop as a whole: `/balance` with the panel's, `/stats`,
`/refresh`, and `/help` with the admin commands.

One `IsAdmin` filter on the router: for anyone else `/stats` and `/refresh` fall through to
the fallback (the unknown-command hint), `/balance` and `/help` to the customer's own.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message, User

from bot.catalogue import Catalogue
from bot.catalogue.changes import change_args
from bot.desk.views import statuses_line
from bot.i18n import Html, Texts
from bot.money import Amounts, display_panel
from bot.orders.profit import Totals, by_panel, in_shop_money, top_services, totals
from bot.panel import PanelClient, PanelFailure
from bot.panel.panels import Panels
from bot.payments import Payments
from bot.settings import Settings
from bot.storage import LedgerRepo, StatsRepo, UsersRepo
from bot.storage.stats import MethodTopups, OrderFigures, since_days, since_today
from handlers.customer.start import commands_help

# How many stars the rate line shows a worked example for.
EXAMPLE_STARS = 100
TOP_SERVICES = 5


async def admin_balance(
    message: Message,
    event_from_user: User,
    users: UsersRepo,
    ledger: LedgerRepo,
    panel: PanelClient,
    amounts: Amounts,
    payments: Payments,
    t: Texts,
) -> None:
    # An admin's own balance, without the customer's "top up with /topup".
    own = (await users.ensure(event_from_user.id)).balance
    lines = [t("admin-own-balance", balance=amounts(own))]
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
    # What a top-up of that many stars would credit, rounded as it would be.
    stars = payments.stars
    lines.append(
        t(
            "admin-stars-rate",
            rate=stars.rate(amounts.currency()),
            stars=EXAMPLE_STARS,
            amount=amounts(stars.credit_for(EXAMPLE_STARS)),
        )
    )
    await message.answer("\n".join(lines))


def period_text(name: str, period: Totals, amounts: Amounts, t: Texts) -> str:
    text = t(
        "admin-stats-period",
        period=t(name),
        orders=period.orders,
        statuses=statuses_line(t, dict(period.orders_by_status.most_common())),
        revenue=amounts.figure(period.revenue),
        cost=amounts.figure(period.cost),
        profit=amounts.figure(period.profit),
    )
    # Revenue is already net of discounts; what they gave away is said only where it is.
    if period.discounts > 0:
        text += "\n" + t("admin-stats-discounts", discounts=amounts.figure(period.discounts))
    return text


def topups_text(paid: list[MethodTopups], amounts: Amounts, t: Texts) -> str:
    """The period's top-ups by method: how many, and their sum."""
    if not paid:
        return t("admin-stats-topups-none")
    methods = ", ".join(
        t(
            "admin-stats-topup-method",
            method=Html(t(f"topup-method-{each.method}")),
            count=each.count,
            sum=amounts(each.total),
        )
        for each in paid
    )
    return t("admin-stats-topups", methods=Html(methods))


def panels_text(figures: list[OrderFigures], panels: Panels, amounts: Amounts, t: Texts) -> str:
    """Cost and profit per panel, in the panels' order (one the settings lost comes last,
    by the name its orders keep)."""
    split = by_panel(figures)
    order = [panel.key for panel in panels] + sorted(split.keys() - {p.key for p in panels})
    lines = []
    for key in order:
        if key not in split:
            continue
        panel = panels.by_key(key)
        summed = split[key]
        lines.append(
            t(
                "admin-stats-panel",
                panel=key if panel is None else panel.name,
                orders=summed.orders,
                cost=amounts.figure(summed.cost),
                profit=amounts.figure(summed.profit),
            )
        )
    return "\n".join(lines)


async def stats(
    message: Message,
    stats: StatsRepo,
    amounts: Amounts,
    settings: Settings,
    panels: Panels,
    t: Texts,
) -> None:
    rates = {panel.key: panel.to_shop(Decimal(1)) for panel in panels}

    async def figures_since(since: str | None) -> list[OrderFigures]:
        return in_shop_money(await stats.figures(since), rates)

    now = datetime.now(UTC)
    month = since_days(now, 30)
    periods = [
        ("admin-stats-today", since_today(now, settings.zone)),
        ("admin-stats-week", since_days(now, 7)),
        ("admin-stats-month", month),
        ("admin-stats-all", None),
    ]
    blocks = [t("admin-stats", customers=await stats.customers())]
    for name, since in periods:
        figures = await figures_since(since)
        block = [period_text(name, totals(figures), amounts, t)]
        # With one panel the split would repeat the line above.
        if panels.several and figures:
            block.append(panels_text(figures, panels, amounts, t))
        block.append(topups_text(await stats.topups(since), amounts, t))
        blocks.append("\n".join(block))
    top = top_services(await figures_since(month), TOP_SERVICES)
    lines = [t("admin-stats-top")]
    lines += [
        t(
            "admin-stats-top-line",
            place=place,
            service=service.name,
            id=str(service.service_id),
            orders=service.orders,
            profit=amounts.figure(service.profit),
        )
        for place, service in enumerate(top, start=1)
    ] or [t("admin-stats-top-none")]
    blocks.append("\n".join(lines))
    await message.answer("\n\n".join(blocks))


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
    )
    if changes:
        text += "\n\n" + t("shop-changes", **change_args(changes, t))
    await message.answer(text)


async def admin_help(message: Message, settings: Settings, t: Texts) -> None:
    await message.answer(f"{commands_help(t, settings)}\n\n{t('admin-help')}")


def create_router() -> Router:
    router = Router(name="admin-shop")
    router.message.register(admin_balance, Command("balance"))
    router.message.register(stats, Command("stats"))
    router.message.register(refresh, Command("refresh"))
    router.message.register(admin_help, Command("help"))
    return router
