"""Search in the market's words (issue 30, point 7): what customers type in Russian and
Uzbek, and platform names as people write them, find the panel's English names, in the
chat and inline; hints offered in Russian and Uzbek are Russian and Uzbek words."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from aiogram.types import InlineQueryResultArticle

from bot.catalogue import synonyms
from tests.conftest import MakeClient
from tests.harness import BotClient, last_buttons, results, texts
from tests.panel_emulator import EmulatedService, PanelEmulator

MARKET = {
    11: ("Instagram Followers [Real]", "Instagram Followers"),
    12: ("Instagram Likes — Fast", "Instagram Likes"),
    13: ("YouTube Views", "YouTube"),
    14: ("TikTok Views", "TikTok"),
    15: ("Telegram Post Views", "Telegram Views"),
    16: ("Telegram Post Reactions 👍", "Telegram Reactions"),
    17: ("Instagram Comments", "Instagram Comments"),
    18: ("Telegram Post Shares", "Telegram Shares"),
}


@pytest.fixture
def market(emulator: PanelEmulator) -> PanelEmulator:
    """The document's catalogue and services named as panels name them."""
    for number, (name, category) in MARKET.items():
        emulator.services[number] = EmulatedService(
            number, name, "Default", category, Decimal("1.00"), 10, 100000
        )
    return emulator


def found_names(client: BotClient) -> set[str]:
    """The services the last search listed, by the panel's name."""
    return {label.split(" · ")[0] for label in last_buttons(client) if " · " in label}


SEARCHES = [
    ("ru", "просмотры", {"YouTube Views", "TikTok Views", "Telegram Post Views"}),
    ("ru", "Просмотров телеграм", {"Telegram Post Views"}),
    ("ru", "подписчики инстаграм", {"Instagram Followers [Real]"}),
    ("ru", "подписчики телега", {"7-day Join — Telegram Members"}),
    ("ru", "лайки инста", {"Instagram Likes — Fast"}),
    ("ru", "реакции", {"Telegram Post Reactions 👍"}),
    ("ru", "комментарии", {"Instagram Comments"}),
    ("ru", "голоса", {"Poll Votes — Telegram"}),
    ("ru", "репосты тг", {"Telegram Post Shares"}),
    ("ru", "ютуб", {"YouTube Views"}),
    ("ru", "тик ток", {"TikTok Views"}),
    ("ru", "тикток просмотры", {"TikTok Views"}),
    ("uz", "koʻrishlar", {"YouTube Views", "TikTok Views", "Telegram Post Views"}),
    ("uz", "ko'rishlar telegram", {"Telegram Post Views"}),
    ("uz", "obunachilar", {"Instagram Followers [Real]", "7-day Join — Telegram Members"}),
    ("uz", "layklar", {"Instagram Likes — Fast"}),
    ("uz", "reaksiyalar", {"Telegram Post Reactions 👍"}),
    ("uz", "izohlar", {"Instagram Comments"}),
    ("uz", "ovozlar", {"Poll Votes — Telegram"}),
    ("uz", "prosmotr yutub", {"YouTube Views"}),
    ("en", "insta likes", {"Instagram Likes — Fast"}),
    ("en", "tiktok", {"TikTok Views"}),
]


@pytest.mark.parametrize(("language", "words", "expected"), SEARCHES)
async def test_the_markets_words_find_the_panels_names_in_the_chat(
    market: PanelEmulator, make_client: MakeClient, language: str, words: str, expected: set[str]
) -> None:
    customer = make_client(user_id=5151, language_code=language)
    await customer.send(words)
    assert found_names(customer) == expected


@pytest.mark.parametrize(("language", "words", "expected"), SEARCHES[:3] + SEARCHES[12:14])
async def test_the_markets_words_find_the_panels_names_inline(
    market: PanelEmulator, make_client: MakeClient, language: str, words: str, expected: set[str]
) -> None:
    customer = make_client(user_id=5252, language_code=language)
    await customer.send("/start")
    [answer] = results(await customer.inline(words))
    titles = {a.title for a in answer.results if isinstance(a, InlineQueryResultArticle)}
    assert titles == expected


async def test_a_word_of_the_market_is_not_a_word_of_another(
    market: PanelEmulator, make_client: MakeClient
) -> None:
    """Short forms are whole words: "тгк" is not "тг"; a stem does not reach backwards."""
    customer = make_client(user_id=5353, language_code="ru")
    [answer] = texts(await customer.send("тгк"))
    assert answer.startswith("По запросу «тгк» мы ничего не нашли.")
    assert synonyms.meanings("просм") == ()


@pytest.mark.parametrize(
    ("language", "hint"),
    [
        ("ru", "Или напишите слово для поиска, например «подписчики» или «голоса»."),
        ("uz", "Yoki qidirish uchun soʻz yozing, masalan «obunachilar» yoki «ovozlar»."),
        ("en", "Or type a word to search, like “members” or “votes”."),
    ],
)
async def test_hints_are_in_the_customers_language_and_find_something(
    make_client: MakeClient, language: str, hint: str
) -> None:
    customer = make_client(user_id=5454, language_code=language)
    assert texts(await customer.send("/order"))[0].splitlines()[-1] == hint
    words = [part.split("»")[0].split("”")[0] for part in re.split("[«“]", hint)[1:]]
    assert len(words) == 2
    for word in words:
        await customer.send("/cancel")
        await customer.send(word)
        assert len(found_names(customer)) == 1, word


async def test_a_russian_panels_own_words_are_hints_in_russian(
    emulator: PanelEmulator, make_client: MakeClient
) -> None:
    emulator.services.clear()
    emulator.services[7] = EmulatedService(
        7, "Живые подписчики канала", "Default", "Телеграм", Decimal(1), 10, 100
    )
    emulator.services[8] = EmulatedService(
        8, "Просмотры поста", "Default", "Телеграм", Decimal(1), 10, 100
    )
    customer = make_client(user_id=5555, language_code="ru")
    hint = texts(await customer.send("/order"))[0].splitlines()[-1]
    assert hint == "Или напишите слово для поиска, например «живые» или «подписчики»."
