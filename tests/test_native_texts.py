"""The native read of the Russian and Uzbek texts (issue 30, point 15): each item of the
list, as a customer or admin meets it, and the rules the Uzbek files keep throughout."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest
from aiogram.types import InlineQueryResultArticle

from bot.formats import Money, money
from bot.i18n import LOCALES_DIR, Translator
from bot.telegram.callbacks import OrderNavCb
from tests.conftest import ADMIN_ID, MakeClient, fund
from tests.harness import BotClient, results, texts
from tests.panel_emulator import EmulatedService, PanelEmulator
from tests.test_order_flow import to_service

NBSP = "\N{NO-BREAK SPACE}"
UZ_FILES = sorted(Path(LOCALES_DIR, "uz").glob("*.ftl"))


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("uz", "Avval buni oʻtkazib yuborgansiz. Javob yuboring yoki «Shu qolsin»ni bosing."),
        ("ru", "В прошлый раз вы это пропустили. Отправьте ответ или оставьте пропущенным."),
        ("en", "You skipped this before. Send an answer now, or keep it skipped."),
    ],
)
async def test_a_skipped_step_asked_again_says_so_in_a_sentence(
    make_client: MakeClient, db, emulator: PanelEmulator, language: str, said: str
) -> None:
    emulator.services[20] = EmulatedService(
        20, "Drip Views", "Default", "Views", Decimal(1), 10, 1000, dripfeed=True
    )
    customer = make_client(user_id=8181, language_code=language)
    await fund(db, 8181, "10")
    await to_service(customer, "Views", "Drip Views")
    await customer.send("https://t.me/durov/1")
    await customer.send("100")
    await customer.click(OrderNavCb(action="skip"))
    question = texts(await customer.click(OrderNavCb(action="back")))[-1]
    assert question.endswith(said)
    assert " ta." not in question
    assert "skipped." not in question.replace(said, "")


async def test_uzbek_page_counters_read_n_of_m(make_client: MakeClient) -> None:
    uz = make_client(user_id=8282, language_code="uz")
    assert texts(await uz.send("/order"))[0].startswith(
        "<b>Yangi buyurtma</b>\nBoʻlimni tanlang (1/1-sahifa):"
    )
    for path in UZ_FILES:
        assert "tadan { $page }" not in path.read_text(encoding="utf-8"), path


async def test_an_inline_word_is_not_called_an_order_number(make_client: MakeClient) -> None:
    ru = make_client(user_id=8383, language_code="ru")
    await ru.send("/start")
    [word] = results(await ru.inline("zzz"))
    assert word.button is not None
    assert word.button.text == "По запросу «zzz» ничего не нашли: откройте бота"
    [number] = results(await ru.inline("99999"))
    assert number.button is not None
    assert number.button.text == "Нет вашего заказа с номером 99999"
    # A word that names services still lists them.
    [found] = results(await ru.inline("голоса"))
    assert [a.title for a in found.results if isinstance(a, InlineQueryResultArticle)] == [
        "Poll Votes — Telegram"
    ]


@pytest.mark.parametrize(
    ("language", "answer"),
    [
        ("ru", "#1 7-day Join — Telegram Members на русском: «Подписчики»."),
        ("en", "#1 7-day Join — Telegram Members in Russian: “Подписчики”."),
        ("uz", "#1 7-day Join — Telegram Members, rus tilida: «Подписчики»."),
    ],
)
async def test_a_language_is_named_not_coded(
    make_client: MakeClient, language: str, answer: str
) -> None:
    admin = make_client(user_id=ADMIN_ID, language_code=language)
    await admin.send(f"/language {language}")
    assert texts(await admin.send("/rename 1 | ru | Подписчики"))[-1] == answer


def test_uzbek_writes_dollars_and_roubles_as_people_do() -> None:
    amount = Decimal("1234.5")
    assert money(Money(amount, 2, "USD"), "uz") == f"1{NBSP}234,50{NBSP}$"
    assert money(Money(amount, 2, "RUB"), "uz") == f"1{NBSP}234,50{NBSP}rubl"
    assert money(Money(amount, 0, "UZS"), "uz") == f"1{NBSP}234{NBSP}soʻm"
    assert money(Money(amount, 2, "USD"), "en") == "$1,234.50"


def test_russian_admin_texts(translator: Translator) -> None:
    t = translator.texts("ru")
    assert t("admin-user-ledger", count=21) == "<b>Движение средств</b>, последние 21 запись:"
    assert t("admin-user-ledger", count=1) == "<b>Движение средств</b>, последняя запись:"
    assert t("admin-user-ledger", count=5) == "<b>Движение средств</b>, последние 5 записей:"
    debit = t("admin-debit-short", user="Ann", balance="1", amount="2")
    assert debit == "Не списано: у Ann только 1, меньше, чем 2."
    assert t("broadcast-off") == "🔕 Отписаться от рассылки"
    ticket = t(
        "ticket-order",
        order="1",
        panel="2",
        service="S",
        link="L",
        quantity=3,
        charge="4",
        status="x",
    )
    assert "списано 4" in ticket
    assert "к оплате" not in ticket


def test_uzbek_files_keep_the_glossary() -> None:
    # A case ending written apart after an amount ("1 234 soʻm dan"), a name or a date.
    detached = re.compile(
        r"\{ \$(amount|balance|threshold|expected|charge|charged|price|total|missing|refund|rate"
        r"|user|customer|contact|since) \} ?(dan|ga|da|ni|ning|gacha)\b"
    )
    for path in UZ_FILES:
        text = path.read_text(encoding="utf-8")
        messages = [line for line in text.splitlines() if not line.startswith("#")]
        # Fluent's own string literals ({" "}) are no quotation.
        body = re.sub(r'\{\s*"[^"]*"\s*\}', "", "\n".join(messages))
        assert not detached.search(body), (path, detached.search(body))
        assert "qayta toʻldir" not in body.lower(), path  # reads as a second top-up
        # One quotation style: « ».
        assert not re.search("[“”]", body), path
        assert not re.search(r'"[^"{}\n]+"', body), path
        assert "miqdordagi yulduz" not in body, path


async def test_uzbek_refill_is_tiklash(client: BotClient, translator: Translator) -> None:
    t = translator.texts("uz")
    assert t("order-refill") == "🔁 Tiklash"
    assert t("notify-refill-done", number="7", service="S") == "✅ #7 buyurtmangiz (S) tiklandi."
