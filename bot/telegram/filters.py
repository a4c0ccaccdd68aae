"""Filters shared by routers (a feature's own filters live beside it: `bot.orders.filters`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.filters import Filter
from aiogram.fsm.state import State
from aiogram.types import TelegramObject, User

from bot.settings import Settings


class IsAdmin(Filter):
    """The update comes from one of `ADMIN_IDS`.

    Put once on a router (`router.message.filter(IsAdmin())`): for anyone else its commands
    fall through to the fallback and answer exactly as an unknown command does.
    """

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids


def run_magic_filters_inline(router: Router) -> None:
    """Every magic filter (`F.chat.type == "private"`, `F.data == "..."`) and bare state
    filter (`TopupForm.amount`) of `router` and the routers under it runs on the event loop,
    as the async filters do.

    aiogram runs any sync filter in a thread pool (`asyncio.to_thread`), which suits one
    that blocks; these only compare attributes of the update, and the hand-over to a thread
    and back cost more than everything else an update did. Call once, after every handler
    is registered.
    """
    for observed in _filter_objects(router):
        quick = observed.magic is not None or isinstance(observed.callback, State)
        if quick and not observed.awaitable:
            observed.callback = _on_the_loop(observed.callback)
            observed.awaitable = True


def _filter_objects(router: Router) -> Iterator[FilterObject]:
    for each in router.chain_tail:
        for observer in each.observers.values():
            yield from observer._handler.filters or ()  # the router-wide `.filter(...)`s
            for handler in observer.handlers:
                yield from handler.filters or ()


def _on_the_loop(check: Callable[..., Any]) -> Callable[..., Any]:
    async def checked(*args: Any, **kwargs: Any) -> Any:
        return check(*args, **kwargs)

    return checked
