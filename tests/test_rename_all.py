"""`/renameall`: a category and its services renamed in one language at once (issue 30,
point 7), from the panel's names, so sending it again gives the same names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.catalogue.renaming import parse_replacements, renamed
from tests.conftest import MakeClient
from tests.harness import BotClient, last_buttons, texts
from tests.panel_emulator import EmulatedService, PanelEmulator

COMMAND = (
    "/renameall telegram members | ru | Подписчики Telegram"
    " | 7-day Join = 7 дней; 30-day Join = 30 дней; [No refill] ="
)


@pytest.fixture
def members(emulator: PanelEmulator) -> PanelEmulator:
    for number, name in (
        (21, "30-day Join — Telegram Members"),
        (22, "Telegram Members [No refill]"),
        (23, "Premium Members"),
    ):
        emulator.services[number] = EmulatedService(
            number, name, "Default", "Telegram Members", Decimal(1), 10, 1000
        )
    return emulator


async def test_a_category_and_its_services_are_renamed_at_once(
    members: PanelEmulator, admin: BotClient, make_client: MakeClient
) -> None:
    [answer] = texts(await admin.send(COMMAND))
    assert answer == (
        "Telegram Members in Russian: “Подписчики Telegram”; 3 of 4 services renamed.\n"
        "#1 7 дней — Подписчики Telegram\n"
        "#21 30 дней — Подписчики Telegram\n"
        "#22 Подписчики Telegram"
    )
    # Again: the same names, made from the panel's, not "Подписчики Подписчики".
    assert texts(await admin.send(COMMAND)) == [answer]

    ru = make_client(user_id=6161, language_code="ru")
    await ru.send("/order")
    assert last_buttons(ru)[:2] == ["Подписчики Telegram", "Telegram Votes"]
    await ru.click_text("Подписчики Telegram")
    assert [label.split(" · ")[0] for label in last_buttons(ru)[:4]] == [
        "7 дней — Подписчики Telegram",
        "30 дней — Подписчики Telegram",
        "Подписчики Telegram",
        "Premium Members",
    ]
    # Other languages keep the panel's names.
    en = make_client(user_id=6262)
    await en.send("/order")
    assert last_buttons(en)[0] == "Telegram Members"

    [cleared] = texts(await admin.send("/renameall Telegram Members | ru | -"))
    assert cleared == "Telegram Members and its 4 services in Russian: the panel's names again."
    await ru.send("/order")
    assert last_buttons(ru)[0] == "Telegram Members"


@pytest.mark.parametrize(
    ("command", "answer"),
    [
        ("/renameall", "Send /renameall with a category name"),
        ("/renameall Telegram Members | ru", "Send /renameall with a category name"),
        ("/renameall 1 | ru | Подписчики", "Send /renameall with a category name"),
        ("/renameall Telegram Members | de | Mitglieder", "The language must be en, ru or uz."),
        ("/renameall Telegram Members | ru | Подписчики | Join", "Write the replacements as"),
        ("/renameall Nothing Like It | ru | Ничего", "There is no service #Nothing Like It"),
    ],
)
async def test_a_wrong_renameall_says_why_and_changes_nothing(
    admin: BotClient, make_client: MakeClient, command: str, answer: str
) -> None:
    [said] = texts(await admin.send(command))
    assert said.startswith(answer)
    ru = make_client(user_id=6363, language_code="ru")
    await ru.send("/order")
    assert last_buttons(ru)[0] == "Telegram Members"


def test_replacements_are_read_and_made_in_any_case() -> None:
    assert parse_replacements(" Join = Вступление ;day=дн. ; ") == [
        ("Join", "Вступление"),
        ("day", "дн."),
    ]
    assert parse_replacements("Join") is None
    assert parse_replacements(" = x") is None
    assert parse_replacements(";".join(["a = b"] * 21)) is None
    assert renamed("TELEGRAM members | Fast", [("telegram members", r"Подписчики \1")]) == (
        r"Подписчики \1 | Fast"
    )
    assert renamed("Views — Telegram [No refill]", [("[no refill]", "")]) == "Views — Telegram"
