"""Every benchmark, one table: `python -m bench [--quick]`.

Each row is a figure with the baseline it is read against, measured in the same run. The
order conversation runs the shop bot and a bare aiogram bot as processes, alternating;
`--quick` runs fewer pairs, customers and notifications (a smoke run, not figures to quote).
The Mini App's rows need Debian's chromium (/usr/bin/chromium); without it they are left out.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import sys

from bench import catalogue, conversation, notify, refresh, search, shopapi, sweep, webapp
from bench.table import Row, render


async def _all(quick: bool) -> list[Row]:
    rows: list[Row] = []
    steps = (
        ("order conversation", conversation.measure(30 if quick else 100, 1 if quick else 3)),
        ("sweep", sweep.measure(1_000 if quick else 10_000)),
        ("sweep over three panels", sweep.measure_panels(1_000 if quick else 10_000)),
        ("catalogue", catalogue.measure(10_000, 60 if quick else 200)),
        ("catalogue refresh", refresh.measure(4 if quick else 10)),
        ("notifications", notify.measure(300 if quick else 10_000, 30, 100 if quick else 1000)),
        ("mini app", webapp.measure(2 if quick else 5)),
        ("shop api", shopapi.measure(300 if quick else 2000)),
    )
    for name, step in steps:
        print(f"running {name} ...", file=sys.stderr)
        rows += await step
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    rows = asyncio.run(_all(args.quick))
    rows += search.measure()
    print(
        f"\nmachine: {platform.machine()}, {os.cpu_count()} cores;"
        f" Python {platform.python_version()}"
    )
    print(render(rows))


if __name__ == "__main__":
    main()
