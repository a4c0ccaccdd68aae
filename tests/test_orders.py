"""My orders through the real Dispatcher: the list, the card, Refresh, Cancel, and nobody
else's orders whatever the buttons say."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage, TelegramMethod

from bot import formats
from bot.formats import Money
from bot.i18n import Translator
from bot.orders.texts import status_name
from bot.settings import LOCALES
from bot.storage import Database, LedgerRepo, OrdersRepo, OutboxRepo, Status
from bot.telegram.callbacks import OrderCb, OrdersCb
from tests.conftest import fund
from tests.harness import BotClient, labels, texts
from tests.order_factory import place, refunds_of
from tests.panel_emulator import FaultKind, PanelEmulator

SERVICE = "7-day Join — Telegram Members"
REFRESH, AGAIN, ASK, BACK = "🔄 Refresh", "🛒 Order again", "💬 Ask about this order", "« My orders"


@dataclass(frozen=True)
class Card:
    text: str
    labels: list[str]


def all_pending_filters(count: int) -> list[str]:
    """The filter buttons when every one of `count` orders is pending, All chosen."""
    return [
        f"✓ All ({count})",
        f"Active ({count})",
        "Completed (0)",
        "Partially completed / canceled (0)",
    ]


def card_of(sent: list[TelegramMethod[Any]]) -> Card:
    """What the one edit among `sent` shows."""
    edits = [request for request in sent if isinstance(request, EditMessageText)]
    assert len(edits) == 1, sent
    assert edits[0].text is not None
    return Card(edits[0].text, labels(edits[0].reply_markup))


async def test_no_orders_yet(client: BotClient) -> None:
    assert texts(await client.send("/orders")) == ["You have no orders yet."]


async def test_the_list_is_newest_first_and_paged(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, 1001, "144")
    placed = [await place(db, emulator, funded=True) for _ in range(12)]

    (first,) = await client.send("/orders")

    assert isinstance(first, SendMessage)
    lines = first.text.splitlines()
    assert lines[0] == "<b>My orders</b>: 12 orders, page 1 of 2"
    newest = placed[-1]
    assert lines[2] == f"#{newest.id} · {SERVICE} × 100 · pending · 12.00"
    assert len(lines) == 2 + 10
    assert labels(first.reply_markup) == [
        *(f"🕓 #{order.id}" for order in reversed(placed[2:])),
        "▶️",
        *all_pending_filters(12),
        "🔎 Search",
    ]

    second = card_of(await client.click_text("▶️"))
    assert second.text.splitlines()[0] == "<b>My orders</b>: 12 orders, page 2 of 2"
    assert [line.split(" · ")[0] for line in second.text.splitlines()[2:]] == [
        f"#{placed[1].id}",
        f"#{placed[0].id}",
    ]
    assert second.labels[2] == "◀️"
    back = card_of(await client.click_text("◀️"))
    assert back.text == first.text


async def test_a_page_beyond_the_end_shows_the_last_one(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    await place(db, emulator)
    edit = card_of(await client.click(OrdersCb(page=99)))
    assert edit.text.startswith("<b>My orders</b>: 1 order, page 1 of 1")
    edit = card_of(await client.click(OrdersCb(page=-3)))
    assert edit.text.startswith("<b>My orders</b>: 1 order, page 1 of 1")


@pytest.mark.parametrize(
    ("count", "words"), [(1, "1 заказ,"), (3, "3 заказа,"), (5, "5 заказов,"), (21, "21 заказ,")]
)
async def test_russian_counts_orders_in_three_forms(
    make_client, db: Database, emulator: PanelEmulator, count, words
) -> None:
    await fund(db, 1001, str(12 * count))
    for _ in range(count):
        await place(db, emulator, funded=True)
    (listing,) = texts(await make_client(language_code="ru").send("/orders"))
    assert listing.startswith(f"<b>Мои заказы</b>: {words} страница 1 из")


async def test_the_menu_button_answers_first_then_lists(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    await client.send("/start")
    sent = await client.click_text("📦 My orders")
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert isinstance(sent[1], SendMessage)
    assert f"#{order.id} · " in sent[1].text


async def test_orders_are_not_listed_in_groups(make_client, db, emulator) -> None:
    await place(db, emulator)
    group = make_client(chat_id=-100500, chat_type="supergroup")
    assert texts(await group.send("/orders")) == ["This works in a private chat with the bot only."]


async def test_the_help_names_the_command(client: BotClient) -> None:
    assert "/orders" in texts(await client.send("/help"))[0]


async def test_local_statuses_have_names_in_every_language(translator: Translator) -> None:
    for locale in LOCALES:
        t = translator.texts(locale)
        names = [status_name(t, status) for status in Status]
        assert len(set(names)) == len(names), locale
        assert not {"placing", "unknown", "failed"} & set(names)
        assert status_name(t, "Processing") != "Processing"
        assert status_name(t, "On <hold>") == "On &lt;hold&gt;"


async def test_the_card_shows_the_order_and_goes_back(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    await client.send("/orders")

    sent = await client.click_text(f"🕓 #{order.id}")

    assert isinstance(sent[0], AnswerCallbackQuery)
    card = card_of(sent)
    assert card.text.splitlines()[:7] == [
        f"<b>Order #{order.id}</b>",
        SERVICE,
        "Link: https://t.me/example",
        "Quantity: 100",
        "Charge: 12.00",
        f"Placed: {formats.moment(order.created_at, 'en')}",  # in SHOP_TIMEZONE, UTC here
        "Status: <b>pending</b>",
    ]
    assert card.labels == [REFRESH, "✖️ Cancel order", AGAIN, ASK, BACK]
    back = card_of(await client.click_text("« My orders"))
    assert back.text.startswith("<b>My orders</b>: 1 order")


async def test_orders_not_placed_are_shown_with_their_local_status(
    make_client, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    async with db.transaction() as tx:  # as the ordering flow leaves an unclear placement
        await tx.execute(
            "UPDATE orders SET status = 'unknown', panel_order_id = NULL WHERE id = ?", (order.id,)
        )
    client = make_client(language_code="ru")
    (listing,) = texts(await client.send("/orders"))
    assert f"#{order.id} · {SERVICE} × 100 · проверяется · 12,00" in listing
    card = card_of(await client.click(OrderCb(action="view", id=order.id, page=0)))
    assert card.text.startswith(f"<b>Заказ #{order.id}</b>\n")
    assert card.labels == [
        "🔄 Обновить",
        "🛒 Заказать снова",
        "💬 Вопрос по заказу",
        "« Мои заказы",
    ]
    again = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert again.text == card.text + "\n\n🔄 Актуально: с прошлой проверки ничего не изменилось."
    assert emulator.calls("status") == []  # nothing to ask the panel about


async def test_refresh_answers_first_then_asks_the_panel_and_records(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "In progress", remains=40, start_count=3)

    sent = await client.click(OrderCb(action="refresh", id=order.id, page=0))

    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].text == "Checking the order…"
    assert len(emulator.calls("status")) == 1
    card = card_of(sent)
    assert "Status: <b>in progress</b>" in card.text
    assert "Delivered so far: 60 of 100" in card.text
    stored = await OrdersRepo(db).get(order.id)
    assert stored is not None
    assert (stored.status, stored.remains, stored.start_count) == ("In progress", 40, 3)
    assert [row.key for row in await OutboxRepo(db).for_user(1001)] == ["notify-started"]


async def test_an_unchanged_refresh_says_so_on_the_card(
    client: BotClient, db: Database, emulator: PanelEmulator, caplog
) -> None:
    order = await place(db, emulator)
    tap = OrderCb(action="refresh", id=order.id, page=0)
    await client.send("/orders")
    card = card_of(await client.click_text(f"🕓 #{order.id}"))
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        first = await client.click(tap)
        second = await client.click(tap)

    # The first Refresh visibly answers on the card; the second (a double tap) finds the
    # card saying so already, and Telegram (the recording session) refuses the edit as
    # "not modified": nothing else is sent instead.
    assert card_of(first).text == (
        card.text + "\n\n🔄 Up to date: nothing has changed since the last check."
    )
    for sent in (first, second):
        assert [type(request) for request in sent] == [AnswerCallbackQuery, EditMessageText]
    assert len(emulator.calls("status")) == 1  # the double tap reuses the first answer
    assert not [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert "is handled" in caplog.text


async def test_refresh_of_a_finished_order_says_it_will_not_change(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0, start_count=250)
    await dp["sweeper"].run_once(bot)
    before = len(emulator.calls("status"))
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert card.text.endswith("This order is finished: its status will not change any more.")
    assert "Start count: 250\nDelivered: 100 of 100" in card.text
    assert REFRESH in card.labels
    assert len(emulator.calls("status")) == before  # nothing to ask the panel


async def test_refresh_when_the_panel_does_not_answer(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.fault(FaultKind.HTTP_502_HTML, action="status")
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "Status: <b>pending</b>" in card.text
    assert card.text.endswith(
        "⚠️ We could not check the order just now: this is the last known status."
    )


async def test_refresh_of_an_order_the_panel_does_not_know(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.orders.clear()
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "could not get this order's status" in card.text
    assert (await OrdersRepo(db).get(order.id)).panel_misses == 1  # type: ignore[union-attr]


async def test_cancel_asks_then_requests_and_money_comes_with_the_sweep(
    client: BotClient, bot: Bot, dp: Dispatcher, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, charge="12.00")
    await client.send("/orders")
    await client.click_text(f"🕓 #{order.id}")

    ask = await client.click_text("✖️ Cancel order")
    assert isinstance(ask[0], AnswerCallbackQuery)
    assert card_of(ask).text.endswith(
        "Cancel this order? Once the cancellation is confirmed, the money for whatever was not"
        " delivered comes back to your balance."
    )
    assert emulator.calls("cancel") == []

    done = await client.click_text("Yes, cancel it")
    assert isinstance(done[0], AnswerCallbackQuery)
    assert done[0].text == "Sending the cancellation…"
    assert [call["orders"] for call in emulator.calls("cancel")] == [order.panel_order_id]
    card = card_of(done)
    assert "Status: <b>pending, cancellation requested</b>" in card.text
    assert card.text.endswith("as soon as the order is confirmed canceled.")
    assert card.labels == [REFRESH, AGAIN, ASK, BACK]
    assert await LedgerRepo(db).balance(1001) == 0  # a request, not an outcome

    # The flag is kept: a second Cancel (an old button) is refused without asking the panel.
    again = await client.click(OrderCb(action="cancel-yes", id=order.id, page=0))
    assert again[0].text == "Cancellation was already requested for this order."  # type: ignore[attr-defined]
    assert len(emulator.calls("cancel")) == 1

    emulator.set_status(order.panel_order_id or "", "Canceled")
    await dp["sweeper"].run_once(bot)
    assert await refunds_of(db, order.id) == [Decimal("12.00")]
    card = card_of(await client.click(OrderCb(action="view", id=order.id, page=0)))
    assert "Status: <b>canceled</b>" in card.text
    assert "Returned to your balance: 12.00" in card.text
    assert card.labels == [REFRESH, AGAIN, ASK, BACK]


async def test_a_refused_cancel_is_shown_and_changes_nothing(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.canned(
        [{"order": int(order.panel_order_id or 0), "cancel": {"error": "Cannot cancel now"}}],
        action="cancel",
    )
    card = card_of(await client.click(OrderCb(action="cancel-yes", id=order.id, page=0)))
    assert card.text.endswith("The cancellation of this order was refused.")
    assert "✖️ Cancel order" in card.labels
    stored = await OrdersRepo(db).get(order.id)
    assert stored is not None
    assert stored.cancel_requested_at is None


async def test_a_cancel_of_an_order_the_panel_does_not_know(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.orders.clear()
    card = card_of(await client.click(OrderCb(action="cancel-yes", id=order.id, page=0)))
    assert card.text.endswith(
        "We could not cancel this order: it was not found. Our admins can look into it."
    )


async def test_a_cancel_without_a_clear_answer(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.fault(FaultKind.DROP, action="cancel", perform=True)
    card = card_of(await client.click(OrderCb(action="cancel-yes", id=order.id, page=0)))
    assert card.text.endswith("Refresh in a minute to see whether the order was canceled.")
    assert len(emulator.calls("cancel")) == 1  # never repeated automatically


async def test_no_cancel_where_the_service_does_not_allow_it(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, can_cancel=False)
    card = card_of(await client.click(OrderCb(action="view", id=order.id, page=0)))
    assert card.labels == [REFRESH, AGAIN, ASK, BACK]
    for action in ("cancel", "cancel-yes"):
        (answer,) = await client.click(OrderCb(action=action, id=order.id, page=0))
        assert isinstance(answer, AnswerCallbackQuery)
        assert answer.text == "This service does not allow canceling."
        assert answer.show_alert
    assert emulator.calls("cancel") == []


async def test_no_cancel_once_final(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    (answer,) = await client.click(OrderCb(action="cancel-yes", id=order.id, page=0))
    assert answer.text == "This order can no longer be canceled."  # type: ignore[attr-defined]
    assert emulator.calls("cancel") == []


@pytest.mark.parametrize("action", ["view", "refresh", "cancel", "cancel-yes", "nonsense"])
async def test_another_users_order_cannot_be_seen_or_touched(
    make_client, db: Database, emulator: PanelEmulator, action: str
) -> None:
    order = await place(db, emulator, user_id=1001)
    emulator.set_status(order.panel_order_id or "", "In progress")
    mallory = make_client(user_id=666, first_name="Mallory")
    await mallory.send("/start")
    before = len(emulator.requests)

    sent = await mallory.click(OrderCb(action=action, id=order.id, page=0))

    assert len(sent) == 1
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].show_alert
    assert str(order.id) not in (sent[0].text or "")
    assert len(emulator.requests) == before  # the panel was not asked anything
    stored = await OrdersRepo(db).get(order.id)
    assert stored is not None
    assert (stored.status, stored.cancel_requested_at) == ("Pending", None)
    # And Mallory's own list stays empty.
    assert texts(await mallory.send("/orders")) == ["You have no orders yet."]


async def test_malformed_order_buttons_are_treated_as_expired(client: BotClient) -> None:
    for data in ("od:view:abc:0", "od:view", "ol:x"):
        (answer,) = await client.click(data)
        assert isinstance(answer, AnswerCallbackQuery)
        assert answer.text == "This button has expired. Send /start for a fresh menu."


async def test_panel_text_in_the_card_is_escaped(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, service_name="Views <fast> & cheap")
    emulator.set_status(order.panel_order_id or "", "<i>Held</i>")
    card = card_of(await client.click(OrderCb(action="refresh", id=order.id, page=0)))
    assert "Views &lt;fast&gt; &amp; cheap" in card.text
    assert "Status: <b>&lt;i&gt;Held&lt;/i&gt;</b>" in card.text


async def test_amounts_show_the_panels_currency_once_known(
    client: BotClient, dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, charge="12.00")
    await dp["catalogue"].current()  # as warmed at start-up
    (listing,) = texts(await client.send("/orders"))
    assert listing.endswith(" · pending · 12.00 UZS")
    emulator.set_status(order.panel_order_id or "", "Canceled")
    await dp["sweeper"].run_once(bot)
    (message,) = await OutboxRepo(db).for_user(1001)
    assert message.values["refund"] == Money(Decimal("12.00"), 2, "UZS")
    card = card_of(await client.click(OrderCb(action="view", id=order.id, page=0)))
    assert "Charge: 12.00 UZS" in card.text
    assert "Returned to your balance: 12.00 UZS" in card.text
