"""Answering in place: the two things every handler that edits a message or reads the
catalogue must cope with, handled once.

- Editing a message to what it already shows (a double tap, a Refresh that found nothing
  new) makes Telegram answer "message is not modified": the message is up to date. A
  message that can no longer be edited (deleted, too old) gets a new message instead.
- The catalogue may be unavailable (no list yet and the panel down): the customer is told
  so, on the message or as the tap's answer.
"""

from __future__ import annotations

import logging

from aiogram.exceptions import TelegramBadRequest
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message

from bot.catalogue import Catalogue, CatalogueUnavailable, Snapshot
from bot.i18n import Texts

log = logging.getLogger(__name__)


async def edit_or_send(
    message: Message, text: str, markup: InlineKeyboardMarkup | None = None
) -> int:
    """Show `text` on `message`, or in a new message if that one cannot be edited; the id
    of the message that shows it."""
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as error:
        if "message is not modified" in error.message:
            return message.message_id
        log.info("could not edit message: %s; sending a new one", error.message)
        return (await message.answer(text, reply_markup=markup)).message_id
    return message.message_id


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


# Telegram refuses longer messages (counted after markup is parsed, so the raw text's length
# is a safe bound).
MESSAGE_LIMIT = 4096


def in_messages(blocks: list[str], separator: str) -> list[str]:
    """`blocks` joined by `separator` into as few messages as fit, none cut in two: a long
    list (many orders of unknown outcome) would otherwise be refused whole."""
    messages: list[str] = []
    for block in blocks:
        if messages and len(messages[-1]) + len(separator) + len(block) <= MESSAGE_LIMIT:
            messages[-1] += separator + block
        else:
            messages.append(block)
    return messages
