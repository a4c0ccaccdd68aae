"""Admin commands. One `IsAdmin` filter on the router: for anyone else these commands fall
through to the fallback and answer exactly as unknown commands do."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.i18n import Arg, Texts
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.payments import OutsideRefunds, StarRefunds
from bot.payments.refunds import kept_details
from bot.payments.stars import Stars
from bot.storage import (
    InsufficientFunds,
    TopupsRepo,
    TopupStateError,
    TopupStatus,
    UnknownTopup,
)
from bot.validation import parse_whole_number

# The admin's note on money given back outside the bot: a line for the records.
NOTE_LIMIT = 200


async def refund_command(
    message: Message,
    command: CommandObject,
    bot: Bot,
    event_from_user: User,
    topups: TopupsRepo,
    refunds: StarRefunds,
    outside_refunds: OutsideRefunds,
    alerts: Alerts,
    amounts: Amounts,
    t: Texts,
) -> None:
    """`/refund TOPUP_ID [NOTE]`: give a top-up back and take its amount off the balance
    (the customer is told through the outbox). Stars go back through Telegram; any other
    method's money goes back outside the bot, and this records it with the note."""
    args = (command.args or "").split(maxsplit=1)
    topup_id = parse_whole_number(args[0]) if args else None
    note = args[1].strip()[:NOTE_LIMIT] if len(args) == 2 else None
    if topup_id is None:
        await message.answer(t("refund-usage"))
        return
    money = amounts
    topup = await topups.get(topup_id)
    try:
        if topup is None:
            raise UnknownTopup(topup_id)
        if topup.method != Stars.name:
            done = await outside_refunds.refund(topup_id, event_from_user.id, note)
            await message.answer(
                t(
                    "refund-outside",
                    id=str(topup_id),
                    method=t(f"topup-method-{topup.method}"),
                    user_id=str(done.topup.user_id),
                    amount=money(done.topup.amount),
                    balance=money(done.balance),
                    note=note or "—",
                )
            )
            if done.kept is not None:
                await alerts.send(bot, "alert-referral-kept", **kept_details(done.kept, money))
            return
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
    values: dict[str, Arg] = {
        "id": str(topup.id),
        "user_id": str(topup.user_id),
        "stars": topup.price_stars,
        "amount": money(topup.amount),
        "balance": money(result.balance),
        "error": result.error or "",
    }
    await message.answer(t(f"refund-{result.outcome}", **values))
    if result.kept is not None:
        await alerts.send(bot, "alert-referral-kept", **kept_details(result.kept, money))


def create_router() -> Router:
    router = Router(name="admin")
    router.message.register(refund_command, Command("refund"))
    return router
