"""Callback data factories: short prefixes, ids and codes only (Telegram allows 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="m"):
    action: str


class LanguageCb(CallbackData, prefix="lang"):
    code: str
