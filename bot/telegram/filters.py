"""Filters shared by routers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from aiogram import Router
from aiogram.dispatcher.event.handler import FilterObject
from aiogram.filters import Filter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State
from aiogram.types import CallbackQuery, Message, TelegramObject, User

from bot.orders.draft import Draft
from bot.settings import Settings
from bot.storage import OrdersRepo
from bot.telegram.callbacks import OrderCb


class IsAdmin(Filter):
    """The update comes from one of `ADMIN_IDS`.

    Put once on a router (`router.message.filter(IsAdmin())`): for anyone else its commands
    fall through to the fallback and answer exactly as an unknown command does.
    """

    async def __call__(
        self, event: TelegramObject, settings: Settings, event_from_user: User | None = None
    ) -> bool:
        return event_from_user is not None and event_from_user.id in settings.admin_ids


class LivePrompt(Filter):
    """A tap on the order conversation's current question (not an older message's buttons);
    gives the handler the conversation's `draft`.

    Paired with a handler without it that answers that the button has expired.
    """

    async def __call__(self, query: CallbackQuery, state: FSMContext) -> bool | dict[str, Any]:
        step = await state.get_state()
        # Only the order conversation's own questions: a top-up being typed is not one.
        if not (step or "").startswith("OrderForm:") or not isinstance(query.message, Message):
            return False
        draft = Draft.from_data(await state.get_data())
        if query.message.message_id != draft.prompt_id:
            return False
        return {"draft": draft}


class OwnOrder(Filter):
    """A button about one order (`OrderCb`) that the tapping user owns; gives the handler the
    `order`. Paired with a handler without it that answers there is no such order: a forged
    or forwarded button shows and touches nobody else's order."""

    async def __call__(
        self, query: CallbackQuery, callback_data: OrderCb, orders: OrdersRepo
    ) -> bool | dict[str, Any]:
        order = await orders.get_for_user(query.from_user.id, callback_data.id)
        return False if order is None else {"order": order}


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
