"""Fallbacks: which services may take a service's orders when its own panel refuses them,
and what each is sent.

A fallback must be able to deliver what the customer paid for, so `/fallback` takes one
only if it is of the same type, takes every quantity the service takes (its min and max
cover the service's), drips where the service drips and refills where it refills.
Placement checks again against the order itself (the panel's list may have changed since):
the order's `add` fields are rebuilt for the fallback's service from the answers they
came from, and a fallback that would not be sent every one of them (a drip-feed order to a
service that cannot drip) is passed over without a call.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from bot.catalogue import Snapshot
from bot.orders.steps import SKIPPED, Answers, OrderType, type_named
from bot.panel import Service
from bot.panel.panels import NamedPanel, Panels
from bot.storage import Order
from bot.storage.fallbacks import Fallback

Fields = Mapping[str, str | int]


class Unfit(StrEnum):
    """Why a service cannot be a fallback of another: the `/fallback` answer's key."""

    MISSING = "fallback-unfit-missing"
    SAME = "fallback-unfit-same"
    TYPE = "fallback-unfit-type"
    QUANTITY = "fallback-unfit-quantity"
    DRIPFEED = "fallback-unfit-dripfeed"
    REFILL = "fallback-unfit-refill"


def service_at(snapshot: Snapshot, panel: str, panel_service_id: int) -> Service | None:
    """The catalogue's service that is `panel_service_id` on `panel` (hidden ones too: a
    reseller may well hide a fallback that duplicates a service customers see)."""
    return next(
        (
            service
            for service in snapshot.all_services.values()
            if service.panel == panel and service.panel_id == panel_service_id
        ),
        None,
    )


def unfit(own: Service, other: Service | None) -> Unfit | None:
    """Why `other` cannot take `own`'s orders, or None: it can."""
    if other is None:
        return Unfit.MISSING
    if other.id == own.id:
        return Unfit.SAME
    kind = type_named(own.type)
    if kind is None or type_named(other.type) is not kind:
        return Unfit.TYPE
    if other.min > own.min or other.max < own.max:
        return Unfit.QUANTITY
    if own.dripfeed and not other.dripfeed:
        return Unfit.DRIPFEED
    if own.refill and not other.refill:
        return Unfit.REFILL
    return None


def _answers(kind: OrderType, fields: Fields) -> Answers:
    """The answers an order's fields were made from (a step not sent was skipped)."""
    return {
        step.name: fields.get(step.panel_field, SKIPPED)
        for step in kind.steps
        if step.panel_field in fields or step.optional
    }


def refit(order: Order, other: Service) -> dict[str, str | int] | None:
    """The order's `add` fields rebuilt for `other`, or None if `other` cannot take this
    order as it is (a quantity it refuses, a drip-feed or a refill it lacks: it would
    deliver less than was paid for)."""
    kind = type_named(order.service_type)
    if kind is None or type_named(other.type) is not kind:
        return None
    if order.can_refill and not other.refill:  # the customer paid for a refill guarantee
        return None
    sent = order.panel_fields
    answers = _answers(kind, sent)
    if not kind.complete(other, answers):
        return None
    fields = kind.panel_fields(other, answers)
    return fields if fields.keys() == sent.keys() else None


@dataclass(frozen=True)
class Route:
    """One place an order may go: a panel, the service's id there, and what `add` sends."""

    panel: NamedPanel
    service_id: int  # on that panel
    fields: Fields
    service: Service | None = None  # a fallback's service; None: the order's own

    @property
    def fallback(self) -> bool:
        return self.service is not None


def own_route(order: Order, panels: Panels) -> Route:
    return Route(panels.of(order), order.service_on_panel, order.panel_fields)


def fallback_routes(
    order: Order, fallbacks: list[Fallback], panels: Panels, snapshot: Snapshot
) -> list[Route]:
    """Where the order may go after its own panel, in order; fallbacks that cannot take it
    (a panel no longer configured, a service gone or changed) are left out."""
    routes = []
    for fallback in fallbacks:
        panel = panels.by_key(fallback.panel)
        other = service_at(snapshot, fallback.panel, fallback.panel_service_id)
        fields = None if other is None else refit(order, other)
        if panel is None or other is None or fields is None:
            continue
        routes.append(Route(panel, fallback.panel_service_id, fields, other))
    return routes
