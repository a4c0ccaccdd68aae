"""Keeps aiogram's response models built.

aiogram reads every Bot API answer with `Response[T]` for the method's result type. pydantic
builds that class on first use and remembers it only weakly, so once nothing holds it the
next call builds it again: a quarter of the bot's busy time under a crowd. Holding each one
the bot has used makes every later call find it built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.methods import Response, TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot


class KeepResponseModels(BaseRequestMiddleware):
    """A request middleware (`session.middleware(KeepResponseModels())`)."""

    def __init__(self) -> None:
        self._built: dict[type[Any], type[Any]] = {}

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        kind = type(method)
        if kind not in self._built:
            self._built[kind] = Response[method.__returning__]  # type: ignore[name-defined]
        return await make_request(bot, method)
