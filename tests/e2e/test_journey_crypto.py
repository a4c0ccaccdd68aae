"""Crypto top-ups with the bot as a process: Crypto Pay down at start (the bot starts all the
same and says so in its log), then an invoice paid and found by the sweep, one from an
order's summary that brings the customer back to it, and one told by a webhook that a
forgery cannot imitate; each credited once, the ledger equal to the balances."""

from __future__ import annotations

from decimal import Decimal

import aiohttp
import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import BotProcess, eventually, free_port
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import shown, start, to_quantity, uzs
from tests.fake_cryptopay import TOKEN, running_cryptopay

pytestmark = pytest.mark.e2e

ALICE, BOB = 1001, 1002
CRYPTO_BUTTON = "🪙 Crypto (CryptoBot)"


async def test_crypto_top_ups_by_sweep_summary_and_webhook(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    en = translator.texts("en")
    port = free_port()
    async with running_cryptopay() as cryptopay:
        bot_process.env |= {
            "CRYPTO_PAY_TOKEN": TOKEN,
            "CRYPTO_PAY_API_URL": cryptopay.url,
            "CRYPTO_PAY_POLL_INTERVAL": "0.3",
            "HTTP_LISTEN": f"127.0.0.1:{port}",
        }
        cryptopay.down = True
        await bot_process.start()
        await eventually(
            lambda: "Crypto Pay cannot be asked" in bot_process.run_log(), "the outage logged"
        )
        cryptopay.down = False

        # Alice: /topup → Crypto → an amount → the invoice; paid; the sweep credits it.
        alice = telegram.user(ALICE, "Alice", language_code="en")
        await start(alice, en)
        await alice.send("/topup")
        await alice.wait_for_text(shown(en, "topup-methods"))
        await alice.press(CRYPTO_BUTTON)
        bounds = {"min": uzs("1.00"), "max": uzs("10000000.00")}
        await alice.wait_for_text(shown(en, "topup-crypto-ask", **bounds))
        await alice.send("150 000")
        invoice = await alice.wait_for_text("Top-up #1")
        assert [button.label for button in invoice.buttons] == [
            "🪙 Pay in CryptoBot",
            "🔄 Check payment",
        ]
        [invoice_id] = cryptopay.invoices
        cryptopay.pay(invoice_id)
        await alice.wait_for_text(
            shown(en, "topup-credited", id="1", amount=uzs("150000.00"), balance=uzs("150000.00"))
        )

        # Bob, short at an order's summary: a crypto top-up of what is missing (7.20 UZS,
        # rounded up to a whole 8), then back to the same summary and Confirm.
        bob = telegram.user(BOB, "Bob", language_code="en")
        await start(bob, en)
        await to_quantity(bob, en)
        await bob.send("100")
        await bob.wait_for_text("7.20 UZS short")
        await bob.press(en("order-topup-crypto", amount=uzs("8.00")))
        await bob.wait_for_text("Top-up #2")
        second = max(cryptopay.invoices)
        assert cryptopay.invoices[second]["amount"] == "8.00"
        cryptopay.pay(second)

        # The webhook too: a forged one is refused, the real one (and its retry) credit
        # nothing more than the sweep may have already.
        url = f"http://127.0.0.1:{port}/crypto-pay"
        body, headers = cryptopay.webhook(second)
        async with aiohttp.ClientSession() as http:
            forged = dict(headers, **{"crypto-pay-api-signature": "f" * 64})
            async with http.post(url, data=body, headers=forged) as answer:
                assert answer.status == 401
            for _ in range(2):
                async with http.post(url, data=body, headers=headers) as answer:
                    assert answer.status == 200

        notice = await bob.wait_for_text(
            shown(en, "topup-credited-order", id="2", amount=uzs("8.00"), balance=uzs("8.00"))
        )
        assert [button.label for button in notice.buttons] == ["↩️ Back to your order"]
        await bob.press("↩️ Back to your order")
        await bob.wait_for_text("Check your order")
        await bob.press(en("order-confirm"))
        placed = shown(en, "order-placed", number="1", charge=uzs("7.20"), balance=uzs("0.80"))
        await bob.wait_for_text(placed)

        await bot_process.stop()
    assert TOKEN.split(":", 1)[1] not in bot_process.log()  # the Crypto Pay token is a secret
    customers = await bot_process.customers(ALICE, BOB)  # checks the ledger against balances
    assert customers[ALICE].balance == Decimal(150000)
    assert customers[BOB].balance == Decimal("0.80")
    assert await bot_process.ledger(BOB) == [
        ("order", Decimal("-7.20")),
        ("topup", Decimal("8.00")),
    ]
