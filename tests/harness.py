"""Drive the real Dispatcher with real Updates, and record what the bot asks Telegram.

`RecordingSession` stands in for the HTTP session: it records every method, answers with
a plausible result (or a planned one, first in first out), and refuses what Telegram
refuses: HTML that does not parse, texts over 4096 characters, callback data over 64 bytes,
callback answers over 200 characters, and edits that change nothing.
"""

from __future__ import annotations

import itertools
from collections import defaultdict, deque
from collections.abc import AsyncGenerator, Iterator
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from aiogram import Bot, Dispatcher
from aiogram.client.default import Default
from aiogram.client.session.base import BaseSession
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters.callback_data import CallbackData
from aiogram.methods import (
    AnswerCallbackQuery,
    AnswerInlineQuery,
    EditMessageReplyMarkup,
    EditMessageText,
    GetMe,
    SendInvoice,
    SendMessage,
    TelegramMethod,
)
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    InlineQuery,
    Message,
    PreCheckoutQuery,
    Sticker,
    Update,
    User,
)

from tests.telegram_html import HTMLError, check_html

M = TypeVar("M", bound=TelegramMethod[Any])

BOT_USER = User(id=42, is_bot=True, first_name="Shop", username="shop_test_bot")


class RecordingSession(BaseSession):
    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self._planned: dict[type[TelegramMethod[Any]], deque[Any]] = defaultdict(deque)
        self._ids = itertools.count(1000)
        # What each sent message currently shows, to refuse edits that change nothing.
        self._shown: dict[tuple[int | str, int], tuple[str | None, Any]] = {}

    def plan(self, method: type[TelegramMethod[Any]], *outcomes: Any) -> None:
        """The next calls of `method` return these results or raise these exceptions."""
        self._planned[method].extend(outcomes)

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[Any],
        timeout: int | None = None,  # noqa: ASYNC109  # aiogram's signature
    ) -> Any:
        self.requests.append(method)
        self._refuse_what_telegram_refuses(bot, method)
        planned = self._planned.get(type(method))
        if planned:
            outcome = planned.popleft()
            if isinstance(outcome, BaseException):
                raise outcome
            return outcome
        return self._default_result(method)

    def _refuse_what_telegram_refuses(self, bot: Bot, method: TelegramMethod[Any]) -> None:
        def refuse(reason: str) -> None:
            raise TelegramBadRequest(method=method, message=f"Bad Request: {reason}")

        text = getattr(method, "text", None)
        if isinstance(method, SendMessage | EditMessageText) and text is not None:
            if len(text) > 4096:
                refuse("message is too long")
            if not text.strip():
                refuse("message text is empty")
            parse_mode = method.parse_mode
            if isinstance(parse_mode, Default):
                parse_mode = bot.default[parse_mode.name]
            if parse_mode == "HTML":
                try:
                    check_html(text)
                except HTMLError as error:
                    refuse(f"can't parse entities: {error}")
        markup = getattr(method, "reply_markup", None)
        if isinstance(markup, InlineKeyboardMarkup):
            for row in markup.inline_keyboard:
                for button in row:
                    data = button.callback_data
                    if data is not None and not 1 <= len(data.encode()) <= 64:
                        refuse("BUTTON_DATA_INVALID")
        if isinstance(method, AnswerCallbackQuery) and len(method.text or "") > 200:
            refuse("MESSAGE_TOO_LONG")
        if isinstance(method, SendInvoice):
            if not 1 <= len(method.title) <= 32:
                refuse("INVOICE_TITLE_EMPTY" if not method.title else "INVOICE_TITLE_TOO_LONG")
            if not 1 <= len(method.description) <= 255:
                refuse("INVOICE_DESCRIPTION_INVALID")
            if not 1 <= len(method.payload.encode()) <= 128:
                refuse("INVOICE_PAYLOAD_INVALID")
            if method.currency == "XTR" and (method.provider_token or len(method.prices) != 1):
                refuse("PROVIDER_TOKEN_INVALID or more than one price for Stars")
        if isinstance(method, EditMessageText | EditMessageReplyMarkup):
            key = (method.chat_id or 0, method.message_id or 0)
            new_text = (
                text
                if isinstance(method, EditMessageText)
                else self._shown.get(key, (None, None))[0]
            )
            if self._shown.get(key) == (new_text, markup):
                refuse(
                    "message is not modified: specified new message content and reply "
                    "markup are exactly the same as a current content and reply markup "
                    "of the message"
                )

    def _default_result(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendMessage | EditMessageText | EditMessageReplyMarkup):
            chat_id = method.chat_id or 0
            text: str | None
            if isinstance(method, SendMessage):
                message_id = next(self._ids)
                text = method.text
            else:
                message_id = method.message_id or 0
                text = (
                    method.text
                    if isinstance(method, EditMessageText)
                    else self._shown.get((chat_id, message_id), (None, None))[0]
                )
            markup = method.reply_markup
            self._shown[(chat_id, message_id)] = (text, markup)
            return Message(
                message_id=message_id,
                date=datetime.now(UTC),
                chat=Chat(id=int(chat_id), type="private"),
                from_user=BOT_USER,
                text=text,
                reply_markup=markup if isinstance(markup, InlineKeyboardMarkup) else None,
            )
        if getattr(method, "__returning__", None) is Message:
            # Any other send (an invoice, a photo): a new message in that chat.
            return Message(
                message_id=next(self._ids),
                date=datetime.now(UTC),
                chat=Chat(id=int(getattr(method, "chat_id", 0)), type="private"),
                from_user=BOT_USER,
            )
        return True

    async def close(self) -> None:
        pass

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109  # aiogram's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:  # pragma: no cover - the bot downloads nothing
        yield b""

    def of_type(self, method: type[M]) -> list[M]:
        return [request for request in self.requests if isinstance(request, method)]


_update_ids = itertools.count(1)


class BotClient:
    """One Telegram user talking to the bot: sends text, taps buttons, types inline queries.

    Each call feeds one Update through the real Dispatcher and returns the methods the bot
    called while handling it.
    """

    def __init__(
        self,
        dp: Dispatcher,
        bot: Bot,
        *,
        user_id: int = 1001,
        language_code: str | None = "en",
        first_name: str = "Alice",
        chat_id: int | None = None,
        chat_type: str = "private",
    ) -> None:
        self.dp = dp
        self.bot = bot
        self.session: RecordingSession = bot.session  # type: ignore[assignment]
        self.user = User(
            id=user_id, is_bot=False, first_name=first_name, language_code=language_code
        )
        self.chat = Chat(id=chat_id or user_id, type=chat_type)
        self._message_ids = itertools.count(1)

    async def _feed(self, update: Update) -> list[TelegramMethod[Any]]:
        before = len(self.session.requests)
        await self.dp.feed_update(self.bot, update)
        return self.session.requests[before:]

    def message(self, text: str | None = None, **fields: Any) -> Message:
        return Message(
            message_id=next(self._message_ids),
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=self.user,
            text=text,
            **fields,
        )

    async def send(self, text: str | None = None, **fields: Any) -> list[TelegramMethod[Any]]:
        message = self.message(text, **fields)
        return await self._feed(Update(update_id=next(_update_ids), message=message))

    def callback_update(self, data: str | CallbackData, message: Message | None = None) -> Update:
        packed = data.pack() if isinstance(data, CallbackData) else data
        if message is None:
            message = self.message_with_button(packed)
        query = CallbackQuery(
            id=str(next(_update_ids)),
            from_user=self.user,
            chat_instance=str(self.chat.id),
            message=message,
            data=packed,
        )
        return Update(update_id=next(_update_ids), callback_query=query)

    async def click(
        self, data: str | CallbackData, message: Message | None = None
    ) -> list[TelegramMethod[Any]]:
        """Tap the button carrying `data` on the newest bot message that shows it."""
        return await self._feed(self.callback_update(data, message))

    async def click_text(self, text: str) -> list[TelegramMethod[Any]]:
        """Tap the newest button whose label is `text`, as a person would."""
        for message in reversed(self.bot_messages()):
            for label, data in buttons(message.reply_markup):
                if label == text:
                    return await self.click(data, message)
        raise AssertionError(f"no button {text!r} in the chat")

    async def inline(self, query: str, offset: str = "") -> list[TelegramMethod[Any]]:
        inline = InlineQuery(
            id=str(next(_update_ids)), from_user=self.user, query=query, offset=offset
        )
        return await self._feed(Update(update_id=next(_update_ids), inline_query=inline))

    async def pre_checkout(
        self, payload: str, total_amount: int, currency: str = "XTR"
    ) -> list[TelegramMethod[Any]]:
        """Press Pay on an invoice: Telegram asks the bot to confirm the checkout."""
        query = PreCheckoutQuery(
            id=str(next(_update_ids)),
            from_user=self.user,
            currency=currency,
            total_amount=total_amount,
            invoice_payload=payload,
        )
        return await self._feed(Update(update_id=next(_update_ids), pre_checkout_query=query))

    def bot_messages(self) -> list[Message]:
        """What the chat shows from the bot, oldest first, with edits applied."""
        shown: dict[int, Message] = {}
        for key, (text, markup) in self.session._shown.items():
            if key[0] == self.chat.id:
                shown[key[1]] = Message(
                    message_id=key[1],
                    date=datetime.now(UTC),
                    chat=self.chat,
                    from_user=BOT_USER,
                    text=text,
                    reply_markup=markup,
                )
        return [shown[message_id] for message_id in sorted(shown)]

    def message_with_button(self, data: str) -> Message:
        for message in reversed(self.bot_messages()):
            if any(button_data == data for _, button_data in buttons(message.reply_markup)):
                return message
        # A forged or stale button: it still comes on some old message of the bot's.
        return Message(
            message_id=1,
            date=datetime.now(UTC),
            chat=self.chat,
            from_user=BOT_USER,
            text="old message",
        )


def a_sticker() -> Sticker:
    """Something that is not text, as customers send it."""
    return Sticker(
        file_id="f",
        file_unique_id="u",
        type="regular",
        width=512,
        height=512,
        is_animated=False,
        is_video=False,
    )


def buttons(markup: Any) -> Iterator[tuple[str, str]]:
    """(label, callback data) of every callback button."""
    if isinstance(markup, InlineKeyboardMarkup):
        for row in markup.inline_keyboard:
            for button in row:
                if button.callback_data is not None:
                    yield button.text, button.callback_data


def labels(markup: Any) -> list[str]:
    """The labels of every callback button, in order."""
    return [label for label, _ in buttons(markup)]


def last_buttons(client: BotClient) -> list[str]:
    """The button labels on the bot's newest message in the client's chat."""
    return labels(client.bot_messages()[-1].reply_markup)


def texts(requests: list[TelegramMethod[Any]], chat_id: int | None = None) -> list[str]:
    """The texts the bot sent or showed, in order (messages, edits and callback answers),
    only those into `chat_id` when given (callback answers belong to no chat)."""
    out = []
    for request in requests:
        text = getattr(request, "text", None)
        if not isinstance(request, SendMessage | EditMessageText | AnswerCallbackQuery) or not text:
            continue
        if chat_id is None or getattr(request, "chat_id", None) == chat_id:
            out.append(text)
    return out


def results(requests: list[TelegramMethod[Any]]) -> list[AnswerInlineQuery]:
    return [request for request in requests if isinstance(request, AnswerInlineQuery)]


def sent_to(bot: Bot, chat_id: int) -> list[str]:
    """The texts of every message the bot sent into `chat_id` (not edits), oldest first."""
    session = cast(RecordingSession, bot.session)
    return [request.text for request in session.of_type(SendMessage) if request.chat_id == chat_id]
