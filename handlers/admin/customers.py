"""Admin commands about one customer or one order: `/credit`, `/debit`, `/discount`, `/user`,
and settling orders of unknown outcome (`/unknown`, `/attach`, `/fail`).

One `IsAdmin` filter on the router: for anyone else these fall through to the fallback and
answer exactly as unknown commands do. Money moves in `bot.accounts` (the ledger, with the
admin as the actor, and the customer's notice through the outbox); these only parse the
command and answer the admin.
"""

from __future__ import annotations

from decimal import Decimal

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot import accounts
from bot.desk.views import customer_label, language_label, status_label, statuses_line, yes_no
from bot.formats import Day
from bot.i18n import Arg, Html, Texts
from bot.money import MAX_BALANCE, Amounts, AmountTooLarge, parse_typed_amount
from bot.notify.news import News
from bot.orders.prices import MAX_DISCOUNT, Pricer, parse_discount
from bot.settings import Settings
from bot.storage import (
    ApiKey,
    ApiKeysRepo,
    BalanceLimit,
    Customer,
    CustomerOrder,
    InsufficientFunds,
    LedgerEntry,
    LedgerRepo,
    OrdersRepo,
    ReferralsRepo,
    RefillsRepo,
    Topup,
    TopupsRepo,
    UnknownUser,
    UsersRepo,
)
from bot.storage.db import parse_time
from bot.telegram.callbacks import UsersCb
from bot.telegram.keyboards import users_list
from bot.telegram.replies import edit_or_send, in_messages
from bot.validation import parse_whole_number

LATEST = 5
LEDGER_LINES = 20
USERS_PAGE = 10
SEARCH_LIMIT = 64
# Bytes of a search the /users buttons carry (callback data holds 64 in all).
SEARCH_IN_BUTTON = 40


def _args(command: CommandObject) -> list[str]:
    return (command.args or "").split()


def typed_amount(text: str, settings: Settings, locale: str) -> Decimal | None:
    """A positive amount with no more decimals than customer prices have; raises
    `AmountTooLarge` past the bound on typed amounts."""
    amount = parse_typed_amount(text, locale=locale)
    if amount is None or amount <= 0:
        return None
    if amount != round(amount, settings.price_decimals):
        return None
    return amount


async def move_money(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    news: News,
    amounts: Amounts,
    settings: Settings,
    t: Texts,
) -> None:
    """`/credit USER_ID AMOUNT` and `/debit USER_ID AMOUNT`."""
    credit = command.command == "credit"
    args = _args(command)
    user_id = parse_whole_number(args[0]) if len(args) == 2 else None
    try:
        amount = typed_amount(args[1], settings, t.locale) if len(args) == 2 else None
    except AmountTooLarge as error:
        await message.answer(t("amount-too-large", max=amounts(error.limit)))
        return
    if user_id is None or amount is None:
        await message.answer(t("admin-credit-usage" if credit else "admin-debit-usage"))
        return
    try:
        if credit:
            balance = await accounts.credit(
                news, amounts, user_id, amount, admin_id=event_from_user.id
            )
        else:
            balance = await accounts.debit(news, user_id, amount, admin_id=event_from_user.id)
    except UnknownUser:
        await message.answer(t("admin-no-customer", user=str(user_id)))
        return
    except (InsufficientFunds, BalanceLimit) as refused:
        # A debit past the balance, or a credit past the most a balance may hold.
        short = isinstance(refused, InsufficientFunds)
        await message.answer(
            t(
                "admin-debit-short" if short else "admin-credit-limit",
                user=str(user_id),
                amount=amounts(amount),
                max=amounts(MAX_BALANCE),
                balance=amounts(refused.balance),
            )
        )
        return
    key = "admin-credited" if credit else "admin-debited"
    await message.answer(
        t(key, user=str(user_id), amount=amounts(amount), balance=amounts(balance))
    )


async def discount(
    message: Message,
    command: CommandObject,
    event_from_user: User,
    users: UsersRepo,
    pricer: Pricer,
    t: Texts,
) -> None:
    """`/discount USER_ID PERCENT` (0 ends it), `/discount USER_ID` to see it."""
    args = _args(command)
    user_id = parse_whole_number(args[0]) if 1 <= len(args) <= 2 else None
    percent = parse_discount(args[1]) if len(args) == 2 else None
    if user_id is None or (len(args) == 2 and percent is None):
        await message.answer(t("admin-discount-usage"))
        return
    if percent is None:
        customer = await users.get(user_id)
        if customer is None:
            await message.answer(t("admin-no-customer", user=str(user_id)))
        else:
            await message.answer(
                t("admin-discount-now", user=str(user_id), discount=customer.discount)
            )
        return
    if percent > MAX_DISCOUNT:
        await message.answer(t("admin-discount-too-large", max=MAX_DISCOUNT))
        return
    try:
        before = await pricer.set_discount(user_id, percent, admin_id=event_from_user.id)
    except UnknownUser:
        await message.answer(t("admin-no-customer", user=str(user_id)))
        return
    if percent == before:
        key = "admin-discount-unchanged"
    else:
        key = "admin-discount-set" if percent else "admin-discount-cleared"
    await message.answer(t(key, user=str(user_id), discount=percent, before=before))


async def user_card(
    message: Message,
    command: CommandObject,
    users: UsersRepo,
    orders: OrdersRepo,
    topups: TopupsRepo,
    refills: RefillsRepo,
    ledger: LedgerRepo,
    referrals: ReferralsRepo,
    api_keys: ApiKeysRepo,
    amounts: Amounts,
    t: Texts,
) -> None:
    """`/user USER_ID`: who they are, balance, who referred them and whom they referred,
    their API key, orders by status, the latest orders, top-ups and refills, and the
    ledger's latest postings."""
    user_id = parse_whole_number(command.args)
    if user_id is None:
        await message.answer(t("admin-user-usage"))
        return
    user = await users.get(user_id)
    if user is None:
        await message.answer(t("admin-no-customer", user=str(user_id)))
        return
    statuses = await orders.statuses_for_user(user_id)
    lines = [
        t(
            "admin-user",
            customer=customer_label(user, user_id),
            balance=amounts(user.balance),
            language=language_label(t, user),
            blocked=yes_no(t, user.blocked),
            broadcasts=yes_no(t, user.broadcasts),
            since=Day(user.created_at),
        ),
        *([t("admin-user-discount", discount=user.discount)] if user.discount else []),
        await _referral_line(user, users, referrals, amounts, t),
        api_key_line(t, await api_keys.get(user_id)),
        t("admin-user-orders", count=sum(statuses.values()), statuses=statuses_line(t, statuses)),
    ]
    for order in await orders.list_for_user(user_id, LATEST):
        lines.append(
            t(
                "admin-user-order",
                id=str(order.id),
                panel=order.on_panel or "—",
                service=order.service_name,
                quantity=order.quantity,
                charge=amounts(order.charge),
                status=status_label(t, order.status),
            )
        )
    paid = await topups.list_for_user(user_id, LATEST)
    lines.append(t("admin-user-topups", count=len(paid)))
    for topup in paid:
        lines.append(
            t(
                "admin-user-topup",
                id=str(topup.id),
                method=Html(method_label(t, topup)),
                amount=amounts(topup.amount),
                status=Html(t(f"admin-topup-{topup.status}")),
                date=Day(topup.created_at),
            )
        )
        if topup.charge_id is not None:
            lines.append(t("admin-user-topup-payment", payment=topup.charge_id))
        if topup.refund_note is not None:
            lines.append(t("admin-user-topup-note", note=topup.refund_note))
    asked = await refills.list_for_user(user_id, LATEST)
    lines.append(t("admin-user-refills", count=len(asked)))
    for item in asked:
        refill = item.refill
        lines.append(
            t(
                "admin-user-refill",
                id=str(refill.id),
                order=str(refill.order_id),
                panel=item.on_panel or "—",
                refill=refill.panel_refill_id or "—",
                status=refill.status,
                date=Day(refill.created_at),
            )
        )
        # The panel's own words: why it refused, or what it said of a refill it took.
        if refill.error:
            lines.append(t("admin-user-refill-error", error=refill.error))
    blocks = ["\n".join(lines)]
    entries = await ledger.entries(user_id, LEDGER_LINES)
    postings = [t("admin-user-ledger", count=len(entries))]
    postings += [
        t(
            "admin-user-posting",
            date=entry.created_at,
            amount=("+" if entry.amount > 0 else "") + t.write(amounts(entry.amount)),
            reason=Html(posting_reason(t, entry)),
            order=f" #{entry.order_id}" if entry.order_id is not None else "",
            actor=str(entry.actor) if entry.actor is not None else "",
        )
        for entry in entries
    ]
    blocks.append("\n".join(postings))
    for text in in_messages(blocks, "\n\n"):
        await message.answer(text)


async def _referral_line(
    user: Customer, users: UsersRepo, referrals: ReferralsRepo, amounts: Amounts, t: Texts
) -> str:
    """Who referred the customer, how many they referred and what that earned them."""
    stats = await referrals.stats(user.id)
    referrer = Html("—")
    if user.referred_by is not None:
        referrer = customer_label(await users.get(user.referred_by), user.referred_by)
    return t(
        "admin-user-referral",
        referrer=referrer,
        joined=stats.joined,
        earned=amounts(stats.earned),
    )


def api_key_line(t: Texts, key: ApiKey | None) -> str:
    """Whether the customer has an API key, whether it is on, when it was last used."""
    if key is None:
        return t("admin-user-api-none")
    state = t("admin-user-api-on")
    if not key.enabled:
        when: Arg = "—" if key.switched_at is None else parse_time(key.switched_at)
        state = t("admin-user-api-off", admin=str(key.switched_by or "—"), when=when)
    used: Arg = Html(t("admin-user-api-never"))
    if key.last_used_at is not None:
        used = parse_time(key.last_used_at)
    return t(
        "admin-user-api",
        hint=key.hint,
        state=Html(state),
        made=parse_time(key.created_at),
        used=used,
        notify=yes_no(t, key.notify),
    )


def method_label(t: Texts, topup: Topup) -> str:
    """How a top-up was paid: a Stars top-up by its stars, another by its method's name."""
    if topup.stars is not None:
        return t("admin-topup-stars", stars=topup.stars)
    return t(f"topup-method-{topup.method}")


def posting_reason(t: Texts, entry: LedgerEntry) -> str:
    """Why the ledger moved, with the way of paying where a top-up's money moved."""
    reason = t(f"admin-reason-{entry.reason.replace('_', '-')}")
    if entry.method is None:
        return reason
    method = t(f"topup-method-{entry.method}")
    return t("admin-user-posting-method", reason=Html(reason), method=Html(method))


async def _users_page(
    users: UsersRepo, amounts: Amounts, t: Texts, order: CustomerOrder, page: int, query: str
) -> tuple[str, InlineKeyboardMarkup | None]:
    total = await users.count(query)
    pages = max(1, -(-total // USERS_PAGE))
    page = min(max(page, 0), pages - 1)
    found = await users.page(order, page * USERS_PAGE, USERS_PAGE, query)
    key = "admin-users-found" if query else f"admin-users-{order}"
    lines = [t(key, count=total, page=page + 1, pages=pages, query=query)]
    lines += [
        t(
            "admin-users-line",
            customer=customer_label(customer, customer.id),
            balance=amounts(customer.balance),
            since=Day(customer.created_at),
        )
        for customer in found
    ]
    if not found:
        lines.append(t("admin-users-none"))
    lines.append(t("admin-users-how"))
    # Callback data holds 64 bytes: a long search is not carried by the buttons.
    carried = query if len(query.encode()) <= SEARCH_IN_BUTTON and ":" not in query else None
    markup = None if carried is None else users_list(t, order, page, pages, carried)
    return "\n".join(lines), markup


async def users_list_command(
    message: Message, command: CommandObject, users: UsersRepo, amounts: Amounts, t: Texts
) -> None:
    """`/users` (newest first), `/users rich` (richest first), `/users TEXT` (a search by name,
    @username or id)."""
    args = (command.args or "").strip()
    order = CustomerOrder.RICHEST if args.lower() == "rich" else CustomerOrder.NEWEST
    query = "" if args.lower() == "rich" else args[:SEARCH_LIMIT]
    text, markup = await _users_page(users, amounts, t, order, 0, query)
    await message.answer(text, reply_markup=markup)


async def users_list_page(
    query: CallbackQuery, callback_data: UsersCb, users: UsersRepo, amounts: Amounts, t: Texts
) -> None:
    await query.answer()
    if not isinstance(query.message, Message):
        return
    order = (
        CustomerOrder(callback_data.order)
        if callback_data.order in ("new", "rich")
        else CustomerOrder.NEWEST
    )
    text, markup = await _users_page(users, amounts, t, order, callback_data.page, callback_data.q)
    await edit_or_send(query.message, text, markup)


def create_router() -> Router:
    router = Router(name="admin-customers")
    router.message.register(move_money, Command("credit", "debit"))
    router.message.register(discount, Command("discount"))
    router.message.register(user_card, Command("user"))
    router.message.register(users_list_command, Command("users"))
    router.callback_query.register(users_list_page, UsersCb.filter())
    return router
