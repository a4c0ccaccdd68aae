"""The command menu, registered with setMyCommands in every language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import BotCommand, BotCommandScopeDefault

from bot.i18n import Translator
from bot.settings import LOCALES, Locale

log = logging.getLogger(__name__)

CUSTOMER_COMMANDS = (
    "start",
    "order",
    "balance",
    "topup",
    "cancel",
    "language",
    "help",
    "paysupport",
)


def command_list(translator: Translator, locale: Locale) -> list[BotCommand]:
    t = translator.texts(locale)
    return [BotCommand(command=name, description=t(f"cmd-{name}")) for name in CUSTOMER_COMMANDS]


async def register_commands(bot: Bot, translator: Translator, default: Locale) -> None:
    """Best effort: a failure is logged and never stops start-up."""
    requests: list[tuple[Locale, str | None]] = [(default, None)]
    requests += [(locale, locale) for locale in LOCALES]
    for locale, language_code in requests:
        try:
            await bot.set_my_commands(
                command_list(translator, locale),
                scope=BotCommandScopeDefault(),
                language_code=language_code,
            )
        except TelegramAPIError as error:
            log.warning("setMyCommands for %s failed: %s", language_code or "default", error)
