"""A token bucket per key: how the Mini App limits each user and address, and how Refreshes
together are kept from hammering the panel."""

from __future__ import annotations

import time
from typing import Any, Generic, TypeVar

Key = TypeVar("Key", int, str)


class RateLimit(Generic[Key]):
    """A token bucket per key (a user, an address): `burst` requests at once, then `rate`
    a second."""

    def __init__(self, rate: float = 5.0, burst: int = 40, clock: Any = time.monotonic) -> None:
        self._rate = rate
        self._burst = burst
        self._clock = clock
        self._buckets: dict[Key, tuple[float, float]] = {}

    def allow(self, key: Key) -> bool:
        now = self._clock()
        if len(self._buckets) > 10_000:  # forget keys whose bucket is full again
            full = self._burst / self._rate
            self._buckets = {k: b for k, b in self._buckets.items() if now - b[1] < full}
        tokens = self._tokens(key, now)
        if tokens < 1:
            self._buckets[key] = (tokens, now)
            return False
        self._buckets[key] = (tokens - 1, now)
        return True

    def wait(self, key: Key) -> float:
        """Seconds until `key` is allowed again (0 if it is now)."""
        return max(0.0, (1 - self._tokens(key, self._clock())) / self._rate)

    def _tokens(self, key: Key, now: float) -> float:
        tokens, last = self._buckets.get(key, (float(self._burst), now))
        return min(float(self._burst), tokens + (now - last) * self._rate)
