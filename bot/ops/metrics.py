"""Prometheus metrics, one registry per dispatcher (tests build many; the global default
registry would refuse the second set of names).

The parts being measured stay unaware of it: each is a thin subclass here that times or
counts what the original returns, and the composition root builds these instead. `@override`
makes mypy fail if a measured method is renamed away under them.
"""

from __future__ import annotations

import time
from collections import Counter as Tally
from collections.abc import Awaitable, Callable, Mapping
from decimal import Decimal
from typing import Any

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update, User
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from typing_extensions import override

from bot.logs import current_user_id
from bot.notify.panel_watch import PanelBalanceWatch
from bot.notify.sender import Delivery, OutboxSender
from bot.orders.placement import Outcome, Placement, Placer, Tell
from bot.orders.sweeper import Sweep, Sweeper
from bot.panel import PanelClient, PanelError, Parse
from bot.storage import Order

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class Metrics:
    def __init__(self) -> None:
        self.registry = registry = CollectorRegistry()
        self.started = time.monotonic()
        # When the panel last answered and a sweep last finished: what /readyz looks at.
        self.panel_answered: float | None = None
        self.swept: float | None = None
        self.updates = Counter(
            "bot_updates", "Updates handled, by type", ["type"], registry=registry
        )
        self.handler_seconds = Histogram(
            "bot_handler_seconds",
            "Time to handle one update, by type",
            ["type"],
            registry=registry,
        )
        self.orders = Counter(
            "bot_orders",
            "Placements by outcome: placed, refused, unknown",
            ["outcome"],
            registry=registry,
        )
        self.panel_requests = Counter(
            "bot_panel_requests",
            "Panel requests by action and result: ok, refused (an API error), failed",
            ["action", "result"],
            registry=registry,
        )
        self.panel_seconds = Histogram(
            "bot_panel_request_seconds",
            "Panel request time, by action",
            ["action"],
            registry=registry,
        )
        self.outbox_pending = Gauge(
            "bot_outbox_pending", "Notifications waiting to be sent", registry=registry
        )
        self.outbox_sends = Counter(
            "bot_outbox_sends",
            "Notifications the sender tried, by what became of them",
            ["delivery"],
            registry=registry,
        )
        self.sweep_seconds = Histogram(
            "bot_sweep_seconds", "Duration of one status sweep", registry=registry
        )
        self.panel_balance = Gauge(
            "bot_panel_balance", "The panel's balance when last checked", registry=registry
        )
        for outcome in Outcome:
            self.orders.labels(outcome.value)
        for delivery in Delivery:
            self.outbox_sends.labels(delivery.value)

    def render(self) -> bytes:
        return generate_latest(self.registry)


class UpdateMetrics(BaseMiddleware):
    """Counts and times every update; names its user for the logs while it is handled."""

    def __init__(self, metrics: Metrics) -> None:
        self._metrics = metrics

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        kind = event.event_type if isinstance(event, Update) else type(event).__name__
        user = data.get("event_from_user")
        token = current_user_id.set(user.id if isinstance(user, User) else None)
        started = time.monotonic()
        try:
            return await handler(event, data)
        finally:
            self._metrics.handler_seconds.labels(kind).observe(time.monotonic() - started)
            self._metrics.updates.labels(kind).inc()
            current_user_id.reset(token)


class MeteredPanel(PanelClient):
    def __init__(self, *args: Any, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._metrics = metrics

    @override
    async def _request(
        self,
        action: str,
        fields: Mapping[str, str | int],
        *,
        fresh_connection: bool = False,
        parse: Parse | None = None,
    ) -> Any:
        started = time.monotonic()
        result = "failed"
        try:
            answer = await super()._request(
                action, fields, fresh_connection=fresh_connection, parse=parse
            )
            result = "ok"
            return answer
        except PanelError:
            result = "refused"  # the panel answered, with one of its errors
            raise
        finally:
            now = time.monotonic()
            self._metrics.panel_seconds.labels(action).observe(now - started)
            self._metrics.panel_requests.labels(action, result).inc()
            if result != "failed":
                self._metrics.panel_answered = now


class MeteredPlacer(Placer):
    def __init__(self, *, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._metrics = metrics

    @override
    async def place(self, bot: Bot, order: Order, tell: Tell) -> Placement:
        placement = await super().place(bot, order, tell)
        self._metrics.orders.labels(placement.outcome.value).inc()
        return placement


class MeteredSweeper(Sweeper):
    def __init__(self, *, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._metrics = metrics

    @override
    async def run_once(self, bot: Bot) -> Sweep:
        started = time.monotonic()
        sweep = await super().run_once(bot)
        now = time.monotonic()
        self._metrics.sweep_seconds.observe(now - started)
        if sweep.error is None:
            self._metrics.swept = now
        return sweep


class MeteredSender(OutboxSender):
    def __init__(self, *, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._metrics = metrics

    @override
    async def run_once(self, bot: Bot) -> Tally[Delivery]:
        deliveries = await super().run_once(bot)
        for delivery, count in deliveries.items():
            self._metrics.outbox_sends.labels(delivery.value).inc(count)
        return deliveries


class MeteredBalanceWatch(PanelBalanceWatch):
    def __init__(self, *, metrics: Metrics, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._metrics = metrics

    @override
    async def run_once(self, bot: Bot) -> Decimal | None:
        balance = await super().run_once(bot)
        if balance is not None:
            # A gauge is a float: fine for a dashboard, never used for money.
            self._metrics.panel_balance.set(float(balance))
        return balance
