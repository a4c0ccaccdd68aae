"""Answering in place, and long answers split to fit.

Editing a message to what it already shows (a double tap, a Refresh that found nothing
new) makes Telegram answer "message is not modified": the message is up to date. A
message that can no longer be edited (deleted, too old) gets a new message instead.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import InlineKeyboardMarkup, Message

log = logging.getLogger(__name__)


async def edit_or_send(
    message: Message, text: str, markup: InlineKeyboardMarkup | None = None
) -> int:
    """Show `text` on `message`, or in a new message if that one cannot be edited; the id
    of the message that shows it."""
    try:
        await message.edit_text(text, reply_markup=markup)
    except TelegramBadRequest as error:
        if _not_modified(error):
            return message.message_id
        log.info("could not edit message: %s; sending a new one", error.message)
        return (await message.answer(text, reply_markup=markup)).message_id
    return message.message_id


async def edit_in_place(bot: Bot, chat_id: int, message_id: int, text: str) -> None:
    """Show `text` on a message known by its ids (a report edited as work goes on): one
    that shows it already is up to date; any other refusal raises."""
    try:
        await bot.edit_message_text(text, chat_id=chat_id, message_id=message_id)
    except TelegramBadRequest as error:
        if not _not_modified(error):
            raise


def _not_modified(error: TelegramBadRequest) -> bool:
    return "message is not modified" in error.message


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
