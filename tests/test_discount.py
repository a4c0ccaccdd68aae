"""Per-customer discounts through the real Dispatcher: the admin's `/discount`, and a
discounted customer's prices in the lists, the card, the summary, the charge, mass orders,
inline results and `/stats`, next to a customer without one."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.methods import SendInvoice, SetMyCommands

from bot.storage import OrdersRepo, UsersRepo
from tests.conftest import MakeClient, fund
from tests.harness import BotClient, last_buttons, texts
from tests.helpers import balance_of, delivered
from tests.panel_emulator import PanelEmulator
from tests.test_admin_customers import UNKNOWN
from tests.test_inline import answer_of, articles, card
from tests.test_massorder import CONFIRM, TWO_LINES
from tests.test_order_flow import MEMBERS, to_summary

CUSTOMER = 5200
OTHER = 5201
USAGE = (
    "Usage: /discount USER_ID PERCENT, a whole percent from 0 to 90 (0 ends the discount),"
    " for example /discount 123456789 10. /discount USER_ID alone shows it."
)


@pytest.fixture
async def customer(make_client: MakeClient, dp) -> BotClient:
    await dp["catalogue"].current()
    client = make_client(user_id=CUSTOMER)
    await client.send("/start")
    return client


@pytest.fixture
async def other(make_client: MakeClient) -> BotClient:
    client = make_client(user_id=OTHER)
    await client.send("/start")
    return client


async def discount_of(db, user_id: int) -> int:
    user = await UsersRepo(db).get(user_id)
    assert user is not None
    return user.discount


async def give(admin: BotClient, percent: int, user_id: int = CUSTOMER) -> None:
    [answer] = texts(await admin.send(f"/discount {user_id} {percent}"))
    assert answer.startswith(f"{user_id} now gets {percent}% off every price")


# --- the admin's command ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "answer"),
    [
        ("", USAGE),
        ("abc 10", USAGE),
        ("5200 ten", USAGE),
        ("5200 7.5", USAGE),  # whole percents only
        ("5200 7,5", USAGE),
        ("5200 -5", USAGE),
        ("5200 １０", USAGE),  # full-width digits
        ("5200 1_0", USAGE),
        ("5200 10 20", USAGE),
        ("5200 91", "A discount is at most 90%."),
        ("5200 100", "A discount is at most 90%."),
        ("5200 99999999999999", USAGE),  # past any bound: the usage names the range
        ("4242 10", "There is no customer 4242: they have to open the bot first."),
    ],
)
async def test_bad_input_answers_clearly_and_changes_nothing(
    admin: BotClient, customer: BotClient, db, dp, bot, args: str, answer: str
) -> None:
    assert texts(await admin.send(f"/discount {args}".strip())) == [answer]
    assert await discount_of(db, CUSTOMER) == 0
    assert await UsersRepo(db).get(4242) is None  # not created by being named
    assert await delivered(dp, bot, CUSTOMER) == []


async def test_set_show_change_and_end_with_the_customer_told(
    admin: BotClient, make_client: MakeClient, db, dp, bot
) -> None:
    russian = make_client(user_id=CUSTOMER, language_code="ru")
    await russian.send("/start")
    assert texts(await admin.send(f"/discount {CUSTOMER}")) == [f"{CUSTOMER} has no discount."]

    assert texts(await admin.send(f"/discount {CUSTOMER} 10")) == [
        f"{CUSTOMER} now gets 10% off every price (was 0%). We told them."
    ]
    assert await discount_of(db, CUSTOMER) == 10
    assert await delivered(dp, bot, CUSTOMER) == [
        "🎁 Теперь у вас скидка 10% на каждый заказ: цены, которые вы видите, уже её учитывают."
    ]
    assert texts(await admin.send(f"/discount {CUSTOMER}")) == [
        f"{CUSTOMER} gets 10% off every price."
    ]
    [card_text, *_] = texts(await admin.send(f"/user {CUSTOMER}"))
    assert "\nDiscount: 10% off every price\n" in card_text

    # The same again ("%" allowed): nothing changes, nobody is told twice.
    assert texts(await admin.send(f"/discount {CUSTOMER} 10%")) == [
        f"{CUSTOMER} already gets 10% off: nothing changed."
    ]
    assert await delivered(dp, bot, CUSTOMER) == []

    assert texts(await admin.send(f"/discount {CUSTOMER} 90")) == [
        f"{CUSTOMER} now gets 90% off every price (was 10%). We told them."
    ]
    assert await delivered(dp, bot, CUSTOMER) == [
        "🎁 Теперь у вас скидка 90% на каждый заказ: цены, которые вы видите, уже её учитывают."
    ]
    assert texts(await admin.send(f"/discount {CUSTOMER} 0")) == [
        f"{CUSTOMER} has no discount any more (was 90%). We told them."
    ]
    assert await discount_of(db, CUSTOMER) == 0
    assert await delivered(dp, bot, CUSTOMER) == [
        "Ваша персональная скидка закончилась: цены снова обычные."
    ]
    [card_text, *_] = texts(await admin.send(f"/user {CUSTOMER}"))
    assert "Discount" not in card_text


async def test_a_customer_cannot_give_themselves_a_discount(customer: BotClient, db) -> None:
    assert texts(await customer.send(f"/discount {CUSTOMER} 50")) == [UNKNOWN]
    assert await discount_of(db, CUSTOMER) == 0


async def test_admin_help_and_menu_list_it(admin: BotClient, dp, bot) -> None:
    [help_text] = texts(await admin.send("/help"))
    assert "/discount — a customer's discount in whole percent off every price" in help_text
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    menus = [c for c in bot.session.of_type(SetMyCommands) if c.scope.type == "chat"]
    russian = {c.command: c.description for c in menus[2].commands}
    assert russian["discount"] == (
        "Скидка клиента в % на все цены: /discount USER_ID ПРОЦЕНТ (администраторы)"
    )
    await dp.emit_shutdown(bot=bot, **dp.workflow_data)
    # Customers' own menu does not list it.
    default = next(c for c in bot.session.of_type(SetMyCommands) if c.scope.type == "default")
    assert "discount" not in {c.command for c in default.commands}


# --- what a discounted customer sees and pays -------------------------------------------------


async def test_the_chat_shows_and_charges_the_discounted_price(
    admin: BotClient, customer: BotClient, other: BotClient, db, emulator: PanelEmulator
) -> None:
    await give(admin, 10)
    await fund(db, CUSTOMER, "10")
    await fund(db, OTHER, "10")

    # 72.00 per 1000 (a rate of 60, 20 % markup) less 10 %.
    await customer.send("/order")
    await customer.click_text("Telegram Members")
    card_text = texts(await customer.click_text(f"{MEMBERS} · 64.80 UZS"))[-1]
    assert "Price: 64.80 UZS per 1000" in card_text
    assert "🎁 Your discount: 10%, already in the price." in card_text
    await customer.send("@durov")
    summary = texts(await customer.send("100"))[-1]
    assert "🎁 Your 10% discount is included." in summary
    assert "To pay: <b>6.48 UZS</b>" in summary
    assert "Your balance: 10.00 UZS → 3.52 UZS" in summary
    placed = texts(await customer.click_text("✅ Confirm and pay"))[-1]
    assert "Charged: 6.48 UZS. Your balance: 3.52 UZS." in placed
    [order] = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert (order.charge, order.discount, order.full_charge) == (
        Decimal("6.48"),
        10,
        Decimal("7.20"),
    )
    assert await balance_of(db, CUSTOMER) == Decimal("3.52")

    # A customer without a discount, the same service: the shop's price.
    await to_summary(other)
    summary = other.bot_messages()[-1].text or ""
    assert "To pay: <b>7.20 UZS</b>" in summary
    assert "discount" not in summary
    await other.click_text("✅ Confirm and pay")
    [theirs] = await OrdersRepo(db).list_for_user(OTHER, 10)
    assert (theirs.charge, theirs.discount, theirs.full_charge) == (Decimal("7.20"), 0, None)
    assert await balance_of(db, OTHER) == Decimal("2.80")


@pytest.mark.parametrize(
    ("first", "then", "seen", "now"), [(10, 0, "6.48", "7.20"), (10, 20, "6.48", "5.76")]
)
async def test_a_discount_changed_before_confirm_charges_nothing_unseen(
    admin: BotClient,
    customer: BotClient,
    db,
    first: int,
    then: int,
    seen: str,
    now: str,
) -> None:
    await give(admin, first)
    await fund(db, CUSTOMER, "10")
    await to_summary(customer)
    assert f"To pay: <b>{seen} UZS</b>" in (customer.bot_messages()[-1].text or "")
    await admin.send(f"/discount {CUSTOMER} {then}")

    sent = texts(await customer.click_text("✅ Confirm and pay"))
    fresh = sent[-1]
    assert fresh.startswith("⚠️ The price has changed since you looked.")
    assert f"To pay: <b>{now} UZS</b>" in fresh
    assert await balance_of(db, CUSTOMER) == Decimal(10)  # nothing charged
    assert await OrdersRepo(db).list_for_user(CUSTOMER, 10) == []

    await customer.click_text("✅ Confirm and pay")  # the fresh summary's Confirm
    [order] = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert (order.charge, order.discount) == (Decimal(now), then)
    assert await balance_of(db, CUSTOMER) == Decimal(10) - Decimal(now)


async def test_a_short_summary_offers_a_top_up_of_the_discounted_gap(
    admin: BotClient, customer: BotClient, db
) -> None:
    await give(admin, 10)
    await fund(db, CUSTOMER, "5")
    await to_summary(customer)
    summary = customer.bot_messages()[-1]
    assert "To pay: <b>6.48 UZS</b>" in (summary.text or "")
    # 1.48 short (2.20 without the discount): 148 stars at 0.01 a star.
    assert last_buttons(customer)[0] == "⭐ Top up 1.48 UZS (148 ⭐)"
    invoice = [
        r
        for r in await customer.click_text(last_buttons(customer)[0])
        if isinstance(r, SendInvoice)
    ]
    assert [i.prices[0].amount for i in invoice] == [148]


async def test_a_mass_order_is_priced_and_charged_at_the_discount(
    admin: BotClient, customer: BotClient, db, emulator: PanelEmulator
) -> None:
    await give(admin, 10)
    await fund(db, CUSTOMER, "50")
    await customer.send("/massorder")
    [summary] = texts(await customer.send(TWO_LINES))
    # 100 and 200 at 64.80 per 1000: 6.48 and 12.96 (21.60 without the discount).
    assert "· https://t.me/chan_one · 100 · 6.48 UZS" in summary
    assert "· https://t.me/chan_two · 200 · 12.96 UZS" in summary
    assert "To pay: <b>19.44 UZS</b>\nYour balance: 50.00 UZS → 30.56 UZS" in summary
    report = texts(await customer.click_text(CONFIRM), chat_id=customer.chat.id)[-1]
    assert "Charged: 19.44 UZS. Your balance: 30.56 UZS." in report
    orders = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert sorted((o.charge, o.discount, o.full_charge) for o in orders) == [
        (Decimal("6.48"), 10, Decimal("7.20")),
        (Decimal("12.96"), 10, Decimal("14.40")),
    ]
    assert len(emulator.calls("add")) == 2
    assert await balance_of(db, CUSTOMER) == Decimal("30.56")


async def test_a_mass_order_whose_discount_changed_is_summed_again(
    admin: BotClient, customer: BotClient, db
) -> None:
    await give(admin, 10)
    await fund(db, CUSTOMER, "50")
    await customer.send("/massorder")
    await customer.send(TWO_LINES)
    await admin.send(f"/discount {CUSTOMER} 0")
    sent = texts(await customer.click_text(CONFIRM), chat_id=customer.chat.id)
    assert any("To pay: <b>21.60 UZS</b>" in text for text in sent)
    assert await balance_of(db, CUSTOMER) == Decimal(50)
    assert await OrdersRepo(db).list_for_user(CUSTOMER, 10) == []


async def test_inline_results_show_the_askers_own_price(
    admin: BotClient, customer: BotClient, other: BotClient
) -> None:
    await give(admin, 10)
    [mine] = [a for a in articles(answer_of(await customer.inline("members")))]
    assert mine.description == "64.80 UZS per 1000 · Telegram Members"
    # The card they post is read by a whole chat, who pay the shop's price.
    assert "72.00 UZS per 1000" in card(mine)
    [theirs] = [a for a in articles(answer_of(await other.inline("members")))]
    assert theirs.description == "72.00 UZS per 1000 · Telegram Members"


async def test_stats_count_revenue_net_and_say_what_discounts_gave(
    admin: BotClient, customer: BotClient, db, emulator: PanelEmulator
) -> None:
    await give(admin, 10)
    await fund(db, CUSTOMER, "10")
    await to_summary(customer)
    await customer.click_text("✅ Confirm and pay")
    [stats] = texts(await admin.send("/stats"))
    # Charged 6.48 (7.20 less 10 %), cost 100 x 60 / 1000 = 6.00: profit 0.48.
    assert stats.count("Revenue 6.48 UZS, cost 6.00 UZS, profit 0.48 UZS") == 4
    assert stats.count("Discounts given: 0.72 UZS") == 4

    # Canceled and refunded in full: it earned nothing and gave nothing away.
    [order] = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert order.panel_order_id is not None
    emulator.set_status(order.panel_order_id, "Canceled")
    await admin.dp["sweeper"].run_once(admin.bot)
    [stats] = texts(await admin.send("/stats"))
    assert "Revenue 0.00 UZS, cost 0.00 UZS, profit 0.00 UZS" in stats
    assert "Discounts given" not in stats
    assert await balance_of(db, CUSTOMER) == Decimal(10)
