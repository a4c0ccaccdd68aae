"""The panel's services, cached, grouped by category in the panel's own order.

A snapshot is immutable and carries a version derived from its content: buttons carry the
version they were drawn from, so a button from an older list is recognised as stale
(also after a restart, since the same content gives the same version).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from bot.panel import PanelClient, PanelFailure, Service

log = logging.getLogger(__name__)

T = TypeVar("T")

# Service types the order conversation knows how to ask for, by lower-cased panel type.
SUPPORTED_TYPES = {"default": "Default", "poll": "Poll"}
POLL = "Poll"


class CatalogueUnavailable(Exception):
    """No catalogue yet and the panel cannot give one now."""


@dataclass(frozen=True)
class Category:
    index: int  # position in the panel's order: what buttons carry, never the name
    name: str
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Snapshot:
    version: str
    categories: tuple[Category, ...]
    currency: str
    services: dict[int, Service] = field(repr=False)
    category_of: dict[int, int] = field(repr=False)

    @classmethod
    def build(cls, services: Sequence[Service], currency: str) -> Snapshot:
        grouped: dict[str, list[Service]] = {}
        for service in services:
            grouped.setdefault(service.category, []).append(service)
        categories = tuple(
            Category(index, name, tuple(items))
            for index, (name, items) in enumerate(grouped.items())
        )
        digest = hashlib.sha256()
        for service in services:
            digest.update(
                f"{service.id}|{service.category}|{service.name}|{service.type}|{service.rate}|"
                f"{service.min}|{service.max}|{service.cancel}\n".encode()
            )
        return cls(
            version=digest.hexdigest()[:8],
            categories=categories,
            currency=currency,
            services={service.id: service for service in services},
            category_of={s.id: c.index for c in categories for s in c.services},
        )

    def category(self, index: int) -> Category | None:
        return self.categories[index] if 0 <= index < len(self.categories) else None


def is_poll(service: Service) -> bool:
    return service.type.strip().lower() == POLL.lower()


def is_telegram(service: Service) -> bool:
    """Telegram services take `@name` and `t.me/...` links; others need a full URL."""
    return "telegram" in f"{service.category} {service.name}".lower()


@dataclass(frozen=True)
class Page(Generic[T]):
    items: Sequence[T]
    number: int  # 0-based, clamped into range
    count: int


def paginate(items: Sequence[T], number: int, size: int) -> Page[T]:
    count = max(1, -(-len(items) // size))
    number = min(max(number, 0), count - 1)
    return Page(items[number * size : (number + 1) * size], number, count)


class Catalogue:
    """Fetches the catalogue when it is older than `max_age` seconds, or on demand.

    A failed refresh keeps serving the last good snapshot: customers can still browse and
    the summary is priced from what they saw; only with no snapshot at all is it an error.
    """

    def __init__(
        self,
        panel: PanelClient,
        max_age: float,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._panel = panel
        self._max_age = max_age
        self._clock = clock
        self._snapshot: Snapshot | None = None
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()
        self._hidden_types_logged: set[str] = set()
        self._warm_up: asyncio.Task[None] | None = None

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    def warm_up(self) -> None:
        """Fetch in the background at start-up: the first customer need not wait, and
        amounts show the panel's currency from the start."""
        self._warm_up = asyncio.create_task(self._warm())

    async def _warm(self) -> None:
        try:
            await self.current()
        except CatalogueUnavailable as error:
            log.warning("catalogue not loaded at start-up: %s", error)

    async def close(self) -> None:
        if self._warm_up is not None and not self._warm_up.done():
            self._warm_up.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._warm_up

    @property
    def currency(self) -> str:
        """The panel's currency, once known ("" before the first successful fetch)."""
        return self._snapshot.currency if self._snapshot else ""

    async def current(self) -> Snapshot:
        if self._snapshot is not None and self._clock() - self._fetched_at < self._max_age:
            return self._snapshot
        try:
            return await self.refresh()
        except PanelFailure as error:
            if self._snapshot is None:
                raise CatalogueUnavailable(str(error)) from None
            log.warning("catalogue refresh failed, serving the previous one: %s", error)
            return self._snapshot

    async def cached(self) -> Snapshot:
        """The snapshot in hand, however old; fetched only if there is none.

        For Confirm: the customer must hear back within seconds, and a refresh with its
        retries could take longer than the placement itself.
        """
        return self._snapshot if self._snapshot is not None else await self.current()

    async def refresh(self) -> Snapshot:
        started = self._clock()
        async with self._lock:
            # Someone else refreshed while this call waited: theirs is fresh enough.
            if self._snapshot is not None and self._fetched_at >= started:
                return self._snapshot
            services = await self._panel.services()
            currency = self._snapshot.currency if self._snapshot else ""
            try:
                currency = (await self._panel.balance()).currency or currency
            except PanelFailure as error:
                log.warning("panel balance (for the currency) failed: %s", error)
            self._snapshot = Snapshot.build(self._orderable(services), currency)
            self._fetched_at = self._clock()
            log.info(
                "catalogue %s: %d services in %d categories",
                self._snapshot.version,
                len(self._snapshot.services),
                len(self._snapshot.categories),
            )
            return self._snapshot

    def _orderable(self, services: Sequence[Service]) -> list[Service]:
        kept = []
        for service in services:
            if service.rate <= 0:
                # Nothing to charge would be a free order paid for by the shop.
                log.warning("hiding service %s: its rate is %s", service.id, service.rate)
            elif service.type.strip().lower() in SUPPORTED_TYPES:
                kept.append(service)
            elif service.type not in self._hidden_types_logged:
                self._hidden_types_logged.add(service.type)
                log.info("hiding services of type %r: the bot cannot order them yet", service.type)
        return kept
