"""The panels' services, cached, grouped by category in the panel's own order.

Every panel's services are in one catalogue (`Panels.catalogue`: the main panel's with their
own numbers, the others numbered apart and priced in the shop's money). A panel whose list
cannot be fetched keeps the list it gave last (or is left out until it answers, with a log
line), and the others still show; only when no panel answers is the refresh a failure.

A snapshot is immutable and carries a version derived from its content: buttons carry the
version they were drawn from, so a button from an older list is recognised as stale
(also after a restart, since the same content gives the same version).
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import operator
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property
from typing import Generic, TypeVar

from bot.catalogue import synonyms
from bot.curation import Curation, Pricing
from bot.panel import PanelClient, PanelFailure, Service
from bot.panel.panels import Panels, as_panels
from bot.settings import LOCALES
from bot.storage import Changes, ShopRepo, ShopStateRepo
from bot.text import OKINA, folded

log = logging.getLogger(__name__)

T = TypeVar("T")

# Search hints: words this long or longer, made of letters only.
HINT_WORD_MIN = 4
_PUNCTUATION = '.,:;!?()[]«»“”"-/|+*\N{EM DASH}\N{EN DASH}'
HINT_WORDS = 2
_CYRILLIC = re.compile("[\u0430-\u044f\u0451]")  # the Russian alphabet, lower case

# The panel's currency the shop last learnt (shop_state): amounts show it from the first
# update after a restart, though the start-up fetch may take long or the panel be down.
CURRENCY = "panel_currency"


class CatalogueUnavailable(Exception):
    """No catalogue yet and the panel cannot give one now."""


@dataclass(frozen=True)
class Category:
    index: int  # position in the panel's order: what buttons carry, never the name
    name: str
    services: tuple[Service, ...]


@dataclass(frozen=True)
class Snapshot:
    """What customers can order now: the panel's services as the reseller curated them.

    `services` holds only what is shown, `pricing` how each is priced, `all_services`
    everything orderable (for admins, who curate hidden services too).
    """

    version: str
    categories: tuple[Category, ...]
    currency: str
    services: dict[int, Service] = field(repr=False)
    category_of: dict[int, int] = field(repr=False)
    pricing: dict[int, Pricing] = field(repr=False, default_factory=dict)
    curation: Curation = field(repr=False, default_factory=Curation)
    all_services: dict[int, Service] = field(repr=False, default_factory=dict)
    _hint_cache: dict[str, list[str]] = field(
        repr=False, default_factory=dict, compare=False, init=False
    )

    @classmethod
    def build(
        cls,
        services: Sequence[Service],
        currency: str,
        curation: Curation | None = None,
        markup: Decimal = Decimal(0),
    ) -> Snapshot:
        curation = curation or Curation()
        services = [_as_curated(service, curation) for service in services]
        grouped: dict[str, list[Service]] = {}
        for service in services:
            if curation.service(service.id).hidden or curation.category(service.category).hidden:
                continue
            grouped.setdefault(service.category, []).append(service)
        categories = _in_shop_order(grouped, curation)
        digest = hashlib.sha256(f"{markup}|{curation.digest()}\n".encode())
        for service in services:
            digest.update(
                f"{service.id}|{service.category}|{service.name}|{service.type}|{service.rate}|"
                f"{service.min}|{service.max}|{service.cancel}|{service.dripfeed}\n".encode()
            )
        shown = {s.id: s for c in categories for s in c.services}
        return cls(
            version=digest.hexdigest()[:8],
            categories=categories,
            currency=currency,
            services=shown,
            category_of={s.id: c.index for c in categories for s in c.services},
            pricing={s.id: curation.pricing(s.id, s.category, s.rate, markup) for s in services},
            curation=curation,
            all_services={service.id: service for service in services},
        )

    def category(self, index: int) -> Category | None:
        return self.categories[index] if 0 <= index < len(self.categories) else None

    def warm(self, locales: Iterable[str]) -> Snapshot:
        """Build now what searches and the categories' screen would build at first use: the
        search index and each language's hint words. Called on the refresh's thread before
        the snapshot is handed out; else the first tap after each refresh built them on the
        event loop (10,000 services: ~80 ms, every customer waiting behind it)."""
        _ = self._index
        for locale in locales:
            self.hint_words(locale)
        return self

    @cached_property
    def every_category(self) -> tuple[Category, ...]:
        """For admins: every orderable service, hidden ones too, by category in shop order."""
        grouped: dict[str, list[Service]] = {}
        for service in self.all_services.values():
            grouped.setdefault(service.category, []).append(service)
        return _in_shop_order(grouped, self.curation)

    def name(self, service: Service, locale: str) -> str:
        """The service's name in `locale`, as the reseller named it, else the panel's."""
        return self.curation.service(service.id).names.get(locale) or service.name

    def description(self, service: Service, locale: str) -> str:
        return self.curation.service(service.id).descriptions.get(locale, "")

    def category_name(self, category: Category, locale: str) -> str:
        return self.curation.category(category.name).names.get(locale) or category.name

    @cached_property
    def _index(self) -> list[tuple[Service, str, tuple[str, ...]]]:
        """Per shown service: everything searchable, folded (`bot.text.folded`: any case,
        any apostrophe), and its names alone."""
        index = []
        for category in self.categories:
            rule = self.curation.category(category.name)
            category_text = " ".join([category.name, *rule.names.values()])
            for service in category.services:
                own = self.curation.service(service.id)
                names = tuple(folded(n) for n in (service.name, *own.names.values()))
                haystack = " ".join([*names, folded(category_text)])
                index.append((service, haystack, names))
        return index

    def hint_words(self, locale: str) -> list[str]:
        """Words to suggest for a search, from the names customers see in `locale`: those
        in the most services, leaving out a word every service has (a "Telegram" shop's
        "telegram" finds everything, so it tells nothing). Each finds something."""
        return self._hints(locale)

    def _hints(self, locale: str) -> list[str]:
        cached = self._hint_cache.get(locale)
        if cached is None:
            cached = self._hint_cache[locale] = self._rank_hint_words(locale)
        return cached

    def _rank_hint_words(self, locale: str) -> list[str]:
        seen_in: dict[str, int] = {}
        in_categories: set[str] = set()
        for category in self.categories:
            own = self.curation.category(category.name).names.get(locale)
            category_words = _hint_words(category.name, own, locale)
            in_categories.update(category_words)
            for service in category.services:
                own = self.curation.service(service.id).names.get(locale)
                for word in category_words | _hint_words(service.name, own, locale):
                    seen_in[word] = seen_in.get(word, 0) + 1
        everywhere = len(self.services)
        # Most services first; of equals, a category's word (what the shop sells) before a
        # service's; then the catalogue's order (the sort is stable).
        ranked = sorted(seen_in, key=lambda word: (-seen_in[word], word not in in_categories))
        telling = (w for w in ranked if seen_in[w] < everywhere or everywhere == 1)
        # A word from the names (or the market's word for one) finds its service; checked
        # anyway, for the few asked for only (a search scans the whole catalogue).
        found: list[str] = []
        for word in telling:
            if len(found) == HINT_WORDS:
                break
            if self.search(word):
                found.append(word)
        return found

    def search(self, query: str) -> list[Service]:
        """Shown services whose names or category contain every word of `query`, in any
        case and language, or the panel's word for it (`synonyms`: "просмотры" finds
        "Views"); those whose name starts with it first, then those with a word starting
        with it, then the rest, each in catalogue order."""
        # "members?" or "views," is searched for as the word: no name has the mark after it.
        words = [w.strip(_PUNCTUATION) for w in synonyms.phrases_joined(folded(query)).split()]
        words = [word for word in words if word]
        found = self._search(words)
        if found or len(words) < 2:
            return found
        # "заказать подписчиков", "1000 views": words no service has are left out, if the
        # others find something.
        telling = [word for word in words if self._search([word])]
        return self._search(telling) if telling else []

    def _search(self, words: list[str]) -> list[Service]:
        if not words:
            return []
        phrase = " ".join(words)
        # Words the market has other words for are looked for as any of them; the rest,
        # the common case, as cheaply as before.
        either = [(word, *synonyms.meanings(word)) for word in words]
        plain = [alternatives[0] for alternatives in either if len(alternatives) == 1]
        either = [alternatives for alternatives in either if len(alternatives) > 1]
        ranked = []
        for position, (service, haystack, names) in enumerate(self._index):
            if all(word in haystack for word in plain) and all(
                any(word in haystack for word in alternatives) for alternatives in either
            ):
                if phrase not in haystack:  # found by the market's words alone
                    rank = 3
                elif any(name.startswith(phrase) for name in names):
                    rank = 0
                elif any(f" {phrase}" in f" {name}" for name in names):
                    rank = 1
                elif any(phrase in name for name in names):
                    rank = 2
                else:
                    rank = 3
                ranked.append((rank, position, service))
        ranked.sort(key=lambda item: item[:2])
        return [service for _, _, service in ranked]


def _warm_snapshot(
    services: Sequence[Service], currency: str, curation: Curation | None, markup: Decimal
) -> Snapshot:
    return Snapshot.build(services, currency, curation, markup).warm(LOCALES)


def _same_objects(new: Sequence[Service], old: Sequence[Service] | None) -> bool:
    """The same service objects in the same order (not compared field by field: that
    would take milliseconds on the event loop; a changed answer has new objects)."""
    return old is not None and len(new) == len(old) and all(map(operator.is_, new, old))


def _same_lists(new: dict[str, list[Service]], old: dict[str, list[Service]] | None) -> bool:
    """Every panel gave the very list it gave last time (`_same_objects`)."""
    return (
        old is not None
        and new.keys() == old.keys()
        and all(_same_objects(services, old[name]) for name, services in new.items())
    )


def _words(name: str) -> dict[str, None]:
    """A name's words that make good search hints, case-folded, in the name's order."""
    words = (word.strip(_PUNCTUATION) for word in folded(name).split())
    return dict.fromkeys(
        w for w in words if len(w) >= HINT_WORD_MIN and w.replace(OKINA, "").isalpha()
    )


def _hint_words(panel_name: str, own: str | None, locale: str) -> dict[str, None]:
    """Hint words from a name as customers in `locale` see it: the reseller's own name in
    `locale` as it is; else the panel's, whose words reach a Russian or Uzbek reader as
    the market says them (`synonyms.hint`), or not at all when English (a Russian-named
    panel's Cyrillic words still reach Russian readers)."""
    if own is not None or locale == "en":
        return _words(own or panel_name)
    shown: dict[str, None] = {}
    for word in _words(panel_name):
        native = synonyms.hint(word, locale)
        if native is not None:
            shown[native] = None
        elif locale == "ru" and _CYRILLIC.search(word):
            shown[word] = None
    return shown


def _as_curated(service: Service, curation: Curation) -> Service:
    """The service with the reseller's word on drip-feed, where they gave one."""
    dripfeed = curation.service(service.id).dripfeed
    return service if dripfeed is None else replace(service, dripfeed=dripfeed)


def _in_shop_order(grouped: dict[str, list[Service]], curation: Curation) -> tuple[Category, ...]:
    """Categories with a position first, by it; the rest in the panel's order."""
    panel_order = {name: n for n, name in enumerate(grouped)}

    def place(name: str) -> tuple[bool, int, int]:
        position = curation.category(name).position
        return (position is None, position or 0, panel_order[name])

    return tuple(
        Category(index, name, tuple(grouped[name]))
        for index, name in enumerate(sorted(grouped, key=place))
    )


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
        panel: PanelClient | Panels,
        max_age: float,
        *,
        sellable: Callable[[Service], bool],
        clock: Callable[[], float] = time.monotonic,
        markup: Decimal = Decimal(0),
        shop: ShopRepo | None = None,
        new_visible: bool = True,
        state: ShopStateRepo | None = None,
    ) -> None:
        self._panels = as_panels(panel)
        # Handed in by the composition root: which types the shop can take orders for is the
        # order feature's knowledge, and the catalogue sits below it.
        self._sellable = sellable
        self._markup = markup
        self._shop = shop
        self._new_visible = new_visible
        self._state = state
        self._currency = ""  # the panel's, as last learnt (from this run or an earlier one)
        self._services: list[Service] = []
        # The panels' lists the shop last synced and built from (the very objects: a panel
        # client gives the same ones for an unchanged answer), by panel name, and the inputs
        # of the snapshot.
        self._listed: dict[str, list[Service]] | None = None
        self._built_from: tuple[list[Service], Curation | None, str] | None = None
        # Told what each refresh changed (set once the bot is known, to alert admins).
        self.on_changes: Callable[[Changes], Awaitable[None]] | None = None
        # Called once the start-up fetch is over, with the panel's currency known (fetched
        # now or remembered): checks that depend on it (the Stars rate).
        self.on_warmed: Callable[[], Awaitable[object]] | None = None
        self._max_age = max_age
        self._clock = clock
        self._snapshot: Snapshot | None = None
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()
        self._hidden_types_logged: set[str] = set()
        self._warm_up: asyncio.Task[None] | None = None
        self._background: asyncio.Task[None] | None = None  # a refresh no one waits for

    @property
    def snapshot(self) -> Snapshot | None:
        return self._snapshot

    async def warm_up(self) -> None:
        """Recall the currency last learnt, then fetch in the background at start-up: the
        first customer need not wait for the panel (nor find the bot silent while it is
        down), and amounts show the panel's currency from the first update. A shop that has
        never reached its panel shows amounts without one until its first fetch."""
        if self._state is not None:
            self._currency = await self._state.get(CURRENCY, "")
        self._warm_up = asyncio.create_task(self._warm())

    async def warmed(self) -> None:
        """Wait for the start-up fetch to end, fetched or failed (at once if none)."""
        if self._warm_up is not None:
            await asyncio.wait({self._warm_up})

    async def _warm(self) -> None:
        try:
            await self.refresh()
        except PanelFailure as error:
            log.warning("catalogue not loaded at start-up: %s", error)
        if self.on_warmed is not None and self._currency:
            try:
                await self.on_warmed()
            except Exception:  # a check's bug must not look like a failed fetch
                log.exception("start-up check after the catalogue's fetch failed")

    async def close(self) -> None:
        for task in (self._warm_up, self._background):
            if task is not None and not task.done():
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task

    @property
    def currency(self) -> str:
        """The panel's currency, once known ("" until a shop's first successful fetch)."""
        return self._currency

    async def current(self) -> Snapshot:
        """The snapshot in hand; once it is older than `max_age`, a refresh starts in the
        background and this tap is still answered from the old one. A refresh of a large
        catalogue takes hundreds of milliseconds, and a customer's tap must not wait for
        it (nor must everyone else's updates behind it). Only with no snapshot at all is
        the panel asked while the caller waits."""
        if self._snapshot is None:
            try:
                return await self.refresh()
            except PanelFailure as error:
                raise CatalogueUnavailable(str(error)) from None
        if self._clock() - self._fetched_at >= self._max_age and (
            self._background is None or self._background.done()
        ):
            self._background = asyncio.create_task(self._refresh_quietly())
        return self._snapshot

    async def refreshed(self) -> None:
        """Wait for a background refresh under way, if any (tests, shutdown)."""
        if self._background is not None:
            await asyncio.shield(self._background)

    async def _refresh_quietly(self) -> None:
        try:
            await self.refresh()
        except PanelFailure as error:
            log.warning("catalogue refresh failed, serving the previous one: %s", error)
        except Exception:  # a background task has no caller to raise to
            log.exception("catalogue refresh failed")

    async def cached(self) -> Snapshot:
        """The snapshot in hand, however old; fetched only if there is none.

        For Confirm: the customer must hear back within seconds, and a refresh with its
        retries could take longer than the placement itself.
        """
        return self._snapshot if self._snapshot is not None else await self.current()

    async def refresh(self) -> Snapshot:
        snapshot, changes = await self.reload()
        if changes and self.on_changes is not None:
            await self.on_changes(changes)
        return snapshot

    async def reload(self) -> tuple[Snapshot, Changes]:
        """Fetch now; also what changed since the shop last saw the panel's list (not
        reported to `on_changes`: the caller reports it)."""
        started = self._clock()
        async with self._lock:
            # Someone else refreshed while this call waited: theirs is fresh enough.
            if self._snapshot is not None and self._fetched_at >= started:
                return self._snapshot, Changes()
            # The big steps run on threads (here, in the panel client and the shop's sync),
            # so customers' taps go on being answered while 10,000 services are worked on;
            # and only when the panel's list changed: a thread still holds the interpreter.
            listed, silent = await self._fetch()
            currency = self._currency
            try:
                currency = (await self._panels.main.client.balance()).currency or currency
            except PanelFailure as error:
                log.warning("panel balance (for the currency) failed: %s", error)
            if currency != self._currency and self._state is not None:
                await self._state.flip(CURRENCY, currency, default="")
            self._currency = currency
            changes = Changes()
            if not _same_lists(listed, self._listed):
                services = await asyncio.to_thread(self._orderable, listed)
                if self._shop is not None:
                    # A panel that did not answer has not dropped its services.
                    owner = self._panels.owner_of
                    changes = await self._shop.sync(
                        services, self._new_visible, lambda number: owner(number).name in silent
                    )
                self._services = services
            self._snapshot = await self._build(currency)
            self._listed = listed
            self._fetched_at = self._clock()
            log.info(
                "catalogue %s: %d services in %d categories",
                self._snapshot.version,
                len(self._snapshot.services),
                len(self._snapshot.categories),
            )
            return self._snapshot, changes

    async def _fetch(self) -> tuple[dict[str, list[Service]], set[str]]:
        """Each panel's list, by name, and the panels that did not answer with one (each
        keeping the list it gave last, if any). Raises the first failure if none answered."""
        lists: dict[str, list[Service]] = {}
        failures: list[PanelFailure] = []
        silent: set[str] = set()
        for panel in self._panels:
            try:
                lists[panel.name] = await panel.client.services()
            except PanelFailure as error:
                failures.append(error)
                silent.add(panel.name)
                kept = (self._listed or {}).get(panel.name)
                if kept is not None:
                    lists[panel.name] = kept
                if self._panels.several:
                    log.warning(
                        "panel %s: services not fetched (%s), %s",
                        panel.name,
                        error,
                        "its last list kept" if kept is not None else "left out until it answers",
                    )
        if len(failures) == len(self._panels):
            raise failures[0]
        return lists, silent

    async def recurate(self) -> Snapshot | None:
        """Rebuild from the services in hand after the reseller changed something: what
        customers see changes at once, without asking the panel."""
        async with self._lock:
            if self._snapshot is None:
                return None
            self._snapshot = await self._build(self._snapshot.currency)
            return self._snapshot

    async def _build(self, currency: str) -> Snapshot:
        """A snapshot of the services in hand; the one in hand if nothing it shows changed
        (its search index and hints stay built)."""
        curation = await self._shop.load() if self._shop is not None else None
        built = self._built_from
        if (
            self._snapshot is not None
            and built is not None
            and built[0] is self._services
            and built[1] is curation  # the shop reads it again after any change
            and built[2] == currency
        ):
            return self._snapshot
        snapshot = await asyncio.to_thread(
            _warm_snapshot, self._services, currency, curation, self._markup
        )
        self._built_from = (self._services, curation, currency)
        return snapshot

    def _orderable(self, lists: dict[str, list[Service]]) -> list[Service]:
        kept = []
        for service in self._panels.catalogue(lists):
            if service.rate <= 0:
                # Nothing to charge would be a free order paid for by the shop.
                log.warning("hiding service %s: its rate is %s", service.id, service.rate)
            elif self._sellable(service):
                kept.append(service)
            elif service.type not in self._hidden_types_logged:
                self._hidden_types_logged.add(service.type)
                log.info("hiding services of type %r: the bot cannot order them yet", service.type)
        return kept
