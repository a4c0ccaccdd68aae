"""Words typed outside any conversation search the catalogue; hints come from the catalogue
itself (issue 16, point 4)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot

from bot.i18n import Translator
from bot.storage import OrdersRepo
from bot.telegram.callbacks import QuestionCb, ServiceCb
from bot.telegram.keyboards import main_menu
from tests.conftest import MakeClient
from tests.harness import BotClient, a_sticker, buttons, last_buttons, texts
from tests.helpers import admin_texts
from tests.order_factory import place
from tests.panel_emulator import EmulatedService, PanelEmulator
from tests.test_order_flow import MEMBERS

MENU = [b.text for row in main_menu(Translator().texts("en")).inline_keyboard for b in row]
HINT = "Or type a word to search, like “members” or “votes”."
HELP_HINT = "We don't know that command. Send /help to see what you can do here."


async def test_words_find_a_service_and_its_button_opens_it(client: BotClient) -> None:
    found = texts(await client.send("members"))
    assert found == ["Found for “members”: 1 service (page 1 of 1), prices per 1000:"]
    assert last_buttons(client) == [f"{MEMBERS} · 72.00 UZS", "« Back", "✖ Cancel"]
    [(_, data)] = [b for b in buttons(client.bot_messages()[-1].reply_markup) if MEMBERS in b[0]]
    assert ServiceCb.unpack(data).id == 1
    card = texts(await client.click(data))[-1]
    assert card.startswith(f"<b>{MEMBERS}</b>")
    assert "Send the link to the channel, group or post" in card


async def test_nothing_found_offers_the_menu_and_real_words(client: BotClient) -> None:
    sent = texts(await client.send("banana"))
    assert sent == [f"We found nothing for “banana”. Choose below what to do.\n{HINT}"]
    assert last_buttons(client) == MENU
    # No conversation was started: the next words are searched afresh.
    assert texts(await client.send("votes"))[0].startswith("Found for “votes”: 1 service")


async def test_the_search_hint_is_made_of_the_catalogues_words(
    client: BotClient, admin: BotClient, make_client
) -> None:
    assert texts(await client.send("/order"))[0].endswith(HINT)
    await admin.send("/rename Telegram Members | ru | Подписчики")
    await admin.send("/rename Telegram Votes | ru | Голоса в опросах")
    ru = make_client(user_id=3131, language_code="ru")
    hint = texts(await ru.send("/order"))[0].splitlines()[-1]
    assert hint == "Или напишите слово для поиска, например «подписчики» или «голоса»."
    assert "просмотры" not in hint
    for word in ("подписчики", "голоса"):
        await ru.send("/cancel")
        assert texts(await ru.send(word))[0].startswith(f"Найдено по «{word}»: 1 услуга")


async def test_names_admins_set_are_found_in_every_language(
    client: BotClient, admin: BotClient, make_client
) -> None:
    await admin.send("/rename 3 | uz | Soʻrovnoma ovozlari")
    uz = make_client(user_id=3232, language_code="uz")
    # Typed with a plain apostrophe, as most keyboards do.
    assert "topildi: 1 ta xizmat" in texts(await uz.send("so'rovnoma"))[0]
    assert last_buttons(uz)[0].startswith("Soʻrovnoma ovozlari · ")
    # An English customer typing the Uzbek name finds it too, under the panel's name.
    await client.send("ovozlari")
    assert last_buttons(client)[0].startswith("Poll Votes — Telegram · ")


async def test_a_catalogue_without_telling_words_still_hints(
    client: BotClient, emulator: PanelEmulator
) -> None:
    emulator.services.clear()
    emulator.services[7] = EmulatedService(7, "X 1", "Default", "Y", Decimal(1), 10, 100)
    sent = texts(await client.send("zzz"))
    assert sent == [
        "We found nothing for “zzz”. Choose below what to do.\nOr type a word to search."
    ]


@pytest.mark.parametrize("text", ["/nope", "/balance_of_power", "/stats", "/greeting ru"])
async def test_unknown_and_admin_commands_keep_the_help_hint(client: BotClient, text) -> None:
    assert texts(await client.send(text)) == [HELP_HINT]


async def test_a_sticker_gets_the_menu(client: BotClient) -> None:
    assert texts(await client.send(sticker=a_sticker())) == [
        "Type in words what you are looking for, or choose below."
    ]
    assert last_buttons(client) == MENU


async def test_huge_text_is_searched_by_its_start_and_charges_nothing(
    client: BotClient, db, emulator: PanelEmulator
) -> None:
    [answer] = texts(await client.send("<b>" + "ж" * 4000))
    assert answer.startswith("We found nothing for “&lt;b&gt;жжж")
    assert len(answer) < 300
    assert texts(await client.send("members " * 500))[0].startswith("Found for “members members")
    assert emulator.calls("add") == []
    assert await OrdersRepo(db).list_for_user(client.user.id, 10) == []


async def test_group_chatter_is_not_searched(make_client) -> None:
    group = make_client(chat_id=-100500, chat_type="supergroup")
    assert texts(await group.send("members")) == []


# --- a question is offered to support first (issue 30, point 8) ------------------------------

QUESTION_BUTTONS = ["✉️ Send to support", "🔎 Search the catalogue"]


async def test_a_complaint_is_offered_to_support_and_sent_as_it_is(
    client: BotClient, bot: Bot
) -> None:
    [offer] = texts(await client.send("hello, my order is not moving"))
    assert offer == (
        "Is this a question for us? Send it to support as it is and we will answer here in"
        " this chat. Or search the catalogue for these words."
    )
    assert last_buttons(client) == QUESTION_BUTTONS + MENU
    [sent] = texts(await client.click_text("✉️ Send to support"), client.chat.id)
    assert sent == "We got your support request #1 and will answer here in this chat."
    [ticket] = admin_texts(bot)
    assert ticket.startswith("💬 <b>Support request #1</b> from ")
    assert "hello, my order is not moving" in ticket
    assert "About order" not in ticket
    # Tapped again (a second tap, a replayed update): nothing is sent twice; the customer is
    # asked what to write.
    again = texts(await client.click(QuestionCb(action="support")), client.chat.id)
    assert again[0].startswith("<b>Support</b>\nWrite your question in one message")
    assert len(admin_texts(bot)) == 1


async def test_a_question_naming_an_own_order_goes_with_it(
    make_client: MakeClient, bot: Bot, db, emulator: PanelEmulator
) -> None:
    ru = make_client(user_id=7171, language_code="ru")
    order = await place(db, emulator, user_id=7171)
    assert order.panel_order_id == "23501"
    # The panel's number, as customers sometimes quote it: the shop's order #1.
    [offer] = texts(await ru.send("где мой заказ 23501?"))
    assert offer.startswith("Это о вашем заказе #1? Отправьте вопрос в поддержку как есть")
    await ru.click_text("✉️ Отправить в поддержку")
    [ticket] = admin_texts(bot)
    assert "About order #1 (panel No. 23501)" in ticket
    assert "где мой заказ 23501?" in ticket


async def test_someone_elses_order_number_is_not_named(
    make_client: MakeClient, db, emulator: PanelEmulator
) -> None:
    await place(db, emulator, user_id=7272)
    uz = make_client(user_id=7373, language_code="uz")
    [offer] = texts(await uz.send("buyurtmam qani 23501"))
    assert offer.startswith("Bu bizga savolmi? Uni yordamga shundayligicha yuboring")
    assert last_buttons(uz)[:2] == ["✉️ Yordamga yuborish", "🔎 Katalogdan qidirish"]


@pytest.mark.parametrize(
    "text", ["buyurtmam qani", "деньги списали, а заказа нет", "why so slow", "members?"]
)
async def test_questions_in_every_language_are_offered_to_support(
    client: BotClient, text: str
) -> None:
    await client.send(text)
    assert last_buttons(client)[:2] == QUESTION_BUTTONS


async def test_not_a_question_after_all_searches_its_words(client: BotClient) -> None:
    await client.send("members?")
    [found] = texts(await client.click_text("🔎 Search the catalogue"))
    assert found.startswith("Found for “members?”: 1 service")
    # The offer held no conversation: the next words are searched afresh.
    assert texts(await client.send("votes"))[0].startswith("Found for “votes”: 1 service")


@pytest.mark.parametrize(
    "text",
    [
        "telegram members",
        "1000 подписчиков",
        "заказать подписчиков",
        "мне нужны подписчики",
        "ovozlar",
        "ovozlar kerak",
    ],
)
async def test_search_words_are_still_searched(make_client: MakeClient, text: str) -> None:
    customer = make_client(user_id=7474, language_code="ru")
    [found] = texts(await customer.send(text))
    assert found.startswith(f"Найдено по «{text}»: 1 услуга")
