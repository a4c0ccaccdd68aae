"""Tracks the handlers still running, so shutdown can wait for them.

aiogram stops polling on SIGTERM but does not wait for update handlers already running as
tasks; a placement in flight must still record what the panel answered.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import TelegramObject

log = logging.getLogger(__name__)


class InFlight(BaseMiddleware):
    def __init__(self) -> None:
        self._running = 0
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def running(self) -> int:
        return self._running

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self._running += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self._running -= 1
            if not self._running:
                self._idle.set()

    async def drain(self, within: float) -> bool:
        """Wait until no handler runs; False if some were still running after `within` s."""
        if self._running:
            log.info("waiting for %d running handler(s)", self._running)
        try:
            await asyncio.wait_for(self._idle.wait(), within)
        except TimeoutError:
            log.warning("%d handler(s) still running after %.0f s", self._running, within)
            return False
        return True
