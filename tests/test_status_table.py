"""The status table (`bot.panel.status`): every status the shop knows has a complete row,
every status a panel answers reads as one of them, a word a panel invents is kept and never
final, and the rules read from the table (refund, cost, My orders' filters) hold per status."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from bot.orders.costs import expected_cost, order_cost
from bot.orders.listing import FILTERS
from bot.panel import OrderStatus, PanelClient
from bot.panel.status import (
    FINAL,
    INVENTED,
    LOCAL,
    PANEL,
    TABLE,
    Cost,
    Delivery,
    Refund,
    Status,
    from_panel,
    row_of,
)
from bot.settings import LOCALES
from bot.telegram.callbacks import Shown
from tests.panel_emulator import ORDER_STATUSES, PanelEmulator
from tests.test_locales import catalogue

# Icons buttons use for what they do: a status icon must not read as one of them.
BUTTON_ICONS = {"◀️", "▶️", "🔄", "✖️", "🔁"}


def test_every_status_has_a_row_and_no_row_is_of_something_else() -> None:
    assert set(TABLE) == set(Status)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_status_is_worded_for_customers_and_admins_in_every_language(locale) -> None:
    messages = catalogue(locale)
    for row in [*TABLE.values(), INVENTED]:
        for key in (row.customer, row.admin, row.notice):
            if key is not None:
                assert key in messages, (locale, key)
    # Only a word the shop does not know is shown as written.
    assert messages[INVENTED.customer] == {"status"}
    assert all(not messages[row.customer] for row in TABLE.values())


def test_every_status_has_an_icon_of_its_own() -> None:
    icons = [row.icon for row in TABLE.values()]
    assert all(icons)
    assert len(set(icons)) == len(icons)
    assert not set(icons) & BUTTON_ICONS
    assert INVENTED.icon not in icons


def test_the_final_statuses_are_the_documents_and_the_shops_failed() -> None:
    assert {
        Status.COMPLETED,
        Status.PARTIAL,
        Status.CANCELED,
        Status.EXPIRED,
        Status.FAILED,
    } == FINAL
    assert {Status.PLACING, Status.UNKNOWN, Status.FAILED} == LOCAL
    assert set(Status) - LOCAL == PANEL


def test_refund_and_cost_rules() -> None:
    refunds = {
        status: row.refund for status, row in TABLE.items() if row.refund is not Refund.NOTHING
    }
    assert refunds == {
        Status.FAILED: Refund.WHOLE,
        Status.CANCELED: Refund.WHOLE,
        Status.PARTIAL: Refund.REMAINS,
    }
    costs = {status: row.cost for status, row in TABLE.items() if row.cost is not Cost.WHOLE}
    assert costs == {
        Status.FAILED: Cost.NOTHING,
        Status.CANCELED: Cost.NOTHING,
        Status.PARTIAL: Cost.DELIVERED,
    }
    assert INVENTED.refund is Refund.NOTHING
    assert INVENTED.cost is Cost.WHOLE


def test_a_card_shows_progress_only_once_an_order_started() -> None:
    not_started = {s for s, row in TABLE.items() if row.delivery is Delivery.NOT_STARTED}
    assert not_started == {Status.PLACING, Status.UNKNOWN, Status.FAILED, Status.PENDING}
    so_far = {s for s, row in TABLE.items() if row.delivery is Delivery.SO_FAR}
    assert so_far == {Status.PROCESSING, Status.IN_PROGRESS, Status.ACTIVE}


async def test_every_status_the_emulator_answers_reads_as_a_member(
    emulator: PanelEmulator, panel: PanelClient
) -> None:
    """Through the client over real HTTP, as the sweep reads them."""
    order = emulator.add_order()
    for word in ORDER_STATUSES:
        emulator.set_status(order.id, word)
        report = await panel.status(str(order.id))
        assert report.is_known, word
        assert isinstance(report.status, Status), word
        assert report.status in PANEL, word
        assert report.raw_status == word
        assert report.is_final == report.status.row.final
    canceled = {from_panel(word) for word in ("Cancelled", "Refunded", "CANCELED", " canceled ")}
    assert canceled == {Status.CANCELED}


@pytest.mark.parametrize("word", ["On hold", "Stuck", "failed", "placing", "Failed"])
def test_a_word_a_panel_invents_is_kept_and_never_final(word) -> None:
    """Also one that reads like the shop's own: a panel's `failed` has refunded nobody."""
    report = OrderStatus(word)
    assert report.status == word
    assert not report.is_known
    assert not report.is_final


def test_an_invented_status_is_followed_on_and_listed_as_active() -> None:
    row = row_of("On hold")
    assert row is INVENTED
    assert not row.final
    assert not row.local
    assert row.notice is None
    statuses, exclude = FILTERS[Shown.ACTIVE]
    assert exclude
    assert "On hold" not in statuses


def test_my_orders_filters_split_the_final_statuses() -> None:
    completed, _ = FILTERS[Shown.COMPLETED]
    short, _ = FILTERS[Shown.SHORT]
    assert completed == {Status.COMPLETED, Status.EXPIRED}
    assert short == {Status.FAILED, Status.PARTIAL, Status.CANCELED}


@dataclass(frozen=True)
class Figures:
    status: str
    service_type: str = "Default"
    rate: Decimal = Decimal(10)  # the panel's per 1000, or a package's price
    quantity: int = 300
    remains: int | None = 0
    panel_charge: Decimal | None = None
    charge: Decimal = Decimal("3.60")  # what the customer paid


@pytest.mark.parametrize(
    ("figures", "cost"),
    [
        # a quantity type: rate x quantity / 1000 (a drip-feed's quantity counts its runs)
        (Figures(Status.COMPLETED), Decimal(3)),
        (Figures(Status.PENDING), Decimal(3)),
        (Figures(Status.UNKNOWN), Decimal(3)),
        (Figures("On hold"), Decimal(3)),
        (Figures(Status.COMPLETED, panel_charge=Decimal("2.5")), Decimal("2.5")),
        # a package: its price, whatever the quantity
        (Figures(Status.COMPLETED, "Package", Decimal(5), 1), Decimal(5)),
        (Figures(Status.EXPIRED, "custom comments package", Decimal(5), 10), Decimal(5)),
        # Partial: the delivered share, at most what the panel reported
        (Figures(Status.PARTIAL, remains=100), Decimal(2)),
        (Figures(Status.PARTIAL, remains=100, panel_charge=Decimal(1)), Decimal(1)),
        (Figures(Status.PARTIAL, "Custom Comments Package", Decimal(5), 10, 3), Decimal("3.5")),
        (Figures(Status.PARTIAL, remains=900), Decimal(0)),  # remains clamped to quantity
        # refused or canceled: nothing, though the panel reports the full charge
        (Figures(Status.CANCELED, panel_charge=Decimal(3)), Decimal(0)),
        (Figures(Status.FAILED), Decimal(0)),
    ],
)
def test_what_an_order_cost_the_shop(figures: Figures, cost: Decimal) -> None:
    assert order_cost(figures) == cost


def test_the_expected_cost_of_a_package_is_its_price() -> None:
    assert expected_cost(Figures(Status.PENDING, "Package", Decimal(5), 1)) == Decimal(5)
    assert expected_cost(Figures(Status.PENDING, "Default", Decimal(5), 1)) == Decimal("0.005")


# The panel's words for an order's status, and the shop's `placing`, are spelled by the table
# only. A refill's statuses are the panel's words for another thing (`bot/panel/models.py`);
# past migrations keep the SQL they ran; `unknown` and `failed` also name other things
# (a payment's outcome, a refill's state), so they are left out of the search.
SPELLINGS = (frozenset(PANEL) | {Status.PLACING}) | {"Cancelled", "Refunded"}
ALLOWED = {
    Path("bot/panel/status.py"): SPELLINGS,
    Path("bot/panel/models.py"): {"Pending", "In progress", "Completed", "Canceled"},
    Path("bot/storage/migrations.py"): SPELLINGS,
}


def _spelled(path: Path) -> set[str]:
    """The status words a module's strings hold, alone or quoted in SQL (docstrings aside)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            found |= {w for w in SPELLINGS if node.value == w or f"'{w}'" in node.value}
    return found


def test_no_module_but_the_table_spells_an_order_status() -> None:
    root = Path(__file__).parent.parent
    spelled = {
        path: words
        for package in ("bot", "handlers")
        for path in sorted((root / package).rglob("*.py"))
        if (words := _spelled(path) - ALLOWED.get(path.relative_to(root), set()))
    }
    assert spelled == {}
