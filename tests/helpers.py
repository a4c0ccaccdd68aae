"""Small reads the in-process tests share: a customer's balance, what the admins were told.

Fixtures stay in conftest.py; driving the Dispatcher stays in harness.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import cast

from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage

from bot.settings import Settings
from bot.storage import Database, UsersRepo
from tests.conftest import ADMIN_ID
from tests.harness import RecordingSession, sent_to


async def balance_of(db: Database, user_id: int) -> Decimal:
    """The customer's balance as stored; the customer must exist."""
    user = await UsersRepo(db).get(user_id)
    assert user is not None
    return user.balance


async def delivered(dp: Dispatcher, bot: Bot, user_id: int) -> list[str]:
    """What the outbox sends the customer now."""
    session = cast(RecordingSession, bot.session)
    before = len(session.requests)
    await dp["outbox_sender"].run_once(bot)
    return [
        request.text
        for request in session.requests[before:]
        if isinstance(request, SendMessage) and request.chat_id == user_id
    ]


def admin_texts(bot: Bot) -> list[str]:
    """The texts of every message the bot sent to the admin (ADMIN_ID), oldest first."""
    return sent_to(bot, ADMIN_ID)


def run_bot_once(cwd: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    """`python -m bot` in `cwd` with these settings and none inherited from whoever runs the
    tests: for start-up failures, which end it at once (its stderr is in the result)."""
    names = {name.upper() for name in Settings.model_fields}
    env = {key: value for key, value in os.environ.items() if key.upper() not in names}
    env |= {"PYTHONPATH": str(Path(__file__).resolve().parent.parent), **settings}
    return subprocess.run(  # our own interpreter, our own module
        [sys.executable, "-m", "bot"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
