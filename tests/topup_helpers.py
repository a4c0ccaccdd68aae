"""A customer's top-ups and what they were told, for the tests of Payme and Click."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from aiogram.types import InlineKeyboardMarkup

from bot.storage import Database, TopupsRepo, UsersRepo

CUSTOMER = 5001


async def new_topup(db: Database, soum: int = 10_000, method: str = "payme") -> int:
    await UsersRepo(db).ensure(CUSTOMER)
    topup = await TopupsRepo(db).create(CUSTOMER, Decimal(soum), "en", method=method)
    return topup.id


async def balance(db: Database) -> Decimal:
    customer = await UsersRepo(db).get(CUSTOMER)
    assert customer is not None
    return customer.balance


async def told(db: Database, key: str) -> int:
    """How many notices `key` the customer has been queued."""
    row = await db.fetchone(
        "SELECT COUNT(*) AS n FROM outbox WHERE user_id = ? AND key = ?", (CUSTOMER, key)
    )
    assert row is not None
    return int(row["n"])


def url_buttons(request: Any) -> list[tuple[str, str]]:
    """(label, url) of every link button on a request's keyboard."""
    markup = getattr(request, "reply_markup", None)
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [(b.text, b.url) for row in markup.inline_keyboard for b in row if b.url]
