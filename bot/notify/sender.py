"""The outbox sender: delivers queued notifications within Telegram's limits.

Limits: `NOTIFY_RATE` messages a second over all chats (`Pace`, shared by notifications
and broadcasts) and one a second per chat (aiolimiter). Each message is rendered in its
customer's language when it is sent (the language they chose, else the one Telegram last
reported, else `DEFAULT_LOCALE`).

What each outcome does:
- sent: marked sent at once;
- `TelegramRetryAfter`: wait as long as Telegram says, then send the same message again;
- `TelegramForbiddenError` (the user blocked the bot, or deleted their account): mark the
  user blocked and drop everything pending for them; `/start` or an unblocking
  `my_chat_member` update clears the mark, and nothing is sent to a blocked user meanwhile;
- `TelegramBadRequest` / `TelegramNotFound`: this message can never go; logged and dropped;
- network and server errors (and any other API error): tried again later, waiting longer
  each time (capped); the customer's later messages wait behind it, so they keep their order.

A broadcast's copy (`bot.storage.broadcasts`) is claimed before it is sent and sent at most
once: a network error, or a restart after the claim, drops it as failed instead of retrying.

Each notification is sent once, also across restarts, with one exception: if the process
dies after Telegram accepted a message and before it is marked sent, that message is sent
again after the restart. Marking it sent first would instead lose it in the same crash;
a repeated "your order is complete" is the lesser harm.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import Counter, deque
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import asynccontextmanager
from enum import Enum
from functools import partial

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNotFound,
    TelegramRetryAfter,
)
from aiogram.types import InlineKeyboardMarkup
from aiolimiter import AsyncLimiter

from bot.background import Background
from bot.i18n import Texts, Translator, pick_locale
from bot.settings import Locale
from bot.storage import Broadcast, BroadcastsRepo, OutboxRepo, Outgoing, UsersRepo
from bot.storage.broadcasts import BLOCKED, INTERRUPTED, OPTED_OUT

log = logging.getLogger(__name__)

# Telegram: "no more than one message per second" in a single chat.
PER_CHAT_PERIOD = 1.0
BATCH = 100
# Waits before retrying a message that failed on the network: 5 s, doubling, at most 5 min.
RETRY_FIRST = 5.0
RETRY_MAX = 300.0
# With nothing due, look again this often anyway (new messages also wake the sender).
IDLE = 30.0
ERROR_PAUSE = 5.0

# The buttons under a message, in its addressee's language.
Markup = Callable[[Texts], InlineKeyboardMarkup]


class Delivery(Enum):
    """What became of one message the sender tried to deliver."""

    SENT = "sent"
    DROPPED = "dropped"
    BLOCKED = "blocked"
    LATER = "later"
    STOPPED = "stopped"


def retry_delay(attempts: int) -> float:
    """Seconds before the next try of a message that failed `attempts` times before."""
    return min(RETRY_FIRST * 2.0 ** min(attempts, 16), RETRY_MAX)


class Pace:
    """Sends at `rate` a second over all chats: evenly spaced, and never more than `rate`
    (whole) in any rolling second as Telegram sees them.

    Each send gets the next slot, `1/rate` after the previous one's slot (not after the
    moment it actually went): a waiter woken a little late does not push every later send
    back, so the rate holds (a bucket of one refilled every `1/rate` lost each lateness for
    good: 81% of the rate). And a send starts only a second after the send `rate` sends
    before it was answered: Telegram had it by then, so however the requests' travel times
    vary, no second there holds one too many.
    """

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self._gap = 1 / rate
        self._clock = clock
        # When each of the last `rate` sends was answered (pending while in flight).
        self._answered: deque[asyncio.Future[float]] = deque(maxlen=max(1, int(rate)))
        self._next = 0.0
        self._lock = asyncio.Lock()  # waiters take their turns in order

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        """Wait for this send's turn; the block is the send, up to its answer."""
        answered = asyncio.get_running_loop().create_future()
        async with self._lock:
            slot = max(self._clock(), self._next)
            if len(self._answered) == self._answered.maxlen:
                slot = max(slot, await asyncio.shield(self._answered[0]) + 1.0)
            if (wait := slot - self._clock()) > 0:
                await asyncio.sleep(wait)
            self._answered.append(answered)
            self._next = slot + self._gap
        try:
            yield
        finally:
            answered.set_result(self._clock())


async def _attempt(send: Callable[[], Awaitable[object]]) -> TelegramAPIError | None:
    """Send; what Telegram refused it with, if it did."""
    try:
        await send()
    except TelegramAPIError as error:
        return error
    return None


class ChatLimiters:
    """One limiter per chat. A limiter whose bucket has drained is as good as a new one, so
    those are forgotten now and then: the map does not grow with every customer ever seen."""

    PRUNE_AT = 1000

    def __init__(self, period: float) -> None:
        self._period = period
        self._limiters: dict[int, AsyncLimiter] = {}

    def __getitem__(self, chat_id: int) -> AsyncLimiter:
        limiter = self._limiters.get(chat_id)
        if limiter is None:
            if len(self._limiters) >= self.PRUNE_AT:
                self._limiters = {
                    chat: kept for chat, kept in self._limiters.items() if not kept.has_capacity()
                }
            limiter = self._limiters[chat_id] = AsyncLimiter(1, self._period)
        return limiter

    def __len__(self) -> int:
        return len(self._limiters)


class OutboxSender(Background):
    name = "outbox-sender"

    def __init__(
        self,
        *,
        outbox: OutboxRepo,
        users: UsersRepo,
        translator: Translator,
        default_locale: Locale,
        rate: float,
        broadcasts: BroadcastsRepo,
        markups: Mapping[str, Markup],
        per_chat_period: float = PER_CHAT_PERIOD,
    ) -> None:
        """`markups`: the buttons under each kind of message, by its outbox key (none for a
        key not there), handed in by whoever queues that kind: the sender knows no feature."""
        super().__init__()
        self._outbox = outbox
        self._users = users
        self._translator = translator
        self._default = default_locale
        # Evenly spaced. A bucket of `rate` would let a burst of `rate` go at once and nearly
        # twice `rate` in one second. Broadcasts' copies go through here too: one budget.
        self._global = Pace(rate)
        self._chats = ChatLimiters(per_chat_period)
        self._lock = asyncio.Lock()
        self._broadcasts = broadcasts
        self._markups = markups
        # The broadcast being sent (one at a time in practice): not read again per copy.
        self._broadcast_cache: dict[int, Broadcast] = {}

    async def run_once(self, bot: Bot) -> Counter[Delivery]:
        """Send what is due now (up to a batch); how each message went."""
        async with self._lock:
            by_user: dict[int, list[Outgoing]] = {}
            for message in await self._outbox.due(BATCH):
                by_user.setdefault(message.user_id, []).append(message)
            # Chats in parallel (the limiters keep the pace), each chat's messages in order.
            results = await asyncio.gather(
                *(self._send_in_order(bot, messages) for messages in by_user.values())
            )
        return sum(results, Counter())

    async def _send_in_order(self, bot: Bot, messages: list[Outgoing]) -> Counter[Delivery]:
        outcomes: Counter[Delivery] = Counter()
        for message in messages:
            outcome = await self._deliver(bot, message)
            outcomes[outcome] += 1
            if outcome in (Delivery.BLOCKED, Delivery.LATER, Delivery.STOPPED):
                break
        return outcomes

    async def _deliver(self, bot: Bot, message: Outgoing) -> Delivery:
        if message.blocked:
            await self._outbox.drop(message.id, BLOCKED)
            return Delivery.DROPPED
        locale = pick_locale(message.language, message.telegram_language, self._default)
        once = message.broadcast_id is not None
        if message.broadcast_id is not None:
            send = await self._broadcast_copy(bot, message, locale)
            if send is None:
                return Delivery.DROPPED
        else:
            values = message.values
            if message.order_id is not None:
                # Queued before customers were told the shop's number only: it was not stored.
                values.setdefault("number", str(message.order_id))
            text = self._translator.render(locale, message.key, values)
            markup = self._markup(message.key, locale)
            send = partial(bot.send_message, message.user_id, text, reply_markup=markup)
        while True:
            await self._chats[message.user_id].acquire()
            async with self._global.turn():
                if self.stopping:
                    return Delivery.STOPPED
                if once and not await self._broadcasts.claim(message.id):
                    await self._outbox.drop(message.id, INTERRUPTED)
                    return Delivery.DROPPED
                error = await _attempt(send)
            if error is None:
                await self._outbox.mark_sent(message.id)
                return Delivery.SENT
            if isinstance(error, TelegramRetryAfter):
                log.warning(
                    "notification %d: flood control, retrying in %d s",
                    message.id,
                    error.retry_after,
                )
                if once:  # certainly not sent: it may be claimed again
                    await self._broadcasts.unclaim(message.id)
                if not await self._wait_unless_stopped(error.retry_after):
                    return Delivery.STOPPED
                continue
            if isinstance(error, TelegramForbiddenError):
                log.info("user %d cannot be written to (%s): blocked", message.user_id, error)
                await self._users.set_blocked(message.user_id, True)
                dropped = await self._outbox.drop_pending(message.user_id, BLOCKED)
                log.info("dropped %d notification(s) for user %d", dropped, message.user_id)
                return Delivery.BLOCKED
            if isinstance(error, TelegramBadRequest | TelegramNotFound):
                log.warning("notification %d dropped: %s", message.id, error)
                await self._outbox.drop(message.id, str(error)[:500])
                return Delivery.DROPPED
            # Network, server, anything not about this message.
            if once:  # Telegram may have it: a broadcast copy is never sent twice
                log.warning("broadcast copy %d not sent: %s", message.id, error)
                await self._outbox.drop(message.id, f"failed: {error}"[:500])
                return Delivery.DROPPED
            delay = retry_delay(message.attempts)
            log.warning(
                "notification %d not sent (%s): trying again in %.0f s",
                message.id,
                error,
                delay,
            )
            await self._outbox.retry_later(message.id, delay)
            return Delivery.LATER

    async def _broadcast_copy(
        self, bot: Bot, message: Outgoing, locale: Locale
    ) -> Callable[[], Awaitable[object]] | None:
        """How to send this copy of a broadcast, or None once it has been dropped: the
        customer turned broadcasts off, or a killed process had claimed it."""
        if not message.broadcasts:
            await self._outbox.drop(message.id, OPTED_OUT)
            return None
        if message.claimed_at is not None:
            await self._outbox.drop(message.id, INTERRUPTED)
            return None
        broadcast_id = message.broadcast_id or 0
        broadcast = self._broadcast_cache.get(broadcast_id)
        if broadcast is None:
            broadcast = await self._broadcasts.get(broadcast_id)
            if broadcast is None:  # cannot happen: rows reference it
                await self._outbox.drop(message.id, "no such broadcast")
                return None
            self._broadcast_cache = {broadcast_id: broadcast}
        markup = self._markup(message.key, locale)
        if broadcast.photo is not None:
            return partial(
                bot.send_photo,
                message.user_id,
                broadcast.photo,
                caption=broadcast.text or None,
                reply_markup=markup,
            )
        return partial(bot.send_message, message.user_id, broadcast.text, reply_markup=markup)

    def _markup(self, key: str, locale: Locale) -> InlineKeyboardMarkup | None:
        markup = self._markups.get(key)
        return None if markup is None else markup(self._translator.texts(locale))

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            started = time.monotonic()
            try:
                await self.run_once(bot)
                wait = await self._outbox.seconds_to_next()
            except Exception:  # the loop must outlive any one batch's bug
                log.exception("sending notifications failed")
                wait = ERROR_PAUSE
            if wait is None or wait > IDLE:
                wait = IDLE
            log.debug("outbox pass took %.2f s; next in %.1f s", time.monotonic() - started, wait)
            await self._pause(wait)
