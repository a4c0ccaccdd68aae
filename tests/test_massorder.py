"""The mass order through the real Dispatcher: reading lines, errors by line number, the
summary, Confirm, and everything that must not place a line twice or charge what was not
confirmed."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import AnswerCallbackQuery, SendMessage, TelegramMethod
from aiogram.types import Message

from bot.orders.mass import MAX_LINES, MAX_TEXT
from bot.storage import OrdersRepo
from bot.telegram.callbacks import MassConfirmCb, MenuCb
from tests.conftest import fund
from tests.harness import BotClient, a_sticker, buttons, labels, texts
from tests.helpers import balance_of
from tests.panel_emulator import EmulatedService, PanelEmulator

CONFIRM = "✅ Confirm and pay"
TWO_LINES = "1 | @chan_one | 100\n\n1 | t.me/chan_two | 200"


def alerts(sent: list[TelegramMethod[Any]]) -> list[str]:
    return [r.text for r in sent if isinstance(r, AnswerCallbackQuery) and r.text]


async def to_summary(client: BotClient, db) -> None:
    """A balance of 50 and the summary of TWO_LINES (21.60 to pay)."""
    await fund(db, client.user.id, "50")
    await client.send("/massorder")
    await client.send(TWO_LINES)


def confirm_button(client: BotClient) -> tuple[Message, str]:
    """The summary's message and its Confirm button's data."""
    [message] = [m for m in client.bot_messages() if CONFIRM in labels(m.reply_markup)]
    [data] = [d for label, d in buttons(message.reply_markup) if label == CONFIRM]
    return message, data


async def test_two_lines_become_two_orders(client: BotClient, db, emulator: PanelEmulator) -> None:
    await fund(db, client.user.id, "50")
    [ask] = texts(await client.send("/massorder"))
    assert "<code>service | link | quantity</code>" in ask
    assert "up to 100 lines" in ask

    [summary] = texts(await client.send(TWO_LINES))
    assert "<b>Check your mass order</b>: 2 orders" in summary
    # Numbered as the customer wrote them: the blank line counts.
    assert (
        "1. 7-day Join — Telegram Members (service 1) · https://t.me/chan_one · 100 · 7.20 UZS"
        in summary
    )
    assert (
        "3. 7-day Join — Telegram Members (service 1) · https://t.me/chan_two · 200 · 14.40 UZS"
        in summary
    )
    assert "To pay: <b>21.60 UZS</b>\nYour balance: 50.00 UZS → 28.40 UZS" in summary
    assert labels(client.bot_messages()[-1].reply_markup) == [CONFIRM, "✖ Cancel"]
    assert await balance_of(db, client.user.id) == Decimal(50)  # nothing charged yet

    sent = await client.click_text(CONFIRM)
    assert isinstance(sent[0], AnswerCallbackQuery)  # answered before the panel is asked
    placing, report = texts(sent, chat_id=client.chat.id)
    assert placing == "⏳ Placing 2 orders…"
    first, second = await OrdersRepo(db).list_for_user(client.user.id, 10)
    assert report.startswith("<b>Mass order</b>: 2 of 2 orders placed.")
    assert f"Line 1: ✅ order number <b>{second.id}</b>" in report
    assert f"Line 3: ✅ order number <b>{first.id}</b>" in report
    assert "Charged: 21.60 UZS. Your balance: 28.40 UZS." in report
    assert [(c["link"], c["quantity"]) for c in emulator.calls("add")] == [
        ("https://t.me/chan_one", "100"),
        ("https://t.me/chan_two", "200"),
    ]
    assert await balance_of(db, client.user.id) == Decimal("28.40")


async def test_errors_name_their_lines(client: BotClient, db, emulator: PanelEmulator) -> None:
    emulator.services[5] = EmulatedService(
        5, "Hidden Views — Telegram", "Default", "Telegram Views", Decimal(1), 10, 1000
    )
    await fund(db, client.user.id, "50")
    await client.send("/massorder")
    lines = [
        "hello there",  # 1: junk
        "99 | @chan | 100",  # 2: unknown service
        "3 | @chan | 100",  # 3: a Poll service
        "1 | not a link | 100",  # 4
        "1 | @chan | 5",  # 5: below the minimum
        "1 | @chan | 1_000",  # 6: not ASCII digits only
        "1 | @chan | １００",  # 7: full-width digits
        "1 | @chan | 100",  # 8: fine
        "١ | @chan | 100",  # 9: an Arabic-Indic service number
    ]
    sent = texts(await client.send("\n".join(lines)))
    [reply] = sent
    assert reply.startswith("We could not read 8 lines:")
    assert "Line 1: write it as <code>service | link | quantity</code>." in reply
    assert "Line 2: we have no service 99." in reply
    assert (
        "Line 3: service 3 needs more than a link and a quantity (a poll's answer option,"
        " comments, usernames…), which a line has no room for; please order it with /order."
    ) in reply
    assert "Line 4: this is not a link this service takes." in reply
    quantity = "the quantity must be a whole number from 10 to 100,000, digits only."
    assert f"Line 5: {quantity}" in reply
    assert f"Line 6: {quantity}" in reply
    assert f"Line 7: {quantity}" in reply
    assert "Line 8" not in reply
    assert "Line 9: we have no service ١." in reply
    assert reply.endswith("Please correct them and send the whole list again, or tap Cancel.")

    # Still waiting for the list: the corrected one gets its summary.
    [summary] = texts(await client.send("1 | @chan | 100"))
    assert "<b>Check your mass order</b>: 1 order" in summary
    assert emulator.calls("add") == []
    assert await balance_of(db, client.user.id) == Decimal(50)


def readme_example() -> str:
    """The lines the README's Mass order section shows."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Mass order", 1)[1]
    return section.split("```text\n", 1)[1].split("```", 1)[0].strip()


async def test_the_readmes_example_works_with_drip_feed_on(
    client: BotClient, admin: BotClient, db, emulator: PanelEmulator
) -> None:
    """A line has no room for runs: a service with drip-feed on is delivered all at once,
    as Skip does in the chat, rather than refused."""
    await admin.send("/dripfeed 1 on")
    await fund(db, client.user.id, "200")
    await client.send("/massorder")
    example = readme_example()
    assert example.splitlines()[0] == "1 | @shop_channel | 1000"
    [summary] = texts(await client.send(example))
    assert "<b>Check your mass order</b>: 2 orders" in summary
    assert (
        "1. 7-day Join — Telegram Members (service 1) · https://t.me/shop_channel · 1,000"
        in summary
    )
    await client.click_text(CONFIRM)
    sent = emulator.calls("add")
    assert [(c["quantity"], "runs" in c) for c in sent] == [("1000", False), ("500", False)]


async def test_hidden_services_read_as_unknown(
    client: BotClient, admin: BotClient, db, emulator: PanelEmulator
) -> None:
    await admin.send("/hide 1")
    await client.send("/massorder")
    [reply] = texts(await client.send("1 | @chan | 100"))
    assert "Line 1: we have no service 1." in reply


async def test_too_many_lines_and_oversized_text(client: BotClient, db) -> None:
    await client.send("/massorder")
    too_many = "\n".join(["1 | @chan | 100"] * (MAX_LINES + 1))
    [reply] = texts(await client.send(too_many))
    assert reply == "That is too many. Please send at most 100 lines in one mass order."
    [reply] = texts(await client.send("x" * (MAX_TEXT + 1)))
    assert reply.startswith("That is too many.")
    # Exactly 100 lines is a mass order.
    [summary] = texts(await client.send("\n".join(["1 | @chan | 100"] * MAX_LINES)))[-1:]
    assert "To pay: <b>720.00 UZS</b>" in summary
    [reply] = texts(await client.send(sticker=a_sticker()))
    assert reply.startswith("Please send the orders as text")


async def test_a_long_summary_comes_in_several_messages(client: BotClient, db) -> None:
    await fund(db, client.user.id, "1000")
    await client.send("/massorder")
    link = "https://t.me/" + "c" * 60
    sent = texts(await client.send("\n".join([f"1 | {link} | 100"] * MAX_LINES)))
    assert len(sent) > 1
    assert all(len(text) <= 4096 for text in sent)
    assert sum(text.count(link) for text in sent) == MAX_LINES
    assert labels(client.bot_messages()[-1].reply_markup) == [CONFIRM, "✖ Cancel"]


async def test_a_refused_line_is_refunded_alone(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await to_summary(client, db)
    emulator.canned({"error": "Incorrect service ID"}, action="add")  # the first add only
    _, report = texts(await client.click_text(CONFIRM), chat_id=client.chat.id)
    assert report.startswith("<b>Mass order</b>: 1 of 2 orders placed.")
    assert "Line 1: ❌ this service is no longer available; refunded." in report
    assert "Line 3: ✅ order number" in report
    assert "Charged: 14.40 UZS. Your balance: 35.60 UZS." in report
    assert "supplier" not in report
    statuses = sorted(o.status for o in await OrdersRepo(db).list_for_user(client.user.id, 10))
    assert statuses == ["Pending", "failed"]
    assert await balance_of(db, client.user.id) == Decimal("35.60")


async def test_double_tap_and_replay_place_nothing_twice(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await to_summary(client, db)
    message, data = confirm_button(client)
    update = client.callback_update(data, message)
    await client._feed(update)
    again = await client.click(data, message)
    assert alerts(again) == ["This mass order has already been placed."]
    replay = await client._feed(update)  # the very same update delivered again
    assert alerts(replay) == ["This mass order has already been placed."]
    assert len(emulator.calls("add")) == 2
    assert await balance_of(db, client.user.id) == Decimal("28.40")


async def test_a_stale_or_forged_confirm_expires(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await to_summary(client, db)
    old, old_data = confirm_button(client)
    await client.send("1 | @chan | 100")  # a new list: a new summary, a new token
    sent = await client.click(old_data, old)
    assert alerts(sent) == ["This mass order has expired. Send /massorder to start again."]
    sent = await client.click(MassConfirmCb(token="forged"))
    assert alerts(sent) == ["This mass order has expired. Send /massorder to start again."]
    assert emulator.calls("add") == []
    assert await balance_of(db, client.user.id) == Decimal(50)


async def test_cancel_midway(client: BotClient, db, emulator: PanelEmulator) -> None:
    await to_summary(client, db)
    [reply] = texts(await client.send("/cancel"))
    assert reply == "The mass order was canceled. Nothing was charged."
    sent = await client.click_text(CONFIRM)
    assert alerts(sent) == ["This mass order has expired. Send /massorder to start again."]
    # Lines typed now are not a mass order any more.
    assert not any("Check your mass order" in text for text in texts(await client.send(TWO_LINES)))
    sent = await client.click_text("✖ Cancel")
    assert alerts(sent) == ["This mass order has expired. Send /massorder to start again."]
    assert emulator.calls("add") == []
    assert await balance_of(db, client.user.id) == Decimal(50)


async def test_short_balance_shows_what_is_missing(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await fund(db, client.user.id, "10")
    await client.click(MenuCb(action="massorder"))
    [summary] = texts(await client.send(TWO_LINES))
    assert "Your balance: 10.00 UZS, 11.60 UZS short." in summary
    sent = texts(await client.click_text(CONFIRM), chat_id=client.chat.id)
    assert sent == [
        "Your balance does not cover 21.60 UZS: 11.60 UZS is missing. "
        "Top up with /topup, then tap Confirm again."
    ]
    assert emulator.calls("add") == []
    assert await balance_of(db, client.user.id) == Decimal(10)
    # Topped up, the same summary's Confirm places the list.
    await fund(db, client.user.id, "20")
    _, report = texts(await client.click_text(CONFIRM), chat_id=client.chat.id)
    assert report.startswith("<b>Mass order</b>: 2 of 2 orders placed.")
    assert await balance_of(db, client.user.id) == Decimal("8.40")


async def test_russian_plurals(make_client, db) -> None:
    client = make_client(language_code="ru")
    await client.send("/massorder")
    [reply] = texts(await client.send("x\ny"))
    assert reply.startswith("Мы не смогли прочитать 2 строки:")
    [summary] = texts(await client.send("1 | @chan | 100"))
    assert "<b>Проверьте массовый заказ</b>: 1 заказ" in summary


async def test_only_in_a_private_chat(make_client, db, emulator: PanelEmulator) -> None:
    group = make_client(chat_id=-100500, chat_type="group")
    assert texts(await group.send("/massorder")) == [
        "This works in a private chat with the bot only."
    ]
    assert texts(await group.send(TWO_LINES)) == []
    assert emulator.calls("add") == []


async def test_a_report_telegram_drops_loses_nothing(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await to_summary(client, db)
    placing = client.message("⏳")
    client.session.plan(
        SendMessage, placing, TelegramNetworkError(SendMessage(chat_id=1, text="x"), "down")
    )
    sent = await client.click_text(CONFIRM)
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert len(emulator.calls("add")) == 2
    statuses = [o.status for o in await OrdersRepo(db).list_for_user(client.user.id, 10)]
    assert statuses == ["Pending", "Pending"]
    assert await balance_of(db, client.user.id) == Decimal("28.40")
