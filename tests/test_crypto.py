"""Crypto Pay (issue 25 items 2, 3 and 6): Top up → 🪙 Crypto → amount → an invoice with its
link and "Check payment"; credited once per invoice by the sweep, the webhook or the check;
expired invoices cancelled and told; bad input, forged or replayed webhooks and an
unreachable Crypto Pay change nothing. All against a fake Crypto Pay over real HTTP."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import aiohttp
import pytest
from aiogram import Dispatcher
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

import handlers.customer.crypto
from bot.ops.server import public_app, serving
from bot.payments.credits import CREDITED_AT_SUMMARY
from bot.payments.crypto import Crypto, Outcome
from bot.payments.crypto_sweep import CryptoSweep
from bot.settings import Settings, SettingsError, load_settings
from bot.storage import LedgerRepo, OutboxRepo, TopupsRepo
from bot.telegram.callbacks import CryptoCb, OrderNavCb, TopupCb
from tests.conftest import TEST_TOKEN, fund
from tests.e2e.bot_process import free_port
from tests.fake_cryptopay import TOKEN, FakeCryptoPay
from tests.harness import BotClient, a_sticker, last_buttons, texts
from tests.helpers import admin_texts, balance_of
from tests.test_order_flow import to_summary

CRYPTO = TopupCb(action="method", method="crypto")


@pytest.fixture
def settings(settings: Settings, cryptopay: FakeCryptoPay) -> Settings:
    """The shared settings with Crypto Pay on, against the fake."""
    return load_settings(
        _env_file=None,
        **settings.model_dump(exclude_defaults=True),
        crypto_pay_token=TOKEN,
        crypto_pay_api_url=cryptopay.url,
        crypto_pay_assets="USDT,TON",
        crypto_pay_min="1000",
        crypto_pay_max="5000000",
    )


@pytest.fixture
async def crypto_dp(dp: Dispatcher) -> AsyncIterator[Dispatcher]:
    await dp["catalogue"].current()  # the shop learns its currency (UZS) from the panel
    yield dp
    await dp["crypto_sweep"].stop(1)  # closes the client's connections


def crypto_of(dp: Dispatcher) -> Crypto:
    method = dp["payments"].by_name("crypto")
    assert isinstance(method, Crypto)
    return method


def alert(sent: list[TelegramMethod[Any]]) -> str:
    """What the tap was answered with."""
    [answered] = [request for request in sent if isinstance(request, AnswerCallbackQuery)]
    return answered.text or ""


def rows(message: TelegramMethod[Any]) -> list[list[InlineKeyboardButton]]:
    assert isinstance(message, SendMessage)
    markup = message.reply_markup
    assert isinstance(markup, InlineKeyboardMarkup)
    keyboard: list[list[InlineKeyboardButton]] = markup.inline_keyboard
    return keyboard


async def invoice_for(client: BotClient, amount: str) -> list[TelegramMethod[Any]]:
    await client.send("/topup")
    await client.click(CRYPTO)
    return await client.send(amount)


@pytest.mark.usefixtures("crypto_dp")
async def test_topup_with_crypto_invoice_check_and_credit_once(
    client: BotClient, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher
) -> None:
    sent = await client.send("/topup")
    chooser = [(button.text, button.callback_data) for [button] in rows(sent[-1])]
    assert ("🪙 Crypto (CryptoBot)", CRYPTO.pack()) in chooser
    asked = texts(await client.click(CRYPTO))
    assert asked == [
        "<b>Top up with crypto</b>\nHow much should go on your balance? Send a whole amount from"
        " 1,000.00 UZS to 5,000,000.00 UZS. You then pay it in @CryptoBot, in the coin you"
        " choose."
    ]
    sent = await client.send("150 000")
    [made] = cryptopay.calls_of("createInvoice")
    assert made["currency_type"] == "fiat"
    assert (made["fiat"], made["amount"], made["accepted_assets"]) == (
        "UZS",
        "150000.00",
        "USDT,TON",
    )
    [topup] = await TopupsRepo(db).pending("crypto", user_id=client.user.id)
    assert made["payload"] == topup.payload
    assert topup.amount == Decimal(150000)
    [invoice] = [s for s in sent if isinstance(s, SendMessage)]
    assert invoice.text.startswith(f"🪙 <b>Top-up #{topup.id}</b>: +150,000.00 UZS")
    assert "Pay 150,000.00 UZS in @CryptoBot within 60 min" in invoice.text
    [pay, check] = rows(invoice)
    invoice_id = next(iter(cryptopay.invoices))
    assert pay[0].url == f"https://t.me/CryptoBot?start=IV{invoice_id}"
    assert check[0].callback_data == CryptoCb(action="check", id=topup.id).pack()

    answered = alert(await client.click(CryptoCb(action="check", id=topup.id)))
    assert answered.startswith("Not paid yet.")
    assert await balance_of(db, client.user.id) == 0

    cryptopay.pay(invoice_id)
    answered = alert(await client.click(CryptoCb(action="check", id=topup.id)))
    assert answered == "✅ Paid: the amount is on your balance."
    assert await balance_of(db, client.user.id) == 150000
    # The sweep and a second tap find it credited: nothing moves twice.
    assert await crypto_dp["crypto_sweep"].run_once() is not None
    await client.click(CryptoCb(action="check", id=topup.id))
    assert await balance_of(db, client.user.id) == 150000
    [entry] = [e for e in await LedgerRepo(db).entries(client.user.id)]
    assert (entry.amount, entry.method, entry.ref) == (Decimal(150000), "crypto", str(invoice_id))
    [notice] = await OutboxRepo(db).due()
    assert notice.key == "topup-credited"


@pytest.mark.usefixtures("crypto_dp")
@pytest.mark.parametrize("typed", ["abc", "0", "999", "5000001", "150000.5", "1e5", "NaN", "٣٠٠٠"])
async def test_an_amount_out_of_bounds_or_not_a_number_is_refused(
    client: BotClient, db, cryptopay: FakeCryptoPay, typed: str
) -> None:
    sent = await invoice_for(client, typed)
    assert texts(sent) == ["Send a whole amount from 1,000.00 UZS to 5,000,000.00 UZS."]
    assert cryptopay.calls_of("createInvoice") == []
    # Still waiting for an amount: a good one now makes the invoice; /cancel would end it.
    await client.send("2000")
    assert len(cryptopay.calls_of("createInvoice")) == 1


@pytest.mark.usefixtures("crypto_dp")
async def test_a_sticker_for_an_amount_gets_the_bounds(
    client: BotClient, cryptopay: FakeCryptoPay
) -> None:
    await client.send("/topup")
    await client.click(CRYPTO)
    sent = await client.send(sticker=a_sticker())
    assert texts(sent) == ["Send a whole amount from 1,000.00 UZS to 5,000,000.00 UZS."]
    assert cryptopay.calls_of("createInvoice") == []


@pytest.mark.usefixtures("crypto_dp")
async def test_cancel_while_typing_the_amount(client: BotClient, cryptopay: FakeCryptoPay) -> None:
    await client.send("/topup")
    await client.click(CRYPTO)
    assert texts(await client.send("/cancel")) == ["Top-up canceled."]
    await client.send("2000")
    assert cryptopay.calls_of("createInvoice") == []


@pytest.mark.usefixtures("crypto_dp")
async def test_crypto_pay_unreachable_or_refusing_at_invoice_time(
    client: BotClient, db, cryptopay: FakeCryptoPay
) -> None:
    cryptopay.down = True
    sent = await invoice_for(client, "2000")
    assert texts(sent) == ["That did not work. Please try again."]
    cryptopay.down = False
    cryptopay.token = "1:other"  # our token is refused: a clear no
    sent = await invoice_for(client, "2000")
    assert texts(sent)[0].startswith("Crypto Pay would not make this invoice.")
    # Nobody got a link: no top-up is left pending.
    assert await TopupsRepo(db).pending("crypto") == []


@pytest.mark.usefixtures("crypto_dp")
async def test_sweep_credits_paid_cancels_expired_and_outlives_an_outage(
    make_client, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher, caplog
) -> None:
    alice, bob = make_client(user_id=2001), make_client(user_id=2002, language_code="ru")
    await invoice_for(alice, "3000")
    await invoice_for(bob, "4000")
    paid, expired = list(cryptopay.invoices)
    sweep: CryptoSweep = crypto_dp["crypto_sweep"]

    cryptopay.down = True
    with caplog.at_level(logging.WARNING):
        assert await sweep.run_once() is None
        assert await sweep.run_once() is None
    outage = [
        r.getMessage() for r in caplog.records if "Crypto Pay cannot be asked" in r.getMessage()
    ]
    assert len(outage) == 1  # once per outage, not per sweep
    cryptopay.down = False
    cryptopay.broken = True  # a proxy's HTML page
    assert await sweep.run_once() is None
    cryptopay.broken = False

    cryptopay.pay(paid)
    cryptopay.expire(expired)
    counts = await sweep.run_once()
    assert counts is not None
    assert (counts[Outcome.CREDITED], counts[Outcome.EXPIRED]) == (1, 1)
    assert await balance_of(db, alice.user.id) == 3000
    assert await balance_of(db, bob.user.id) == 0
    assert await TopupsRepo(db).pending("crypto") == []
    told = {(m.user_id, m.key) for m in await OutboxRepo(db).due()}
    assert told == {(alice.user.id, "topup-credited"), (bob.user.id, "topup-crypto-expired")}
    # Again: nothing is open, nothing changes.
    assert await sweep.run_once() == dict.fromkeys(Outcome, 0)
    assert await balance_of(db, alice.user.id) == 3000
    # Bob's expired invoice: Check payment says so, and nothing is asked of Crypto Pay.
    answered = alert(await bob.click(CryptoCb(action="check", id=2)))
    assert answered == "Этот счёт больше не действует. Отправьте /topup, чтобы получить новый."


@pytest.mark.usefixtures("crypto_dp")
async def test_check_payment_with_crypto_pay_slow_answers_in_time_and_changes_nothing(
    client: BotClient, db, cryptopay: FakeCryptoPay, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(handlers.customer.crypto, "CHECK_WITHIN", 0.2)
    await invoice_for(client, "3000")
    cryptopay.pay(next(iter(cryptopay.invoices)))
    cryptopay.slow = 2.0
    answered = alert(await client.click(CryptoCb(action="check", id=1)))
    assert answered.startswith("Crypto Pay is not answering right now.")
    assert await balance_of(db, client.user.id) == 0
    cryptopay.slow = 0.0
    answered = alert(await client.click(CryptoCb(action="check", id=1)))
    assert answered == "✅ Paid: the amount is on your balance."


@pytest.mark.usefixtures("crypto_dp")
async def test_check_payment_of_another_customers_invoice_reveals_and_changes_nothing(
    make_client, db, cryptopay: FakeCryptoPay
) -> None:
    alice, mallory = make_client(user_id=2001), make_client(user_id=2666)
    await invoice_for(alice, "3000")
    cryptopay.pay(next(iter(cryptopay.invoices)))
    asked = len(cryptopay.calls_of("getInvoices"))
    answered = alert(await mallory.click(CryptoCb(action="check", id=1)))
    assert answered.startswith("This invoice is no longer valid.")
    assert len(cryptopay.calls_of("getInvoices")) == asked
    assert await balance_of(db, alice.user.id) == 0
    # A forged id past 64 bits, or of no top-up at all, answers the same.
    answered = alert(await mallory.click(CryptoCb(action="check", id=99)))
    assert answered.startswith("This invoice is no longer valid.")


@pytest.mark.usefixtures("crypto_dp")
async def test_webhook_credits_once_and_refuses_forged_unknown_and_replayed(
    client: BotClient, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher
) -> None:
    await invoice_for(client, "150 000")
    invoice_id = next(iter(cryptopay.invoices))
    cryptopay.pay(invoice_id)
    port = free_port()
    url = f"http://127.0.0.1:{port}/crypto-pay"
    async with (
        serving(public_app(crypto_dp, client.bot), f"127.0.0.1:{port}", 1),
        aiohttp.ClientSession() as http,
    ):
        body, headers = cryptopay.webhook(invoice_id, token="1:not-the-token")
        async with http.post(url, data=body, headers=headers) as answer:
            assert answer.status == 401
        forged = dict(headers, **{"crypto-pay-api-signature": "0" * 64})
        async with http.post(url, data=body, headers=forged) as answer:
            assert answer.status == 401
        # Not even hex: refused like any wrong signature, not a server error.
        garbled = dict(headers, **{"crypto-pay-api-signature": "é" * 64})
        async with http.post(url, data=body, headers=garbled) as answer:
            assert answer.status == 401
        unsigned = {"Content-Type": "application/json"}
        async with http.post(url, data=body, headers=unsigned) as answer:
            assert answer.status == 401
        # Signed right, but the body changed on the way: the signature no longer matches.
        body, headers = cryptopay.webhook(invoice_id)
        tampered = body.replace(b'"150000.00"', b'"1500000.00"')
        async with http.post(url, data=tampered, headers=headers) as answer:
            assert answer.status == 401
        assert await balance_of(db, client.user.id) == 0

        for _ in range(2):  # the update, then Crypto Pay's retry of it
            async with http.post(url, data=body, headers=headers) as answer:
                assert answer.status == 200
        assert await balance_of(db, client.user.id) == 150000

        # A signed update about an invoice that is none of ours changes nothing.
        cryptopay.invoices[77] = dict(cryptopay.invoices[invoice_id], invoice_id=77)
        body, headers = cryptopay.webhook(77)
        async with http.post(url, data=body, headers=headers) as answer:
            assert answer.status == 200
        async with http.post(url, data=b"x" * 70_000, headers=headers) as answer:
            assert answer.status == 413
    assert await balance_of(db, client.user.id) == 150000
    assert len(await LedgerRepo(db).entries(client.user.id)) == 1


@pytest.mark.usefixtures("crypto_dp")
async def test_short_summary_crypto_top_up_then_back_to_the_same_summary(
    client: BotClient, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher
) -> None:
    """The missing 2.20 UZS is below CRYPTO_PAY_MIN (1000): the invoice asks the minimum."""
    await fund(db, client.user.id, "5")
    await to_summary(client, quantity="100")
    assert last_buttons(client)[:2] == [
        "⭐ Top up 2.20 UZS (220 ⭐)",
        "🪙 Top up 1,000.00 UZS with crypto",
    ]
    await client.click(OrderNavCb(action="topupcrypto"), client.bot_messages()[-1])
    [made] = cryptopay.calls_of("createInvoice")
    assert made["amount"] == "1000.00"
    cryptopay.pay(next(iter(cryptopay.invoices)))
    await crypto_dp["crypto_sweep"].run_once()
    assert await balance_of(db, client.user.id) == Decimal("1005")

    before = len(client.session.requests)
    await crypto_dp["outbox_sender"].run_once(client.bot)
    [notice] = [r for r in client.session.requests[before:] if isinstance(r, SendMessage)]
    assert notice.text.endswith("Your order is waiting: go back to it to confirm.")
    [[back]] = rows(notice)
    resume = OrderNavCb(action="resume")
    assert (back.text, back.callback_data) == ("↩️ Back to your order", resume.pack())

    summary = texts(await client.click(resume))
    assert "<b>Check your order</b>" in summary[-1]
    assert "Your balance: 1,005.00 UZS → 997.80 UZS" in summary[-1]
    assert last_buttons(client) == ["✅ Confirm and pay", "« Back", "✖ Cancel"]
    assert "Order number: <b>#1</b>" in texts(await client.click_text("✅ Confirm and pay"))[-1]

    # The summary is gone now: an old "Back to your order" says so and shows nothing.
    answered = alert(await client.click(resume))
    assert answered == "This offer has expired. Send /order to start again."


@pytest.mark.usefixtures("crypto_dp")
async def test_a_summary_crypto_top_up_crypto_pay_refuses_says_so_and_keeps_the_summary(
    client: BotClient, db, cryptopay: FakeCryptoPay
) -> None:
    await fund(db, client.user.id, "5")
    await to_summary(client, quantity="100")
    cryptopay.token = "1:other"  # ours is refused
    sent = await client.click(OrderNavCb(action="topupcrypto"), client.bot_messages()[-1])
    assert texts(sent)[-1].startswith("Crypto Pay would not make this invoice.")
    assert await TopupsRepo(db).list_for_user(client.user.id) == []
    # The summary's buttons still work: another try makes the invoice once Crypto Pay takes it.
    cryptopay.token = TOKEN
    await client.click(OrderNavCb(action="topupcrypto"), client.bot_messages()[-2])
    assert len(await TopupsRepo(db).pending("crypto", user_id=client.user.id)) == 1


@pytest.mark.usefixtures("crypto_dp")
async def test_a_signed_paid_invoice_of_another_top_up_or_currency_is_not_credited(
    client: BotClient, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher
) -> None:
    await invoice_for(client, "2000")
    invoice_id = next(iter(cryptopay.invoices))
    cryptopay.pay(invoice_id)
    cryptopay.invoices[invoice_id]["fiat"] = "USD"
    crypto = crypto_of(crypto_dp)
    ours = await crypto.invoices.by_invoice(invoice_id)
    assert ours is not None
    assert await crypto.check(ours) == Outcome.REFUSED  # Check payment: not credited
    cryptopay.invoices[invoice_id] |= {"fiat": "UZS", "payload": "someone-else"}
    assert await crypto_dp["crypto_sweep"].run_once() == dict.fromkeys(Outcome, 0) | {
        Outcome.REFUSED: 1
    }
    assert await balance_of(db, client.user.id) == 0


@pytest.mark.usefixtures("crypto_dp")
async def test_credit_outside_an_order_carries_no_way_back(
    client: BotClient, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher
) -> None:
    await invoice_for(client, "2000")
    cryptopay.pay(next(iter(cryptopay.invoices)))
    await crypto_dp["crypto_sweep"].run_once()
    [notice] = await OutboxRepo(db).due()
    assert notice.key == "topup-credited" != CREDITED_AT_SUMMARY


@pytest.mark.parametrize(
    ("name", "value", "line"),
    [
        ("crypto_pay_token", "not-a-token", "CRYPTO_PAY_TOKEN is malformed: expected"),
        (
            "crypto_pay_assets",
            "USDT,bit coin",
            "CRYPTO_PAY_ASSETS is malformed (got 'USDT,bit coin')",
        ),
        ("crypto_pay_fiat", "XYZ", "CRYPTO_PAY_FIAT is malformed (got 'XYZ')"),
        ("crypto_pay_fiat_rate", "0", "CRYPTO_PAY_FIAT_RATE is malformed (got '0')"),
        ("crypto_pay_max", "0.5", "CRYPTO_PAY_MAX is malformed (got '0.5')"),
        ("crypto_pay_expires_in", "10", "CRYPTO_PAY_EXPIRES_IN is malformed (got '10')"),
        ("crypto_pay_api_url", "ftp://x", "CRYPTO_PAY_API_URL is malformed (got 'ftp://x')"),
    ],
)
def test_a_bad_crypto_setting_is_one_clear_line(name: str, value: str, line: str) -> None:
    with pytest.raises(SettingsError) as raised:
        load_settings(
            _env_file=None,
            bot_token=TEST_TOKEN,
            panel_api_url="http://127.0.0.1:1/api/v2",
            panel_api_key="k",
            **{name: value},
        )
    [only] = raised.value.lines
    assert only.startswith(line)
    assert "not-a-token" not in only  # the token is a secret: never echoed


def test_crypto_is_off_without_a_token(settings: Settings) -> None:
    plain = load_settings(
        _env_file=None, bot_token=TEST_TOKEN, panel_api_url="http://127.0.0.1:1/", panel_api_key="k"
    )
    assert plain.crypto_pay_token is None
    assert str(plain.crypto_pay_api_url) == "https://pay.crypt.bot/api"


@pytest.mark.usefixtures("crypto_dp")
async def test_a_paid_invoice_that_cannot_be_credited_alerts_the_admins_once(
    make_client, db, cryptopay: FakeCryptoPay, crypto_dp: Dispatcher
) -> None:
    alice, bob = make_client(user_id=2001), make_client(user_id=2002)
    await invoice_for(alice, "3000")
    await invoice_for(bob, "4000")
    cancelled, elsewhere = list(cryptopay.invoices)
    [topup] = await TopupsRepo(db).pending("crypto", user_id=alice.user.id)
    async with db.transaction() as tx:  # expired meanwhile, while the customer paid it
        await TopupsRepo(db).cancel(tx, topup.id)
    cryptopay.pay(cancelled)
    port = free_port()
    async with (
        serving(public_app(crypto_dp, alice.bot), f"127.0.0.1:{port}", 1),
        aiohttp.ClientSession() as http,
    ):
        body, headers = cryptopay.webhook(cancelled)
        for _ in range(2):  # the update, then a replay of it
            url = f"http://127.0.0.1:{port}/crypto-pay"
            async with http.post(url, data=body, headers=headers) as answer:
                assert answer.status == 200
    [alert] = admin_texts(alice.bot)
    assert f"Crypto Pay invoice {cancelled} was paid" in alert
    assert (
        f"top-up #{topup.id} of customer {alice.user.id} (3,000.00 UZS) had been canceled" in alert
    )
    assert f"/credit {alice.user.id} AMOUNT" in alert

    # A signed paid invoice naming another top-up: every sweep refuses it, one alert.
    cryptopay.pay(elsewhere)
    cryptopay.invoices[elsewhere]["payload"] = "someone-else"
    sweep: CryptoSweep = crypto_dp["crypto_sweep"]
    for _ in range(2):
        counts = await sweep.run_once()
        assert counts is not None
        assert counts[Outcome.REFUSED] == 1
    assert len(admin_texts(alice.bot)) == 2
    assert f"Crypto Pay invoice {elsewhere} was paid" in admin_texts(alice.bot)[1]
    assert (
        f"it does not match top-up #{topup.id + 1} of customer {bob.user.id}"
        in (admin_texts(alice.bot)[1])
    )
    assert await balance_of(db, alice.user.id) == 0
    assert await balance_of(db, bob.user.id) == 0
