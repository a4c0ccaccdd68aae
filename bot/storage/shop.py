"""The reseller's curation of the catalogue (migration 5), and keeping it in step with
the panel's list on every refresh."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from bot.catalogue.curation import CategoryRule, Curation, ServiceRule
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


class ShopRepo:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def sync(self, services: Sequence[Service], new_visible: bool) -> Changes:
        """Record the panel's current list. The very first list is the shop's starting
        catalogue, all shown; later, a new service is shown per `new_visible`, one that
        disappeared is hidden (it stays hidden if it comes back), and a new rate is kept."""
        changes = Changes()
        async with self._db.transaction() as tx:
            rows = await tx.fetchall("SELECT service_id, gone, rate, price FROM shop_services")
            known = {int(r[0]): (bool(r[1]), int(r[2]), r[3]) for r in rows}
            first = not known
            listed = set()
            for service in services:
                listed.add(service.id)
                rate = to_minor(service.rate)
                seen = known.get(service.id)
                if seen is None:
                    hidden = 0 if first or new_visible else 1
                    await tx.execute(
                        "INSERT INTO shop_services (service_id, hidden, rate) VALUES (?, ?, ?)",
                        (service.id, hidden, rate),
                    )
                    if not first:
                        changes.added.append(service)
                    continue
                gone, old_rate, price = seen
                if gone:
                    await tx.execute(
                        "UPDATE shop_services SET gone = 0, rate = ? WHERE service_id = ?",
                        (rate, service.id),
                    )
                    changes.added.append(service)
                elif old_rate != rate:
                    await tx.execute(
                        "UPDATE shop_services SET rate = ? WHERE service_id = ?",
                        (rate, service.id),
                    )
                    below = price is not None and int(price) < rate
                    changes.repriced.append(Repriced(service, from_minor(old_rate), below))
            for service_id, (gone, _, _) in sorted(known.items()):
                if service_id not in listed and not gone:
                    await tx.execute(
                        "UPDATE shop_services SET gone = 1, hidden = 1 WHERE service_id = ?",
                        (service_id,),
                    )
                    changes.removed.append(service_id)
        return changes

    async def _write(self, sql: str, params: tuple[object, ...]) -> None:
        async with self._db.transaction() as tx:
            await tx.execute(sql, params)

    async def load(self) -> Curation:
        texts: dict[tuple[str, str], dict[str, dict[str, str]]] = {}
        for kind, item, language, name, value in await self._db.fetchall(
            "SELECT kind, item, language, field, value FROM shop_texts"
        ):
            by_field = texts.setdefault((str(kind), str(item)), {})
            by_field.setdefault(str(name), {})[str(language)] = str(value)
        services = {}
        for service_id, hidden, markup, price, dripfeed in await self._db.fetchall(
            "SELECT service_id, hidden, markup, price, dripfeed FROM shop_services"
        ):
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
        for name, hidden, markup, position in await self._db.fetchall(
            "SELECT name, hidden, markup, position FROM shop_categories"
        ):
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


_SET_CATEGORY = {
    column: f"UPDATE shop_categories SET {column} = ? WHERE name = ?"  # noqa: S608  # fixed names
    for column in ("hidden", "markup", "position")
}


async def _ensure_category(tx: Transaction, name: str) -> None:
    await tx.execute(
        "INSERT INTO shop_categories (name) VALUES (?) ON CONFLICT (name) DO NOTHING", (name,)
    )
