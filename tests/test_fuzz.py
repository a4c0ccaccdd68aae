"""Fuzz: generated updates of every kind through the real Dispatcher, invariants after each
batch.

A seeded generator plays customers, an admin, strangers and forgers: junk and edge-case
commands, huge and empty texts, stickers, edited messages, taps on their own buttons (so
orders really get placed), other users' buttons, garbled and out-of-range callback data,
inline queries, checkouts and payments for invoices that are not theirs, and ids Telegram
never issues. After each batch: no update raised or reached the error handler, every
callback was answered, nothing was sent to a chat that did not write, balances equal their
ledgers and none is below zero, and every order was confirmed by its own customer.

    FUZZ_UPDATES=10000 python3 tasks.py test tests/test_fuzz.py -s   # the long run
    FUZZ_SEED=<seed> python3 tasks.py test tests/test_fuzz.py -s     # replay a run
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerCallbackQuery, SendInvoice, TelegramMethod
from aiogram.types import (
    CallbackQuery,
    Chat,
    ChatMemberBanned,
    ChatMemberMember,
    ChatMemberUpdated,
    InlineQuery,
    Message,
    PreCheckoutQuery,
    SuccessfulPayment,
    Update,
    User,
)

from bot.storage import Database, LedgerRepo
from bot.telegram.errors import update_kind
from tests.conftest import ADMIN_ID, fund
from tests.harness import BOT_USER, RecordingSession, a_sticker, buttons
from tests.panel_emulator import PanelEmulator

UPDATES = int(os.environ.get("FUZZ_UPDATES", "1000"))
BATCH = 100
SEED = int(os.environ.get("FUZZ_SEED") or random.SystemRandom().randrange(2**32))

CUSTOMERS = (1001, 1002, 1003, 1004)
# Customers who mostly follow the order conversation, so orders really get placed.
SHOPPERS = (1001, 1002)
LANGUAGES = ("en", "ru", "uz", None, "de")
GROUP = -1001234567890
INT64 = 2**63
# Ids Telegram never issues: the bot must drop these updates untouched.
IMPOSSIBLE_USERS = (0, -5, INT64, 2**64 + 1)
EDGE_NUMBERS = (
    "0",
    "1",
    "-1",
    "00",
    "999999999999",
    "9999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999",
    "10000000000",
    "10000000000.01",
    "99999999999.99",
    "0.000001",
    "1e3",
    "NaN",
    "1_000",
    "１２３",
    "²",
    "12,5",
    "-0",
)
JUNK = (
    "",
    " ",
    "hello",
    "<b>bold</b> & <i>",
    "</b>",
    "&amp;",
    "@",
    "@fuzz_channel",
    "https://t.me/fuzz_channel",
    "t.me/+AbCdEf",
    "https://instagram.com/p/xyz",
    "javascript:alert(1)",
    "🙂" * 50,
    "x" * 5000,
    "|",
    "a | en | b",
    "Telegram Views",
    "-",
    "3.%*&]Y",  # a bracket that urlsplit reads as a broken IPv6 address
    "t.me]/fuzz_channel",
    "/   ",
)
COMMANDS = (
    "/start",
    "/start svc_1",
    "/start svc_99999999999999999999",
    "/order",
    "/orders",
    "/balance",
    "/topup",
    "/language",
    "/help",
    "/cancel",
    "/paysupport",
    "/terms",
    "/credit",
    "/debit",
    "/user",
    "/stats",
    "/refresh",
    "/unknown",
    "/attach",
    "/fail",
    "/refund",
    "/shop",
    "/hide",
    "/show",
    "/markup",
    "/price",
    "/rename",
    "/describe",
    "/position",
    "/nonsense",
    "/balance@shop_test_bot",
    "/orders@another_bot",
)
# What a customer types to move an order along: links and quantities that can pass.
PLAUSIBLE = ("https://t.me/fuzz_channel", "@fuzz_channel", "100", "1000", "10", "500", "2")
# Message ids of forged taps start here, above any the recording session gives out.
FORGED = 10**7
PREFIXES = ("m", "lang", "cp", "ct", "sr", "sv", "on", "ok", "tu", "ol", "od", "sp", "sc", "sh")


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Seen:
    """What the bot showed or did, for forgers to reuse and for the checks."""

    data: list[str] = field(default_factory=list)
    payloads: list[tuple[str, int]] = field(default_factory=list)  # payload, stars
    charge_ids: list[str] = field(default_factory=list)
    wrote: set[int] = field(default_factory=lambda: {ADMIN_ID})  # chats that may be written to
    confirmed: set[tuple[int, str]] = field(default_factory=set)  # (user, confirm token)
    kinds: set[str] = field(default_factory=set)


class Fuzzer:
    """Makes one update at a time from a seeded random source."""

    def __init__(self, seed: int, session: RecordingSession) -> None:
        self.rng = random.Random(seed)  # noqa: S311  # replayable by seed, not secret
        self.session = session
        self.seen = Seen()
        self._ids = iter(range(1, 10**9))

    def next_id(self) -> int:
        return next(self._ids)

    # --- who --------------------------------------------------------------------------------

    def user(self) -> User:
        roll = self.rng.random()
        if roll < 0.03:
            user_id = self.rng.choice(IMPOSSIBLE_USERS)
        elif roll < 0.15:
            user_id = ADMIN_ID
        elif roll < 0.2:
            user_id = self.rng.randrange(2000, 2100)  # a stranger
        else:
            user_id = self.rng.choice(CUSTOMERS)
        language = LANGUAGES[user_id % len(LANGUAGES)] if user_id > 0 else "en"
        return User(id=user_id, is_bot=False, first_name="<Fuzz&>", language_code=language)

    def chat_for(self, user: User) -> Chat:
        if user.id not in SHOPPERS and self.rng.random() < 0.1:
            return Chat(id=GROUP, type="supergroup", title="Fuzz group")
        if self.rng.random() < 0.01:
            return Chat(id=-INT64 - 1, type="supergroup", title="Impossible")
        return Chat(id=user.id, type="private", first_name=user.first_name)

    # --- what -------------------------------------------------------------------------------

    def text(self, user: User) -> str:
        roll = self.rng.random()
        if user.id in SHOPPERS and roll < 0.04:
            return "/order"
        if user.id in SHOPPERS and roll < 0.8:
            return self.answer(user.id)
        if roll < 0.35:
            command = self.rng.choice(COMMANDS)
            args = " ".join(
                self.rng.choice(EDGE_NUMBERS + JUNK) for _ in range(self.rng.randrange(3))
            )
            return f"{command} {args}".strip() if args else command
        if roll < 0.45:
            target = self.rng.choice((*CUSTOMERS, ADMIN_ID, 5001))
            amount = self.rng.choice((*EDGE_NUMBERS, "5", "100.50"))
            return f"{self.rng.choice(('/credit', '/debit'))} {target} {amount}"
        if roll < 0.7:
            return self.rng.choice(PLAUSIBLE)
        if roll < 0.85:
            return self.rng.choice(EDGE_NUMBERS)
        return self.rng.choice(JUNK) or "."

    def callback_data(self, user: User) -> tuple[str, int | None]:
        """Callback data, and the id of the bot's message that shows it (None: forged)."""
        roll = self.rng.random()
        own = self.own_buttons(user.id)
        if own is not None and roll < (0.85 if user.id in SHOPPERS else 0.5):
            message_id, found = own
            # Shoppers go on rather than back: where the step waits for text (a link, a
            # quantity), they tap something else than Back or Cancel.
            onward = [data for data in found if not data.startswith(("on:", "tu:cancel"))]
            if onward and self.rng.random() < 0.8:
                return self.rng.choice(onward), message_id
            if onward or user.id not in SHOPPERS or self.rng.random() < 0.1:
                return self.rng.choice(found), message_id
        if self.seen.data and roll < 0.7:
            return self.rng.choice(self.seen.data), None  # anyone's button, shown to someone
        if self.seen.data and roll < 0.85:
            parts = self.rng.choice(self.seen.data).split(":")
            parts[self.rng.randrange(len(parts))] = self.rng.choice(EDGE_NUMBERS + JUNK[:8])
            return ":".join(parts)[:64], None
        if roll < 0.95:
            count = self.rng.randrange(5)
            fields = [self.rng.choice(EDGE_NUMBERS + JUNK[:8]) for _ in range(count)]
            return ":".join((self.rng.choice(PREFIXES), *fields))[:64], None
        size = self.rng.randrange(1, 65)
        return "".join(chr(self.rng.randrange(32, 0x3000)) for _ in range(size)), None

    def answer(self, chat_id: int) -> str:
        """What the step on screen asks for: a link where an example link is shown, else a
        number (a quantity, a poll's answer)."""
        newest = next(self.shown(chat_id), None)
        if newest is not None and "t.me" in (newest[1][0] or ""):
            return self.rng.choice((*PLAUSIBLE[:2], *PLAUSIBLE[:2], "3.%*&]Y"))
        return self.rng.choice(("100", "1", "1000", "2"))

    def own_buttons(self, chat_id: int) -> tuple[int, list[str]] | None:
        """The newest bot message in this chat that has buttons, and their data."""
        for message_id, (_, markup) in self.shown(chat_id):
            found = [data for _, data in buttons(markup)]
            if found:
                return message_id, found
        return None

    def shown(self, chat_id: int) -> Iterator[tuple[int, tuple[str | None, Any]]]:
        """The bot's messages in this chat, newest first, as the recording session keeps
        them; not forged taps' messages, which the bot may have edited."""
        shown = self.session._shown
        ids = sorted((k[1] for k in shown if k[0] == chat_id and k[1] < FORGED), reverse=True)
        return ((message_id, shown[(chat_id, message_id)]) for message_id in ids)

    def payload(self) -> tuple[str, int]:
        if self.seen.payloads and self.rng.random() < 0.8:
            payload, stars = self.rng.choice(self.seen.payloads)
            return payload, self.rng.choice((stars, stars, stars + 1, 1, 2**31))
        return self.rng.choice(("", "x", "forged-payload", "🙂" * 40)), self.rng.randrange(1, 10**5)

    # --- updates ----------------------------------------------------------------------------

    def message(self, user: User, chat: Chat, **fields: Any) -> Message:
        return Message(message_id=self.next_id(), date=_now(), chat=chat, from_user=user, **fields)

    def update(self) -> Update:
        user = self.user()
        kind = self.rng.choices(
            (
                "message",
                "edited_message",
                "callback_query",
                "inline_query",
                "pre_checkout_query",
                "payment",
                "my_chat_member",
                "unknown",
            ),
            weights=(40, 4, 40, 6, 4, 3, 3, 1),
        )[0]
        self.seen.kinds.add("message" if kind == "payment" else kind)
        update_id = self.next_id()
        if kind == "unknown":  # a kind Telegram may add after this aiogram was released
            future = self.rng.choice(("future_thing", "another_future_thing"))
            raw = {"update_id": update_id, future: {"id": 1, "from": {"id": user.id}}}
            return Update.model_validate(raw)
        if kind in {"message", "edited_message"}:
            chat = self.chat_for(user)
            if self.rng.random() < 0.08:
                message = self.message(user, chat, sticker=a_sticker())
            else:
                message = self.message(user, chat, text=self.text(user))
            if kind == "edited_message":
                return Update(update_id=update_id, edited_message=message)
            return Update(update_id=update_id, message=message)
        if kind == "callback_query":
            data, message_id = self.callback_data(user)
            on = Message(
                message_id=message_id or self.rng.choice((1, 2, FORGED + self.next_id())),
                date=_now(),
                chat=Chat(id=user.id, type="private"),
                from_user=BOT_USER,
                text="an old message",
            )
            query = CallbackQuery(
                id=f"cb{update_id}",
                from_user=user,
                chat_instance="fuzz",
                message=on if self.rng.random() < 0.95 else None,
                data=data,
            )
            return Update(update_id=update_id, callback_query=query)
        if kind == "inline_query":
            inline = InlineQuery(
                id=f"iq{update_id}",
                from_user=user,
                query=self.rng.choice(EDGE_NUMBERS + JUNK[:12] + ("#1", "23501", "views")),
                offset=self.rng.choice(("", "5", "-1", "99999999999999999999", "x")),
            )
            return Update(update_id=update_id, inline_query=inline)
        if kind == "pre_checkout_query":
            payload, stars = self.payload()
            checkout = PreCheckoutQuery(
                id=f"pc{update_id}",
                from_user=user,
                currency=self.rng.choice(("XTR", "XTR", "USD")),
                total_amount=stars,
                invoice_payload=payload,
            )
            return Update(update_id=update_id, pre_checkout_query=checkout)
        if kind == "payment":
            payload, stars = self.payload()
            reused = self.seen.charge_ids and self.rng.random() < 0.3
            charge_id = self.rng.choice(self.seen.charge_ids) if reused else f"ch{update_id}"
            self.seen.charge_ids.append(charge_id)
            paid = SuccessfulPayment(
                currency=self.rng.choice(("XTR", "XTR", "USD")),
                total_amount=stars,
                invoice_payload=payload,
                telegram_payment_charge_id=charge_id,
                provider_payment_charge_id="",
            )
            chat = Chat(id=user.id, type="private")
            return Update(
                update_id=update_id, message=self.message(user, chat, successful_payment=paid)
            )
        chat = Chat(id=user.id, type="private")
        member, banned = (
            ChatMemberMember(user=BOT_USER),
            ChatMemberBanned(user=BOT_USER, until_date=_now()),
        )
        left = self.rng.random() < 0.5
        change = ChatMemberUpdated(
            chat=chat,
            from_user=user,
            date=_now(),
            old_chat_member=member if left else banned,
            new_chat_member=banned if left else member,
        )
        return Update(update_id=update_id, my_chat_member=change)


def possible(user: User | None, chat: Chat | None) -> bool:
    """Whether Telegram could have sent an update from this user and chat."""
    user_ok = user is None or 0 < user.id < INT64
    return user_ok and (chat is None or -INT64 < chat.id < INT64)


class _Errors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def counting_errors() -> Iterator[list[logging.LogRecord]]:
    """Every ERROR logged meanwhile (the error handler's, aiogram's, anyone's)."""
    handler = _Errors()
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield handler.records
    finally:
        root.removeHandler(handler)


async def feed(dp: Dispatcher, bot: Bot, fuzz: Fuzzer, update: Update) -> list[TelegramMethod[Any]]:
    session = fuzz.session
    before = len(session.requests)
    await dp.feed_update(bot, update)
    return session.requests[before:]


def note(
    fuzz: Fuzzer, update: Update, sent: list[TelegramMethod[Any]], fail: Callable[[str], str]
) -> None:
    """Record what this update taught the forgers, and check what it must get at once."""
    if update_kind(update) == "unknown":
        assert sent == [], fail("an update of an unknown kind was answered")
        return
    user = getattr(update.event, "from_user", None)
    message = update.message or update.edited_message
    chat = message.chat if message else None
    if not possible(user, chat):
        # Dropped untouched, but a query that waits is answered, neutrally: nothing spins.
        waiting = update.callback_query or update.pre_checkout_query or update.inline_query
        answers = [r for r in sent if getattr(r, "ok", None) is not True and not _content(r)]
        assert len(sent) == len(answers) == (waiting is not None), fail(
            "an update from an impossible id was answered beyond the query itself"
        )
        return
    # Only those who wrote or tapped may be written to (in a private chat, or the group they
    # wrote in); an inline query or a checkout opens no chat.
    if user is not None and (message is not None or update.callback_query is not None):
        fuzz.seen.wrote.add(user.id)
    if chat is not None:
        fuzz.seen.wrote.add(chat.id)
    query = update.callback_query
    if query is not None:
        answered = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
        assert any(r.callback_query_id == query.id for r in answered), fail("tap not answered")
        if query.data and query.data.startswith("ok:"):
            fuzz.seen.confirmed.add((query.from_user.id, query.data.removeprefix("ok:")))
    for request in sent:
        markup = getattr(request, "reply_markup", None)
        fuzz.seen.data.extend(data for _, data in buttons(markup))
        if isinstance(request, SendInvoice):
            fuzz.seen.payloads.append((request.payload, request.prices[0].amount))
    del fuzz.seen.data[:-500]  # keep the pool fresh and small


def _content(request: TelegramMethod[Any]) -> bool:
    """Whether an answer tells anything: a text, results, a chat written to."""
    results = getattr(request, "results", None)
    return bool(getattr(request, "text", None) or results or getattr(request, "chat_id", None))


async def check_batch(db: Database, fuzz: Fuzzer, fail: Callable[[str], str]) -> None:
    targets: set[int] = set()
    for request in fuzz.session.requests:
        chat = getattr(request, "chat_id", None)
        if isinstance(chat, int):
            targets.add(chat)
    strangers = {chat for chat in targets if chat not in fuzz.seen.wrote}
    assert not strangers, fail(f"messages to chats that never wrote: {sorted(strangers)[:5]}")
    assert await LedgerRepo(db).check_consistency() == [], fail("a balance is not its ledger")
    rows = await db.fetchall("SELECT id FROM users WHERE balance < 0")
    assert rows == [], fail("a balance below zero")
    orders = await db.fetchall("SELECT id, user_id, confirm_token FROM orders")
    unconfirmed = [row[0] for row in orders if (row[1], row[2]) not in fuzz.seen.confirmed]
    assert unconfirmed == [], fail(f"orders no customer confirmed: {unconfirmed[:5]}")
    rows = await db.fetchall(
        "SELECT l.id FROM ledger l JOIN topups t ON t.charge_id = l.ref"
        " WHERE l.reason = 'topup' AND l.user_id != t.user_id"
    )
    assert rows == [], fail("a payment credited to someone else than its invoice's customer")


async def test_fuzz(dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator) -> None:
    print(f"fuzz seed: {SEED} (FUZZ_SEED={SEED} replays), {UPDATES} updates")
    emulator.balance = Decimal(10**9)  # the panel takes every order the customers confirm
    session: RecordingSession = bot.session  # type: ignore[assignment]
    fuzz = Fuzzer(SEED, session)
    for customer in CUSTOMERS:
        await fund(db, customer, "1000")
    started = time.monotonic()
    with counting_errors() as errors:
        for number in range(UPDATES):
            update = fuzz.update()

            def fail(what: str, number: int = number, update: Update = update) -> str:
                return f"{what}: update {number} ({update_kind(update)}), FUZZ_SEED={SEED}"

            try:
                sent = await feed(dp, bot, fuzz, update)
            except Exception as error:  # reported with the seed to replay it
                raise AssertionError(fail(f"raised {error!r}")) from error
            assert not errors, fail(f"logged an error: {errors[0].getMessage()}")
            note(fuzz, update, sent, fail)
            if number % BATCH == BATCH - 1 or number == UPDATES - 1:
                await dp["sweeper"].run_once(bot)
                await dp["outbox_sender"].run_once(bot)
                assert not errors, fail(f"logged an error: {errors[0].getMessage()}")
                await check_batch(db, fuzz, fail)
    elapsed = time.monotonic() - started
    placed = await db.fetchall("SELECT status, count(*) FROM orders GROUP BY status")
    orders = ", ".join(f"{row[0]} {row[1]}" for row in placed) or "none"
    print(f"fuzz: {UPDATES} updates in {elapsed:.1f} s; orders by status: {orders}")
    expected = set(dp.resolve_used_update_types())
    assert expected <= fuzz.seen.kinds, f"never generated: {expected - fuzz.seen.kinds}"
