"""Background loops that live as long as the dispatcher: started in `dp.startup`, stopped
(and awaited) in `dp.shutdown`.

Stopping is a request first: the loop finishes the step in hand (a status sweep records
what the panel answered, a notification in flight is marked sent) and is cancelled only if
it is still busy after a grace period.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import logging

from aiogram import Bot

log = logging.getLogger(__name__)


class Background(abc.ABC):
    name = "background"

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()
        self._nudge = asyncio.Event()

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def start(self, bot: Bot) -> None:
        if self.running:
            return
        self._stop.clear()
        self._task = asyncio.create_task(self._run(bot), name=self.name)

    def wake(self) -> None:
        """Cut the current pause short: there is work now."""
        self._nudge.set()

    async def stop(self, grace: float) -> None:
        """Ask the loop to stop, let it finish its step for up to `grace` s, then cancel it."""
        self._stop.set()
        self._nudge.set()
        task, self._task = self._task, None
        if task is None:
            return
        done, _ = await asyncio.wait({task}, timeout=grace)
        if not done:
            log.warning("%s still busy after %.0f s: cancelling it", self.name, grace)
            task.cancel()
        (outcome,) = await asyncio.gather(task, return_exceptions=True)
        if isinstance(outcome, Exception):
            log.error("%s ended with an error: %r", self.name, outcome)

    async def _pause(self, seconds: float) -> None:
        """Sleep up to `seconds`; `wake()` and `stop()` end it early."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._nudge.wait(), seconds)
        self._nudge.clear()

    async def _wait_unless_stopped(self, seconds: float) -> bool:
        """Sleep `seconds` (a wake does not end it); False if stopping meanwhile."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stop.wait(), seconds)
        return not self.stopping

    @abc.abstractmethod
    async def _run(self, bot: Bot) -> None:
        """The loop itself: step, `_pause`, until `stopping`."""


class Periodic(Background):
    """A loop of one step (`run_once`) every `interval` seconds, that outlives any one
    step's bug."""

    interval: float = 60.0

    @abc.abstractmethod
    async def run_once(self, bot: Bot) -> object:
        """One step; what it returns is for tests."""

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            try:
                await self.run_once(bot)
            except Exception:  # the loop must outlive any one step's bug
                log.exception("%s failed", self.name)
            await self._pause(self.interval)
