"""Payme: a top-up is paid on Payme's checkout page, opened by a link that names the
top-up (account field `topup_id`) and its amount in tiyin; Payme then calls the shop's
Merchant API (`bot.payments.payme_merchant`), which credits it.

Why no library: `payme-pkg` is a Django app (models, views, settings) and `paytechuz`'s
merchant side is a Django or FastAPI view over their ORMs, both synchronous at the core; the
bot runs on aiohttp with its own SQLite ledger, where the top-up's credit and Payme's
transaction state must commit in one transaction. The protocol is six JSON-RPC methods: it
is written here from Payme's "Merchant API" documentation (developer.help.paycom.uz).
"""

from __future__ import annotations

import base64
from decimal import Decimal

from bot.payments.by_link import ByLink
from bot.storage import Topup

# Payme's checkout speaks these; anything else is shown in Russian.
CHECKOUT_LANGUAGES = frozenset({"ru", "uz", "en"})
TIYIN = 100  # in a so'm


def tiyin(amount: Decimal) -> int:
    """So'm as Payme counts them: tiyin, exactly (a top-up is whole so'm)."""
    return int(amount * TIYIN)


def checkout_link(base: str, merchant_id: str, topup_id: int, amount: int, locale: str) -> str:
    """Payme's GET checkout: base64 of `m=<merchant>;ac.topup_id=<id>;a=<tiyin>;l=<lang>`."""
    language = locale if locale in CHECKOUT_LANGUAGES else "ru"
    params = f"m={merchant_id};ac.topup_id={topup_id};a={amount};l={language}"
    return f"{base.rstrip('/')}/{base64.b64encode(params.encode()).decode()}"


class Payme(ByLink):
    name = "payme"
    title = "Payme"

    @property
    def configured(self) -> bool:
        return bool(self.settings.payme_merchant_id) and self.settings.payme_key is not None

    def link(self, topup: Topup, locale: str) -> str:
        return checkout_link(
            str(self.settings.payme_checkout_url),
            self.settings.payme_merchant_id,
            topup.id,
            tiyin(topup.amount),
            locale,
        )
