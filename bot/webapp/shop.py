"""The Mini App's shop: who the customer is, the catalogue, a quote, Confirm, a top-up.

Quote and Confirm use the chat's own parts: the answers are checked by the steps table,
priced and placed by the checkout (`bot.orders.checkout`), as the chat's Confirm is.
"""

from __future__ import annotations

import asyncio
import gzip
import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from aiogram import Bot
from aiohttp import web

from bot.catalogue import Catalogue, CatalogueUnavailable, Snapshot
from bot.formats import number_shape
from bot.i18n import Arg, Texts
from bot.money import Amounts
from bot.orders import checkout, screens
from bot.orders.checkout import Checkout, Result, Verdict
from bot.orders.prices import Pricer
from bot.orders.quote import Quote
from bot.orders.steps import Answer, order_type, runs
from bot.panel import Service
from bot.payments import PaymentFailed, Payments
from bot.settings import Settings
from bot.storage import Customer, Order, TopupsRepo, TopupStatus, UsersRepo
from bot.webapp.api import ApiError, Call, whole
from bot.webapp.feed import CatalogueFeed
from bot.webapp.forms import check_answers, plain
from bot.webapp.orders import FILTER_NAMES, order_view
from bot.webapp.texts import page_texts
from bot.webapp.tokens import QuoteTokens, answers_digest

log = logging.getLogger(__name__)


class Shop:
    def __init__(
        self,
        *,
        bot: Bot,
        settings: Settings,
        catalogue: Catalogue,
        feed: CatalogueFeed,
        users: UsersRepo,
        payments: Payments,
        topups: TopupsRepo,
        checkout: Checkout,
        pricer: Pricer,
        amounts: Amounts,
    ) -> None:
        self._bot = bot
        self._settings = settings
        self._catalogue = catalogue
        self._feed = feed
        self._users = users
        self._payments = payments
        self._topups = topups
        self._checkout = checkout
        self._pricer = pricer
        self._amounts = amounts
        self._tokens = QuoteTokens(settings.bot_token.get_secret_value())
        # Placements still talking to the panel: a request cut short does not cut them.
        self.placing: set[asyncio.Task[Any]] = set()

    async def me(self, call: Call) -> web.Response:
        """Who the customer is to the shop, with the page's texts in their language."""
        customer = await self._users.ensure(call.user_id)
        currency = self._catalogue.currency
        return web.json_response(
            {
                "user_id": call.user_id,
                "locale": call.t.locale,
                "texts": page_texts(call.t.locale),
                # Numbers and money written by the page as the chat writes them.
                "numbers": number_shape(call.t.locale, currency, self._amounts.decimals),
                # My orders' filters, named as the chat names them.
                "filters": {name: call.t.plain(f"orders-filter-{name}") for name in FILTER_NAMES},
                "balance": call.t.write(self._amounts(customer.balance)),
                "balance_figure": str(customer.balance),
                "currency": currency,
                # One entry per way of paying offered here: the page knows none by name.
                "topup": [offer.as_json() for offer in self._payments.app_offers(call.t, currency)],
            }
        )

    async def balance(self, call: Call) -> web.Response:
        """The balance as it is now: each screen that shows it asks again."""
        customer = await self._users.get(call.user_id)
        return web.json_response({"balance": self._balance(call, customer)})

    def _balance(self, call: Call, customer: Customer | None) -> str:
        return call.t.write(self._amounts(customer.balance if customer else Decimal(0)))

    async def catalogue(self, call: Call) -> web.StreamResponse:
        try:
            feed = await self._feed.current(await self._pricer.discount(call.user_id))
        except CatalogueUnavailable:
            raise ApiError(503, "catalogue_unavailable") from None
        headers = {
            "ETag": feed.etag,
            # The page asks again each time it opens; a 304 costs nothing.
            "Cache-Control": "private, no-cache",
        }
        if call.request.headers.get("If-None-Match") == feed.etag:
            return web.Response(status=304, headers=headers)
        headers["Content-Type"] = "application/json"
        if "gzip" not in call.request.headers.get("Accept-Encoding", ""):
            return web.Response(body=gzip.decompress(feed.body), headers=headers)
        headers["Content-Encoding"] = "gzip"
        return web.Response(body=feed.body, headers=headers)

    async def _service(self, data: Mapping[str, Any]) -> tuple[Snapshot, Service]:
        try:
            snapshot = await self._catalogue.current()
        except CatalogueUnavailable:
            raise ApiError(503, "catalogue_unavailable") from None
        if data.get("version") != snapshot.version:
            raise ApiError(409, "catalogue_changed", extra={"version": snapshot.version})
        service_id = whole(data.get("service_id"))
        service = snapshot.services.get(service_id) if service_id is not None else None
        if service is None or order_type(service) is None:
            raise ApiError(404, "service_not_found")
        return snapshot, service

    async def _answers(
        self, call: Call, data: Mapping[str, Any]
    ) -> tuple[Snapshot, Service, dict[str, Answer], dict[str, str]]:
        """The service asked about, the answers as the chat would take them, and why each
        refused one was refused."""
        snapshot, service = await self._service(data)
        kind = order_type(service)
        typed = data.get("answers")
        if kind is None or not isinstance(typed, dict):
            raise ApiError(400, "bad_request")
        return snapshot, service, *check_answers(kind, service, typed, call.t)

    async def _quote(self, call: Call, data: Mapping[str, Any]) -> Quote:
        snapshot, service, answers, problems = await self._answers(call, data)
        if problems:
            raise ApiError(422, "invalid_answers", extra={"fields": problems})
        prices = await self._pricer.prices(call.user_id, snapshot)
        quote = checkout.quote(prices, service, answers, call.t.locale)
        if quote is None:
            raise ApiError(422, "invalid_answers", extra={"fields": {}})
        return quote

    async def quote(self, call: Call) -> web.Response:
        """The exact charge of an order with these answers, and the token that confirms it."""
        quote = await self._quote(call, await call.body())
        funds = await self._checkout.funds(call.user_id, quote.charge)
        token = self._tokens.issue(
            call.user_id, quote.service.id, dict(quote.answers), str(quote.charge)
        )
        return web.json_response(
            {
                "token": token,
                "charge": call.t.write(self._amounts(quote.charge)),
                "quantity": quote.quantity,
                "runs": quote.runs,
                "link": quote.link,
                "answers": dict(quote.answers),
                "balance": call.t.write(self._amounts(funds.balance)),
                "short": call.t.write(self._amounts(funds.missing)),
                "enough": funds.enough,
                # Short: a top-up that covers it, per way of paying (as the chat's summary),
                # of the ways the page can pay (a card transfer's receipt goes to the chat).
                "covers": []
                if funds.enough
                else [
                    {"method": cover.method, "units": cover.units, "label": plain(cover.label)}
                    for cover in self._payments.covers(funds.missing, call.t, self._amounts)
                    if self._in_app(cover.method, call.t)
                ],
            }
        )

    async def total(self, call: Call) -> web.Response:
        """A drip-feed form's total as the runs are chosen (the quantity typed is per run),
        in the chat's words and money: `{"text": ""}` until the quantity and runs are valid."""
        snapshot, service, answers, problems = await self._answers(call, await call.body())
        figures = None
        count = runs(service, answers)
        if count > 1 and not problems.keys() & {"quantity", "runs"}:
            prices = await self._pricer.prices(call.user_id, snapshot)
            figures = screens.dripfeed_total(prices, service, answers, count, self._amounts)
        text = plain(call.t("order-dripfeed-total", **figures)) if figures else ""
        return web.json_response({"text": text})

    async def place(self, call: Call) -> web.Response:
        """Confirm: one order for the quoted charge, however many times it is tapped."""
        data = await call.body()
        quoted = self._tokens.read(data.get("token"), call.user_id)
        if quoted is None:
            raise ApiError(409, "quote_expired")
        # Before quoting again: a catalogue that moved since does not hide a placed order.
        if (earlier := await self._checkout.placed_with(quoted.nonce, call.user_id)) is not None:
            raise _already_placed(earlier)
        quote = await self._quote(call, data)
        if (
            quote.service.id != quoted.service_id
            or answers_digest(dict(quote.answers)) != quoted.digest
        ):
            raise ApiError(409, "quote_expired")
        told: list[tuple[str, Mapping[str, Arg]]] = []

        async def tell(key: str, values: Mapping[str, Arg]) -> None:
            told.append((key, values))

        # Shielded: a page closed mid-call must not cut the placement's bookkeeping short.
        task = asyncio.ensure_future(
            self._checkout.confirm(
                self._bot, call.user_id, quote, quoted.charge, quoted.nonce, tell=tell
            )
        )
        self.placing.add(task)
        task.add_done_callback(self.placing.discard)
        result = await asyncio.shield(task)
        if result.placement is None:
            raise self._refusal(result)
        key, values = told[0] if told else ("order-placing", {})
        return web.json_response(
            {
                "outcome": result.placement.outcome.value,
                "message": plain(call.t(key, **values)),
                "order": order_view(result.placement.order, call.t, self._amounts),
                # Charged: every screen showing the balance shows this one from now on.
                "balance": self._balance(call, await self._users.get(call.user_id)),
            }
        )

    def _refusal(self, result: Result) -> ApiError:
        """Why nothing was placed, as the page is told."""
        if result.verdict is Verdict.PRICE_CHANGED:
            return ApiError(409, "price_changed")
        if result.verdict is Verdict.SHORT:
            return ApiError(402, "insufficient_funds", missing=self._amounts(result.missing))
        if result.verdict is Verdict.ALREADY_PLACED and result.order is not None:
            return _already_placed(result.order)
        return ApiError(409, "quote_expired")

    def _in_app(self, name: str, t: Texts) -> bool:
        method = self._payments.by_name(name)
        return method is not None and method.app_offer(t, self._catalogue.currency) is not None

    async def topup(self, call: Call) -> web.Response:
        """What pays a top-up of `units` of one way of paying (Stars: an invoice link the page
        opens with `openInvoice`); the payment is credited as any other, by that method."""
        data = await call.body()
        name = data.get("method")
        method = self._payments.by_name(name) if isinstance(name, str) else None
        offer = method.app_offer(call.t, self._catalogue.currency) if method else None
        if method is None or offer is None:
            raise ApiError(400, "bad_request")
        # Stars keep their own words (stars, Telegram); another method says it its way.
        stars = method is self._payments.stars
        units = whole(data.get("units"))
        if units is None or not offer.least <= units <= offer.most:
            key = None if stars else "webapp-error-bad-amount-any"
            raise ApiError(422, "bad_amount", key, min=offer.least, max=offer.most)
        # A method the chat takes over (a receipt is sent there) gets what pays it in the chat.
        chat_id = call.user_id if offer.opens == "chat" else None
        try:
            pending = await method.create(self._bot, call.t, call.user_id, units, chat_id=chat_id)
        except PaymentFailed as failed:
            raise ApiError(502, "invoice_failed", None if stars else failed.text_key) from None
        return web.json_response(
            {
                "topup": pending.topup.id,
                "link": pending.link,
                "opens": offer.opens,
                "units": units,
                "amount": call.t.write(self._amounts(pending.topup.amount)),
            }
        )

    async def topup_state(self, call: Call) -> web.Response:
        """Whether one of the customer's top-ups is credited yet, and the balance: the page
        asks after paying, as the credit arrives by its own way (the chat's payment)."""
        topup_id = whole(call.request.match_info.get("topup_id"))
        topup = await self._topups.get(topup_id) if topup_id is not None else None
        if topup is None or topup.user_id != call.user_id:
            raise ApiError(404, "topup_not_found")
        return web.json_response(
            {
                "topup": topup.id,
                # Credited stays so, whatever a refund does later; cancelled: never to be paid.
                "credited": topup.status not in (TopupStatus.INVOICED, TopupStatus.CANCELLED),
                "cancelled": topup.status == TopupStatus.CANCELLED,
                "balance": self._balance(call, await self._users.get(call.user_id)),
            }
        )


def _already_placed(earlier: Order) -> ApiError:
    return ApiError(409, "already_placed", extra={"order": earlier.id}, number=earlier.id)
