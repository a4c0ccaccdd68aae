"""/start, /help, /language and unknown commands, through the real Dispatcher."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage

from bot.app import create_dispatcher
from bot.storage import Database, UsersRepo
from bot.telegram.callbacks import LanguageCb, MenuCb
from tests.harness import BotClient, a_sticker, buttons, texts

GREETINGS = {"en": "Hello, ", "ru": "Здравствуйте, ", "uz": "Assalomu alaykum, "}


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
async def test_start_greets_in_the_telegram_language(make_client, db, language) -> None:
    client = make_client(language_code=language, first_name="Ann")
    sent = await client.send("/start")
    shown = texts(sent)
    assert shown[0].startswith(f"{GREETINGS[language]}<b>Ann</b>")
    menu = sent[-1]
    assert isinstance(menu, SendMessage)
    assert [data for _, data in buttons(menu.reply_markup)] == [
        MenuCb(action="order").pack(),
        MenuCb(action="massorder").pack(),
        MenuCb(action="orders").pack(),
        MenuCb(action="balance").pack(),
        MenuCb(action="topup").pack(),
        MenuCb(action="support").pack(),
        MenuCb(action="language").pack(),
        MenuCb(action="help").pack(),
    ]
    user = await UsersRepo(db).get(client.user.id)
    assert user is not None
    assert user.language is None  # not chosen: Telegram's language keeps applying


async def test_unknown_telegram_language_gets_the_default(make_client) -> None:
    sent = await make_client(language_code="de").send("/start")
    assert texts(sent)[0].startswith("Hello, ")


async def test_name_with_html_is_escaped(make_client) -> None:
    sent = await make_client(first_name="<i>Bob</i> & Co").send("/start")
    assert "<b>&lt;i&gt;Bob&lt;/i&gt; &amp; Co</b>" in texts(sent)[0]


async def test_help_lists_the_commands(client: BotClient) -> None:
    for sent in (await client.send("/help"), await client.click(MenuCb(action="help"))):
        help_text = texts(sent)[-1]
        for command in (
            "/start",
            "/order",
            "/balance",
            "/cancel",
            "/topup",
            "/language",
            "/help",
            "/paysupport",
            "/terms",
        ):
            assert command in help_text


async def test_help_button_answers_the_callback_first(client: BotClient) -> None:
    await client.send("/start")
    sent = await client.click_text("❓ Help")
    assert isinstance(sent[0], AnswerCallbackQuery)


async def test_language_switch_is_stored_and_survives_a_restart(
    make_client, settings, panel, translator, bot, db
) -> None:
    client = make_client(language_code="en")
    await client.send("/start")
    await client.click_text("🌐 Language")
    sent = await client.click_text("Русский")
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].text == "Язык: русский."
    assert "Выберите действие:" in texts(sent)

    # A new process: a new database connection and a new dispatcher on the same file.
    await db.close()
    async with await Database.open(settings.database_path) as reopened:
        dp = create_dispatcher(settings=settings, db=reopened, panel=panel, translator=translator)
        again = BotClient(dp, bot, user_id=client.user.id, language_code="en")
        assert texts(await again.send("/help"))[0].startswith("<b>Что можно сделать</b>")


async def test_language_command_marks_the_current_choice(make_client) -> None:
    sent = await make_client(language_code="uz").send("/language")
    assert isinstance(sent[0], SendMessage)
    labels = [label for label, _ in buttons(sent[0].reply_markup)]
    assert labels == ["English", "Русский", "✓ Oʻzbekcha"]
    assert texts(sent) == ["Tilni tanlang:"]


async def test_forged_language_code_changes_nothing(client: BotClient, db) -> None:
    await client.send("/start")
    sent = await client.click(LanguageCb(code="xx"))
    assert isinstance(sent[0], AnswerCallbackQuery)
    assert sent[0].show_alert
    user = await UsersRepo(db).get(client.user.id)
    assert user is not None
    assert user.language is None


@pytest.mark.parametrize("text", ["/nope", "/balance_of_power"])
async def test_unknown_command_gets_the_hint(client: BotClient, text) -> None:
    assert texts(await client.send(text)) == [
        "We don't know that command. Send /help to see what you can do here."
    ]


async def test_words_and_stickers_get_the_menu_not_the_command_hint(client: BotClient) -> None:
    # What they find (or not) is in test_free_text.py.
    assert texts(await client.send("banana"))[0].startswith("We found nothing for “banana”.")
    assert texts(await client.send(sticker=a_sticker())) == [
        "Type in words what you are looking for, or choose below."
    ]


async def test_group_chatter_is_ignored_but_commands_answered(make_client) -> None:
    group = make_client(chat_id=-100500, chat_type="supergroup")
    assert texts(await group.send("hello everyone")) == []
    assert texts(await group.send("/whatever@some_other_bot")) == []
    assert texts(await group.send("/whatever@shop_test_bot")) == [
        "We don't know that command. Send /help to see what you can do here."
    ]
