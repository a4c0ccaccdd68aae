"""Refills through the real Dispatcher and the emulator: the Refill button, one request per
tap, stale buttons, the panel's refusals, lost answers, and the sweep that follows a refill
to its end and tells the customer once. Money never moves for a refill."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerCallbackQuery

from bot.storage import Database, Order, OutboxRepo, RefillInProgress, RefillsRepo, RefillState
from bot.telegram.callbacks import OrderCb
from tests.conftest import MakeClient
from tests.harness import BotClient, texts
from tests.helpers import admin_texts, balance_of
from tests.order_factory import place
from tests.panel_emulator import FaultKind, PanelEmulator
from tests.test_orders import card_of

REFILL = "🔁 Refill"
REFRESH, AGAIN, ASK, BACK = "🔄 Refresh", "🛒 Order again", "💬 Ask about this order", "« My orders"
REQUESTED = "Refill: requested, in progress"
CHECKING = (
    "The refill request for this order is being checked: we did not get a clear answer."
    " Our admins are looking into it."
)


async def completed(
    db: Database, emulator: PanelEmulator, dp: Dispatcher, bot: Bot, **options: object
) -> Order:
    """A placed order of a refill service that a sweep saw Completed."""
    emulator.services[1].refill = True
    order = await place(db, emulator, can_refill=True, **options)  # type: ignore[arg-type]
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    return order


def tap(order: Order, action: str = "refill") -> OrderCb:
    return OrderCb(action=action, id=order.id, page=0)


def answer_of(sent: Sequence[object]) -> AnswerCallbackQuery:
    answers = [request for request in sent if isinstance(request, AnswerCallbackQuery)]
    assert len(answers) == 1, sent
    return answers[0]


async def news(db: Database, user_id: int = 1001) -> list[str]:
    return [row.key for row in await OutboxRepo(db).for_user(user_id)]


async def test_refill_journey_one_request_and_each_news_told_once(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    balance = await balance_of(db, 1001)

    card = card_of(await client.click(tap(order, "view")))
    assert "Status: <b>completed</b>" in card.text
    assert card.labels == [REFRESH, REFILL, AGAIN, ASK, BACK]

    sent = await client.click(tap(order))
    assert answer_of(sent).text == "Sending the refill request…"
    card = card_of(sent)
    assert REQUESTED in card.text
    assert card.text.endswith("🔁 Refill requested. We will tell you when it is done.")
    assert card.labels == [REFRESH, AGAIN, ASK, BACK]
    assert [form["order"] for form in emulator.calls("refill")] == [order.panel_order_id]

    # The same button tapped again (an old card): nothing is asked again, and it says why.
    again = answer_of(await client.click(tap(order)))
    assert (again.text, again.show_alert) == (
        "A refill of this order is already in progress.",
        True,
    )
    assert len(emulator.calls("refill")) == 1

    # Sweeps follow the refill until the panel says it is done; the news is queued once.
    await dp["sweeper"].run_once(bot)
    emulator.set_refill_status(1, "In progress")
    await dp["sweeper"].run_once(bot)
    assert await news(db) == ["notify-completed", "notify-refill-accepted"]
    emulator.set_refill_status(1, "Completed")
    for _ in range(2):
        await dp["sweeper"].run_once(bot)
    assert await news(db) == ["notify-completed", "notify-refill-accepted", "notify-refill-done"]
    forms = emulator.calls("refill_status")
    assert {form["refills"] for form in forms} == {"1"}
    assert len(forms) == 3  # a finished refill is not asked about again

    card = card_of(await client.click(tap(order, "view")))
    assert "Refill: done" in card.text
    assert card.labels == [REFRESH, REFILL, AGAIN, ASK, BACK]

    # A second refill of the same order, later: its news are its own, told once each.
    card_of(await client.click(tap(order)))
    emulator.set_refill_status(2, "Completed")
    await dp["sweeper"].run_once(bot)
    assert await news(db) == [
        "notify-completed",
        "notify-refill-accepted",
        "notify-refill-done",
        "notify-refill-accepted",
        "notify-refill-done",
    ]
    assert await balance_of(db, 1001) == balance  # refills move no money


async def test_a_rejected_refill_is_told_and_another_may_be_asked(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    await client.click(tap(order))
    emulator.set_refill_status(1, "Rejected")
    await dp["sweeper"].run_once(bot)

    assert (await news(db))[-1] == "notify-refill-rejected"
    card = card_of(await client.click(tap(order, "view")))
    assert "Refill: rejected" in card.text
    assert REFILL in card.labels


@pytest.mark.parametrize(
    ("status", "refill", "expected"),
    [
        ("Completed", False, "This service has no refill guarantee."),
        ("In progress", True, "A refill can be requested once the order is completed."),
        ("Canceled", True, "A refill can be requested once the order is completed."),
    ],
)
async def test_no_button_and_a_forged_tap_says_why(
    client: BotClient,
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    status: str,
    refill: bool,
    expected: str,
) -> None:
    order = await place(db, emulator, can_refill=refill)
    emulator.set_status(order.panel_order_id or "", status)
    await dp["sweeper"].run_once(bot)

    assert REFILL not in card_of(await client.click(tap(order, "view"))).labels
    answer = answer_of(await client.click(tap(order)))
    assert (answer.text, answer.show_alert) == (expected, True)
    assert emulator.calls("refill") == []


async def test_a_service_that_stopped_offering_refills_refuses_old_buttons(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    assert REFILL in card_of(await client.click(tap(order, "view"))).labels
    emulator.services[1].refill = False
    await dp["catalogue"].refresh()

    answer = answer_of(await client.click(tap(order)))
    assert answer.text == "This service no longer offers refills."
    assert REFILL not in card_of(await client.click(tap(order, "view"))).labels
    assert emulator.calls("refill") == []


async def test_someone_elses_refill_button_touches_nothing(
    make_client: MakeClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    mallory = make_client(user_id=666)
    answer = answer_of(await mallory.click(tap(order)))
    assert answer.text == "This order was not found."
    assert emulator.calls("refill") == []


@pytest.mark.parametrize(
    ("error", "shown", "alerted"),
    [
        (
            "Order not eligible for refill.",
            "This order is not eligible for a refill.",
            False,
        ),
        ("Refill already requested", "A refill of this order is already in progress.", False),
        ("Refill is disabled for 24 hours", "The refill request was refused.", True),
    ],
)
async def test_a_refusal_shows_its_reason_and_admins_see_the_raw_text(
    client: BotClient,
    admin: BotClient,
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    error: str,
    shown: str,
    alerted: bool,
) -> None:
    order = await completed(db, emulator, dp, bot)
    emulator.canned({"error": error}, action="refill")

    card = card_of(await client.click(tap(order)))
    assert card.text.endswith(shown)
    assert REFILL in card.labels  # nothing is in progress: it may be asked again later
    assert await news(db) == ["notify-completed"]
    assert any(error in text for text in admin_texts(bot)) is alerted

    (listing,) = texts(await admin.send("/user 1001"))
    assert "Refills (latest): 1" in listing
    assert f"order #{order.id} · No. {order.panel_order_id} · panel refill — · failed" in listing
    assert f"↳ the panel: “{error}”" in listing


async def test_the_emulator_refuses_a_refill_of_a_service_without_one(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    emulator.services[1].refill = False  # the panel's list not reloaded: the bot still asks
    card = card_of(await client.click(tap(order)))
    assert card.text.endswith("This order is not eligible for a refill.")
    emulator.services[1].refill = True
    await client.click(tap(order))
    assert REQUESTED in card_of(await client.click(tap(order, "view"))).text
    assert len(emulator.refills) == 1


@pytest.mark.parametrize("kind", [FaultKind.HTTP_502_HTML, FaultKind.DROP, FaultKind.HTTP_500])
async def test_a_lost_answer_is_being_checked_and_never_asked_again(
    client: BotClient,
    admin: BotClient,
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
    kind: FaultKind,
) -> None:
    order = await completed(db, emulator, dp, bot)
    emulator.fault(kind, action="refill", perform=True, times=1)

    card = card_of(await client.click(tap(order)))
    assert "Refill: being checked" in card.text
    assert card.text.endswith(CHECKING)
    assert card.labels == [REFRESH, AGAIN, ASK, BACK]
    (alert,) = admin_texts(bot)
    assert alert.startswith(
        f"⚠️ Order #{order.id} (panel No. {order.panel_order_id}, customer 1001):"
        " a refill was requested and no clear answer came back (panel refill:"
    )

    again = answer_of(await client.click(tap(order)))
    assert again.text == CHECKING
    assert len(emulator.calls("refill")) == 1
    assert len(emulator.refills) == 1  # the panel did take it: that is what admins check
    assert await news(db) == ["notify-completed"]
    await dp["sweeper"].run_once(bot)
    assert emulator.calls("refill_status") == []  # nothing to follow without an id
    (listing,) = texts(await admin.send("/user 1001"))
    assert "panel refill — · unknown" in listing


async def test_the_database_keeps_one_refill_in_progress_per_order(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    refills = RefillsRepo(db)
    first = await refills.start(order.id)

    with pytest.raises(RefillInProgress):
        await refills.start(order.id)
    await refills.failed(first.id, "test")
    assert (await refills.start(order.id)).status == RefillState.REQUESTING


async def test_the_sweep_asks_an_older_panel_one_refill_at_a_time(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    emulator.legacy = True
    order = await completed(db, emulator, dp, bot)
    await client.click(tap(order))
    emulator.set_refill_status(1, "Completed")
    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)

    assert (await news(db))[-1] == "notify-refill-done"
    forms = emulator.calls("refill_status")
    assert [("refills" in form, form.get("refill")) for form in forms] == [
        (True, None),
        (False, "1"),
    ]


async def test_a_refill_the_panel_no_longer_knows_is_told_to_admins_once(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    await client.click(tap(order))
    emulator.refills.clear()
    for _ in range(3):
        await dp["sweeper"].run_once(bot)

    (alert,) = admin_texts(bot)
    assert alert == (
        f"⚠️ Order #{order.id} (panel No. {order.panel_order_id}, customer 1001): asked about"
        " refill 1, the panel answered “Refill not found”. It is still followed."
    )
    assert (await RefillsRepo(db).latest_for_order(order.id)).status == RefillState.OPEN  # type: ignore[union-attr]


async def test_a_refill_in_russian(
    make_client: MakeClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    ivan = make_client(language_code="ru")
    assert "🔁 Восстановить" in card_of(await ivan.click(tap(order, "view"))).labels
    sent = await ivan.click(tap(order))
    assert answer_of(sent).text == "Отправляем запрос на восстановление…"
    assert "Восстановление: запрошено, выполняется" in card_of(sent).text


async def test_a_refill_left_requesting_by_a_crash_is_unknown_after_a_restart(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await completed(db, emulator, dp, bot)
    refill = await RefillsRepo(db).start(order.id)

    await dp.emit_startup(bot=bot, **dp.workflow_data)
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)

    stored = await RefillsRepo(db).latest_for_order(order.id)
    assert stored is not None
    assert (stored.id, stored.status, stored.error) == (
        refill.id,
        RefillState.UNKNOWN,
        "interrupted while asking",
    )
    assert any("a refill was requested" in text for text in admin_texts(bot))
    assert await balance_of(db, 1001) == Decimal(0)
