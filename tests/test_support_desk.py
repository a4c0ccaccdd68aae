"""Support for more than one admin: the others are told when one answers; a ticket's whole
history (`/ticket 12`, the History button)."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery

from bot.app import create_dispatcher
from bot.storage.tickets import TicketsRepo
from bot.telegram.callbacks import TicketCb
from tests.conftest import ADMIN_ID
from tests.harness import BotClient, labels, texts
from tests.test_support import admin_copy, ask, bot_message

OTHER_ADMIN = 9002
NOT_FOUND = (
    "No such support request. Send its number, like <code>/ticket 12</code>;"
    " /tickets lists the open ones."
)


@pytest.fixture
def two_admins(settings, db, panel, translator, bot):
    both = settings.model_copy(update={"admin_ids": frozenset({ADMIN_ID, OTHER_ADMIN})})
    dp = create_dispatcher(settings=both, db=db, panel=panel, translator=translator)

    def make(**kwargs) -> BotClient:
        return BotClient(dp, bot, **kwargs)

    return make


async def test_the_other_admins_are_told_when_one_answers(two_admins, db) -> None:
    client = two_admins(first_name="Ann")
    boss = two_admins(user_id=ADMIN_ID, first_name="Boss")
    other = two_admins(user_id=OTHER_ADMIN, first_name="Kate", language_code="ru")
    # Admins are known by name, and speak their language, once they used the bot.
    await boss.send("/start")
    await other.send("/start")
    await ask(client, "Where is my <order>?")

    answered = await boss.send("Tomorrow & later", reply_to_message=admin_copy(boss))
    assert texts(answered, chat_id=ADMIN_ID) == ["Sent to the customer (support request #1)."]
    [notice] = texts(answered, chat_id=OTHER_ADMIN)
    assert notice == (
        f"✅ Ответ на обращение #1 от Boss <code>{ADMIN_ID}</code>:\n\nTomorrow &amp; later"
    )
    told = bot_message(other, "Ответ на обращение #1")
    assert labels(told.reply_markup) == ["↩️ Ответить", "✖️ Закрыть", "📜 История"]

    # Replying to the notice continues the same ticket.
    more = await other.send("И ещё: завтра до обеда.", reply_to_message=told)
    assert texts(more, chat_id=OTHER_ADMIN) == ["Отправлено клиенту (обращение #1)."]
    assert "И ещё: завтра до обеда." in texts(more, chat_id=client.chat.id)[0]
    assert texts(more, chat_id=ADMIN_ID)[0].startswith(
        f"✅ Kate <code>{OTHER_ADMIN}</code> answered"
    )
    assert len(await TicketsRepo(db).history(1)) == 3


async def test_the_whole_history_by_command_and_button(client: BotClient, admin, db) -> None:
    await admin.send("/start")
    await ask(client, "Where is my order?")
    await admin.send("Tomorrow.", reply_to_message=admin_copy(admin))
    await client.send("Thanks!", reply_to_message=bot_message(client, "Answer"))

    [history] = texts(await admin.send("/ticket 1"))
    title, *blocks = history.split("\n\n")
    assert (
        title
        == f"📜 <b>Support request #1</b> · waiting for us · Alice <code>{client.user.id}</code>"
    )
    assert [block.split("\n")[1] for block in blocks] == [
        "Where is my order?",
        "Tomorrow.",
        "Thanks!",
    ]
    assert blocks[0].split("\n")[0].endswith(f" · Alice <code>{client.user.id}</code>:")
    assert blocks[1].split("\n")[0].endswith(f" · ↩️ Boss <code>{ADMIN_ID}</code>:")
    assert labels(admin.bot_messages()[-1].reply_markup) == ["↩️ Reply", "✖️ Close", "📜 History"]

    tapped = await admin.click(TicketCb(action="history", id=1))
    assert isinstance(tapped[0], AnswerCallbackQuery)
    assert texts(tapped) == [history]

    await admin.click(TicketCb(action="close", id=1))
    [closed] = texts(await admin.send("/ticket #1"))
    assert closed.startswith("📜 <b>Support request #1</b> · closed · ")
    assert labels(admin.bot_messages()[-1].reply_markup) == ["📜 History"]


async def test_a_long_history_shows_its_latest_messages(client: BotClient, admin) -> None:
    await ask(client, "first " + "a" * 2900)
    for n in range(6):
        await admin.send(f"answer {n}", reply_to_message=admin_copy(admin))
        await client.send(f"more {n} " + "b" * 2900, reply_to_message=bot_message(client, "Answer"))
    [history] = texts(await admin.send("/ticket 1"))
    assert len(history) < 4096
    assert "answer 5" in history
    assert "more 5" in history
    assert "first" not in history
    assert "earlier messages, not shown" in history


@pytest.mark.parametrize(
    "args", ["", "abc", "0", "-1", "2", "1.5", "99999999999999999999999", "１", "1; DROP"]
)
async def test_no_such_ticket(client: BotClient, admin, args) -> None:
    await ask(client)
    assert texts(await admin.send(f"/ticket {args}")) == [NOT_FOUND]


async def test_customers_see_no_history(client: BotClient, make_client) -> None:
    await ask(client, "my secret question")
    stranger = make_client(user_id=4321)
    for who in (client, stranger):
        assert texts(await who.send("/ticket 1")) == [
            "We don't know that command. Send /help to see what you can do here."
        ]
        tapped = await who.click(TicketCb(action="history", id=1))
        assert isinstance(tapped[0], AnswerCallbackQuery)
        assert tapped[0].show_alert
        assert not any("my secret question" in text for text in texts(tapped))


async def test_a_history_button_for_a_missing_ticket_has_expired(admin) -> None:
    tapped = await admin.click(TicketCb(action="history", id=77))
    assert isinstance(tapped[0], AnswerCallbackQuery)
    assert tapped[0].show_alert
