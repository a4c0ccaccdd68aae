"""`/broadcast`: the admin sends a message (text, or a photo with a caption), sees it as
customers will with the number of recipients, and confirms; the outbox sender delivers it.

The message is kept as HTML from its entities (bold, links...), so it can be sent again
from the database after a restart, not copied from the admin's chat.
"""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, User

from bot.i18n import Texts
from bot.notify.broadcast_keyboards import broadcast_preview, broadcasts_off
from bot.notify.broadcasts import BroadcastProgress
from bot.notify.sender import OutboxSender
from bot.storage import BroadcastsRepo, Progress
from bot.telegram.callbacks import BroadcastCb

# Telegram's limits: a message's text, a photo's caption.
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024


class BroadcastForm(StatesGroup):
    message = State()


async def begin(message: Message, state: FSMContext, t: Texts) -> None:
    await state.set_state(BroadcastForm.message)
    await message.answer(t("broadcast-ask"))


async def cancel(message: Message, state: FSMContext, t: Texts) -> None:
    await state.clear()
    await message.answer(t("broadcast-canceled"))


async def drafted(
    message: Message,
    state: FSMContext,
    event_from_user: User,
    broadcasts: BroadcastsRepo,
    t: Texts,
) -> None:
    photo = message.photo[-1].file_id if message.photo else None
    text = message.html_text if (message.text or message.caption) else ""
    if (photo is None and not text) or len(text) > (CAPTION_LIMIT if photo else TEXT_LIMIT):
        await message.answer(t("broadcast-not-this"))
        return
    await state.clear()
    draft = await broadcasts.draft(event_from_user.id, text, photo)
    # The preview is the message exactly as customers will get it, button included.
    markup = broadcasts_off(t)
    if photo is not None:
        await message.answer_photo(photo, caption=text or None, reply_markup=markup)
    else:
        await message.answer(text, reply_markup=markup)
    await message.answer(
        t("broadcast-preview", count=await broadcasts.recipients()),
        reply_markup=broadcast_preview(t, draft.id),
    )


async def decided(
    query: CallbackQuery,
    callback_data: BroadcastCb,
    bot: Bot,
    broadcasts: BroadcastsRepo,
    outbox_sender: OutboxSender,
    broadcast_progress: BroadcastProgress,
    t: Texts,
) -> None:
    await query.answer()
    if not isinstance(query.message, Message):
        return
    message = query.message
    if callback_data.action != "send":
        dropped = await broadcasts.drop_draft(callback_data.id)
        await message.edit_text(t("broadcast-canceled" if dropped else "broadcast-not-draft"))
        return
    queued = await broadcasts.start(callback_data.id)
    if queued is None:  # a second tap, or a draft dropped meanwhile
        await message.edit_text(t("broadcast-not-draft"))
        return
    started = Progress(pending=queued, sent=0, blocked=0, failed=0)
    text = t("broadcast-progress", **started.values(callback_data.id, queued))
    await message.edit_text(text)
    broadcast_progress.shown(callback_data.id, text)
    await broadcasts.set_progress_message(callback_data.id, message.message_id)
    outbox_sender.wake()
    broadcast_progress.wake()


def create_router() -> Router:
    router = Router(name="admin-broadcast")
    router.message.register(begin, Command("broadcast"))
    router.message.register(cancel, StateFilter(BroadcastForm.message), Command("cancel"))
    router.message.register(drafted, StateFilter(BroadcastForm.message))
    router.callback_query.register(decided, BroadcastCb.filter(F.action.in_({"send", "drop"})))
    return router
