"""Payme and Click against the bot as a real process: the customer takes the link in the
chat, then Payme's Merchant API and Click's SHOP-API are played over HTTP_LISTEN as the
providers' documentation describes them, errors and repeats included; the customer hears
of each credit and cancellation, and the ledger equals the balances at the end."""

from __future__ import annotations

import base64
from decimal import Decimal
from urllib.parse import parse_qs, urlsplit

import pytest

from bot.i18n import Texts, Translator
from tests.e2e.bot_process import BotProcess, free_port
from tests.e2e.fake_telegram import FakeTelegram, FakeUser, ShownMessage
from tests.e2e.steps import shown, uzs
from tests.fake_click import FakeClick
from tests.fake_payme import FakePayme

pytestmark = pytest.mark.e2e

ALICE = 1001
MERCHANT = "5e730e8e0b852a417aa49ceb"
PAYME_KEY = "sandbox-key-4Rt#9"
SERVICE, CLICK_MERCHANT, CLICK_SECRET = 31337, 4242, "click-secret-Mx2"


def with_link(message: ShownMessage) -> bool:
    return any(button.url for button in message.buttons)


async def link_for(alice: FakeUser, t: Texts, method: str, amount: str | None = None) -> str:
    """/topup, the method, then a preset (`amount` None: the first) or a typed amount."""
    await alice.send("/topup")
    await alice.wait_for_text(shown(t, "topup-methods").splitlines()[-1])
    await alice.press(f"💳 {method}")
    heading = shown(t, "topup-by-link-choose", method=f"💳 {method}", min="", max="")
    offer = await alice.wait_for_text(heading.splitlines()[0])
    if amount is None:
        await alice.press(offer.labels[0])
    else:
        await alice.press("✏️ Another amount")
        await alice.wait_for_text("Send an amount in so'm")
        await alice.send(amount)
    sent = await alice.wait_for_message(with_link, "the provider's link")
    [url] = [button.url for button in sent.buttons if button.url]
    return url


async def test_payme_through_the_merchant_api(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    port = free_port()
    bot_process.env |= {
        "HTTP_LISTEN": f"127.0.0.1:{port}",
        "PAYME_MERCHANT_ID": MERCHANT,
        "PAYME_KEY": PAYME_KEY,
        "PAYME_CHECKOUT_URL": "https://checkout.test.paycom.uz",
    }
    await bot_process.start()
    alice = telegram.user(ALICE, "Alice", language_code="en")
    t = translator.texts("en")
    url = await link_for(alice, t, "Payme", "150 000")
    base, encoded = url.rsplit("/", 1)
    assert base == "https://checkout.test.paycom.uz"
    params = dict(part.split("=", 1) for part in base64.b64decode(encoded).decode().split(";"))
    assert (params["m"], params["a"], params["l"]) == (MERCHANT, "15000000", "en")
    topup = int(params["ac.topup_id"])

    async with FakePayme(f"http://127.0.0.1:{port}/payme", PAYME_KEY) as payme:
        # The sandbox's scenarios: wrong authorization, wrong amount, an unknown account.
        assert (await payme.check_perform(topup, 15_000_000))["result"] == {"allow": True}
        wrong_key = await payme.call("PerformTransaction", {"id": "x"}, key="guess")
        assert wrong_key["error"]["code"] == -32504
        assert (await payme.check_perform(topup, 15_000_001))["error"]["code"] == -31001
        unknown = await payme.check_perform(topup + 1, 15_000_000)
        assert (unknown["error"]["code"], unknown["error"]["data"]) == (-31050, "topup_id")
        assert set(unknown["error"]["message"]) == {"ru", "uz", "en"}
        assert (await payme.perform("not-created"))["error"]["code"] == -31003

        created = await payme.create("63b0e1f5a7f0a1", topup, 15_000_000)
        assert created["result"]["state"] == 1
        assert (await payme.create("63b0e1f5a7f0a1", topup, 15_000_000))["result"] == (
            created["result"]
        )
        assert (await payme.create("63b0e1f5a7f0a2", topup, 15_000_000))["error"]["code"] == (
            -31052
        )
        performed = await payme.perform("63b0e1f5a7f0a1")
        assert performed["result"]["state"] == 2
        await alice.wait_for_text(
            shown(
                t,
                "topup-credited",
                id=str(topup),
                amount=uzs("150000.00"),
                balance=uzs("150000.00"),
            )
        )
        assert (await payme.perform("63b0e1f5a7f0a1"))["result"] == performed["result"]
        checked = (await payme.check("63b0e1f5a7f0a1"))["result"]
        assert (checked["state"], checked["perform_time"]) == (
            2,
            performed["result"]["perform_time"],
        )
        statement = (await payme.statement(0, 2**53))["result"]["transactions"]
        assert [(row["id"], row["state"]) for row in statement] == [("63b0e1f5a7f0a1", 2)]

        # Payme takes the payment back: the balance still holds it.
        cancelled = await payme.cancel("63b0e1f5a7f0a1", 5)
        assert cancelled["result"]["state"] == -2
        await alice.wait_for_text("was canceled by Payme")
        assert (await payme.cancel("63b0e1f5a7f0a1", 5))["result"] == cancelled["result"]

    await bot_process.settled()
    [customer] = (await bot_process.customers(ALICE)).values()
    assert customer.balance == 0
    assert await bot_process.ledger(ALICE) == [
        ("topup_refund", Decimal(-150_000)),
        ("topup", Decimal(150_000)),
    ]
    assert PAYME_KEY not in bot_process.log()


async def test_click_through_the_shop_api(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    port = free_port()
    bot_process.env |= {
        "HTTP_LISTEN": f"127.0.0.1:{port}",
        "CLICK_SERVICE_ID": str(SERVICE),
        "CLICK_MERCHANT_ID": str(CLICK_MERCHANT),
        "CLICK_SECRET_KEY": CLICK_SECRET,
    }
    await bot_process.start()
    alice = telegram.user(ALICE, "Alice", language_code="ru")
    t = translator.texts("ru")
    url = await link_for(alice, t, "Click")
    query = parse_qs(urlsplit(url).query)
    assert (query["service_id"], query["merchant_id"], query["amount"]) == (
        [str(SERVICE)],
        [str(CLICK_MERCHANT)],
        ["10000.00"],
    )
    topup = int(query["transaction_param"][0])

    async with FakeClick(f"http://127.0.0.1:{port}", SERVICE, CLICK_SECRET) as click:
        first = click.new_id()
        forged = await click.prepare(first, topup, "10000", secret="guess")
        assert forged["error"] == -1
        assert (await click.prepare(first, topup, "9999"))["error"] == -2
        assert (await click.prepare(first, topup + 1, "10000"))["error"] == -5
        prepared = await click.prepare(first, topup, "10000")
        assert prepared["error"] == 0
        prepare_id = prepared["merchant_prepare_id"]
        assert (await click.prepare(first, topup, "10000")) == prepared
        assert (await click.complete(first, topup, "10000", prepare_id + 7))["error"] == -6
        completed = await click.complete(first, topup, "10000.00", prepare_id)
        assert (completed["error"], completed["merchant_confirm_id"]) == (0, prepare_id)
        await alice.wait_for_text(
            shown(
                t, "topup-credited", id=str(topup), amount=uzs("10000.00"), balance=uzs("10000.00")
            )
        )
        assert (await click.complete(first, topup, "10000.00", prepare_id))["error"] == -4

        # A second top-up whose payment Click could not take: cancelled, never credited.
        second_url = await link_for(alice, t, "Click")
        second = int(parse_qs(urlsplit(second_url).query)["transaction_param"][0])
        failing = click.new_id()
        prepare_id = (await click.prepare(failing, second, "10000"))["merchant_prepare_id"]
        failed = await click.complete(failing, second, "10000", prepare_id, error=-5017)
        assert failed["error"] == -9
        await alice.wait_for_text(shown(t, "topup-click-failed", id=str(second)))
        assert (await click.complete(failing, second, "10000", prepare_id))["error"] == -9

    await bot_process.settled()
    [customer] = (await bot_process.customers(ALICE)).values()
    assert customer.balance == Decimal(10_000)
    assert await bot_process.ledger(ALICE) == [("topup", Decimal(10_000))]
    assert CLICK_SECRET not in bot_process.log()
