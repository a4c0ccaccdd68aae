"""The table of steps per service type, and the engine that walks it."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram.fsm.storage.base import StorageKey

from bot.orders.draft import Draft
from bot.orders.steps import ANSWER_NUMBER, LINK, ORDER_TYPES, QUANTITY, order_type
from bot.panel import Service
from tests.conftest import fund
from tests.harness import BotClient, texts
from tests.test_order_flow import MEMBERS, to_service


def a_service(kind: str, category: str = "Telegram Members") -> Service:
    return Service(
        id=1,
        name="x",
        type=kind,
        category=category,
        rate=Decimal(1),
        min=10,
        max=100,
        refill=False,
        cancel=False,
    )


def test_each_type_asks_its_steps_in_order() -> None:
    default, poll = order_type(a_service("Default")), order_type(a_service(" poll "))
    assert default is not None
    assert poll is not None
    assert default.asked(a_service("Default"), {}) == [LINK, QUANTITY]
    assert poll.asked(a_service("Poll"), {}) == [LINK, QUANTITY, ANSWER_NUMBER]
    assert order_type(a_service("Auto Likes")) is None  # not sold: hidden


def test_next_and_back_follow_the_table() -> None:
    poll, service = ORDER_TYPES["poll"], a_service("Poll")
    assert poll.after(service, {}, "link") is QUANTITY
    assert poll.after(service, {}, "quantity") is ANSWER_NUMBER
    assert poll.after(service, {}, "answer") is None  # the summary
    assert poll.before(service, {}, None) is ANSWER_NUMBER  # Back from the summary
    assert poll.before(service, {}, "quantity") is LINK
    assert poll.before(service, {}, "link") is None  # Back to the service list
    assert ORDER_TYPES["default"].before(a_service("Default"), {}, None) is QUANTITY


def test_an_answer_suits_another_service_only_if_it_parses_for_it() -> None:
    telegram, other = a_service("Default"), a_service("Default", "Instagram Likes")
    assert LINK.suits("https://instagram.com/p/1", other)
    assert not LINK.suits("https://instagram.com/p/1", telegram)  # not a Telegram link
    assert QUANTITY.suits(50, telegram)
    assert not QUANTITY.suits(500, telegram)  # above this service's maximum
    assert not QUANTITY.suits(None, telegram)


def test_a_draft_saved_before_answers_by_step_keeps_them() -> None:
    old = {"service_id": 1, "link": "https://t.me/durov", "quantity": 100, "answer": None}
    assert Draft.from_data(old).answers == {"link": "https://t.me/durov", "quantity": 100}
    assert Draft.from_data(Draft(answers={"quantity": 5}).to_data()).answers == {"quantity": 5}


async def test_a_conversation_saved_by_the_previous_version_goes_on(
    client: BotClient, db, dp, bot
) -> None:
    """A customer halfway through when the bot is upgraded: the old draft's link is kept."""
    await fund(db, client.user.id, "10")
    await to_service(client, "Telegram Members", MEMBERS)
    await client.send("@durov")
    key = StorageKey(bot_id=bot.id, chat_id=client.chat.id, user_id=client.user.id)
    data = await dp.storage.get_data(key)
    answers = data.pop("answers")
    await dp.storage.set_data(key, {**data, **answers})  # the old layout: one key per answer
    sent = await client.send("100")
    assert "Link: https://t.me/durov" in texts(sent)[-1]
    assert "To pay: <b>7.20 UZS</b>" in texts(sent)[-1]


@pytest.mark.parametrize("kind", sorted(ORDER_TYPES))
def test_every_step_has_texts_in_every_language(kind: str, translator) -> None:
    for step in ORDER_TYPES[kind].steps:
        for locale in ("en", "ru", "uz"):
            bundle = translator.bundles[locale]
            service = a_service(kind)
            keys = [step.question(service)[0], step.invalid(service)[0], step.current]
            keys += [step.summary] if step.summary else []
            assert all(bundle.has_message(key) for key in keys), (kind, step.name, locale)
