"""The /start greeting: SHOP_NAME and the catalogue's own categories, or the admins' own
text per language (`/greeting`); issue 16, point 10."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.app import create_dispatcher
from bot.greeting import GREETING_LIMIT
from bot.storage.greetings import GreetingsRepo
from tests.harness import BotClient, texts
from tests.panel_emulator import EmulatedService, FaultKind

HOW = "Choose a service, pay from your balance, and we tell you when your order is done."


async def greeting_of(client: BotClient) -> str:
    # The bot loads the catalogue at start-up; a test's Dispatcher has not.
    await client.dp["catalogue"].current()
    return texts(await client.send("/start"))[0]


async def test_the_greeting_says_what_the_catalogue_sells(client: BotClient) -> None:
    assert await greeting_of(client) == (
        f"Hello, <b>Alice</b>!\nWe sell Telegram Members, Telegram Votes.\n{HOW}"
    )


async def test_the_greeting_names_the_shop_escaped(settings, db, panel, translator, bot) -> None:
    named = settings.model_copy(update={"shop_name": "Stars & <Likes>"})
    client = BotClient(
        create_dispatcher(settings=named, db=db, panel=panel, translator=translator),
        bot,
        language_code="ru",
    )
    text = await greeting_of(client)
    assert "Добро пожаловать в <b>Stars &amp; &lt;Likes&gt;</b>." in text
    assert "У нас есть: Telegram Members, Telegram Votes." in text


async def test_many_categories_are_summed_up(client: BotClient, emulator) -> None:
    for n, name in enumerate(["Instagram Likes", "YouTube Views", "TikTok Fans"], start=50):
        emulator.services[n] = EmulatedService(n, name, "Default", name, Decimal(1), 10, 1000)
    text = await greeting_of(client)
    assert "We sell Telegram Members, Telegram Votes, Instagram Likes and more." in text


async def test_the_categories_are_named_in_the_customers_language(
    client: BotClient, admin: BotClient, make_client
) -> None:
    await admin.send("/rename Telegram Members | uz | Telegram obunachilari")
    uz = make_client(user_id=4242, language_code="uz")
    assert "Bizda bor: Telegram obunachilari, Telegram Votes." in await greeting_of(uz)
    assert "We sell Telegram Members, Telegram Votes." in await greeting_of(client)


async def test_no_catalogue_no_list_but_a_greeting(client: BotClient, emulator) -> None:
    # The panel hangs: /start does not wait for it.
    emulator.fault(FaultKind.HANG, action="services")
    sent = texts(await client.send("/start"))
    assert emulator.calls("services") == []
    assert sent[0] == f"Hello, <b>Alice</b>!\n{HOW}"
    assert sent[-1] == "Choose what to do:"


async def test_an_admin_sets_shows_and_resets_a_greeting(admin: BotClient, make_client, db) -> None:
    ru = make_client(user_id=5151, language_code="ru")
    en = make_client(user_id=5252, language_code="en")
    saved = texts(await admin.send("/greeting ru | Привет! Скидки <b>каждый</b> день & ночь"))
    assert saved == [
        "✅ Greeting in Russian saved. Customers see:\n\n"
        "Привет! Скидки &lt;b&gt;каждый&lt;/b&gt; день &amp; ночь"
    ]
    assert await greeting_of(ru) == "Привет! Скидки &lt;b&gt;каждый&lt;/b&gt; день &amp; ночь"
    assert (await greeting_of(en)).startswith("Hello, <b>Alice</b>!")  # other languages keep theirs
    shown = texts(await admin.send("/greeting ru"))[0]
    assert shown.startswith("Greeting in Russian, written by admins")
    assert shown.endswith("Привет! Скидки &lt;b&gt;каждый&lt;/b&gt; день &amp; ночь")
    assert "Languages with a greeting of their own: ru" in texts(await admin.send("/greeting"))[0]

    assert texts(await admin.send("/greeting ru -")) == [
        "The greeting in Russian is composed again from SHOP_NAME and the catalogue."
    ]
    assert (await greeting_of(ru)).startswith("Здравствуйте, <b>Alice</b>!")
    assert texts(await admin.send("/greeting ru -")) == [
        "There is no greeting of your own in Russian: it is composed already."
    ]
    assert await GreetingsRepo(db).get("ru") is None


async def test_the_issues_spelling_and_a_bar_reset_work_too(admin: BotClient, db) -> None:
    await admin.send("/greeting | uz | Xush kelibsiz!")
    assert await GreetingsRepo(db).get("uz") == "Xush kelibsiz!"
    await admin.send("/greeting UZ | -")
    assert await GreetingsRepo(db).get("uz") is None


@pytest.mark.parametrize(
    ("command", "starts"),
    [
        ("/greeting de | Hallo", "Which language?"),
        ("/greeting 🙂", "Which language?"),
        ("/greeting ru |", "<b>The /start greeting</b>"),
        ("/greeting ru Привет без черты", "<b>The /start greeting</b>"),
        ("/greeting ru | " + "x" * (GREETING_LIMIT + 1), "That greeting is 1,001 characters"),
    ],
)
async def test_bad_greetings_are_refused_and_change_nothing(
    admin: BotClient, db, command, starts
) -> None:
    [answer] = texts(await admin.send(command))
    assert answer.startswith(starts)
    assert [await GreetingsRepo(db).get(code) for code in ("en", "ru", "uz")] == [None] * 3


async def test_customers_cannot_set_a_greeting(client: BotClient, db) -> None:
    assert texts(await client.send("/greeting ru | pwned")) == [
        "We don't know that command. Send /help to see what you can do here."
    ]
    assert await GreetingsRepo(db).get("ru") is None


async def test_admin_help_lists_greeting(admin: BotClient, client: BotClient) -> None:
    assert "/greeting — the /start greeting per language" in texts(await admin.send("/help"))[0]
    assert "/greeting" not in texts(await client.send("/help"))[0]
