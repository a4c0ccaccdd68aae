"""Referrals through the real Dispatcher: the link at a customer's first /start, the share
of every top-up (Stars, and one credited through `Credits` as transfers, crypto, Payme and
Click are), taken back by a refund, `/referral`, `/user`, `/help` and the menu."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SetMyCommands

from bot.app import create_dispatcher
from bot.money import Amounts
from bot.storage import (
    Database,
    LedgerRepo,
    OutboxRepo,
    Reason,
    ReferralBonus,
    TopupsRepo,
    UsersRepo,
    post,
)
from bot.storage.referrals import linked_referrer, referral_link
from bot.telegram.callbacks import MenuCb
from tests.conftest import ADMIN_ID, MakeClient, settings_with
from tests.harness import BotClient, RecordingSession, buttons, texts
from tests.helpers import admin_texts, balance_of, delivered
from tests.test_payments import feed, invoice, payment
from tests.test_refund import paid_topup

ANN, BOB, CAT = 1001, 1002, 1003


@pytest.fixture
def settings(tmp_path, emulator):
    return settings_with(tmp_path, emulator, referral_percent="10")


@pytest.fixture
def ann(make_client: MakeClient) -> BotClient:
    return make_client(user_id=ANN, first_name="Ann")


@pytest.fixture
def bob(make_client: MakeClient) -> BotClient:
    return make_client(user_id=BOB, first_name="Bob")


async def referrer_of(db: Database, user_id: int) -> int | None:
    user = await UsersRepo(db).get(user_id)
    assert user is not None
    return user.referred_by


async def referral_rows(db: Database, user_id: int) -> list[tuple[str, Decimal, str | None]]:
    entries = await LedgerRepo(db).entries(user_id, 100)
    return [
        (entry.reason, entry.amount, entry.ref)
        for entry in reversed(entries)
        if entry.reason in (Reason.REFERRAL, Reason.REFERRAL_BACK)
    ]


def test_a_link_names_its_referrer_and_nothing_else_does() -> None:
    assert referral_link("shop_bot", ANN) == f"https://t.me/shop_bot?start=ref_{ANN}"
    assert linked_referrer(f"ref_{ANN}") == ANN
    for args in (None, "", "ref_", "ref_-1", "ref_１２", "ref_1_000", "svc_12", "ref_" + "9" * 19):
        assert linked_referrer(args) is None


async def test_the_first_start_through_a_link_fixes_the_referrer(ann, bob, db) -> None:
    await ann.send("/start")
    sent = await bob.send(f"/start ref_{ANN}")
    # The link does not change the greeting: the greeting and the menu, as always.
    shown = texts(sent)
    assert shown[0].startswith("Hello, <b>Bob</b>")
    assert shown[-1] == "Choose what to do:"
    assert await referrer_of(db, BOB) == ANN
    # A second link, another referrer's or the same, changes nothing.
    await bob.send(f"/start ref_{CAT}")
    await bob.send("/start")
    assert await referrer_of(db, BOB) == ANN


async def test_oneself_unknown_numbers_and_known_customers_get_no_referrer(
    ann, bob, make_client, db
) -> None:
    await ann.send("/start")
    await make_client(user_id=CAT).send(f"/start ref_{CAT}")  # oneself
    assert await referrer_of(db, CAT) is None
    sent = await bob.send("/start ref_777777")  # nobody the shop knows
    assert texts(sent)[-1] == "Choose what to do:"
    assert await referrer_of(db, BOB) is None
    # A loop: Ann is known already, so Bob's link cannot make him her referrer.
    await ann.send(f"/start ref_{BOB}")
    assert await referrer_of(db, ANN) is None
    # A customer the shop knew before the link (here from an invoice) keeps having none.
    dan = make_client(user_id=1004)
    await dan.send("/topup 100")
    assert await UsersRepo(db).get(1004) is not None
    await dan.send(f"/start ref_{ANN}")
    assert await referrer_of(db, 1004) is None


async def test_a_stars_top_up_pays_the_referrer_once_and_tells_them(
    ann, bob, db, dp: Dispatcher, bot: Bot
) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    topup = await invoice(bob, db, 300)  # 3.00
    paid = payment(bob, topup, charge_id="stxRef")
    await feed(bob, paid)
    await feed(bob, paid)  # delivered again: credited once, and so is the share
    assert await balance_of(db, BOB) == Decimal("3.00")
    assert await referral_rows(db, ANN) == [("referral", Decimal("0.30"), str(topup.id))]
    assert await balance_of(db, ANN) == Decimal("0.30")
    told = await delivered(dp, bot, ANN)
    assert told == [
        "🤝 Referral bonus: +0.30 on your balance, your share of a top-up by a customer you"
        " invited. Balance: 0.30"
    ]


async def test_a_top_up_credited_through_credits_pays_the_referrer_once(
    ann, bob, db, dp: Dispatcher, bot: Bot
) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    pending = await TopupsRepo(db).create(BOB, Decimal("150.00"), "en", method="transfer")
    credits = dp["credits"]
    await credits.credit(pending.id, str(pending.id), actor=ADMIN_ID)
    await credits.credit(pending.id, str(pending.id), actor=ADMIN_ID)  # a second approval
    assert await referral_rows(db, ANN) == [("referral", Decimal("15.00"), str(pending.id))]
    assert await balance_of(db, BOB) == Decimal("150.00")
    assert await balance_of(db, ANN) == Decimal("15.00")
    assert any("Referral bonus: +15.00" in text for text in await delivered(dp, bot, ANN))


async def test_a_customer_without_a_referrer_pays_nobody(ann, bob, db) -> None:
    await ann.send("/start")
    await bob.send("/start")
    await paid_topup(bob, db, 300)
    assert await referral_rows(db, ANN) == []
    assert await balance_of(db, ANN) == 0


async def test_a_share_below_one_price_step_posts_nothing(db, settings) -> None:
    users, outbox = UsersRepo(db), OutboxRepo(db)
    await users.ensure(ANN)
    await users.ensure(BOB, referrer=ANN)
    bonus = ReferralBonus(Decimal("1"), 2, Amounts(2, lambda: ""), outbox)
    topups = TopupsRepo(db, bonus)
    small = await topups.create(BOB, Decimal("0.50"), "en", method="transfer")  # 1% = 0.005
    async with db.transaction() as tx:
        credited = await topups.credit(tx, small.id, "t1")
    assert credited.bonus is None
    assert await referral_rows(db, ANN) == []
    big = await topups.create(BOB, Decimal("12.34"), "en", method="transfer")  # 0.1234
    async with db.transaction() as tx:
        credited = await topups.credit(tx, big.id, "t2")
    assert credited.bonus == Decimal("0.12")  # rounded down
    assert await referral_rows(db, ANN) == [("referral", Decimal("0.12"), str(big.id))]


async def test_a_stars_refund_takes_the_share_back(
    ann, bob, admin, db, dp: Dispatcher, bot: Bot
) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    topup = await paid_topup(bob, db, 300)
    await delivered(dp, bot, ANN)
    await admin.send(f"/refund {topup.id}")
    assert await balance_of(db, BOB) == 0
    assert await referral_rows(db, ANN) == [
        ("referral", Decimal("0.30"), str(topup.id)),
        ("referral_back", Decimal("-0.30"), str(topup.id)),
    ]
    assert await balance_of(db, ANN) == 0
    assert await delivered(dp, bot, ANN) == [
        "↩️ A top-up by a customer you invited was refunded, so its referral bonus of 0.30"
        " was taken back. Balance: 0.00"
    ]
    assert not [text for text in admin_texts(bot) if "referral bonus" in text]


async def test_a_refund_whose_share_was_spent_goes_through_and_tells_the_admins_once(
    ann, bob, admin, db, bot: Bot
) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    topup = await paid_topup(bob, db, 300)
    async with db.transaction() as tx:  # Ann spends her bonus
        await post(tx, ANN, Decimal("-0.30"), Reason.DEBIT)
    await admin.send(f"/refund {topup.id}")
    assert await balance_of(db, BOB) == 0  # the customer's refund went through
    assert await referral_rows(db, ANN) == [("referral", Decimal("0.30"), str(topup.id))]
    alert = (
        f"⚠️ Top-up #{topup.id} of customer {BOB} was refunded, but referrer {ANN} no longer"
        " holds its referral bonus of 0.30 (balance 0.00), so it stayed with them. Settle it"
        " with them, with /debit if need be."
    )
    assert admin_texts(bot).count(alert) == 1
    await admin.send(f"/refund {topup.id}")  # again: refunded already, nobody told again
    assert admin_texts(bot).count(alert) == 1


async def test_refund_of_another_methods_top_up_takes_the_share_back(
    ann, bob, admin, db, dp: Dispatcher
) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    pending = await TopupsRepo(db).create(BOB, Decimal("20.00"), "en", method="transfer")
    await dp["credits"].credit(pending.id, str(pending.id))
    await admin.send(f"/refund {pending.id} paid back by card")
    assert await referral_rows(db, ANN) == [
        ("referral", Decimal("2.00"), str(pending.id)),
        ("referral_back", Decimal("-2.00"), str(pending.id)),
    ]


async def test_referral_shows_the_link_who_joined_and_what_it_earned(ann, bob, db) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    await paid_topup(bob, db, 300)
    for sent in (await ann.send("/referral"), await ann.click(MenuCb(action="referral"))):
        assert texts(sent)[-1] == (
            "<b>Your referral link</b>\n"
            f"https://t.me/shop_test_bot?start=ref_{ANN}\n"
            "Share it: whenever a customer who joined through it tops up, 10% of the top-up"
            " goes on your balance.\n"
            "Joined through your link: 1\n"
            "Earned: 0.30"
        )


async def test_the_menu_and_help_offer_referral_while_it_is_on(ann) -> None:
    sent = await ann.send("/start")
    assert MenuCb(action="referral").pack() in [data for _, data in buttons(sent[-1].reply_markup)]
    assert "/referral" in texts(await ann.send("/help"))[-1]


async def test_an_admins_help_lists_referral_too(admin) -> None:
    assert "/referral — your referral link" in texts(await admin.send("/help"))[-1]


async def test_user_shows_who_referred_and_how_many_were_referred(ann, bob, admin, db) -> None:
    await ann.send("/start")
    await bob.send(f"/start ref_{ANN}")
    await paid_topup(bob, db, 300)
    bobs = texts(await admin.send(f"/user {BOB}"))[0]
    assert f"Referred by: Ann <code>{ANN}</code>. Customers they referred: 0, earning 0.00" in bobs
    anns = texts(await admin.send(f"/user {ANN}"))[0]
    assert "Referred by: —. Customers they referred: 1, earning 0.30" in anns


async def test_with_referrals_off_a_link_does_nothing_and_referral_says_so(
    settings, db, panel, translator, bot: Bot
) -> None:
    off = settings.model_copy(update={"referral_percent": Decimal(0)})
    dp = create_dispatcher(settings=off, db=db, panel=panel, translator=translator)
    ann, bob = BotClient(dp, bot, user_id=ANN), BotClient(dp, bot, user_id=BOB)
    await ann.send("/start")
    sent = await bob.send(f"/start ref_{ANN}")
    assert MenuCb(action="referral").pack() not in [
        data for _, data in buttons(getattr(sent[-1], "reply_markup", None))
    ]
    assert await referrer_of(db, BOB) is None
    assert texts(await bob.send("/referral")) == ["We have no referral program right now."]
    assert "/referral" not in texts(await bob.send("/help"))[-1]


async def test_referral_is_registered_as_a_command_only_while_on(
    settings, db, panel, translator, bot: Bot
) -> None:
    for percent, listed in ((Decimal(10), True), (Decimal(0), False)):
        changed = settings.model_copy(update={"referral_percent": percent})
        dp = create_dispatcher(settings=changed, db=db, panel=panel, translator=translator)
        session = bot.session
        assert isinstance(session, RecordingSession)
        before = len(session.requests)
        await dp.emit_startup(bot=bot, **dp.workflow_data)
        await dp.emit_shutdown(bot=bot, **dp.workflow_data)
        menus = [r for r in session.requests[before:] if isinstance(r, SetMyCommands)]
        assert menus
        for menu in menus:
            names = [command.command for command in menu.commands]
            assert "promo" in names
            assert ("referral" in names) is listed


async def test_a_fractional_percent_is_written_the_readers_way(
    settings, db, panel, translator, bot: Bot
) -> None:
    changed = settings.model_copy(update={"referral_percent": Decimal("2.5")})
    dp = create_dispatcher(settings=changed, db=db, panel=panel, translator=translator)
    ann = BotClient(dp, bot, user_id=ANN, language_code="ru")
    shown = texts(await ann.send("/referral"))[-1]
    assert "2,5% суммы пополнения" in shown
    assert "Пришли по вашей ссылке: 0" in shown
