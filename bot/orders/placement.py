"""Placing a confirmed order with a panel, and everything that follows from the answer.

The order is already charged and stored as `placing` (one transaction, before this runs).
`add` is sent to the service's own panel, then to each of its fallbacks in turn
(`bot.orders.fallbacks`), each at most once and never retried: a panel has no idempotency
key. The next one is asked only after a definite refusal (an `{"error": ...}` answer, or a
request that never left); whatever else comes back decides for the order:
- a panel took it: it is that panel's order (recorded before `add` was sent there, so a
  crash mid-call leaves the right panel to look at), the charge as quoted;
- no clear answer after a request left: `unknown`, money held until an admin settles it,
  and no other panel is asked (the first may have it);
- every panel refused: refund, `failed`, the customer told why (the first refusal's reason).
A panel failing again and again is skipped for a while (`bot.panel.health`): placement goes
straight to the fallbacks, and a service without any still tries it.

`Placer.place` then tells the customer, alerts the admins where a person must act, and keeps
each panel's watch (a refusal that stops a panel is told once; an order that went through
ends it) and health.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from aiogram import Bot

from bot.catalogue import Catalogue, CatalogueUnavailable
from bot.formats import Money
from bot.i18n import Arg
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.panel_watch import PanelBalanceWatch
from bot.orders.costs import expected_cost
from bot.orders.fallbacks import Route, fallback_routes, own_route
from bot.orders.refunds import post_refund
from bot.panel import (
    AnswerNumberRequired,
    BadLink,
    IncorrectRequest,
    IncorrectServiceId,
    InvalidApiKey,
    NotEnoughFunds,
    PanelError,
    PanelFailure,
    PanelTransportError,
    QuantityLessThanMinimum,
    QuantityMoreThanMaximum,
    Service,
)
from bot.panel.health import FAILURES, WINDOW, Change, PanelHealth
from bot.panel.panels import NamedPanel, Panels, UnknownPanel
from bot.storage import Database, Order, OrdersRepo, PanelIdTaken, UsersRepo
from bot.storage.fallbacks import FallbacksRepo

log = logging.getLogger(__name__)


class Outcome(StrEnum):
    PLACED = "placed"
    REFUSED = "refused"  # refunded
    UNKNOWN = "unknown"  # money held


# What the customer is told when the panel refuses, by error; anything else: "other".
REFUSAL_MESSAGES: dict[type[PanelError], str] = {
    InvalidApiKey: "order-failed-shop",
    IncorrectRequest: "order-failed-shop",
    NotEnoughFunds: "order-failed-shop",
    IncorrectServiceId: "order-failed-service",
    BadLink: "order-failed-link",
    QuantityLessThanMinimum: "order-failed-quantity",
    QuantityMoreThanMaximum: "order-failed-quantity",
    AnswerNumberRequired: "order-failed-answer",
}
# Refusals that mean the shop itself is broken or broke at that panel: the admins must act.
SHOP_PROBLEMS = (InvalidApiKey, IncorrectRequest, NotEnoughFunds)
# The loss on an order a fallback took is reported once per order.
LOSS = "loss on a fallback"


@dataclass(frozen=True)
class Refusal:
    """A panel certainly did not place the order: it said no, or the request never left."""

    panel: str  # the panel's name
    key: str  # as orders keep it: '' the main panel
    error: PanelFailure

    @property
    def text(self) -> str:
        return self.error.text if isinstance(self.error, PanelError) else str(self.error)

    @property
    def message(self) -> str:
        """What the customer is told if no panel takes the order."""
        if isinstance(self.error, PanelError):
            return REFUSAL_MESSAGES.get(type(self.error), "order-failed-other")
        return "order-failed-unreachable"

    @property
    def shop_problem(self) -> bool:
        return isinstance(self.error, SHOP_PROBLEMS)

    @property
    def panel_trouble(self) -> bool:
        """Says the panel cannot take any order now (counted by `PanelHealth`), not just
        this one (a link, a quantity)."""
        return self.shop_problem or not isinstance(self.error, PanelError)


@dataclass(frozen=True)
class News:
    """Health news for the admins: a panel newly skipped (and why), or back in use."""

    panel: NamedPanel
    change: Change
    error: str = ""


@dataclass(frozen=True)
class Placement:
    outcome: Outcome
    order: Order
    message: str  # the customer's message key
    error: str = ""  # what went wrong, in the panel's or the client's words (for admins)
    refusals: tuple[Refusal, ...] = ()  # the panels that refused it, in order
    panel: NamedPanel | None = None  # the panel that took it, or left its outcome unknown
    by_fallback: bool = False  # taken by a fallback, not the service's own panel
    news: tuple[News, ...] = ()


# Shows the customer a message: its key and values.
Tell = Callable[[str, Mapping[str, Arg]], Awaitable[None]]


class Placer:
    def __init__(
        self,
        *,
        db: Database,
        panels: Panels,
        orders: OrdersRepo,
        users: UsersRepo,
        alerts: Alerts,
        panel_watch: PanelBalanceWatch,
        amounts: Amounts,
        fallbacks: FallbacksRepo | None = None,
        catalogue: Catalogue | None = None,
        health: PanelHealth | None = None,
    ) -> None:
        self._db = db
        self._panels = panels
        self._orders = orders
        self._users = users
        self._alerts = alerts
        self._panel_watch = panel_watch
        self._amounts = amounts
        self._fallbacks = fallbacks
        self._catalogue = catalogue
        self.health = health or PanelHealth()

    async def place(self, bot: Bot, order: Order, tell: Tell) -> Placement:
        """Place the charged order, tell the customer how it went (first: they are waiting),
        then do what the outcome asks of the shop."""
        placement = await self._place(order)
        order = placement.order
        values: dict[str, Arg] = {"charge": self._amounts(order.charge)}
        if placement.outcome is Outcome.PLACED:
            balance = (await self._users.ensure(order.user_id)).balance
            values |= {"number": str(order.id), "balance": self._amounts(balance)}
        await tell(placement.message, values)
        if placement.outcome is Outcome.UNKNOWN:
            details = order_details(order, self._amounts)
            await self._alerts.send(bot, "alert-order-unknown", error=placement.error, **details)
        went = placement.panel
        for refusal in placement.refusals:
            if refusal.shop_problem:  # each panel's own, told once
                went_to = went.name if went is not None and went.key != refusal.key else ""
                await self._panel_watch.refused(
                    bot, order.id, refusal.text, refusal.key, went_to=went_to
                )
        if placement.outcome is Outcome.PLACED and placement.panel is not None:
            await self._panel_watch.went_through(placement.panel.key)
            if placement.by_fallback:
                await self._report_loss(bot, placement.panel, order)
        await self._tell_health(bot, placement.news)
        return placement

    async def _routes(self, order: Order) -> tuple[list[Route], list[Refusal]]:
        """Where the order may go, in order (a skipped panel only if nothing else is left),
        and the refusal of an own panel the settings no longer have."""
        routes: list[Route] = []
        refusals: list[Refusal] = []
        try:
            routes.append(own_route(order, self._panels))
        except UnknownPanel as error:
            # Its panel left the settings between the quote and now: nothing was sent.
            gone = IncorrectServiceId(f"panel {error} is not in the settings")
            refusals.append(Refusal(order.panel, order.panel, gone))
        fallbacks = await self._fallbacks.of(order.service_id) if self._fallbacks else []
        if fallbacks and self._catalogue is not None:
            try:
                snapshot = await self._catalogue.cached()
            except CatalogueUnavailable:
                log.warning("order %s: no catalogue, so no fallbacks", order.id)
            else:
                routes += fallback_routes(order, fallbacks, self._panels, snapshot)
        ready = [r for r in routes if self.health.skipped_until(r.panel.name) is None]
        return (ready or routes), refusals

    async def _place(self, order: Order) -> Placement:
        routes, refused = await self._routes(order)
        news: list[News] = []
        for route in routes:
            if route.service is not None:  # a fallback: recorded before it is asked
                try:
                    order = await self._move(order, route, route.service)
                except Exception as error:
                    # Nothing went to it, but the order can't be recorded as its: an admin
                    # settles it (the panels before it refused).
                    log.exception("order %s: not moved to panel %s", order.id, route.panel.name)
                    problem = f"not moved to panel {route.panel.name}: {error}"
                    return _with(await self._unknown(order, route.panel, problem), refused, news)
            try:
                panel_order_id = await route.panel.client.add_fields(route.service_id, route.fields)
            except (PanelError, PanelTransportError) as error:
                if isinstance(error, PanelTransportError) and error.request_sent:
                    self._failed(route.panel, str(error), news)
                    placement = await self._unknown(order, route.panel, str(error))
                    return _with(placement, refused, news)
                refusal = Refusal(route.panel.name, route.panel.key, error)
                log.info("order %s refused by panel %s: %s", order.id, refusal.panel, refusal.text)
                refused.append(refusal)
                self.health.refused(route.panel.name)
                if refusal.panel_trouble:
                    self._failed(route.panel, refusal.text, news)
                continue
            except Exception as error:
                # A bug must not leave the customer without an answer or the order `placing`.
                log.exception("order %s: unexpected failure while placing", order.id)
                placement = await self._unknown(
                    order, route.panel, f"{type(error).__name__}: {error}"
                )
                return _with(placement, refused, news)
            if (change := self.health.succeeded(route.panel.name)) is not Change.NONE:
                news.append(News(route.panel, change))
            placement = await self._placed(order, route, panel_order_id)
            return _with(placement, refused, news)
        return _with(await self._refused(order, refused), refused, news)

    def _failed(self, panel: NamedPanel, error: str, news: list[News]) -> None:
        if (change := self.health.failed(panel.name)) is not Change.NONE:
            news.append(News(panel, change, error))

    async def _move(self, order: Order, route: Route, service: Service) -> Order:
        log.info("order %s goes to panel %s, service %s", order.id, route.panel.name, service.id)
        return await self._orders.move_to(
            order.id,
            panel=route.panel.key,
            panel_service_id=route.service_id,
            rate=service.panel_rate,
            can_cancel=order.can_cancel and service.cancel,
        )

    async def _placed(self, order: Order, route: Route, panel_order_id: str) -> Placement:
        try:
            placed = await self._orders.mark_placed(
                order.id,
                panel_order_id,
                panel=route.panel.key,
                panel_service_id=order.panel_service_id,
            )
        except PanelIdTaken:
            # The panel answered with a number another order already has: something is off.
            return await self._unknown(
                order, route.panel, f"panel order id {panel_order_id} is taken"
            )
        except Exception as error:
            # The panel has it (order N) but it was not recorded: an admin must attach it.
            log.exception("order %s: panel order %s not recorded", order.id, panel_order_id)
            problem = f"placed as panel order {panel_order_id}, not recorded: {error}"
            return await self._unknown(order, route.panel, problem)
        log.info(
            "order %s placed on panel %s as order %s", order.id, route.panel.name, panel_order_id
        )
        return Placement(
            Outcome.PLACED, placed, "order-placed", panel=route.panel, by_fallback=route.fallback
        )

    async def _refused(self, order: Order, refused: list[Refusal]) -> Placement:
        """No panel took it: failed, and the whole charge back; the customer hears the
        first panel's reason (their own service's, unless it was skipped)."""
        if len(refused) == 1:
            error = refused[0].text
        else:
            error = "; ".join(f"{refusal.panel}: {refusal.text}" for refusal in refused)
        async with self._db.transaction() as tx:
            failed = await self._orders.mark_failed(tx, order.id, error)
            failed = await post_refund(tx, failed, self._amounts.decimals)
        return Placement(Outcome.REFUSED, failed, refused[0].message, error)

    async def _unknown(self, order: Order, panel: NamedPanel, error: str) -> Placement:
        log.warning("order %s: outcome unknown at panel %s: %s", order.id, panel.name, error)
        held = await self._orders.mark_unknown(order.id, error)
        return Placement(Outcome.UNKNOWN, held, "order-unknown", error, panel=panel)

    async def _report_loss(self, bot: Bot, panel: NamedPanel, order: Order) -> None:
        """An order a fallback took for more than the customer paid: the admins hear once."""
        cost = panel.to_shop(expected_cost(order))
        if cost <= order.charge:
            return
        async with self._db.transaction() as tx:
            first = await self._orders.report_once(tx, order.id, LOSS)
        if first:
            await self._alerts.send(
                bot,
                "alert-order-loss",
                order=str(order.id),
                panel=panel.name,
                id=str(order.service_on_panel),
                cost=self._amounts(cost),
                charge=self._amounts(order.charge),
                service=str(order.service_id),
            )

    async def _tell_health(self, bot: Bot, news: tuple[News, ...]) -> None:
        for each in news:
            name = each.panel.name
            if each.change is Change.BACK:
                await self._alerts.send(bot, "alert-panel-back", panel=name)
                continue
            until = self.health.skipped_until(name)
            await self._alerts.send(
                bot,
                "alert-panel-skipped",
                panel=name,
                failures=FAILURES,
                minutes=int(WINDOW.total_seconds() // 60),
                error=each.error,
                until=until if until is not None else "",
            )


def _with(placement: Placement, refused: list[Refusal], news: list[News]) -> Placement:
    return replace(placement, refusals=tuple(refused), news=tuple(news))


def order_details(order: Order, money: Callable[[Decimal], Money]) -> dict[str, Arg]:
    """An order as admins are told about it, for alerts."""
    return {
        "order": str(order.id),
        "user": str(order.user_id),
        "service_id": order.service_for_admins,
        "service": order.service_name,
        "link": order.link,
        "quantity": order.quantity,
        "charge": money(order.charge),
    }
