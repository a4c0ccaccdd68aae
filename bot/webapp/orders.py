"""My orders in the Mini App: the list with a status filter, Refresh, Cancel and Refill.

Every order is looked up with the caller's id (`get_for_user`): another customer's order
number reads as "not found", as it does in the chat. The actions are the chat's
(`bot.orders.actions`), refusals included.
"""

from __future__ import annotations

from typing import Any

from aiogram import Bot
from aiohttp import web

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.news import News
from bot.orders.actions import (
    can_refresh,
    cancel_refusal,
    refill_refusal,
    refresh,
    request_cancel,
    request_refill,
)
from bot.orders.following import Follower
from bot.orders.listing import FILTERS
from bot.orders.lookups import StatusLookups
from bot.orders.steps import type_named
from bot.orders.texts import status_name
from bot.panel.panels import Panels
from bot.storage import Order, OrdersRepo, RefillsRepo
from bot.webapp.api import ApiError, Call, whole
from bot.webapp.forms import answers_of, plain

PAGE_SIZE = 30
# The chat's filters, by name: all, active, completed, short.
FILTER_NAMES = {shown.name.lower(): shown for shown in FILTERS}


def order_view(
    order: Order, t: Texts, amounts: Amounts, refillable: bool = False
) -> dict[str, Any]:
    """An order as the page shows it: the shop's number only, never the panel's."""
    kind = type_named(order.service_type)
    return {
        "id": order.id,
        "service_id": order.service_id,
        "service": order.service_name,
        "link": order.link,
        "quantity": order.quantity,
        "charge": t.write(amounts(order.charge)),
        "status": order.status,
        "status_text": plain(status_name(t, order.status)),
        "final": order.is_final,
        # A subscription's remains count one post's, not the most it holds (as in the chat).
        "remains": None if kind is not None and kind.settles_to_charge else order.remains,
        "created_at": order.created_at.isoformat(),
        "can_refresh": can_refresh(order),
        "can_cancel": cancel_refusal(order) is None,
        "can_refill": refillable,
        "answers": answers_of(kind, order.panel_fields) if kind else {},
    }


class MyOrders:
    def __init__(
        self,
        *,
        bot: Bot,
        orders: OrdersRepo,
        refills: RefillsRepo,
        panels: Panels,
        lookups: StatusLookups,
        follower: Follower,
        news: News,
        alerts: Alerts,
        catalogue: Catalogue,
        amounts: Amounts,
    ) -> None:
        self._bot = bot
        self._orders = orders
        self._refills = refills
        self._panels = panels
        self._lookups = lookups
        self._follower = follower
        self._news = news
        self._alerts = alerts
        self._catalogue = catalogue
        self._amounts = amounts

    async def _view(self, order: Order, t: Texts, notice: str | None = None) -> dict[str, Any]:
        latest = await self._refills.latest_for_order(order.id)
        refillable = refill_refusal(order, latest, self._listed(order)) is None
        view = order_view(order, t, self._amounts, refillable)
        if notice:
            view["notice"] = plain(t(notice))
        return view

    def _listed(self, order: Order) -> Any:
        snapshot = self._catalogue.snapshot
        return None if snapshot is None else snapshot.all_services.get(order.service_id)

    async def list(self, call: Call) -> web.Response:
        """A page of the customer's orders, newest first, through one of the chat's filters."""
        query = call.request.query
        shown = FILTER_NAMES.get(query.get("status", "all"))
        offset = whole(query.get("offset", "0"))
        if shown is None or offset is None:
            raise ApiError(400, "bad_request")
        statuses, exclude = FILTERS[shown]
        picked = await self._orders.list_for_user(
            call.user_id, PAGE_SIZE, offset, statuses=statuses, exclude=exclude
        )
        views = [await self._view(order, call.t) for order in picked]
        more = offset + PAGE_SIZE if len(picked) == PAGE_SIZE else None
        return web.json_response(
            {"orders": views, "status": shown.name.lower(), "next_offset": more}
        )

    async def _own(self, call: Call) -> Order:
        order_id = whole(call.request.match_info.get("order_id"))
        order = (
            None if order_id is None else await self._orders.get_for_user(call.user_id, order_id)
        )
        if order is None:
            raise ApiError(404, "order_not_found")
        return order

    async def one(self, call: Call) -> web.Response:
        return web.json_response({"order": await self._view(await self._own(call), call.t)})

    async def refresh(self, call: Call) -> web.Response:
        order = await self._own(call)
        notice = None
        if can_refresh(order):
            order, notice = await refresh(self._bot, order, self._lookups, self._follower)
        return web.json_response({"order": await self._view(order, call.t, notice)})

    async def cancel(self, call: Call) -> web.Response:
        order = await self._own(call)
        if refusal := cancel_refusal(order):
            raise ApiError(409, "refused", refusal)
        order, notice = await request_cancel(order, self._panels, self._orders)
        return web.json_response({"order": await self._view(order, call.t, notice)})

    async def refill(self, call: Call) -> web.Response:
        order = await self._own(call)
        latest = await self._refills.latest_for_order(order.id)
        if refusal := refill_refusal(order, latest, self._listed(order)):
            raise ApiError(409, "refused", refusal)
        notice = await request_refill(
            self._bot, order, self._panels, self._refills, self._news, self._alerts
        )
        return web.json_response({"order": await self._view(order, call.t, notice)})
