"""The broadcast's keyboards: the admin's preview, and the opt-out under every copy."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.telegram.callbacks import BroadcastCb, BroadcastsOffCb


def broadcast_preview(t: Texts, broadcast_id: int) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=t("broadcast-send"), callback_data=BroadcastCb(action="send", id=broadcast_id)
    )
    builder.button(
        text=t("broadcast-drop"), callback_data=BroadcastCb(action="drop", id=broadcast_id)
    )
    builder.adjust(1)
    return builder.as_markup()


def broadcasts_off(t: Texts) -> InlineKeyboardMarkup:
    """Under each broadcast: the customer turns them off."""
    builder = InlineKeyboardBuilder()
    builder.button(text=t("broadcast-off"), callback_data=BroadcastsOffCb(off=True))
    return builder.as_markup()
