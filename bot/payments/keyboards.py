"""Top-up buttons: a choice of methods, and the Stars top-up's preset amounts, another
amount, and Cancel while typing one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.formats import Money
from bot.i18n import Texts
from bot.telegram.callbacks import TopupCb

if TYPE_CHECKING:
    from bot.payments.method import Method


def methods_keyboard(t: Texts, methods: Sequence[Method]) -> InlineKeyboardMarkup:
    """One button a method, one a row: each opens that method's own offer."""
    builder = InlineKeyboardBuilder()
    for method in methods:
        builder.button(
            text=method.label(t), callback_data=TopupCb(action="method", method=method.name)
        )
    builder.adjust(1)
    return builder.as_markup()


def topup_amounts(t: Texts, presets: Sequence[tuple[int, Money]]) -> InlineKeyboardMarkup:
    """`presets`: stars, and the amount they put on the balance as shown to people; the
    shop's money first, the stars beside it."""
    builder = InlineKeyboardBuilder()
    for stars, amount in presets:
        builder.button(
            text=t("topup-preset", stars=stars, amount=amount),
            callback_data=TopupCb(action="pay", stars=stars),
        )
    builder.button(text=t("topup-other"), callback_data=TopupCb(action="type"))
    full_rows, rest = divmod(len(presets), 2)
    builder.adjust(*[2] * full_rows, *([rest] if rest else []), 1)
    return builder.as_markup()


def topup_typing(t: Texts) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("topup-cancel"), callback_data=TopupCb(action="cancel"))
    return builder.as_markup()
