"""The background look at open crypto invoices: works without any public address, so a
shop behind NAT is credited as surely as one with the webhook, only a little later.

Crypto Pay unreachable (at start or at any sweep) is a log line and another try at the
next interval, never a crash; the log says so once per outage and once when it is back.
"""

from __future__ import annotations

import logging

from aiogram import Bot

from bot.background import Background
from bot.payments.crypto import Crypto, Outcome
from bot.payments.cryptopay import CryptoPayError

log = logging.getLogger(__name__)

# Open invoices looked at in one sweep; more wait for the next.
SWEEP_LIMIT = 1000


class CryptoSweep(Background):
    name = "crypto-sweep"

    def __init__(self, crypto: Crypto, interval: float) -> None:
        super().__init__()
        self._crypto = crypto
        self._interval = interval
        self._down: str | None = None  # what the last failed call said, while it fails
        self._checked_token = False

    def start(self, bot: Bot) -> None:
        if self._crypto.client is not None:  # Crypto Pay is on
            self._crypto.bot = bot
            super().start(bot)

    async def stop(self, grace: float) -> None:
        """Stop sweeping, then close the client's connections."""
        await super().stop(grace)
        if self._crypto.client is not None:
            await self._crypto.client.close()

    async def run_once(self) -> dict[Outcome, int] | None:
        """One sweep; None when Crypto Pay could not be asked."""
        client = self._crypto.client
        if client is None:
            return None
        try:
            if not self._checked_token:
                me = await client.get_me()
                log.info("Crypto Pay: app %r answers", me.get("name", "?"))
                self._checked_token = True
            counts = await self._crypto.sweep(SWEEP_LIMIT)
        except CryptoPayError as error:
            self._trouble(error)
            return None
        if self._down is not None:
            log.warning("Crypto Pay answers again")
            self._down = None
        return counts

    def _trouble(self, error: CryptoPayError) -> None:
        if self._down == error.name:
            return
        if error.clear and error.name == "UNAUTHORIZED":
            log.error("Crypto Pay refuses CRYPTO_PAY_TOKEN (%s): check it in @CryptoBot", error)
        else:
            log.warning(
                "Crypto Pay cannot be asked about invoices (%s): trying again every %g s",
                error,
                self._interval,
            )
        self._down = error.name

    async def _run(self, bot: Bot) -> None:
        while not self.stopping:
            try:
                await self.run_once()
            except Exception:  # the loop must outlive any one sweep's bug
                log.exception("crypto sweep failed")
            await self._pause(self._interval)
