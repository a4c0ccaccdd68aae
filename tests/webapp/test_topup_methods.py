"""The Mini App's balance page offers every way of paying that is on (issue 25 item 3): Stars
in the page as before, crypto by the provider's link for an amount typed in the page, and a
method whose receipt goes to the chat by handing over to the chat."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder
from aiohttp.test_utils import TestServer
from pydantic import HttpUrl, SecretStr

from bot.i18n import Texts
from bot.money import Amounts
from bot.ops.server import public_app
from bot.payments import Cover, Method, Offer, Payments, PendingTopup
from bot.settings import Settings
from bot.storage import Credited, Database, TopupsRepo
from tests.fake_cryptopay import TOKEN, FakeCryptoPay
from tests.webapp.browser import MISSING, chromium_page, have_chromium, ready
from tests.webapp.conftest import CUSTOMER, Api, init_data


class Receipt(StatesGroup):
    amount = State()


class Transfer(Method[str]):
    """A stand-in for a method the chat takes over (its offer waits for a typed amount)."""

    name = "transfer"
    cover_action = "topuptransfer"

    def label(self, t: Texts) -> str:
        return "💳 Card transfer"

    def offer(self, t: Texts, currency: str) -> Offer:
        builder = InlineKeyboardBuilder()
        builder.button(text="Cancel", callback_data="tu:cancel:0:")
        markup: InlineKeyboardMarkup = builder.as_markup()
        return Offer("How much will you transfer?", markup, Receipt.amount)

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        return None

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        raise NotImplementedError

    async def confirm(self, confirmation: str) -> Credited:
        raise NotImplementedError


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
async def with_transfer(dp: Dispatcher) -> AsyncIterator[Dispatcher]:
    await dp["catalogue"].current()  # the currency (UZS) is known
    payments: Payments = dp["payments"]
    dp["payments"] = Payments(payments.stars, *list(payments)[1:], Transfer())
    yield dp
    await dp["crypto_sweep"].stop(1)


@pytest.mark.usefixtures("with_transfer")
async def test_me_lists_every_method_with_how_the_page_offers_it(api: Api) -> None:
    me = await api.post("me", json={})
    assert me["methods"] == [
        {"name": "stars", "label": "⭐ Telegram Stars", "kind": "invoice", "hint": None},
        {
            "name": "crypto",
            "label": "🪙 Crypto (CryptoBot)",
            "kind": "link",
            "hint": "Send an amount from 1,000.00 UZS to 10,000,000.00 UZS.",
        },
        {"name": "transfer", "label": "💳 Card transfer", "kind": "chat", "hint": None},
    ]


@pytest.mark.usefixtures("with_transfer")
async def test_crypto_from_the_page_gives_the_invoice_link(
    api: Api, bot: Bot, db: Database, cryptopay: FakeCryptoPay
) -> None:
    answer = await api.post("topup", json={"method": "crypto", "amount": "150 000"})
    [invoice] = cryptopay.invoices.values()
    assert answer == {"link": invoice["bot_invoice_url"], "amount": "150,000.00 UZS"}
    assert invoice["amount"] == "150000.00"
    [topup] = await TopupsRepo(db).pending("crypto", user_id=CUSTOMER)
    assert topup.amount == Decimal(150000)
    # The page opens the link: nothing is sent into the chat.
    assert not [r for r in bot.session.requests if isinstance(r, SendMessage)]  # type: ignore[attr-defined]


@pytest.mark.usefixtures("with_transfer")
async def test_a_bad_amount_a_forged_method_or_crypto_pay_down_creates_nothing(
    api: Api, db: Database, cryptopay: FakeCryptoPay
) -> None:
    for typed in ("12", "abc", "", "1e9"):
        error = await api.refused(
            "POST", "topup", 422, "bad_typed_amount", json={"method": "crypto", "amount": typed}
        )
        assert error["message"] == "Send an amount from 1,000.00 UZS to 10,000,000.00 UZS."
    await api.refused("POST", "topup", 409, "method_off", json={"method": "paypal"})
    cryptopay.down = True
    await api.refused("POST", "topup", 502, "internal", json={"method": "crypto", "amount": "5000"})
    assert cryptopay.calls_of("createInvoice") == []
    assert await TopupsRepo(db).list_for_user(CUSTOMER) == []


@pytest.mark.usefixtures("with_transfer")
async def test_a_method_the_chat_takes_over_sends_its_offer_there(
    api: Api, bot: Bot, dp: Dispatcher
) -> None:
    assert await api.post("topup", json={"method": "transfer"}) == {"chat": True}
    [sent] = [r for r in bot.session.requests if isinstance(r, SendMessage)]  # type: ignore[attr-defined]
    assert (sent.chat_id, sent.text) == (CUSTOMER, "How much will you transfer?")
    key = StorageKey(bot_id=bot.id, chat_id=CUSTOMER, user_id=CUSTOMER)
    assert await dp.fsm.storage.get_state(key) == Receipt.amount.state


@pytest.mark.skipif(not have_chromium(), reason=MISSING)
async def test_the_balance_page_pays_with_crypto_and_hands_a_transfer_to_the_chat(
    with_transfer: Dispatcher, bot: Bot, cryptopay: FakeCryptoPay
) -> None:
    server = TestServer(public_app(with_transfer, bot))
    await server.start_server()
    try:
        url = str(server.make_url("/app/#/balance"))
        async with chromium_page(url, init_data(CUSTOMER, "en")) as page:
            await ready(page)
            await page.fill("#amount-crypto", "abc")
            await page.click("form[data-method='crypto'] button")
            await page.wait_for_selector("#topup-status:not(:empty)")
            assert await page.text_content("#topup-status") == (
                "Send an amount from 1,000.00 UZS to 10,000,000.00 UZS."
            )
            await page.fill("#amount-crypto", "150 000")
            await page.click("form[data-method='crypto'] button")
            await page.wait_for_selector("#topup-status:has-text('window that opened')")
            [invoice] = cryptopay.invoices.values()
            assert await page.evaluate("Telegram.WebApp.links") == [invoice["bot_invoice_url"]]

            await page.click("button[data-method='transfer']")
            await page.wait_for_selector("#topup-status:has-text('continue there')")
        sent = [r for r in bot.session.requests if isinstance(r, SendMessage)]  # type: ignore[attr-defined]
        assert [s.text for s in sent] == ["How much will you transfer?"]
    finally:
        await server.close()
