"""Several panels (issue 26): the settings, `Panels`, and an order placed on its own panel."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from aiogram import Bot

from bot.app import create_dispatcher
from bot.orders.placement import Outcome
from bot.panel import Service
from bot.panel.panels import SLOT_BLOCK, Panels, UnknownPanel
from bot.settings import Settings, SettingsError, load_settings
from bot.storage import Database, OrdersRepo
from tests.conftest import (
    SECOND,
    SECOND_RATE,
    THIRD,
    THIRD_RATE,
    fund,
    settings_with,
    several_settings,
)
from tests.panel_emulator import PanelEmulator
from tests.test_storage import quote


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    return several_settings(tmp_path, emulator, emulator2, emulator3)


# --- settings --------------------------------------------------------------------------------


def test_panels_come_in_slot_order_with_the_main_one_first(settings: Settings) -> None:
    main, second, third = settings.panels
    assert (main.slot, main.name, main.rate, main.main) == (1, "main", Decimal(1), True)
    assert (second.slot, second.name, second.rate) == (2, SECOND, SECOND_RATE)
    assert (third.slot, third.name, third.rate) == (3, THIRD, THIRD_RATE)
    assert second.api_key.get_secret_value() == "second-panel-key"


def test_a_single_panel_env_has_the_main_panel_alone(tmp_path: Path, emulator) -> None:
    [main] = settings_with(tmp_path, emulator).panels
    assert (main.name, main.api_url) == ("main", emulator.url)


def test_names_are_compared_in_any_case_and_kept_in_lower_case(tmp_path, emulator) -> None:
    named = settings_with(
        tmp_path,
        emulator,
        panel_name="Big",
        panel4_name="Cheap",
        panel4_api_url="http://127.0.0.1:1/api/v2",
        panel4_api_key="k",
        panel4_rate="0.5",
    )
    assert [(p.slot, p.name) for p in named.panels] == [(1, "big"), (4, "cheap")]
    with pytest.raises(SettingsError) as raised:
        settings_with(
            tmp_path,
            emulator,
            panel_name="cheap",
            panel2_name="CHEAP",
            panel2_api_url="http://127.0.0.1:1/api/v2",
            panel2_api_key="k",
            panel2_rate="1",
        )
    assert raised.value.lines == [
        "PANEL_NAME is cheap, as is PANEL2_NAME: each panel needs a name of its own"
    ]


@pytest.mark.parametrize(
    ("given", "line"),
    [
        (
            {"panel2_name": "x", "panel2_api_url": "http://127.0.0.1:1/api/v2"},
            "PANEL2 is incomplete: PANEL2_API_KEY, PANEL2_RATE missing (a panel needs all four"
            " of PANEL2_NAME, PANEL2_API_URL, PANEL2_API_KEY, PANEL2_RATE)",
        ),
        (
            {"panel9_api_key": "secret-nine"},
            "PANEL9 is incomplete: PANEL9_NAME, PANEL9_API_URL, PANEL9_RATE missing (a panel"
            " needs all four of PANEL9_NAME, PANEL9_API_URL, PANEL9_API_KEY, PANEL9_RATE)",
        ),
        (
            {
                "panel3_name": "two words",
                "panel3_api_url": "http://127.0.0.1:1/api/v2",
                "panel3_api_key": "k",
                "panel3_rate": "1",
            },
            "PANEL3_NAME is malformed (got 'two words'): expected panel 3's short name, 1 to 16"
            " of a-z, 0-9, _ and -, not another panel's, like cheap",
        ),
        (
            {
                "panel2_name": "b",
                "panel2_api_url": "http://127.0.0.1:1/api/v2",
                "panel2_api_key": "k",
                "panel2_rate": "0",
            },
            "PANEL2_RATE is malformed (got '0'): expected what one unit of panel 2's money is"
            " worth in the shop's (the main panel's), a number above 0, like 1 or 0.000079",
        ),
        (
            {
                "panel2_name": "b",
                "panel2_api_url": "http://127.0.0.1:1/api/v2",
                "panel2_api_key": "k",
                "panel2_rate": "NaN",
            },
            "PANEL2_RATE is malformed (got 'NaN'): expected what one unit of panel 2's money is"
            " worth in the shop's (the main panel's), a number above 0, like 1 or 0.000079",
        ),
    ],
)
def test_a_bad_slot_is_one_line_naming_what_is_wrong(tmp_path, emulator, given, line) -> None:
    with pytest.raises(SettingsError) as raised:
        settings_with(tmp_path, emulator, **given)
    assert raised.value.lines == [line]


def test_a_slots_key_is_never_shown(tmp_path, emulator) -> None:
    with pytest.raises(SettingsError) as raised:
        settings_with(tmp_path, emulator, panel5_api_key="very-secret-five")
    assert "very-secret-five" not in "\n".join(raised.value.lines)
    named = load_settings(
        _env_file=None,
        bot_token="1:abc",
        panel_api_url="http://127.0.0.1:1/api/v2",
        panel_api_key="k",
        panel2_name="b",
        panel2_api_url="http://127.0.0.1:2/api/v2",
        panel2_api_key="very-secret-two",
        panel2_rate="1",
    )
    assert "very-secret-two" not in repr(named)


# --- Panels ----------------------------------------------------------------------------------


async def test_panels_by_name_key_and_order(panels: Panels) -> None:
    main, second, third = panels
    assert panels.main is main
    assert main.main
    assert not second.main
    assert panels.get("CHEAP") is second
    assert panels.get("nobody") is None
    assert panels.of(quote(1, "t")) is main  # an order from before: panel ''
    assert panels.of(replace(quote(1, "t"), panel=THIRD)) is third
    with pytest.raises(UnknownPanel):
        panels.of(replace(quote(1, "t"), panel="renamed"))


def test_numbers_keep_the_main_panels_and_give_others_a_block_each() -> None:
    lone = Panels.single(client=None)  # type: ignore[arg-type]  # never called here
    assert lone.main.number(123) == 123
    second = replace(lone.main, slot=2, name=SECOND)
    assert second.number(123) == 2 * SLOT_BLOCK + 123
    assert second.number(SLOT_BLOCK) is None  # would reach the next slot's block
    assert second.to_shop(Decimal("0.5")) == Decimal("0.5") * second.rate


def test_a_service_of_the_main_panel_is_its_own_id_and_rate() -> None:
    service = Service(7, "x", "Default", "c", Decimal("1.5"), 1, 10)
    assert (service.panel, service.panel_id, service.panel_rate) == ("", 7, Decimal("1.5"))


# --- placement -------------------------------------------------------------------------------


async def test_an_order_of_the_second_panels_service_is_placed_there(
    settings: Settings,
    db: Database,
    panel,
    panels: Panels,
    translator,
    bot: Bot,
    emulator: PanelEmulator,
    emulator2: PanelEmulator,
    emulator3: PanelEmulator,
) -> None:
    dp = create_dispatcher(
        settings=settings, db=db, panel=panel, translator=translator, panels=panels
    )
    await fund(db, 1001, "100")
    orders = OrdersRepo(db)
    second = panels.get(SECOND)
    assert second is not None
    new = replace(
        quote(1001, "t-second", "60.00", 100),
        service_id=second.number(7) or 0,
        panel=SECOND,
        panel_service_id=7,
        rate=Decimal("0.00320"),
    )
    order = await orders.create_and_charge(new)
    told: list[str] = []

    async def tell(key: str, values: object) -> None:
        told.append(key)

    placement = await dp["checkout"]._placer.place(bot, order, tell)
    assert placement.outcome is Outcome.PLACED
    assert told == ["order-placed"]
    [add] = emulator2.calls("add")
    assert (add["service"], add["quantity"]) == ("7", "100")
    assert emulator.calls("add") == []
    assert emulator3.calls("add") == []
    placed = await orders.get(order.id)
    assert placed is not None
    assert (placed.panel, placed.panel_service_id, placed.service_on_panel) == (SECOND, 7, 7)
    assert placed.panel_order_id == str(next(iter(emulator2.orders)))


async def test_mark_placed_records_the_panel_that_took_it(db: Database) -> None:
    await fund(db, 1001, "10")
    orders = OrdersRepo(db)
    order = await orders.create_and_charge(quote(1001, "t-1", "3.60", 100))
    moved = await orders.mark_placed(order.id, "23501", panel=THIRD, panel_service_id=5)
    assert (moved.panel, moved.panel_service_id, moved.panel_order_id) == (THIRD, 5, "23501")
    # The same panel id on another panel is another order.
    other = await orders.create_and_charge(quote(1001, "t-2", "3.60", 100))
    placed = await orders.mark_placed(other.id, "23501")
    assert (placed.panel, placed.panel_service_id, placed.service_on_panel) == ("", None, 7)


async def test_a_panel_id_two_panels_share_names_the_customers_newest_order(db: Database) -> None:
    await fund(db, 1001, "10")
    orders = OrdersRepo(db)
    older = await orders.create_and_charge(quote(1001, "t-old", "3.60", 100))
    await orders.mark_placed(older.id, "23501")
    newer = await orders.create_and_charge(quote(1001, "t-new", "3.60", 100))
    await orders.mark_placed(newer.id, "23501", panel=THIRD, panel_service_id=5)
    found = await orders.get_for_user_by_panel_id(1001, "23501")
    assert found is not None
    assert found.id == newer.id
