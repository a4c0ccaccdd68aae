"""The order conversation through the real Dispatcher, against the panel emulator."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from decimal import Decimal

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText

from bot.storage import OrdersRepo
from bot.telegram.callbacks import CategoryCb, ConfirmCb, OrderNavCb
from tests.conftest import fund
from tests.harness import BotClient, a_sticker, buttons, last_buttons, texts
from tests.helpers import balance_of
from tests.panel_emulator import EmulatedService, FaultKind, PanelEmulator

MEMBERS = "7-day Join — Telegram Members"
POLL = "Poll Votes — Telegram"
HINT = "Or type a word to search, like “members” or “votes”."
# Outside a conversation a number is searched for, not taken as a quantity.
NOT_FOUND_100 = f"We found nothing for “100”. Choose below what to do.\n{HINT}"


async def to_service(client: BotClient, category: str, service_prefix: str) -> None:
    await client.send("/order")
    await client.click_text(category)
    for message in reversed(client.bot_messages()):
        for label, data in buttons(message.reply_markup):
            if label.startswith(service_prefix) and data:
                await client.click(data, message)
                return
    raise AssertionError(f"no service {service_prefix!r}")


async def to_summary(client: BotClient, link: str = "@durov", quantity: str = "100") -> None:
    await to_service(client, "Telegram Members", MEMBERS)
    await client.send(link)
    await client.send(quantity)


async def test_default_order_end_to_end(client: BotClient, db, emulator: PanelEmulator) -> None:
    await fund(db, client.user.id, "10")
    sent = await client.send("/order")
    assert texts(sent) == [f"<b>New order</b>\nChoose a category (page 1 of 1):\n\n{HINT}"]
    assert last_buttons(client) == ["Telegram Members", "Telegram Votes", "✖ Cancel"]

    await client.click_text("Telegram Members")
    assert last_buttons(client) == [f"{MEMBERS} · 72.00 UZS", "« Back", "✖ Cancel"]

    sent = await client.click_text(f"{MEMBERS} · 72.00 UZS")
    card = texts(sent)[-1]
    assert "Price: 72.00 UZS per 1000" in card
    assert "Quantity: from 10 to 100,000" in card
    assert "Can be canceled while it runs." in card

    sent = await client.send("@durov")
    assert texts(sent) == ["How many? Send a whole number from 10 to 100,000."]

    sent = await client.send("100")
    summary = texts(sent)[-1]
    assert "Link: https://t.me/durov" in summary
    assert "To pay: <b>7.20 UZS</b>" in summary
    assert "Your balance: 10.00 UZS → 2.80 UZS" in summary

    sent = await client.click_text("✅ Confirm and pay")
    assert isinstance(sent[0], AnswerCallbackQuery)  # answered before the panel is asked
    placing, placed = texts(sent)
    assert placing == "⏳ Placing your order…"
    assert "Order number: <b>#1</b>" in placed  # the shop's number: the panel's is for admins
    assert "Charged: 7.20 UZS. Your balance: 2.80 UZS." in placed

    adds = emulator.calls("add")
    assert len(adds) == 1
    assert adds[0]["service"] == "1"
    assert adds[0]["link"] == "https://t.me/durov"
    assert adds[0]["quantity"] == "100"
    assert "answer_number" not in adds[0]
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    assert (order.status, order.panel_order_id, order.charge) == (
        "Pending",
        "23501",
        Decimal("7.2"),
    )
    assert order.service_name == MEMBERS
    assert await balance_of(db, client.user.id) == Decimal("2.8")


async def test_poll_order_asks_for_the_answer_number(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await fund(db, client.user.id, "5")
    await to_service(client, "Telegram Votes", POLL)
    await client.send("t.me/channel/42")
    sent = await client.send("50")
    assert texts(sent)[-1].startswith("Which answer option of the poll should get the votes?")
    sent = await client.send("2")
    summary = texts(sent)[-1]
    assert "Answer option: 2" in summary
    assert "To pay: <b>2.16 UZS</b>" in summary  # 36 x 1.2 per 1000, x 50
    await client.click_text("✅ Confirm and pay")
    [add] = emulator.calls("add")
    assert (add["service"], add["link"], add["answer_number"]) == (
        "3",
        "https://t.me/channel/42",
        "2",
    )
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    assert order.answer_number == 2


@pytest.mark.parametrize(
    "link",
    [
        "https://instagram.com/someone",
        "hello",
        "@ab",
        "t.me/",
        "x" * 600,
        "https://t.me/a b",
        "javascript:alert(1)",
        "3.%*&]Y",  # urlsplit reads the bracket as a broken IPv6 address and raises
        "t.me]/channel",
    ],
)
async def test_bad_links_keep_the_step(client: BotClient, link, emulator) -> None:
    await to_service(client, "Telegram Members", MEMBERS)
    for _ in range(2):  # the step stays: a second bad try gets the same answer
        assert texts(await client.send(link)) == [
            "That is not a Telegram link. Send a link like https://t.me/channel or @channel."
        ]
    assert texts(await client.send("@durov"))[0].startswith("How many?")
    assert emulator.calls("add") == []


WHOLE = "send a whole number from 10 to 100,000."


@pytest.mark.parametrize(
    ("quantity", "answer"),
    [
        *[
            (text, "Please send a whole number from 10 to 100,000, digits only.")
            for text in ["abc", "-5", "1e9", "12.5", "1_000", "１２", "9" * 40, "²", " "]
        ],
        *[(text, "Please send a whole number from 10 to 100,000, digits only.")
          for text in ["1 00", "1,0000", "1,000.000", "1 000,000", "1,,000"]],
        ("5", f"That is fewer than this service takes: {WHOLE}"),
        ("100001", f"That is more than this service takes: {WHOLE}"),
        ("100 001", f"That is more than this service takes: {WHOLE}"),
    ],
)  # fmt: skip
async def test_bad_quantities_keep_the_step(client: BotClient, quantity, answer) -> None:
    await to_service(client, "Telegram Members", MEMBERS)
    await client.send("@durov")
    assert texts(await client.send(quantity)) == [answer]
    assert "Check your order" in texts(await client.send("10"))[-1]


@pytest.mark.parametrize("quantity", ["1 000", "1,000", "1.000", "1\u00a0000", "1\u202f000"])
async def test_quantities_are_read_as_people_write_them(client: BotClient, quantity) -> None:
    await to_service(client, "Telegram Members", MEMBERS)
    await client.send("@durov")
    assert "Quantity: 1,000" in texts(await client.send(quantity))[-1]


@pytest.mark.parametrize("answer", ["0", "13", "one", "-1", "2.5", "３"])
async def test_bad_answer_numbers_keep_the_step(client: BotClient, answer) -> None:
    await to_service(client, "Telegram Votes", POLL)
    await client.send("@channel")
    await client.send("50")
    assert texts(await client.send(answer)) == [
        "Please send the answer option's number: a whole number from 1 to 12."
    ]
    assert "Answer option: 12" in texts(await client.send("12"))[-1]


async def test_non_text_gets_a_hint_at_every_typing_step(client: BotClient) -> None:
    sticker = a_sticker()
    await to_service(client, "Telegram Votes", POLL)
    for answer in ("@channel", "50", None):
        assert texts(await client.send(sticker=sticker)) == ["Please send it as a text message."]
        if answer:
            await client.send(answer)


async def test_other_platforms_need_a_full_url(client: BotClient, emulator, db) -> None:
    emulator.services[7] = EmulatedService(
        7, "Instagram Likes", "Default", "Instagram", Decimal("10"), 10, 1000
    )
    await to_service(client, "Instagram", "Instagram Likes")
    for link in ("@someone", "t.me/x", "instagram.com/p/1"):
        assert texts(await client.send(link)) == [
            "That is not a link. Send the full address, starting with https://"
        ]
    assert texts(await client.send("https://instagram.com/p/1"))[0].startswith("How many?")


async def test_too_little_balance_says_what_is_missing_and_offers_no_confirm(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await fund(db, client.user.id, "5")
    await to_summary(client, quantity="100")
    summary = texts(client.session.requests[-1:])[-1]
    assert "Your balance: 5.00 UZS, 2.20 UZS short." in summary
    assert "Top up with the button below" in summary
    assert last_buttons(client) == ["⭐ Top up 2.20 UZS (220 ⭐)", "« Back", "✖ Cancel"]
    assert emulator.calls("add") == []


async def test_back_at_every_step_keeps_what_was_entered(client: BotClient, db) -> None:
    await fund(db, client.user.id, "10")
    await to_summary(client, link="@durov", quantity="100")
    # summary -> quantity, with the quantity offered again
    sent = await client.click(OrderNavCb(action="back"))
    assert "Current quantity: 100." in texts(sent)[-1]
    assert last_buttons(client) == ["✔ Keep it", "« Back", "✖ Cancel"]
    # quantity -> link, with the link offered again
    sent = await client.click(OrderNavCb(action="back"))
    assert "Current link: https://t.me/durov." in texts(sent)[-1]
    # link -> the category's services
    sent = await client.click(OrderNavCb(action="back"))
    assert texts(sent)[-1].startswith("<b>Telegram Members</b>")
    # services -> categories
    sent = await client.click_text("« Back")
    assert texts(sent)[-1].startswith("<b>New order</b>")
    # and forward again with Keep: nothing has to be typed twice
    await client.click_text("Telegram Members")
    await client.click_text(f"{MEMBERS} · 72.00 UZS")
    await client.click(OrderNavCb(action="keep"))
    sent = await client.click(OrderNavCb(action="keep"))
    assert "To pay: <b>7.20 UZS</b>" in texts(sent)[-1]


async def test_back_from_a_poll_summary_goes_to_the_answer(client: BotClient, db) -> None:
    await fund(db, client.user.id, "10")
    await to_service(client, "Telegram Votes", POLL)
    await client.send("@channel")
    await client.send("50")
    await client.send("3")
    sent = await client.click(OrderNavCb(action="back"))
    assert "Current answer option: 3." in texts(sent)[-1]
    sent = await client.click(OrderNavCb(action="back"))
    assert "Current quantity: 50." in texts(sent)[-1]


@pytest.mark.parametrize("steps", [0, 1, 2, 3, 4])
async def test_cancel_at_every_step(client: BotClient, db, emulator, steps) -> None:
    await fund(db, client.user.id, "10")
    await client.send("/order")
    actions: list[Callable[[], Awaitable[object]]] = [
        lambda: client.click_text("Telegram Members"),
        lambda: client.click_text(f"{MEMBERS} · 72.00 UZS"),
        lambda: client.send("@durov"),
        lambda: client.send("100"),
    ]
    for action in actions[:steps]:
        await action()
    sent = await client.click(OrderNavCb(action="cancel"))
    assert "The order was canceled. Nothing was charged." in texts(sent)
    assert texts(await client.send("100")) == [NOT_FOUND_100]
    assert emulator.calls("add") == []
    assert await balance_of(db, client.user.id) == Decimal(10)


async def test_slash_cancel_anywhere(client: BotClient) -> None:
    assert texts(await client.send("/cancel")) == ["There is no order in progress."]
    await to_service(client, "Telegram Members", MEMBERS)
    await client.send("@durov")
    assert texts(await client.send("/cancel")) == ["The order was canceled. Nothing was charged."]
    assert texts(await client.send("/cancel")) == ["There is no order in progress."]


@pytest.mark.parametrize("command", ["/balance", "/start", "/help", "/orders"])
async def test_a_command_mid_conversation_works_and_ends_it(client: BotClient, command) -> None:
    await to_service(client, "Telegram Members", MEMBERS)
    await client.send("@durov")
    answered = texts(await client.send(command))  # answered, whatever it is
    assert answered
    assert not any("no longer available" in text for text in answered)  # not as a quantity
    # the half-done order is gone: a number is no longer taken as the quantity
    assert texts(await client.send("100")) == [NOT_FOUND_100]


async def test_old_prompt_buttons_have_expired(client: BotClient) -> None:
    await to_service(client, "Telegram Members", MEMBERS)
    link_prompt = client.bot_messages()[-1]
    await client.send("@durov")
    sent = await client.click(OrderNavCb(action="back"), link_prompt)
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].text == "This offer has expired. Send /order to start again."
    assert len(sent) == 1


async def test_a_refreshed_catalogue_makes_old_lists_stale(
    client: BotClient, emulator: PanelEmulator, dp
) -> None:
    await client.send("/order")
    old = client.bot_messages()[-1]
    old_button = next(
        data for label, data in buttons(old.reply_markup) if label == "Telegram Votes"
    )
    emulator.services[3].rate = Decimal("40")
    await dp["catalogue"].refresh()
    sent = await client.click(old_button, old)
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].text == "The list of services has changed. Here is the fresh one."
    assert isinstance(sent[1], EditMessageText)
    assert (sent[1].text or "").startswith("<b>New order</b>")
    fresh = [data for _, data in buttons(sent[1].reply_markup)]
    assert old_button not in fresh
    assert CategoryCb.unpack(fresh[1]).v == dp["catalogue"].snapshot.version


async def test_price_change_before_confirm_shows_a_fresh_summary(
    client: BotClient, db, emulator: PanelEmulator, dp
) -> None:
    await fund(db, client.user.id, "10")
    await to_summary(client)
    emulator.services[1].rate = Decimal("70")
    await dp["catalogue"].refresh()
    sent = await client.click_text("✅ Confirm and pay")
    assert "⚠️ The price has changed since you looked." in texts(sent)[-1]
    assert "To pay: <b>8.40 UZS</b>" in texts(sent)[-1]
    assert emulator.calls("add") == []
    await client.click_text("✅ Confirm and pay")
    assert len(emulator.calls("add")) == 1
    assert await balance_of(db, client.user.id) == Decimal("1.6")


async def test_a_second_tap_or_replayed_update_places_nothing_more(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    await fund(db, client.user.id, "20")
    await to_summary(client)
    summary = client.bot_messages()[-1]
    token = next(d for label, d in buttons(summary.reply_markup) if label.startswith("✅"))
    update = client.callback_update(token, summary)
    await client.dp.feed_update(client.bot, update)
    before = len(client.session.requests)
    await client.dp.feed_update(client.bot, update)  # Telegram delivers it again
    replay = client.session.requests[before:]
    assert isinstance(replay[0], AnswerCallbackQuery)
    assert replay[0].text == "This order has already been placed."
    assert len(emulator.calls("add")) == 1
    assert await balance_of(db, client.user.id) == Decimal("12.8")


@pytest.mark.parametrize("isolated", [True, False])
async def test_two_concurrent_confirm_taps_give_one_order(
    make_client, db, emulator: PanelEmulator, isolated, settings, panel, translator, bot
) -> None:
    from aiogram.fsm.storage.base import BaseEventIsolation
    from aiogram.fsm.storage.memory import DisabledEventIsolation

    from bot.app import create_dispatcher

    client = make_client()
    if not isolated:  # even without per-user ordering, the token's UNIQUE key holds
        isolation: BaseEventIsolation = DisabledEventIsolation()
        dp = create_dispatcher(
            settings=settings, db=db, panel=panel, translator=translator, events_isolation=isolation
        )
        client = BotClient(dp, bot)
    await fund(db, client.user.id, "20")
    await to_summary(client)
    emulator.fault(FaultKind.DELAY, delay=0.2)  # the first tap is still placing
    summary = client.bot_messages()[-1]
    token = next(d for label, d in buttons(summary.reply_markup) if label.startswith("✅"))
    first = client.callback_update(token, summary)
    second = client.callback_update(token, summary)
    await asyncio.gather(
        client.dp.feed_update(client.bot, first), client.dp.feed_update(client.bot, second)
    )
    assert len(emulator.calls("add")) == 1
    assert len(await OrdersRepo(db).list_for_user(client.user.id, 10)) == 1
    assert await balance_of(db, client.user.id) == Decimal("12.8")


async def test_confirm_for_a_forged_token_does_nothing(client: BotClient, db, emulator) -> None:
    await fund(db, client.user.id, "10")
    await to_summary(client)
    summary = client.bot_messages()[-1]
    sent = await client.click(ConfirmCb(token="forged-token"), summary)
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].text == "This offer has expired. Send /order to start again."
    assert emulator.calls("add") == []


@pytest.mark.parametrize("command", ["/order", "/balance", "/cancel", "/order@shop_test_bot"])
async def test_ordering_and_balances_are_private(make_client, command) -> None:
    group = make_client(chat_id=-100777, chat_type="supergroup")
    assert texts(await group.send(command)) == ["This works in a private chat with the bot only."]
    assert texts(await group.send("/order@another_bot")) == []


async def test_balance_shows_money_currency_and_support(make_client, db, settings, dp) -> None:
    client = make_client(language_code="ru")
    await fund(db, client.user.id, "12.5")
    await client.send("/order")  # the catalogue brings the panel's currency
    assert texts(await client.send("/balance")) == [
        "Ваш баланс: <b>12,50\u00a0сум</b>\nПополнить: /topup."
    ]
    dp["settings"] = settings.model_copy(update={"support_contact": "@help_desk"})
    sent = await client.send("/balance")
    assert texts(sent)[0].endswith("Вопросы об оплате: @help_desk")


async def test_balance_button_and_a_new_customer(client: BotClient, db) -> None:
    await client.send("/start")
    sent = await client.click_text("💰 Balance")
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert texts(sent) == ["Your balance: <b>0.00</b>\nTop up with /topup."]


async def test_replies_that_end_a_path_offer_the_next_step(client: BotClient) -> None:
    await client.send("/balance")
    assert last_buttons(client) == ["⭐ Top up", "🛒 New order"]
    await client.send("/orders")
    assert last_buttons(client) == ["🛒 New order"]
    await client.send("/help")
    assert "🛒 New order" in last_buttons(client)
    await client.send("/order")
    await client.send("nothing like this exists")
    assert last_buttons(client) == ["« Back", "✖ Cancel"]
    sent = await client.click(OrderNavCb(action="cancel"))
    assert "The order was canceled. Nothing was charged." in texts(sent)
