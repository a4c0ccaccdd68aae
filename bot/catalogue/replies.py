"""Reading the catalogue for an answer, handled once: it may be unavailable (no list yet
and the panel down), and then the customer is told so, on the message or as the tap's
answer."""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message

from bot.catalogue.cache import Catalogue, CatalogueUnavailable, Snapshot
from bot.i18n import Texts


async def current_snapshot(
    catalogue: Catalogue, asker: Message | CallbackQuery, t: Texts, *, cached: bool = False
) -> Snapshot | None:
    """The catalogue (`cached`: the one in hand, however old), or None once the asker has
    been told it is unavailable."""
    try:
        return await (catalogue.cached() if cached else catalogue.current())
    except CatalogueUnavailable:
        if isinstance(asker, CallbackQuery):
            await asker.answer(t("catalogue-unavailable"), show_alert=True)
        else:
            await asker.answer(t("catalogue-unavailable"))
        return None


async def tapped_snapshot(
    query: CallbackQuery, catalogue: Catalogue, t: Texts
) -> tuple[Message, Snapshot] | None:
    """For a catalogue button: the message it is on and the current catalogue, or None once
    the tap has been answered with why not."""
    message = query.message
    if not isinstance(message, Message):
        await query.answer(t("order-expired"), show_alert=True)
        return None
    snapshot = await current_snapshot(catalogue, query, t)
    return None if snapshot is None else (message, snapshot)
