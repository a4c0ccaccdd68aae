"""The checkout on its own, as a caller that is not Telegram sees it: plain inputs, a result
saying what happened. A real database in a temp dir and the panel emulator over real HTTP."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher

from bot.catalogue import Snapshot
from bot.i18n import Arg
from bot.orders import checkout
from bot.orders.checkout import Checkout, Funds, Result, Verdict
from bot.orders.mass import Confirmed, MassOrders
from bot.orders.prices import Prices
from bot.orders.quote import Quote, new_token
from bot.settings import Settings
from bot.storage import Database, Order, OrdersRepo, Status
from tests.conftest import fund
from tests.helpers import admin_texts, balance_of
from tests.panel_emulator import FaultKind, PanelEmulator

USER = 1001
TOKEN = "token-1"
CHARGE = Decimal("7.20")  # 100 of service 1 at 60.00 per 1000 and the 20 % markup
TWO_LINES = "1 | @chan_one | 100\n1 | t.me/chan_two | 200"  # 7.20 + 14.40
LIST_TOKEN = "tok"


@dataclass
class Till:
    """The checkout with what a test looks at: the customer's side of each placement (what
    `tell` was given, when `charged` ran), the money, the orders and the panel's calls."""

    checkout: Checkout
    mass: MassOrders
    bot: Bot
    snapshot: Snapshot
    settings: Settings
    db: Database
    emulator: PanelEmulator
    told: list[str] = field(default_factory=list)
    charged: list[Order] = field(default_factory=list)
    adds_when_charged: list[int] = field(default_factory=list)
    lists_started: list[int] = field(default_factory=list)

    @property
    def prices(self) -> Prices:
        return Prices(self.snapshot, self.settings.price_decimals)

    def members(self, quantity: int = 100) -> Quote:
        answers: dict[str, str | int] = {"link": "https://t.me/durov", "quantity": quantity}
        quote = checkout.quote(self.prices, self.snapshot.services[1], answers, "en")
        assert quote is not None
        return quote

    async def confirm(
        self,
        quote: Quote | None = None,
        *,
        seen: str | None = None,
        token: str = TOKEN,
        user_id: int = USER,
    ) -> Result:
        quote = quote or self.members()
        seen = str(quote.charge) if seen is None else seen
        return await self.checkout.confirm(
            self.bot, user_id, quote, seen, token, tell=self._tell, charged=self._charged
        )

    async def confirm_list(self, seen_total: str) -> Confirmed:
        return await self.mass.confirm(
            self.bot,
            USER,
            LIST_TOKEN,
            TWO_LINES,
            seen_total,
            self.snapshot,
            "en",
            starting=self._starting,
        )

    async def orders(self, user_id: int = USER) -> list[Order]:
        return await OrdersRepo(self.db).list_for_user(user_id, 100)

    async def balance(self, user_id: int = USER) -> Decimal:
        return await balance_of(self.db, user_id)

    @property
    def adds(self) -> int:
        return len(self.emulator.calls("add"))

    async def _tell(self, key: str, values: Mapping[str, Arg]) -> None:
        self.told.append(key)

    async def _charged(self, order: Order) -> None:
        self.charged.append(order)
        self.adds_when_charged.append(self.adds)

    async def _starting(self, count: int) -> None:
        self.lists_started.append(count)


@pytest.fixture
async def till(dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator) -> Till:
    return Till(
        dp["checkout"],
        dp["mass_orders"],
        bot,
        await dp["catalogue"].current(),
        dp["settings"],
        db,
        emulator,
    )


# --- the rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("balance", "missing", "enough", "after"),
    [
        ("10", "0", True, "2.80"),
        ("7.20", "0", True, "0.00"),
        ("7.19", "0.01", False, "-0.01"),
        ("0", "7.20", False, "-7.20"),
    ],
)
def test_funds_say_whether_a_balance_pays_and_what_is_missing(
    balance: str, missing: str, enough: bool, after: str
) -> None:
    funds = Funds(Decimal(balance), CHARGE)
    assert funds.missing == Decimal(missing)
    assert funds.enough is enough
    assert funds.after == Decimal(after)


def test_a_price_changed_when_its_written_charge_differs() -> None:
    assert not checkout.price_changed(Decimal("7.20"), "7.20")
    assert checkout.price_changed(Decimal("7.20"), "7.2")  # as written when it was seen
    assert checkout.price_changed(Decimal("7.21"), "7.20")
    assert checkout.price_changed(Decimal("7.20"), None)


def test_the_quote_prices_the_answers(till: Till) -> None:
    quote = till.members(quantity=250)
    assert quote.charge == Decimal("18.00")
    assert quote.quantity == 250
    assert quote.link == "https://t.me/durov"
    # A type's answer missing: no quote.
    service = till.snapshot.services[1]
    assert checkout.quote(till.prices, service, {"quantity": 100}, "en") is None


# --- each result ----------------------------------------------------------------------------


async def test_placed(till: Till) -> None:
    await fund(till.db, USER, "10")
    result = await till.confirm()

    assert result.verdict is Verdict.PLACED
    assert result.charged
    assert result.order is not None
    assert result.order.status == Status.PENDING
    assert result.order.panel_order_id is not None
    assert result.placement is not None
    assert result.placement.order == result.order
    assert [order.id for order in await till.orders()] == [result.order.id]
    assert await till.balance() == Decimal("2.80")
    # Charged and recorded before the panel was asked, then told once how it went.
    assert till.adds_when_charged == [0]
    assert [order.status for order in till.charged] == [Status.PLACING]
    assert till.told == ["order-placed"]


async def test_refused_refunds_in_full(till: Till) -> None:
    await fund(till.db, USER, "10")
    till.emulator.canned({"error": "Bad link"}, action="add")
    result = await till.confirm()

    assert result.verdict is Verdict.REFUSED
    assert not result.charged
    assert result.order is not None
    assert result.order.status == Status.FAILED
    assert await till.balance() == Decimal("10")
    assert till.told == ["order-failed-link"]
    assert till.adds == 1


async def test_unknown_holds_the_money_and_alerts_the_admins(till: Till) -> None:
    await fund(till.db, USER, "10")
    till.emulator.fault(FaultKind.HTTP_500, action="add", times=1, perform=True)
    result = await till.confirm()

    assert result.verdict is Verdict.UNKNOWN
    assert result.charged
    assert result.order is not None
    assert result.order.status == Status.UNKNOWN
    assert await till.balance() == Decimal("2.80")
    assert till.told == ["order-unknown"]
    [alert] = admin_texts(till.bot)
    assert f"Order #{result.order.id} has an unknown outcome" in alert
    assert till.adds == 1  # never retried


async def test_a_changed_price_places_nothing(till: Till) -> None:
    await fund(till.db, USER, "10")
    result = await till.confirm(seen="7.00")

    assert result == Result(Verdict.PRICE_CHANGED)
    assert await till.orders() == []
    assert await till.balance() == Decimal("10")
    assert till.adds == 0
    assert till.charged == []
    assert till.told == []


async def test_a_short_balance_places_nothing_and_says_what_is_missing(till: Till) -> None:
    await fund(till.db, USER, "5")
    result = await till.confirm()

    assert result == Result(Verdict.SHORT, missing=Decimal("2.20"))
    assert await till.orders() == []
    assert await till.balance() == Decimal("5")
    assert till.adds == 0
    assert till.charged == []
    assert till.told == []


async def test_two_orders_at_once_on_a_balance_for_one(till: Till) -> None:
    """Both may read a balance that pays: the ledger still lets only one through."""
    await fund(till.db, USER, "10")
    first, second = await asyncio.gather(
        till.confirm(token=new_token()), till.confirm(token=new_token())
    )
    assert sorted([first.verdict, second.verdict]) == sorted([Verdict.PLACED, Verdict.SHORT])
    short = first if first.verdict is Verdict.SHORT else second
    assert short.missing == Decimal("4.40")  # 7.20 against the 2.80 left
    assert len(await till.orders()) == 1
    assert till.adds == 1
    assert await till.balance() == Decimal("2.80")


async def test_a_second_confirm_places_once(till: Till) -> None:
    await fund(till.db, USER, "100")
    first = await till.confirm()
    again = await till.confirm()
    # Even when the price moved in between: the token placed its order already.
    late = await till.confirm(seen="1.00")

    assert first.verdict is Verdict.PLACED
    assert first.order is not None
    for result in (again, late):
        assert result.verdict is Verdict.ALREADY_PLACED
        assert not result.charged
        assert result.order is not None
        assert result.order.id == first.order.id
    assert till.adds == 1
    assert await till.balance() == Decimal("92.80")
    assert await till.checkout.placed_with(TOKEN, USER) == first.order


async def test_a_double_confirm_at_once_places_once(till: Till) -> None:
    await fund(till.db, USER, "100")
    results = await asyncio.gather(*(till.confirm() for _ in range(3)))

    verdicts = sorted(result.verdict for result in results)
    assert verdicts == sorted([Verdict.PLACED, Verdict.ALREADY_PLACED, Verdict.ALREADY_PLACED])
    assert len({result.order.id for result in results if result.order is not None}) == 1
    assert till.adds == 1
    assert await till.balance() == Decimal("92.80")


async def test_someone_elses_token_is_expired(till: Till) -> None:
    await fund(till.db, USER, "10")
    await fund(till.db, 2002, "10")
    await till.confirm(token="shared")
    result = await till.confirm(token="shared", user_id=2002)

    assert result == Result(Verdict.EXPIRED)
    assert await till.orders(2002) == []
    assert await till.balance(2002) == Decimal("10")
    assert till.adds == 1
    assert await till.checkout.placed_with("shared", 2002) is None


# --- mass order, through the same checkout --------------------------------------------------


async def test_a_list_places_every_line_and_reports_the_figures(till: Till) -> None:
    await fund(till.db, USER, "50")
    till.emulator.canned({"error": "Bad link"}, action="add")  # the first line is refused
    confirmed = await till.confirm_list("21.60")

    assert confirmed.verdict is Verdict.PLACED
    assert confirmed.report is not None
    report = confirmed.report
    assert till.lists_started == [2]
    assert [(o.number, o.reason) for o in report.outcomes] == [
        (1, "mass-line-failed-link"),
        (2, "mass-line-placed"),
    ]
    assert (report.placed, report.charged) == (1, Decimal("14.40"))
    assert report.balance == await till.balance() == Decimal("35.60")
    assert await till.mass.placed(LIST_TOKEN, USER)

    # Confirmed again (a replay): every line is placed already, nothing is charged twice.
    replay = await till.confirm_list("21.60")
    assert replay.report is not None
    assert [o.reason for o in replay.report.outcomes] == ["mass-line-done", "mass-line-done"]
    assert replay.report.charged == 0
    assert till.adds == 2


async def test_a_list_whose_total_moved_or_the_balance_cannot_pay_places_nothing(
    till: Till,
) -> None:
    await fund(till.db, USER, "20")
    assert (await till.confirm_list("21.00")).verdict is Verdict.PRICE_CHANGED

    short = await till.confirm_list("21.60")
    assert short.verdict is Verdict.SHORT
    assert short.funds is not None
    assert short.funds.missing == Decimal("1.60")
    assert till.lists_started == []
    assert await till.orders() == []
    assert till.adds == 0
    assert not await till.mass.placed(LIST_TOKEN, USER)
