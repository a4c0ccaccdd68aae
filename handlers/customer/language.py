"""`/language`: the customer's choice, stored, wins over Telegram's language."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import LANGUAGE_NAMES, Texts, Translator
from bot.settings import LOCALES
from bot.storage import UsersRepo
from bot.telegram.callbacks import LanguageCb, MenuCb
from bot.telegram.keyboards import main_menu


def language_picker(current: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        mark = "✓ " if code == current else ""
        builder.button(text=f"{mark}{name}", callback_data=LanguageCb(code=code))
    builder.adjust(1)
    return builder.as_markup()


async def language_command(message: Message, t: Texts) -> None:
    await message.answer(t("language-choose"), reply_markup=language_picker(t.locale))


async def language_button(query: CallbackQuery, t: Texts) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(t("language-choose"), reply_markup=language_picker(t.locale))


async def language_chosen(
    query: CallbackQuery, callback_data: LanguageCb, users: UsersRepo, translator: Translator
) -> None:
    await users.ensure(query.from_user.id)
    await users.set_language(query.from_user.id, callback_data.code)
    t = translator.texts(callback_data.code)  # type: ignore[arg-type]  # filtered to LOCALES
    await query.answer(t("language-set"))
    if query.message is not None:
        await query.message.answer(t("menu-prompt"), reply_markup=main_menu(t))


def create_router() -> Router:
    router = Router(name="language")
    router.message.register(language_command, Command("language"))
    router.callback_query.register(language_button, MenuCb.filter(F.action == "language"))
    router.callback_query.register(language_chosen, LanguageCb.filter(F.code.in_(LOCALES)))
    return router
