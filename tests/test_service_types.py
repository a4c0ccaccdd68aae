"""Every service type the shop sells, through the real Dispatcher: the steps each type asks,
what is refused, the price, and exactly what `add` is sent."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.storage import OrdersRepo
from bot.telegram.callbacks import OrderCb, OrderNavCb, StepCb
from tests.conftest import fund
from tests.harness import BotClient, buttons, last_buttons, texts
from tests.helpers import admin_texts, balance_of
from tests.panel_emulator import EmulatedService, PanelEmulator
from tests.test_order_flow import to_service
from tests.test_orders import card_of
from tests.test_shop import inline_articles

POST = "https://instagram.com/p/1"
NAME = "Service under test"


def sell(emulator: PanelEmulator, kind: str, rate: str = "10", **options: object) -> None:
    emulator.services[20] = EmulatedService(
        20,
        NAME,
        kind,
        "Instagram Extras",
        Decimal(rate),
        1,
        1000,
        **options,  # type: ignore[arg-type]
    )


async def answer(client: BotClient, answers: list[str]) -> str:
    """Walk to the service and type each answer; the last thing the bot said."""
    await to_service(client, "Instagram Extras", NAME)
    sent = []
    for text in answers:
        sent = await client.send(text)
    return texts(sent)[-1]


CASES = [
    # type, rate, answers, fields `add` gets besides key/action/service, charge
    ("Package", "5", [POST], {"link": POST}, "6.00"),
    (
        "SEO",
        "10",
        [POST, "100", "shoes\nred  shoes"],
        {"link": POST, "quantity": "100", "keywords": "shoes\nred shoes"},
        "1.20",
    ),
    (
        "Custom Comments",
        "10",
        [POST, "Nice!\n\nGreat post\r\nWow"],
        {"link": POST, "comments": "Nice!\nGreat post\nWow"},
        "0.04",  # 3 comments at 12.00 per 1000, rounded up
    ),
    ("Custom Comments Package", "5", [POST, "a\nb"], {"link": POST, "comments": "a\nb"}, "6.00"),
    (
        "Mentions",
        "10",
        [POST, "100", "@alice\n@bob"],
        {"link": POST, "quantity": "100", "usernames": "@alice\n@bob"},
        "1.20",
    ),
    (
        "Mentions with Hashtags",
        "10",
        [POST, "100", "@alice", "#sale\n#new"],
        {"link": POST, "quantity": "100", "usernames": "@alice", "hashtags": "#sale\n#new"},
        "1.20",
    ),
    (
        "Mentions Custom List",
        "10",
        [POST, "@a_1\n@b_2\n@c_3"],
        {"link": POST, "usernames": "@a_1\n@b_2\n@c_3"},
        "0.04",
    ),
    (
        "Mentions Hashtag",
        "10",
        [POST, "100", "#sale"],
        {"link": POST, "quantity": "100", "hashtag": "#sale"},
        "1.20",
    ),
    (
        "Mentions User Followers",
        "10",
        [POST, "100", "@durov"],
        {"link": POST, "quantity": "100", "username": "@durov"},
        "1.20",
    ),
    (
        "Mentions Media Likers",
        "10",
        [POST, "100", "https://instagram.com/p/2"],
        {"link": POST, "quantity": "100", "media": "https://instagram.com/p/2"},
        "1.20",
    ),
    (
        "Comment Likes",
        "10",
        [POST, "100", "@author"],
        {"link": POST, "quantity": "100", "username": "@author"},
        "1.20",
    ),
    (
        "Comment Replies",
        "10",
        [POST, "@author", "hi\nthere"],
        {"link": POST, "username": "@author", "comments": "hi\nthere"},
        "0.03",
    ),
    (
        "Invites from Groups",
        "10",
        [POST, "100", "group_one\ngroup_two"],
        {"link": POST, "quantity": "100", "groups": "group_one\ngroup_two"},
        "1.20",
    ),
]


@pytest.mark.parametrize(("kind", "rate", "answers", "fields", "charge"), CASES)
async def test_each_type_asks_its_fields_and_sends_exactly_them(
    client: BotClient, db, emulator: PanelEmulator, kind, rate, answers, fields, charge
) -> None:
    sell(emulator, kind, rate)
    await fund(db, client.user.id, "10")
    summary = await answer(client, answers)
    assert f"To pay: <b>{charge} UZS</b>" in summary
    await client.click_text("✅ Confirm and pay")
    [form] = emulator.calls("add")
    assert {k: v for k, v in form.items() if k not in {"key", "action", "service"}} == fields
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    assert order.status == "Pending"
    assert order.charge == Decimal(charge)
    assert await balance_of(db, client.user.id) == Decimal(10) - Decimal(charge)


async def test_types_are_matched_in_any_case(client: BotClient, emulator: PanelEmulator) -> None:
    sell(emulator, "custom  COMMENTS")
    assert "Send the comments, one per line" in await answer(client, [POST])


@pytest.mark.parametrize(
    ("kind", "answers", "refusal"),
    [
        # more comments than the service's maximum (1000 here: 1001 lines)
        ("Custom Comments", [POST, "\n".join(["c"] * 1001)], "from 1 to 1,000 comments"),
        ("Custom Comments", [POST, "x" * 501], "each up to 500 characters"),
        ("Custom Comments", [POST, "\n \n"], "from 1 to 1,000 comments"),
        ("Mentions", [POST, "100", "@alice smith"], "without spaces"),
        ("Mentions User Followers", [POST, "100", "two words"], "one username without spaces"),
        ("Mentions Hashtag", [POST, "100", "#a #b"], "one hashtag without spaces"),
        ("Mentions Media Likers", [POST, "100", "not a link"], "That is not a link"),
    ],
)
async def test_a_wrong_answer_says_why_and_asks_again(
    client: BotClient, emulator: PanelEmulator, kind, answers, refusal
) -> None:
    sell(emulator, kind)
    assert refusal in await answer(client, answers)
    assert emulator.calls("add") == []


async def test_back_from_a_list_keeps_it_and_shows_how_many(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Comment Replies")
    await fund(db, client.user.id, "10")
    await answer(client, [POST, "@author", "hi\nthere\nfriend"])
    sent = await client.click(OrderNavCb(action="back"))  # summary -> comments
    assert "Current comments: 3 lines." in texts(sent)[-1]
    sent = await client.click(OrderNavCb(action="back"))  # comments -> username
    assert "Current username: @author." in texts(sent)[-1]
    await client.click(OrderNavCb(action="keep"))
    sent = await client.click(OrderNavCb(action="keep"))
    assert "Comments: 3" in texts(sent)[-1]


async def test_drip_feed_asks_runs_and_interval_and_charges_every_run(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Default", dripfeed=True)
    await fund(db, client.user.id, "10")
    question = await answer(client, [POST, "500"])
    assert question.startswith("Drip-feed: in how many runs")
    assert last_buttons(client) == ["2", "3", "5", "10", "⏭ Skip", "« Back", "✖ Cancel"]
    await client.click(StepCb(value=5))
    assert last_buttons(client)[:5] == [
        "15",
        "30",
        "60",
        "360",
        "1,440",
    ]  # grouped as the text around it
    sent = await client.send("60")
    summary = texts(sent)[-1]
    assert "Drip-feed: 500 × 5 runs every 60 min = 2,500" in summary
    assert "Quantity: 2,500" in summary
    assert "To pay: <b>30.00 UZS</b>" in summary  # 2500 at 12.00 per 1000... short
    await fund(db, client.user.id, "30")
    await client.click(OrderNavCb(action="back"))  # to the interval
    await client.click(OrderNavCb(action="keep"))
    await client.click_text("✅ Confirm and pay")
    [form] = emulator.calls("add")
    assert (form["quantity"], form["runs"], form["interval"]) == ("500", "5", "60")
    assert await balance_of(db, client.user.id) == Decimal(10)


async def test_drip_feed_skipped_is_all_at_once(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Default", dripfeed=True)
    await fund(db, client.user.id, "10")
    await answer(client, [POST, "500"])
    sent = await client.click(OrderNavCb(action="skip"))
    assert "To pay: <b>6.00 UZS</b>" in texts(sent)[-1]
    assert "Drip-feed" not in texts(sent)[-1]
    await client.click_text("✅ Confirm and pay")
    [form] = emulator.calls("add")
    assert "runs" not in form
    assert "interval" not in form


async def test_runs_out_of_bounds_are_refused(client: BotClient, emulator: PanelEmulator) -> None:
    sell(emulator, "Default", dripfeed=True)
    assert "from 2 to 100" in await answer(client, [POST, "500", "1"])
    assert "from 2 to 100" in texts(await client.send("101"))[-1]


async def test_no_drip_feed_where_the_service_does_not_allow_it(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Default")
    await fund(db, client.user.id, "10")
    assert "Check your order" in await answer(client, [POST, "500"])


async def test_a_package_is_priced_whole(client: BotClient, emulator: PanelEmulator) -> None:
    sell(emulator, "Package", "5")
    await to_service(client, "Instagram Extras", NAME)
    card = texts(client.session.requests)[-1]
    assert "Price: 6.00 UZS for the whole package" in card
    assert "Quantity" not in card  # bought as one: no "from 1 to 1"


@pytest.mark.parametrize(
    ("language", "listed", "inline"),
    [
        ("en", "6.00 UZS per package", "6.00 UZS per package · Instagram Extras"),
        ("ru", "6,00\xa0сум за пакет", "6,00\xa0сум за пакет · Instagram Extras"),
        ("uz", "paket narxi 6,00\xa0soʻm", "paket narxi 6,00\xa0soʻm · Instagram Extras"),
    ],
)
async def test_a_package_is_not_listed_per_1000(
    make_client, emulator: PanelEmulator, language: str, listed: str, inline: str
) -> None:
    sell(emulator, "Package", "5")
    emulator.services[21] = EmulatedService(
        21, "Per thousand", "Default", "Instagram Extras", Decimal(10), 10, 1000
    )
    client = make_client(user_id=4400, language_code=language)
    await client.send("/order")
    await client.click_text("Instagram Extras")
    labels = last_buttons(client)
    assert f"{NAME} · {listed}" in labels
    [other] = [label for label in labels if label.startswith("Per thousand · 12")]
    assert not any(word in other for word in ("package", "пакет", "paket"))
    [package] = inline_articles(await client.inline("under test"))
    assert package.description == inline


async def subscribe(client: BotClient, db, emulator: PanelEmulator) -> str:
    """A subscription to @durov's posts: 100 to 200 a post, 5 posts, delay 30, no end; the
    summary."""
    sell(emulator, "Subscriptions", "10")
    await fund(db, client.user.id, "20")
    await answer(client, ["@durov", "100", "200", "5"])
    await client.click(OrderNavCb(action="skip"))  # no existing posts
    assert last_buttons(client)[:7] == ["0", "5", "10", "15", "30", "60", "90"]
    await client.click(StepCb(value=30))
    sent = await client.click(OrderNavCb(action="skip"))  # no end date
    return texts(sent)[-1]


async def test_a_subscription_holds_the_most_and_sends_its_fields(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    summary = await subscribe(client, db, emulator)
    assert "Link: @durov" in summary
    assert "At most per post: 200" in summary
    assert "Posts: 5" in summary
    assert "Delay: 30 min" in summary
    assert "Ends" not in summary
    # 200 x 5 = 1,000 at 12.00 per 1000
    assert "To pay: <b>12.00 UZS</b>" in summary
    await client.click_text("✅ Confirm and pay")
    [form] = emulator.calls("add")
    fields = {k: v for k, v in form.items() if k not in {"key", "action", "service"}}
    assert fields == {"username": "@durov", "min": "100", "max": "200", "posts": "5", "delay": "30"}
    assert await balance_of(db, client.user.id) == Decimal(8)


async def test_a_subscription_settles_to_the_panels_final_charge_once(
    client: BotClient, db, emulator: PanelEmulator, dp, bot
) -> None:
    await subscribe(client, db, emulator)
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    # The panel delivered 600 of the most 1000: it took 6.00000 of the 10.00000 it could.
    emulator.set_status(order.panel_order_id or "", "Active", charge=Decimal("4"))
    await dp["sweeper"].run_once(bot)
    assert await balance_of(db, client.user.id) == Decimal(8)  # still running: held
    emulator.set_status(order.panel_order_id or "", "Expired", charge=Decimal("6"))
    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)
    settled = await OrdersRepo(db).get(order.id)
    assert settled is not None
    assert settled.refunded == Decimal("4.80")  # 12.00 held, 6 x 1.2 = 7.20 kept
    assert await balance_of(db, client.user.id) == Decimal("12.80")


async def test_an_active_subscription_shows_no_delivered_count_and_stats_count_the_earned(
    client: BotClient, admin: BotClient, db, emulator: PanelEmulator, dp, bot
) -> None:
    """The panel's remains of a subscription count one post's (here 200 of the most per
    post), not the 1,000 the order holds: no "Delivered so far: 800 of 1,000" while nothing
    was delivered. /stats counts what it has earned so far, not the 12.00 held."""
    await subscribe(client, db, emulator)
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    emulator.set_status(order.panel_order_id or "", "Active", charge=Decimal(0))
    await dp["sweeper"].run_once(bot)
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "Status: <b>active</b>" in card.text
    assert "Delivered" not in card.text
    [stats] = texts(await admin.send("/stats"))
    assert "Revenue 0.00 UZS, cost 0.00 UZS, profit 0.00 UZS" in stats
    # 400 of the most 1,000 delivered: the panel took 4.00, 4.80 at the customer's price
    emulator.set_status(order.panel_order_id or "", "Active", charge=Decimal(4))
    await dp["sweeper"].run_once(bot)
    [stats] = texts(await admin.send("/stats"))
    assert "Revenue 4.80 UZS, cost 4.00 UZS, profit 0.80 UZS" in stats
    # ended: the hold less the refund, as for any order
    emulator.set_status(order.panel_order_id or "", "Expired", charge=Decimal(6))
    await dp["sweeper"].run_once(bot)
    [stats] = texts(await admin.send("/stats"))
    assert "Revenue 7.20 UZS, cost 6.00 UZS, profit 1.20 UZS" in stats


@pytest.mark.parametrize(
    ("answers", "refusal"),
    [
        (["@durov", "100", "50"], "not below your minimum"),
        (["@durov", "1001"], "from 1 to 1,000"),  # above the service's most per post
    ],
)
async def test_a_subscriptions_bounds(
    client: BotClient, emulator: PanelEmulator, answers, refusal
) -> None:
    sell(emulator, "Subscriptions")
    assert refusal in await answer(client, answers)


@pytest.mark.parametrize("typed", ["45", "600", "91", "-5"])
async def test_a_subscriptions_delay_is_one_the_panels_take(
    client: BotClient, emulator: PanelEmulator, typed: str
) -> None:
    """Panels refuse a delay other than 0, 5, 10, 15, 30, 60 or 90 at `add`: refused here,
    with the ones there are, before anything is charged."""
    sell(emulator, "Subscriptions")
    question = await answer(client, ["@durov", "100", "200", "5"])
    question = texts(await client.click(OrderNavCb(action="skip")))[-1]
    assert question.endswith("Tap one of the buttons: 0, 5, 10, 15, 30, 60, 90 min.")
    assert texts(await client.send(typed)) == [
        "The delay can only be one of these: 0, 5, 10, 15, 30, 60, 90 min."
        " Please tap one of the buttons."
    ]
    assert "Until which day?" in texts(await client.send("60"))[-1]


@pytest.mark.parametrize("day", ["01/01/2020", "31/02/2030", "tomorrow"])
async def test_an_end_date_in_the_past_or_not_a_date_is_refused(
    client: BotClient, emulator: PanelEmulator, day
) -> None:
    sell(emulator, "Subscriptions")
    await answer(client, ["@durov", "100", "200", "5"])
    await client.click(OrderNavCb(action="skip"))
    await client.click(StepCb(value=0))
    assert "not in the past" in texts(await client.send(day))[-1]


async def test_an_admin_offers_drip_feed_where_the_panel_does_not_say(
    client: BotClient, admin: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Default")  # the panel's list has no `dripfeed`
    assert texts(await admin.send("/dripfeed 20 on")) == [
        f"#20 {NAME}: drip-feed offered to customers."
    ]
    await fund(db, client.user.id, "10")
    assert (await answer(client, [POST, "500"])).startswith("Drip-feed: in how many runs")
    assert texts(await admin.send("/dripfeed 20 maybe")) == ["Drip-feed is on, off, or a dash."]
    assert texts(await admin.send("/dripfeed 20 -")) == [
        f"#20 {NAME}: drip-feed as the panel's list says."
    ]
    assert "Check your order" in await answer(client, [POST, "500"])


async def test_a_subscriptions_last_reported_charge_is_kept_when_a_report_leaves_it_out(
    client: BotClient, db, emulator: PanelEmulator, dp, bot
) -> None:
    await subscribe(client, db, emulator)
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    panel_id = order.panel_order_id or ""
    emulator.set_status(panel_id, "Active", charge=Decimal("4"))
    await dp["sweeper"].run_once(bot)
    # The panel's answer for the order leaves the charge out.
    emulator.canned({panel_id: {"status": "Canceled", "remains": 0}}, action="status")
    await dp["sweeper"].run_once(bot)
    settled = await OrdersRepo(db).get(order.id)
    assert settled is not None
    assert settled.panel_charge == Decimal(4)
    assert settled.refunded == Decimal("7.20")  # 12.00 held, 4 x 1.2 = 4.80 kept
    assert await balance_of(db, client.user.id) == Decimal("15.20")


async def test_a_subscription_ended_without_any_charge_keeps_the_hold_and_tells_the_admins(
    client: BotClient, db, emulator: PanelEmulator, dp, bot
) -> None:
    await subscribe(client, db, emulator)
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    answer_ = {order.panel_order_id: {"status": "Expired", "remains": 0}}  # never a charge
    emulator.canned(answer_, action="status", times=2)
    await dp["sweeper"].run_once(bot)
    await dp["sweeper"].run_once(bot)
    assert await balance_of(db, client.user.id) == Decimal(8)
    alerts = [text for text in admin_texts(bot) if "without the panel ever saying" in text]
    assert len(alerts) == 1
    assert f"Order #{order.id}" in alerts[0]


async def test_existing_posts_count_in_a_subscriptions_hold(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Subscriptions", "10")
    await fund(db, client.user.id, "20")
    await answer(client, ["@durov", "100", "200", "5", "3"])  # 5 new and 3 existing posts
    await client.click(StepCb(value=0))
    sent = await client.click(OrderNavCb(action="skip"))
    assert "To pay: <b>19.20 UZS</b>" in texts(sent)[-1]  # 200 x 8 = 1,600 at 12.00


async def test_a_summarys_confirm_is_dead_once_the_customer_goes_back(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    sell(emulator, "Subscriptions")
    await fund(db, client.user.id, "20")
    summary_text = await subscribe(client, db, emulator)
    assert "To pay" in summary_text
    summary = client.bot_messages()[-1]
    token = next(data for label, data in buttons(summary.reply_markup) if label.startswith("✅"))
    await client.click(OrderNavCb(action="back"))  # to the end date: the same message
    sent = await client.click(token, summary)
    assert sent[0].text == "This offer has expired. Send /order to start again."  # type: ignore[attr-defined]
    assert emulator.calls("add") == []


async def test_a_minimum_raised_above_the_kept_maximum_must_be_answered_again(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await subscribe(client, db, emulator)
    for _ in range(5):  # summary -> end date -> delay -> existing posts -> posts -> max
        await client.click(OrderNavCb(action="back"))
    sent = await client.click(OrderNavCb(action="back"))  # -> min
    assert "Current minimum: 100." in texts(sent)[-1]
    sent = await client.send("300")  # above the maximum of 200 kept from before
    assert "Current maximum" not in texts(sent)[-1]
    assert "⏭ Skip" not in last_buttons(client)
    assert "✔ Keep it" not in last_buttons(client)
    await client.click(OrderNavCb(action="keep"))  # forged: nothing to keep
    assert emulator.calls("add") == []
    assert "Check your order" not in texts(await client.send("250"))[-1]  # max < min


async def test_a_comments_packages_partial_refunds_what_remains(
    client: BotClient, db, emulator: PanelEmulator, dp, bot
) -> None:
    sell(emulator, "Custom Comments Package", "5")
    await fund(db, client.user.id, "10")
    await answer(client, [POST, "\n".join(f"comment {n}" for n in range(10))])
    await client.click_text("✅ Confirm and pay")
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 1)
    assert (order.quantity, order.charge) == (10, Decimal("6.00"))
    emulator.set_status(order.panel_order_id or "", "Partial", remains=3)
    await dp["sweeper"].run_once(bot)
    assert await balance_of(db, client.user.id) == Decimal("5.80")  # 3 of 10 back: 1.80


async def test_drip_feed_asks_per_run_and_shows_the_total_as_runs_are_chosen(
    client: BotClient, emulator: PanelEmulator
) -> None:
    """1000 x 5 runs is 5,000 and its price: said before the summary, not found on it."""
    sell(emulator, "Default", dripfeed=True)
    question = await answer(client, [POST])
    assert "How many per run? With drip-feed, this many are delivered in every run" in question
    runs = await answer(client, [POST, "500"])
    # 12.00 per 1000: each runs button's total and price
    assert runs.splitlines()[1:] == [
        "500 per run, so in all:",
        "2 runs: 1,000 for 12.00 UZS",
        "3 runs: 1,500 for 18.00 UZS",
        "5 runs: 2,500 for 30.00 UZS",
        "10 runs: 5,000 for 60.00 UZS",
    ]
    interval = texts(await client.click(StepCb(value=5)))[-1]
    assert "In all: 500 × 5 runs = 2,500 for 30.00 UZS" in interval
    summary = texts(await client.send("60"))[-1]
    assert "To pay: <b>30.00 UZS</b>" in summary


async def test_drip_feed_totals_in_russian(make_client, emulator: PanelEmulator) -> None:
    client = make_client(user_id=4321, language_code="ru")
    sell(emulator, "Default", dripfeed=True)
    assert "Сколько за один запуск?" in await answer(client, [POST])
    await client.send("500")
    interval = texts(await client.send("3"))[-1]
    assert "Всего: 500 × 3 запуска = 1\xa0500 за 18,00\xa0сум" in interval


async def test_without_drip_feed_the_quantity_is_not_per_run(
    client: BotClient, emulator: PanelEmulator
) -> None:
    sell(emulator, "Default")
    question = await answer(client, [POST])
    assert "How many? Send a whole number from 1 to 1,000." in question
    assert "per run" not in await answer(client, [POST, "500"])
