"""The whole catalogue as one compressed JSON document for the Mini App, which searches,
filters and sorts it in the browser.

Built once per catalogue version (and again when popularity is older than
`POPULARITY_MAX_AGE`), gzipped once, served with an ETag: a page that has it already gets
304 and nothing else. Every language's names and descriptions are in it, so search finds a
service by any of them.

Prices are the reader's (`bot.orders.prices`): one document per discount in use, so a
discounted customer's page lists, sorts and filters by the prices they pay, rounded by the
server as their charges are (a page applying a percent to rounded prices would round twice).
A shop gives a handful of distinct discounts (at most 91 whole percents), each built once
per catalogue version; a changed discount is a different document, so its ETag differs too.
"""

from __future__ import annotations

import asyncio
import gzip
import hashlib
import json
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from bot.catalogue import Catalogue, synonyms
from bot.i18n import Translator
from bot.orders import timing
from bot.orders.prices import Prices
from bot.orders.steps import order_type
from bot.settings import LOCALES
from bot.storage import Database, Status
from bot.storage.db import parse_time
from bot.webapp.forms import form_shapes

# Seconds the order counts behind "popular first" (and the average times) may be old.
POPULARITY_MAX_AGE = 600.0
# Per service: orders placed, and the average time to complete one (None: too few to say).
Figures = tuple[int, timedelta | None]


@dataclass(frozen=True)
class Feed:
    version: str  # the catalogue's
    etag: str
    body: bytes  # gzipped JSON


class CatalogueFeed:
    def __init__(
        self, catalogue: Catalogue, db: Database, decimals: int, translator: Translator
    ) -> None:
        self._catalogue = catalogue
        self._db = db
        self._translator = translator
        self._decimals = decimals
        # Per discount: the feed and when it was built.
        self._feeds: dict[int, tuple[Feed, float]] = {}
        self._lock = asyncio.Lock()

    async def current(self, discount: int = 0) -> Feed:
        """The feed of the catalogue in hand at the prices of a customer with `discount`
        (CatalogueUnavailable if there is none)."""
        snapshot = await self._catalogue.current()
        async with self._lock:
            feed, built_at = self._feeds.get(discount, (None, 0.0))
            fresh = time.monotonic() - built_at < POPULARITY_MAX_AGE
            if feed is None or feed.version != snapshot.version or not fresh:
                popularity = await self._popularity()
                prices = Prices(snapshot, self._decimals, discount)
                feed = await asyncio.to_thread(self._build, prices, popularity)
                self._feeds[discount] = (feed, time.monotonic())
            return feed

    async def expire(self) -> None:
        """The next request builds the feed again, whatever its age."""
        async with self._lock:
            self._feeds.clear()

    async def _popularity(self) -> dict[int, Figures]:
        """Per service: orders placed, and its average time as the chat's card says it
        (`bot.orders.timing`: the latest completed orders, and only from enough of them)."""
        counted = await self._db.fetchall(
            "SELECT service_id, count(*) FROM orders WHERE status != ? GROUP BY service_id",
            (Status.FAILED,),
        )
        # `OrdersRepo.completion_times` for every service at once.
        timed = await self._db.fetchall(
            "SELECT service_id, created_at, finished_at FROM ("
            " SELECT service_id, created_at, finished_at, row_number() OVER"
            " (PARTITION BY service_id ORDER BY finished_at DESC) AS latest"
            " FROM orders WHERE status = ? AND finished_at IS NOT NULL"
            ") WHERE latest <= ?",
            (Status.COMPLETED, timing.SAMPLE),
        )
        times: dict[int, list[timedelta]] = {}
        for service_id, created_at, finished_at in timed:
            times.setdefault(int(service_id), []).append(
                parse_time(finished_at) - parse_time(created_at)
            )
        return {
            int(service_id): (int(count), timing.average(times.get(int(service_id), [])))
            for service_id, count in counted
        }

    def _build(self, prices: Prices, popularity: dict[int, Figures]) -> Feed:
        snapshot = prices.snapshot
        document = catalogue_document(prices, popularity, self._translator)
        raw = json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode()
        # The version first (what changed is readable in logs), then what the orders say.
        etag = f'"{snapshot.version}-{hashlib.sha256(raw).hexdigest()[:12]}"'
        return Feed(snapshot.version, etag, gzip.compress(raw, 6))


def catalogue_document(
    prices: Prices, popularity: dict[int, Figures], translator: Translator
) -> dict[str, Any]:
    """Short keys: 10,000 services are a few hundred kilobytes before compression."""
    snapshot = prices.snapshot
    categories = []
    services = []
    for category in snapshot.categories:
        names: dict[str, str] = {loc: snapshot.category_name(category, loc) for loc in LOCALES}
        shown: dict[str, Any] = {"i": category.index, "n": category.name}
        if names_by_locale := _distinct(category.name, names):
            shown["ln"] = names_by_locale
        categories.append(shown)
        for service in category.services:
            kind = order_type(service)
            if kind is None:
                continue
            own_names: dict[str, str] = {loc: snapshot.name(service, loc) for loc in LOCALES}
            entry: dict[str, Any] = {
                "id": service.id,
                "c": category.index,
                "n": service.name,
                "p": str(prices.per_1000(service)),
                "min": service.min,
                "max": service.max,
                "t": service.type.lower(),
            }
            orders, average = popularity.get(service.id, (0, None))
            entry["k"] = orders
            if average is not None:  # seconds to sort by, and the card's words for it
                entry["a"] = round(average.total_seconds())
                entry["at"] = {loc: timing.about(translator.texts(loc), average) for loc in LOCALES}
            if names_by_locale := _distinct(service.name, own_names):
                entry["ln"] = names_by_locale
            descriptions = {
                loc: text for loc in LOCALES if (text := snapshot.description(service, loc))
            }
            if descriptions:
                entry["d"] = descriptions
            # Flags only when set: most services have none.
            for key, flag in (
                ("r", service.refill),
                ("f", service.dripfeed),
                ("x", service.cancel),
            ):
                if flag:
                    entry[key] = 1
            services.append(entry)
    return {
        "version": snapshot.version,
        "currency": snapshot.currency,
        "discount": prices.discount,  # already in every price: for the page to say so
        "categories": categories,
        "services": services,
        "types": form_shapes(),
        # The page's search reads the market's words as the chat's does.
        "market": [[list(t.stems), list(t.short), list(t.panel)] for t in synonyms.TERMS],
        "phrases": dict(synonyms.PHRASES),
    }


def _distinct(default: str, names: Mapping[str, str]) -> dict[str, str]:
    """Names per language where they differ from the panel's."""
    return {loc: name for loc, name in names.items() if name != default}
