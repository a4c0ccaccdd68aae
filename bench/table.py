"""One row of `python -m bench`'s table: a figure, the baseline it is read against, their ratio."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    what: str
    figure: float
    baseline: float | None  # None: the figure stands alone (a count, a target)
    unit: str
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline is None or self.baseline == 0:
            return None
        return self.figure / self.baseline


def median_range(values: Sequence[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def render(rows: Sequence[Row]) -> str:
    header = ("benchmark", "figure", "baseline", "ratio", "note")
    lines = [header]
    for row in rows:
        lines.append(
            (
                row.what,
                f"{_number(row.figure)} {row.unit}".strip(),
                "" if row.baseline is None else f"{_number(row.baseline)} {row.unit}".strip(),
                "" if row.ratio is None else f"{row.ratio:.2f}",
                row.note,
            )
        )
    widths = [max(len(line[n]) for line in lines) for n in range(len(header))]
    out = [
        " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    ]
    out.insert(1, "-+-".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in out)


def _number(value: float) -> str:
    if value == int(value) and abs(value) >= 10:
        return f"{int(value):,}"
    return f"{value:,.3g}" if abs(value) < 100 else f"{value:,.0f}"
