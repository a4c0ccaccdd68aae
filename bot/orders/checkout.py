"""The checkout: the one door through which an order is placed.

quote → price check → balance check → charge and record → place → outcome. The chat's
Confirm, the return after a top-up, mass order and the Mini App come through here, and so
will any caller that is not Telegram (an HTTP API, a fallback panel): the inputs are plain
(who, the quote, the charge the customer saw, the one-time token), the answer is a `Result`
saying what happened. A caller prices the service and answers with `quote` (None: the type
is not sold or an answer is missing), shows the charge with a token of its own (`Funds`
says whether the balance pays it), and on Confirm calls `Checkout.confirm`. How the customer
is told stays with each caller; the only messages sent from here are the placement's own
(`tell`) and the admins' alerts (`bot` is for those alone).

The one-time token is UNIQUE in the database: a second tap, a replayed request or two taps at
once place one order; the charge the customer saw must be what the order costs now, or
nothing is charged.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from aiogram import Bot

from bot.orders.placement import Placement, Placer, Tell
from bot.orders.prices import Prices
from bot.orders.quote import Quote
from bot.orders.steps import Answers
from bot.panel import Service
from bot.storage import VIA_BOT, InsufficientFunds, Order, OrdersRepo, TokenUsed, UsersRepo


class Verdict(StrEnum):
    PLACED = "placed"  # the panel took it
    REFUSED = "refused"  # the panel certainly did not: refunded
    UNKNOWN = "unknown"  # no clear answer: the money is held until an admin settles it
    PRICE_CHANGED = "price_changed"  # the quote is not what the customer saw: nothing charged
    SHORT = "short"  # the balance does not cover it (`Result.missing`): nothing charged
    ALREADY_PLACED = "already_placed"  # this token placed `Result.order` before
    EXPIRED = "expired"  # the token is not this customer's to use


@dataclass(frozen=True)
class Result:
    verdict: Verdict
    # Placed, refused, unknown: the order as it ended; already placed: the earlier one.
    order: Order | None = None
    missing: Decimal = Decimal(0)  # short: what the balance lacks
    placement: Placement | None = None  # placed, refused, unknown: what the panel said

    @property
    def charged(self) -> bool:
        """Whether this call charged the customer (and the money stays charged or held)."""
        return self.verdict in (Verdict.PLACED, Verdict.UNKNOWN)


@dataclass(frozen=True)
class Funds:
    """A balance against a charge: the one rule of whether a balance can pay."""

    balance: Decimal
    charge: Decimal

    @property
    def missing(self) -> Decimal:
        return max(self.charge - self.balance, Decimal(0))

    @property
    def enough(self) -> bool:
        return self.missing == 0

    @property
    def after(self) -> Decimal:
        """The balance once the charge is paid (negative when it cannot be)."""
        return self.balance - self.charge


def quote(prices: Prices, service: Service, answers: Answers, locale: str) -> Quote | None:
    """What these answers cost at the customer's `prices` (`Pricer.prices`: the catalogue's,
    less their discount), the way every caller prices an order (a summary, the return after
    a top-up, a mass order's line, the Mini App, Confirm), under the service's name in the
    customer's `locale`. Priced again at Confirm, a discount changed since the summary makes
    the charge differ, and nothing is charged.
    None if the service's type is not sold or an answer it needs is missing."""
    return Quote.make(prices, service, answers, locale)


def price_changed(charge: Decimal, seen: str | None) -> bool:
    """Whether `charge` is not the charge the customer saw (as written when they saw it)."""
    return str(charge) != seen


# Called once the order is charged and recorded, before the panel is asked.
Charged = Callable[[Order], Awaitable[None]]


class Checkout:
    def __init__(self, *, users: UsersRepo, orders: OrdersRepo, placer: Placer) -> None:
        self._users = users
        self._orders = orders
        self._placer = placer

    async def balance(self, user_id: int) -> Decimal:
        return (await self._users.ensure(user_id)).balance

    async def funds(self, user_id: int, charge: Decimal) -> Funds:
        return Funds(await self.balance(user_id), charge)

    async def placed_with(self, token: str, user_id: int) -> Order | None:
        """The order `token` placed for this customer, if it placed one."""
        earlier = await self._earlier(token, user_id)
        return None if earlier is None else earlier.order

    async def confirm(
        self,
        bot: Bot,
        user_id: int,
        quoted: Quote,
        seen: str | None,
        token: str,
        *,
        tell: Tell,
        charged: Charged | None = None,
        via: str = VIA_BOT,
    ) -> Result:
        """Place `quoted` for `user_id` if it still costs `seen` and the balance pays it.

        `quoted` is the order priced now (`quote`); `tell` shows the customer how the
        placement went (the panel's answer); `charged` runs between the charge and the
        panel's call (say "placing", end a conversation); `via` where it was placed."""
        if (earlier := await self._earlier(token, user_id)) is not None:
            return earlier
        if price_changed(quoted.charge, seen):
            return Result(Verdict.PRICE_CHANGED)
        funds = await self.funds(user_id, quoted.charge)
        if not funds.enough:
            return Result(Verdict.SHORT, missing=funds.missing)
        try:
            order = await self._orders.create_and_charge(quoted.new_order(user_id, token, via))
        except TokenUsed:  # a concurrent call with the same token won
            return await self._earlier(token, user_id) or Result(Verdict.EXPIRED)
        except InsufficientFunds as short:  # the balance moved since it was read
            return Result(Verdict.SHORT, missing=short.missing)
        if charged is not None:
            await charged(order)
        placement = await self._placer.place(bot, order, tell)
        return Result(Verdict(placement.outcome.value), placement.order, placement=placement)

    async def _earlier(self, token: str, user_id: int) -> Result | None:
        """Already placed, if `token` placed an order; expired, if someone else's did."""
        earlier = await self._orders.by_token(token)
        if earlier is None:
            return None
        if earlier.user_id != user_id:
            return Result(Verdict.EXPIRED)
        return Result(Verdict.ALREADY_PLACED, earlier)
