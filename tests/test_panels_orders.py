"""Each order remembers its panel (issue 26, point 4), over three panel emulators and real
HTTP: sweeps ask each panel about its own orders only (one batch of at most 100 ids a call
per panel), refills, refill statuses, cancels and Refresh go to the order's panel, admins see
the panel and its id, customers one number; the inline lookup finds every order a panel id
names. Every emulator numbers its orders from 23501, so ids repeat across panels here."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher

from bot.orders.sweeper import Sweep
from bot.settings import Settings
from bot.storage import Database, Order, OrdersRepo, ShopStateRepo
from bot.telegram.callbacks import OrderCb
from tests.conftest import SECOND, THIRD, fund, several_settings
from tests.harness import BotClient, texts
from tests.helpers import admin_texts
from tests.order_factory import place
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_flow import to_service
from tests.test_orders import card_of


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    return several_settings(tmp_path, emulator, emulator2, emulator3)


def asked(emulator: PanelEmulator, action: str, field: str = "orders") -> list[list[str]]:
    """The ids each `action` request named, one list a request."""
    return [form.get(field, form.get("order", "")).split(",") for form in emulator.calls(action)]


async def to_cheap_summary(client: BotClient) -> None:
    """The customer's summary of 100 of the second panel's members (48.00 UZS per 1000)."""
    await to_service(client, "Telegram Members", "Telegram Members — Cheap")
    await client.send("@durov")
    await client.send("100")


async def three(
    db: Database, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> tuple[Order, Order, Order]:
    """One order on each panel, each the panel's order 23501."""
    main = await place(db, emulator, user_id=1001)
    cheap = await place(db, emulator2, user_id=1001, on_panel=SECOND, service=7)
    steady = await place(db, emulator3, user_id=1001, on_panel=THIRD, service=5)
    assert {o.panel_order_id for o in (main, cheap, steady)} == {"23501"}
    return main, cheap, steady


async def test_a_sweep_asks_each_panel_about_its_own_orders(
    dp: Dispatcher, db: Database, bot: Bot, emulator, emulator2, emulator3
) -> None:
    main, cheap, steady = await three(db, emulator, emulator2, emulator3)
    emulator2.set_status(23501, "Completed", remains=0)
    emulator3.set_status(23501, "In progress", remains=50)
    sweep: Sweep = await dp["sweeper"].run_once(bot)
    assert (sweep.asked, sweep.recorded, sweep.error) == (3, 3, None)
    assert sweep.requests_by_panel == {"main": 1, SECOND: 1, THIRD: 1}
    for emu in (emulator, emulator2, emulator3):
        assert asked(emu, "status") == [["23501"]]
    orders = OrdersRepo(db)
    assert [(await orders.get(o.id)).status for o in (main, cheap, steady)] == [  # type: ignore[union-attr]
        "Pending",
        "Completed",
        "In progress",
    ]


async def test_at_most_100_ids_a_call_in_one_batch_per_panel(
    dp: Dispatcher, db: Database, bot: Bot, emulator, emulator2, emulator3
) -> None:
    for _ in range(101):
        await place(db, emulator2, on_panel=SECOND, service=7, charge="0.10")
    await place(db, emulator)
    sweep: Sweep = await dp["sweeper"].run_once(bot)
    assert sweep.requests_by_panel == {"main": 1, SECOND: 2}
    assert [len(ids) for ids in asked(emulator2, "status")] == [100, 1]
    assert asked(emulator, "status") == [["23501"]]
    assert emulator3.calls("status") == []
    assert sweep.recorded == 102


async def test_a_panel_that_fails_stops_only_its_own_part_of_the_sweep(
    dp: Dispatcher, db: Database, bot: Bot, emulator, emulator2, emulator3
) -> None:
    _main, cheap, steady = await three(db, emulator, emulator2, emulator3)
    emulator2.fault(FaultKind.HTTP_500)
    emulator.set_status(23501, "Completed", remains=0)
    emulator3.set_status(23501, "Completed", remains=0)
    sweep: Sweep = await dp["sweeper"].run_once(bot)
    assert sweep.error is not None
    assert sweep.recorded == 2
    orders = OrdersRepo(db)
    assert (await orders.get(steady.id)).status == "Completed"  # type: ignore[union-attr]
    assert (await orders.get(cheap.id)).status == "Pending"  # type: ignore[union-attr]


async def test_refill_cancel_and_refresh_go_to_the_orders_panel(
    client: BotClient, dp: Dispatcher, db: Database, bot: Bot, emulator, emulator2, emulator3
) -> None:
    _main, cheap, steady = await three(db, emulator, emulator2, emulator3)
    # Cancel the second panel's order.
    await client.click(OrderCb(action="view", id=cheap.id, page=0))
    await client.click(OrderCb(action="cancel", id=cheap.id, page=0))
    card = card_of(await client.click(OrderCb(action="cancel-yes", id=cheap.id, page=0)))
    assert "cheap" not in card.text  # customers never see a panel
    assert asked(emulator2, "cancel") == [["23501"]]
    assert emulator.calls("cancel") == []
    assert emulator3.calls("cancel") == []
    assert emulator2.orders[23501].cancel_requests == 1
    # Refresh the third panel's order: asked there only.
    emulator3.set_status(23501, "Partial", remains=40)
    card = card_of(await client.click(OrderCb(action="refresh", id=steady.id, page=0)))
    assert "partial" in card.text.lower()
    assert asked(emulator3, "status") == [["23501"]]
    assert emulator.calls("status") == []
    # Refill another order of the third panel, and follow the refill there.
    refill_order = await place(
        db, emulator3, user_id=1001, on_panel=THIRD, service=5, can_refill=True
    )
    emulator3.set_status(refill_order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    card = card_of(await client.click(OrderCb(action="refill", id=refill_order.id, page=0)))
    assert "Refill" in card.text
    assert asked(emulator3, "refill", "order") == [[refill_order.panel_order_id]]
    assert emulator.calls("refill") == []
    assert emulator2.calls("refill") == []
    [panel_refill] = emulator3.refills_of(refill_order.panel_order_id or "")
    emulator3.set_refill_status(panel_refill.id, "Completed")
    await dp["sweeper"].run_once(bot)
    assert asked(emulator3, "refill_status", "refills")[-1] == [str(panel_refill.id)]
    assert emulator.calls("refill_status") == []
    assert emulator2.calls("refill_status") == []


async def test_admins_see_the_panel_and_its_id_customers_one_number(
    admin: BotClient, client: BotClient, db: Database, emulator, emulator2, emulator3
) -> None:
    main, cheap, steady = await three(db, emulator, emulator2, emulator3)
    shown = "\n".join(texts(await admin.send("/user 1001")))
    assert f"#{main.id} · No. 23501 ·" in shown
    assert f"#{cheap.id} · No. cheap:23501 ·" in shown
    assert f"#{steady.id} · No. steady:23501 ·" in shown
    card = card_of(await client.click(OrderCb(action="view", id=cheap.id, page=0)))
    assert f"#{cheap.id}" in card.text
    assert "23501" not in card.text
    assert "cheap" not in card.text


async def test_the_inline_lookup_by_a_panel_id_finds_every_match_of_the_asker(
    client: BotClient, db: Database, emulator, emulator2, emulator3
) -> None:
    main, cheap, steady = await three(db, emulator, emulator2, emulator3)
    # Another customer's order 23502 on the second panel is not the asker's.
    await place(db, emulator2, user_id=2002, on_panel=SECOND, service=7)
    await client.send("/start")
    [answer] = [r for r in await client.inline("23501") if hasattr(r, "results")]
    ids = {result.id for result in answer.results}
    assert ids == {f"order-{o.id}" for o in (main, cheap, steady)}
    [answer] = [r for r in await client.inline("23502") if hasattr(r, "results")]
    assert answer.results == []


async def test_an_order_of_unknown_outcome_names_its_panel_for_admins(
    client: BotClient, db: Database, bot: Bot, emulator, emulator2
) -> None:
    await fund(db, client.user.id, "10")
    await to_cheap_summary(client)
    emulator2.fault(FaultKind.HTTP_500, action="add", perform=True, times=1)
    await client.click_text("✅ Confirm and pay")
    [alert] = admin_texts(bot)
    assert "Service 2000007 (cheap:7): Telegram Members — Cheap" in alert


async def test_a_charge_above_the_cost_is_told_in_the_shops_money(
    dp: Dispatcher, db: Database, bot: Bot, emulator2
) -> None:
    await dp["catalogue"].current()  # the shop's currency: the main panel's
    # 100 of the second panel's service 7 at 0.0032 USD per 1000 should cost 0.00032 USD.
    order = await place(db, emulator2, on_panel=SECOND, service=7, charge="4.80")
    async with db.transaction() as tx:  # 0.00320 USD per 1000, in minor units
        await tx.execute("UPDATE orders SET rate = 320 WHERE id = ?", (order.id,))
    emulator2.set_status(23501, "Completed", remains=0, charge=Decimal("0.01"))
    await dp["sweeper"].run_once(bot)
    [alert] = admin_texts(bot)
    assert "cheap:23501" in alert
    # 0.01 USD and 0.00032 USD at 12500 so'm.
    assert "the panel charged 125.00 UZS, more than the 4.00 UZS expected" in alert


async def test_panels_shows_each_panel_to_admins_only(
    admin: BotClient,
    client: BotClient,
    dp: Dispatcher,
    db: Database,
    emulator,
    emulator2,
    emulator3,
) -> None:
    await dp["catalogue"].current()
    await three(db, emulator, emulator2, emulator3)
    await place(db, emulator2, on_panel=SECOND, service=7)
    emulator2.canned({"error": "Bad link"}, action="add")
    await fund(db, client.user.id, "10")
    await to_cheap_summary(client)
    await client.click_text("✅ Confirm and pay")  # refused by the second panel
    emulator3.fault(FaultKind.HTTP_500, action="balance")
    [shown] = texts(await admin.send("/panels"))
    main, cheap, steady = shown.split("\n\n")[1:]
    assert main == (
        "🔌 <b>main</b> (PANEL_…): the main panel, its money is the shop's\n"
        "✅ answers · balance 100.84292 UZS\n"
        "Services: 2 (2 shown) · open orders: 1 · refused in the last hour: 0"
    )
    assert cheap == (
        "🔌 <b>cheap</b> (PANEL2_…): one unit of its money is 12,500 of the shop's\n"
        "✅ answers · balance $40.00\n"
        "Services: 2 (2 shown) · open orders: 2 · refused in the last hour: 1"
    )
    assert steady.startswith(
        "🔌 <b>steady</b> (PANEL3_…): one unit of its money is 140 of the shop's\n"
        "⛔ can't be used: panel balance: HTTP 500"
    )
    assert steady.endswith("Services: 1 (1 shown) · open orders: 1 · refused in the last hour: 0")
    # Anyone else: an unknown command, nothing about the panels.
    assert "main" not in "\n".join(texts(await client.send("/panels")))


async def test_a_refusal_that_stops_a_panel_is_told_once_by_name(
    make_client, bot: Bot, db: Database, emulator: PanelEmulator, emulator2: PanelEmulator
) -> None:
    emulator2.fault(FaultKind.CANNED, action="add", body='{"error": "Not enough funds on balance"}')
    for user_id in (3001, 3002):
        customer = make_client(user_id=user_id)
        await fund(db, user_id, "10")
        await to_cheap_summary(customer)
        await customer.click_text("✅ Confirm and pay")
    [alert] = admin_texts(bot)
    assert alert.startswith('⚠️ Panel cheap refused order #1 with "Not enough funds on balance"')
    assert "its services can't be ordered until this is fixed" in alert
    # The main panel is not the one refusing: its own state is untouched.
    state = ShopStateRepo(db)
    assert await state.get("panel_refusing", "") == ""
    assert await state.get("panel_refusing:cheap", "") == "Not enough funds on balance"
