"""Promo codes: admins make, end and list them; customers redeem them once each, never past
their uses, also 50 at once (in storage, over two connections to one file, and through the
real Dispatcher); each refusal says why; bad input changes nothing."""

from __future__ import annotations

import asyncio
from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher

from bot.app import create_dispatcher
from bot.storage import (
    Database,
    LedgerRepo,
    PromoRefused,
    PromosRepo,
    Reason,
    UsersRepo,
    fold_code,
)
from bot.storage.promos import Refusal
from bot.telegram.callbacks import MenuCb, TopupCb
from tests.conftest import ADMIN_ID, MakeClient
from tests.harness import BotClient, buttons, texts
from tests.helpers import balance_of
from tests.test_referrals import referral_rows

ANN, BOB = 1001, 1002


@pytest.fixture
def ann(make_client: MakeClient) -> BotClient:
    return make_client(user_id=ANN)


async def promo_rows(db: Database, user_id: int) -> list[tuple[Decimal, str | None]]:
    entries = await LedgerRepo(db).entries(user_id, 100)
    return [(e.amount, e.ref) for e in entries if e.reason == Reason.PROMO]


async def codes(db: Database) -> list[tuple[str, int, int, int]]:
    rows = await db.fetchall("SELECT code, amount, uses, used FROM promo_codes ORDER BY code")
    return [tuple(row) for row in rows]


def test_codes_are_folded_and_checked() -> None:
    assert fold_code("  welcome10 ") == "WELCOME10"
    assert fold_code("Wel come_1-0") == "WELCOME_1-0"
    for bad in ("", "  ", "ab", "x" * 33, "WELCOME!", "привет", "ＷＥＬＣＯＭＥ", "a<b>c", None):
        assert fold_code(bad) is None


# --- storage ---------------------------------------------------------------------------


async def test_fifty_redeeming_a_ten_use_code_at_once_get_exactly_ten(db, settings) -> None:
    users = UsersRepo(db)
    customers = range(2000, 2050)
    for user_id in customers:
        await users.ensure(user_id)
    await PromosRepo(db).create("TEN", Decimal("5.00"), 10, None, ADMIN_ID)
    # Half the customers through a second connection to the same file: the limit holds in
    # SQL, not only behind this process's lock.
    async with await Database.open(settings.database_path) as other:
        repos = [PromosRepo(db), PromosRepo(other)]

        async def redeem(user_id: int) -> Refusal | None:
            try:
                await repos[user_id % 2].redeem("TEN", user_id)
            except PromoRefused as refused:
                return refused.why
            return None

        outcomes = await asyncio.gather(*(redeem(user_id) for user_id in customers))
    assert outcomes.count(None) == 10
    assert outcomes.count(Refusal.USED_UP) == 40
    assert await codes(db) == [("TEN", 500000, 10, 10)]
    credited = [user_id for user_id in customers if await balance_of(db, user_id) > 0]
    assert len(credited) == 10
    for user_id in credited:
        assert await promo_rows(db, user_id) == [(Decimal("5.00"), f"TEN#{user_id}")]
    row = await db.fetchone("SELECT count(*) FROM promo_redemptions")
    assert row is not None
    assert row[0] == 10


async def test_each_refusal_says_why_and_changes_nothing(db) -> None:
    users, promos = UsersRepo(db), PromosRepo(db)
    for user_id in (ANN, BOB):
        await users.ensure(user_id)
    await promos.create("ONCE", Decimal("1"), 1, None, ADMIN_ID)
    await promos.create("SOON", Decimal("1"), 5, 1, ADMIN_ID)
    await promos.create("GONE", Decimal("1"), 5, None, ADMIN_ID)
    await promos.end("GONE")
    await db_set_expired(db, "SOON")
    await promos.redeem("ONCE", ANN)
    for code, user_id, why in (
        ("NOPE", ANN, Refusal.UNKNOWN),
        ("ONCE", ANN, Refusal.ALREADY),
        ("ONCE", BOB, Refusal.USED_UP),
        ("SOON", ANN, Refusal.EXPIRED),
        ("GONE", ANN, Refusal.ENDED),
    ):
        with pytest.raises(PromoRefused) as refused:
            await promos.redeem(code, user_id)
        assert refused.value.why is why
    assert await balance_of(db, ANN) == Decimal(1)
    assert await balance_of(db, BOB) == 0


async def db_set_expired(db: Database, code: str) -> None:
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE promo_codes SET expires_at = '2020-01-01T00:00:00.000000Z' WHERE code = ?",
            (code,),
        )


# --- customers -------------------------------------------------------------------------


async def test_a_customer_redeems_a_code_in_any_case_once(admin, ann, db) -> None:
    await admin.send("/promo welcome 2.50 5 30")
    sent = await ann.send("/promo  WeLcOmE ")
    assert texts(sent) == ["🎟 Promo code WELCOME: +2.50 on your balance. Balance: 2.50"]
    again = await ann.send("/promo welcome")
    assert texts(again) == [
        "You have redeemed promo code WELCOME already: each code works once per customer."
    ]
    assert await balance_of(db, ANN) == Decimal("2.50")
    assert await promo_rows(db, ANN) == [(Decimal("2.50"), f"WELCOME#{ANN}")]


async def test_the_top_up_button_asks_for_the_code(admin, ann, db) -> None:
    await admin.send("/promo GIFT 1")
    offered = await ann.send("/topup")
    assert ("🎟 Promo code", TopupCb(action="promo").pack()) in list(
        buttons(offered[-1].reply_markup)
    )
    assert texts(await ann.click(TopupCb(action="promo")))[-1] == "Send your promo code."
    bad = await ann.send("gift!")  # odd characters: asked again
    assert texts(bad) == [
        "“gift!” is not a promo code: a code is 3 to 32 Latin letters, digits, _ or -."
        " Send it again, or tap Cancel."
    ]
    typo = await ann.send("GIFF")  # no such code: a typo, asked again
    assert texts(typo) == [
        "There is no promo code GIFF. Check it and send it again, or tap Cancel."
    ]
    done = await ann.send(" g i f t ")
    assert texts(done) == ["🎟 Promo code GIFT: +1.00 on your balance. Balance: 1.00"]
    assert await balance_of(db, ANN) == Decimal(1)
    # The question is over: the same words now are no code (a catalogue search instead).
    assert not any("GIFT" in text for text in texts(await ann.send("gift")))


async def test_cancel_ends_the_question(ann) -> None:
    await ann.send("/promo")
    assert texts(await ann.send("/cancel")) == ["No promo code, then."]
    await ann.send("/promo")
    answer = await ann.click(TopupCb(action="unpromo"))
    assert answer[0].text == "No promo code, then."


async def test_used_up_expired_and_ended_codes_each_say_so(admin, ann, make_client, db) -> None:
    await admin.send("/promo SOLO 1")
    await make_client(user_id=BOB).send("/promo SOLO")
    assert texts(await ann.send("/promo solo")) == [
        "Promo code SOLO has been used up: it has no redemptions left."
    ]
    await admin.send("/promo LATE 1 5 1")
    await db_set_expired(db, "LATE")
    assert texts(await ann.send("/promo late")) == ["Promo code LATE has expired."]
    await admin.send("/promo DONE 1 5")
    await admin.send("/promo DONE -")
    assert texts(await ann.send("/promo done")) == [
        "Promo code DONE has been ended: it can no longer be redeemed."
    ]
    assert await balance_of(db, ANN) == 0


async def test_a_promo_code_pays_no_referral_share(
    settings, db, panel, translator, bot: Bot
) -> None:
    # With referrals on, a top-up would pay Ann 10%; a redemption is not a top-up.
    on = settings.model_copy(update={"referral_percent": Decimal(10)})
    dp = create_dispatcher(settings=on, db=db, panel=panel, translator=translator)
    admin, ann, bob = (BotClient(dp, bot, user_id=user) for user in (ADMIN_ID, ANN, BOB))
    await admin.send("/promo FREE 10")
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    referred = await UsersRepo(db).get(BOB)
    assert referred is not None
    assert referred.referred_by == ANN
    await bob.send("/promo FREE")
    assert await balance_of(db, BOB) == Decimal(10)
    assert await referral_rows(db, ANN) == []


async def test_fifty_customers_at_once_through_the_dispatcher_get_ten(
    admin, dp: Dispatcher, bot: Bot, db
) -> None:
    await admin.send("/promo RUSH 1 10")
    clients = [BotClient(dp, bot, user_id=3000 + n) for n in range(50)]
    answers = await asyncio.gather(*(client.send("/promo rush") for client in clients))
    said = [texts(sent)[0] for sent in answers]
    assert sum(text.startswith("🎟 Promo code RUSH: +1.00") for text in said) == 10
    assert said.count("Promo code RUSH has been used up: it has no redemptions left.") == 40
    assert await codes(db) == [("RUSH", 100000, 10, 10)]


# --- admins ----------------------------------------------------------------------------


async def test_admins_make_list_and_end_codes(admin, ann, db) -> None:
    made = await admin.send("/promo Welcome 5 100 30")
    assert texts(made)[0].startswith("✅ Promo code made: <code>WELCOME</code> · 5.00 · used 0/100")
    await admin.send("/promo ONE 1")  # one use unless told otherwise
    await ann.send("/promo one")
    listed = texts(await admin.send("/promos"))[0]
    assert listed.startswith("<b>Promo codes</b>, newest first (2):")
    assert "<code>ONE</code> · 1.00 · used 1/1 · gave 1.00 · no expiry" in listed
    assert "<code>WELCOME</code> · 5.00 · used 0/100 · gave 0.00 · until " in listed
    ended = texts(await admin.send("/promo welcome -"))[0]
    assert ended.startswith("Promo code ended: <code>WELCOME</code>")
    assert "· ended " in ended
    assert texts(await admin.send("/promo welcome 5")) == [
        "Promo code WELCOME exists already (a code stays one offer for good): choose another."
        " /promos lists them."
    ]
    assert texts(await admin.send("/promo NOSUCH -")) == ["There is no promo code NOSUCH."]
    # `/promo CODE` alone redeems, for an admin too.
    assert texts(await admin.send("/promo one")) == [
        "Promo code ONE has been used up: it has no redemptions left."
    ]


@pytest.mark.parametrize(
    ("args", "start"),
    [
        ("", "<b>Promo codes</b>"),
        ("A 1 2 3 4", "<b>Promo codes</b>"),
        ("!! 5", "“!!” cannot be a promo code"),
        ("x" * 40 + " 5", "“" + "x" * 40 + "” cannot be a promo code"),
        ("<b>ok</b> 5", "“&lt;b&gt;ok&lt;/b&gt;” cannot be a promo code"),
        ("CODE 0", "AMOUNT must be a number above 0"),
        ("CODE -5", "AMOUNT must be a number above 0"),
        ("CODE NaN", "AMOUNT must be a number above 0"),
        ("CODE 1e3", "AMOUNT must be a number above 0"),
        ("CODE 1.001", "AMOUNT must be a number above 0"),
        ("CODE ５", "AMOUNT must be a number above 0"),
        ("CODE 99999999999999", "That is too large"),
        ("CODE 5 0", "USES must be a whole number"),
        ("CODE 5 1_000", "USES must be a whole number"),
        ("CODE 5 2000000", "USES must be a whole number"),
        ("CODE 5 10 0", "USES must be a whole number"),
        ("CODE 5 10 ²", "USES must be a whole number"),
        ("CODE 5 10 99999", "USES must be a whole number"),
    ],
)
async def test_bad_input_is_answered_and_changes_nothing(admin, db, args, start) -> None:
    answer = texts(await admin.send(f"/promo {args}"))
    assert len(answer) == 1
    assert answer[0].startswith(start), answer
    assert await codes(db) == []


async def test_to_a_customer_promo_with_an_amount_is_just_a_code(ann, db) -> None:
    # Not an admin: `/promo WELCOME 5` is read as the code WELCOME5, which does not exist.
    assert texts(await ann.send("/promo WELCOME 5")) == [
        "There is no promo code WELCOME5. Check it and send it again, or tap Cancel."
    ]
    assert await codes(db) == []
    assert texts(await ann.send("/promos")) == [
        "We don't know that command. Send /help to see what you can do here."
    ]


async def test_help_lists_promo(ann) -> None:
    assert "/promo" in texts(await ann.click(MenuCb(action="help")))[-1]
