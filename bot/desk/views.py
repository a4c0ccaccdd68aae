"""How admin views name things: in the admin's language, never as the database spells them.

Customers are shown by name, @username and id (the id in <code> so it copies with a tap),
statuses and flags in words, languages by their names.
"""

from __future__ import annotations

import html
from typing import Protocol

from bot.i18n import LANGUAGE_NAMES, Html, Texts
from bot.panel.status import row_of
from bot.storage import Customer


def status_label(t: Texts, status: str) -> Html:
    """The status in the admin's words: the shop's own ones, which customers read as
    sentences, as a word; one the panel made up as it wrote it."""
    return Html(t(row_of(status).admin, status=status))


def statuses_line(t: Texts, counts: dict[str, int]) -> Html:
    """`completed 3, pending 1`, or a dash for none."""
    parts = [f"{status_label(t, status)} {t.write(count)}" for status, count in counts.items()]
    return Html(", ".join(parts) or "—")


def yes_no(t: Texts, flag: bool) -> Html:
    return Html(t("admin-yes" if flag else "admin-no"))


def language_label(t: Texts, customer: Customer) -> Html:
    """The language the customer chose, else the one their Telegram uses (if we speak it)."""
    chosen = _language_name(customer.language)
    if chosen:
        return Html(html.escape(chosen))
    telegram = _language_name((customer.telegram_language or "").split("-")[0])
    return Html(t("admin-language-auto", language=telegram or "—"))


def _language_name(code: str | None) -> str | None:
    return next((name for locale, name in LANGUAGE_NAMES.items() if locale == code), None)


class Named(Protocol):
    """A customer as the shop keeps them, or a user as Telegram sends them."""

    @property
    def first_name(self) -> str | None: ...

    @property
    def username(self) -> str | None: ...


def customer_label(customer: Named | None, user_id: int) -> Html:
    """`Alice @alice 1001`: the name and username as Telegram last sent them, escaped."""
    parts = []
    if customer is not None and customer.first_name:
        parts.append(html.escape(customer.first_name))
    if customer is not None and customer.username:
        parts.append(f"@{html.escape(customer.username)}")
    parts.append(f"<code>{user_id}</code>")
    return Html(" ".join(parts))
