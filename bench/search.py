"""How catalogue search scales: 10,000 services against 1,000, in the same run.

    python -m bench.search

Prints the time of one search at each size and their ratio: search is one pass over a
prebuilt case-folded index, so 10x the services should cost about 10x, and a search of
10,000 services should take a few milliseconds, far under a second.
"""

from __future__ import annotations

import time
from decimal import Decimal

from bench.table import Row
from bot.catalogue import Snapshot
from bot.curation import Curation, ServiceRule
from bot.panel import Service

WORDS = ("Views", "Likes", "Members", "Followers", "Comments", "Reactions", "Shares")
QUERIES = ("views", "ПОДПИСЧИКИ", "members 7", "obunachi", "nothing-matches-this")
ROUNDS = 20


def catalogue(size: int) -> Snapshot:
    services = [
        Service(
            id=n,
            name=f"{WORDS[n % len(WORDS)]} {n} — fast start",
            type="Default",
            category=f"Platform {n % 40} {WORDS[n % len(WORDS)]}",
            rate=Decimal("1.5"),
            min=10,
            max=10000,
            refill=False,
            cancel=True,
        )
        for n in range(size)
    ]
    names = {"ru": "Подписчики", "uz": "Obunachilar"}
    rules = {n: ServiceRule(names=names) for n in range(0, size, 3)}
    return Snapshot.build(services, "USD", Curation(services=rules), Decimal(20))


def per_search(snapshot: Snapshot) -> float:
    started = time.perf_counter()
    snapshot.search("warm-up")  # builds the index, once per snapshot
    print(f"{len(snapshot.services):,} services: first search {_ms(started)} (builds the index)")
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for query in QUERIES:
            snapshot.search(query)
    return (time.perf_counter() - started) / (ROUNDS * len(QUERIES))


def _ms(started: float) -> str:
    return f"{(time.perf_counter() - started) * 1000:.1f} ms"


def measure() -> list[Row]:
    small, large = per_search(catalogue(1_000)), per_search(catalogue(10_000))
    return [
        Row("search: 10,000 services against 1,000", large * 1000, small * 1000, "ms", "linear: 10")
    ]


def main() -> None:
    small, large = per_search(catalogue(1_000)), per_search(catalogue(10_000))
    print(f"1,000 services:  {small * 1000:.2f} ms a search")
    print(f"10,000 services: {large * 1000:.2f} ms a search")
    print(f"ratio 10k/1k: {large / small:.1f} (linear would be 10)")


if __name__ == "__main__":
    main()
