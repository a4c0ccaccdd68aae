"""`/fallback N PANEL:ID [PANEL:ID ...]`: where service N's orders go, in order, when its own
panel definitely refuses them. `/fallback N` shows the list, `/fallback N -` clears it.

N is the shop's service number, PANEL a panel's name (any case), ID the service's id on
that panel. The whole list is checked before anything is kept: one alternative that does
not exist or cannot take the service's orders refuses the command, saying which and why.
"""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.catalogue import Catalogue, Snapshot
from bot.catalogue.replies import current_snapshot
from bot.catalogue.targets import CLEAR
from bot.i18n import Html, Texts
from bot.orders.fallbacks import service_at, unfit
from bot.panel import Service
from bot.panel.panels import Panels
from bot.storage.fallbacks import Fallback, FallbacksRepo
from bot.validation import parse_whole_number

MAX_ECHO = 40
# More would only slow a refused order down (each one tried in turn) and not fit a message.
MAX_FALLBACKS = 8


def _echo(text: str) -> str:
    return text if len(text) <= MAX_ECHO else f"{text[:MAX_ECHO]}…"


def _panel_name(panels: Panels, key: str) -> str:
    """How admins name the panel `key` ('' the main one) in messages."""
    panel = panels.by_key(key)
    return key if panel is None else panel.name


def _line(t: Texts, panels: Panels, service: Service) -> str:
    """A service as `/fallback` lists it: panel:id, name, type, limits."""
    return t(
        "fallback-line",
        panel=_panel_name(panels, service.panel),
        id=str(service.panel_id),
        service=service.name,
        type=service.type,
        min=service.min,
        max=service.max,
    )


def _listing(
    t: Texts, panels: Panels, snapshot: Snapshot, own: Service, kept: list[Fallback]
) -> str:
    """Service `own` and its fallbacks in the order they are tried."""
    head = t("fallback-of", number=str(own.id), own=Html(_line(t, panels, own)))
    if not kept:
        return f"{head}\n{t('fallback-none', number=str(own.id))}"
    lines = [head]
    for place, fallback in enumerate(kept, start=1):
        other = service_at(snapshot, fallback.panel, fallback.panel_service_id)
        what = (
            _line(t, panels, other)
            if other is not None
            else t(
                "fallback-line-gone",
                panel=_panel_name(panels, fallback.panel),
                id=str(fallback.panel_service_id),
            )
        )
        lines.append(f"{place}. {what}")
    return "\n".join(lines)


def _read(
    t: Texts, panels: Panels, snapshot: Snapshot, own: Service, items: list[str]
) -> list[Fallback] | str:
    """The fallbacks `items` name, or what is wrong with the first one that is not one."""
    chosen: list[Fallback] = []
    for item in items:
        name, colon, number = item.rpartition(":")
        panel_service_id = parse_whole_number(number) if colon else None
        if not name or panel_service_id is None:
            return t("fallback-bad-item", item=_echo(item))
        panel = panels.get(name)
        if panel is None:
            known = ", ".join(each.name for each in panels)
            return t("fallback-no-panel", panel=_echo(name), panels=known)
        key = panel.key
        other = service_at(snapshot, key, panel_service_id)
        why = unfit(own, other)
        if why is not None:
            return t(
                why.value,
                item=f"{panel.name}:{panel_service_id}",
                number=str(own.id),
                type=own.type,
                other_type="" if other is None else other.type,
                min=own.min,
                max=own.max,
                other_min=0 if other is None else other.min,
                other_max=0 if other is None else other.max,
            )
        fallback = Fallback(key, panel_service_id)
        if fallback in chosen:
            return t("fallback-twice", item=f"{panel.name}:{panel_service_id}")
        chosen.append(fallback)
    return chosen


async def fallback_command(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    catalogue: Catalogue,
    panels: Panels,
    fallbacks: FallbacksRepo,
    t: Texts,
) -> None:
    words = (command.args or "").split()
    number = parse_whole_number(words[0]) if words else None
    if number is None:
        await message.answer(t("fallback-usage"))
        return
    snapshot = await current_snapshot(catalogue, message, t)
    if snapshot is None:
        return
    own = snapshot.all_services.get(number)
    items = words[1:]
    if own is None and items == [CLEAR] and await fallbacks.of(number):
        # A service gone from the catalogue can still lose the fallbacks it had.
        await fallbacks.replace(number, [], event_from_user.id)
        await message.answer(t("fallback-cleared", number=str(number)))
        return
    if own is None:
        await message.answer(t("fallback-no-service", number=_echo(words[0])))
        return
    said = ""
    if items == [CLEAR]:
        await fallbacks.replace(own.id, [], event_from_user.id)
        said = t("fallback-cleared", number=str(own.id))
    elif len(items) > MAX_FALLBACKS:
        await message.answer(t("fallback-too-many", most=MAX_FALLBACKS))
        return
    elif items:
        chosen = _read(t, panels, snapshot, own, items)
        if isinstance(chosen, str):
            await message.answer(chosen)
            return
        await fallbacks.replace(own.id, chosen, event_from_user.id)
        said = t("fallback-set", number=str(own.id), count=len(chosen))
    listing = _listing(t, panels, snapshot, own, await fallbacks.of(own.id))
    await message.answer(f"{said}\n\n{listing}" if said else listing)


def create_router() -> Router:
    router = Router(name="admin-fallbacks")
    router.message.register(fallback_command, Command("fallback"))
    return router
