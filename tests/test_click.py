"""Click: the pay link from /topup, and the SHOP-API at /click/prepare and /click/complete
played as Click's documentation describes it, over a real socket: the signature, the
amount, every documented error code, repeated and out-of-order calls, a failed payment; the
ledger equals the balances after each (the `db` fixture checks)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from aiogram import Bot, Dispatcher
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.settings import Settings, SettingsError, load_settings
from bot.storage import Database, TopupsRepo
from bot.telegram.callbacks import LinkTopupCb
from tests.fake_click import FakeClick
from tests.harness import BotClient
from tests.topup_helpers import CUSTOMER, balance, new_topup, told, url_buttons

SERVICE, MERCHANT, SECRET = 12345, 6789, "click-secret-Qw8"


@pytest.fixture
async def dp(
    settings: Settings, db: Database, panel: PanelClient, translator: Translator
) -> Dispatcher:
    click_settings = settings.model_copy(
        update={
            "click_service_id": SERVICE,
            "click_merchant_id": MERCHANT,
            "click_secret_key": SecretStr(SECRET),
        }
    )
    dispatcher = create_dispatcher(
        settings=click_settings, db=db, panel=panel, translator=translator
    )
    await dispatcher["catalogue"].current()  # the panel's currency (UZS) is known
    return dispatcher


@pytest.fixture
async def click(dp: Dispatcher, bot: Bot) -> AsyncIterator[FakeClick]:
    async with (
        TestClient(TestServer(public_app(dp, bot))) as http,
        FakeClick(str(http.make_url("/")), SERVICE, SECRET) as fake,
    ):
        yield fake


async def test_topup_offers_click_and_sends_the_pay_link(make_client: Any, db: Database) -> None:
    client: BotClient = make_client(user_id=CUSTOMER, language_code="ru")
    await client.send("/topup")
    sent = await client.click(LinkTopupCb(action="pay", method="click", soum=100_000))
    [(label, url)] = [button for request in sent for button in url_buttons(request)]
    assert label.replace("\xa0", " ") == "Оплатить 100 000,00 сум через 💳 Click"
    [topup] = await TopupsRepo(db).pending("click", user_id=CUSTOMER)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://my.click.uz/services/pay"
    assert parse_qs(parts.query) == {
        "service_id": [str(SERVICE)],
        "merchant_id": [str(MERCHANT)],
        "amount": ["100000.00"],
        "transaction_param": [str(topup.id)],
    }


async def test_prepare_then_complete_credits_once(click: FakeClick, db: Database) -> None:
    topup = await new_topup(db, 25_000, method="click")
    trans = click.new_id()
    prepared = await click.prepare(trans, topup, "25000")
    assert prepared == {
        "click_trans_id": trans,
        "merchant_trans_id": str(topup),
        "merchant_prepare_id": prepared["merchant_prepare_id"],
        "error": 0,
        "error_note": "Success",
    }
    prepare_id = prepared["merchant_prepare_id"]
    assert isinstance(prepare_id, int)
    # Prepare again (Click repeats what it got no answer to): the same answer.
    assert await click.prepare(trans, topup, "25000") == prepared
    assert await balance(db) == 0

    completed = await click.complete(trans, topup, "25000.00", prepare_id)
    assert completed == {
        "click_trans_id": trans,
        "merchant_trans_id": str(topup),
        "merchant_confirm_id": prepare_id,
        "error": 0,
        "error_note": "Success",
    }
    assert await balance(db) == Decimal(25_000)
    assert await told(db, "topup-credited") == 1
    # Complete again: already paid, nothing moves.
    again = await click.complete(trans, topup, "25000.00", prepare_id)
    assert (again["error"], again["error_note"]) == (-4, "Already paid")
    assert await balance(db) == Decimal(25_000)
    assert await told(db, "topup-credited") == 1
    # A new Prepare for a paid top-up.
    late = await click.prepare(click.new_id(), topup, "25000")
    assert (late["error"], late["error_note"]) == (-4, "Already paid")
    stored = await TopupsRepo(db).get(topup)
    assert stored is not None
    assert (stored.status, stored.charge_id) == ("paid", str(trans))


async def test_a_wrong_signature_is_refused_and_changes_nothing(
    click: FakeClick, db: Database
) -> None:
    topup = await new_topup(db, 25_000, method="click")
    trans = click.new_id()
    forged = await click.prepare(trans, topup, "25000", secret="guess")
    assert (forged["error"], forged["error_note"]) == (-1, "SIGN CHECK FAILED!")
    prepared = await click.prepare(trans, topup, "25000")
    prepare_id = prepared["merchant_prepare_id"]
    forged = await click.complete(trans, topup, "25000", prepare_id, secret="guess")
    assert forged["error"] == -1
    # Signed for one amount, posted with another.
    fields = click.fields(1, trans, topup, "25000", prepare_id=prepare_id)
    fields["amount"] = "1"
    assert (await click.post("/click/complete", fields))["error"] == -1
    # A sign that is not even hex (not ASCII) is a wrong sign too, not a failure inside.
    fields = click.fields(1, trans, topup, "25000", prepare_id=prepare_id)
    fields["sign_string"] = "é" * 32
    assert (await click.post("/click/complete", fields))["error"] == -1
    assert await balance(db) == 0
    assert await db.fetchone("SELECT 1 FROM click_transactions WHERE status != 'prepared'") is None


async def test_the_documented_errors(click: FakeClick, db: Database) -> None:
    topup = await new_topup(db, 25_000, method="click")
    trans = click.new_id()
    # -2: another amount than the top-up's.
    assert (await click.prepare(trans, topup, "24999.99"))["error"] == -2
    # -5: no such top-up, or one paid another way.
    assert (await click.prepare(trans, topup + 99, "25000"))["error"] == -5
    payme_topup = await new_topup(db, 25_000, method="payme")
    assert (await click.prepare(trans, payme_topup, "25000"))["error"] == -5
    # -3: Complete's action posted to Prepare (signed as a Prepare is).
    fields = click.fields(1, trans, topup, "25000")
    assert (await click.post("/click/prepare", fields))["error"] == -3
    # -8: a field missing, or not a number.
    fields = click.fields(0, trans, topup, "25000")
    del fields["click_paydoc_id"]
    assert (await click.post("/click/prepare", fields))["error"] == -8
    fields = click.fields(0, trans, topup, "lots")
    assert (await click.post("/click/prepare", fields))["error"] == -8
    answer = await click.post("/click/prepare", {})
    assert (answer["error"], answer["error_note"]) == (-8, "Error in request from click")
    # -6: Complete without a Prepare, or naming another prepare id.
    assert (await click.complete(trans, topup, "25000", 77))["error"] == -6
    prepare_id = (await click.prepare(trans, topup, "25000"))["merchant_prepare_id"]
    assert (await click.complete(trans, topup, "25000", prepare_id + 1))["error"] == -6
    # -2 on Complete too.
    assert (await click.complete(trans, topup, "25001", prepare_id))["error"] == -2
    assert await balance(db) == 0


async def test_a_failed_payment_cancels_the_top_up(click: FakeClick, db: Database) -> None:
    topup = await new_topup(db, 25_000, method="click")
    trans = click.new_id()
    prepare_id = (await click.prepare(trans, topup, "25000"))["merchant_prepare_id"]
    failed = await click.complete(trans, topup, "25000", prepare_id, error=-5017)
    assert (failed["error"], failed["error_note"]) == (-9, "Transaction cancelled")
    assert failed["merchant_confirm_id"] == prepare_id
    stored = await TopupsRepo(db).get(topup)
    assert stored is not None
    assert stored.status == "cancelled"
    assert await told(db, "topup-click-failed") == 1
    # Whatever comes after: cancelled, never credited.
    assert (await click.complete(trans, topup, "25000", prepare_id))["error"] == -9
    assert (await click.prepare(click.new_id(), topup, "25000"))["error"] == -9
    assert await balance(db) == 0
    assert await told(db, "topup-click-failed") == 1


def test_click_settings_come_together(settings: Settings) -> None:
    base = {
        "bot_token": settings.bot_token.get_secret_value(),
        "panel_api_url": settings.panel_url,
        "panel_api_key": settings.panel_api_key.get_secret_value(),
    }
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None, **base, click_service_id="123")
    assert raised.value.lines == [
        "CLICK_SECRET_KEY is malformed: expected the secret key from Click's cabinet (set with"
        " CLICK_SERVICE_ID)"
    ]
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None, **base, click_service_id="abc")
    assert raised.value.lines[0].startswith("CLICK_SERVICE_ID is malformed (got 'abc')")
    whole = load_settings(
        _env_file=None, **base, click_service_id="1", click_merchant_id="2", click_secret_key="k"
    )
    assert (whole.click_service_id, whole.click_merchant_id) == (1, 2)


async def test_a_failure_inside_is_failed_to_update(
    click: FakeClick, db: Database, dp: Dispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object) -> None:
        raise RuntimeError("disk gone")

    topup = await new_topup(db, 25_000, method="click")
    monkeypatch.setattr(dp["click_merchant"]._click, "by_click_id", broken)
    answer = await click.prepare(click.new_id(), topup, "25000")
    assert (answer["error"], answer["error_note"]) == (-7, "Failed to update user")


async def test_two_completes_at_once_credit_once(click: FakeClick, db: Database) -> None:
    topup = await new_topup(db, 25_000, method="click")
    trans = click.new_id()
    prepare_id = (await click.prepare(trans, topup, "25000"))["merchant_prepare_id"]
    answers = await asyncio.gather(
        *(click.complete(trans, topup, "25000", prepare_id) for _ in range(5))
    )
    assert sorted(answer["error"] for answer in answers) == [-4, -4, -4, -4, 0]
    assert await balance(db) == Decimal(25_000)
    assert await told(db, "topup-credited") == 1
