"""Notifications: queued with the status change, sent once in the customer's language, within
Telegram's limits, through 429, 403, 400 and network errors, and across a restart."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import cast

import pytest
from aiogram import Bot, Dispatcher
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
)
from aiogram.methods import SendMessage
from aiogram.types import (
    Chat,
    ChatMemberBanned,
    ChatMemberMember,
    ChatMemberUpdated,
    InlineKeyboardMarkup,
    Update,
    User,
)
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.notify.sender import Delivery, Markup, OutboxSender, Pace, retry_delay
from bot.panel import OrderStatus
from bot.settings import Settings
from bot.storage import BroadcastsRepo, Database, OutboxArg, OutboxRepo, UsersRepo
from tests.conftest import fund
from tests.harness import BOT_USER, BotClient, RecordingSession, sent_to
from tests.order_factory import place, restarted
from tests.panel_emulator import PanelEmulator

NOTE = SendMessage(chat_id=1001, text="x")


async def queue(
    db: Database, user_id: int, key: str = "notify-started", **values: OutboxArg
) -> None:
    """A notification as the sweep queues it."""
    await UsersRepo(db).ensure(user_id)
    args: dict[str, OutboxArg] = {"number": "7", "service": "Members", "quantity": 100}
    args.update(values)
    async with db.transaction() as tx:
        await OutboxRepo(db).add(tx, user_id, key, args)


async def pending(db: Database, user_id: int) -> list[int]:
    rows = await OutboxRepo(db).for_user(user_id)
    return [row.id for row in rows if row.sent_at is None and row.dropped_at is None]


async def test_a_status_change_and_its_notification_survive_a_restart(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    settings: Settings,
    panel,
    translator,
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    assert sent_to(bot, 1001) == []  # the process "dies" before the sender runs

    async with restarted(db, settings, panel, translator) as (_, again):
        assert (await again["outbox_sender"].run_once(bot))[Delivery.SENT] == 1
        assert await again["outbox_sender"].run_once(bot) == {}
        await again["sweeper"].run_once(bot)
        assert await again["outbox_sender"].run_once(bot) == {}
    assert sent_to(bot, 1001) == [
        f"✅ Your order #{order.id} (7-day Join — Telegram Members, 100) is completed."
    ]


@pytest.mark.parametrize(
    ("chosen", "telegram", "expected"),
    [
        (None, "ru", "▶️ Ваш заказ #7 (Members, 100) начал выполняться."),
        (None, "uz", "▶️ #7 buyurtmangiz (Members, 100) bajarila boshladi."),
        ("uz", "ru", "▶️ #7 buyurtmangiz (Members, 100) bajarila boshladi."),
        (None, "de", "▶️ Your order #7 (Members, 100) has started."),
    ],
)
async def test_rendered_in_the_customers_language_when_sent(
    make_client, bot: Bot, db: Database, dp: Dispatcher, chosen, telegram, expected
) -> None:
    client: BotClient = make_client(language_code=telegram)
    await client.send("/start")  # the language Telegram reports is remembered
    if chosen:
        await UsersRepo(db).set_language(client.user.id, chosen)
    await queue(db, client.user.id)
    await dp["outbox_sender"].run_once(bot)
    assert sent_to(bot, client.user.id)[-1] == expected


async def test_values_are_escaped_when_rendered(bot: Bot, db: Database, dp: Dispatcher) -> None:
    await queue(db, 5, service="<b>Views</b> & more")
    await dp["outbox_sender"].run_once(bot)
    assert "(&lt;b&gt;Views&lt;/b&gt; &amp; more, 100)" in sent_to(bot, 5)[0]


async def test_flood_control_waits_and_sends_the_same_message_again(
    bot: Bot, db: Database, dp: Dispatcher
) -> None:
    await queue(db, 1001)
    bot.session.plan(  # type: ignore[attr-defined]
        SendMessage, TelegramRetryAfter(method=NOTE, message="Too Many Requests", retry_after=1)
    )
    started = time.monotonic()
    outcomes = await dp["outbox_sender"].run_once(bot)
    assert time.monotonic() - started >= 1
    assert outcomes == {Delivery.SENT: 1}
    first, second = sent_to(bot, 1001)
    assert first == second
    assert await pending(db, 1001) == []
    assert await dp["outbox_sender"].run_once(bot) == {}


async def test_a_blocked_bot_marks_the_user_and_drops_their_messages_until_they_return(
    make_client, bot: Bot, db: Database, dp: Dispatcher
) -> None:
    client: BotClient = make_client()
    await client.send("/start")
    bot.session.requests.clear()  # type: ignore[attr-defined]
    await queue(db, 1001)
    await queue(db, 1001, "notify-completed")
    await queue(db, 2002)
    bot.session.plan(  # type: ignore[attr-defined]
        SendMessage, TelegramForbiddenError(method=NOTE, message="Forbidden: bot was blocked")
    )

    outcomes = await dp["outbox_sender"].run_once(bot)

    assert outcomes == {Delivery.BLOCKED: 1, Delivery.SENT: 1}
    assert len(sent_to(bot, 1001)) == 1  # the one refused; the second was never tried
    assert len(sent_to(bot, 2002)) == 1
    user = await UsersRepo(db).get(1001)
    assert user is not None
    assert user.blocked
    assert await pending(db, 1001) == []
    reasons = {row.drop_reason for row in await OutboxRepo(db).for_user(1001)}
    assert reasons == {"blocked"}

    # While blocked, news is dropped without asking Telegram.
    await queue(db, 1001, "notify-completed")
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.DROPPED: 1}
    assert len(sent_to(bot, 1001)) == 1

    # Back with /start: notifications flow again.
    await client.send("/start")
    assert not (await UsersRepo(db).get(1001)).blocked  # type: ignore[union-attr]
    await queue(db, 1001, "notify-completed")
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.SENT: 1}


def member_update(user_id: int, old: str, new: str) -> Update:
    user = User(id=user_id, is_bot=False, first_name="Alice", language_code="en")
    states: dict[str, ChatMemberMember | ChatMemberBanned] = {
        "member": ChatMemberMember(user=BOT_USER),
        "kicked": ChatMemberBanned(user=BOT_USER, until_date=datetime.fromtimestamp(0, UTC)),
    }
    return Update(
        update_id=user_id * 10 + len(new),
        my_chat_member=ChatMemberUpdated(
            chat=Chat(id=user_id, type="private"),
            from_user=user,
            date=datetime.now(UTC),
            old_chat_member=states[old],
            new_chat_member=states[new],
        ),
    )


async def test_my_chat_member_updates_block_and_unblock(
    bot: Bot, db: Database, dp: Dispatcher
) -> None:
    users = UsersRepo(db)
    await users.ensure(1001)
    assert "my_chat_member" in dp.resolve_used_update_types()

    await dp.feed_update(bot, member_update(1001, "member", "kicked"))
    assert (await users.get(1001)).blocked  # type: ignore[union-attr]
    await queue(db, 1001)
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.DROPPED: 1}

    await dp.feed_update(bot, member_update(1001, "kicked", "member"))
    assert not (await users.get(1001)).blocked  # type: ignore[union-attr]
    await queue(db, 1001)
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.SENT: 1}


async def test_a_bad_request_drops_only_that_message(
    bot: Bot, db: Database, dp: Dispatcher, caplog
) -> None:
    await queue(db, 1001)
    await queue(db, 1001, "notify-completed")
    bot.session.plan(  # type: ignore[attr-defined]
        SendMessage, TelegramBadRequest(method=NOTE, message="Bad Request: chat not found")
    )

    assert await dp["outbox_sender"].run_once(bot) == {Delivery.DROPPED: 1, Delivery.SENT: 1}

    first, second = await OutboxRepo(db).for_user(1001)
    assert first.dropped_at is not None
    assert "chat not found" in (first.drop_reason or "")
    assert second.sent_at is not None
    assert "notification 1 dropped" in caplog.text
    assert not (await UsersRepo(db).get(1001)).blocked  # type: ignore[union-attr]


async def test_a_network_error_keeps_the_message_and_its_followers_for_later(
    bot: Bot, db: Database, dp: Dispatcher
) -> None:
    await queue(db, 1001)
    await queue(db, 1001, "notify-completed")
    bot.session.plan(  # type: ignore[attr-defined]
        SendMessage, TelegramNetworkError(method=NOTE, message="Request timeout error")
    )

    assert await dp["outbox_sender"].run_once(bot) == {Delivery.LATER: 1}
    first, following = await OutboxRepo(db).for_user(1001)
    assert (first.attempts, following.attempts) == (1, 0)
    assert (first.next_attempt_at - datetime.now(UTC)).total_seconds() > retry_delay(0) - 1
    # Not due yet, and the later message waits behind it: the customer's news stays in order.
    assert await dp["outbox_sender"].run_once(bot) == {}
    assert 0 < (await OutboxRepo(db).seconds_to_next() or 0) <= retry_delay(0)

    async with db.transaction() as tx:  # time passes
        await tx.execute("UPDATE outbox SET next_attempt_at = created_at")
    assert await dp["outbox_sender"].run_once(bot) == {Delivery.SENT: 2}
    started, completed = sent_to(bot, 1001)[1:]
    assert "has started" in started
    assert "is completed" in completed


def test_network_retries_wait_longer_each_time_up_to_a_cap() -> None:
    assert [retry_delay(n) for n in range(8)] == [5, 10, 20, 40, 80, 160, 300, 300]


async def sender(
    db: Database, translator, *, rate: float, per_chat: float, markups: Mapping[str, Markup] = {}
) -> OutboxSender:
    return OutboxSender(
        broadcasts=BroadcastsRepo(db),
        outbox=OutboxRepo(db),
        users=UsersRepo(db),
        translator=translator,
        default_locale="en",
        rate=rate,
        markups=markups,
        per_chat_period=per_chat,
    )


async def test_a_message_gets_the_buttons_registered_for_its_key_in_its_language(
    bot: Bot, db: Database, translator
) -> None:
    """The sender builds no keyboard itself: whoever queues a kind of message hands in its
    buttons by the message's key (the composition root wires them)."""

    def ask(t: Texts) -> InlineKeyboardMarkup:
        builder = InlineKeyboardBuilder()
        builder.button(text=t("menu-support"), callback_data="x")
        return builder.as_markup()

    await queue(db, 1001)
    await queue(db, 1001, key="notify-completed")
    await UsersRepo(db).set_language(1001, "ru")
    outbox = await sender(db, translator, rate=100, per_chat=0.01, markups={"notify-started": ask})
    assert await outbox.run_once(bot) == {Delivery.SENT: 2}
    started, completed = cast(RecordingSession, bot.session).of_type(SendMessage)[-2:]
    assert isinstance(started.reply_markup, InlineKeyboardMarkup)
    [[button]] = started.reply_markup.inline_keyboard
    assert button.text == translator.texts("ru")("menu-support") != "menu-support"
    assert completed.reply_markup is None


async def test_one_chat_gets_at_most_one_message_per_period(
    bot: Bot, db: Database, translator
) -> None:
    for _ in range(3):
        await queue(db, 1001)
    started = time.monotonic()
    outcomes = await (await sender(db, translator, rate=100, per_chat=0.2)).run_once(bot)
    assert outcomes == {Delivery.SENT: 3}
    assert time.monotonic() - started >= 0.4


async def test_the_global_rate_holds_across_chats(bot: Bot, db: Database, translator) -> None:
    for user_id in range(1, 9):
        await queue(db, user_id)
    started = time.monotonic()
    outcomes = await (await sender(db, translator, rate=5, per_chat=0.01)).run_once(bot)
    assert outcomes == {Delivery.SENT: 8}
    # Evenly spaced at 5 a second: the first at once, the other 7 take 1.4 s.
    assert time.monotonic() - started >= 1.3


async def test_the_pace_never_lets_more_than_the_rate_go_in_a_rolling_second() -> None:
    """However late a waiter wakes, the next ones do not catch up into a burst."""
    pace = Pace(20)
    moments = []

    async def send() -> None:
        async with pace.turn():
            moments.append(time.monotonic())
            if len(moments) % 7 == 0:
                time.sleep(0.03)  # noqa: ASYNC251  # the loop stalls: the next waiter wakes late
            await asyncio.sleep(0.01 * (len(moments) % 3))  # some answers take longer

    await asyncio.gather(*(send() for _ in range(45)))
    assert len(moments) == 45
    for first, moment in enumerate(moments):
        assert sum(moment <= later < moment + 1.0 for later in moments[first:]) <= 20


async def test_different_chats_do_not_wait_for_each_other(
    bot: Bot, db: Database, translator
) -> None:
    for user_id in range(1, 6):
        await queue(db, user_id)
    started = time.monotonic()
    await (await sender(db, translator, rate=100, per_chat=1.0)).run_once(bot)
    assert time.monotonic() - started < 0.5


async def test_the_sender_loop_is_woken_by_new_news(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "12")
    order = await place(db, emulator, funded=True)
    sender_task: OutboxSender = dp["outbox_sender"]
    sender_task.start(bot)
    try:
        await asyncio.sleep(0.05)  # idle: nothing due, waiting up to 30 s
        await dp["follower"].apply(bot, order.id, OrderStatus(status="In progress"))
        for _ in range(200):
            if sent_to(bot, 1001):
                break
            await asyncio.sleep(0.01)
    finally:
        await sender_task.stop(5)
    assert sent_to(bot, 1001) == [
        f"▶️ Your order #{order.id} (7-day Join — Telegram Members, 100) has started."
    ]
