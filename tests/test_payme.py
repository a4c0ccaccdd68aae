"""Payme: the checkout link from /topup, and the Merchant API at /payme played as Payme's
documentation describes it, over a real socket: every method, every documented error,
repeated and out-of-order calls, the 12-hour timeout, cancel after perform; the ledger
equals the balances after each (the `db` fixture checks)."""

from __future__ import annotations

import base64
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.payments.payme import checkout_link
from bot.payments.payme_merchant import TIMEOUT_MS, PaymeMerchant
from bot.settings import Settings, SettingsError, load_settings
from bot.storage import Database, TopupsRepo
from bot.telegram.callbacks import LinkTopupCb, TopupCb
from tests.conftest import ADMIN_ID, fund
from tests.fake_payme import FakePayme, basic
from tests.harness import BotClient, buttons, texts
from tests.topup_helpers import CUSTOMER, balance, new_topup, told, url_buttons

MERCHANT = "5e730e8e0b852a417aa49ceb"
KEY = "test-key-Zk9#xq"


@pytest.fixture
def payme_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"payme_merchant_id": MERCHANT, "payme_key": SecretStr(KEY)})


@pytest.fixture
async def dp(
    payme_settings: Settings, db: Database, panel: PanelClient, translator: Translator
) -> Dispatcher:
    dispatcher = create_dispatcher(
        settings=payme_settings, db=db, panel=panel, translator=translator
    )
    await dispatcher["catalogue"].current()  # the panel's currency (UZS) is known
    return dispatcher


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000_000

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def clock(dp: Dispatcher) -> Clock:
    clock = Clock()
    merchant: PaymeMerchant = dp["payme_merchant"]
    merchant.clock = clock
    return clock


@pytest.fixture
async def payme(dp: Dispatcher, bot: Bot, clock: Clock) -> AsyncIterator[FakePayme]:
    async with (
        TestClient(TestServer(public_app(dp, bot))) as http,
        FakePayme(str(http.make_url("/payme")), KEY) as fake,
    ):
        yield fake


def error_code(answer: dict[str, Any]) -> int:
    assert "result" not in answer, answer
    return int(answer["error"]["code"])


def test_the_checkout_link_is_the_documented_base64_form() -> None:
    link = checkout_link("https://checkout.test.paycom.uz/", MERCHANT, 17, 1_500_000, "uz")
    base, encoded = link.rsplit("/", 1)
    assert base == "https://checkout.test.paycom.uz"
    assert base64.b64decode(encoded).decode() == f"m={MERCHANT};ac.topup_id=17;a=1500000;l=uz"
    # Payme's checkout speaks ru, uz and en; anything else is shown in Russian.
    other = checkout_link("https://c", MERCHANT, 1, 100, "xx").rsplit("/", 1)[1]
    assert base64.b64decode(other).decode().endswith(";l=ru")


def decoded(url: str) -> str:
    return base64.b64decode(url.rsplit("/", 1)[1]).decode()


async def test_topup_offers_payme_and_a_preset_sends_the_checkout_link(
    make_client: Any, db: Database
) -> None:
    client: BotClient = make_client(user_id=CUSTOMER)
    [asked] = await client.send("/topup")
    assert isinstance(asked, SendMessage)
    assert ("💳 Payme", TopupCb(action="method", method="payme").pack()) in list(
        buttons(asked.reply_markup)
    )
    [offer] = [
        s
        for s in await client.click(TopupCb(action="method", method="payme"))
        if isinstance(s, SendMessage)
    ]
    assert offer.text.startswith("<b>Top up your balance with 💳 Payme</b>")
    presets = dict(buttons(offer.reply_markup))
    assert presets["50,000.00 UZS"] == LinkTopupCb(action="pay", method="payme", soum=50_000).pack()
    sent = await client.click(LinkTopupCb(action="pay", method="payme", soum=50_000))
    [link] = [button for request in sent for button in url_buttons(request)]
    assert link[0] == "Pay 50,000.00 UZS with 💳 Payme"
    [topup] = await TopupsRepo(db).pending("payme", user_id=CUSTOMER)
    assert topup.amount == Decimal(50_000)
    assert decoded(link[1]) == f"m={MERCHANT};ac.topup_id={topup.id};a=5000000;l=en"
    assert link[1].startswith("https://checkout.paycom.uz/")


@pytest.mark.parametrize(
    ("language", "typed", "soum"),
    [("en", "150,000", 150_000), ("ru", "150 000", 150_000), ("uz", "1000", 1000)],
)
async def test_an_amount_typed_as_people_type_it(
    make_client: Any, db: Database, language: str, typed: str, soum: int
) -> None:
    client: BotClient = make_client(user_id=CUSTOMER, language_code=language)
    await client.send("/topup")
    await client.click(LinkTopupCb(action="type", method="payme"))
    refused = await client.send("12")
    assert "150" in texts(refused)[0]  # the example amount, in the customer's language
    assert await TopupsRepo(db).pending("payme", user_id=CUSTOMER) == []
    sent = await client.send(typed)
    [(_, url)] = [button for request in sent for button in url_buttons(request)]
    [topup] = await TopupsRepo(db).pending("payme", user_id=CUSTOMER)
    assert topup.amount == Decimal(soum)
    assert f";a={soum * 100};l={language}" in decoded(url)


async def test_wrong_authorization_is_refused_and_changes_nothing(
    payme: FakePayme, db: Database
) -> None:
    topup = await new_topup(db)
    for key in ("wrong", ""):
        answer = await payme.call(
            "CreateTransaction",
            {"id": "a1", "time": 1, "amount": 1_000_000, "account": {"topup_id": str(topup)}},
            key=key,
        )
        assert error_code(answer) == -32504
    # Another login than Paycom, no header at all, a header that is not base64.
    for header in (basic(KEY, login="Payme"), None, "Basic ***", "Bearer " + KEY):
        status, answer = await payme.raw(
            '{"id": 7, "method": "PerformTransaction", "params": {"id": "a1"}}', header
        )
        assert (status, answer["id"], error_code(answer)) == (200, 7, -32504)
    assert await db.fetchone("SELECT * FROM payme_transactions") is None
    message = answer["error"]["message"]
    assert set(message) == {"ru", "uz", "en"}
    assert all(message.values())


async def test_malformed_requests_get_the_documented_codes(payme: FakePayme) -> None:
    auth = basic(KEY)
    assert error_code((await payme.raw("{not json", auth))[1]) == -32700
    assert error_code((await payme.raw("[1, 2]", auth))[1]) == -32600
    assert error_code((await payme.raw('{"id": 1, "method": "Pay", "params": {}}', auth))[1]) == (
        -32601
    )
    assert error_code((await payme.raw('{"id": 1, "method": "CheckTransaction"}', auth))[1]) == (
        -32600
    )
    answer = await payme.call("CheckTransaction", {"id": 5})
    assert error_code(answer) == -32600
    status, answer = await payme.raw("", auth, method="GET")
    assert (status, error_code(answer)) == (200, -32300)


async def test_check_perform_transaction(payme: FakePayme, db: Database) -> None:
    topup = await new_topup(db, 10_000)
    assert (await payme.check_perform(topup, 1_000_000))["result"] == {"allow": True}
    assert error_code(await payme.check_perform(topup, 999_999)) == -31001
    assert error_code(await payme.check_perform(topup, 100_000_000)) == -31001
    missing = await payme.check_perform(topup + 100, 1_000_000)
    assert (error_code(missing), missing["error"]["data"]) == (-31050, "topup_id")
    assert error_code(await payme.check_perform("abc", 1_000_000)) == -31050
    # A top-up of another method is no Payme account.
    stars = await new_topup(db, 10_000, method="transfer")
    assert error_code(await payme.check_perform(stars, 1_000_000)) == -31050


async def test_create_perform_credits_once_whatever_is_repeated(
    payme: FakePayme, db: Database, clock: Clock
) -> None:
    topup = await new_topup(db, 10_000)
    created = await payme.create("tx-1", topup, 1_000_000, at=clock.now - 5)
    assert created["result"]["state"] == 1
    assert created["result"]["create_time"] == clock.now
    number = created["result"]["transaction"]
    assert isinstance(number, str)
    assert number
    clock.now += 1000
    # The same CreateTransaction again: the same answer.
    assert (await payme.create("tx-1", topup, 1_000_000))["result"] == created["result"]
    # Another transaction for the same top-up while this one waits.
    busy = await payme.create("tx-2", topup, 1_000_000)
    assert (error_code(busy), busy["error"]["data"]) == (-31052, "topup_id")
    assert await balance(db) == 0

    clock.now += 1000
    performed = await payme.perform("tx-1")
    assert performed["result"] == {
        "transaction": number,
        "perform_time": clock.now,
        "state": 2,
    }
    assert await balance(db) == Decimal(10_000)
    assert await told(db, "topup-credited") == 1
    clock.now += 1000
    assert (await payme.perform("tx-1"))["result"] == performed["result"]
    assert await balance(db) == Decimal(10_000)
    assert await told(db, "topup-credited") == 1

    checked = await payme.check("tx-1")
    assert checked["result"] == {
        "create_time": created["result"]["create_time"],
        "perform_time": performed["result"]["perform_time"],
        "cancel_time": 0,
        "transaction": number,
        "state": 2,
        "reason": None,
    }
    # Out of order: a paid top-up takes no new transaction, a performed one no Create.
    assert error_code(await payme.check_perform(topup, 1_000_000)) == -31051
    assert error_code(await payme.create("tx-1", topup, 1_000_000)) == -31008
    assert error_code(await payme.create("tx-3", topup, 1_000_000)) == -31051
    stored = await TopupsRepo(db).get(topup)
    assert stored is not None
    assert (stored.status, stored.charge_id) == ("paid", "tx-1")


async def test_unknown_transactions(payme: FakePayme) -> None:
    assert error_code(await payme.perform("nope")) == -31003
    assert error_code(await payme.cancel("nope", 1)) == -31003
    assert error_code(await payme.check("nope")) == -31003


async def test_cancel_a_created_transaction(payme: FakePayme, db: Database, clock: Clock) -> None:
    topup = await new_topup(db)
    await payme.create("tx-1", topup, 1_000_000)
    clock.now += 10
    cancelled = await payme.cancel("tx-1", 3)
    assert cancelled["result"]["state"] == -1
    assert cancelled["result"]["cancel_time"] == clock.now
    clock.now += 10
    assert (await payme.cancel("tx-1", 3))["result"] == cancelled["result"]
    assert error_code(await payme.perform("tx-1")) == -31008
    assert error_code(await payme.create("tx-1", topup, 1_000_000)) == -31008
    checked = (await payme.check("tx-1"))["result"]
    assert (checked["state"], checked["reason"], checked["perform_time"]) == (-1, 3, 0)
    assert await balance(db) == 0
    # The top-up itself is still open: paid through a new transaction, it credits.
    await payme.create("tx-2", topup, 1_000_000)
    assert (await payme.perform("tx-2"))["result"]["state"] == 2
    assert await balance(db) == Decimal(10_000)


async def test_cancel_after_perform_takes_the_money_back(
    payme: FakePayme, db: Database, clock: Clock
) -> None:
    topup = await new_topup(db)
    await payme.create("tx-1", topup, 1_000_000)
    await payme.perform("tx-1")
    clock.now += 10
    cancelled = await payme.cancel("tx-1", 5)
    assert cancelled["result"]["state"] == -2
    assert cancelled["result"]["cancel_time"] == clock.now
    assert await balance(db) == 0
    assert await told(db, "topup-taken-back") == 1
    clock.now += 10
    assert (await payme.cancel("tx-1", 5))["result"] == cancelled["result"]
    assert await balance(db) == 0
    checked = (await payme.check("tx-1"))["result"]
    assert (checked["state"], checked["reason"]) == (-2, 5)
    assert checked["perform_time"] > 0
    stored = await TopupsRepo(db).get(topup)
    assert stored is not None
    assert stored.status == "refunded"
    assert error_code(await payme.perform("tx-1")) == -31008


async def test_cancel_after_perform_once_spent_is_refused_and_admins_told_once(
    payme: FakePayme, db: Database, bot: Bot
) -> None:
    topup = await new_topup(db)
    await payme.create("tx-1", topup, 1_000_000)
    await payme.perform("tx-1")
    # The customer spends part of it (the ledger's way: a debit).
    await fund(db, CUSTOMER, "-4000")
    session = bot.session
    before = len(session.requests)  # type: ignore[attr-defined]
    assert error_code(await payme.cancel("tx-1", 5)) == -31007
    assert error_code(await payme.cancel("tx-1", 5)) == -31007
    assert (await payme.check("tx-1"))["result"]["state"] == 2
    assert await balance(db) == Decimal(6000)
    alerts = [
        r.text
        for r in session.requests[before:]  # type: ignore[attr-defined]
        if isinstance(r, SendMessage) and r.chat_id == ADMIN_ID
    ]
    assert len(alerts) == 1
    assert f"top-up #{topup}" in alerts[0]
    assert "tx-1" in alerts[0]


async def test_a_created_transaction_times_out_after_12_hours(
    payme: FakePayme, db: Database, clock: Clock
) -> None:
    topup = await new_topup(db)
    await payme.create("tx-1", topup, 1_000_000)
    clock.now += TIMEOUT_MS  # exactly 12 hours: still in time
    assert (await payme.create("tx-1", topup, 1_000_000))["result"]["state"] == 1
    clock.now += 1
    assert error_code(await payme.perform("tx-1")) == -31008
    checked = (await payme.check("tx-1"))["result"]
    assert (checked["state"], checked["reason"], checked["cancel_time"]) == (-1, 4, clock.now)
    assert await balance(db) == 0
    # A new checkout of the same top-up is taken.
    assert (await payme.create("tx-2", topup, 1_000_000))["result"]["state"] == 1


async def test_a_stale_transaction_gives_way_to_a_new_one(
    payme: FakePayme, db: Database, clock: Clock
) -> None:
    topup = await new_topup(db)
    await payme.create("tx-1", topup, 1_000_000)
    clock.now += TIMEOUT_MS + 1
    assert (await payme.create("tx-2", topup, 1_000_000))["result"]["state"] == 1
    assert (await payme.check("tx-1"))["result"]["reason"] == 4
    assert error_code(await payme.create("tx-1", topup, 1_000_000)) == -31008


async def test_get_statement(payme: FakePayme, db: Database, clock: Clock) -> None:
    first, second = await new_topup(db, 1000), await new_topup(db, 2000)
    await payme.create("tx-1", first, 100_000, at=1000)
    await payme.create("tx-2", second, 200_000, at=2000)
    await payme.perform("tx-2")
    await payme.create("tx-3", first + second + 50, 100_000, at=1500)  # refused: not stated
    stated = (await payme.statement(1000, 1999))["result"]["transactions"]
    assert [row["id"] for row in stated] == ["tx-1"]
    [row] = stated
    assert row["time"] == 1000
    assert row["amount"] == 100_000
    assert row["account"] == {"topup_id": str(first)}
    assert row["state"] == 1
    assert row["reason"] is None
    assert set(row) >= {"create_time", "perform_time", "cancel_time", "transaction"}
    both = (await payme.statement(0, 5000))["result"]["transactions"]
    assert [(row["id"], row["state"]) for row in both] == [("tx-1", 1), ("tx-2", 2)]


async def test_payme_stays_off_when_the_shop_is_not_in_uzs(
    payme_settings: Settings, db: Database, panel: PanelClient, translator: Translator
) -> None:
    dispatcher = create_dispatcher(
        settings=payme_settings, db=db, panel=panel, translator=translator
    )
    payments = dispatcher["payments"]
    # Before the panel has said its currency, and with another one.
    assert [method.name for method in payments] == ["stars"]
    dispatcher["catalogue"]._currency = "USD"
    assert [method.name for method in payments] == ["stars"]
    assert payments.off() == [
        "Payme is off: it takes UZS only, and the shop's currency (the panel's) is USD"
    ]
    dispatcher["catalogue"]._currency = "UZS"
    assert [method.name for method in payments] == ["stars", "payme"]
    assert payments.off() == []


@pytest.mark.parametrize(
    ("env", "line"),
    [
        (
            {"payme_merchant_id": MERCHANT},
            "PAYME_KEY is malformed: expected the key from Payme's cabinet (set with"
            " PAYME_MERCHANT_ID, or both empty)",
        ),
        (
            {"payme_merchant_id": "shop", "payme_key": "k"},
            "PAYME_MERCHANT_ID is malformed (got 'shop'): expected the merchant id from Payme's"
            " cabinet, 24 characters 0-9 a-f, or empty for no Payme",
        ),
    ],
)
def test_payme_settings_are_checked(settings: Settings, env: dict[str, str], line: str) -> None:
    base = {
        "bot_token": settings.bot_token.get_secret_value(),
        "panel_api_url": settings.panel_url,
        "panel_api_key": settings.panel_api_key.get_secret_value(),
    }
    with pytest.raises(SettingsError) as raised:
        load_settings(_env_file=None, **base, **env)
    assert raised.value.lines == [line]


async def test_a_failure_inside_is_a_system_error(
    payme: FakePayme, dp: Dispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object) -> None:
        raise RuntimeError("disk gone")

    monkeypatch.setattr(dp["payme_merchant"]._payme, "get", broken)
    answer = await payme.check("tx-1")
    assert error_code(answer) == -32400
    assert set(answer["error"]["message"]) == {"ru", "uz", "en"}


async def test_a_cancel_between_the_check_and_the_credit_wins(
    payme: FakePayme, db: Database, dp: Dispatcher, monkeypatch: pytest.MonkeyPatch
) -> None:
    topup = await new_topup(db)
    await payme.create("tx-1", topup, 1_000_000)
    merchant: PaymeMerchant = dp["payme_merchant"]
    credit = merchant._credits.credit

    async def cancelled_first(*args: Any, **kwargs: Any) -> Any:
        await merchant._cancel({"id": "tx-1", "reason": 3})
        return await credit(*args, **kwargs)

    monkeypatch.setattr(merchant._credits, "credit", cancelled_first)
    assert error_code(await payme.perform("tx-1")) == -31008
    assert (await payme.check("tx-1"))["result"]["state"] == -1
    assert await balance(db) == 0
    assert await told(db, "topup-credited") == 0
