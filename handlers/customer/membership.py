"""A customer blocking or unblocking the bot (`my_chat_member` in their private chat).

Blocked customers get no notifications (the outbox drops them); unblocking, like `/start`,
lets them through again.
"""

from __future__ import annotations

import logging

from aiogram import F, Router
from aiogram.filters import KICKED, MEMBER, ChatMemberUpdatedFilter
from aiogram.types import ChatMemberUpdated

from bot.storage import UsersRepo

log = logging.getLogger(__name__)


async def bot_blocked(event: ChatMemberUpdated, users: UsersRepo) -> None:
    log.info("user %d blocked the bot", event.from_user.id)
    await users.set_blocked(event.from_user.id, True)


async def bot_unblocked(event: ChatMemberUpdated, users: UsersRepo) -> None:
    log.info("user %d unblocked the bot", event.from_user.id)
    await users.set_blocked(event.from_user.id, False)


def create_router() -> Router:
    router = Router(name="membership")
    router.my_chat_member.filter(F.chat.type == "private")
    router.my_chat_member.register(bot_blocked, ChatMemberUpdatedFilter(KICKED))
    router.my_chat_member.register(bot_unblocked, ChatMemberUpdatedFilter(MEMBER))
    return router
