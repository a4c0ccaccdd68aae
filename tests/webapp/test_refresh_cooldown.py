"""Refresh (the Mini App's and the chat's) reuses a status fetched a moment ago, makes one
panel request for concurrent Refreshes of one order, and all Refreshes together stay under
a global rate; the emulator counts the `status` requests over real HTTP."""

from __future__ import annotations

import asyncio

from aiogram.methods import EditMessageText

from bot.orders.lookups import BURST, StatusLookups
from bot.panel import PanelClient
from bot.storage import Database
from bot.telegram.callbacks import OrderCb
from tests.conftest import MakeClient
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator
from tests.webapp.conftest import CUSTOMER, Api

NO_ANSWER = "We could not check the order just now: this is the last known status."


async def test_sixty_concurrent_refreshes_of_one_order_make_one_panel_call(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, user_id=CUSTOMER)
    assert order.panel_order_id is not None
    emulator.set_status(order.panel_order_id, "In progress", remains=40)
    calls = await asyncio.gather(
        *(api.call("POST", f"orders/{order.id}/refresh") for _ in range(60))
    )
    # One customer's taps past the Mini App's own per-user burst (40) are refused first.
    assert sorted({call.status for call in calls}) == [200, 429]
    answers = [await call.json() for call in calls if call.status == 200]
    assert len(answers) >= 40
    assert {a["order"]["status"] for a in answers} == {"In progress"}
    assert {a["order"]["remains"] for a in answers} == {40}
    assert len(emulator.calls("status")) == 1


async def test_taps_on_refresh_in_the_chat_reuse_the_status_too(
    make_client: MakeClient, db: Database, emulator: PanelEmulator
) -> None:
    client = make_client(user_id=CUSTOMER)
    order = await place(db, emulator, user_id=CUSTOMER)
    assert order.panel_order_id is not None
    emulator.set_status(order.panel_order_id, "In progress", remains=40)
    tap = OrderCb(action="refresh", id=order.id, page=0)
    taps = await asyncio.gather(*(client.click(tap) for _ in range(60)))
    assert len(emulator.calls("status")) == 1
    # Every tap answered with the card (after the first, Telegram refuses an edit that
    # changes nothing, and the bot leaves it at that).
    assert all(any(isinstance(r, EditMessageText) for r in sent) for sent in taps)


async def test_refreshes_of_many_orders_stay_under_the_global_cap(
    api: Api, db: Database, emulator: PanelEmulator
) -> None:
    orders = [await place(db, emulator, user_id=CUSTOMER) for _ in range(BURST + 10)]
    answers = await asyncio.gather(*(api.post(f"orders/{o.id}/refresh") for o in orders))
    assert len(emulator.calls("status")) == BURST
    refused = [a for a in answers if NO_ANSWER in a["order"].get("notice", "")]
    assert len(refused) == 10  # the last known status, said to be that


async def test_a_status_is_asked_again_once_it_is_a_few_seconds_old(
    panel: PanelClient, db: Database, emulator: PanelEmulator
) -> None:
    now = [100.0]
    lookups = StatusLookups(panel, fresh=5, per_second=1, burst=1, clock=lambda: now[0])
    order = await place(db, emulator)
    panel_id = order.panel_order_id or ""
    emulator.set_status(panel_id, "In progress", remains=40)
    first = await lookups.status(panel_id)
    emulator.set_status(panel_id, "Completed", remains=0)
    now[0] += 4.9
    assert await lookups.status(panel_id) == first  # reused
    now[0] += 0.2
    later = await lookups.status(panel_id)
    assert later is not None
    assert getattr(later, "status", None) == "Completed"
    assert len(emulator.calls("status")) == 2
