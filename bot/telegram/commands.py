"""The command menu, registered with setMyCommands in every language.

Customers see the customer commands. Each admin gets a menu of their own (a chat scope)
listing the customer commands and the admin ones: a scope replaces the default menu
rather than adding to it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError, TelegramNetworkError
from aiogram.types import BotCommand, BotCommandScopeChat, BotCommandScopeDefault

from bot.i18n import Translator
from bot.settings import LOCALES, Locale

log = logging.getLogger(__name__)

CUSTOMER_COMMANDS = (
    "start",
    "order",
    "massorder",
    "orders",
    "balance",
    "topup",
    "promo",
    "referral",
    "cancel",
    "language",
    "help",
    "support",
    "paysupport",
)
ADMIN_COMMANDS = (
    "stats",
    "users",
    "user",
    "apikey",
    "credit",
    "debit",
    "discount",
    "unknown",
    "refresh",
    "panels",
    "refund",
    "transfers",
    "approve",
    "reject",
    "shop",
    "hide",
    "show",
    "markup",
    "price",
    "rename",
    "renameall",
    "describe",
    "position",
    "dripfeed",
    "fallback",
    "backup",
    "broadcast",
    "tickets",
    "ticket",
    "greeting",
    # Its description tells how `/promo` makes a code: the customers' `/promo` redeems one.
    "promos",
)


def command_list(
    translator: Translator, locale: Locale, names: Iterable[str] = CUSTOMER_COMMANDS
) -> list[BotCommand]:
    t = translator.texts(locale)
    return [BotCommand(command=name, description=t(f"cmd-{name}")) for name in names]


async def register_commands(
    bot: Bot,
    translator: Translator,
    default: Locale,
    admin_ids: Iterable[int] = (),
    *,
    off: Iterable[str] = (),
) -> None:
    """Best effort: a failure is logged and never stops start-up (an admin who never
    opened the bot has no chat yet, and Telegram refuses a scope for it). `off`: commands
    of features switched off (`/referral` without a referral program), left out."""
    hidden = set(off)
    customer = tuple(name for name in CUSTOMER_COMMANDS if name not in hidden)
    admin = customer + tuple(name for name in ADMIN_COMMANDS if name not in hidden)
    languages: list[tuple[Locale, str | None]] = [(default, None)]
    languages += [(locale, locale) for locale in LOCALES]
    menus: list[tuple[str, BotCommandScopeDefault | BotCommandScopeChat, tuple[str, ...]]] = [
        ("default", BotCommandScopeDefault(), customer)
    ]
    menus += [
        (
            f"admin {admin_id}",
            BotCommandScopeChat(chat_id=admin_id),
            admin,
        )
        for admin_id in sorted(admin_ids)
    ]
    for name, scope, commands in menus:
        for locale, language_code in languages:
            try:
                await bot.set_my_commands(
                    command_list(translator, locale, commands),
                    scope=scope,
                    language_code=language_code,
                )
            except (TelegramAPIError, TelegramNetworkError) as error:
                log.warning(
                    "setMyCommands (%s, %s) failed: %s", name, language_code or "any", error
                )
                if name != "default":
                    break  # the same chat will refuse the other languages too
