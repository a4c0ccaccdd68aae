"""Callback data factories: short prefixes, ids and codes only (Telegram allows 64 bytes)."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class MenuCb(CallbackData, prefix="m"):
    action: str


class LanguageCb(CallbackData, prefix="lang"):
    code: str


# The order conversation. `v` is the catalogue version the button was drawn from: a button
# from an older list is stale. Categories are addressed by their position in the list.


class CategoriesPageCb(CallbackData, prefix="cp"):
    v: str
    page: int


class CategoryCb(CallbackData, prefix="ct"):
    v: str
    cat: int
    page: int


class SearchCb(CallbackData, prefix="sr"):
    """A page of the services found by the word in the draft."""

    v: str
    page: int


class ServiceCb(CallbackData, prefix="sv"):
    v: str
    id: int


class OrderNavCb(CallbackData, prefix="on"):
    action: str  # back, cancel, keep


class ConfirmCb(CallbackData, prefix="ok"):
    token: str


class TopupCb(CallbackData, prefix="tu"):
    action: str  # "pay" `stars`, "type" an amount, "cancel" typing
    stars: int = 0


class OrdersCb(CallbackData, prefix="ol"):
    """A page of My orders (0: the newest)."""

    page: int


class OrderCb(CallbackData, prefix="od"):
    """An action on one order, by its local id; `page` is the list page to go back to."""

    action: str  # view, refresh, cancel (asks to confirm), cancel-yes
    id: int
    page: int


# Admins' catalogue panel (/shop). `cat` is the category's position in the admin's list of
# every category, hidden ones included.


class ShopPageCb(CallbackData, prefix="sp"):
    v: str
    page: int


class ShopCategoryCb(CallbackData, prefix="sc"):
    v: str
    cat: int
    page: int


class ShopToggleCb(CallbackData, prefix="sh"):
    """Hide or show a service (`id`), or the category itself (`id` -1)."""

    v: str
    cat: int
    page: int
    id: int = -1


# Admins' customer list (/users): `order` new or rich, `q` the search (empty for none).


class UsersCb(CallbackData, prefix="us"):
    order: str
    page: int
    q: str = ""


# Broadcasts: the admin's preview (Confirm or Cancel a draft), and the customer's opt-out.


class BroadcastCb(CallbackData, prefix="bc"):
    action: str  # send, drop
    id: int


class BroadcastsOffCb(CallbackData, prefix="bo"):
    off: bool = True
