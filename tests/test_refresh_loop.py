"""A catalogue refresh of 10,000 services, and the first taps on what it built, hold the event
loop in no single callback for long: customers' taps are answered between its steps.

Measured as the CPU time the loop's thread spends inside each callback (`time.thread_time`),
not wall time: a loaded machine, or a thread holding the interpreter, makes a callback wait
but adds nothing to it, so the count does not depend on what else the machine is doing.
The figures for taps are `python -m bench.refresh`'s.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, replace
from decimal import Decimal

from aiogram import Bot, Dispatcher

from bot.app import create_dispatcher
from bot.catalogue.changes import MAX_LINES
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.settings import LOCALES, Settings
from bot.storage import Database
from tests.conftest import ADMIN_ID
from tests.harness import BotClient, texts
from tests.panel_emulator import EmulatedService, Fault, PanelEmulator, running_emulator
from tests.webapp.big_catalogue import big_catalogue

# Generous: a tap's own callbacks take a few milliseconds of CPU; the search index and one
# language's hint words for 10,000 services took ~80 ms in the first tap after a refresh.
HOLD_BOUND = 0.040  # seconds of CPU in one callback
MAX_AGE = 0.3  # CATALOGUE_REFRESH here: short, so the test soon meets an old catalogue


def _rendered(services: list[EmulatedService]) -> str:
    return json.dumps([service.render() for service in services])


@contextmanager
def callbacks_holding_the_loop(bound: float) -> Iterator[list[tuple[float, str]]]:
    """Every callback the event loop ran meanwhile that used more than `bound` seconds of
    the loop thread's CPU: (seconds, the callback)."""
    held: list[tuple[float, str]] = []
    handle = asyncio.Handle
    original = handle._run

    def timed(self: asyncio.Handle) -> None:
        started = time.thread_time()
        try:
            original(self)
        finally:
            used = time.thread_time() - started
            if used > bound:
                held.append((used, repr(self)))

    handle._run = timed  # type: ignore[method-assign]
    try:
        yield held
    finally:
        handle._run = original  # type: ignore[method-assign]


@dataclass
class BigShop:
    dp: Dispatcher
    services: list[EmulatedService]  # what the panel lists: change it, then `publish()`
    emulator: PanelEmulator
    answer: Fault

    def publish(self) -> None:
        self.answer.body = _rendered(self.services)


@asynccontextmanager
async def big_shop(settings: Settings, db: Database) -> AsyncIterator[BigShop]:
    """The bot's dispatcher with a panel of 10,000 services."""
    services = big_catalogue()
    async with running_emulator(services=services) as emulator:
        # The emulator shares this loop: its 10,000-service answer is rendered beforehand,
        # so what the probe sees is the bot's work.
        answer = emulator.canned(_rendered(services), action="services", times=None)
        big = settings.model_copy(
            update={"panel_api_url": emulator.url, "catalogue_refresh": MAX_AGE}
        )
        async with PanelClient(big.panel_url, big.panel_api_key, timeout=30) as panel:
            dp = create_dispatcher(settings=big, db=db, panel=panel, translator=Translator())
            try:
                yield BigShop(dp, services, emulator, answer)
            finally:
                await dp["catalogue"].close()


async def test_a_refresh_of_10000_services_holds_the_loop_in_no_callback(
    settings: Settings, db: Database, bot: Bot
) -> None:
    async with big_shop(settings, db) as shop:
        catalogue = shop.dp["catalogue"]
        customers = [
            BotClient(shop.dp, bot, user_id=2001 + n, language_code=locale)
            for n, locale in enumerate(LOCALES)
        ]
        for customer in customers:  # the first fetch, and each customer known
            await customer.send("/order")
        old = await catalogue.current()
        shop.services[-1] = replace(shop.services[-1], rate=Decimal("77"))  # a price changed
        shop.publish()
        await asyncio.sleep(MAX_AGE)
        with callbacks_holding_the_loop(HOLD_BOUND) as held:
            # Answered from the old catalogue; the refresh starts behind it.
            await customers[0].send("/order")
            await catalogue.refreshed()
            # The first taps on the new one, in every language, and a search; each in its
            # own turn of the loop, as updates come (the harness's Telegram answers at once,
            # so a task sending several would run them all in one callback).
            shown = []
            for customer in customers:
                await asyncio.sleep(0)
                shown.append(texts(await customer.send("/order"))[0])
            await asyncio.sleep(0)
            found = texts(await customers[0].send("Instagram Likes"))
        new = await catalogue.current()
    assert held == [], f"{len(held)} callbacks held the loop: {held}"
    assert len(shop.emulator.calls("services")) >= 2  # more if the taps outlasted MAX_AGE
    assert new.version != old.version
    assert new.services[10_000].rate == Decimal("77")
    assert "Or type a word to search, like “" in shown[0]  # the hint words, in English
    assert "Found for “Instagram Likes”" in found[-1]


async def test_a_panel_repricing_all_10000_services_holds_the_loop_in_no_callback(
    settings: Settings, db: Database, bot: Bot
) -> None:
    """What changed is told to admins (here in /refresh's answer): 30 lines of it."""
    async with big_shop(settings, db) as shop:
        admin = BotClient(shop.dp, bot, user_id=ADMIN_ID)
        await admin.send("/refresh")  # the shop's first catalogue: nothing to report
        shop.services[:] = [replace(s, rate=s.rate * 2) for s in shop.services]
        shop.publish()
        with callbacks_holding_the_loop(HOLD_BOUND) as held:
            [text] = texts(await admin.send("/refresh"))
    assert held == [], f"{len(held)} callbacks held the loop: {held}"
    assert "0 new, 0 gone (hidden), 10,000 re-priced." in text
    assert text.count(" → ") == MAX_LINES
    assert text.rstrip().endswith("…")


async def test_the_probe_counts_work_on_the_loop_not_on_a_thread() -> None:
    with callbacks_holding_the_loop(0.010) as held:
        await asyncio.to_thread(_busy, 0.050)  # on a thread: not the loop's
        _busy(0.020)  # in this task's step: the loop's
        await asyncio.sleep(0)
    assert len(held) == 1


def _busy(seconds: float) -> None:
    """Use `seconds` of this thread's CPU."""
    until = time.thread_time() + seconds
    while time.thread_time() < until:
        pass
