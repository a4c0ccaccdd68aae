"""Admins curate the catalogue by command: hide and show, markups and fixed prices, names and
descriptions per language, the order of categories (`/shop`, in `shop_panel`, does hiding
and showing by tapping).

A service is named by its panel id (`123`), a category by its panel name (any case).
Every change rebuilds the catalogue customers see at once: its version changes, so
buttons drawn before are stale and a summary is re-priced at Confirm.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import TypeVar

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.catalogue import Catalogue, Snapshot, renaming
from bot.catalogue.provenance import with_panel
from bot.catalogue.replies import current_snapshot
from bot.catalogue.targets import (
    CLEAR,
    Target,
    parse_markup,
    parse_position,
    parse_switch,
    resolve,
    splits,
)
from bot.formats import Money
from bot.i18n import Texts
from bot.money import (
    AmountTooLarge,
    charge_up,
    display,
    display_panel,
    parse_typed_amount,
    refund_down,
)
from bot.orders.prices import Prices
from bot.panel import Service
from bot.settings import LOCALES, Settings
from bot.storage import ShopRepo
from bot.storage.shop import TextField

MAX_ECHO = 100
RENAMED_SHOWN = 10  # services listed after a /renameall, so the admin sees what it did
V = TypeVar("V")


async def _target(
    catalogue: Catalogue, message: Message, t: Texts, text: str
) -> tuple[Snapshot, Target] | None:
    snapshot = await current_snapshot(catalogue, message, t)
    if snapshot is None:
        return None
    target = resolve(snapshot, text)
    if target is None:
        await message.answer(_not_found(t, text))
        return None
    return snapshot, target


def _not_found(t: Texts, text: str) -> str:
    # Echoed cut short: the whole of a pasted page would not fit in a message.
    return t("shop-not-found", target=text if len(text) <= MAX_ECHO else f"{text[:MAX_ECHO]}…")


async def hide_or_show(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    hidden = command.command.lower() == "hide"
    if not command.args:
        await message.answer(t(f"shop-usage-{command.command.lower()}"))
        return
    found = await _target(catalogue, message, t, command.args)
    if found is None:
        return
    _, target = found
    if target.service is not None:
        await shop.set_service_hidden(target.service.id, hidden)
    elif target.category is not None:
        await shop.set_category(target.category, "hidden", int(hidden))
    await catalogue.recurate()
    await message.answer(t("shop-hidden" if hidden else "shop-shown", what=target.label))


def _read_value(
    text: str, parse: Callable[[str], V | None], t: Texts, name: str
) -> tuple[V | None, str | None]:
    """The value `text` gives (None: `-`, clear it), or why it is not one."""
    if text == CLEAR:
        return None, None
    try:
        value = parse(text)
    except AmountTooLarge as error:
        return None, t("amount-too-large", max=error.limit)
    return (value, None) if value is not None else (None, t(f"shop-bad-{name}"))


async def _target_and_value(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    t: Texts,
    parse: Callable[[str], V | None],
    current: Callable[[Snapshot, Target], str | None] | None = None,
) -> tuple[Snapshot, Target, V | None] | None:
    """`/COMMAND TARGET VALUE`, `-` as VALUE clearing it: the snapshot, the target and the
    value (None: clear), or None once the admin has been told what is wrong. The value may
    be typed with spaces ("80 000"); `/COMMAND TARGET` alone shows the value now
    (`current`, where the command has one to show)."""
    name = command.command.lower()
    alone = " ".join((command.args or "").split())
    readings = splits(alone)
    if not alone or (not readings and current is None):
        await message.answer(t(f"shop-usage-{name}"))
        return None
    snapshot = await current_snapshot(catalogue, message, t)
    if snapshot is None:
        return None
    for target_text, value_text in readings:
        value, problem = _read_value(value_text, parse, t, name)
        if problem is None and (target := resolve(snapshot, target_text)) is not None:
            return snapshot, target, value
    if current is not None and (target := resolve(snapshot, alone)) is not None:
        await message.answer(current(snapshot, target) or t(f"shop-usage-{name}"))
        return None
    if not readings:
        await message.answer(t(f"shop-usage-{name}"))
        return None
    # Said of the plainest reading, the last word as the value.
    target_text, value_text = readings[0]
    _, problem = _read_value(value_text, parse, t, name)
    await message.answer(problem or _not_found(t, target_text))
    return None


def _markup_now(snapshot: Snapshot, target: Target, settings: Settings, t: Texts) -> str:
    """The markup that applies to a service or category now, and where it is set."""
    category = target.service.category if target.service is not None else target.category
    own = snapshot.curation.category(category or "").markup
    source, markup = ("category", own) if own is not None else ("default", None)
    fixed = None
    if target.service is not None:
        rule = snapshot.curation.service(target.service.id)
        if rule.markup is not None:
            source, markup = "service", rule.markup
        if rule.price is not None:
            fixed = _customer_price(snapshot, target.service, settings)
    return t(
        "shop-markup-now",
        what=target.label,
        markup=_percent(settings.price_markup_percent if markup is None else markup),
        source=source,
        fixed="no" if fixed is None else "yes",
        price=fixed or "",
    )


def _percent(value: Decimal) -> Decimal:
    """A markup as typed (50, 12.5), not at the database's scale (50.00000)."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def _customer_price(snapshot: Snapshot, service: Service, settings: Settings) -> Money:
    """What customers are shown per 1000 (a package: for the whole of it)."""
    decimals = settings.price_decimals
    return display(Prices(snapshot, decimals).per_1000(service), decimals, snapshot.currency)


async def markup(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    settings: Settings,
    t: Texts,
) -> None:
    found = await _target_and_value(
        message,
        command,
        catalogue,
        t,
        partial(parse_markup, locale=t.locale),
        partial(_markup_now, settings=settings, t=t),
    )
    if found is None:
        return
    _, target, value = found
    if target.service is not None:
        await shop.set_service_price(target.service.id, markup=value)
    elif target.category is not None:
        await shop.set_category_markup(target.category, value)
    await catalogue.recurate()
    if value is None:
        await message.answer(t("shop-markup-cleared", what=target.label))
    else:
        await message.answer(t("shop-markup-set", what=target.label, markup=value))


def _price_now(snapshot: Snapshot, target: Target, settings: Settings, t: Texts) -> str | None:
    """What customers pay for a service now, against the panel's rate; None for a
    category (a fixed price is a service's)."""
    service = target.service
    if service is None:
        return None
    pricing = snapshot.pricing[service.id]
    now = t(
        "shop-price-now",
        what=target.label,
        id=str(service.id),
        price=_customer_price(snapshot, service, settings),
        rate=display_panel(service.rate, snapshot.currency),
        fixed="yes" if snapshot.curation.service(service.id).price is not None else "no",
        markup=_percent(pricing.markup),
    )
    return with_panel(now, service, t)


async def price(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    settings: Settings,
    t: Texts,
) -> None:
    found = await _target_and_value(
        message,
        command,
        catalogue,
        t,
        partial(parse_typed_amount, locale=t.locale),
        partial(_price_now, settings=settings, t=t),
    )
    if found is None:
        return
    snapshot, target, value = found
    service = target.service
    if service is None:  # a fixed price belongs to one service, not to a category
        await message.answer(t("shop-usage-price"))
        return
    rate = display_panel(service.rate, snapshot.currency)
    decimals = settings.price_decimals
    if value is not None and value != (lower := refund_down(value, decimals)):
        # Lists show the price rounded, charges round it up: 80000.50 would list as
        # 80,000 and charge 80,001 for 1000. Refused, with the two prices it could be.
        higher = charge_up(value, decimals)
        choices = {"lower": display(lower, decimals), "higher": display(higher, decimals)}
        await message.answer(t("shop-price-decimals", decimals=decimals, **choices))
        return
    if value is not None and value < service.rate:
        shown = display(value, settings.price_decimals, snapshot.currency)
        await message.answer(t("shop-price-below", price=shown, rate=rate))
        return
    await shop.set_service_price(service.id, price=value)
    await catalogue.recurate()
    if value is None:
        await message.answer(t("shop-price-cleared", what=target.label))
    else:
        shown = display(value, settings.price_decimals, snapshot.currency)
        await message.answer(t("shop-price-set", what=target.label, price=shown, rate=rate))


async def _with_language(
    message: Message, command: CommandObject, t: Texts, *, extra: bool = False
) -> list[str] | None:
    """`TARGET | LANG | TEXT` (`extra`: and maybe `| MORE`), LANG one of ours, in lower
    case; or None once the admin has been told what is wrong."""
    parts = [part.strip() for part in (command.args or "").split("|", 3 if extra else 2)]
    if len(parts) < 3 or not all(parts[:3]):
        await message.answer(t(f"shop-usage-{command.command.lower()}"))
        return None
    parts[1] = parts[1].lower()
    if parts[1] not in LOCALES:
        await message.answer(t("shop-bad-language"))
        return None
    return parts


async def rename_or_describe(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    """`/rename TARGET | LANG | NAME` and `/describe SERVICE | LANG | TEXT`; `-` clears."""
    name = command.command.lower()
    parts = await _with_language(message, command, t)
    if parts is None:
        return
    what, language, text = parts
    found = await _target(catalogue, message, t, what)
    if found is None:
        return
    _, target = found
    value = None if text == CLEAR else " ".join(text.split())
    field: TextField = "name" if name == "rename" else "description"
    if target.service is not None:
        await shop.set_text("service", str(target.service.id), language, field, value)
    elif field == "description" or target.category is None:
        await message.answer(t("shop-usage-describe"))
        return
    else:
        await shop.set_text("category", target.category, language, field, value)
    await catalogue.recurate()
    key = f"shop-{field}-{'cleared' if value is None else 'set'}"
    await message.answer(t(key, what=target.label, language=language, text=value or ""))


async def rename_all(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    """`/renameall CATEGORY | LANG | NAME [| OLD = NEW; …]`: the category's name in one
    language, and every service in it renamed from the panel's name (the category's panel
    name replaced by NAME, then each OLD by its NEW); `-` as NAME clears them all."""
    parts = await _with_language(message, command, t, extra=True)
    if parts is None:
        return
    what, language, name, *rest = parts
    replacements = renaming.parse_replacements(rest[0] if rest else "")
    if replacements is None:
        await message.answer(t("shop-bad-renameall"))
        return
    found = await _target(catalogue, message, t, what)
    if found is None:
        return
    snapshot, target = found
    if target.category is None:
        await message.answer(t("shop-usage-renameall"))
        return
    [category] = [c for c in snapshot.every_category if c.name == target.category]
    value = None if name == CLEAR else " ".join(name.split())
    await shop.set_text("category", category.name, language, "name", value)
    shown: list[str] = []
    for service in category.services:
        new = None
        if value is not None:
            new = renaming.renamed(service.name, [(category.name, value), *replacements])
            if new == service.name or not new:
                continue
            shown.append(f"#{service.id} {new}")
        await shop.set_text("service", str(service.id), language, "name", new)
    await catalogue.recurate()
    total = len(category.services)
    if value is None:
        await message.answer(
            t("shop-renameall-cleared", what=category.name, language=language, total=total)
        )
        return
    done = t(
        "shop-renameall-done",
        what=category.name,
        language=language,
        text=value,
        count=len(shown),
        total=total,
    )
    listed = shown[:RENAMED_SHOWN] + (["…"] if len(shown) > RENAMED_SHOWN else [])
    await message.answer("\n".join([done, *(html.quote(line) for line in listed)]))


async def position(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    found = await _target_and_value(message, command, catalogue, t, parse_position)
    if found is None:
        return
    _, target, value = found
    if target.category is None:
        await message.answer(t("shop-usage-position"))
        return
    await shop.set_category(target.category, "position", value)
    await catalogue.recurate()
    if value is None:
        await message.answer(t("shop-position-cleared", what=target.label))
    else:
        await message.answer(t("shop-position-set", what=target.label, position=value))


async def dripfeed(
    message: Message,
    command: CommandObject,
    catalogue: Catalogue,
    shop: ShopRepo,
    t: Texts,
) -> None:
    """`/dripfeed SERVICE on|off|-`: offer drip-feed where the panel's list does not say."""
    found = await _target_and_value(message, command, catalogue, t, parse_switch)
    if found is None:
        return
    _, target, value = found
    if target.service is None:
        await message.answer(t("shop-usage-dripfeed"))
        return
    await shop.set_service_dripfeed(target.service.id, value)
    await catalogue.recurate()
    state = "default" if value is None else ("on" if value else "off")
    await message.answer(t("shop-dripfeed-set", what=target.label, state=state))


def create_router() -> Router:
    router = Router(name="admin-catalogue")
    router.message.register(hide_or_show, Command("hide", "show"))
    router.message.register(markup, Command("markup"))
    router.message.register(price, Command("price"))
    router.message.register(rename_or_describe, Command("rename", "describe"))
    router.message.register(rename_all, Command("renameall"))
    router.message.register(position, Command("position"))
    router.message.register(dripfeed, Command("dripfeed"))
    return router
