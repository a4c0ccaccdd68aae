"""Money is exact: Decimal <-> integer minor units, rounding direction, typed amounts."""

from __future__ import annotations

import asyncio
import tempfile
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.money import (
    MAX_BALANCE,
    SCALE,
    MoneyError,
    charge_up,
    from_minor,
    order_charge,
    parse_typed_amount,
    refund_down,
    to_minor,
)
from bot.storage import Database, LedgerRepo, Reason, UsersRepo, post

INT64_MAX = 2**63 - 1
# No shared example database: runs stay independent and the tree stays clean.
quick = settings(database=None, deadline=None)


@st.composite
def storable(draw: st.DrawFn) -> Decimal:
    """Any amount with at most SCALE decimals within int64 minor units, in any exponent form."""
    units = draw(st.integers(-INT64_MAX, INT64_MAX))
    value = Decimal(units).scaleb(-SCALE)
    # The same number written with trailing zeros or a positive exponent is just as storable.
    if draw(st.booleans()):
        value = value.normalize()
    return value


@st.composite
def too_precise(draw: st.DrawFn) -> Decimal:
    digits = draw(st.integers(1, 10**40).filter(lambda n: n % 10 != 0))
    places = draw(st.integers(SCALE + 1, SCALE + 40))
    sign = draw(st.sampled_from(["", "-"]))
    # From text: Decimal arithmetic (scaleb) would round a 40-digit coefficient to 28 digits.
    return Decimal(f"{sign}{digits}E-{places}")


@quick
@given(storable())
def test_to_minor_round_trips_exactly(amount: Decimal) -> None:
    units = to_minor(amount)
    assert isinstance(units, int)
    assert from_minor(units) == amount
    assert Fraction(units, 10**SCALE) == Fraction(amount)


@quick
@given(too_precise())
def test_more_than_scale_decimals_raise(amount: Decimal) -> None:
    with pytest.raises(MoneyError):
        to_minor(amount)


@pytest.mark.parametrize(
    "text",
    [
        "NaN",
        "-NaN",
        "sNaN",
        "Infinity",
        "-Infinity",
        "0.000000001",
        # 30 significant digits: Decimal arithmetic at 28 digits would round it to a whole
        # number of minor units and store a different amount.
        "1.00000000000000000000000000001",
        "92233720368547.75808",  # one minor unit past int64
        "1E+19",
        "1E+999999",
        "1E-999999",
    ],
)
def test_unstorable_amounts_raise(text: str) -> None:
    with pytest.raises(MoneyError):
        to_minor(Decimal(text))


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("0", 0),
        ("-0", 0),
        ("0E-30", 0),
        ("1.000000000000", 100_000),
        ("92233720368547.75807", INT64_MAX),
        ("-92233720368547.75807", -INT64_MAX),
        ("1E+3", 100_000_000),
    ],
)
def test_edges_convert(text: str, units: int) -> None:
    assert to_minor(Decimal(text)) == units


async def _store_and_read(path: Path, amounts: list[Decimal]) -> list[tuple[Decimal, Decimal]]:
    """Credit and debit each amount to its own user; what the ledger and balance read back."""
    async with await Database.open(path) as db:
        users, ledger = UsersRepo(db), LedgerRepo(db)
        seen = []
        for user_id, amount in enumerate(amounts, start=1):
            await users.ensure(user_id)
            async with db.transaction() as tx:
                await post(tx, user_id, amount, Reason.CREDIT)
            balance = await ledger.balance(user_id)
            async with db.transaction() as tx:
                await post(tx, user_id, -amount, Reason.DEBIT)
            credit, debit = await ledger.entries(user_id)
            assert credit.amount == -debit.amount
            seen.append((balance, debit.amount))
        assert await ledger.check_consistency() == []
        return seen


@settings(database=None, deadline=None, max_examples=15)
@given(
    st.lists(
        st.integers(1, to_minor(MAX_BALANCE)).map(lambda units: from_minor(units)),
        min_size=1,
        max_size=20,
    )
)
def test_amounts_round_trip_through_the_database(amounts: list[Decimal]) -> None:
    # hypothesis drives a sync test: each example gets its own loop and database file.
    with tempfile.TemporaryDirectory() as folder:
        seen = asyncio.run(_store_and_read(Path(folder) / "money.sqlite3", amounts))
    assert seen == [(amount, amount) for amount in amounts]


rates = st.decimals(min_value=0, max_value=10**6, places=5, allow_nan=False, allow_infinity=False)
markups = st.decimals(min_value=0, max_value=1000, places=8, allow_nan=False, allow_infinity=False)
quantities = st.integers(1, 10**9)
decimals = st.integers(0, 5)


@quick
@given(rates, markups, quantities, decimals)
# 10^7 + 10^-21 exactly: 28-digit Decimal arithmetic rounds it to 10^7 and undercharges.
@example(Decimal(10000), Decimal("1E-26"), 1_000_000, 5)
def test_order_charge_is_the_exact_price_rounded_up(
    rate: Decimal, markup: Decimal, quantity: int, places: int
) -> None:
    exact = Fraction(rate) * (1 + Fraction(markup) / 100) * quantity / 1000
    charge = order_charge(rate, markup, quantity, places)
    step = Fraction(1, 10**places)
    assert exact <= Fraction(charge) < exact + step
    assert charge.as_tuple().exponent == -places


@quick
@given(rates, markups, quantities, decimals, st.integers(0, 90))
# 0.011 less 10 % is 0.0099: one cent. Rounded to 0.02 first, the discount would leave 0.018,
# and a second rounding up would charge two.
@example(Decimal(11), Decimal(0), 1, 2, 10)
def test_a_discount_comes_off_the_exact_price_which_is_rounded_up_once(
    rate: Decimal, markup: Decimal, quantity: int, places: int, discount: int
) -> None:
    exact = Fraction(rate) * (1 + Fraction(markup) / 100) * quantity / 1000
    exact = exact * (100 - discount) / 100
    charge = order_charge(rate, markup, quantity, places, discount)
    assert exact <= Fraction(charge) < exact + Fraction(1, 10**places)
    assert charge <= order_charge(rate, markup, quantity, places)


def test_a_price_past_exact_decimal_digits_is_worked_out_as_a_fraction() -> None:
    markup = Decimal("1." + "1" * 69)  # 100 + it needs 72 digits: more than the context has
    exact = Fraction(60) * (1 + Fraction(markup) / 100) * 100 / 1000 * 90 / 100
    charge = order_charge(Decimal(60), markup, 100, 2, 10)
    assert Fraction(charge) - Fraction(1, 100) < exact <= Fraction(charge)
    assert str(charge) == "5.46"  # written as the exact path writes it


def test_the_discount_is_not_applied_to_a_rounded_price() -> None:
    assert order_charge(Decimal(11), Decimal(0), 1, 2) == Decimal("0.02")
    assert order_charge(Decimal(11), Decimal(0), 1, 2, 10) == Decimal("0.01")


amounts = st.decimals(
    min_value=0, max_value=10**9, places=12, allow_nan=False, allow_infinity=False
)


@quick
@given(amounts, decimals)
def test_refund_down_never_exceeds_the_amount(amount: Decimal, places: int) -> None:
    refund = Fraction(refund_down(amount, places))
    assert Fraction(amount) - Fraction(1, 10**places) < refund <= Fraction(amount)


@quick
@given(amounts, decimals)
def test_charge_up_never_falls_short(amount: Decimal, places: int) -> None:
    charge = Fraction(charge_up(amount, places))
    assert Fraction(amount) <= charge < Fraction(amount) + Fraction(1, 10**places)


@pytest.mark.parametrize(
    "text",
    ["1_000", "１２", "²", "1e3", "NaN", "-5", "", " ", "10.", ".5", "1.2.3", "10,5,0", "٣"],
)
def test_typed_amount_rejects(text: str) -> None:
    assert parse_typed_amount(text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [("10", "10"), ("10.5", "10.5"), ("10,5", "10.5"), (" 7 ", "7"), ("0.12345", "0.12345")],
)
def test_typed_amount_accepts(text: str, value: str) -> None:
    assert parse_typed_amount(text) == Decimal(value)
