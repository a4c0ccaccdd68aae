"""`/start`, the main menu and `/help`."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User

from bot.callbacks import MenuCb
from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.keyboards import main_menu
from bot.settings import Settings
from bot.storage import UsersRepo
from handlers.order import start_at_service

# Deep links to one service: `https://t.me/<bot>?start=svc_<id>`.
SERVICE_LINK = "svc_"


async def start(
    message: Message, state: FSMContext, users: UsersRepo, t: Texts, event_from_user: User
) -> None:
    # /start always leads home: whatever conversation was half done is dropped.
    await state.clear()
    user = await users.ensure(event_from_user.id)
    if user.blocked:  # they are back: notifications may reach them again
        await users.set_blocked(event_from_user.id, False)
    await message.answer(t("greeting", name=event_from_user.full_name))
    await message.answer(t("menu-prompt"), reply_markup=main_menu(t))


async def help_text(bot: Bot, t: Texts) -> str:
    me = await bot.me()
    return f"{t('help')}\n\n{t('help-inline', bot=me.username or '')}"


async def help_command(message: Message, bot: Bot, t: Texts) -> None:
    await message.answer(await help_text(bot, t))


async def help_button(query: CallbackQuery, bot: Bot, t: Texts) -> None:
    await query.answer()
    if query.message is not None:
        await query.message.answer(await help_text(bot, t))


async def start_service(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    users: UsersRepo,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    event_from_user: User,
) -> None:
    """`/start svc_<id>`: a link to one service (from inline search) starts its order."""
    user = await users.ensure(event_from_user.id)
    if user.blocked:
        await users.set_blocked(event_from_user.id, False)
    service_id = int((command.args or "").removeprefix(SERVICE_LINK))
    await start_at_service(
        message, service_id, state, t, settings, catalogue, users, event_from_user
    )


def create_router() -> Router:
    router = Router(name="start")
    router.message.register(
        start_service,
        CommandStart(deep_link=True, magic=F.args.regexp(rf"^{SERVICE_LINK}[0-9]{{1,18}}$")),
        F.chat.type == "private",
    )
    router.message.register(start, CommandStart(), F.chat.type == "private")
    router.message.register(help_command, Command("help"))
    router.callback_query.register(help_button, MenuCb.filter(F.action == "help"))
    return router
