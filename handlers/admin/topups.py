"""Admin commands. One `IsAdmin` filter on the router: for anyone else these commands fall
through to the fallback and answer exactly as unknown commands do."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.i18n import Arg, Texts
from bot.money import Amounts
from bot.payments import StarRefunds
from bot.storage import InsufficientFunds, TopupStateError, TopupStatus, UnknownTopup
from bot.validation import parse_whole_number


async def refund_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    event_from_user: User,
    refunds: StarRefunds,
    amounts: Amounts,
    t: Texts,
) -> None:
    """`/refund TOPUP_ID`: give a top-up's stars back and take its amount off the balance
    (the customer is told through the outbox, by `StarRefunds`)."""
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
        "stars": topup.price_stars,
        "amount": money(topup.amount),
        "balance": money(result.balance),
        "error": result.error or "",
    }
    await message.answer(t(f"refund-{result.outcome}", **args))


def create_router() -> Router:
    router = Router(name="admin")
    router.message.register(refund_command, Command("refund"))
    return router
