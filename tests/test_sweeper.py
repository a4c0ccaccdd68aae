"""The status sweep: requests of at most 100 ids, statuses and money recorded once, unknown
statuses and lost orders told to the admins once, transport errors backed off, shutdown."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage

from bot.app import create_dispatcher
from bot.formats import Money
from bot.notify.sender import Delivery
from bot.orders.following import MISSES_BEFORE_ALERT
from bot.orders.sweeper import FAILURES_BEFORE_ALERT, MAX_BACKOFF, Sweeper
from bot.panel import OrderStatus, PanelClient, PanelHTTPError
from bot.settings import Settings
from bot.storage import Database, LedgerRepo, Order, OrdersRepo, OutboxRepo, Status
from bot.storage.migrations import MIGRATIONS, statements
from tests.conftest import fund
from tests.helpers import admin_texts
from tests.order_factory import place, refunds_of, restarted
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_lifecycle import wait_for


async def reload(db: Database, order: Order) -> Order:
    fresh = await OrdersRepo(db).get(order.id)
    assert fresh is not None
    return fresh


async def news(db: Database, user_id: int = 1001) -> list[str]:
    return [row.key for row in await OutboxRepo(db).for_user(user_id)]


async def test_a_sweep_of_250_open_orders_makes_exactly_3_requests(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "3000")
    placed = [await place(db, emulator, funded=True) for _ in range(250)]
    for order in placed:
        emulator.set_status(order.panel_order_id or "", "In progress", remains=30)

    sweep = await dp["sweeper"].run_once(bot)

    calls = emulator.calls("status")
    assert len(calls) == 3
    assert [len(call["orders"].split(",")) for call in calls] == [100, 100, 50]
    assert sweep.asked == sweep.recorded == 250
    assert sweep.error is None
    assert {(await reload(db, order)).status for order in placed} == {Status.IN_PROGRESS}


async def test_one_sweep_covers_more_than_a_thousand_open_orders(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    """No cap on a sweep: 1,050 open orders are all asked in ⌈1050/100⌉ = 11 calls."""
    await fund(db, 1001, "13000")
    placed = [await place(db, emulator, funded=True) for _ in range(1050)]

    sweep = await dp["sweeper"].run_once(bot)

    assert len(emulator.calls("status")) == 11
    assert sweep.asked == sweep.recorded == len(placed)


async def test_statuses_are_stored_with_remains_clamped(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    low = await place(db, emulator, quantity=100)
    high = await place(db, emulator, quantity=100)
    emulator.set_status(low.panel_order_id or "", "In progress", remains=-5, start_count=17)
    emulator.set_status(high.panel_order_id or "", "Processing", remains=1000)

    await dp["sweeper"].run_once(bot)

    low, high = await reload(db, low), await reload(db, high)
    assert (low.status, low.remains, low.start_count) == ("In progress", 0, 17)
    assert low.panel_charge == Decimal("6.00000")  # what the emulator charged for 100
    assert (high.status, high.remains) == ("Processing", 100)
    # Only "In progress" counts as started: one notification for `low`.
    assert [row.order_id for row in await OutboxRepo(db).for_user(1001)] == [low.id]


async def test_completed_costs_nothing_and_is_told_once(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "In progress")
    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)  # final: not asked again

    assert (await reload(db, order)).status == Status.COMPLETED
    assert await refunds_of(db, order.id) == []
    assert await news(db) == ["notify-started", "notify-completed"]
    assert len(emulator.calls("status")) == 3


@pytest.mark.parametrize("spelling", ["Canceled", "Cancelled", "Refunded", "cancelled"])
async def test_canceled_refunds_the_whole_charge(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator, spelling: str
) -> None:
    order = await place(db, emulator, charge="12.34")
    emulator.set_status(order.panel_order_id or "", spelling)

    await dp["sweeper"].run_once(bot)

    assert (await reload(db, order)).status == Status.CANCELED
    assert await refunds_of(db, order.id) == [Decimal("12.34")]
    assert await LedgerRepo(db).balance(1001) == Decimal("12.34")
    (message,) = await OutboxRepo(db).for_user(1001)
    assert message.key == "notify-canceled"
    assert message.values["refund"] == Money(Decimal("12.34"), 2)


async def test_partial_refunds_the_remains_rounded_down(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    # 10.00 for 3 units: 1 remaining is worth 3.333..., refunded as 3.33.
    order = await place(db, emulator, quantity=3, charge="10.00")
    emulator.set_status(order.panel_order_id or "", "Partial", remains=1)

    await dp["sweeper"].run_once(bot)

    assert await refunds_of(db, order.id) == [Decimal("3.33")]
    (message,) = await OutboxRepo(db).for_user(1001)
    assert message.key == "notify-partial"
    assert message.values == {
        "number": str(order.id),
        "service": order.service_name,
        "quantity": 3,
        "delivered": 2,
        "refund": Money(Decimal("3.33"), 2),  # written in the customer's language when sent
    }


async def test_a_final_status_pays_once_across_repeated_reports_and_a_restart(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    settings: Settings,
    panel: PanelClient,
    translator,
) -> None:
    order = await place(db, emulator, quantity=100, charge="12.00")
    emulator.set_status(order.panel_order_id or "", "Partial", remains=40)
    report = OrderStatus(status="Partial", remains=40)

    await dp["sweeper"].run_once(bot)
    # The panel says it again: by a Refresh racing the sweep, by direct reports, twice at once.
    await dp["follower"].apply(bot, order.id, report)
    await asyncio.gather(*(dp["follower"].apply(bot, order.id, report) for _ in range(3)))
    await dp["sweeper"].run_once(bot)

    # A restart: a new connection, a new dispatcher and sweeper, the same reports again.
    async with restarted(db, settings, panel, translator) as (reopened, again):
        await again["sweeper"].run_once(bot)
        await again["follower"].apply(bot, order.id, report)
        await again["follower"].apply(bot, order.id, OrderStatus(status="Canceled"))

        assert await refunds_of(reopened, order.id) == [Decimal("4.80")]
        assert await LedgerRepo(reopened).balance(1001) == Decimal("4.80")
        assert [row.key for row in await OutboxRepo(reopened).for_user(1001)] == ["notify-partial"]
        assert (await OrdersRepo(reopened).get(order.id)).status == Status.PARTIAL  # type: ignore[union-attr]


async def test_concurrent_reports_of_one_change_record_it_once(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    started = OrderStatus(status="In progress", remains=100)
    await asyncio.gather(*(dp["follower"].apply(bot, order.id, started) for _ in range(5)))
    assert await news(db) == ["notify-started"]


async def test_an_unheard_of_status_is_kept_open_and_told_once(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    settings: Settings,
    panel: PanelClient,
    translator,
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "On <hold>")

    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)

    stored = await reload(db, order)
    assert stored.status == "On <hold>"
    assert not stored.is_final
    assert [o.id for o in await OrdersRepo(db).list_to_follow()] == [order.id]
    (alert,) = admin_texts(bot)
    assert f"Order #{order.id}" in alert
    assert "“On &lt;hold&gt;”" in alert

    # Told once per order and status, also after a restart.
    async with restarted(db, settings, panel, translator) as (reopened, again):
        await again["sweeper"].run_once(bot)
        assert len(admin_texts(bot)) == 1
        emulator.set_status(order.panel_order_id or "", "Paused")
        await again["sweeper"].run_once(bot)
        assert len(admin_texts(bot)) == 2
        assert "“Paused”" in admin_texts(bot)[-1]
        assert await refunds_of(reopened, order.id) == []


async def test_a_panel_status_named_like_a_local_one_is_not_taken_for_it(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "failed")

    await dp["sweeper"].run_once(bot)

    assert (await reload(db, order)).status == Status.PENDING  # not "failed": not refunded
    assert await refunds_of(db, order.id) == []
    assert len(admin_texts(bot)) == 1


async def test_partial_without_remains_waits_and_is_told_once(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.canned({order.panel_order_id: {"status": "Partial"}}, action="status", times=2)

    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)
    assert (await reload(db, order)).status == Status.PENDING
    assert await refunds_of(db, order.id) == []
    assert len(admin_texts(bot)) == 1

    emulator.set_status(order.panel_order_id or "", "Partial", remains=50)
    await dp["sweeper"].run_once(bot)
    assert await refunds_of(db, order.id) == [Decimal("6.00")]


async def test_an_order_the_panel_keeps_not_knowing_is_flagged_after_a_streak(
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    settings: Settings,
    panel: PanelClient,
    translator,
) -> None:
    lost = await place(db, emulator)
    fine = await place(db, emulator)
    emulator.set_status(fine.panel_order_id or "", "In progress")
    hidden = emulator.orders.pop(int(lost.panel_order_id or 0))

    for _ in range(MISSES_BEFORE_ALERT - 1):
        await dp["sweeper"].run_once(bot)
    assert admin_texts(bot) == []
    assert (await reload(db, lost)).panel_misses == MISSES_BEFORE_ALERT - 1

    # The count survives a restart; the streak's alert comes once.
    async with restarted(db, settings, panel, translator) as (reopened, again):
        await again["sweeper"].run_once(bot)
        await again["sweeper"].run_once(bot)
        (alert,) = admin_texts(bot)
        assert f"Order #{lost.id}" in alert
        assert "“Incorrect order ID” 3 times in a row" in alert
        lost_now = await OrdersRepo(reopened).get(lost.id)
        assert lost_now is not None
        assert lost_now.status == Status.PENDING  # kept and still followed
        assert lost_now.panel_misses == MISSES_BEFORE_ALERT + 1
        assert (await OrdersRepo(reopened).get(fine.id)).panel_misses == 0  # type: ignore[union-attr]

        # A good answer resets the count.
        emulator.orders[hidden.id] = hidden
        await again["sweeper"].run_once(bot)
        assert (await OrdersRepo(reopened).get(lost.id)).panel_misses == 0  # type: ignore[union-attr]


async def test_a_transport_error_mid_sweep_loses_nothing(
    settings: Settings, db: Database, emulator: PanelEmulator, bot: Bot, translator
) -> None:
    async with PanelClient(settings.panel_url, settings.panel_api_key, read_attempts=1) as panel:
        dp = create_dispatcher(settings=settings, db=db, panel=panel, translator=translator)
        await fund(db, 1001, "1800")
        placed = [await place(db, emulator, funded=True) for _ in range(150)]
        for order in placed:
            emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
        emulator.fault(FaultKind.DELAY, action="status", times=1)  # the first answers normally
        emulator.fault(FaultKind.HTTP_502_HTML, action="status")  # then the panel breaks

        sweep = await dp["sweeper"].run_once(bot)

        assert isinstance(sweep.error, PanelHTTPError)
        assert (sweep.requests, sweep.recorded) == (1, 100)
        assert len(await OrdersRepo(db).list_to_follow()) == 50

        emulator.clear_faults()
        sweep = await dp["sweeper"].run_once(bot)
        assert sweep.error is None
        assert await OrdersRepo(db).list_to_follow() == []
        assert len(await news(db)) == 150


def test_failed_sweeps_back_off_doubling_up_to_a_cap() -> None:
    sweeper = Sweeper(
        orders=None,  # type: ignore[arg-type]
        panel=None,  # type: ignore[arg-type]
        follower=None,  # type: ignore[arg-type]
        refills=None,  # type: ignore[arg-type]
        refill_follower=None,  # type: ignore[arg-type]
        alerts=None,  # type: ignore[arg-type]
        interval=60,
    )
    assert [sweeper.delay_after(n) for n in range(6)] == [60, 120, 240, 480, MAX_BACKOFF, 600]
    assert sweeper.delay_after(10_000) == MAX_BACKOFF
    sweeper.interval = 3600  # an interval beyond the cap is never shortened
    assert sweeper.delay_after(3) == 3600


async def test_the_loop_backs_off_and_tells_the_admins_once(
    settings: Settings, db: Database, emulator: PanelEmulator, bot: Bot, translator
) -> None:
    fast = settings.model_copy(update={"status_poll_interval": 0.01})
    async with PanelClient(fast.panel_url, fast.panel_api_key, read_attempts=1) as panel:
        dp = create_dispatcher(settings=fast, db=db, panel=panel, translator=translator)
        await place(db, emulator)
        emulator.fault(FaultKind.HTTP_500, action="status")
        sweeper: Sweeper = dp["sweeper"]
        started = time.monotonic()
        sweeper.start(bot)
        try:
            await wait_for(lambda: sweeper.failures >= 5)
            took = time.monotonic() - started
        finally:
            await sweeper.stop(5)
        # Backing off: between the 5 failed sweeps it waited 0.01 x (2 + 4 + 8 + 16) s.
        assert took >= 0.3
        assert len(emulator.calls("status")) in (5, 6)
        (alert,) = admin_texts(bot)
        assert alert.startswith(
            f"⚠️ Order status checks failed {FAILURES_BEFORE_ALERT} times in a row:"
            " panel status: HTTP 500"
        )


async def test_sweeps_never_overlap(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    await place(db, emulator)
    emulator.fault(FaultKind.DELAY, action="status", delay=0.3, times=2)
    started = time.monotonic()
    await asyncio.gather(dp["sweeper"].run_once(bot), dp["sweeper"].run_once(bot))
    assert time.monotonic() - started >= 0.6


async def test_started_and_stopped_with_the_dispatcher_shutdown_waits_for_a_sweep(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    emulator.fault(FaultKind.DELAY, action="status", delay=0.5, times=1)

    await dp.emit_startup(bot=bot, **dp.workflow_data)
    assert dp["sweeper"].running
    assert dp["outbox_sender"].running
    await wait_for(lambda: bool(emulator.calls("status")))  # the first sweep is under way
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)

    assert not dp["sweeper"].running
    assert not dp["outbox_sender"].running
    assert (await reload(db, order)).status == Status.COMPLETED  # its answer was recorded


async def test_a_database_from_before_following_is_upgraded_in_place(
    tmp_path, bot: Bot, settings: Settings, panel: PanelClient, translator, emulator
) -> None:
    """Orders placed by the release before this one are followed after the upgrade."""
    following = next(n for n, script in enumerate(MIGRATIONS, 1) if "CREATE TABLE outbox" in script)
    path = tmp_path / "old.sqlite3"
    now = "2026-01-01T00:00:00.000000Z"
    with sqlite3.connect(path, isolation_level=None) as conn:
        for script in MIGRATIONS[: following - 1]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {following - 1}")
        conn.execute(
            "INSERT INTO users (id, language, balance, created_at, updated_at)"
            " VALUES (1001, 'ru', 0, ?, ?)",
            (now, now),
        )
        conn.execute(
            "INSERT INTO orders (user_id, panel_order_id, service_id, service_name,"
            " service_type, service_category, rate, can_cancel, can_refill, link, quantity,"
            " charge, status, created_at, updated_at)"
            " VALUES (1001, '23501', 1, 'Members', 'Default', 'Telegram', 6000000000, 1, 0,"
            " 'https://t.me/x', 100, 1200000000, 'Pending', ?, ?)",
            (now, now),
        )
    conn.close()
    emulator.set_status(emulator.add_order(quantity=100).id, "Completed", remains=0)

    async with await Database.open(path) as db:
        assert await db.schema_version() == len(MIGRATIONS)
        (order,) = await OrdersRepo(db).list_to_follow()
        assert (order.cancel_requested_at, order.panel_misses) == (None, 0)
        dp = create_dispatcher(settings=settings, db=db, panel=panel, translator=translator)
        await dp["sweeper"].run_once(bot)
        assert await dp["outbox_sender"].run_once(bot) == {Delivery.SENT: 1}
    assert bot.session.of_type(SendMessage)[-1].text == (  # type: ignore[attr-defined]
        "✅ Ваш заказ #1 (Members, 100) выполнен."
    )


async def test_a_panel_charge_above_the_expected_cost_is_told_once(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    await dp["catalogue"].current()  # amounts show the panel's currency once it is known
    order = await place(db, emulator, quantity=100)  # 60.00 per 1000: 6.00000 expected
    emulator.set_status(order.panel_order_id or "", "In progress", charge=Decimal("6.00001"))
    await dp["sweeper"].run_once(bot)
    assert admin_texts(bot) == []  # one step of the panel's rounding is no reason to worry
    emulator.set_status(order.panel_order_id or "", "In progress", charge=Decimal("7.5"))
    await dp["sweeper"].run_once(bot)
    emulator.set_status(order.panel_order_id or "", "Completed", charge=Decimal("7.5"))
    await dp["sweeper"].run_once(bot)
    [alert] = admin_texts(bot)
    assert f"Order #{order.id}" in alert
    assert "the panel charged 7.50 UZS, more than the 6.00 UZS expected" in alert
    assert (await reload(db, order)).panel_charge == Decimal("7.5")
