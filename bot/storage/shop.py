"""The reseller's curation of the catalogue (migration 5), and keeping it in step with
the panel's list on every refresh."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import partial
from typing import Literal

from bot.curation import CategoryRule, Curation, ServiceRule
from bot.money import from_minor, to_minor
from bot.panel import Service
from bot.storage.db import Database, Transaction

Kind = Literal["service", "category"]
TextField = Literal["name", "description"]


@dataclass(frozen=True)
class Repriced:
    service: Service
    old_rate: Decimal
    below_price: bool  # the panel now charges more than the fixed price customers pay


@dataclass
class Changes:
    """What a refresh found different from the last list the shop saw."""

    added: list[Service] = field(default_factory=list)
    removed: list[int] = field(default_factory=list)
    repriced: list[Repriced] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.repriced)


def _minor(value: Decimal | None) -> int | None:
    return None if value is None else to_minor(value)


def _decimal(value: object) -> Decimal | None:
    return None if value is None else from_minor(int(str(value)))


# A service as the last sync recorded it: (gone, rate in minor units). Only `sync` writes
# these two columns, so what it wrote last is what the file holds.
_Synced = dict[int, tuple[bool, int]]


@dataclass
class _Plan:
    """What one sync writes, worked out from the last list without touching the file."""

    changes: Changes
    after: _Synced
    inserts: list[tuple[int, int, int]] = field(default_factory=list)  # id, hidden, rate
    back: list[tuple[int, int]] = field(default_factory=list)  # rate, id: listed again
    rates: list[tuple[int, int]] = field(default_factory=list)  # rate, id: re-priced
    gone: list[tuple[int]] = field(default_factory=list)
    repriced: list[tuple[Service, int]] = field(default_factory=list)  # with the old rate

    @property
    def writes(self) -> bool:
        return bool(self.inserts or self.back or self.rates or self.gone)


def _plan(
    known: _Synced,
    services: Sequence[Service],
    new_visible: bool,
    unheard: Callable[[int], bool] = lambda service_id: False,
) -> _Plan:
    plan = _Plan(Changes(), dict(known))
    first = not known
    listed = set()
    for service in services:
        listed.add(service.id)
        rate = to_minor(service.rate)
        seen = known.get(service.id)
        plan.after[service.id] = (False, rate)
        if seen is None:
            plan.inserts.append((service.id, 0 if first or new_visible else 1, rate))
            if not first:
                plan.changes.added.append(service)
        elif seen[0]:
            plan.back.append((rate, service.id))
            plan.changes.added.append(service)
        elif seen[1] != rate:
            plan.rates.append((rate, service.id))
            plan.repriced.append((service, seen[1]))
    for service_id, (gone, rate) in sorted(known.items()):
        if service_id not in listed and not gone and not unheard(service_id):
            plan.gone.append((service_id,))
            plan.after[service_id] = (True, rate)
            plan.changes.removed.append(service_id)
    return plan


def _write_plan(conn: sqlite3.Connection, plan: _Plan) -> None:
    conn.executemany(
        "INSERT INTO shop_services (service_id, hidden, rate) VALUES (?, ?, ?)", plan.inserts
    )
    conn.executemany("UPDATE shop_services SET gone = 0, rate = ? WHERE service_id = ?", plan.back)
    conn.executemany("UPDATE shop_services SET rate = ? WHERE service_id = ?", plan.rates)
    conn.executemany(
        "UPDATE shop_services SET gone = 1, hidden = 1 WHERE service_id = ?", plan.gone
    )
    for service, old_rate in plan.repriced:
        [price] = conn.execute(
            "SELECT price FROM shop_services WHERE service_id = ?", (service.id,)
        ).fetchone()
        below = price is not None and int(price) < to_minor(service.rate)
        plan.changes.repriced.append(Repriced(service, from_minor(old_rate), below))


def _read_synced(conn: sqlite3.Connection) -> _Synced:
    rows = conn.execute("SELECT service_id, gone, rate FROM shop_services").fetchall()
    return {int(r[0]): (bool(r[1]), int(r[2])) for r in rows}


class ShopRepo:
    """The curation, and the panel's list as last synced.

    Both are remembered between refreshes (this repo is their only writer): a refresh that
    finds the panel's list unchanged reads and writes nothing, and the big work (comparing
    10,000 services, reading the curation back) runs on a thread, so customers' taps are
    not kept waiting behind it.
    """

    def __init__(self, db: Database) -> None:
        self._db = db
        self._synced: _Synced | None = None
        self._curation: Curation | None = None

    async def sync(
        self,
        services: Sequence[Service],
        new_visible: bool,
        unheard: Callable[[int], bool] = lambda service_id: False,
    ) -> Changes:
        """Record the panels' current list. The very first list is the shop's starting
        catalogue, all shown; later, a new service is shown per `new_visible`, one that
        disappeared is hidden (it stays hidden if it comes back), and a new rate is kept.
        A service `unheard` says its panel did not answer for is not gone.

        Never two at once: the catalogue's refresh lock sees to it."""
        known = self._synced
        if known is None:
            known = await self._db.in_thread(_read_synced)
        plan = await asyncio.to_thread(_plan, known, services, new_visible, unheard)
        if plan.writes:
            self._synced = None  # until written: if this fails, read the file again
            await self._db.in_thread(partial(_write_plan, plan=plan))
            if plan.inserts or plan.gone:
                self._curation = None  # their `hidden` changed
        self._synced = plan.after
        return plan.changes

    async def _write(self, sql: str, params: tuple[object, ...]) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(sql, params)
        self._curation = None

    async def load(self) -> Curation:
        """The reseller's curation: read once, then again only after something changed."""
        if self._curation is None:
            self._curation = await self._db.in_thread(_read_curation)
        return self._curation

    async def set_service_hidden(self, service_id: int, hidden: bool) -> None:
        await self._write(
            "UPDATE shop_services SET hidden = ? WHERE service_id = ?", (int(hidden), service_id)
        )

    async def set_service_dripfeed(self, service_id: int, dripfeed: bool | None) -> None:
        """Offer drip-feed on the service or not; None: as the panel says."""
        await self._write(
            "UPDATE shop_services SET dripfeed = ? WHERE service_id = ?",
            (None if dripfeed is None else int(dripfeed), service_id),
        )

    async def set_service_price(
        self, service_id: int, *, markup: Decimal | None = None, price: Decimal | None = None
    ) -> None:
        """A markup or a fixed price per 1000 (setting one clears the other; none: inherit)."""
        await self._write(
            "UPDATE shop_services SET markup = ?, price = ? WHERE service_id = ?",
            (_minor(markup), _minor(price), service_id),
        )

    async def set_category(
        self, name: str, column: Literal["hidden", "markup", "position"], value: int | None
    ) -> None:
        async with self._db.transaction() as tx:
            await _ensure_category(tx, name)
            await tx.execute(_SET_CATEGORY[column], (value, name))
        self._curation = None

    async def set_category_markup(self, name: str, markup: Decimal | None) -> None:
        await self.set_category(name, "markup", _minor(markup))

    async def set_text(
        self, kind: Kind, item: str, language: str, name: TextField, value: str | None
    ) -> None:
        """A name or description in one language (None: back to the panel's)."""
        key = (kind, item, language, name)
        async with self._db.transaction() as tx:
            if value is None:
                await tx.execute(
                    "DELETE FROM shop_texts WHERE kind = ? AND item = ? AND language = ?"
                    " AND field = ?",
                    key,
                )
            else:
                await tx.execute(
                    "INSERT INTO shop_texts (kind, item, language, field, value)"
                    " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
                    (*key, value),
                )
        self._curation = None


def _read_curation(conn: sqlite3.Connection) -> Curation:
    texts: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
    for kind, item, language, name, value in conn.execute(
        "SELECT kind, item, language, field, value FROM shop_texts"
    ).fetchall():
        by_field = texts.setdefault((str(kind), str(item)), {})
        by_field.setdefault(str(name), {})[str(language)] = str(value)
    services = {}
    for service_id, hidden, markup, price, dripfeed in conn.execute(
        "SELECT service_id, hidden, markup, price, dripfeed FROM shop_services"
    ).fetchall():
        own = texts.get(("service", str(service_id)), {})
        services[int(service_id)] = ServiceRule(
            hidden=bool(hidden),
            markup=_decimal(markup),
            price=_decimal(price),
            names=own.get("name", {}),
            descriptions=own.get("description", {}),
            dripfeed=None if dripfeed is None else bool(dripfeed),
        )
    categories = {}
    for name, hidden, markup, position in conn.execute(
        "SELECT name, hidden, markup, position FROM shop_categories"
    ).fetchall():
        categories[str(name)] = CategoryRule(
            hidden=bool(hidden),
            markup=_decimal(markup),
            position=None if position is None else int(position),
            names=texts.get(("category", str(name)), {}).get("name", {}),
        )
    # Categories with only names have no row of their own.
    for (kind, item), fields in texts.items():
        if kind == "category" and item not in categories:
            categories[item] = CategoryRule(names=fields.get("name", {}))
    return Curation(services, categories)


_SET_CATEGORY = {
    column: f"UPDATE shop_categories SET {column} = ? WHERE name = ?"  # noqa: S608  # fixed names
    for column in ("hidden", "markup", "position")
}


async def _ensure_category(tx: Transaction, name: str) -> None:
    await tx.execute(
        "INSERT INTO shop_categories (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,)
    )
