"""The fake Telegram server behaves as Telegram does, seen through aiogram's own client."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
    LabeledPrice,
)

from tests.e2e.bot_process import TOKEN
from tests.e2e.fake_telegram import (
    CALLBACK_DATA_LIMIT,
    NOT_MODIFIED,
    FakeTelegram,
    running_telegram,
)

pytestmark = pytest.mark.e2e

ALICE = 1001


class QuickSession(AiohttpSession):
    """aiogram's session, closed without its 0.25 s wait for TLS connections (there are none)."""

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


def client(telegram: FakeTelegram, token: str = TOKEN) -> Bot:
    session = QuickSession(api=TelegramAPIServer.from_base(telegram.url))
    return Bot(token, session=session, default=DefaultBotProperties(parse_mode="HTML"))


@pytest.fixture
async def api(telegram: FakeTelegram) -> AsyncIterator[Bot]:
    bot = client(telegram)
    yield bot
    await bot.session.close()


def keyboard(*labels_and_data: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=label, callback_data=data)]
            for label, data in labels_and_data
        ]
    )


async def test_get_me_and_a_wrong_token(api: Bot, telegram: FakeTelegram) -> None:
    me = await api.get_me()
    assert (me.id, me.username, me.is_bot) == (123456, "shop_e2e_bot", True)
    stranger = client(telegram, "123456:another-token")
    with pytest.raises(TelegramUnauthorizedError):
        await stranger.get_me()
    await stranger.session.close()


async def test_a_long_poll_is_held_until_an_update_comes(api: Bot, telegram: FakeTelegram) -> None:
    alice = telegram.user(ALICE)
    poll = asyncio.ensure_future(api.get_updates(timeout=30))
    await telegram.wait_for(lambda: telegram.polls or None, "the poll")
    assert not poll.done()
    await alice.send("hello")
    [update] = await poll
    assert update.message is not None
    assert (update.message.text, update.message.chat.id) == ("hello", ALICE)


async def test_a_long_poll_ends_empty_after_its_timeout() -> None:
    async with running_telegram(TOKEN, max_hold=30) as telegram:
        bot = client(telegram)
        began = time.monotonic()
        assert await bot.get_updates(timeout=1) == []
        assert 0.9 < time.monotonic() - began < 10
        assert await bot.get_updates(timeout=0) == []  # no timeout: answered at once
        await bot.session.close()


async def test_offsets_confirm_updates_across_clients(api: Bot, telegram: FakeTelegram) -> None:
    alice = telegram.user(ALICE)
    for text in ("one", "two", "three"):
        await alice.send(text)
    first = await api.get_updates()
    assert [u.message.text for u in first if u.message] == ["one", "two", "three"]
    ids = [u.update_id for u in first]
    assert ids == sorted(set(ids))
    # Not confirmed yet: a restarted bot (a new client) gets them again.
    restarted = client(telegram)
    assert [u.update_id for u in await restarted.get_updates()] == ids
    assert [u.update_id for u in await restarted.get_updates(offset=ids[1])] == ids[1:]
    assert [u.update_id for u in await restarted.get_updates(offset=-1)] == ids[2:]
    assert await restarted.get_updates(offset=ids[2] + 1) == []
    assert [u.update_id for u in telegram.confirmed] == ids
    await restarted.session.close()


async def test_allowed_updates_apply_to_updates_created_after(
    api: Bot, telegram: FakeTelegram
) -> None:
    alice = telegram.user(ALICE)
    await alice.inline("before")  # created under the default: kept
    await api.get_updates(allowed_updates=["message"])
    await alice.inline("after")
    await alice.send("hi")
    updates = await api.get_updates()
    assert [u.event_type for u in updates] == ["inline_query", "message"]
    assert [update.payload["query"] for update in telegram.dropped] == ["after"]
    await api.get_updates(allowed_updates=[])  # empty: the default set again
    assert "inline_query" in telegram.allowed_updates


async def test_a_second_poll_ends_the_first_with_409(api: Bot, telegram: FakeTelegram) -> None:
    first = asyncio.ensure_future(api.get_updates(timeout=30))
    await telegram.wait_for(lambda: telegram.polls or None, "the first poll")
    other = client(telegram)
    second = asyncio.ensure_future(other.get_updates(timeout=30))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates request"):
        await first
    await telegram.user(ALICE).send("for the survivor")
    assert len(await second) == 1
    await other.session.close()


async def test_a_webhook_stops_polling_until_deleted(api: Bot, telegram: FakeTelegram) -> None:
    telegram.set_webhook("https://example.invalid/hook")
    await telegram.user(ALICE).send("hi")
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await api.get_updates()
    assert await api.delete_webhook(drop_pending_updates=True)
    assert await api.get_updates() == []


async def test_a_person_sees_messages_as_edited_and_presses_the_newest_button(
    api: Bot, telegram: FakeTelegram
) -> None:
    alice = telegram.user(ALICE)
    await alice.send("/start")
    [start] = await api.get_updates()
    assert start.message is not None
    assert [e.type for e in start.message.entities or []] == ["bot_command"]
    old = await api.send_message(ALICE, "<b>Pick</b>", reply_markup=keyboard(("Go", "old")))
    await api.send_message(ALICE, "Again &amp; again", reply_markup=keyboard(("Go", "new")))
    assert [m.text for m in alice.messages()] == ["Pick", "Again & again"]
    assert alice.last_message().html == "Again &amp; again"

    pressed = await alice.press("Go")
    assert pressed.data == "new"
    [update] = await api.get_updates(offset=start.update_id + 1)
    query = update.callback_query
    assert query is not None
    assert query.message is not None
    assert (query.data, query.message.message_id, query.from_user.id) == ("new", 3, ALICE)
    await api.answer_callback_query(query.id, text="Done")
    assert (await alice.wait_for_answer(pressed)).text == "Done"
    assert [a.text for a in alice.callback_answers] == ["Done"]

    # An edit shows up for whoever waits on it; without reply_markup it drops the buttons.
    await api.edit_message_text("<i>Picked</i>", chat_id=ALICE, message_id=old.message_id)
    edited = await alice.wait_for_text("Picked")
    assert (edited.message_id, edited.buttons, edited.edits) == (old.message_id, [], 1)
    with pytest.raises(AssertionError, match="no button 'Stop'"):
        await alice.press("Stop")
    with pytest.raises(AssertionError, match=r"waited 0\.1 s for a message with 'Again'"):
        await alice.wait_for_text("Again", within=0.1)  # shown before her last action
    assert telegram.mistakes == []


async def test_an_edit_that_changes_nothing_is_refused(api: Bot, telegram: FakeTelegram) -> None:
    await telegram.user(ALICE).send("hi")
    sent = await api.send_message(ALICE, "Same", reply_markup=keyboard(("A", "a")))
    here = sent.message_id
    with pytest.raises(TelegramBadRequest, match=NOT_MODIFIED):
        await api.edit_message_text(
            "Same", chat_id=ALICE, message_id=here, reply_markup=keyboard(("A", "a"))
        )
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await api.edit_message_reply_markup(
            chat_id=ALICE, message_id=here, reply_markup=keyboard(("A", "a"))
        )
    # Dropping the keyboard is a change.
    await api.edit_message_reply_markup(chat_id=ALICE, message_id=here)
    assert telegram.mistakes == []  # the bot is expected to handle these itself
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await api.edit_message_text("x", chat_id=ALICE, message_id=99)
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await api.edit_message_text("x", chat_id=ALICE, message_id=1)  # Alice's own


LONG = "x" * 4097


@pytest.mark.parametrize(
    ("call", "refusal"),
    [
        (lambda bot: bot.send_message(ALICE, "<b>bold</i>"), "can't parse entities"),
        (lambda bot: bot.send_message(ALICE, "a < b"), "can't parse entities"),
        (lambda bot: bot.send_message(ALICE, "Tom & Jerry"), "can't parse entities"),
        (lambda bot: bot.send_message(ALICE, LONG), "message is too long"),
        (lambda bot: bot.send_message(ALICE, "😀" * 2049), "message is too long"),
        (lambda bot: bot.send_message(ALICE, "<b> </b>"), "message text is empty"),
        (
            lambda bot: bot.send_message(
                ALICE, "hi", reply_markup=keyboard(("A", "d" * (CALLBACK_DATA_LIMIT + 1)))
            ),
            "BUTTON_DATA_INVALID",
        ),
        (
            lambda bot: bot.send_message(
                ALICE,
                "hi",
                reply_markup=InlineKeyboardMarkup(
                    inline_keyboard=[[InlineKeyboardButton(text="Site", url="javascript:x")]]
                ),
            ),
            "BUTTON_URL_INVALID",
        ),
        (lambda bot: bot.send_chat_action(ALICE, "dancing"), "wrong parameter action"),
        (
            lambda bot: bot.set_my_commands([BotCommand(command="Start", description="Go")]),
            "BOT_COMMAND_INVALID",
        ),
    ],
)
async def test_what_telegram_refuses_is_refused_and_counted_as_a_mistake(
    api: Bot, telegram: FakeTelegram, call: Any, refusal: str
) -> None:
    await telegram.user(ALICE).send("hi")
    with pytest.raises(TelegramBadRequest, match=refusal):
        await call(api)
    [mistake] = telegram.mistakes
    assert refusal in mistake
    assert telegram.user(ALICE).messages() == []


async def test_callback_answers_are_checked(api: Bot, telegram: FakeTelegram) -> None:
    alice = telegram.user(ALICE)
    await alice.send("hi")
    await api.send_message(ALICE, "Tap", reply_markup=keyboard(("Tap", "t")))
    first, second = await alice.press("Tap"), await alice.press("Tap")
    with pytest.raises(TelegramBadRequest, match="MESSAGE_TOO_LONG"):
        await api.answer_callback_query(first.query_id, text="я" * 201)
    assert await api.answer_callback_query(first.query_id, text="я" * 200)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await api.answer_callback_query(first.query_id)  # answered already
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await api.answer_callback_query("12345")
    assert len(telegram.mistakes) == 3
    # Taken (confirmed by the next poll's offset) but never answered.
    updates = await api.get_updates()
    await api.get_updates(offset=updates[-1].update_id + 1)
    assert telegram.unanswered_callbacks() == [second.query_id]


async def test_switches_rate_limit_fail_and_block(api: Bot, telegram: FakeTelegram) -> None:
    alice, bob = telegram.user(ALICE), telegram.user(1002, "Bob")
    await alice.send("hi")
    await bob.send("hi")
    telegram.rate_limit("sendMessage", times=1, retry_after=3, chat_id=ALICE)
    await api.send_message(1002, "Bob is not limited")
    with pytest.raises(TelegramRetryAfter) as limited:
        await api.send_message(ALICE, "too fast")
    assert limited.value.retry_after == 3
    await api.send_message(ALICE, "later")

    telegram.fail(times=2)
    for _ in range(2):
        with pytest.raises(TelegramServerError):
            await api.get_me()
    await api.get_me()

    alice.block()
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await api.send_message(ALICE, "hello?")
    with pytest.raises(AssertionError, match="unblock"):
        await alice.send("I can't: I blocked the bot")
    alice.unblock()
    await api.send_message(ALICE, "welcome back")
    kinds = [update.event_type for update in await api.get_updates()]
    assert kinds == ["message", "message", "my_chat_member", "my_chat_member"]
    assert [m.text for m in alice.messages()] == ["later", "welcome back"]
    assert telegram.mistakes == []  # nothing the bot sent was wrong


async def test_a_slow_answer_comes_after_the_message_is_shown(
    api: Bot, telegram: FakeTelegram
) -> None:
    alice = telegram.user(ALICE)
    await alice.send("hi")
    telegram.slow("sendMessage", 30)
    sending = asyncio.ensure_future(api.send_message(ALICE, "How many?"))
    await alice.wait_for_text("How many?")  # she reads it while the bot waits
    assert not sending.done()
    sending.cancel()
    await api.send_message(ALICE, "Once only")  # the next call is answered at once


async def test_unknown_methods_and_strangers(api: Bot, telegram: FakeTelegram) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await api.send_message(4242, "who are you?")  # never wrote to the bot
    assert telegram.mistakes == []
    with pytest.raises(TelegramNotFound):
        await api.delete_message(ALICE, 1)
    assert telegram.mistakes == ["deleteMessage: Not Found"]


async def test_commands_per_scope_and_language(api: Bot, telegram: FakeTelegram) -> None:
    commands = [BotCommand(command="start", description="Main menu")]
    await api.set_my_commands(commands, language_code="ru")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await api.set_my_commands(commands, scope=BotCommandScopeChat(chat_id=9001))
    assert [c.command for c in await api.get_my_commands(language_code="ru")] == ["start"]
    assert await api.get_my_commands() == []
    assert telegram.mistakes == []


async def test_inline_answers_are_checked_and_kept(api: Bot, telegram: FakeTelegram) -> None:
    alice = telegram.user(ALICE)
    query_id = await alice.inline("23501")

    def article(result_id: str, text: str) -> InlineQueryResultArticle:
        content = InputTextMessageContent(message_text=text)
        return InlineQueryResultArticle(id=result_id, title="Order", input_message_content=content)

    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await api.answer_inline_query(query_id, [article("1", "<b>broken")])
    with pytest.raises(TelegramBadRequest, match="RESULT_ID_DUPLICATE"):
        await api.answer_inline_query(query_id, [article("1", "a"), article("1", "b")])
    await api.answer_inline_query(
        query_id, [article("1", "<b>23501</b>")], cache_time=5, is_personal=True
    )
    answer = await alice.wait_for_inline_answer(query_id)
    assert (answer.cache_time, answer.is_personal, len(answer.results)) == (5, True, 1)
    assert answer.results[0]["input_message_content"]["parse_mode"] == "HTML"


async def test_a_stars_payment(api: Bot, telegram: FakeTelegram) -> None:
    alice = telegram.user(ALICE)
    await alice.send("/topup")
    prices = [LabeledPrice(label="100 ⭐", amount=100)]
    with pytest.raises(TelegramBadRequest, match="STARS_INVOICE_INVALID"):
        await api.send_invoice(ALICE, "Top-up", "Balance", "p1", "XTR", prices * 2)
    telegram.mistakes.clear()
    await api.send_invoice(ALICE, "Top-up", "Balance top-up", "topup:1", "XTR", prices)
    invoice = alice.last_message()
    assert invoice.invoice is not None
    assert invoice.invoice["total_amount"] == 100

    async def bot_side() -> str:
        offset = None
        while True:  # the bot's side: approve the pre-checkout query, read the payment
            for update in await api.get_updates(offset=offset, timeout=1):
                offset = update.update_id + 1
                if update.pre_checkout_query is not None:
                    assert update.pre_checkout_query.invoice_payload == "topup:1"
                    await api.answer_pre_checkout_query(update.pre_checkout_query.id, ok=True)
                payment = update.message.successful_payment if update.message else None
                if payment is not None:
                    return payment.telegram_payment_charge_id

    bot = asyncio.ensure_future(bot_side())
    payment = await alice.pay(invoice)
    assert payment is not None
    assert payment.total_amount == 100
    assert await bot == payment.charge_id
    assert await api.refund_star_payment(ALICE, payment.charge_id)
    with pytest.raises(TelegramBadRequest, match="CHARGE_ALREADY_REFUNDED"):
        await api.refund_star_payment(ALICE, payment.charge_id)
    with pytest.raises(TelegramBadRequest, match="CHARGE_NOT_FOUND"):
        await api.refund_star_payment(1002, payment.charge_id)
    assert telegram.payments[payment.charge_id].refunded


async def test_a_refused_payment_is_not_made(api: Bot, telegram: FakeTelegram) -> None:
    alice = telegram.user(ALICE)
    await alice.send("/topup")
    await api.send_invoice(
        ALICE, "Top-up", "Balance", "topup:2", "XTR", [LabeledPrice(label="1", amount=1)]
    )

    async def refuse() -> None:
        updates = await api.get_updates(timeout=5)
        while not any(u.pre_checkout_query for u in updates):
            updates = await api.get_updates(offset=updates[-1].update_id + 1, timeout=5)
        query = next(u.pre_checkout_query for u in updates if u.pre_checkout_query)
        with pytest.raises(TelegramBadRequest, match="error_message is empty"):
            await api.answer_pre_checkout_query(query.id, ok=False)
        await api.answer_pre_checkout_query(query.id, ok=False, error_message="Not now")

    refusing = asyncio.ensure_future(refuse())
    assert await alice.pay(alice.last_message()) is None
    await refusing
    assert telegram.payments == {}
