"""Support tickets: asking, answering by reply or button, writing back, closing, /tickets,
and what strangers, stale buttons and non-text get."""

from __future__ import annotations

from datetime import UTC, datetime

from aiogram.methods import AnswerCallbackQuery, SendMessage
from aiogram.types import Message, PhotoSize

from bot.app import create_dispatcher
from bot.storage.tickets import TicketsRepo
from bot.telegram.callbacks import MenuCb, OrderCb, TicketCb
from tests.conftest import ADMIN_ID
from tests.harness import BOT_USER, BotClient, labels, texts
from tests.helpers import admin_texts
from tests.order_factory import place


def bot_message(client: BotClient, text_part: str) -> Message:
    """The bot's newest message in the client's chat containing `text_part`."""
    for message in reversed(client.bot_messages()):
        if text_part in (message.text or ""):
            return message
    raise AssertionError(f"no message with {text_part!r}")


def admin_copy(admin: BotClient) -> Message:
    return bot_message(admin, "Reply to this message to answer.")


async def status_of(db, ticket_id: int) -> str:
    ticket = await TicketsRepo(db).get(ticket_id)
    assert ticket is not None
    return ticket.status


async def ask(client: BotClient, question: str = "Where is my order?") -> None:
    await client.send("/support")
    await client.send(question)


async def test_a_question_reaches_the_admin_who_answers_by_replying(make_client, admin, db) -> None:
    client = make_client(first_name="<Ann>")
    prompt = texts(await client.send("/support"))
    assert prompt[0].startswith("<b>Support</b>\nWrite your question in one message")
    sent = await client.send("Is <b>this</b> late?")
    assert texts(sent, chat_id=client.chat.id) == [
        "We got your support request #1 and will answer here in this chat."
    ]
    [to_admin] = texts(sent, chat_id=ADMIN_ID)
    assert to_admin.startswith(
        f"💬 <b>Support request #1</b> from &lt;Ann&gt; <code>{client.user.id}</code>\n\n"
        "Is &lt;b&gt;this&lt;/b&gt; late?"
    )
    assert labels(admin_copy(admin).reply_markup) == ["↩️ Reply", "✖️ Close", "📜 History"]
    assert await status_of(db, 1) == "open"

    answered = await admin.send("Tomorrow <i>morning</i>", reply_to_message=admin_copy(admin))
    assert texts(answered, chat_id=ADMIN_ID) == ["Sent to the customer (support request #1)."]
    [answer] = texts(answered, chat_id=client.chat.id)
    assert answer.startswith(
        "💬 <b>Answer to your support request #1</b>\nTomorrow &lt;i&gt;morning&lt;/i&gt;"
    )
    assert await status_of(db, 1) == "answered"

    # The customer replies to our answer: it goes to the admins in the same ticket.
    more = await client.send(
        "Thanks, and the price?", reply_to_message=bot_message(client, "Answer")
    )
    assert texts(more, chat_id=client.chat.id) == ["Sent: it is added to your support request #1."]
    [again] = texts(more, chat_id=ADMIN_ID)
    assert again.startswith("💬 <b>Support request #1</b>: more from &lt;Ann&gt;")
    assert "Thanks, and the price?" in again
    assert await status_of(db, 1) == "open"


async def test_the_reply_button_and_write_back(client: BotClient, admin, db) -> None:
    await ask(client)
    await admin.click(TicketCb(action="answer", id=1))
    assert admin_texts(admin.bot)[-1].startswith("Write your answer to support request #1")
    done = await admin.send("It is on its way.")
    assert "It is on its way." in texts(done, chat_id=client.chat.id)[0]

    await client.click_text("✏️ Write back")
    assert texts(await client.send("Great"), chat_id=ADMIN_ID)[0].startswith(
        "💬 <b>Support request #1</b>: more"
    )
    assert (await TicketsRepo(db).unclosed(10))[0] == 1  # still the one ticket


async def test_menu_button_paysupport_and_a_question_in_one_line(client: BotClient, admin) -> None:
    await client.click(MenuCb(action="support"))
    assert texts(await client.send("first"), chat_id=ADMIN_ID)
    sent = await client.send("/paysupport top-up #3 not credited")
    assert texts(sent, chat_id=client.chat.id) == [
        "We got your support request #2 and will answer here in this chat."
    ]
    assert "top-up #3 not credited" in texts(sent, chat_id=ADMIN_ID)[0]
    await client.send("/paysupport")
    assert texts(await client.send("third"), chat_id=client.chat.id)[0].startswith(
        "We got your support request #3"
    )


async def test_ask_about_an_order_gives_the_admin_its_details(
    client: BotClient, admin, db, emulator
) -> None:
    order = await place(db, emulator, link="https://t.me/mychannel")
    await client.click(OrderCb(action="view", id=order.id, page=0))
    assert "💬 Ask about this order" in labels(client.bot_messages()[-1].reply_markup)
    asked = await client.click_text("💬 Ask about this order")
    assert texts(asked, chat_id=client.chat.id)[0].startswith(f"<b>Support: order #{order.id}</b>")
    [to_admin] = texts(await client.send("Not started yet"), chat_id=ADMIN_ID)
    assert (
        f"About order #{order.id} (panel No. {order.panel_order_id}): 7-day Join — Telegram"
        " Members, https://t.me/mychannel, quantity 100, charged 12.00" in to_admin
    )


async def test_someone_elses_order_cannot_be_asked_about(make_client, admin, db, emulator) -> None:
    order = await place(db, emulator, user_id=1001)
    stranger = make_client(user_id=2002)
    answered = await stranger.click(OrderCb(action="ask", id=order.id, page=0))
    assert not texts(answered, chat_id=ADMIN_ID)
    assert not any(text.startswith("<b>Support") for text in texts(answered))


async def test_closing_by_the_customer_and_stale_buttons(client: BotClient, admin, db) -> None:
    await ask(client)
    await admin.send("Answer", reply_to_message=admin_copy(admin))
    closed = await client.click(TicketCb(action="close", id=1))
    assert "Support request #1 is closed. Thank you!" in texts(closed)
    assert texts(closed, chat_id=ADMIN_ID) == ["Support request #1 was closed by the customer."]
    assert await status_of(db, 1) == "closed"
    # A double tap, Write back, a reply to our answer, an admin's reply: all say it is closed.
    again = await client.click(TicketCb(action="close", id=1))
    assert texts(again) == ["This support request is closed. Send /support to write to us again."]
    write = await client.click(TicketCb(action="write", id=1))
    assert texts(write) == ["This support request is closed. Send /support to write to us again."]
    late = await client.send("one more", reply_to_message=bot_message(client, "Answer"))
    assert texts(late, chat_id=ADMIN_ID) == []
    assert texts(late) == ["This support request is closed. Send /support to write to us again."]
    too_late = await admin.send("hello?", reply_to_message=admin_copy(admin))
    assert texts(too_late) == ["Support request #1 is closed already."]
    assert texts(await admin.click(TicketCb(action="answer", id=1))) == [
        "Support request #1 is closed already."
    ]


async def test_closing_by_an_admin_tells_the_customer(client: BotClient, admin, db) -> None:
    await ask(client)
    closed = await admin.click(TicketCb(action="close", id=1))
    assert texts(closed, chat_id=client.chat.id) == [
        "We closed your support request #1. Send /support if you need anything else."
    ]
    assert texts(await admin.click(TicketCb(action="close", id=1))) == [
        "Support request #1 is closed already."
    ]


async def test_other_users_ticket_ids_touch_nothing(make_client, admin, db) -> None:
    owner = make_client(user_id=1001)
    await ask(owner)
    stranger = make_client(user_id=2002)
    for action in ("close", "write", "answer"):
        sent = await stranger.click(TicketCb(action=action, id=1))
        answers = [r for r in sent if isinstance(r, AnswerCallbackQuery)]
        assert answers
        assert answers[0].text == "This button has expired. Send /start for a fresh menu."
        assert not [r for r in sent if isinstance(r, SendMessage)]
    assert await status_of(db, 1) == "open"
    # A ticket that does not exist, and one past 64 bits.
    assert texts(await owner.click(TicketCb(action="close", id=99))) == [
        "This button has expired. Send /start for a fresh menu."
    ]
    assert texts(await owner.click("tk:close:99999999999999999999999"))
    # A reply to the owner's ticket message copied into a stranger's chat is just text.
    forwarded = Message(
        message_id=bot_message(owner, "We got").message_id,
        date=datetime.now(UTC),
        chat=stranger.chat,
        from_user=BOT_USER,
        text="x",
    )
    sent = await stranger.send("let me in", reply_to_message=forwarded)
    assert texts(sent, chat_id=ADMIN_ID) == []


async def test_a_photo_gets_text_only_and_the_question_can_follow(client: BotClient, admin) -> None:
    await client.send("/support")
    photo = [PhotoSize(file_id="p", file_unique_id="p", width=10, height=10)]
    sent = await client.send(None, photo=photo, caption="see this")
    assert texts(sent) == [
        "Please send text only: photos, files and stickers do not reach support. Describe it in"
        " words."
    ]
    assert texts(sent, chat_id=ADMIN_ID) == []
    assert texts(await client.send("in words then"), chat_id=ADMIN_ID)


async def test_an_oversized_question_is_kept_whole_and_relayed_cut(
    client: BotClient, admin, db
) -> None:
    await client.send("/support")
    question = "<&>" * 1365  # 4095 characters, most of them escaped
    sent = await client.send(question)
    [to_admin] = texts(sent, chat_id=ADMIN_ID)  # the harness refuses a message over 4096
    assert "…" in to_admin
    rows = await db.fetchall("SELECT text FROM ticket_messages WHERE ticket_id = 1")
    assert [row[0] for row in rows] == [question]


async def test_cancel_sends_nothing(client: BotClient, admin, db) -> None:
    await client.send("/support")
    assert texts(await client.send("/cancel")) == ["OK, nothing was sent."]
    assert admin_texts(admin.bot) == []
    assert (await TicketsRepo(db).unclosed(10))[0] == 0


async def test_tickets_lists_open_ones_for_admins_only(make_client, admin, db) -> None:
    assert texts(await admin.send("/tickets")) == ["No open support requests."]
    await ask(make_client(user_id=1001, first_name="Ann"), "first question")
    await ask(make_client(user_id=1002, first_name="Bob"), "second\nquestion")
    await admin.click(TicketCb(action="close", id=1))
    [listing] = texts(await admin.send("/tickets"))
    assert listing == (
        "<b>1 support request not closed</b>\n\n"
        "#2 · waiting for us · Bob <code>1002</code>: second question"
    )
    assert labels(admin.bot_messages()[-1].reply_markup) == ["↩️ #2"]
    customer = make_client(user_id=1003)
    assert texts(await customer.send("/tickets")) == [
        "We don't know that command. Send /help to see what you can do here."
    ]


async def test_tickets_counts_in_russian(make_client, db) -> None:
    admin_ru = make_client(user_id=ADMIN_ID, language_code="ru")
    for user_id in (1001, 1002):
        await ask(make_client(user_id=user_id))
    assert texts(await admin_ru.send("/tickets"))[0].startswith("<b>2 незакрытых обращения</b>")


async def test_an_admin_reply_to_another_message_is_not_an_answer(admin, client) -> None:
    await admin.send("/tickets")
    sent = await admin.send("hello", reply_to_message=admin.bot_messages()[-1])
    assert texts(sent, chat_id=client.chat.id) == []


async def test_support_in_a_group_is_private_only(make_client) -> None:
    group = make_client(chat_id=-100, chat_type="group")
    assert texts(await group.send("/support")) == [
        "This works in a private chat with the bot only."
    ]


async def test_without_admins_the_ticket_is_still_kept(
    settings, db, panel, translator, bot
) -> None:
    alone = settings.model_copy(update={"admin_ids": frozenset()})
    dp = create_dispatcher(settings=alone, db=db, panel=panel, translator=translator)
    client = BotClient(dp, bot, language_code="uz")
    sent = await client.send("/support yordam kerak")
    assert texts(sent) == ["#1 murojaatingizni oldik va shu chatda javob beramiz."]
    assert (await TicketsRepo(db).unclosed(10))[0] == 1


async def test_the_support_contact_is_offered(settings, db, panel, translator, bot) -> None:
    with_contact = settings.model_copy(update={"support_contact": "@shop_help"})
    dp = create_dispatcher(settings=with_contact, db=db, panel=panel, translator=translator)
    sent = await BotClient(dp, bot, language_code="ru").send("/paysupport")
    assert texts(sent)[0].endswith("Можно также написать @shop_help.")


async def test_the_main_menu_has_support(client: BotClient) -> None:
    await client.send("/start")
    assert "💬 Support" in labels(client.bot_messages()[-1].reply_markup)
