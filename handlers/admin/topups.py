"""Admin commands. One `IsAdmin` filter on the router: for anyone else these commands fall
through to the fallback and answer exactly as unknown commands do."""

from __future__ import annotations

import logging
from collections.abc import Callable
from decimal import Decimal

from aiogram import Bot, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.formats import Money
from bot.i18n import Arg, Texts, Translator, pick_locale
from bot.money import Amounts
from bot.settings import Settings
from bot.stars import RefundResult, StarRefunds
from bot.storage import InsufficientFunds, TopupStateError, TopupStatus, UnknownTopup, UsersRepo
from bot.validation import parse_whole_number

log = logging.getLogger(__name__)


async def refund_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    event_from_user: User,
    refunds: StarRefunds,
    users: UsersRepo,
    translator: Translator,
    settings: Settings,
    amounts: Amounts,
    t: Texts,
) -> None:
    """`/refund TOPUP_ID`: give a top-up's stars back and take its amount off the balance."""
    topup_id = parse_whole_number(command.args)
    if topup_id is None:
        await message.answer(t("refund-usage"))
        return
    money = amounts
    try:
        result = await refunds.refund(bot, topup_id, event_from_user.id)
    except UnknownTopup:
        await message.answer(t("refund-no-such", id=str(topup_id)))
        return
    except TopupStateError as error:
        key = "refund-already" if error.topup.status == TopupStatus.REFUNDED else "refund-unpaid"
        await message.answer(t(key, id=str(topup_id)))
        return
    except InsufficientFunds as short:
        await message.answer(
            t(
                "refund-short",
                id=str(topup_id),
                user_id=str(short.user_id),
                balance=money(short.balance),
                missing=money(short.missing),
            )
        )
        return
    topup = result.topup
    args: dict[str, Arg] = {
        "id": str(topup.id),
        "user_id": str(topup.user_id),
        "stars": topup.stars,
        "amount": money(topup.amount),
        "balance": money(result.balance),
        "error": result.error or "",
    }
    await message.answer(t(f"refund-{result.outcome}", **args))
    if result.outcome == "refunded":
        await _tell_customer(bot, users, translator, settings, money, result)


async def _tell_customer(
    bot: Bot,
    users: UsersRepo,
    translator: Translator,
    settings: Settings,
    money: Callable[[Decimal], Money],
    result: RefundResult,
) -> None:
    """Best effort: a customer who blocked the bot is not told, and the refund stands."""
    topup = result.topup
    user = await users.get(topup.user_id)
    # Their own choice of language first, else the language the invoice was in.
    locale = pick_locale(user.language if user else None, topup.locale, settings.default_locale)
    text = translator.render(
        locale,
        "topup-refunded",
        {
            "id": str(topup.id),
            "stars": topup.stars,
            "amount": money(topup.amount),
            "balance": money(result.balance),
        },
    )
    try:
        await bot.send_message(topup.user_id, text)
    except TelegramAPIError as error:
        log.warning("telling user %s of refund %s failed: %s", topup.user_id, topup.id, error)


def create_router() -> Router:
    router = Router(name="admin")
    router.message.register(refund_command, Command("refund"))
    return router
