"""What customers do, step by step, as a person would: read the bot's message, then type or
press. Expected texts come from the bot's own catalogues, so a test reads like the chat."""

from __future__ import annotations

from decimal import Decimal

from bot.formats import Money, places
from bot.i18n import Arg, Texts
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram, FakeUser, ShownMessage
from tests.telegram_html import check_html

MEMBERS_CATEGORY = "Telegram Members"
MEMBERS = "7-day Join — Telegram Members"  # Default, 60.00 per 1000, 10-100 000
VOTES_CATEGORY = "Telegram Votes"
VOTES = "Poll Votes — Telegram"  # Poll, 36.00 per 1000, 10-50 000
CURRENCY = "UZS"  # the emulator's


def shown(t: Texts, key: str, /, **args: Arg) -> str:
    """A message as the customer sees it: rendered in their language, markup parsed away."""
    return check_html(t(key, **args))


def uzs(amount: str) -> Money:
    """An amount in the emulator's currency with the decimals it is written with, shown in
    each reader's language when a message is rendered."""
    value = Decimal(amount)
    return Money(value, places(value), CURRENCY)


async def funded_customer(
    bot_process: BotProcess,
    telegram: FakeTelegram,
    user_id: int,
    balance: str,
    name: str = "Alice",
    language: str = "en",
) -> FakeUser:
    """Credit the customer `balance` while the bot is stopped, start the bot, and open the
    customer's chat (nothing sent yet)."""
    await bot_process.fund(user_id, balance)
    await bot_process.start()
    return telegram.user(user_id, name, language_code=language)


async def start(user: FakeUser, t: Texts) -> ShownMessage:
    """/start; the main menu."""
    await user.send("/start")
    return await user.wait_for_text(shown(t, "menu-prompt"))


async def choose_service(
    user: FakeUser, t: Texts, category: str, service: str, *, from_menu: bool = False
) -> None:
    """From the menu's button or /order to the question for the link."""
    if from_menu:
        await user.press(t("menu-order"))
    else:
        await user.send("/order")
    await user.wait_for_text(shown(t, "order-categories", page=1, pages=1))
    await user.press(category)
    await user.wait_for_text(shown(t, "order-services", category=category, page=1, pages=1))
    await user.press(service, partial=True)  # the label goes on with the price
    await user.wait_for_text(shown(t, "order-ask-link-telegram"))


async def to_quantity(
    user: FakeUser, t: Texts, link: str = "@shop_channel", *, from_menu: bool = False
) -> None:
    """A Default (members) order up to the question for the quantity."""
    await choose_service(user, t, MEMBERS_CATEGORY, MEMBERS, from_menu=from_menu)
    await user.send(link)
    await user.wait_for_text(shown(t, "order-ask-quantity", min=10, max=100000))


async def summary(user: FakeUser, t: Texts, service: str, link: str, quantity: int) -> ShownMessage:
    return await user.wait_for_text(
        shown(t, "order-summary", service=service, link=link, quantity=quantity)
    )


async def confirm(user: FakeUser, t: Texts, number: str, charge: str, balance: str) -> None:
    """Press Confirm; the order is placed with the panel's number `number`."""
    pressed = await user.press(t("order-confirm"))
    await user.wait_for_text(
        shown(t, "order-placed", number=number, charge=uzs(charge), balance=uzs(balance))
    )
    # Answered without a word: the message itself says what happens.
    assert (await user.wait_for_answer(pressed)).text is None


async def to_summary(
    user: FakeUser, t: Texts, quantity: int = 100, *, from_menu: bool = False
) -> ShownMessage:
    """A Default order up to its summary with the Confirm button."""
    await to_quantity(user, t, from_menu=from_menu)
    await user.send(str(quantity))
    return await summary(user, t, MEMBERS, "https://t.me/shop_channel", quantity)


async def to_votes_summary(user: FakeUser, t: Texts) -> ShownMessage:
    """A Poll order from /order up to its summary: 50 votes for answer 2 of the poll in
    t.me/shop_channel/42."""
    await choose_service(user, t, VOTES_CATEGORY, VOTES)
    await user.send("t.me/shop_channel/42")
    await user.wait_for_text(shown(t, "order-ask-quantity", min=10, max=50000))
    await user.send("50")
    await user.wait_for_text(shown(t, "order-ask-answer", max=12))
    await user.send("2")
    return await summary(user, t, VOTES, "https://t.me/shop_channel/42", 50)


async def order_members(
    user: FakeUser, t: Texts, number: str, charge: str, balance: str, quantity: int = 100
) -> None:
    """A whole Default order from /order to the panel's order number."""
    await to_summary(user, t, quantity)
    await confirm(user, t, number, charge, balance)


def times_shown(user: FakeUser, text: str) -> int:
    """How many of the bot's messages in the chat read exactly `text`: news sent twice
    shows twice."""
    return sum(message.text == text for message in user.messages())
