"""Which of a customer's orders My orders shows, and how: the status filters, a page of the
list, and what a search typed by the customer looks for and finds (only their own orders)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Texts
from bot.money import Amounts
from bot.orders import keyboards
from bot.orders.texts import order_line
from bot.panel.status import FINAL, Status
from bot.storage import OrdersRepo
from bot.telegram.callbacks import Shown
from bot.telegram.keyboards import next_steps

PAGE_SIZE = 10
# A search longer than any link a customer would paste is refused, not cut: a cut link
# could match orders the customer did not mean.
SEARCH_LONGEST = 300
SEARCH_SHORTEST = 3  # characters of a link: fewer would match nearly every order
SEARCH_SHOWN = 10  # orders a search lists (the newest)


_COMPLETED = frozenset(status for status in FINAL if status.row.in_full)
# Each filter as `OrdersRepo.list_for_user` takes it: (statuses, exclude them?). Active is
# "not final" so a status a panel invents (kept, not final) is listed somewhere.
FILTERS: dict[Shown, tuple[frozenset[Status], bool]] = {
    Shown.ALL: (frozenset(), True),
    Shown.ACTIVE: (FINAL, True),
    Shown.COMPLETED: (_COMPLETED, False),
    Shown.SHORT: (FINAL - _COMPLETED, False),
}


def counts(statuses: dict[str, int]) -> dict[Shown, int]:
    """How many orders each filter shows, from the customer's count per status."""
    return {
        shown: sum(n for status, n in statuses.items() if (status in group) != exclude)
        for shown, (group, exclude) in FILTERS.items()
    }


@dataclass(frozen=True)
class Search:
    """What a typed search looks for: an order by its number, or orders by part of a link;
    `refusal` (a message key) says why the text is no search at all."""

    number: int | None = None
    link: str | None = None
    refusal: str | None = None


# "12", "#12", "№ 12": the shop's number. ASCII digits only; 18 digits stay within 64 bits.
_NUMBER = re.compile(r"[#№]?\s*([0-9]{1,18})", re.ASCII)


def read_search(text: str | None) -> Search:
    words = " ".join((text or "").split())
    if not words:
        return Search(refusal="orders-search-empty")
    if len(words) > SEARCH_LONGEST:
        return Search(refusal="orders-search-too-long")
    if match := _NUMBER.fullmatch(words):
        return Search(number=int(match[1]))
    if len(words) < SEARCH_SHORTEST:
        return Search(refusal="orders-search-too-short")
    return Search(link=words)


async def page(
    t: Texts, orders: OrdersRepo, user_id: int, page: int, shown: Shown, amounts: Amounts
) -> tuple[str, InlineKeyboardMarkup | None]:
    """The text and buttons of one page of the user's orders under a filter, newest first."""
    each = counts(await orders.statuses_for_user(user_id))
    if not each[Shown.ALL]:
        return t("orders-empty"), next_steps(t, "order")
    statuses, exclude = FILTERS[shown]
    count = each[shown]
    pages = max(1, -(-count // PAGE_SIZE))
    page = min(max(page, 0), pages - 1)
    rows = await orders.list_for_user(
        user_id, PAGE_SIZE, page * PAGE_SIZE, statuses=statuses, exclude=exclude
    )
    lines = [t("orders-title", count=count, page=page + 1, pages=pages)]
    if shown != Shown.ALL:
        lines.append(t("orders-filtered", filter=t(keyboards.FILTER_KEYS[shown])))
    lines.append("")
    lines += [order_line(t, order, amounts) for order in rows] or [t("orders-none-here")]
    return "\n".join(lines), keyboards.orders_list(t, rows, page, pages, shown, each)


async def found(
    t: Texts, orders: OrdersRepo, user_id: int, search: Search, amounts: Amounts
) -> tuple[str, InlineKeyboardMarkup | None]:
    """What a search finds among the user's own orders, newest first (or why it is none)."""
    if search.refusal is not None:
        return t(search.refusal), keyboards.orders_search_prompt(t)
    count, shown = await orders.search_for_user(
        user_id, number=search.number, link=search.link, limit=SEARCH_SHOWN
    )
    query = f"#{search.number}" if search.number is not None else search.link or ""
    if not count:
        return t("orders-search-none", query=query), keyboards.orders_found(t, [])
    lines = [t("orders-search-found", query=query, count=count)]
    if count > len(shown):
        lines.append(t("orders-search-more", shown=len(shown)))
    lines.append("")
    lines += [order_line(t, order, amounts) for order in shown]
    return "\n".join(lines), keyboards.orders_found(t, shown)
