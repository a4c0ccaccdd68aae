"""Placing a confirmed order with the panel, and everything that follows from the answer.

The order is already charged and stored as `placing` (one transaction, before this runs).
`add` is called once and never retried: the panel has no idempotency key. What happens
next depends on whether the panel can have acted:
- an `{"error": ...}` answer, or a request that never left: refund, `failed`;
- no clear answer after the request left: `unknown`, money held until an admin settles it.
`Placer.place` then tells the customer, alerts the admins where a person must act, and keeps
the panel watch's books (a refusal that stops the shop is told once; an order that went
through ends it).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from aiogram import Bot

from bot.formats import Money
from bot.i18n import Arg
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.panel_watch import PanelBalanceWatch
from bot.orders.refunds import post_refund
from bot.panel import (
    AnswerNumberRequired,
    BadLink,
    IncorrectRequest,
    IncorrectServiceId,
    InvalidApiKey,
    NotEnoughFunds,
    PanelError,
    PanelTransportError,
    QuantityLessThanMinimum,
    QuantityMoreThanMaximum,
)
from bot.panel.panels import Panels, UnknownPanel
from bot.storage import Database, Order, OrdersRepo, PanelIdTaken, UsersRepo

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
# Refusals that mean the shop itself is broken or broke: the admins must act.
SHOP_PROBLEMS = (InvalidApiKey, IncorrectRequest, NotEnoughFunds)


@dataclass(frozen=True)
class Placement:
    outcome: Outcome
    order: Order
    message: str  # the customer's message key
    error: str = ""  # what went wrong, in the panel's or the client's words (for admins)
    shop_problem: bool = False


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
    ) -> None:
        self._db = db
        self._panels = panels
        self._orders = orders
        self._users = users
        self._alerts = alerts
        self._panel_watch = panel_watch
        self._amounts = amounts

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
        elif placement.shop_problem:
            await self._panel_watch.refused(bot, order.id, placement.error, order.panel)
        elif placement.outcome is Outcome.PLACED:
            await self._panel_watch.went_through(order.panel)
        return placement

    async def _place(self, order: Order) -> Placement:
        try:
            panel = self._panels.of(order).client
            panel_order_id = await panel.add_fields(order.service_on_panel, order.panel_fields)
        except PanelError as error:
            failed = await self._fail(order.id, error.text)
            log.info("order %s refused by the panel: %s", order.id, error.text)
            return Placement(
                Outcome.REFUSED,
                failed,
                REFUSAL_MESSAGES.get(type(error), "order-failed-other"),
                error.text,
                shop_problem=isinstance(error, SHOP_PROBLEMS),
            )
        except UnknownPanel as error:
            # Its panel left the settings between the quote and now: nothing was sent.
            failed = await self._fail(order.id, f"panel {error} is not in the settings")
            return Placement(Outcome.REFUSED, failed, "order-failed-service", str(failed.error))
        except PanelTransportError as error:
            if not error.request_sent:
                failed = await self._fail(order.id, str(error))
                log.warning("order %s not sent to the panel: %s", order.id, error)
                return Placement(Outcome.REFUSED, failed, "order-failed-unreachable", str(error))
            return await self._unknown(order, str(error))
        except Exception as error:
            # A bug must not leave the customer without an answer or the order `placing`.
            log.exception("order %s: unexpected failure while placing", order.id)
            return await self._unknown(order, f"{type(error).__name__}: {error}")
        try:
            placed = await self._orders.mark_placed(order.id, panel_order_id)
        except PanelIdTaken:
            # The panel answered with a number another order already has: something is off.
            return await self._unknown(order, f"panel order id {panel_order_id} is taken")
        except Exception as error:
            # The panel has it (order N) but it was not recorded: an admin must attach it.
            log.exception("order %s: panel order %s not recorded", order.id, panel_order_id)
            problem = f"placed as panel order {panel_order_id}, not recorded: {error}"
            return await self._unknown(order, problem)
        log.info("order %s placed as panel order %s", order.id, panel_order_id)
        return Placement(Outcome.PLACED, placed, "order-placed")

    async def _fail(self, order_id: int, error: str) -> Order:
        """The panel certainly did not place it: failed, and the whole charge back."""
        async with self._db.transaction() as tx:
            failed = await self._orders.mark_failed(tx, order_id, error)
            return await post_refund(tx, failed, self._amounts.decimals)

    async def _unknown(self, order: Order, error: str) -> Placement:
        log.warning("order %s: outcome unknown: %s", order.id, error)
        held = await self._orders.mark_unknown(order.id, error)
        return Placement(Outcome.UNKNOWN, held, "order-unknown", error)


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
