"""How a customer's balance reads: for customers' `/balance`, and the first line of an
admin's."""

from __future__ import annotations

from aiogram.types import User

from bot.i18n import Texts
from bot.money import Amounts
from bot.settings import Settings
from bot.storage import UsersRepo


async def balance_text(
    user: User, users: UsersRepo, amounts: Amounts, settings: Settings, t: Texts
) -> str:
    balance = (await users.ensure(user.id)).balance
    # Shown from what is at hand: a balance never waits on the panel.
    lines = [t("balance", balance=amounts(balance))]
    if settings.support_contact:
        lines.append(t("balance-support", contact=settings.support_contact))
    return "\n".join(lines)
