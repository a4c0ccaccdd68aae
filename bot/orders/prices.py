"""What each customer pays: the catalogue's curated prices less the customer's discount.

`Pricer.prices(user_id, snapshot)` is the one place a customer's prices come from, and
`Prices` the one place a price is worked out from them: the chat's lists, cards and
summaries, mass orders, the Mini App, inline results and the shop's own API all ask it, and
every charge is a `Prices.charge`, so what a customer is shown is what they pay. Callers
that speak for the shop rather than a customer (an admin's `/price`) use `Prices` without
a discount.

A discount is a whole percent, 1 to `MAX_DISCOUNT`, off the exact price: the charge is
rounded up once, after it, like every charge. Whole percents: discounts are given as 5, 10
or 15 %, and a whole number reads the same in every language, also in a queued notice.
An order keeps the discount it got (`NewOrder.discount`, `full_charge`); a discount changed
between a summary and its Confirm changes the charge, which the checkout's price-changed
rule refuses, so nobody pays what they were not shown.

The customer is told when an admin sets, changes or ends their discount: their prices move
either way, and prices that drop or rise without a word look like a mistake.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from decimal import Decimal

from bot.catalogue import Snapshot
from bot.money import order_charge
from bot.notify.news import News
from bot.panel import Service
from bot.storage import UsersRepo, set_discount
from bot.validation import parse_whole_number

log = logging.getLogger(__name__)

MAX_DISCOUNT = 90  # the schema's CHECK says the same


@dataclass(frozen=True)
class Prices:
    """One customer's prices in one catalogue (`snapshot.pricing`, less `discount`)."""

    snapshot: Snapshot
    decimals: int
    discount: int = 0  # whole percent off

    def charge(self, service: Service, units: int) -> Decimal:
        """What `units` of the service cost this customer (per 1000; a package's units are
        1000, its price)."""
        pricing = self.snapshot.pricing[service.id]
        return order_charge(pricing.base, pricing.markup, units, self.decimals, self.discount)

    def per_1000(self, service: Service) -> Decimal:
        """The price per 1000 this customer is shown (a package: its price)."""
        return self.charge(service, 1000)

    @property
    def full(self) -> Prices:
        """The same prices without the discount: what an order would have cost."""
        return replace(self, discount=0)


def parse_discount(text: str | None) -> int | None:
    """A discount as an admin types it: a whole percent, `%` allowed ("10", "10%"); None if
    it is not one. Past `MAX_DISCOUNT` it is returned, for the caller to say so."""
    return parse_whole_number((text or "").strip().removesuffix("%"))


class Pricer:
    """Customers' prices and discounts: in the dispatcher's data as `pricer`."""

    def __init__(self, *, users: UsersRepo, news: News, decimals: int) -> None:
        self._users = users
        self._news = news
        self._decimals = decimals

    async def prices(self, user_id: int, snapshot: Snapshot) -> Prices:
        """This customer's prices in `snapshot`, with the discount in force now."""
        return Prices(snapshot, self._decimals, await self.discount(user_id))

    async def discount(self, user_id: int) -> int:
        """This customer's discount now, in whole percent (0: none)."""
        return await self._users.discount(user_id)

    async def set_discount(self, user_id: int, percent: int, *, admin_id: int) -> int:
        """Give an existing customer `percent` off (0: none) and queue their notice when it
        changed; the discount it replaces. Raises `UnknownUser`, having changed nothing."""
        if not 0 <= percent <= MAX_DISCOUNT:
            raise ValueError(f"a discount is 0 to {MAX_DISCOUNT} percent")
        async with self._news.transaction() as work:
            before = await set_discount(work.tx, user_id, percent)
            if percent != before:
                key = "discount-notice" if percent else "discount-ended-notice"
                await work.tell(user_id, key, {"discount": percent})
        log.info("admin %s: user %s's discount %s%% (was %s%%)", admin_id, user_id, percent, before)
        return before
