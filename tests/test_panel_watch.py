"""The panel's balance watched: admins hear once per crossing, and once per run of refusals."""

from __future__ import annotations

from decimal import Decimal

from bot.notify.alerts import Alerts
from bot.notify.panel_watch import PanelBalanceWatch
from bot.storage import Database, ShopStateRepo, UsersRepo
from tests.conftest import MakeClient, fund
from tests.helpers import admin_texts
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_order_flow import to_summary


def watch(dp, db: Database, threshold: str) -> PanelBalanceWatch:
    """A watch on `db`, as the bot builds one (also on a reopened file after a restart)."""
    return PanelBalanceWatch(
        panel=dp["panel"],
        state=ShopStateRepo(db),
        alerts=Alerts(dp["settings"], UsersRepo(db), dp["translator"]),
        threshold=Decimal(threshold),
        interval=60,
    )


async def test_once_per_crossing_also_across_a_restart(
    dp, db, bot, emulator: PanelEmulator, settings
) -> None:
    low = watch(dp, db, "50")
    assert await low.run_once(bot) == Decimal("100.84292")
    assert admin_texts(bot) == []
    emulator.balance = Decimal("40")
    for _ in range(3):
        await low.run_once(bot)
    assert admin_texts(bot) == [
        "⚠️ The panel's balance is 40.00 UZS, below 50.00 UZS. "
        "Top it up before orders start failing."
    ]
    # A restart: a new connection and a new watch on the same file stay quiet.
    await db.close()
    async with await Database.open(settings.database_path) as reopened:
        again = watch(dp, reopened, "50")
        await again.run_once(bot)
        assert len(admin_texts(bot)) == 1
        emulator.balance = Decimal("60")
        await again.run_once(bot)
        await again.run_once(bot)
        assert admin_texts(bot)[1:] == [
            "✅ The panel's balance is 60.00 UZS again, above the alert threshold."
        ]
        emulator.balance = Decimal("10")
        await again.run_once(bot)
        assert len(admin_texts(bot)) == 3


async def test_no_threshold_no_balance_alerts(dp, db, bot, emulator: PanelEmulator) -> None:
    emulator.balance = Decimal("0.5")
    await watch(dp, db, "0").run_once(bot)
    assert admin_texts(bot) == []


async def test_a_panel_that_cant_be_used_is_told_once_and_when_it_answers_again(
    dp, db, bot, emulator: PanelEmulator
) -> None:
    emulator.fault(FaultKind.HTTP_500, action="balance")
    down = watch(dp, db, "0")
    assert await down.run_once(bot) is None
    assert await down.run_once(bot) is None
    [alert] = admin_texts(bot)
    assert alert.startswith("⛔ The panel can't be used: panel balance: HTTP 500")
    emulator.clear_faults()
    assert await down.run_once(bot) == Decimal("100.84292")
    assert admin_texts(bot)[1:] == ["✅ The panel answers again: customers can order."]
    await down.run_once(bot)
    assert len(admin_texts(bot)) == 2


async def test_a_wrong_key_is_told_at_every_start(dp, db, bot, emulator: PanelEmulator) -> None:
    """The admin may have just edited `.env`: a restart with the key still wrong says so."""
    emulator.key = "the-right-key"
    for _ in range(2):  # two starts: a new watch each time
        restarted = watch(dp, db, "0")
        await restarted.run_once(bot)
        await restarted.run_once(bot)
    alerts = admin_texts(bot)
    assert len(alerts) == 2
    assert all("Invalid API key" in alert for alert in alerts)


async def test_refusals_are_reported_once_until_an_order_goes_through(
    make_client: MakeClient, db, bot, emulator: PanelEmulator
) -> None:
    customers = [make_client(user_id=8000 + n) for n in range(3)]
    for customer in customers:
        await fund(db, customer.user.id, "20")
    emulator.balance = Decimal("1")  # every add is refused: "Not enough funds on balance"
    for customer in customers[:2]:
        await to_summary(customer)
        await customer.click_text("✅ Confirm and pay")
    [alert] = admin_texts(bot)
    assert 'with "Not enough funds on balance"' in alert
    assert "further refusals like this one are not reported" in alert
    # the reseller tops the panel up: an order goes through, and the next refusal is news
    emulator.balance = Decimal("100")
    await to_summary(customers[2])
    await customers[2].click_text("✅ Confirm and pay")
    emulator.balance = Decimal("1")
    await to_summary(customers[0])
    await customers[0].click_text("✅ Confirm and pay")
    assert len(admin_texts(bot)) == 2


async def test_the_watch_runs_from_startup_to_shutdown(dp, bot) -> None:
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    assert dp["panel_watch"].running
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)
    assert not dp["panel_watch"].running
