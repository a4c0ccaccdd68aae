"""Callback data factories: short prefixes, ids and codes only (Telegram allows 64 bytes)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from aiogram.filters.callback_data import CallbackData
from pydantic import Field

# A client can send any callback data. A number SQLite cannot hold (past 64 bits), a
# negative id or an unreachable page fails the filter, and the tap is answered as a stale
# button is, before any handler or query sees it.
INT64_MAX = 2**63 - 1
RowId = Annotated[int, Field(ge=0, le=INT64_MAX)]
# A position in a list: far beyond any list, still a small number.
Index = Annotated[int, Field(ge=0, le=10**6)]
# Handlers clamp pages to the list, so only the size is bounded here (keyboards build a
# ◀️ for page -1 on the first page without showing it).
Page = Annotated[int, Field(ge=-(10**6), le=10**6)]


class MenuCb(CallbackData, prefix="m"):
    action: str


class LanguageCb(CallbackData, prefix="lang"):
    code: str


# The order conversation. `v` is the catalogue version the button was drawn from: a button
# from an older list is stale. Categories are addressed by their position in the list.


class CategoriesPageCb(CallbackData, prefix="cp"):
    v: str
    page: Page


class CategoryCb(CallbackData, prefix="ct"):
    v: str
    cat: Index
    page: Page


class SearchCb(CallbackData, prefix="sr"):
    """A page of the services found by the word in the draft."""

    v: str
    page: Page


class ServiceCb(CallbackData, prefix="sv"):
    v: str
    id: RowId


class OrderNavCb(CallbackData, prefix="on"):
    action: str  # back, cancel, keep


class ConfirmCb(CallbackData, prefix="ok"):
    token: str


class TopupCb(CallbackData, prefix="tu"):
    action: str  # "method" chosen, "pay" `stars`, "type" an amount, "cancel" typing
    stars: RowId = 0
    method: str = ""  # the chosen method's name (`bot.payments`)


class TransferCb(CallbackData, prefix="tr"):
    """A card transfer request `id`: an admin's "approve", "reject" or "noreason" (rejected
    without one); the customer's "withdraw"."""

    action: str
    id: RowId


class CryptoCb(CallbackData, prefix="cy"):
    action: str  # "check": top-up `id`'s invoice
    id: RowId = 0


class LinkTopupCb(CallbackData, prefix="lk"):
    """A top-up paid on a provider's page (Payme, Click): "pay" `soum`, or "type" an amount."""

    action: str
    method: str = ""
    soum: RowId = 0


class Shown(StrEnum):
    """My orders' status filter, one letter (which statuses each shows: `bot.orders.listing`)."""

    ALL = "a"
    ACTIVE = "o"  # not finished: being placed, checked, pending, in progress
    COMPLETED = "c"  # delivered in full (a subscription that ran its course too)
    SHORT = "x"  # ended short: partially completed, canceled, or never placed (refunded)


class OrdersCb(CallbackData, prefix="ol"):
    """A page of My orders (0: the newest) under a status filter (an unknown letter fails
    the filter: an expired button)."""

    page: Page
    f: Shown = Shown.ALL


class OrderCb(CallbackData, prefix="od"):
    """An action on one order, by its local id; `page` and `f` are the list to go back to."""

    # view, refresh, cancel (asks to confirm), cancel-yes, refill, again, ask
    action: str
    id: RowId
    page: Page
    f: Shown = Shown.ALL


class OrdersSearchCb(CallbackData, prefix="os"):
    """My orders' Search button: the next text typed is searched for."""


# Admins' catalogue panel (/shop). `cat` is the category's position in the admin's list of
# every category, hidden ones included.


class ShopPageCb(CallbackData, prefix="sp"):
    v: str
    page: Page


class ShopCategoryCb(CallbackData, prefix="sc"):
    v: str
    cat: Index
    page: Page


class ShopToggleCb(CallbackData, prefix="sh"):
    """Hide or show a service (`id`), or the category itself (`id` -1)."""

    v: str
    cat: Index
    page: Page
    id: Annotated[int, Field(ge=-1, le=INT64_MAX)] = -1


class StepCb(CallbackData, prefix="sa"):
    """One of the values offered as buttons under a step's question (drip-feed runs, the
    interval): answered as if typed."""

    value: Annotated[int, Field(ge=0, le=10**6)]


# Admins' customer list (/users): `order` new or rich, `q` the search (empty for none).


class UsersCb(CallbackData, prefix="us"):
    order: str
    page: Page
    q: str = ""


# Broadcasts: the admin's preview (Confirm or Cancel a draft), and the customer's opt-out.


class BroadcastCb(CallbackData, prefix="bc"):
    action: str  # send, drop
    id: RowId


class BroadcastsOffCb(CallbackData, prefix="bo"):
    off: bool = True


class QuestionCb(CallbackData, prefix="q"):
    """Under free text that reads as a question: send it to support (the text and the order
    it names wait in the chat's FSM data), or search the catalogue for its words after all."""

    action: str  # support, search


class TicketCb(CallbackData, prefix="tk"):
    """A support ticket: the handler checks it is the tapper's own, or the tapper an admin."""

    action: str  # answer, close (admins); write, close (the customer)
    id: RowId


# The mass order (/massorder): Cancel while typing or on the summary, and the summary's
# Confirm with its one-time token.


class MassCb(CallbackData, prefix="mo"):
    action: str  # cancel


class MassConfirmCb(CallbackData, prefix="mok"):
    token: str
