"""Promo codes, the admins' side: `/promo CODE AMOUNT [USES] [DAYS]` makes one, `/promo CODE -`
ends it, `/promos` lists them. `/promo CODE` alone is a customer's redemption (an admin may
redeem too): it goes on to `handlers.customer.promo`."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message, User

from bot.formats import Day
from bot.i18n import Html, Texts
from bot.money import Amounts, AmountTooLarge
from bot.settings import Settings
from bot.storage import PromoCode, PromoExists, PromosRepo, fold_code
from bot.telegram.replies import in_messages
from bot.validation import parse_whole_number
from handlers.admin.customers import typed_amount

# A code is good for at most this many customers, for at most this many days.
MOST_USES = 1_000_000
MOST_DAYS = 3650
LISTED = 50
ECHO = 40


async def _making(message: Message) -> bool:
    """Every form but `/promo CODE`, which redeems."""
    return len((message.text or "").split()) != 2


async def promo_admin(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    promos: PromosRepo,
    amounts: Amounts,
    settings: Settings,
    t: Texts,
) -> None:
    args = (command.args or "").split()
    if not 2 <= len(args) <= 4:
        await message.answer(t("admin-promo-usage"))
        return
    code = fold_code(args[0])
    if code is None:
        await message.answer(t("admin-promo-bad-code", code=args[0][:ECHO]))
        return
    if args[1:] == ["-"]:
        await _end(message, code, promos, amounts, t)
        return
    try:
        amount = typed_amount(args[1], settings, t.locale)
    except AmountTooLarge as error:
        await message.answer(t("amount-too-large", max=amounts(error.limit)))
        return
    uses = parse_whole_number(args[2]) if len(args) > 2 else 1
    days = parse_whole_number(args[3]) if len(args) > 3 else None
    if amount is None:
        await message.answer(t("admin-promo-bad-amount", decimals=settings.price_decimals))
        return
    if (
        uses is None
        or not 1 <= uses <= MOST_USES
        or (len(args) > 3 and (days is None or not 1 <= days <= MOST_DAYS))
    ):
        await message.answer(t("admin-promo-bad-counts", uses=MOST_USES, days=MOST_DAYS))
        return
    try:
        made = await promos.create(code, amount, uses, days, event_from_user.id)
    except PromoExists:
        await message.answer(t("admin-promo-exists", code=code))
        return
    await message.answer(t("admin-promo-made", line=Html(_line(t, made, amounts))))


async def _end(message: Message, code: str, promos: PromosRepo, amounts: Amounts, t: Texts) -> None:
    ended = await promos.end(code)
    if ended is None:
        await message.answer(t("admin-promo-none", code=code))
        return
    await message.answer(t("admin-promo-ended", line=Html(_line(t, ended, amounts))))


def _line(t: Texts, promo: PromoCode, amounts: Amounts) -> str:
    if promo.ended_at is not None:
        state = t("admin-promo-state-ended", date=Day(promo.ended_at))
    elif promo.expires_at is not None:
        state = t("admin-promo-state-until", date=Day(promo.expires_at))
    else:
        state = t("admin-promo-state-open")
    return t(
        "admin-promo-line",
        code=promo.code,
        amount=amounts(promo.amount),
        used=promo.used,
        uses=promo.uses,
        given=amounts(promo.given),
        state=Html(state),
    )


async def promos_list(message: Message, promos: PromosRepo, amounts: Amounts, t: Texts) -> None:
    listed = await promos.listing(LISTED)
    if not listed:
        await message.answer(t("admin-promos-none"))
        return
    lines = [t("admin-promos", count=len(listed))]
    lines += [_line(t, promo, amounts) for promo in listed]
    for text in in_messages(lines, "\n"):
        await message.answer(text)


def create_router() -> Router:
    router = Router(name="admin-promos")
    router.message.register(promo_admin, Command("promo"), _making)
    router.message.register(promos_list, Command("promos"))
    return router
