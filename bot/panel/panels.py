"""Every panel the shop buys from: the main one (PANEL_...) and PANEL2_ ... PANEL9_.

An order keeps the panel that has it by name in `orders.panel`, '' for the main one
whatever PANEL_NAME says (so every order from before several panels stays the main one's).

Services of every panel share one catalogue, so each needs a number of its own there (the
shop's number, `Service.id`): the main panel's services keep their own ids; a service `id`
of the panel in slot `n` (PANELn_) is `n * SLOT_BLOCK + id`, e.g. 2000123 for id 123 of
PANEL2_. Numbers follow the slot, not the name: moving a panel to another slot renumbers its
services (orders keep theirs; the reseller's curation of them does not follow). A service of
another panel whose id is SLOT_BLOCK or more, or whose number the main panel uses itself (a
main panel with ids in the millions), is left out of the catalogue with a log line: the main
panel's numbers never change.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_CEILING, Decimal
from typing import Protocol

from bot.money import SCALE
from bot.panel.client import PanelClient
from bot.panel.models import Service
from bot.settings import PanelSettings, Settings

log = logging.getLogger(__name__)

SLOT_BLOCK = 1_000_000
MAIN_SLOT = 1
_ONE_MINOR = Decimal(1).scaleb(-SCALE)


class UnknownPanel(LookupError):
    """An order names a panel the settings no longer have (renamed or removed)."""


class OnPanel(Protocol):
    """Anything that says which panel has it (an order): '' the main one, else its name."""

    @property
    def panel(self) -> str: ...


@dataclass(frozen=True)
class NamedPanel:
    name: str  # lower case, as PANEL_NAME / PANELn_NAME say
    slot: int  # 1 the main panel, 2-9 PANELn_
    rate: Decimal  # one unit of its money in the shop's: 1 for the main one
    client: PanelClient

    @property
    def main(self) -> bool:
        return self.slot == MAIN_SLOT

    @property
    def key(self) -> str:
        """What orders and services keep for it: '' for the main panel, else its name."""
        return "" if self.main else self.name

    def number(self, panel_id: int) -> int | None:
        """The shop's number for this panel's service `panel_id`; None if it has none."""
        if self.main:
            return panel_id
        if not 0 <= panel_id < SLOT_BLOCK:
            return None
        return self.slot * SLOT_BLOCK + panel_id

    def to_shop(self, amount: Decimal) -> Decimal:
        """An amount of this panel's money in the shop's, rounded up to the database's
        scale: a cost is never made to look smaller than it is."""
        if self.main:
            return amount
        return (amount * self.rate).quantize(_ONE_MINOR, rounding=ROUND_CEILING)

    def as_sold(self, service: Service) -> Service | None:
        """The panel's service as the shop sells it: numbered, its rate in the shop's money
        (the panel's kept as `panel_rate`); None if it cannot have a number."""
        if self.main:
            return service
        number = self.number(service.id)
        if number is None:
            return None
        return replace(
            service,
            id=number,
            panel=self.name,
            panel_id=service.id,
            rate=self.to_shop(service.rate),
            panel_rate=service.rate,
        )


# Makes the client of one panel from its settings.
ClientFactory = Callable[[PanelSettings], PanelClient]


class Panels:
    """The panels in settings order, the main one first. Iterating gives each once."""

    def __init__(self, panels: Sequence[NamedPanel]) -> None:
        if not panels or not panels[0].main:
            raise ValueError("the main panel comes first")
        self._panels = tuple(panels)
        self._by_name = {panel.name.lower(): panel for panel in panels}
        self._by_key = {panel.key: panel for panel in panels}
        self._by_slot = {panel.slot: panel for panel in panels}

    @classmethod
    def single(cls, client: PanelClient, name: str = "main") -> Panels:
        """Just the main panel: what a shop with one panel (and most tests) has."""
        return cls([NamedPanel(name, MAIN_SLOT, Decimal(1), client)])

    @classmethod
    def from_settings(cls, settings: Settings, client: ClientFactory | None = None) -> Panels:
        """A client for each panel in `settings.panels` (`client(its settings)` makes one)."""
        make = client or (
            lambda each: PanelClient(each.api_url, each.api_key, timeout=settings.panel_timeout)
        )
        return cls([NamedPanel(p.name, p.slot, p.rate, make(p)) for p in settings.panels])

    def __iter__(self) -> Iterator[NamedPanel]:
        return iter(self._panels)

    def __len__(self) -> int:
        return len(self._panels)

    @property
    def main(self) -> NamedPanel:
        return self._panels[0]

    @property
    def several(self) -> bool:
        return len(self._panels) > 1

    def get(self, name: str) -> NamedPanel | None:
        """By name, in any case."""
        return self._by_name.get(name.strip().lower())

    def by_key(self, key: str) -> NamedPanel | None:
        """By what an order or a service keeps: '' the main panel, else a name."""
        return self._by_key.get(key)

    def of(self, order: OnPanel) -> NamedPanel:
        """The panel that has `order` (or a service); `UnknownPanel` if the settings lost it."""
        panel = self._by_key.get(order.panel)
        if panel is None:
            raise UnknownPanel(order.panel)
        return panel

    def owner_of(self, number: int) -> NamedPanel:
        """The panel whose services are numbered like `number` (the main panel's are
        everything outside the other panels' blocks)."""
        other = self._by_slot.get(number // SLOT_BLOCK)
        return other if other is not None else self.main

    def catalogue(self, lists: Mapping[str, Sequence[Service]]) -> list[Service]:
        """One list of every panel's services (`lists` by panel name, as each panel gave
        them), numbered for the shop, in panel order. A service that cannot have a number
        of its own is left out with a log line (see the module's docstring)."""
        main = list(lists.get(self.main.name, ()))
        taken = {service.id for service in main}
        merged = main
        for panel in self._panels[1:]:
            for service in lists.get(panel.name, ()):
                sold = panel.as_sold(service)
                if sold is None or sold.id in taken:
                    log.warning(
                        "panel %s: service %s left out: no number of its own in the catalogue",
                        panel.name,
                        service.id,
                    )
                    continue
                taken.add(sold.id)
                merged.append(sold)
        return merged

    async def close(self) -> None:
        await asyncio.gather(*(panel.client.close() for panel in self._panels))


def as_panels(panel: PanelClient | Panels) -> Panels:
    """Panels from either: a lone client is the main (and only) panel."""
    return panel if isinstance(panel, Panels) else Panels.single(panel)
