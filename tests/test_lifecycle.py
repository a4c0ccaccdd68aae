"""Start-up and shutdown: a placement in flight finishes before anything closes."""

from __future__ import annotations

import asyncio

from bot.storage import OrdersRepo
from bot.telegram.inflight import InFlight
from tests.conftest import fund
from tests.harness import BotClient
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_flow import to_summary


async def wait_for(condition, seconds: float = 5.0) -> None:
    async with asyncio.timeout(seconds):
        # Polls: the conditions are other components' state, with no event to wait on.
        while not condition():  # noqa: ASYNC110
            await asyncio.sleep(0.01)


async def test_shutdown_waits_for_a_placement_in_flight(
    client: BotClient, db, emulator: PanelEmulator, dp, bot
) -> None:
    await fund(db, client.user.id, "10")
    await to_summary(client)
    emulator.fault(FaultKind.DELAY, action="add", delay=0.5)
    tap = asyncio.create_task(client.click_text("✅ Confirm and pay"))
    await wait_for(lambda: emulator.calls("add"))  # the panel has the request now
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)
    # Shutdown returned only after the handler recorded the panel's answer.
    assert tap.done()
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    assert (order.status, order.panel_order_id) == ("Pending", "23501")


async def test_drain_gives_up_after_its_time() -> None:
    inflight = InFlight()
    release = asyncio.Event()

    async def slow(event: object, data: dict[str, object]) -> None:
        await release.wait()

    running = asyncio.create_task(inflight(slow, object(), {}))  # type: ignore[arg-type]
    await asyncio.sleep(0)
    assert inflight.running == 1
    assert await inflight.drain(0.05) is False
    release.set()
    await running
    assert await inflight.drain(0.05) is True


async def test_startup_warms_the_catalogue_in_the_background(
    dp, bot, emulator: PanelEmulator
) -> None:
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    catalogue = dp["catalogue"]
    await wait_for(lambda: catalogue.snapshot is not None)
    assert catalogue.currency == "UZS"
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)


async def test_commands_are_registered_per_language_and_failures_do_not_stop_startup(
    dp, bot, caplog
) -> None:
    from aiogram.exceptions import TelegramBadRequest
    from aiogram.methods import SetMyCommands
    from aiogram.types import BotCommandScopeChat, BotCommandScopeDefault

    from bot.telegram.commands import ADMIN_COMMANDS, CUSTOMER_COMMANDS
    from tests.conftest import ADMIN_ID

    session = bot.session
    refused = TelegramBadRequest(SetMyCommands(commands=[]), "Bad Request: chat not found")
    # the default menu in English fails once; the admin's chat is refused (never opened)
    session.plan(SetMyCommands, True, refused, True, True, refused)
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    calls = session.of_type(SetMyCommands)
    default = [c for c in calls if isinstance(c.scope, BotCommandScopeDefault)]
    assert [c.language_code for c in default] == [None, "en", "ru", "uz"]
    russian = {c.command: c.description for c in default[2].commands}
    assert russian["order"] == "Сделать новый заказ"
    # /referral only where referrals are on (tests/test_referrals.py); here they are off.
    customer = tuple(name for name in CUSTOMER_COMMANDS if name != "referral")
    assert tuple(russian) == customer
    # the admin's own menu: customer commands and admin ones, one try for a chat that refuses
    [admin] = [c for c in calls if isinstance(c.scope, BotCommandScopeChat)]
    assert admin.scope.chat_id == ADMIN_ID
    assert tuple(c.command for c in admin.commands) == customer + ADMIN_COMMANDS
    assert "setMyCommands (default, en) failed" in caplog.text
    assert f"setMyCommands (admin {ADMIN_ID}, any) failed" in caplog.text
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)


async def test_each_admin_gets_a_menu_in_every_language(dp, bot) -> None:
    from aiogram.methods import SetMyCommands
    from aiogram.types import BotCommandScopeChat

    await dp.emit_startup(bot=bot, **dp.workflow_data)
    admin = [
        c for c in bot.session.of_type(SetMyCommands) if isinstance(c.scope, BotCommandScopeChat)
    ]
    assert [c.language_code for c in admin] == [None, "en", "ru", "uz"]
    uzbek = {c.command: c.description for c in admin[3].commands}
    assert uzbek["stats"] == "Doʻkon statistikasi (administratorlar)"
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)


def test_a_second_process_on_the_same_database_is_refused(tmp_path) -> None:
    import pytest

    from bot.single import AlreadyRunning, only_instance

    database = tmp_path / "data" / "bot.sqlite3"
    with only_instance(database), pytest.raises(AlreadyRunning), only_instance(database):
        pass
    with only_instance(database):  # released when the first one ended
        pass
