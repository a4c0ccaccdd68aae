"""Keys for the shop's API v2 in the chat (issue 28, point 2): `/api`, `/api new`,
`/api notify`, the admins' `/apikey` and what `/user` says of a key, through the real
Dispatcher."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import TelegramMethod

from bot.i18n import Translator
from bot.settings import Locale, Settings
from bot.storage import ApiKeysRepo, Database
from tests.conftest import ADMIN_ID, MakeClient, settings_with
from tests.harness import BotClient, texts
from tests.panel_emulator import PanelEmulator
from tests.telegram_html import check_html

CUSTOMER = 5200
PUBLIC = "https://shop.example/app/"
ENDPOINT = "https://shop.example/api/v2"
KEY_IN_CODE = re.compile(r"<code>([0-9a-f]{32})</code>")


@pytest.fixture
def settings(tmp_path: Path, emulator: PanelEmulator) -> Settings:
    # The Mini App's public address says where customers reach the API too.
    return settings_with(
        tmp_path, emulator, api_enabled=True, http_listen="127.0.0.1:8081", webapp_url=PUBLIC
    )


@pytest.fixture
def customer(make_client: MakeClient) -> BotClient:
    return make_client(user_id=CUSTOMER)


def only_text(sent: list[TelegramMethod[Any]]) -> str:
    [text] = texts(sent)
    return text


async def made_key(customer: BotClient, command: str = "/api") -> tuple[str, str]:
    """Send `command`; the key it shows in <code> (tapped to copy) and the whole text."""
    text = only_text(await customer.send(command))
    found = KEY_IN_CODE.search(text)
    assert found is not None, text
    return found.group(1), text


async def test_first_api_makes_a_key_shows_it_once_with_the_endpoint_and_a_warning(
    customer: BotClient, db: Database, translator: Translator
) -> None:
    en = translator.texts("en")
    key, text = await made_key(customer)
    assert text == en("api-key-new", key=key, endpoint=ENDPOINT)
    check_html(text)
    assert f"<code>{ENDPOINT}</code>" in text
    assert "stays in the chat's history" in text
    owner = await ApiKeysRepo(db).owner(key)
    assert owner is not None
    assert owner.user_id == CUSTOMER
    assert owner.enabled

    # Afterwards only its last characters: the database cannot give the key back.
    again = only_text(await customer.send("/api"))
    assert key not in again
    assert f"…{key[-4:]}" in again
    assert "not used yet" in again
    assert f"<code>{ENDPOINT}</code>" in again
    assert "/api new" in again
    assert await ApiKeysRepo(db).owner(key) is not None  # showing it again changed nothing


async def test_api_new_replaces_the_key_and_the_old_one_stops_at_once(
    customer: BotClient, db: Database
) -> None:
    keys = ApiKeysRepo(db)
    old, _ = await made_key(customer)
    new, text = await made_key(customer, "/api new")
    assert new != old
    assert text.endswith("The key you had before no longer works.")
    assert await keys.owner(old) is None
    owner = await keys.owner(new)
    assert owner is not None
    assert owner.user_id == CUSTOMER


async def test_api_new_as_the_first_key_says_nothing_of_an_old_one(customer: BotClient) -> None:
    _, text = await made_key(customer, "/api new")
    assert "before" not in text


async def test_last_use_shows_in_api_and_in_user(
    customer: BotClient, admin: BotClient, db: Database
) -> None:
    key, _ = await made_key(customer)
    await ApiKeysRepo(db).touch(CUSTOMER)
    assert "last used " in only_text(await customer.send("/api"))
    card = texts(await admin.send(f"/user {CUSTOMER}"))[0]
    line = next(line for line in card.splitlines() if line.startswith("API key"))
    assert line.startswith(f"API key …{key[-4:]}: on · made ")
    assert "last used never" not in line
    assert line.endswith("news of API orders: yes")


async def test_a_key_an_admin_switched_off_stays_off_and_api_new_makes_none(
    customer: BotClient, admin: BotClient, db: Database
) -> None:
    keys = ApiKeysRepo(db)
    key, _ = await made_key(customer)
    assert texts(await admin.send(f"/apikey {CUSTOMER} off")) == [
        f"🔒 The API key of {CUSTOMER} is off: its requests are refused, and /api new does not"
        f" switch it back on. /apikey {CUSTOMER} on undoes it."
    ]
    off = (
        f"🔒 Your API key (…{key[-4:]}) has been switched off by the shop: requests with it are"
        " refused, and a new key would be off too. Write to /support if you want to know why."
    )
    assert only_text(await customer.send("/api")) == off
    assert only_text(await customer.send("/api new")) == off
    owner = await keys.owner(key)  # still the same key, still off
    assert owner is not None
    assert not owner.enabled
    assert owner.switched_by == ADMIN_ID
    card = texts(await admin.send(f"/user {CUSTOMER}"))[0]
    assert f"API key …{key[-4:]}: off (by {ADMIN_ID}, " in card
    assert "last used never" in card

    assert texts(await admin.send(f"/apikey {CUSTOMER} on")) == [
        f"🔓 The API key of {CUSTOMER} is on again."
    ]
    assert f"…{key[-4:]}" in only_text(await customer.send("/api"))
    owner = await keys.owner(key)
    assert owner is not None
    assert owner.enabled


async def test_user_says_when_a_customer_has_no_key(customer: BotClient, admin: BotClient) -> None:
    await customer.send("/start")
    card = texts(await admin.send(f"/user {CUSTOMER}"))[0]
    assert "API key: none" in card.splitlines()


@pytest.mark.parametrize("args", ["", "5200", "5200 maybe", "abc off", "5200 off now", "-1 off"])
async def test_bad_apikey_gets_the_usage(admin: BotClient, args: str) -> None:
    assert texts(await admin.send(f"/apikey {args}")) == [
        "Usage: /apikey USER_ID on|off, for example /apikey 123456789 off"
    ]


async def test_apikey_for_a_customer_without_a_key(admin: BotClient, db: Database) -> None:
    assert texts(await admin.send(f"/apikey {CUSTOMER} off")) == [f"{CUSTOMER} has no API key."]
    assert await ApiKeysRepo(db).get(CUSTOMER) is None


async def test_apikey_from_a_customer_is_an_unknown_command(
    customer: BotClient, db: Database
) -> None:
    key, _ = await made_key(customer)
    assert texts(await customer.send(f"/apikey {CUSTOMER} off")) == [
        "We don't know that command. Send /help to see what you can do here."
    ]
    owner = await ApiKeysRepo(db).owner(key)
    assert owner is not None
    assert owner.enabled


async def test_notifications_of_api_orders_turn_off_and_on(
    customer: BotClient, db: Database
) -> None:
    keys = ApiKeysRepo(db)
    assert only_text(await customer.send("/api notify off")) == (
        "You have no API key yet: send /api to make one."
    )
    assert await keys.get(CUSTOMER) is None
    await made_key(customer)
    assert "🔕 Done" in only_text(await customer.send("/api notify off"))
    key = await keys.get(CUSTOMER)
    assert key is not None
    assert not key.notify
    assert "/api notify on" in only_text(await customer.send("/api"))
    assert "🔔 Done" in only_text(await customer.send("/api NOTIFY ON"))
    key = await keys.get(CUSTOMER)
    assert key is not None
    assert key.notify


@pytest.mark.parametrize("args", ["old", "notify", "notify maybe", "new now", "１"])
async def test_other_api_words_get_the_usage_and_make_no_key(
    customer: BotClient, db: Database, args: str
) -> None:
    assert only_text(await customer.send(f"/api {args}")).startswith("/api — your API key")
    assert await ApiKeysRepo(db).get(CUSTOMER) is None


async def test_api_in_a_group_shows_no_key(make_client: MakeClient, db: Database) -> None:
    group = make_client(user_id=CUSTOMER, chat_id=-100123, chat_type="supergroup")
    assert texts(await group.send("/api")) == ["This works in a private chat with the bot only."]
    assert texts(await group.send("/api new")) == [
        "This works in a private chat with the bot only."
    ]
    assert await ApiKeysRepo(db).get(CUSTOMER) is None


async def test_russian_and_uzbek_customers_read_it_in_their_language(
    make_client: MakeClient, translator: Translator
) -> None:
    languages: tuple[tuple[int, Locale], ...] = ((5301, "ru"), (5302, "uz"))
    for user_id, language in languages:
        t = translator.texts(language)
        client = make_client(user_id=user_id, language_code=language)
        key, text = await made_key(client)
        assert text == t("api-key-new", key=key, endpoint=ENDPOINT)


async def test_help_lists_api_when_the_api_is_on(customer: BotClient, admin: BotClient) -> None:
    line = "/api — your API key, to order from your own panel or bot"
    assert line in texts(await customer.send("/help"))[0].splitlines()
    assert line in texts(await admin.send("/help"))[0].splitlines()


class TestApiOff:
    @pytest.fixture
    def settings(self, tmp_path: Path, emulator: PanelEmulator) -> Settings:
        return settings_with(tmp_path, emulator)

    async def test_api_says_so_and_makes_no_key(self, customer: BotClient, db: Database) -> None:
        for command in ("/api", "/api new", "/api notify off"):
            assert texts(await customer.send(command)) == ["This shop does not offer an API."]
        assert await ApiKeysRepo(db).get(CUSTOMER) is None

    async def test_help_does_not_list_api(self, customer: BotClient) -> None:
        assert "/api" not in texts(await customer.send("/help"))[0]


class TestEndpoint:
    """Where `/api` says the API is: the Mini App's public origin, else the webhook's when
    that server is the one serving it, else HTTP_LISTEN's host:port."""

    @pytest.mark.parametrize(
        ("overrides", "endpoint"),
        [
            (
                {"http_listen": "127.0.0.1:8081", "webapp_url": PUBLIC},
                ENDPOINT,
            ),
            ({"http_listen": "127.0.0.1:8081"}, "http://127.0.0.1:8081/api/v2"),
            (
                {"webhook_url": "https://bot.example:8443/tg"},
                "https://bot.example:8443/api/v2",
            ),
            (
                {"webhook_url": "https://bot.example/tg", "http_listen": "127.0.0.1:8081"},
                "http://127.0.0.1:8081/api/v2",
            ),
        ],
    )
    def test_endpoint(
        self, tmp_path: Path, emulator: PanelEmulator, overrides: dict[str, str], endpoint: str
    ) -> None:
        assert settings_with(tmp_path, emulator, **overrides).api_endpoint == endpoint
