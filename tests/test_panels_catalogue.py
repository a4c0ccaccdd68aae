"""One catalogue of three panels over real HTTP (issue 26, point 2), and the start-up check
of each panel (point 1): numbers that never collide, prices in the shop's money, a panel
that fails left out or kept, admins told which panel is down while the shop goes on."""

from __future__ import annotations

import logging
from decimal import Decimal
from pathlib import Path

import pytest

from bot.panel.panels import SLOT_BLOCK
from bot.settings import Settings
from bot.storage import OrdersRepo
from tests.conftest import SECOND, fund, several_settings
from tests.harness import BotClient, buttons, texts
from tests.helpers import balance_of
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_flow import MEMBERS, to_service

CHEAP = "Telegram Members — Cheap"
SECOND_7 = 2 * SLOT_BLOCK + 7


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    return several_settings(tmp_path, emulator, emulator2, emulator3)


async def test_every_panels_services_in_one_catalogue_numbered_and_priced_in_the_shops_money(
    dp,
) -> None:
    snapshot = await dp["catalogue"].current()
    sold = {
        service.id: (service.panel, service.panel_id, service.rate, service.panel_rate)
        for service in snapshot.all_services.values()
    }
    assert sold == {
        1: ("", 1, Decimal("60.00000"), Decimal("60.00000")),
        3: ("", 3, Decimal("36.00000"), Decimal("36.00000")),
        # USD at 12500 so'm: the second panel's own 1 is 2000001, never the main panel's 1.
        2 * SLOT_BLOCK + 1: (SECOND, 1, Decimal("6250.00000"), Decimal("0.50000")),
        SECOND_7: (SECOND, 7, Decimal("40.00000"), Decimal("0.00320")),
        # RUB at 140 so'm.
        3 * SLOT_BLOCK + 5: ("steady", 5, Decimal("280.00000"), Decimal("2.00000")),
    }
    assert snapshot.currency == "UZS"  # the main panel's, whatever the others use
    assert [c.name for c in snapshot.categories] == [
        "Telegram Members",
        "Telegram Votes",
        "Instagram",
        "YouTube",
    ]
    # One category may hold services of two panels.
    [members] = [c for c in snapshot.categories if c.name == "Telegram Members"]
    assert [s.id for s in members.services] == [1, SECOND_7]
    assert [s.id for s in snapshot.search("youtube")] == [3 * SLOT_BLOCK + 5]


async def test_a_customer_orders_the_second_panels_service_and_it_is_placed_there(
    client: BotClient, db, emulator: PanelEmulator, emulator2, emulator3
) -> None:
    await fund(db, client.user.id, "10")
    await client.send("/order")
    await client.click_text("Telegram Members")
    # 40 so'm per 1000 at the panel, with the shop's 20 %: 48.
    labels = [label for label, _ in buttons(client.bot_messages()[-1].reply_markup)]
    assert f"{MEMBERS} · 72.00 UZS" in labels
    assert f"{CHEAP} · 48.00 UZS" in labels
    card = texts(await client.click_text(f"{CHEAP} · 48.00 UZS"))[-1]
    assert "Price: 48.00 UZS per 1000" in card
    assert "panel" not in card.lower()  # customers never see a panel
    await client.send("@durov")
    summary = texts(await client.send("100"))[-1]
    assert "To pay: <b>4.80 UZS</b>" in summary
    done = texts(await client.click_text("✅ Confirm and pay"))
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    assert any(f"#{order.id}" in text for text in done)
    [add] = emulator2.calls("add")
    assert (add["service"], add["link"], add["quantity"]) == ("7", "https://t.me/durov", "100")
    assert emulator.calls("add") == []
    assert emulator3.calls("add") == []
    assert (order.status, order.panel, order.panel_service_id) == ("Pending", SECOND, 7)
    assert (order.service_id, order.rate, order.charge) == (
        SECOND_7,
        Decimal("0.00320"),
        Decimal("4.80"),
    )
    assert order.panel_order_id == str(next(iter(emulator2.orders)))
    assert await balance_of(db, client.user.id) == Decimal("5.20")


async def test_admins_see_a_services_panel_and_its_id_there(
    admin: BotClient, client: BotClient
) -> None:
    await to_service(admin, "Telegram Members", CHEAP)
    card = str(admin.bot_messages()[-1].text)
    assert "🔌 panel cheap, No. 7 there" in card
    await to_service(admin, "Telegram Members", MEMBERS)
    card = str(admin.bot_messages()[-1].text)
    assert "For admins" in card
    assert "🔌" not in card  # the main panel's: numbered as on the panel itself
    await to_service(client, "Telegram Members", CHEAP)
    assert "🔌" not in str(client.bot_messages()[-1].text)


async def test_a_panel_that_fails_is_left_out_then_keeps_its_last_list(
    dp, emulator2: PanelEmulator, caplog
) -> None:
    catalogue = dp["catalogue"]
    emulator2.fault(FaultKind.HTTP_500, action="services")
    with caplog.at_level(logging.WARNING):
        first = await catalogue.reload()
    numbers = set(first[0].all_services)
    assert numbers == {1, 3, 3 * SLOT_BLOCK + 5}
    assert "panel cheap: services not fetched" in caplog.text
    assert "left out until it answers" in caplog.text
    emulator2.clear_faults()
    numbers = set((await catalogue.reload())[0].all_services)
    assert SECOND_7 in numbers
    emulator2.fault(FaultKind.HTTP_500, action="services")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        snapshot, changes = await catalogue.reload()
    assert SECOND_7 in snapshot.all_services  # its last list, kept
    assert "its last list kept" in caplog.text
    assert not changes.removed


async def test_a_silent_panels_services_are_not_reported_gone(
    dp, emulator2: PanelEmulator, bot
) -> None:
    catalogue = dp["catalogue"]
    await catalogue.reload()
    # A restart forgets the lists; the second panel is down when the bot comes back.
    restarted = type(catalogue)(
        dp["panels"],
        600,
        sellable=lambda service: True,
        shop=type(dp["shop"])(dp["db"]),
    )
    emulator2.fault(FaultKind.HTTP_500, action="services")
    snapshot, changes = await restarted.reload()
    assert SECOND_7 not in snapshot.all_services
    assert changes.removed == []
    emulator2.clear_faults()
    snapshot, changes = await restarted.reload()
    assert SECOND_7 in snapshot.services  # still shown: it never went
    assert changes.added == []


async def test_with_every_panel_down_the_refresh_fails_as_with_one(
    dp, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> None:
    for emu in (emulator, emulator2, emulator3):
        emu.fault(FaultKind.HTTP_500, action="services")
    with pytest.raises(Exception, match="HTTP 500"):
        await dp["catalogue"].reload()


async def test_curation_and_price_change_reports_work_on_another_panels_services(
    admin: BotClient, client: BotClient, emulator2: PanelEmulator
) -> None:
    shown = "\n".join(texts(await admin.send(f"/hide {SECOND_7}")))
    assert CHEAP in shown
    await client.send("/order")
    await client.click_text("Telegram Members")
    labels = [label for label, _ in buttons(client.bot_messages()[-1].reply_markup)]
    assert not any(label.startswith(CHEAP) for label in labels)
    await admin.send(f"/show {SECOND_7}")
    await admin.send(f"/markup {SECOND_7} 50")
    # The second panel raises its rate: reported in the shop's money, by the shop's number.
    emulator2.services[7].rate = Decimal("0.00400")
    report = "\n".join(texts(await admin.send("/refresh")))
    assert f"#{SECOND_7} {CHEAP}: 40.00 → 50.00" in report
    await client.send("/order")
    await client.click_text("Telegram Members")
    labels = [label for label, _ in buttons(client.bot_messages()[-1].reply_markup)]
    assert f"{CHEAP} · 75.00 UZS" in labels  # 50 so'm per 1000 and its own 50 %
