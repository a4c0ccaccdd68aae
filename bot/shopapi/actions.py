"""The seed's actions for one customer (the key's owner), on the shop's own numbers.

`services` is the catalogue as the chat shows it to them, `add` places through the one
checkout (`bot.orders.checkout`), `cancel` and `refill` go through the code behind the
chat's Cancel and Refill buttons (`bot.orders.actions`), and every order or refill is looked
up with the customer's id: another customer's number reads as unknown, as in the chat.
`status` answers from what the shop knows (the sweep keeps it current): a reseller asking
about 100 orders costs the panel nothing.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from aiogram import Bot

from bot.catalogue import Catalogue, CatalogueUnavailable, Snapshot
from bot.i18n import Arg, pick_locale
from bot.notify.alerts import Alerts
from bot.notify.news import News
from bot.orders import checkout
from bot.orders.actions import cancel_refusal, refill_refusal, request_cancel, request_refill
from bot.orders.checkout import Checkout, Verdict
from bot.orders.prices import Pricer, Prices
from bot.orders.quote import Quote, new_token
from bot.orders.steps import order_type
from bot.panel import RefillStatus, Service, panel_error
from bot.panel.models import REFILL_COMPLETED, REFILL_PENDING, REFILL_REJECTED
from bot.panel.panels import Panels
from bot.panel.status import Status, row_of
from bot.settings import Settings
from bot.shopapi.answers import read_answers
from bot.shopapi.words import (
    ANSWER_REQUIRED,
    BAD_LINK,
    CANCEL_ALREADY,
    CANCEL_NOT_CONFIRMED,
    CANCEL_NOT_ELIGIBLE,
    INCORRECT_ORDER,
    INCORRECT_REQUEST,
    INCORRECT_SERVICE,
    INVALID_KEY,
    NO_FUNDS,
    QUANTITY_HIGH,
    QUANTITY_LOW,
    REFILL_ALREADY,
    REFILL_NOT_ELIGIBLE,
    REFILL_NOT_FOUND,
    UNAVAILABLE,
    Encoded,
    Refusal,
    figure,
)
from bot.storage import (
    VIA_API,
    ApiKeysRepo,
    Order,
    OrderProgress,
    OrdersRepo,
    Refill,
    RefillsRepo,
    RefillState,
    UsersRepo,
)

log = logging.getLogger(__name__)

# The seed's limit for `orders=`, `refills=`.
MAX_IDS = 100
# Digits in a number the shop could have issued (SQLite's integers are 64-bit).
_MAX_DIGITS = 18
Form = Mapping[str, str]
Action = Callable[[int, Form], Awaitable[Any]]

# The panel's refusals of `add` that are about the order (the client can fix it), said in
# the seed's words; any other (the shop's own panel key or balance) is the shop's problem.
_ORDER_REFUSALS = frozenset(
    {BAD_LINK, INCORRECT_SERVICE, QUANTITY_LOW, QUANTITY_HIGH, ANSWER_REQUIRED}
)
# What the chat's Cancel and Refill answers (message keys) are in the API's words.
_CANCEL_WORDS = {
    "order-cannot-cancel": CANCEL_NOT_ELIGIBLE,
    "order-cancel-not-allowed": CANCEL_NOT_ELIGIBLE,
    "order-cancel-refused": CANCEL_NOT_ELIGIBLE,
    "order-cancel-already": CANCEL_ALREADY,
    "order-cancel-unknown-order": CANCEL_NOT_ELIGIBLE,
    "order-cancel-no-answer": CANCEL_NOT_CONFIRMED,
}
_REFILL_WORDS = {
    "order-refill-not-offered": REFILL_NOT_ELIGIBLE,
    "order-refill-withdrawn": REFILL_NOT_ELIGIBLE,
    "order-refill-not-finished": REFILL_NOT_ELIGIBLE,
    "order-refill-refused": REFILL_NOT_ELIGIBLE,
    "order-refill-already": REFILL_ALREADY,
    "order-refill-checking": REFILL_ALREADY,
    "order-refill-not-sent": UNAVAILABLE,
}
# Refill answers that leave a refill the panel took (or may have taken): its number.
_REFILL_TAKEN = frozenset({"order-refill-accepted", "order-refill-checking"})


def number(text: str) -> int | None:
    """A number the shop issued (an order, a refill), from the client's text."""
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or len(text) > _MAX_DIGITS:
        return None
    return int(text)


def ids(text: str) -> list[str]:
    """`1,2,3`: up to 100 ids, as the client wrote them (answers are keyed by them)."""
    listed = list(dict.fromkeys(part.strip() for part in text.split(",") if part.strip()))
    if not listed or len(listed) > MAX_IDS:
        raise Refusal(INCORRECT_REQUEST)
    return listed


def shown_status(order: OrderProgress) -> str:
    """The order's status in the seed's words: the shop's own before the panel surely had
    it are Pending (charged, the money held), a failed one is Canceled (refunded)."""
    if order.status == Status.FAILED:
        return Status.CANCELED.value
    if order.status in (Status.PLACING, Status.UNKNOWN):
        return Status.PENDING.value
    return order.status


_STATUSES = frozenset(Status)


def _remains(order: OrderProgress) -> int:
    """What is left to deliver: as the panel said, else none of a finished order's and all
    of one not started."""
    if order.remains is not None:
        return order.remains
    if order.status in _STATUSES and row_of(Status(order.status)).in_full:
        return 0
    return order.quantity


def refill_shown(refill: Refill) -> str:
    """A refill's status in the panels' words (api-v2-service-types.md)."""
    if refill.status == RefillState.DONE:
        return REFILL_COMPLETED
    if refill.status in (RefillState.OPEN, RefillState.REJECTED) and refill.panel_status:
        return RefillStatus(refill.panel_status).status
    if refill.status in (RefillState.REJECTED, RefillState.FAILED):
        return REFILL_REJECTED
    return REFILL_PENDING


class ShopApi:
    def __init__(
        self,
        *,
        settings: Settings,
        catalogue: Catalogue,
        users: UsersRepo,
        orders: OrdersRepo,
        refills: RefillsRepo,
        checkout: Checkout,
        pricer: Pricer,
        panels: Panels,
        news: News,
        alerts: Alerts,
        keys: ApiKeysRepo,
    ) -> None:
        self._settings = settings
        self._catalogue = catalogue
        self._users = users
        self._orders = orders
        self._refills = refills
        self._checkout = checkout
        self._pricer = pricer
        self._panels = panels
        self._news = news
        self._alerts = alerts
        self._keys = keys
        # The bot admins' alerts go through: set where the routes are mounted.
        self.bot: Bot | None = None
        # `services` as answered, by catalogue version, language and discount (this
        # version's only): a shop gives a handful of distinct discounts.
        self._listed: dict[tuple[str, str, int], Encoded] = {}
        self._listing = asyncio.Lock()
        # Placements still talking to the panel: a client that hangs up does not cut them.
        self.placing: set[asyncio.Task[Any]] = set()
        self.actions: dict[str, Action] = {
            "services": self.services,
            "add": self.add,
            "status": self.status,
            "refill": self.refill,
            "refill_status": self.refill_status,
            "cancel": self.cancel,
            "balance": self.balance,
        }

    async def _locale(self, user_id: int) -> str:
        customer = await self._users.get(user_id)
        stored, told = (customer.language, customer.telegram_language) if customer else (None, None)
        return pick_locale(stored, told, self._settings.default_locale)

    async def _currency(self) -> str:
        """The panel's currency; a shop that has not learnt it yet asks for the catalogue
        once (its fetch learns it) rather than answer without one."""
        if not self._catalogue.currency:
            with contextlib.suppress(CatalogueUnavailable):
                await self._catalogue.current()
        return self._catalogue.currency

    async def _snapshot(self) -> Snapshot:
        try:
            return await self._catalogue.current()
        except CatalogueUnavailable:
            raise Refusal(UNAVAILABLE) from None

    # --- the catalogue and the balance ---------------------------------------------------

    async def services(self, user_id: int, form: Form) -> Encoded:
        """What the customer sees in the chat's catalogue, in the shop's order, named in
        their language, at their price per 1000 (their discount in it: `bot.orders.prices`).
        Encoded once per catalogue, language and discount,
        on a thread: 10,000 services take 0.2-0.6 s to list and encode (2 MB), which on the
        event loop would stall every customer, and a reseller's script may ask every minute."""
        snapshot = await self._snapshot()
        locale = await self._locale(user_id)
        prices = await self._pricer.prices(user_id, snapshot)
        kept = (snapshot.version, locale, prices.discount)
        async with self._listing:  # resellers asking at once: listed once
            if (encoded := self._listed.get(kept)) is None:
                encoded = await asyncio.to_thread(self._encoded, prices, locale)
                self._listed = {
                    key: value for key, value in self._listed.items() if key[0] == snapshot.version
                }
                self._listed[kept] = encoded
        return encoded

    def _encoded(self, prices: Prices, locale: str) -> Encoded:
        return Encoded(json.dumps(self._list(prices, locale)).encode())

    def _list(self, prices: Prices, locale: str) -> list[dict[str, Any]]:
        snapshot = prices.snapshot
        return [
            {
                "service": service.id,
                "name": snapshot.name(service, locale),
                "type": service.type,
                "category": snapshot.category_name(category, locale),
                "rate": figure(prices.per_1000(service)),
                "min": service.min,
                "max": service.max,
                "refill": service.refill,
                "cancel": service.cancel,
                "dripfeed": service.dripfeed,
            }
            for category in snapshot.categories
            for service in category.services
        ]

    async def balance(self, user_id: int, form: Form) -> dict[str, str]:
        return {
            "balance": figure(await self._checkout.balance(user_id)),
            "currency": await self._currency(),
        }

    # --- placing -------------------------------------------------------------------------

    async def add(self, user_id: int, form: Form) -> dict[str, int]:
        """One order through the checkout, charged as the chat would charge it; the shop's
        number, also when the panel's answer was lost (the order exists, the money held)."""
        snapshot = await self._snapshot()
        service_id = number(form.get("service", ""))
        if service_id is None:
            raise Refusal(INCORRECT_REQUEST if not form.get("service") else INCORRECT_SERVICE)
        service = snapshot.services.get(service_id)
        kind = None if service is None else order_type(service)
        if service is None or kind is None:
            raise Refusal(INCORRECT_SERVICE)
        answers = read_answers(kind, service, form)
        locale = await self._locale(user_id)
        prices = await self._pricer.prices(user_id, snapshot)
        quoted = checkout.quote(prices, service, answers, locale)
        if quoted is None:
            raise Refusal(INCORRECT_REQUEST)
        # The catalogue may have taken seconds to fetch: a key switched off or replaced
        # meanwhile stops the order here, before any charge.
        if not await self._keys.still_on(form.get("key", ""), user_id):
            raise Refusal(INVALID_KEY)
        # No Confirm tap: the charge is the one just quoted, the token used once.
        task = asyncio.ensure_future(self._place(user_id, quoted))
        self.placing.add(task)
        task.add_done_callback(self.placing.discard)
        return await asyncio.shield(task)

    async def _place(self, user_id: int, quoted: Quote) -> dict[str, int]:
        if self.bot is None:
            raise RuntimeError("the API's routes are not mounted")

        async def tell(key: str, values: Mapping[str, Arg]) -> None:
            """The client reads the outcome from the answer and from `status`."""

        result = await self._checkout.confirm(
            self.bot, user_id, quoted, str(quoted.charge), new_token(), tell=tell, via=VIA_API
        )
        if result.verdict is Verdict.SHORT:
            raise Refusal(NO_FUNDS)
        order = result.order
        if result.verdict in (Verdict.PLACED, Verdict.UNKNOWN) and order is not None:
            return {"order": order.id}
        if result.verdict is Verdict.REFUSED and result.placement is not None:
            refused = panel_error(result.placement.error).canonical
            log.info("api order %s refused by the panel (user %d)", order and order.id, user_id)
            # Refunded in full; the panel's words where they are about the order itself.
            raise Refusal(refused if refused in _ORDER_REFUSALS else UNAVAILABLE)
        raise Refusal(INCORRECT_REQUEST)

    # --- orders --------------------------------------------------------------------------

    def _order_view(self, order: OrderProgress, currency: str) -> dict[str, Any]:
        return {
            # What the customer paid in the end: the charge less what came back.
            "charge": figure(order.charge - order.refunded),
            "start_count": order.start_count or 0,
            "status": shown_status(order),
            "remains": _remains(order),
            "currency": currency,
        }

    async def status(self, user_id: int, form: Form) -> dict[str, Any]:
        currency = await self._currency()
        if "orders" in form:
            listed = {text: number(text) for text in ids(form["orders"])}
        elif "order" in form:
            listed = {form["order"]: number(form["order"])}
        else:
            raise Refusal(INCORRECT_REQUEST)
        found = await self._orders.progress_for_user(
            user_id, [n for n in listed.values() if n is not None]
        )
        views = {
            text: self._order_view(found[n], currency)
            if n is not None and n in found
            else {"error": INCORRECT_ORDER}
            for text, n in listed.items()
        }
        if "orders" in form:
            return views
        view = next(iter(views.values()))
        if "error" in view:
            raise Refusal(INCORRECT_ORDER)
        return view

    async def _own(self, user_id: int, text: str) -> Order:
        order_id = number(text)
        order = None if order_id is None else await self._orders.get_for_user(user_id, order_id)
        if order is None:
            raise Refusal(INCORRECT_ORDER)
        return order

    async def cancel(self, user_id: int, form: Form) -> Any:
        """`orders=1,2` → `[{"order": 1, "cancel": {"status": 1}}, ...]` (the seed's shape);
        older panels' `order=1` → `{"cancel": 1}`."""

        async def one(text: str) -> dict[str, int]:
            await self._cancel_one(user_id, text)
            return {"status": 1}

        if "orders" in form:
            return await _each(form["orders"], "order", "cancel", one)
        if "order" in form:
            await self._cancel_one(user_id, form["order"])
            return {"cancel": 1}
        raise Refusal(INCORRECT_REQUEST)

    async def _cancel_one(self, user_id: int, text: str) -> None:
        order = await self._own(user_id, text)
        if refusal := cancel_refusal(order):
            raise Refusal(_CANCEL_WORDS.get(refusal, CANCEL_NOT_ELIGIBLE))
        _, said = await request_cancel(order, self._panels, self._orders)
        if said != "order-cancel-accepted":
            raise Refusal(_CANCEL_WORDS.get(said, CANCEL_NOT_ELIGIBLE))

    async def refill(self, user_id: int, form: Form) -> Any:
        """`order=1` → `{"refill": "1"}`; `orders=1,2` → `[{"order": 1, "refill": 1},
        {"order": 2, "refill": {"error": ...}}]`: the shop's refill numbers."""

        async def one(text: str) -> int:
            return await self._refill_one(user_id, text)

        if "orders" in form:
            return await _each(form["orders"], "order", "refill", one)
        if "order" in form:
            return {"refill": str(await self._refill_one(user_id, form["order"]))}
        raise Refusal(INCORRECT_REQUEST)

    async def _refill_one(self, user_id: int, text: str) -> int:
        if self.bot is None:
            raise RuntimeError("the API's routes are not mounted")
        order = await self._own(user_id, text)
        latest = await self._refills.latest_for_order(order.id)
        snapshot = self._catalogue.snapshot
        listed: Service | None = (
            None if snapshot is None else snapshot.all_services.get(order.service_id)
        )
        if refusal := refill_refusal(order, latest, listed):
            raise Refusal(_REFILL_WORDS.get(refusal, REFILL_NOT_ELIGIBLE))
        said = await request_refill(
            self.bot, order, self._panels, self._refills, self._news, self._alerts
        )
        latest = await self._refills.latest_for_order(order.id)
        if said not in _REFILL_TAKEN or latest is None:
            raise Refusal(_REFILL_WORDS.get(said, REFILL_NOT_ELIGIBLE))
        return latest.id

    async def refill_status(self, user_id: int, form: Form) -> Any:
        """`refill=1` → `{"status": "Completed"}`; `refills=1,2` → `[{"refill": 1, "status":
        "Completed"}, {"refill": 2, "status": {"error": "Refill not found"}}]`."""

        async def one(text: str) -> str:
            return await self._refill_status_one(user_id, text)

        if "refills" in form:
            return await _each(form["refills"], "refill", "status", one)
        if "refill" in form:
            return {"status": await self._refill_status_one(user_id, form["refill"])}
        raise Refusal(INCORRECT_REQUEST)

    async def _refill_status_one(self, user_id: int, text: str) -> str:
        refill_id = number(text)
        refill = None if refill_id is None else await self._refills.get_for_user(user_id, refill_id)
        if refill is None:
            raise Refusal(REFILL_NOT_FOUND)
        return refill_shown(refill)


async def _each(
    text: str, name: str, outcome: str, one: Callable[[str], Awaitable[object]]
) -> list[dict[str, object]]:
    """The many-ids form: `[{name: id, outcome: what one(id) gave, or {"error": ...}}]`, in
    the order asked, ids as numbers where they are."""
    answers: list[dict[str, object]] = []
    for item in ids(text):
        try:
            result = await one(item)
        except Refusal as refused:
            result = {"error": refused.text}
        answers.append({name: number(item) or item, outcome: result})
    return answers
