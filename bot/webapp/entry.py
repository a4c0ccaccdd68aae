"""The chat's way into the Mini App: the menu button beside the message field.

Set at start-up with `setChatMenuButton` for every private chat (no BotFather step), in the
default language: Telegram shows one menu button text to everyone.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import MenuButtonWebApp, WebAppInfo

from bot.i18n import Translator
from bot.settings import Settings

log = logging.getLogger(__name__)


async def set_menu_button(bot: Bot, settings: Settings, translator: Translator) -> None:
    """Point the menu button at the Mini App; a refusal is logged, start-up goes on."""
    if settings.webapp_url is None:
        return
    text = translator.texts(settings.default_locale).plain("webapp-title")
    button = MenuButtonWebApp(text=text, web_app=WebAppInfo(url=str(settings.webapp_url)))
    try:
        await bot.set_chat_menu_button(menu_button=button)
    except TelegramAPIError as error:
        log.warning("the Mini App's menu button was not set: %s", error)
