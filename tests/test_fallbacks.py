"""Fallbacks (issue 26 point 3) with three panel emulators over real HTTP: `/fallback` says
what it keeps and why not; placement moves to the next panel only after a definite
refusal, places exactly once, and an unclear answer never reaches the next panel."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from aiogram import Dispatcher

from bot.panel.health import FAILURES, SKIP_FOR
from bot.settings import Settings
from bot.storage import Database, Order, OrdersRepo
from bot.storage.fallbacks import Fallback, FallbacksRepo
from tests.conftest import fund, several_settings
from tests.harness import BotClient, texts
from tests.helpers import admin_texts, balance_of
from tests.panel_emulator import EmulatedService, FaultKind, PanelEmulator
from tests.test_order_flow import POLL as POLL_VOTES
from tests.test_order_flow import to_service
from tests.test_order_placement import UNCLEAR, place_one
from tests.test_panel_health import Clock

# The main panel's service 1: "7-day Join — Telegram Members", Default, 10–100,000, 60 UZS
# per 1000 (72 UZS to customers). Service 3 is a Poll. Its stand-ins elsewhere:
BACKUP = 8  # on "cheap" (USD, 1 USD = 12,500 UZS): 0.004 USD = 50 UZS per 1000
SPARE = 9  # on "steady" (RUB, 1 RUB = 140 UZS): 0.5 RUB = 70 UZS per 1000
POLL = 4  # a Poll on "cheap"
SAME_PANEL = 2  # on the main panel itself: 50 UZS per 1000


def members(service_id: int, rate: str, **changes: object) -> EmulatedService:
    fields: dict[str, object] = {
        "id": service_id,
        "name": f"Telegram Members — stand-in {service_id}",
        "type": "Default",
        "category": "Telegram Members",
        "rate": Decimal(rate),
        "min": 10,
        "max": 100000,
    }
    return EmulatedService(**(fields | changes))  # type: ignore[arg-type]


@pytest.fixture
def settings(
    tmp_path: Path, emulator: PanelEmulator, emulator2: PanelEmulator, emulator3: PanelEmulator
) -> Settings:
    emulator2.services = {
        BACKUP: members(BACKUP, "0.004"),
        POLL: EmulatedService(POLL, "Poll — cheap", "Poll", "Votes", Decimal("0.002"), 10, 90000),
        11: members(11, "0.004", max=5000),  # too few for service 1
        12: EmulatedService(12, "Members package", "Package", "Packs", Decimal("1"), 1, 1),
    }
    emulator3.services = {SPARE: members(SPARE, "0.5")}
    emulator.services[SAME_PANEL] = members(SAME_PANEL, "50")
    return several_settings(tmp_path, emulator, emulator2, emulator3)


async def kept(db: Database, service_id: int = 1) -> list[Fallback]:
    return await FallbacksRepo(db).of(service_id)


# --- /fallback --------------------------------------------------------------------------


async def test_fallbacks_are_set_shown_and_cleared(admin: BotClient, db: Database) -> None:
    said = texts(await admin.send(f"/fallback 1 CHEAP:{BACKUP} steady:{SPARE}"))
    assert said == [
        "Saved: 2 fallbacks for service #1.\n\n"
        "Service #1: main:1 7-day Join — Telegram Members (Default, 10–100,000)\n"
        f"1. cheap:{BACKUP} Telegram Members — stand-in {BACKUP} (Default, 10–100,000)\n"
        f"2. steady:{SPARE} Telegram Members — stand-in {SPARE} (Default, 10–100,000)"
    ]
    assert await kept(db) == [Fallback("cheap", BACKUP), Fallback("steady", SPARE)]
    # shown again as kept
    assert texts(await admin.send("/fallback 1"))[0] == said[0].split("\n\n", 1)[1]
    # a new list replaces the whole old one, in its order
    await admin.send(f"/fallback 1 steady:{SPARE} cheap:{BACKUP}")
    assert await kept(db) == [Fallback("steady", SPARE), Fallback("cheap", BACKUP)]
    said = texts(await admin.send("/fallback 1 -"))
    assert said[0].startswith("Service #1 has no fallbacks now.")
    assert "No fallbacks: when its panel refuses an order, the order fails." in said[0]
    assert await kept(db) == []


@pytest.mark.parametrize(
    ("args", "answer"),
    [
        ("", "Send /fallback with a service number"),
        ("x cheap:8", "Send /fallback with a service number"),
        ("77 cheap:8", "There is no service #77 in the catalogue."),
        (f"{2**64} -", "Send /fallback with a service number"),
        ("1 cheap", "“cheap” is not PANEL:ID, like cheap:345."),
        ("1 cheap:８", "“cheap:８” is not PANEL:ID, like cheap:345."),
        ("1 <b>:8", "There is no panel “&lt;b&gt;”. The panels: main, cheap, steady."),
        ("1 cheap:404", "cheap:404: that panel has no such service the shop can sell."),
        ("1 main:1", "main:1 is service #1 itself."),
        (
            "1 cheap:4",
            "cheap:4 is of type Poll, service #1 of type Default: a fallback must be of the"
            " same type.",
        ),
        (
            "1 cheap:11",
            "cheap:11 takes 10–5,000, service #1 10–100,000: a fallback must take every"
            " quantity the service takes.",
        ),
        ("1 cheap:8 CHEAP:8", "cheap:8 is named twice."),
        ("1 " + " ".join(["cheap:8"] * 9), "At most 8 fallbacks a service"),
        # one bad alternative refuses the whole list, the good one before it too
        (f"1 steady:{SPARE} cheap:12", "cheap:12 is of type Package"),
    ],
)
async def test_what_cannot_be_a_fallback_is_refused_saying_why(
    admin: BotClient, db: Database, args: str, answer: str
) -> None:
    await FallbacksRepo(db).replace(1, [Fallback("cheap", BACKUP)], 1)
    [said] = texts(await admin.send(f"/fallback {args}".strip()))
    assert said.startswith(answer), said
    assert await kept(db) == [Fallback("cheap", BACKUP)]  # unchanged


async def test_a_fallback_must_keep_the_refill_and_drip_feed_promised(
    admin: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    emulator.services[1].refill = True
    emulator.services[1].dripfeed = True
    [said] = texts(await admin.send(f"/fallback 1 cheap:{BACKUP}"))
    assert said == f"cheap:{BACKUP} has no drip-feed, and service #1 offers it."
    emulator.services[1].dripfeed = False
    await admin.send("/refresh")
    [said] = texts(await admin.send(f"/fallback 1 cheap:{BACKUP}"))
    assert said == f"cheap:{BACKUP} has no refill, and service #1 promises it."
    assert await kept(db) == []


async def test_customers_cannot_set_fallbacks(client: BotClient, db: Database) -> None:
    [said] = texts(await client.send(f"/fallback 1 cheap:{BACKUP}"))
    assert "/fallback" not in said  # the unknown-command hint
    assert await kept(db) == []


# --- placement --------------------------------------------------------------------------


@dataclass
class Shop:
    """A customer and the three panels, service 1 falling back to cheap, then steady."""

    client: BotClient
    db: Database
    main: PanelEmulator
    cheap: PanelEmulator
    steady: PanelEmulator

    def adds(self) -> list[int]:
        """How many `add`s each panel got: main, cheap, steady."""
        return [len(panel.calls("add")) for panel in (self.main, self.cheap, self.steady)]

    async def place(self) -> str:
        """Order 100 members (7.20 UZS) from a balance of 10: what the customer is told."""
        _, outcome = await place_one(self.client, self.db)
        return outcome

    async def order(self) -> Order:
        """The customer's first order."""
        return (await OrdersRepo(self.db).list_for_user(self.client.user.id, 10))[-1]

    async def balance(self) -> Decimal:
        return await balance_of(self.db, self.client.user.id)


@pytest.fixture
async def shop(
    client: BotClient,
    db: Database,
    emulator: PanelEmulator,
    emulator2: PanelEmulator,
    emulator3: PanelEmulator,
) -> Shop:
    await FallbacksRepo(db).replace(1, [Fallback("cheap", BACKUP), Fallback("steady", SPARE)], 1)
    return Shop(client, db, emulator, emulator2, emulator3)


async def test_a_refusal_falls_back_and_places_exactly_once(shop: Shop) -> None:
    shop.main.canned({"error": "Not enough funds on balance"}, action="add")
    outcome = await shop.place()
    assert outcome.startswith("✅ Order placed.")  # the refusal is not the customer's news
    assert shop.adds() == [1, 1, 0]
    [sent] = shop.cheap.calls("add")
    assert (sent["service"], sent["link"], sent["quantity"]) == (
        str(BACKUP),
        "https://t.me/durov",
        "100",
    )
    order = await shop.order()
    [taken] = shop.cheap.orders.values()
    assert (order.status, order.panel, order.panel_service_id) == ("Pending", "cheap", BACKUP)
    assert order.panel_order_id == str(taken.id)
    assert order.service_id == 1  # the customer's service, as quoted
    assert order.charge == Decimal("7.2")  # what was quoted, whoever took it
    assert order.rate == Decimal("0.004")  # its cost now: the fallback's, in its money
    assert await shop.balance() == Decimal("2.8")
    # The main panel is out of money: admins hear it once, and that the order went on.
    [alert] = admin_texts(shop.client.bot)
    assert alert.startswith(
        f'⚠️ Panel main refused order #{order.id} with "Not enough funds on balance": fix it.'
    )
    assert f"Order #{order.id} went on to panel cheap." in alert
    assert "refunded" not in alert


async def test_each_panel_out_of_money_is_told_once_as_its_own(shop: Shop) -> None:
    shop.main.canned({"error": "Not enough funds on balance"}, action="add", times=2)
    shop.cheap.canned({"error": "Not enough funds on balance"}, action="add", times=2)
    for _ in range(2):
        assert (await shop.place()).startswith("✅ Order placed.")
    assert shop.adds() == [2, 2, 2]
    alerts = admin_texts(shop.client.bot)
    assert [alert.split(" refused")[0] for alert in alerts] == ["⚠️ Panel main", "⚠️ Panel cheap"]
    assert all("went on to panel steady" in alert for alert in alerts)


async def test_a_fallback_may_be_another_service_of_the_same_panel(shop: Shop) -> None:
    await FallbacksRepo(shop.db).replace(
        1, [Fallback("", SAME_PANEL), Fallback("cheap", BACKUP)], 1
    )
    shop.main.canned({"error": "Incorrect service ID"}, action="add")
    assert (await shop.place()).startswith("✅ Order placed.")
    first, second = shop.main.calls("add")
    assert (first["service"], second["service"]) == ("1", str(SAME_PANEL))
    assert shop.adds() == [2, 0, 0]
    order = await shop.order()
    assert (order.status, order.panel, order.panel_service_id) == ("Pending", "", SAME_PANEL)
    assert order.panel_order_id == str(max(shop.main.orders))


async def test_a_request_that_never_left_falls_back_too(shop: Shop) -> None:
    shop.main.canned({"error": "Bad link"}, action="add")
    await shop.cheap.close()  # connecting is refused: nothing was sent
    assert (await shop.place()).startswith("✅ Order placed.")
    assert shop.adds() == [1, 0, 1]
    order = await shop.order()
    assert (order.status, order.panel, order.panel_service_id) == ("Pending", "steady", SPARE)
    assert admin_texts(shop.client.bot) == []  # a bad link, a refused connection: no alert


@pytest.mark.parametrize("fault", UNCLEAR)
async def test_an_unclear_answer_never_reaches_the_next_panel(shop: Shop, fault: FaultKind) -> None:
    shop.main.fault(fault, action="add", perform=True, times=1)
    shop.main.canned({"error": "Incorrect service ID"}, action="add")  # the next order's
    outcome = await shop.place()
    assert outcome.startswith("⚠️ We can't tell yet whether the order was placed")
    assert shop.adds() == [1, 0, 0]
    order = await shop.order()
    assert (order.status, order.panel) == ("unknown", "")  # the panel an admin must check
    assert await shop.balance() == Decimal("2.8")  # held
    # while a definite refusal of the next order does go on to the fallback
    assert (await shop.place()).startswith("✅ Order placed.")
    assert shop.adds() == [2, 1, 0]


async def test_an_unclear_answer_from_a_fallback_names_that_panel(shop: Shop) -> None:
    shop.main.canned({"error": "Incorrect service ID"}, action="add")
    shop.cheap.fault(FaultKind.HTTP_500, action="add", perform=True)
    await shop.place()
    assert shop.adds() == [1, 1, 0]
    order = await shop.order()
    assert (order.status, order.panel, order.panel_service_id) == ("unknown", "cheap", BACKUP)
    [alert] = admin_texts(shop.client.bot)
    assert f"Order #{order.id} has an unknown outcome" in alert


async def test_every_panel_refusing_refunds_once(shop: Shop) -> None:
    shop.main.canned({"error": "Incorrect service ID"}, action="add")
    shop.cheap.canned({"error": "Bad link"}, action="add")
    shop.steady.canned({"error": "Bad link"}, action="add")
    outcome = await shop.place()
    # the customer hears their own service's reason
    assert outcome.startswith("❌ We could not place the order: this service is no longer")
    assert "7.20 UZS is back on your balance." in outcome
    assert shop.adds() == [1, 1, 1]
    order = await shop.order()
    assert order.status == "failed"
    assert order.error == "main: Incorrect service ID; cheap: Bad link; steady: Bad link"
    assert await shop.balance() == Decimal(10)


@pytest.mark.parametrize("change", ["max", "refill"])
async def test_a_fallback_that_cannot_take_this_order_is_passed_over(
    shop: Shop, change: str
) -> None:
    # What changed at the panels since /fallback took cheap's service:
    if change == "max":
        shop.cheap.services[BACKUP].max = 50  # 100 is too many for it now
    else:  # the service promises a refill now, which cheap's does not give
        shop.main.services[1].refill = True
        shop.steady.services[SPARE].refill = True
    shop.main.canned({"error": "Incorrect service ID"}, action="add")
    assert (await shop.place()).startswith("✅ Order placed.")
    assert shop.adds() == [1, 0, 1]


async def test_a_poll_fallback_gets_the_fields_rebuilt_for_its_service(shop: Shop) -> None:
    await FallbacksRepo(shop.db).replace(3, [Fallback("cheap", POLL)], 1)
    shop.main.canned({"error": "Incorrect service ID"}, action="add")
    await fund(shop.db, shop.client.user.id, "10")
    await to_service(shop.client, "Telegram Votes", POLL_VOTES)
    for answer in ("t.me/channel/42", "50", "2"):
        await shop.client.send(answer)
    await shop.client.click_text("✅ Confirm and pay")
    [sent] = shop.cheap.calls("add")
    assert (sent["service"], sent["answer_number"]) == (str(POLL), "2")
    order = await shop.order()
    assert (order.panel, order.panel_service_id, order.status) == ("cheap", POLL, "Pending")


# --- a panel failing again and again ----------------------------------------------------


async def test_a_dead_panel_is_skipped_and_comes_back(
    shop: Shop, dp: Dispatcher, admin: BotClient
) -> None:
    clock = Clock()
    dp["health"].clock = clock
    await dp["catalogue"].current()  # the catalogue as it was before the panel died
    await shop.main.close()  # dead: every connection refused, nothing ever sent
    for number in range(1, FAILURES + 1):
        assert (await shop.place()).startswith("✅ Order placed.")
        assert shop.adds() == [0, number, 0]  # a refused connection records no request
    [alert] = admin_texts(shop.client.bot)
    assert alert.startswith("⏸ Panel main failed 3 times in 10 minutes (last: ")
    assert "New orders skip it until " in alert
    [shown] = texts(await admin.send("/panels"))
    main, cheap, steady = shown.split("\n\n")[1:]
    assert "refused in the last hour: 3" in main
    assert main.splitlines()[-1].startswith("⏸ skipped for new orders until ")
    assert "⏸" not in cheap + steady
    # skipped: the next order goes straight to the fallback, without trying main
    shop.main.requests.clear()
    await shop.main.reopen()
    assert (await shop.place()).startswith("✅ Order placed.")
    assert shop.adds() == [0, FAILURES + 1, 0]
    # a service without fallbacks still tries it (the poll, service 3)
    await fund(shop.db, shop.client.user.id, "10")
    await to_service(shop.client, "Telegram Votes", POLL_VOTES)
    for answer in ("t.me/channel/42", "50", "2"):
        await shop.client.send(answer)
    await shop.client.click_text("✅ Confirm and pay")
    assert shop.adds() == [1, FAILURES + 1, 0]
    # that success clears it: the admins hear it is back, once, and main takes orders again
    assert admin_texts(shop.client.bot)[2:] == [
        "▶️ Panel main took an order again: it is no longer skipped."
    ]
    assert (await shop.place()).startswith("✅ Order placed.")
    assert shop.adds() == [2, FAILURES + 1, 0]


async def test_a_skipped_panel_is_tried_again_after_the_pause(shop: Shop, dp: Dispatcher) -> None:
    clock = Clock()
    dp["health"].clock = clock
    shop.main.canned({"error": "Not enough funds on balance"}, action="add", times=FAILURES)
    for _ in range(FAILURES):
        await shop.place()
    assert shop.adds() == [FAILURES, FAILURES, 0]
    clock.pass_(SKIP_FOR - timedelta(seconds=1))
    await shop.place()
    assert shop.adds() == [FAILURES, FAILURES + 1, 0]  # still skipped
    clock.pass_(timedelta(seconds=1))
    await shop.place()
    assert shop.adds() == [FAILURES + 1, FAILURES + 1, 0]  # tried again, and it took it
    orders = await OrdersRepo(shop.db).list_for_user(shop.client.user.id, 10)
    assert [order.panel for order in orders] == ["", *["cheap"] * (FAILURES + 1)]
    alerts = admin_texts(shop.client.bot)
    assert sum(text.startswith("⏸ Panel main") for text in alerts) == 1
    assert alerts[-1] == "▶️ Panel main took an order again: it is no longer skipped."


async def test_a_fallback_taking_an_order_at_a_loss_is_reported_once(shop: Shop) -> None:
    shop.steady.services[SPARE].rate = Decimal("1")  # 140 UZS per 1000: 14 UZS for 100
    shop.main.canned({"error": "Incorrect service ID"}, action="add", times=2)
    shop.cheap.canned({"error": "Incorrect service ID"}, action="add")
    await shop.place()  # cheap refuses too: steady takes it
    order = await shop.order()
    assert (order.panel, order.status) == ("steady", "Pending")
    [alert] = admin_texts(shop.client.bot)
    assert alert == (
        f"📉 Order #{order.id} went to panel steady (service {SPARE} there), which costs"
        " 14.00 UZS; the customer paid 7.20 UZS. Check the fallbacks of service #1:"
        " /fallback 1"
    )
    await shop.place()  # cheap takes this one, at 5 UZS: no loss, nothing said
    assert shop.adds() == [2, 2, 1]
    assert len(admin_texts(shop.client.bot)) == 1


async def test_a_service_gone_from_the_catalogue_can_still_lose_its_fallbacks(
    admin: BotClient, db: Database
) -> None:
    await FallbacksRepo(db).replace(77, [Fallback("cheap", BACKUP)], 1)
    assert texts(await admin.send("/fallback 77 -")) == ["Service #77 has no fallbacks now."]
    assert await kept(db, 77) == []
