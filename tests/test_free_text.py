"""Words typed outside any conversation search the catalogue; hints come from the catalogue
itself (issue 16, point 4)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.i18n import Translator
from bot.storage import OrdersRepo
from bot.telegram.callbacks import ServiceCb
from bot.telegram.keyboards import main_menu
from tests.harness import BotClient, a_sticker, buttons, last_buttons, texts
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
    sent = texts(await client.send("hello"))
    assert sent == [f"We found nothing for “hello”. Choose below what to do.\n{HINT}"]
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
