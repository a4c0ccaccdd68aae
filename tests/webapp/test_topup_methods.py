"""The Mini App's balance page offers every way of paying that is on (issue 25 item 3): Stars
in the page as before, crypto by @CryptoBot's invoice link for a whole amount typed in the
page, and a method whose receipt goes to the chat by handing over to the chat."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from pydantic import HttpUrl, SecretStr

from bot.i18n import Texts
from bot.money import Amounts
from bot.payments import Cover, Method, Offer, PaymentFailed, Payments, PendingTopup
from bot.payments.method import AppOffer
from bot.settings import Settings
from bot.storage import Database, TopupsRepo
from tests.fake_cryptopay import TOKEN, FakeCryptoPay
from tests.helpers import balance_of
from tests.webapp.browser import MISSING, chromium_page, have_chromium, ready, serving, until
from tests.webapp.conftest import CUSTOMER, Api, init_data


class Transfer(Method):
    """A stand-in for a method the chat takes over: its details go into the chat."""

    name = "transfer"
    cover_action = "topuptransfer"

    def __init__(self) -> None:
        self.created: list[tuple[int, int, int | None]] = []

    def label(self, t: Texts) -> str:
        return "💳 Card transfer"

    def offer(self, t: Texts, currency: str) -> Offer:
        markup: InlineKeyboardMarkup = InlineKeyboardBuilder().as_markup()
        return Offer("Transfer to 8600 0000 0000 0000", markup)

    def app_offer(self, t: Texts, currency: str) -> AppOffer:
        return AppOffer(
            self.name, "Card transfer", "Any bank card", [], 1000, 9000, "Amount", "chat"
        )

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        return None

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        self.created.append((user_id, units, chat_id))
        raise PaymentFailed(self.name, clear=True)  # enough: what reached `create` is checked


@pytest.fixture
def settings(settings: Settings, cryptopay: FakeCryptoPay) -> Settings:
    """The Mini App's settings (the parent fixture) with Crypto Pay on."""
    crypto = {
        "crypto_pay_token": SecretStr(TOKEN),
        "crypto_pay_api_url": HttpUrl(cryptopay.url),
        "crypto_pay_min": Decimal(1000),
    }
    return settings.model_copy(update=crypto)


@pytest.fixture
async def crypto_dp(dp: Dispatcher) -> AsyncIterator[Dispatcher]:
    await dp["catalogue"].current()  # the currency (UZS) is known
    yield dp
    await dp["crypto_sweep"].stop(1)  # closes the client's connections


@pytest.mark.usefixtures("crypto_dp")
async def test_the_page_is_offered_crypto_beside_stars(api: Api) -> None:
    me = await api.post("me", json={})
    assert [offer["method"] for offer in me["topup"]] == ["stars", "crypto"]
    assert me["topup"][1] == {
        "method": "crypto",
        "title": "Top up with crypto",
        "hint": (
            "From 1,000.00 UZS to 10,000,000.00 UZS, paid in @CryptoBot in the coin you choose."
        ),
        "presets": [],
        "min": 1000,
        "max": 10000000,
        "other": "Amount in UZS",
        "opens": "link",
    }


@pytest.mark.usefixtures("crypto_dp")
async def test_crypto_from_the_page_gives_the_invoice_link(
    api: Api, db: Database, cryptopay: FakeCryptoPay
) -> None:
    answer = await api.post("topup", json={"method": "crypto", "units": "150000"})
    [invoice] = cryptopay.invoices.values()
    [topup] = await TopupsRepo(db).pending("crypto", user_id=CUSTOMER)
    assert answer == {
        "topup": topup.id,
        "link": invoice["bot_invoice_url"],
        "opens": "link",
        "units": 150000,
        "amount": "150,000.00 UZS",
    }
    assert (invoice["fiat"], invoice["amount"]) == ("UZS", "150000.00")
    assert topup.amount == Decimal(150000)


@pytest.mark.usefixtures("crypto_dp")
async def test_a_bad_amount_or_crypto_pay_refusing_or_down_creates_nothing(
    api: Api, db: Database, cryptopay: FakeCryptoPay
) -> None:
    for typed in ("999", "10000001", "abc", "1.5"):
        error = await api.refused(
            "POST", "topup", 422, "bad_amount", json={"method": "crypto", "units": typed}
        )
        assert error["message"] == "Choose a whole amount from 1,000 to 10,000,000."
    cryptopay.token = "1:other"  # ours is refused: Crypto Pay's no, in its own words
    error = await api.refused(
        "POST", "topup", 502, "invoice_failed", json={"method": "crypto", "units": 5000}
    )
    assert error["message"].startswith("Crypto Pay would not make this invoice.")
    cryptopay.token, cryptopay.down = TOKEN, True
    error = await api.refused(
        "POST", "topup", 502, "invoice_failed", json={"method": "crypto", "units": 5000}
    )
    assert error["message"] == "That did not work. Please try again."
    assert await TopupsRepo(db).list_for_user(CUSTOMER) == []


@pytest.fixture
def transfer(dp: Dispatcher) -> Transfer:
    """Set before the page's server is (`api`): it reads the registry once."""
    method = Transfer()
    dp["payments"] = Payments(dp["payments"].stars, method)
    return method


async def test_a_method_the_chat_takes_over_is_made_in_the_chat(
    transfer: Transfer, api: Api
) -> None:
    await api.refused(
        "POST", "topup", 502, "invoice_failed", json={"method": "transfer", "units": 2000}
    )
    assert transfer.created == [(CUSTOMER, 2000, CUSTOMER)]


@pytest.mark.skipif(not have_chromium(), reason=MISSING)
async def test_the_balance_page_pays_with_crypto_and_sees_it_credited(
    crypto_dp: Dispatcher, bot: Bot, db: Database, cryptopay: FakeCryptoPay
) -> None:
    async with (
        serving(crypto_dp, bot) as url,
        chromium_page(url + "#/balance", init_data(CUSTOMER, "en")) as page,
    ):
        await ready(page)
        await page.fill("#units-crypto", "150 000")
        await page.click("section[data-method='crypto'] form button")
        await until(page, "Telegram.WebApp.links.length === 1")
        [invoice] = cryptopay.invoices.values()
        assert await page.evaluate("Telegram.WebApp.links") == [invoice["bot_invoice_url"]]
        # Paid in @CryptoBot; the sweep finds it; the page, asking, shows it credited.
        cryptopay.pay(invoice["invoice_id"])
        await crypto_dp["crypto_sweep"].run_once()
        await page.wait_for_selector("#balance:has-text('150,000.00 UZS')")
    assert await balance_of(db, CUSTOMER) == 150000
