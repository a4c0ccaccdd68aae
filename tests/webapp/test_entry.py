"""The ways into the Mini App from the chat, and none of them without WEBAPP_URL."""

from __future__ import annotations

from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramBadRequest
from aiogram.methods import SetChatMenuButton
from aiogram.types import InlineKeyboardMarkup, MenuButtonWebApp
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.ops.server import public_app
from bot.panel import PanelClient
from bot.settings import Settings, SettingsError, load_settings
from bot.storage import Database
from bot.webapp.entry import set_menu_button
from tests.harness import BotClient
from tests.panel_emulator import PanelEmulator

WEBAPP = "http://127.0.0.1/app/"


def web_apps(markup: Any) -> list[tuple[str, str]]:
    """(label, url) of every button that opens a Mini App."""
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [
        (button.text, button.web_app.url)
        for row in markup.inline_keyboard
        for button in row
        if button.web_app is not None
    ]


async def test_start_offers_the_shop_and_a_service_card_its_page(client: BotClient) -> None:
    await client.send("/start")
    assert web_apps(client.bot_messages()[-1].reply_markup) == [("🛍 Shop", WEBAPP)]
    await client.send("/order")
    await client.click_text("Telegram Members")
    await client.click_text("7-day Join — Telegram Members · 72.00 UZS")
    card = client.bot_messages()[-1]
    assert web_apps(card.reply_markup) == [("🛍 Shop", WEBAPP + "?service=1")]
    # The next question has the conversation's buttons only.
    await client.send("@durov")
    assert web_apps(client.bot_messages()[-1].reply_markup) == []


async def test_the_menu_button_is_set_at_start_up(
    bot: Bot, settings: Settings, translator: Translator
) -> None:
    await set_menu_button(bot, settings, translator)
    sent = [r for r in bot.session.requests if isinstance(r, SetChatMenuButton)]  # type: ignore[attr-defined]
    assert len(sent) == 1
    button = sent[0].menu_button
    assert isinstance(button, MenuButtonWebApp)
    assert (button.text, button.web_app.url) == ("Shop", WEBAPP)
    assert sent[0].chat_id is None  # every private chat


async def test_a_refused_menu_button_does_not_stop_start_up(
    bot: Bot, settings: Settings, translator: Translator
) -> None:
    refusal = TelegramBadRequest(
        method=SetChatMenuButton(), message="Bad Request: WEBAPP_URL_INVALID"
    )
    bot.session.plan(SetChatMenuButton, refusal)  # type: ignore[attr-defined]
    await set_menu_button(bot, settings, translator)  # logged, not raised


@pytest.fixture
def plain_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"webapp_url": None})


async def test_without_webapp_url_there_is_no_mini_app(
    plain_settings: Settings,
    db: Database,
    panel: PanelClient,
    translator: Translator,
    bot: Bot,
) -> None:
    dp: Dispatcher = create_dispatcher(
        settings=plain_settings, db=db, panel=panel, translator=translator
    )
    client = BotClient(dp, bot)
    await client.send("/start")
    assert web_apps(client.bot_messages()[-1].reply_markup) == []
    await set_menu_button(bot, plain_settings, translator)
    assert not [r for r in bot.session.requests if isinstance(r, SetChatMenuButton)]  # type: ignore[attr-defined]
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        assert (await http.get("/app/")).status == 404
        assert (await http.post("/app/api/me")).status == 404
        assert (await http.get("/healthz")).status == 200


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"webapp_url": "http://shop.example/app/", "http_listen": "0.0.0.0:8080"}, "WEBAPP_URL"),
        ({"webapp_url": "https://shop.example/app/"}, "WEBAPP_URL"),  # nothing serves it
    ],
)
def test_webapp_url_must_be_https_and_served(
    emulator: PanelEmulator, changes: dict[str, str], problem: str
) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(
            _env_file=None,
            bot_token="42:abc",
            panel_api_url=emulator.url,
            panel_api_key="k",
            **changes,
        )
    assert any(line.startswith(problem) for line in caught.value.lines), caught.value.lines


def test_webapp_url_with_a_server(emulator: PanelEmulator) -> None:
    settings = load_settings(
        _env_file=None,
        bot_token="42:abc",
        panel_api_url=emulator.url,
        panel_api_key="k",
        webapp_url="https://shop.example/app",
        webhook_url="https://shop.example/tg",
    )
    assert str(settings.webapp_url) == "https://shop.example/app"
