"""Who may call the API, and how often: the key's owner, limits per key and per address.

A key that is not one (the wrong shape, unknown, replaced, switched off by an admin) answers
`Invalid API key` and writes nothing; such calls are counted per address, and an address past
its allowance is answered 429 before its key is even looked up. A good key has a burst of
calls, then a steady rate; orders (`add`, each one a call to the panel) a lower one as well.
When a key was last used is written at most once a minute per key, not once a call.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from enum import Enum

from bot.ratelimit import RateLimit
from bot.settings import Settings
from bot.storage import ApiKey, ApiKeysRepo

# Keys are 32 hex digits (`bot.storage.api_keys`): anything else cannot be one.
_KEY = re.compile(r"[0-9a-f]{32}")
# Wrong keys an address may send: a client with a typo sees `Invalid API key` a few times;
# someone trying keys is held to one a second.
WRONG_KEY_BURST = 10
WRONG_KEY_RATE = 1.0
# Seconds between two writes of a key's `last_used_at`.
TOUCH_EVERY = 60.0


class Verdict(Enum):
    INVALID = "invalid"  # not a key, or switched off: `Invalid API key`
    LIMITED = "limited"  # over a limit: 429


class ApiGate:
    def __init__(
        self,
        settings: Settings,
        keys: ApiKeysRepo,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._keys = keys
        self._clock = clock
        self._calls = RateLimit[int](settings.api_rate, settings.api_burst, clock)
        self._adds = RateLimit[int](settings.api_add_rate, settings.api_add_burst, clock)
        self._wrong = RateLimit[str](WRONG_KEY_RATE, WRONG_KEY_BURST, clock)
        self._wrong_at: dict[str, float] = {}
        self._touched: dict[int, float] = {}

    async def admit(self, key: str, action: str, address: str) -> ApiKey | Verdict:
        """The key's owner, if the call may go on; else why not."""
        if self._wrong_at.get(address, float("-inf")) > self._clock():
            return Verdict.LIMITED
        # A key pasted with a line break or in capitals is still the key.
        key = key.strip().lower()
        owner = await self._keys.owner(key) if _KEY.fullmatch(key) else None
        if owner is None or not owner.enabled:
            if not self._wrong.allow(address):
                # Held for as long as one more wrong key takes to be allowed again.
                self._wrong_at[address] = self._clock() + 1 / WRONG_KEY_RATE
                if len(self._wrong_at) > 10_000:
                    now = self._clock()
                    self._wrong_at = {a: t for a, t in self._wrong_at.items() if t > now}
                return Verdict.LIMITED
            return Verdict.INVALID
        if not self._calls.allow(owner.user_id):
            return Verdict.LIMITED
        if action == "add" and not self._adds.allow(owner.user_id):
            return Verdict.LIMITED
        await self._touch(owner.user_id)
        return owner

    async def _touch(self, user_id: int) -> None:
        now = self._clock()
        if now - self._touched.get(user_id, float("-inf")) < TOUCH_EVERY:
            return
        if len(self._touched) > 100_000:
            self._touched.clear()
        self._touched[user_id] = now
        await self._keys.touch(user_id)
