"""Keyboards as pure functions of data and texts."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import LanguageCb, MenuCb
from bot.i18n import LANGUAGE_NAMES, Texts


def main_menu(t: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("menu-language"), callback_data=MenuCb(action="language"))
    builder.button(text=t("menu-help"), callback_data=MenuCb(action="help"))
    builder.adjust(2)
    return builder.as_markup()


def language_picker(current: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        mark = "✓ " if code == current else ""
        builder.button(text=f"{mark}{name}", callback_data=LanguageCb(code=code))
    builder.adjust(1)
    return builder.as_markup()
