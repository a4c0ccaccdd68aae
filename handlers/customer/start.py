"""`/start`, the main menu and `/help`."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.catalogue import Catalogue
from bot.greeting import greeting
from bot.i18n import Texts
from bot.settings import Settings
from bot.storage import UsersRepo
from bot.storage.greetings import GreetingsRepo
from bot.storage.referrals import linked_referrer
from bot.telegram.callbacks import MenuCb
from bot.telegram.keyboards import main_menu


def _menu(t: Texts, settings: Settings) -> InlineKeyboardMarkup:
    """The main menu, with the Mini App where it is served and the referral link while
    the program is on."""
    webapp = settings.webapp_url
    return main_menu(t, str(webapp) if webapp is not None else None, referral=settings.referrals_on)


async def start(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    users: UsersRepo,
    settings: Settings,
    catalogue: Catalogue,
    greetings: GreetingsRepo,
    t: Texts,
    event_from_user: User,
) -> None:
    # /start always leads home: whatever conversation was half done is dropped.
    await state.clear()
    # A referral link (`/start ref_<id>`) counts at the customer's first /start only.
    referrer = linked_referrer(command.args) if settings.referrals_on else None
    await users.welcome(event_from_user.id, referrer=referrer)
    text = await greeting(t, event_from_user.full_name, settings, catalogue, greetings)
    await message.answer(text)
    await message.answer(t("menu-prompt"), reply_markup=_menu(t, settings))


def commands_help(t: Texts, settings: Settings) -> str:
    """The customer commands, `/referral` among them while referrals are on and `/api` where
    the shop serves its API."""
    lines = [t("help")]
    if settings.referrals_on:
        lines.append(t("help-referral"))
    if settings.api_enabled:
        lines.append(t("help-api"))
    return "\n".join(lines)


async def help_text(bot: Bot, t: Texts, settings: Settings) -> str:
    me = await bot.me()
    return f"{commands_help(t, settings)}\n\n{t('help-inline', bot=me.username or '')}"


async def help_command(message: Message, bot: Bot, t: Texts, settings: Settings) -> None:
    # The menu's buttons work in a private chat only: a group gets the text alone.
    markup = _menu(t, settings) if message.chat.type == "private" else None
    await message.answer(await help_text(bot, t, settings), reply_markup=markup)


async def help_button(query: CallbackQuery, bot: Bot, t: Texts, settings: Settings) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(
            await help_text(bot, t, settings), reply_markup=_menu(t, settings)
        )


def create_router() -> Router:
    router = Router(name="start")
    router.message.register(start, CommandStart(), F.chat.type == "private")
    router.message.register(help_command, Command("help"))
    router.callback_query.register(help_button, MenuCb.filter(F.action == "help"))
    return router
