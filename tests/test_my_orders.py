"""My orders (issue 16, point 7) through the real Dispatcher: ten a page, the status filters,
search by number or link, the icons, start count and delivered, and Order again; other
customers' orders stay out of every answer."""

from __future__ import annotations

from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.orders.lookups import StatusLookups
from bot.orders.texts import button_label
from bot.storage import Database, Order, OrdersRepo, Status
from bot.telegram.callbacks import OrderCb, OrdersCb, OrdersSearchCb, Shown
from bot.telegram.keyboards import NEXT, PREV
from tests.conftest import fund
from tests.harness import BotClient, a_sticker, labels, last_buttons, texts
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator
from tests.test_order_flow import MEMBERS, to_summary
from tests.test_orders import card_of
from tests.test_service_types import POST, sell

NOT_FOUND = "This order was not found."


async def with_status(db: Database, order: Order, status: str, **values: object) -> Order:
    """`order` as a sweep would have left it at `status`."""
    sets = ", ".join(f"{column} = ?" for column in ("status", *values))
    async with db.transaction() as tx:
        await tx.execute(
            f"UPDATE orders SET {sets} WHERE id = ?",  # noqa: S608  # the test's own columns
            (status, *values.values(), order.id),
        )
    stored = await OrdersRepo(db).get(order.id)
    assert stored is not None
    return stored


async def mixed(db: Database, emulator: PanelEmulator) -> dict[str, list[Order]]:
    """Three pending orders, two completed, one partial, one canceled, one failed."""
    await fund(db, 1001, "96")
    made: dict[str, list[Order]] = {}
    for status in ["Pending"] * 3 + ["Completed"] * 2 + ["Partial", "Canceled", "failed"]:
        order = await place(db, emulator, funded=True)
        made.setdefault(status, []).append(await with_status(db, order, status))
    return made


def numbers(text: str) -> list[str]:
    """The order numbers a list's lines start with."""
    return [line.split(" · ")[0] for line in text.splitlines() if line.startswith("#")]


async def test_the_filters_show_their_orders_and_counts(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    made = await mixed(db, emulator)
    (listing,) = texts(await client.send("/orders"))
    assert listing.startswith("<b>My orders</b>: 8 orders, page 1 of 1\n\n")
    assert last_buttons(client)[8:] == [
        "✓ All (8)",
        "Active (3)",
        "Completed (2)",
        "Partially completed / canceled (3)",
        "🔎 Search",
    ]

    done = card_of(await client.click_text("Completed (2)"))
    assert done.text.splitlines()[:2] == [
        "<b>My orders</b>: 2 orders, page 1 of 1",
        "Shown: Completed",
    ]
    assert numbers(done.text) == [f"#{order.id}" for order in reversed(made["Completed"])]
    assert "✓ Completed (2)" in done.labels

    short = card_of(await client.click_text("Partially completed / canceled (3)"))
    ended = made["failed"] + made["Canceled"] + made["Partial"]
    assert numbers(short.text) == [f"#{order.id}" for order in ended]
    active = card_of(await client.click_text("Active (3)"))
    assert numbers(active.text) == [f"#{order.id}" for order in reversed(made["Pending"])]

    # A card opened from a filtered list goes back to that list.
    card = card_of(await client.click_text(f"🕓 #{made['Pending'][0].id}"))
    assert card.text.startswith(f"<b>Order #{made['Pending'][0].id}</b>")
    back = card_of(await client.click_text("« My orders"))
    assert back.text == active.text


async def test_a_filter_with_no_orders_keeps_its_buttons(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await place(db, emulator)
    empty = card_of(await client.click(OrdersCb(page=0, f=Shown.COMPLETED)))
    assert empty.text == (
        "<b>My orders</b>: 0 orders, page 1 of 1\nShown: Completed\n\n"
        "No orders here: choose another filter below."
    )
    assert "✓ All (1)" not in empty.labels
    assert "All (1)" in empty.labels


async def test_ten_a_page_and_stale_pages_stay_in_their_filter(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "300")
    placed = [await place(db, emulator, funded=True) for _ in range(25)]
    for order in placed[:12]:
        await with_status(db, order, "Completed", remains=0)

    first = card_of(await client.click(OrdersCb(page=0, f=Shown.ACTIVE)))
    assert first.text.startswith("<b>My orders</b>: 13 orders, page 1 of 2\n")
    assert len(numbers(first.text)) == 10
    assert first.labels[10] == NEXT
    last = card_of(await client.click_text(NEXT))
    assert numbers(last.text) == [f"#{order.id}" for order in reversed(placed[12:15])]
    assert last.labels[3] == PREV
    # A page past the end (an old button, or forged) shows the filter's last page.
    stale = card_of(await client.click(OrdersCb(page=40, f=Shown.ACTIVE)))
    assert stale.text == last.text
    every = card_of(await client.click(OrdersCb(page=2, f=Shown.ALL)))
    assert every.text.startswith("<b>My orders</b>: 25 orders, page 3 of 3\n")
    assert numbers(every.text) == [f"#{order.id}" for order in reversed(placed[:5])]


def test_no_icon_means_two_things(db: Database) -> None:
    icons = {}
    for status in [*Status, "Processing"]:
        order = Order.__new__(Order)
        object.__setattr__(order, "status", status)
        object.__setattr__(order, "id", 1)
        icons[status] = button_label(order).split(" ")[0]
    assert len(set(icons.values())) == len(icons), icons
    assert not {PREV, NEXT, "🔄", "✖️", "🔁", "🛒", "💬"} & set(icons.values())


async def test_the_card_shows_start_count_and_delivered(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    # The panel's answer changes between two taps here: each Refresh asks, none is reused.
    client.dp["status_lookups"] = StatusLookups(client.dp["panel"], fresh=0)
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "In progress", remains=40, start_count=1200)
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "\nStart count: 1,200\nDelivered so far: 60 of 100" in card.text

    emulator.set_status(order.panel_order_id or "", "Partial", remains=25)
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "\nStart count: 1,200\nDelivered: 75 of 100\n" in card.text
    # A pending order's zeros say nothing: not shown.
    other = await place(db, emulator)
    emulator.set_status(other.panel_order_id or "", "Pending", remains=100, start_count=0)
    card = card_of(await client.click(OrderCb(action="refresh", id=other.id, page=0)))
    assert "Start count" not in card.text
    assert "Delivered" not in card.text


# --- search ----------------------------------------------------------------------------------


async def test_search_by_number_after_the_search_button(
    make_client, db: Database, emulator: PanelEmulator
) -> None:
    mine = await place(db, emulator, link="https://t.me/mine")
    theirs = await place(db, emulator, user_id=1002, link="https://t.me/theirs")
    client = make_client()
    await client.send("/orders")

    ask = card_of(await client.click_text("🔎 Search"))
    assert ask.text == "🔎 Send the order number (like #12) or a part of its link."
    (found,) = texts(await client.send(f"#{mine.id}"))
    assert found.startswith(f"🔎 One order of yours matches #{mine.id}.\n\n#{mine.id} · ")
    assert last_buttons(client) == [f"🕓 #{mine.id}", "🔎 Search again", "« My orders"]

    # Another customer's number finds nothing, and says nothing about it.
    await client.click_text("🔎 Search again")
    (none,) = texts(await client.send(str(theirs.id)))
    assert none == f"None of your orders matches #{theirs.id}."
    assert "theirs" not in none


async def test_search_by_link_with_the_command(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "48")
    a = await place(db, emulator, link="https://t.me/Durov", funded=True)
    await place(db, emulator, link="https://t.me/other", funded=True)
    b = await place(db, emulator, link="https://instagram.com/p/durov_post", funded=True)
    await place(db, emulator, user_id=1002, link="https://t.me/durov")

    (found,) = texts(await client.send("/orders durov"))
    assert found.startswith("🔎 2 orders of yours match durov.\n\n")
    assert numbers(found) == [f"#{b.id}", f"#{a.id}"]
    # Wildcards are letters like any other: nothing matches everything.
    (none,) = texts(await client.send("/orders %_%"))
    assert none == "None of your orders matches %_%."
    # Junk after the command is answered as junk typed after Search is.
    assert texts(await client.send("/orders ab")) == [
        "Please send at least 3 characters of the link, or the order number."
    ]
    assert texts(await client.send("/orders " + "<b>" * 1300)) == [
        "That is too long to search for: please send at most 300 characters."
    ]
    (escaped,) = texts(await client.send("/orders <i>durov"))
    assert escaped == "None of your orders matches &lt;i&gt;durov."


async def test_a_search_lists_the_newest_ten(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "144")
    placed = [await place(db, emulator, funded=True) for _ in range(12)]
    (found,) = texts(await client.send("/orders t.me/example"))
    assert found.startswith(
        "🔎 12 orders of yours match t.me/example.\nThe newest 10 are below.\n\n"
    )
    assert numbers(found) == [f"#{order.id}" for order in reversed(placed[2:])]


async def test_junk_searches_are_answered_and_the_search_waits(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    await client.click(OrdersSearchCb())
    answers = {
        "sticker": texts(await client.send(sticker=a_sticker())),
        "short": texts(await client.send("ab")),
        "huge": texts(await client.send("x" * 5000)),
        "digits": texts(await client.send("١٢")),  # not ASCII digits: a link part, too short
    }
    assert answers == {
        "sticker": ["Please send the order number (like #12) or a part of its link as text."],
        "short": ["Please send at least 3 characters of the link, or the order number."],
        "huge": ["That is too long to search for: please send at most 300 characters."],
        "digits": ["Please send at least 3 characters of the link, or the order number."],
    }
    (found,) = texts(await client.send(f"№ {order.id}"))
    assert numbers(found) == [f"#{order.id}"]
    # One search per tap: the next text is not searched for.
    assert not any("orders of yours" in text for text in texts(await client.send("example")))


async def test_back_to_the_list_drops_a_search_not_typed(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await place(db, emulator)
    await client.send("/orders")
    await client.click_text("🔎 Search")
    await client.click_text("« My orders")
    assert not any("orders of yours" in text for text in texts(await client.send("example")))


async def test_cancel_ends_a_search_without_speaking_of_an_order(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await place(db, emulator)
    await client.click(OrdersSearchCb())
    assert texts(await client.send("/cancel")) == ["There is no order in progress."]
    assert not any("orders of yours" in text for text in texts(await client.send("example")))


async def test_search_does_not_throw_away_an_order_under_way(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "10")
    await to_summary(client)
    sent = await client.click(OrdersSearchCb())
    assert texts(sent) == [
        "You are in the middle of an order: finish it or send /cancel, then search."
    ]
    sent = await client.click_text("✅ Confirm and pay")
    assert "Order number: <b>#1</b>" in texts(sent)[-1]


# --- Order again -----------------------------------------------------------------------------


async def test_order_again_asks_the_rest_and_places_a_new_order(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    first = await place(db, emulator, link="https://t.me/durov", charge="7.20")
    await fund(db, 1001, "7.20")
    await client.send("/orders")
    await client.click_text(f"🕓 #{first.id}")

    sent = await client.click_text("🛒 Order again")
    assert isinstance(sent[0], AnswerCallbackQuery)
    (question,) = texts(sent)
    assert question.startswith(f"<b>{MEMBERS}</b>\n")
    assert "\nService number: 1\n" in question
    assert question.endswith(
        "The same link as before: https://t.me/durov\n\n"
        "How many? Send a whole number from 10 to 100,000."
    )
    (summary,) = texts(await client.send("100"))
    assert "Link: https://t.me/durov" in summary
    assert "To pay: <b>7.20 UZS</b>" in summary
    placed = texts(await client.click_text("✅ Confirm and pay"))
    assert f"Order number: <b>#{first.id + 1}</b>" in placed[-1]
    again = await OrdersRepo(db).get(first.id + 1)
    assert again is not None
    assert (again.service_id, again.link, again.quantity) == (1, "https://t.me/durov", 100)
    assert emulator.calls("add")[-1]["link"] == "https://t.me/durov"


async def test_order_again_back_offers_the_link_to_keep(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, link="https://t.me/durov")
    await client.click(OrderCb(action="again", id=order.id, page=0))
    (back,) = texts(await client.click_text("« Back"))
    assert "Current link: https://t.me/durov. Send a new one or keep it." in back


async def test_order_again_of_a_service_no_longer_sold(
    admin: BotClient, client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    await admin.send("/hide 1")
    sent = await client.click(OrderCb(action="again", id=order.id, page=0))
    (answer,) = [r for r in sent if isinstance(r, SendMessage)]
    assert (
        answer.text == "We no longer sell this service. Please choose another one in the catalogue."
    )
    assert labels(answer.reply_markup) == ["🛒 New order", "📦 My orders"]


async def test_order_again_of_another_customers_order(
    make_client, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, user_id=1001, link="https://t.me/secret")
    mallory = make_client(user_id=666, first_name="Mallory")
    sent = await mallory.click(OrderCb(action="again", id=order.id, page=0))
    assert len(sent) == 1
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert (sent[0].text, sent[0].show_alert) == (NOT_FOUND, True)
    state = await dp.fsm.get_context(bot, chat_id=666, user_id=666).get_state()
    assert state is None


async def test_a_double_tap_on_order_again_places_one_order(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, link="https://t.me/durov", charge="7.20")
    await fund(db, 1001, "7.20")
    tap = OrderCb(action="again", id=order.id, page=0)
    await client.click(tap)
    await client.click(tap)
    await client.send("100")
    await client.click_text("✅ Confirm and pay")
    assert len(emulator.calls("add")) == 1
    assert await OrdersRepo(db).count_for_user(1001) == 2


async def test_order_again_of_a_package_goes_straight_to_the_summary(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    sell(emulator, "Package", "5")
    order = await place(db, emulator, link=POST)
    async with db.transaction() as tx:  # as if ordered from service 20
        await tx.execute("UPDATE orders SET service_id = 20 WHERE id = ?", (order.id,))
    (summary,) = texts(await client.click(OrderCb(action="again", id=order.id, page=0)))
    assert summary.startswith("<b>Check your order</b>\nService: Service under test\n")
    assert f"Link: {POST}" in summary
