"""Small reads the in-process tests share: a customer's balance, what the admins were told.

Fixtures stay in conftest.py; driving the Dispatcher stays in harness.py.
"""

from __future__ import annotations

from decimal import Decimal

from aiogram import Bot

from bot.storage import Database, UsersRepo
from tests.conftest import ADMIN_ID
from tests.harness import sent_to


async def balance_of(db: Database, user_id: int) -> Decimal:
    """The customer's balance as stored; the customer must exist."""
    user = await UsersRepo(db).get(user_id)
    assert user is not None
    return user.balance


def admin_texts(bot: Bot) -> list[str]:
    """The texts of every message the bot sent to the admin (ADMIN_ID), oldest first."""
    return sent_to(bot, ADMIN_ID)
