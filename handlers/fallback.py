"""What nothing else handled: unknown commands, stray messages, expired buttons."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Message

from bot.i18n import Texts
from bot.telegram.keyboards import main_menu

PRIVATE_COMMANDS = ("order", "massorder", "orders", "balance", "cancel", "api")


async def unknown(message: Message, t: Texts) -> None:
    await message.answer(t("unknown-command"))


async def not_words(message: Message, t: Texts) -> None:
    # Words are searched (the order router); a sticker or a photo finds nothing: the menu.
    await message.answer(t("free-text-not-words"), reply_markup=main_menu(t))


async def private_only(message: Message, t: Texts) -> None:
    await message.answer(t("private-only"))


async def unknown_command_in_group(message: Message, bot: Bot, t: Texts) -> None:
    # A group shares commands with other bots: answer only what is addressed to this one.
    command = (message.text or "").split(maxsplit=1)[0]
    me = await bot.me()
    if command.lower().endswith(f"@{(me.username or '').lower()}"):
        await message.answer(t("unknown-command"))


async def stale_button(query: CallbackQuery, t: Texts) -> None:
    await query.answer(t("button-expired"), show_alert=True)


def create_router() -> Router:
    router = Router(name="fallback")
    router.message.register(unknown, F.chat.type == "private", F.text.startswith("/"))
    router.message.register(not_words, F.chat.type == "private")
    # Ordering, balances and API keys are private; Command() already skips /order@another_bot.
    router.message.register(private_only, Command(*PRIVATE_COMMANDS))
    router.message.register(unknown_command_in_group, F.text.startswith("/"))
    router.callback_query.register(stale_button)
    return router
