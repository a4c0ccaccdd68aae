"""A Telegram Bot API server on 127.0.0.1, for running the real bot process against.

    async with running_telegram(TOKEN) as telegram:
        alice = telegram.user(1001, "Alice", language_code="ru")
        # ... start `python -m bot` with TELEGRAM_API_URL=telegram.url ...
        await alice.send("/start")
        await alice.wait_for_text("Выберите действие")
        await alice.press("🛒 Новый заказ")

The bot reaches it as aiogram reaches any Bot API server, `{url}/bot{token}/{method}`, with
form fields (nested objects as JSON strings) or a JSON body. It keeps what Telegram keeps,
across bot restarts: the queue of updates, confirmed by the offset of the next `getUpdates`;
the `allowed_updates` last asked for; each chat as its user sees it (the bot's messages
with their current text and buttons, edits applied); callback, inline and pre-checkout
answers; payments; files users sent (`send_file`), which the bot may send on by file_id
(`sendPhoto`, `sendDocument`) and whose captions it may edit. It refuses what Telegram
refuses where bots break: HTML that does not parse, empty texts and texts over 4096
characters, callback data outside 1-64 bytes, callback answers over 200 characters, an edit
that changes nothing, a query answered twice, a second `getUpdates` while one is waiting
(409). Switches make it fail as Telegram does:
`rate_limit` (429 with `retry_after`), `fail` (500), `block` (403 for a chat).

After `setWebhook` it delivers updates as Telegram does to a webhook: POSTs each one, with
the `X-Telegram-Bot-Api-Secret-Token` header, one at a time, and counts it delivered only on
a 2xx answer (anything else is tried again); `post_update` sends one by hand, with any
secret, for a test of what the bot refuses.

What the bot did wrong, as opposed to what it was made to meet, is collected in `mistakes`
(an unknown method, a refused text or keyboard, a query answered twice): a test that ran the
bot expects it empty. The fake checks only the HTML parse mode, the one the bot uses.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any, TypeVar

import aiohttp
from aiohttp import web
from aiohttp.test_utils import TestServer

from tests.telegram_html import HTMLError, check_html

T = TypeVar("T")

TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
CALLBACK_DATA_LIMIT = 64  # bytes
CALLBACK_ANSWER_LIMIT = 200
INLINE_RESULTS_LIMIT = 50
UPDATES_LIMIT = 100
FIRST_UPDATE_ID = 730_000_001  # Telegram's ids are large; nothing may assume they start at 1
# Telegram drops a payment the bot has not approved within 10 s of the pre-checkout query.
PRE_CHECKOUT_DEADLINE = 10.0
WAIT = 10.0  # how long a test waits for the bot by default
WEBHOOK_RETRY = 0.2  # seconds before a webhook delivery that failed is tried again
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

# fmt: off
UPDATE_KINDS = frozenset({
    "message", "edited_message", "channel_post", "edited_channel_post",
    "business_connection", "business_message", "edited_business_message",
    "deleted_business_messages", "message_reaction", "message_reaction_count",
    "inline_query", "chosen_inline_result", "callback_query", "shipping_query",
    "pre_checkout_query", "purchased_paid_media", "poll", "poll_answer", "my_chat_member",
    "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
})
# fmt: on
# What a bot gets until it asks otherwise (and when it asks for an empty list).
DEFAULT_ALLOWED = UPDATE_KINDS - {"chat_member", "message_reaction", "message_reaction_count"}
# fmt: off
BUTTON_ACTIONS = (
    "url", "callback_data", "web_app", "login_url", "switch_inline_query",
    "switch_inline_query_current_chat", "switch_inline_query_chosen_chat", "copy_text",
    "callback_game", "pay",
)
CHAT_ACTIONS = frozenset({
    "typing", "upload_photo", "record_video", "upload_video", "record_voice",
    "upload_voice", "upload_document", "choose_sticker", "find_location",
    "record_video_note", "upload_video_note",
})
# fmt: on

# Telegram's descriptions, without the "Bad Request: " that every 400 starts with.
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
CONFLICT = (
    "Conflict: terminated by other getUpdates request; make sure that only one bot instance "
    "is running"
)
WEBHOOK_ACTIVE = (
    "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to "
    "delete the webhook first"
)
BLOCKED = "Forbidden: bot was blocked by the user"
CHAT_NOT_FOUND = "chat not found"
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


def utf16_length(text: str) -> int:
    """Telegram measures texts in UTF-16 code units: an emoji counts two."""
    return len(text.encode("utf-16-le")) // 2


class ApiError(Exception):
    """Answered as Telegram answers errors: `{"ok": false, "error_code", "description"}`.

    `mistake`: the bot sent something broken (as opposed to meeting a switch, a blocked
    user or a race it is expected to handle).
    """

    def __init__(
        self,
        status: int,
        description: str,
        *,
        mistake: bool = False,
        retry_after: int | None = None,
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.mistake = mistake
        self.retry_after = retry_after


def bad_request(reason: str, *, mistake: bool = True) -> ApiError:
    return ApiError(400, f"Bad Request: {reason}", mistake=mistake)


# --- what the server keeps -----------------------------------------------------------------


@dataclass(frozen=True)
class Button:
    label: str
    callback_data: str | None
    url: str | None


@dataclass
class ShownMessage:
    """A message in a chat as its user sees it now (the latest edit applied)."""

    chat: dict[str, Any]
    message_id: int
    sender: dict[str, Any]
    from_bot: bool
    text: str | None  # what is shown, markup parsed away
    html: str | None = None  # what the bot sent, as it sent it
    markup: dict[str, Any] | None = None
    date: int = field(default_factory=lambda: int(time.time()))
    edit_date: int | None = None
    edits: int = 0
    invoice: dict[str, Any] | None = None
    invoice_payload: str | None = None  # not shown to users; Telegram hands it back on payment
    extra: dict[str, Any] = field(default_factory=dict)  # other fields of a user's message
    document: tuple[str, bytes] | None = None  # a file the bot sent: its name and content
    # A photo or file sent again by its file_id ("photo" or "document", and the id): the
    # message's `text` is then its caption.
    media: tuple[str, str] | None = None

    @property
    def chat_id(self) -> int:
        return int(self.chat["id"])

    @property
    def buttons(self) -> list[Button]:
        """The inline keyboard's buttons, row by row."""
        rows = (self.markup or {}).get("inline_keyboard", [])
        return [
            Button(b["text"], b.get("callback_data"), b.get("url")) for row in rows for b in row
        ]

    @property
    def labels(self) -> list[str]:
        return [button.label for button in self.buttons]

    def render(self) -> dict[str, Any]:
        """The Message object as Telegram sends it to the bot."""
        message: dict[str, Any] = {
            "message_id": self.message_id,
            "from": self.sender,
            "chat": self.chat,
            "date": self.date,
            **self.extra,
        }
        if self.media is not None:
            kind, file_id = self.media
            message[kind] = (
                [{"file_id": file_id, "file_unique_id": file_id, "width": 1280, "height": 960}]
                if kind == "photo"
                else {"file_id": file_id, "file_unique_id": file_id}
            )
            if self.text is not None:
                message["caption"] = self.text
        elif self.text is not None:
            message["text"] = self.text
        if self.edit_date is not None:
            message["edit_date"] = self.edit_date
        if self.markup is not None and "inline_keyboard" in self.markup:
            message["reply_markup"] = self.markup
        if self.invoice is not None:
            message["invoice"] = self.invoice
        if self.document is not None:
            name, content = self.document
            message["document"] = {
                "file_id": f"doc-{self.message_id}",
                "file_unique_id": f"doc-{self.message_id}",
                "file_name": name,
                "file_size": len(content),
            }
        return message

    def __str__(self) -> str:
        labels = f" {self.labels}" if self.buttons else ""
        return f"#{self.message_id} {self.text!r}{labels}"


@dataclass
class Chat:
    """A private chat between one user and the bot. Message ids are shared by both sides."""

    id: int
    data: dict[str, Any]
    messages: dict[int, ShownMessage] = field(default_factory=dict)
    events: list[tuple[int, int]] = field(default_factory=list)  # (change number, message id)
    blocked: bool = False
    action: str | None = None  # the last sendChatAction
    _ids: Iterator[int] = field(default_factory=lambda: itertools.count(1))

    def next_id(self) -> int:
        return next(self._ids)


@dataclass
class Update:
    update_id: int
    kind: str
    payload: dict[str, Any]
    deliveries: int = 0  # how many getUpdates answers carried it
    delivered_by: int | None = None  # the number of the poll that carried it last

    def render(self) -> dict[str, Any]:
        return {"update_id": self.update_id, self.kind: self.payload}


@dataclass
class Call:
    """One request the bot made, with the answer it got."""

    method: str
    params: dict[str, Any]
    at: float
    status: int = 200
    description: str | None = None
    result: Any = None


@dataclass
class CallbackAnswer:
    query_id: str
    text: str | None
    show_alert: bool
    url: str | None
    after: float  # seconds between the press and the answer


@dataclass
class InlineAnswer:
    query_id: str
    results: list[dict[str, Any]]
    cache_time: int | None
    is_personal: bool
    next_offset: str | None


@dataclass
class Payment:
    user_id: int
    charge_id: str
    currency: str
    total_amount: int
    payload: str
    refunded: bool = False


@dataclass
class _Query:
    """A callback, inline or pre-checkout query the bot is to answer once."""

    user_id: int
    queued_at: float
    answer: Any = None


@dataclass
class _Fault:
    """What happens to the next `times` calls of `method`: an error answer, or (status None)
    the normal answer `delay` seconds late."""

    method: str | None  # None: every method
    times: int
    status: int | None = None
    description: str = ""
    retry_after: int | None = None
    chat_id: int | None = None
    delay: float = 0.0

    def matches(self, method: str, chat_id: int | None) -> bool:
        return (
            self.times > 0
            and (self.method is None or self.method.lower() == method.lower())
            and (self.chat_id is None or self.chat_id == chat_id)
        )


class _Changes:
    """Wakes everyone waiting for the server's state to change."""

    def __init__(self) -> None:
        self._event = asyncio.Event()
        self.count = 0

    def fire(self) -> None:
        self.count += 1
        self._event.set()
        self._event = asyncio.Event()

    async def until(self, found: Callable[[], T | None], within: float) -> T | None:
        """`found()`'s first answer that is not None, or None after `within` seconds."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        while True:
            event = self._event
            result = found()
            remaining = deadline - loop.time()
            if result is not None or remaining <= 0:
                return result
            with suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)


@dataclass
class _Poll:
    superseded: bool = False


class Params:
    """A method's parameters, from form fields (strings, objects as JSON) or a JSON body."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw

    def text(self, name: str) -> str | None:
        value = self.raw.get(name)
        return None if value is None else str(value)

    def integer(self, name: str) -> int | None:
        value = self.raw.get(name)
        if value is None or value == "":
            return None
        if isinstance(value, bool):
            raise bad_request(f"wrong parameter {name}")
        try:
            return int(value)
        except ValueError:
            raise bad_request(f"wrong parameter {name}") from None

    def flag(self, name: str) -> bool:
        value = self.raw.get(name)
        if isinstance(value, bool):
            return value
        return str(value).lower() in {"true", "1"}

    def decoded(self, name: str) -> Any:
        """An object or list: parsed from its JSON string in form data, as is from JSON."""
        value = self.raw.get(name)
        if not isinstance(value, str):
            return value
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise bad_request(f"can't parse {name} JSON object") from None

    def required(self, name: str) -> str:
        value = self.text(name)
        if not value:
            raise bad_request(f"{name} is empty")
        return value


# --- the server ----------------------------------------------------------------------------


class FakeTelegram:
    def __init__(
        self,
        token: str,
        *,
        username: str = "shop_e2e_bot",
        first_name: str = "Shop",
        max_hold: float = 1.0,
    ) -> None:
        self.token = token
        self.me = {
            "id": int(token.split(":", 1)[0]),
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        # A long poll is held at most this long, whatever `timeout` asks: short, so a test
        # never waits on a poll the bot has abandoned.
        self.max_hold = max_hold
        self.calls: list[Call] = []
        self.mistakes: list[str] = []
        self.pending: list[Update] = []
        self.confirmed: list[Update] = []
        self.dropped: list[Update] = []  # created while the bot did not allow their kind
        self.allowed_updates: frozenset[str] = DEFAULT_ALLOWED
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.webhook_answers: list[int] = []  # HTTP status of each webhook delivery
        self._pusher: asyncio.Task[None] | None = None
        self.chats: dict[int, Chat] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.menu_buttons: dict[str, dict[str, Any]] = {}  # by chat id ("": every chat)
        self.callback_answers: dict[str, CallbackAnswer] = {}
        self.inline_answers: dict[str, InlineAnswer] = {}
        self.payments: dict[str, Payment] = {}
        self.files: set[str] = set()  # file_ids users sent: a bot may send these on
        self.changes = _Changes()
        self._users: dict[int, FakeUser] = {}
        self._update_ids = itertools.count(FIRST_UPDATE_ID)
        self._query_ids = itertools.count(4_000_000_001)
        self._callbacks: dict[str, _Query] = {}
        self._inline: dict[str, _Query] = {}
        self._pre_checkouts: dict[str, _Query] = {}
        self._faults: list[_Fault] = []
        self._slow: list[_Fault] = []
        self._drops: list[_Fault] = []
        self._poll: _Poll | None = None
        self._closing = False
        self._server: TestServer | None = None
        self._methods: dict[str, Callable[[Params], Awaitable[Any]]] = {
            "getme": self._get_me,
            "getupdates": self._get_updates,
            "deletewebhook": self._delete_webhook,
            "setwebhook": self._set_webhook,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "editmessagecaption": self._edit_message_caption,
            "sendphoto": self._send_photo,
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
            "sendchataction": self._send_chat_action,
            "sendinvoice": self._send_invoice,
            "senddocument": self._send_document,
            "answerprecheckoutquery": self._answer_pre_checkout_query,
            "refundstarpayment": self._refund_star_payment,
            "setchatmenubutton": self._set_chat_menu_button,
        }

    # --- lifecycle ---------------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The base URL for `TELEGRAM_API_URL`."""
        if self._server is None:
            raise RuntimeError("the fake Telegram server is not running")
        return str(self._server.make_url("")).rstrip("/")

    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._server = TestServer(app, host="127.0.0.1")
        await self._server.start_server(shutdown_timeout=1.0)

    async def close(self) -> None:
        self._closing = True
        self.changes.fire()  # held polls answer at once
        await self._stop_pushing()
        if self._server is not None:
            await self._server.close()

    # --- switches ----------------------------------------------------------------------------

    def rate_limit(
        self, method: str, *, times: int = 1, retry_after: int = 1, chat_id: int | None = None
    ) -> None:
        """The next `times` calls of `method` (into `chat_id`, if given) get 429."""
        description = f"Too Many Requests: retry after {retry_after}"
        self._faults.append(_Fault(method, times, 429, description, retry_after, chat_id))

    def fail(self, method: str | None = None, *, times: int = 1) -> None:
        """The next `times` calls of `method` (of any method, if None) get 500."""
        self._faults.append(_Fault(method, times, 500, "Internal Server Error"))

    def slow(self, method: str, seconds: float, *, times: int = 1) -> None:
        """The next `times` calls of `method` take effect at once (the user sees the message)
        but are answered `seconds` later, as over a slow network."""
        self._slow.append(_Fault(method, times, delay=seconds))

    def drop(self, method: str, *, times: int = 1) -> None:
        """The next `times` calls of `method` are read, not carried out, and get no answer:
        the connection closes, as when a network path breaks."""
        self._drops.append(_Fault(method, times))

    def block(self, chat_id: int) -> None:
        """Everything the bot sends into the chat gets 403 until `unblock`."""
        self._chat(chat_id).blocked = True

    def unblock(self, chat_id: int) -> None:
        self._chat(chat_id).blocked = False

    def set_webhook(self, url: str | None) -> None:
        """As another deployment would leave it: getUpdates fails until deleteWebhook."""
        self.webhook_url = url

    # --- reading what happened ---------------------------------------------------------------

    def methods(self) -> list[str]:
        """Every method the bot called, in order."""
        return [call.method for call in self.calls]

    def calls_of(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method.lower() == method.lower()]

    @property
    def polls(self) -> int:
        """How many getUpdates requests have come in."""
        return len(self.calls_of("getUpdates"))

    def delivered_since(self, poll: int) -> list[Update]:
        """Updates that a getUpdates after the `poll`-th one carried to the bot."""
        return [
            update
            for update in [*self.confirmed, *self.pending]
            if update.delivered_by is not None and update.delivered_by > poll
        ]

    def unanswered_callbacks(self) -> list[str]:
        """Callback queries the bot took (confirmed their update) and never answered."""
        taken = {
            str(update.payload["id"])
            for update in self.confirmed
            if update.kind == "callback_query"
        }
        return sorted(query_id for query_id in taken if query_id not in self.callback_answers)

    async def wait_for(self, found: Callable[[], T | None], what: str, within: float = WAIT) -> T:
        """Wait until `found()` returns something (not None); fail saying `what` was awaited."""
        result = await self.changes.until(found, within)
        if result is None:
            raise AssertionError(f"waited {within:g} s for {what}; mistakes: {self.mistakes}")
        return result

    # --- people --------------------------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str = "Alice",
        *,
        language_code: str | None = "en",
        username: str | None = None,
        last_name: str | None = None,
    ) -> FakeUser:
        """A person with a private chat with the bot (the same object for the same id)."""
        if user_id not in self._users:
            data: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
            optional = {"last_name": last_name, "username": username}
            data |= {key: value for key, value in optional.items() if value is not None}
            if language_code is not None:
                data["language_code"] = language_code
            self._users[user_id] = FakeUser(self, data)
        return self._users[user_id]

    def queue(self, kind: str, payload: dict[str, Any]) -> Update | None:
        """Create an update, as Telegram does when something happens; None if the bot's
        `allowed_updates` leave it out (Telegram does not create those at all)."""
        if kind not in UPDATE_KINDS:
            raise ValueError(f"not an update kind: {kind}")
        update = Update(next(self._update_ids), kind, payload)
        if kind not in self.allowed_updates:
            self.dropped.append(update)
            return None
        self.pending.append(update)
        self.changes.fire()
        return update

    def new_query_id(self) -> str:
        return str(next(self._query_ids))

    # --- HTTP --------------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        params = Params(await _read_params(request))
        call = Call(method, params.raw, time.monotonic())
        self.calls.append(call)
        try:
            if request.match_info["token"] != self.token:
                raise ApiError(401, "Unauthorized")
            handler = self._methods.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found", mistake=True)
            if drop := next((f for f in self._drops if f.matches(method, None)), None):
                drop.times -= 1
                call.status, call.description = 0, "connection dropped"
                if request.transport is not None:
                    request.transport.close()
                return web.Response()
            self._apply_faults(method, params)
            call.result = await handler(params)
            if slow := next((f for f in self._slow if f.matches(method, None)), None):
                slow.times -= 1
                self.changes.fire()  # what the call changed shows now; its answer comes later
                await asyncio.sleep(slow.delay)
        except ApiError as error:
            call.status, call.description = error.status, error.description
            if error.mistake:
                self.mistakes.append(f"{method}: {error.description}")
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.status,
                "description": error.description,
            }
            if error.retry_after is not None:
                body["parameters"] = {"retry_after": error.retry_after}
            self.changes.fire()
            return web.json_response(body, status=error.status)
        except Exception as error:
            # A request the fake cannot make sense of fails the test, whoever is at fault.
            self.mistakes.append(f"{method}: the fake server failed on it: {error!r}")
            raise
        self.changes.fire()
        return web.json_response({"ok": True, "result": call.result})

    def _apply_faults(self, method: str, params: Params) -> None:
        try:
            chat_id = params.integer("chat_id")
        except ApiError:
            chat_id = None
        fault = next((f for f in self._faults if f.matches(method, chat_id)), None)
        if fault is not None and fault.status is not None:
            fault.times -= 1
            raise ApiError(fault.status, fault.description, retry_after=fault.retry_after)

    # --- chats and what the bot shows in them ---------------------------------------------

    def _chat(self, chat_id: int) -> Chat:
        chat = self.chats.get(chat_id)
        if chat is None:
            user = self._users.get(chat_id)
            data: dict[str, Any] = {"id": chat_id, "type": "private"}
            if user is not None:
                names = ("first_name", "last_name", "username")
                data |= {name: user.data[name] for name in names if name in user.data}
            chat = self.chats[chat_id] = Chat(chat_id, data)
        return chat

    def _writable_chat(self, params: Params) -> Chat:
        """The chat the bot writes into: one a person has opened, and not blocked."""
        chat_id = params.integer("chat_id")
        if chat_id is None:
            raise bad_request("chat_id is empty")
        chat = self.chats.get(chat_id)
        if chat is None:
            # Not a mistake: the bot cannot know whether an admin ever opened it.
            raise bad_request(CHAT_NOT_FOUND, mistake=False)
        if chat.blocked:
            raise ApiError(403, BLOCKED)
        return chat

    def _shown(self, chat: Chat, message: ShownMessage) -> None:
        chat.messages[message.message_id] = message
        chat.events.append((self.changes.count + 1, message.message_id))
        self.changes.fire()

    def _post(self, chat: Chat, **fields: Any) -> dict[str, Any]:
        """A new message of the bot's in `chat`: the Message object Telegram answers with."""
        message = ShownMessage(chat.data, chat.next_id(), self.me, from_bot=True, **fields)
        self._shown(chat, message)
        return message.render()

    def _text(self, params: Params, name: str) -> tuple[str, str]:
        """(what is shown, what was sent), refused as Telegram refuses it."""
        sent = params.text(name) or ""
        parse_mode = (params.text("parse_mode") or "").lower()
        shown = sent
        if parse_mode == "html":
            try:
                shown = check_html(sent)
            except HTMLError as error:
                raise bad_request(f"can't parse entities: {error}") from None
        elif parse_mode:
            raise bad_request(f"unsupported parse_mode {parse_mode!r} (the fake checks HTML)")
        if not shown.strip():
            raise bad_request("message text is empty")
        if utf16_length(shown) > TEXT_LIMIT:
            raise bad_request("message is too long")
        return shown, sent

    def _markup(self, params: Params) -> dict[str, Any] | None:
        markup = params.decoded("reply_markup")
        if markup is None:
            return None
        if not isinstance(markup, dict):
            raise bad_request("can't parse reply keyboard markup JSON object")
        if "inline_keyboard" in markup:
            check_inline_keyboard(markup)
        return markup

    def _message(self, chat: Chat, params: Params) -> ShownMessage:
        message_id = params.integer("message_id")
        message = chat.messages.get(message_id or 0)
        if message is None:
            raise bad_request("message to edit not found")
        if not message.from_bot:
            raise bad_request("message can't be edited")
        return message

    # --- methods -----------------------------------------------------------------------------

    async def _get_me(self, params: Params) -> Any:
        return self.me

    async def _get_updates(self, params: Params) -> Any:
        if self.webhook_url is not None:
            raise ApiError(409, WEBHOOK_ACTIVE)
        offset = params.integer("offset")
        limit = min(max(params.integer("limit") or UPDATES_LIMIT, 1), UPDATES_LIMIT)
        timeout = max(params.integer("timeout") or 0, 0)
        allowed = params.decoded("allowed_updates")
        if allowed is not None:
            if not isinstance(allowed, list) or not all(isinstance(k, str) for k in allowed):
                raise bad_request("can't parse allowed_updates")
            # Applies to updates created from now on, as Telegram's does.
            self.allowed_updates = frozenset(allowed) & UPDATE_KINDS or DEFAULT_ALLOWED
        self._confirm(offset)
        # Telegram ends a poll that is still waiting when another one comes in.
        if self._poll is not None:
            self._poll.superseded = True
        poll = self._poll = _Poll()
        number = self.polls  # this request is already counted
        self.changes.fire()
        try:
            await self.changes.until(
                lambda: True if poll.superseded or self._closing or self.pending else None,
                min(timeout, self.max_hold),
            )
            if poll.superseded:
                raise ApiError(409, CONFLICT)
            batch = self.pending[:limit]
            for update in batch:
                update.deliveries += 1
                update.delivered_by = number
            return [update.render() for update in batch]
        finally:
            if self._poll is poll:
                self._poll = None

    def _confirm(self, offset: int | None) -> None:
        if not offset:
            return
        if offset < 0:  # keep only the last -offset updates
            keep = self.pending[offset:]
            done = self.pending[: len(self.pending) - len(keep)]
        else:
            done = [u for u in self.pending if u.update_id < offset]
            keep = [u for u in self.pending if u.update_id >= offset]
        self.pending = keep
        self.confirmed.extend(done)

    async def _set_webhook(self, params: Params) -> Any:
        url = params.required("url")
        secret = params.text("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
            raise bad_request("secret token contains unallowed characters")
        allowed = params.decoded("allowed_updates")
        if allowed is not None:
            self.allowed_updates = frozenset(allowed) & UPDATE_KINDS or DEFAULT_ALLOWED
        if params.flag("drop_pending_updates"):
            self.pending.clear()
        await self._stop_pushing()
        self.webhook_url, self.webhook_secret = url, secret
        self._pusher = asyncio.create_task(self._push(url, secret))
        return True

    async def post_update(self, update: dict[str, Any], secret: str | None) -> int:
        """POST one update to the webhook as a stranger could, with `secret` (or no header);
        the HTTP status the bot answered."""
        if self.webhook_url is None:
            raise RuntimeError("no webhook is set")
        headers = {} if secret is None else {SECRET_HEADER: secret}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.webhook_url, json=update, headers=headers) as response,
        ):
            await response.read()
            return response.status

    async def _push(self, url: str, secret: str | None) -> None:
        headers = {} if secret is None else {SECRET_HEADER: secret}
        async with aiohttp.ClientSession() as session:
            while not self._closing:
                await self.changes.until(lambda: True if self.pending else None, self.max_hold)
                if not self.pending:
                    continue
                update = self.pending[0]
                update.deliveries += 1
                update.delivered_by = self.polls + 1
                try:
                    async with session.post(url, json=update.render(), headers=headers) as answer:
                        await answer.read()
                        status = answer.status
                except aiohttp.ClientError:
                    status = 0
                self.webhook_answers.append(status)
                if 200 <= status < 300:
                    if update in self.pending:
                        self.pending.remove(update)
                        self.confirmed.append(update)
                    self.changes.fire()
                else:
                    await asyncio.sleep(WEBHOOK_RETRY)

    async def _stop_pushing(self) -> None:
        pusher, self._pusher = self._pusher, None
        if pusher is not None:
            pusher.cancel()
            with suppress(asyncio.CancelledError):
                await pusher

    async def _delete_webhook(self, params: Params) -> Any:
        await self._stop_pushing()
        self.webhook_url = self.webhook_secret = None
        if params.flag("drop_pending_updates"):
            self.pending.clear()
        return True

    async def _set_my_commands(self, params: Params) -> Any:
        commands = params.decoded("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("commands must be a list of at most 100")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND.fullmatch(
                str(command.get("command", ""))
            ):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[self._commands_key(params)] = commands
        return True

    async def _get_my_commands(self, params: Params) -> Any:
        return self.commands.get(self._commands_key(params), [])

    async def _set_chat_menu_button(self, params: Params) -> Any:
        # Telegram also wants an https Mini App; the tests serve theirs on 127.0.0.1.
        button = params.decoded("menu_button") or {"type": "default"}
        if not isinstance(button, dict) or button.get("type") not in {
            "default",
            "commands",
            "web_app",
        }:
            raise bad_request("can't parse menu button")
        if button["type"] == "web_app" and not (button.get("text") and button.get("web_app")):
            raise bad_request("BUTTON_TEXT_EMPTY or web_app missing")
        self.menu_buttons[params.text("chat_id") or ""] = button
        return True

    async def _delete_my_commands(self, params: Params) -> Any:
        self.commands.pop(self._commands_key(params), None)
        return True

    def _commands_key(self, params: Params) -> tuple[str, str]:
        scope = params.decoded("scope") or {"type": "default"}
        language = params.text("language_code") or ""
        if language and not (len(language) == 2 and language.isalpha() and language.isascii()):
            raise bad_request("invalid language code")
        if "chat_id" in scope and int(scope["chat_id"]) not in self.chats:
            # An admin who never opened the bot: not the bot's fault.
            raise bad_request(CHAT_NOT_FOUND, mistake=False)
        return json.dumps(scope, sort_keys=True), language

    async def _send_message(self, params: Params) -> Any:
        chat = self._writable_chat(params)
        shown, sent = self._text(params, "text")
        return self._post(chat, text=shown, html=sent, markup=self._markup(params))

    async def _edit_message_text(self, params: Params) -> Any:
        if params.text("inline_message_id"):
            self._text(params, "text")
            self._markup(params)
            return True  # a message sent through inline mode lives in someone else's chat
        chat = self._writable_chat(params)
        message = self._message(chat, params)
        shown, sent = self._text(params, "text")
        # Without reply_markup an edit removes the inline keyboard, as on Telegram.
        return self._edit(chat, message, shown, sent, self._markup(params))

    async def _edit_message_caption(self, params: Params) -> Any:
        chat = self._writable_chat(params)
        message = self._message(chat, params)
        if message.media is None:
            raise bad_request("there is no caption in the message to edit")
        shown, sent = self._caption(params)
        return self._edit(chat, message, shown, sent, self._markup(params))

    def _caption(self, params: Params) -> tuple[str | None, str | None]:
        if params.text("caption") is None:
            return None, None
        shown, sent = self._text(params, "caption")
        if utf16_length(shown) > CAPTION_LIMIT:
            raise bad_request("message caption is too long")
        return shown, sent

    async def _send_photo(self, params: Params) -> Any:
        chat = self._writable_chat(params)
        photo = params.text("photo")
        if photo not in self.files:
            raise bad_request("wrong file identifier/HTTP URL specified")
        shown, sent = self._caption(params)
        return self._post(
            chat, text=shown, html=sent, markup=self._markup(params), media=("photo", photo)
        )

    async def _edit_message_reply_markup(self, params: Params) -> Any:
        if params.text("inline_message_id"):
            self._markup(params)
            return True
        chat = self._writable_chat(params)
        message = self._message(chat, params)
        return self._edit(chat, message, message.text, message.html, self._markup(params))

    def _edit(
        self,
        chat: Chat,
        message: ShownMessage,
        shown: str | None,
        sent: str | None,
        markup: dict[str, Any] | None,
    ) -> Any:
        if (shown, sent, markup) == (message.text, message.html, message.markup):
            raise bad_request(NOT_MODIFIED, mistake=False)
        message.text, message.html, message.markup = shown, sent, markup
        message.edit_date = int(time.time())
        message.edits += 1
        self._shown(chat, message)
        return message.render()

    def _query(self, queries: dict[str, _Query], params: Params, name: str) -> tuple[str, _Query]:
        """The query `params` answers, once; its id."""
        query_id = params.required(name)
        query = queries.get(query_id)
        if query is None or query.answer is not None:
            raise bad_request(QUERY_TOO_OLD)
        return query_id, query

    async def _answer_callback_query(self, params: Params) -> Any:
        query_id, query = self._query(self._callbacks, params, "callback_query_id")
        text = params.text("text")
        if text is not None and utf16_length(text) > CALLBACK_ANSWER_LIMIT:
            raise bad_request("MESSAGE_TOO_LONG")
        query.answer = self.callback_answers[query_id] = CallbackAnswer(
            query_id,
            text,
            params.flag("show_alert"),
            params.text("url"),
            time.monotonic() - query.queued_at,
        )
        return True

    async def _answer_inline_query(self, params: Params) -> Any:
        query_id, query = self._query(self._inline, params, "inline_query_id")
        results = params.decoded("results")
        if not isinstance(results, list):
            raise bad_request("results must be a list")
        if len(results) > INLINE_RESULTS_LIMIT:
            raise bad_request("RESULTS_TOO_MUCH")
        ids = [str(result.get("id", "")) for result in results]
        if len(set(ids)) != len(ids):
            raise bad_request("RESULT_ID_DUPLICATE")
        for result_id, result in zip(ids, results, strict=True):
            if not 1 <= len(result_id.encode()) <= 64:
                raise bad_request("RESULT_ID_INVALID")
            content = result.get("input_message_content")
            if isinstance(content, dict) and "message_text" in content:
                self._text(Params(content), "message_text")
            if "reply_markup" in result:
                check_inline_keyboard(result["reply_markup"])
        next_offset = params.text("next_offset")
        if next_offset is not None and len(next_offset.encode()) > 64:
            raise bad_request("next_offset is too long")
        query.answer = self.inline_answers[query_id] = InlineAnswer(
            query_id,
            results,
            params.integer("cache_time"),
            params.flag("is_personal"),
            next_offset,
        )
        return True

    async def _send_chat_action(self, params: Params) -> Any:
        chat = self._writable_chat(params)
        action = params.text("action")
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        chat.action = action
        return True

    async def _send_document(self, params: Params) -> Any:
        chat = self._writable_chat(params)
        document = params.raw.get("document")
        if isinstance(document, str) and document in self.files:
            shown, sent = self._caption(params)
            return self._post(
                chat,
                text=shown,
                html=sent,
                markup=self._markup(params),
                media=("document", document),
            )
        if isinstance(document, str) and document.startswith("attach://"):
            # aiogram uploads the file as a part of its own and names it here
            document = params.raw.get(document.removeprefix("attach://"))
        if not isinstance(document, tuple):
            raise bad_request("the fake takes a document only as an upload", mistake=True)
        caption = None
        if params.text("caption") is not None:
            caption, _ = self._text(params, "caption")
        return self._post(chat, text=caption, document=document)

    async def _send_invoice(self, params: Params) -> Any:
        chat = self._writable_chat(params)
        title, description = params.text("title") or "", params.text("description") or ""
        payload, currency = params.text("payload") or "", params.text("currency") or ""
        prices = params.decoded("prices")
        if not 1 <= len(title) <= 32:
            raise bad_request("INVOICE_TITLE_INVALID: 1-32 characters")
        if not 1 <= len(description) <= 255:
            raise bad_request("INVOICE_DESCRIPTION_INVALID: 1-255 characters")
        if not 1 <= len(payload.encode()) <= 128:
            raise bad_request("INVOICE_PAYLOAD_INVALID: 1-128 bytes")
        if not isinstance(prices, list) or not prices:
            raise bad_request("prices must be a non-empty list")
        amounts = [price.get("amount") for price in prices]
        if not all(isinstance(amount, int) and amount > 0 for amount in amounts):
            raise bad_request("price amounts must be positive integers")
        if currency == "XTR" and (len(prices) != 1 or params.text("provider_token")):
            # Stars: one price, no payment provider.
            raise bad_request("STARS_INVOICE_INVALID")
        if self._markup(params) is not None:
            raise bad_request("the fake does not draw custom Pay buttons")
        invoice = {
            "title": title,
            "description": description,
            "start_parameter": params.text("start_parameter") or "",
            "currency": currency,
            "total_amount": sum(amounts),
        }
        return self._post(chat, text=None, invoice=invoice, invoice_payload=payload)

    async def _answer_pre_checkout_query(self, params: Params) -> Any:
        _, query = self._query(self._pre_checkouts, params, "pre_checkout_query_id")
        ok = params.flag("ok")
        error = params.text("error_message")
        if not ok and not error:
            raise bad_request("error_message is empty")
        late = time.monotonic() - query.queued_at > PRE_CHECKOUT_DEADLINE
        query.answer = (ok and not late, error)
        if late:
            raise bad_request(QUERY_TOO_OLD)
        return True

    async def _refund_star_payment(self, params: Params) -> Any:
        user_id = params.integer("user_id")
        payment = self.payments.get(params.text("telegram_payment_charge_id") or "")
        if payment is None or payment.user_id != user_id:
            raise bad_request("CHARGE_NOT_FOUND")
        if payment.refunded:
            raise bad_request("CHARGE_ALREADY_REFUNDED", mistake=False)
        payment.refunded = True
        return True


def check_inline_keyboard(markup: Any) -> None:
    rows = markup.get("inline_keyboard") if isinstance(markup, dict) else None
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard markup")
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not str(button.get("text", "")).strip():
                raise bad_request("BUTTON_TEXT_INVALID")
            actions = [name for name in BUTTON_ACTIONS if name in button]
            if len(actions) != 1:
                raise bad_request(
                    "can't parse inline keyboard button: Text buttons are unallowed in the "
                    "inline keyboard"
                )
            data = button.get("callback_data")
            if data is not None and not 1 <= len(str(data).encode()) <= CALLBACK_DATA_LIMIT:
                raise bad_request("BUTTON_DATA_INVALID")
            url = button.get("url")
            if url is not None and not str(url).startswith(("https://", "http://", "tg://")):
                raise bad_request("BUTTON_URL_INVALID")


async def _read_params(request: web.Request) -> dict[str, Any]:
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            params |= body
    elif request.can_read_body:
        for name, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                params[name] = (value.filename, value.file.read())  # a file, kept whole
            else:
                params[name] = value if isinstance(value, str) else bytes(value)
    return params


# --- a person using the bot ----------------------------------------------------------------


@dataclass(frozen=True)
class Pressed:
    query_id: str
    message_id: int
    data: str


class FakeUser:
    """One person talking to the bot in a private chat, the way a person does: typing, and
    pressing the buttons they see. `wait_for_*` look at what the bot showed (sent or edited)
    since this person's last action."""

    def __init__(self, telegram: FakeTelegram, data: dict[str, Any]) -> None:
        self.telegram = telegram
        self.data = data
        self.id: int = data["id"]
        self._since = 0
        self._presses: list[str] = []

    @property
    def chat(self) -> Chat:
        return self.telegram._chat(self.id)

    def _acted(self) -> None:
        self._since = self.telegram.changes.count

    # --- doing -------------------------------------------------------------------------------

    async def send(self, text: str, *, reply_to: ShownMessage | None = None) -> int:
        """Type a message (as a reply to `reply_to`, if given: Telegram then carries the
        replied message inside it); its message id."""
        chat = self.chat
        if chat.blocked:
            raise AssertionError(f"user {self.id} blocked the bot: unblock() first")
        extra: dict[str, Any] = {}
        if reply_to is not None:
            extra["reply_to_message"] = reply_to.render()
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            extra["entities"] = [
                {"type": "bot_command", "offset": 0, "length": utf16_length(command)}
            ]
        message = ShownMessage(
            chat.data, chat.next_id(), self.data, from_bot=False, text=text, extra=extra
        )
        chat.messages[message.message_id] = message
        self._acted()
        self.telegram.queue("message", message.render())
        return message.message_id

    async def send_file(self, kind: str, file_id: str, mime_type: str = "image/jpeg") -> int:
        """Send a photo (`kind` "photo") or a file ("document") by its id; the message id.
        The same id is the same file: Telegram's file_unique_id says so too."""
        chat = self.chat
        self.telegram.files.add(file_id)
        media: Any = (
            [{"file_id": file_id, "file_unique_id": file_id, "width": 1280, "height": 960}]
            if kind == "photo"
            else {"file_id": file_id, "file_unique_id": file_id, "mime_type": mime_type}
        )
        message = ShownMessage(
            chat.data, chat.next_id(), self.data, from_bot=False, text=None, extra={kind: media}
        )
        chat.messages[message.message_id] = message
        self._acted()
        self.telegram.queue("message", message.render())
        return message.message_id

    async def press(self, label: str, *, partial: bool = False) -> Pressed:
        """Press the button labelled `label` (or containing it, if `partial`) on the newest
        message of the bot's that shows one."""
        for message in reversed(self.messages()):
            for button in message.buttons:
                hit = label in button.label if partial else button.label == label
                if hit and button.callback_data is not None:
                    return self._press(message, button.callback_data)
        shown = "\n".join(str(message) for message in self.messages()[-5:])
        raise AssertionError(f"no button {label!r} in the chat; it shows:\n{shown}")

    def _press(self, message: ShownMessage, data: str) -> Pressed:
        query_id = self.telegram.new_query_id()
        self.telegram._callbacks[query_id] = _Query(self.id, time.monotonic())
        self._presses.append(query_id)
        self._acted()
        self.telegram.queue(
            "callback_query",
            {
                "id": query_id,
                "from": self.data,
                "message": message.render(),
                "chat_instance": str(-self.id),
                "data": data,
            },
        )
        return Pressed(query_id, message.message_id, data)

    async def inline(self, query: str, *, offset: str = "", chat_type: str = "sender") -> str:
        """Type `@bot query` in a chat; the inline query's id."""
        query_id = self.telegram.new_query_id()
        self.telegram._inline[query_id] = _Query(self.id, time.monotonic())
        self._acted()
        self.telegram.queue(
            "inline_query",
            {
                "id": query_id,
                "from": self.data,
                "query": query,
                "offset": offset,
                "chat_type": chat_type,
            },
        )
        return query_id

    async def pay(self, invoice: ShownMessage, within: float = WAIT) -> Payment | None:
        """Press Pay under an invoice: the bot gets a pre-checkout query and, if it approves
        in time, a message with the successful payment. None if it refused."""
        if invoice.invoice is None or invoice.invoice_payload is None:
            raise AssertionError(f"not an invoice: {invoice}")
        telegram, details = self.telegram, invoice.invoice
        query_id = telegram.new_query_id()
        query = telegram._pre_checkouts[query_id] = _Query(self.id, time.monotonic())
        self._acted()
        telegram.queue(
            "pre_checkout_query",
            {
                "id": query_id,
                "from": self.data,
                "currency": details["currency"],
                "total_amount": details["total_amount"],
                "invoice_payload": invoice.invoice_payload,
            },
        )
        ok, _ = await telegram.wait_for(
            lambda: query.answer, "the pre-checkout answer", min(within, PRE_CHECKOUT_DEADLINE)
        )
        if not ok:
            return None
        payment = Payment(
            self.id,
            f"stxE2E{query_id}",
            details["currency"],
            details["total_amount"],
            invoice.invoice_payload,
        )
        telegram.payments[payment.charge_id] = payment
        chat = self.chat
        message = ShownMessage(
            chat.data,
            chat.next_id(),
            self.data,
            from_bot=False,
            text=None,
            extra={
                "successful_payment": {
                    "currency": payment.currency,
                    "total_amount": payment.total_amount,
                    "invoice_payload": payment.payload,
                    "telegram_payment_charge_id": payment.charge_id,
                    "provider_payment_charge_id": "",
                }
            },
        )
        chat.messages[message.message_id] = message
        telegram.queue("message", message.render())
        return payment

    def block(self) -> None:
        """Block the bot, as a person does from the chat's menu."""
        self.telegram.block(self.id)
        self._member_update("member", "kicked")

    def unblock(self) -> None:
        """Restart the bot after blocking it (the app then sends /start)."""
        self.telegram.unblock(self.id)
        self._member_update("kicked", "member")

    def _member_update(self, old: str, new: str) -> None:
        def member(status: str) -> dict[str, Any]:
            # A kicked member says until when; 0 is for ever.
            until = {"until_date": 0} if status == "kicked" else {}
            return {"status": status, "user": self.telegram.me} | until

        self.telegram.queue(
            "my_chat_member",
            {
                "chat": self.chat.data,
                "from": self.data,
                "date": int(time.time()),
                "old_chat_member": member(old),
                "new_chat_member": member(new),
            },
        )

    # --- seeing --------------------------------------------------------------------------------

    def messages(self) -> list[ShownMessage]:
        """The bot's messages in the chat as they look now, oldest first."""
        chat = self.telegram.chats.get(self.id)
        if chat is None:
            return []
        return [m for _, m in sorted(chat.messages.items()) if m.from_bot]

    def last_message(self) -> ShownMessage:
        messages = self.messages()
        if not messages:
            raise AssertionError(f"the bot has shown user {self.id} nothing")
        return messages[-1]

    @property
    def callback_answers(self) -> list[CallbackAnswer]:
        """The bot's answers to this person's presses, in the order of the presses."""
        answers = self.telegram.callback_answers
        return [answers[query_id] for query_id in self._presses if query_id in answers]

    def _shown_since(self, since: int) -> Iterator[ShownMessage]:
        """The bot's messages sent or edited after change number `since`, in that order."""
        chat = self.telegram.chats.get(self.id)
        if chat is not None:
            for change, message_id in chat.events:
                if change > since:
                    yield chat.messages[message_id]

    async def wait_for_message(
        self,
        predicate: Callable[[ShownMessage], bool],
        what: str = "a message",
        *,
        within: float = WAIT,
    ) -> ShownMessage:
        """The first message the bot sent or edited since this person's last action that
        now satisfies `predicate`."""
        since = self._since

        def found() -> ShownMessage | None:
            for message in self._shown_since(since):
                if predicate(message):
                    return message
            return None

        result = await self.telegram.changes.until(found, within)
        if result is None:
            recent = [str(message) for message in self._shown_since(since)]
            raise AssertionError(
                f"user {self.id} waited {within:g} s for {what}; since their last action the"
                f" bot showed: {recent or 'nothing'}; its mistakes: {self.telegram.mistakes}"
            )
        return result

    async def wait_for_text(self, text: str, *, within: float = WAIT) -> ShownMessage:
        """A message from the bot, since this person's last action, that contains `text`."""
        return await self.wait_for_message(
            lambda message: text in (message.text or ""),
            f"a message with {text!r}",
            within=within,
        )

    async def wait_for_answer(self, pressed: Pressed, *, within: float = WAIT) -> CallbackAnswer:
        """The bot's answer to a press."""
        return await self.telegram.wait_for(
            lambda: self.telegram.callback_answers.get(pressed.query_id),
            f"an answer to the press of {pressed.data!r}",
            within,
        )

    async def wait_for_inline_answer(self, query_id: str, *, within: float = WAIT) -> InlineAnswer:
        return await self.telegram.wait_for(
            lambda: self.telegram.inline_answers.get(query_id),
            f"an answer to inline query {query_id}",
            within,
        )


@asynccontextmanager
async def running_telegram(token: str, **options: Any) -> AsyncIterator[FakeTelegram]:
    """A started fake Telegram server, closed on exit; `options` go to `FakeTelegram`."""
    telegram = FakeTelegram(token, **options)
    await telegram.start()
    try:
        yield telegram
    finally:
        await telegram.close()
