"""Sums of money columns that cannot overflow.

SQLite's `sum()` of integers raises "integer overflow" once the running total passes 64
bits, and a column's rows may do that long before any single row is large: each balance
fits, all of them together need not. So a sum is taken in two halves, the high digits and
the low digits of every row, each far from overflow for any realistic number of rows, and
joined in Python, whose integers have no bound.
"""

from __future__ import annotations

from typing import Any

# Each row's high half is below 10^10 and its low half below 10^9: a billion rows sum to
# under 10^19 either way.
_SPLIT = 10**9


def split_sum(expression: str, name: str = "total") -> str:
    """Two SQL result columns, `{name}_high` and `{name}_low`, whose `joined()` is
    `sum(expression)`, 0 over no rows.

    SQLite divides toward zero and `%` keeps the dividend's sign, so high * _SPLIT + low is
    each row's value exactly, negative rows included.
    """
    return (
        f"coalesce(sum(({expression}) / {_SPLIT}), 0) AS {name}_high,"
        f" coalesce(sum(({expression}) % {_SPLIT}), 0) AS {name}_low"
    )


def joined(high: Any, low: Any) -> int:
    """The exact sum from the two halves `split_sum` selected."""
    return int(high) * _SPLIT + int(low)
