"""Orders as the ordering flow leaves them: charged, placed on the panel, status Pending.

The panel emulator gets the matching order, so sweeps, Refresh and Cancel talk to a panel
that knows it. `restarted()` stands for a restart of the bot between two steps.
"""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from decimal import Decimal
from typing import Any

from aiogram import Dispatcher

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.money import from_minor
from bot.panel import PanelClient
from bot.settings import Settings
from bot.storage import Database, Order, OrdersRepo
from tests.conftest import fund
from tests.panel_emulator import PanelEmulator
from tests.test_storage import quote

_tokens = itertools.count(1)


async def place(
    db: Database,
    emulator: PanelEmulator,
    *,
    user_id: int = 1001,
    quantity: int = 100,
    charge: str = "12.00",
    can_cancel: bool = True,
    can_refill: bool = False,
    service_name: str = "7-day Join — Telegram Members",
    link: str = "https://t.me/example",
    funded: bool = False,
    on_panel: str = "",
    service: int = 1,
    **panel: Any,
) -> Order:
    """A placed order, Pending; `panel` sets fields of the emulator's side (remains=...).
    Move it on with `emulator.set_status(order.panel_order_id, ...)`. `on_panel` names
    another panel than the main one (`emulator` is then that panel's), `service` the
    emulator's service."""
    if not funded:
        await fund(db, user_id, charge)
    orders = OrdersRepo(db)
    # The emulator's service 1, as quoted by the ordering flow.
    new = replace(
        quote(user_id, f"token-{next(_tokens)}", charge, quantity),
        service_name=service_name,
        service_category="Telegram Members",
        link=link,
        rate=Decimal("60.00"),
        can_cancel=can_cancel,
        can_refill=can_refill,
        service_id=service,
        panel=on_panel,
        panel_service_id=service if on_panel else None,
    )
    order = await orders.create_and_charge(new)
    emulated = emulator.add_order(service=service, quantity=quantity, **panel)
    return await orders.mark_placed(order.id, str(emulated.id))


async def refunds_of(db: Database, order_id: int) -> list[Decimal]:
    rows = await db.fetchall(
        "SELECT amount FROM ledger WHERE order_id = ? AND amount > 0 ORDER BY id", (order_id,)
    )
    return [from_minor(row[0]) for row in rows]


@asynccontextmanager
async def restarted(
    db: Database, settings: Settings, panel: PanelClient, translator: Translator
) -> AsyncIterator[tuple[Database, Dispatcher]]:
    """The bot after a restart: the old connection closed, a new one and a new dispatcher
    (with its own sweeper and sender) on the same file."""
    await db.close()
    async with await Database.open(settings.database_path) as reopened:
        yield (
            reopened,
            create_dispatcher(settings=settings, db=reopened, panel=panel, translator=translator),
        )
