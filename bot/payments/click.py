"""Click: a top-up is paid on Click's pay page, opened by a link whose `transaction_param`
is the top-up's number; Click then calls the shop's SHOP-API (`bot.payments.click_merchant`),
which credits it.

Why no library: `click-up` and `paytechuz` serve the SHOP-API as Django or FastAPI views over
their own ORM models, synchronous at the core; the bot runs on aiohttp with its own SQLite
ledger, where the credit and Click's transaction must commit together. The protocol is two
form posts with an MD5 signature: written here from Click's SHOP-API documentation
(docs.click.uz).
"""

from __future__ import annotations

from urllib.parse import urlencode

from bot.payments.by_link import ByLink
from bot.storage import Topup

PAY_PAGE = "https://my.click.uz/services/pay"


def pay_link(service_id: int, merchant_id: int, topup: Topup) -> str:
    """Click's pay page for `topup`: its amount in so'm, its number as `transaction_param`
    (what Click sends back as `merchant_trans_id`)."""
    query = {
        "service_id": service_id,
        "merchant_id": merchant_id,
        "amount": f"{topup.amount:.2f}",
        "transaction_param": topup.id,
    }
    return f"{PAY_PAGE}?{urlencode(query)}"


class Click(ByLink):
    name = "click"
    title = "Click"

    @property
    def configured(self) -> bool:
        settings = self.settings
        return (
            settings.click_service_id is not None
            and settings.click_merchant_id is not None
            and settings.click_secret_key is not None
        )

    def link(self, topup: Topup, locale: str) -> str:
        service, merchant = self.settings.click_service_id, self.settings.click_merchant_id
        if service is None or merchant is None:  # cannot happen: offered only when configured
            raise RuntimeError("Click is not configured")
        return pay_link(service, merchant, topup)
