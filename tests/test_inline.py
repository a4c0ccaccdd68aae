"""Inline lookups: `@bot 23501` in any chat, the asker's own orders only."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerInlineQuery
from aiogram.types import InlineQueryResultArticle, InputTextMessageContent

from bot.validation import is_private_invite
from tests.conftest import MakeClient
from tests.harness import BotClient
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator
from tests.telegram_html import check_html

ALICE, BOB = 7001, 7002


def answer_of(sent) -> AnswerInlineQuery:
    [answer] = [request for request in sent if isinstance(request, AnswerInlineQuery)]
    assert answer.is_personal is True
    assert answer.cache_time is not None
    assert answer.cache_time <= 10
    return answer


def articles(answer: AnswerInlineQuery) -> list[InlineQueryResultArticle]:
    out = []
    for result in answer.results:
        assert isinstance(result, InlineQueryResultArticle)
        out.append(result)
    return out


def card(article: InlineQueryResultArticle) -> str:
    content = article.input_message_content
    assert isinstance(content, InputTextMessageContent)
    check_html(content.message_text)  # as strict as Telegram: the card must parse
    return content.message_text


@pytest.fixture
async def alice(make_client: MakeClient) -> BotClient:
    client = make_client(user_id=ALICE)
    await client.send("/start")
    return client


async def test_someone_who_never_started_gets_the_way_in(make_client: MakeClient) -> None:
    answer = answer_of(await make_client(user_id=7999).inline("23501"))
    assert answer.results == []
    assert answer.button is not None
    assert answer.button.start_parameter == "inline"
    assert answer.button.text == "Open the bot to place and follow orders"


async def test_a_number_finds_the_askers_order_card(
    alice: BotClient, db, emulator: PanelEmulator
) -> None:
    order = await place(db, emulator, user_id=ALICE)
    [article] = articles(answer_of(await alice.inline("23501")))
    assert article.title == "#1 · pending"  # found by the panel's number, shown by the shop's
    text = card(article)
    assert "<b>Order #1</b>" in text
    assert "Link: https://t.me/example" in text
    assert "Quantity: 100" in text
    assert "Charge: 12.00" in text
    # by a prefix, and by the shop's own number
    assert [a.id for a in articles(answer_of(await alice.inline("235")))] == [f"order-{order.id}"]
    assert [a.id for a in articles(answer_of(await alice.inline(f"#{order.id}")))] == [
        f"order-{order.id}"
    ]
    assert emulator.calls("status") == []  # served from SQLite, never waiting on the panel


async def test_another_users_order_is_never_shown(
    alice: BotClient, make_client: MakeClient, db, emulator: PanelEmulator
) -> None:
    await place(db, emulator, user_id=BOB)  # panel order 23501 is Bob's
    answer = answer_of(await alice.inline("23501"))
    assert answer.results == []
    assert answer.button is not None
    assert answer.button.text == "No order of yours matches 23501"
    assert answer_of(await alice.inline("")).results == []


async def test_an_empty_query_lists_the_ten_latest(
    alice: BotClient, db, emulator: PanelEmulator
) -> None:
    placed = [await place(db, emulator, user_id=ALICE) for _ in range(12)]
    found = articles(answer_of(await alice.inline("")))
    assert [a.id for a in found] == [f"order-{o.id}" for o in reversed(placed)][:10]


@pytest.mark.parametrize(
    "link",
    [
        "https://t.me/+AbCdEfGh123",
        "https://t.me/joinchat/AAAAAE",
        "https://telegram.me/joinchat/AAAAAE",
        "https://t.me/%2BAbCdEf",
    ],
)
async def test_private_invite_links_never_reach_a_group(
    alice: BotClient, db, emulator: PanelEmulator, link
) -> None:
    assert is_private_invite(link)
    await place(db, emulator, user_id=ALICE, link=link)
    text = card(articles(answer_of(await alice.inline("23501")))[0])
    assert "🔒 private invite link (hidden)" in text
    assert "joinchat" not in text
    assert "t.me/+" not in text
    assert "%2B" not in text


def test_public_links_are_not_private() -> None:
    for link in ("https://t.me/channel", "https://t.me/channel/12", "https://t.me/c/123/4"):
        assert not is_private_invite(link)


async def test_cards_are_valid_html_whatever_the_names(
    alice: BotClient, db, emulator: PanelEmulator
) -> None:
    await place(db, emulator, user_id=ALICE, service_name='Views <b>&</b> "likes"')
    text = card(articles(answer_of(await alice.inline("23501")))[0])
    assert "Views &lt;b&gt;&amp;&lt;/b&gt; &quot;likes&quot;" in text


async def test_the_askers_language_applies(make_client: MakeClient, db, emulator) -> None:
    ivan = make_client(user_id=ALICE, language_code="ru")
    await ivan.send("/start")
    await place(db, emulator, user_id=ALICE)
    [article] = articles(answer_of(await ivan.inline("23501")))
    assert article.title.startswith("#1 · ")
    assert "Заказ" in card(article)


@pytest.mark.parametrize("query", ["%", "_", "2350%", "' OR 1=1 --", "x" * 300, "２３５０１"])
async def test_odd_queries_find_nothing_and_break_nothing(
    alice: BotClient, db, emulator: PanelEmulator, query
) -> None:
    await place(db, emulator, user_id=ALICE)
    answer = answer_of(await alice.inline(query))
    assert answer.results == []


async def test_plain_text_places_are_not_html_escaped(alice: BotClient) -> None:
    answer = answer_of(await alice.inline("a&b<c>"))
    assert answer.button is not None
    assert answer.button.text == "Nothing found for “a&b<c>”: open the bot"


async def test_help_tells_how_to_look_orders_up_inline(alice: BotClient) -> None:
    from tests.harness import texts

    [text] = texts(await alice.send("/help"))
    assert text.endswith("type <code>@shop_test_bot 23501</code> with your order's number.")
