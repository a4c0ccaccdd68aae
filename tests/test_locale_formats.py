"""Real replies in each language: amounts with the currency's local name and the language's
decimal mark and grouping, times in the shop's time zone, and searches that ignore which
apostrophe was typed and the case of Cyrillic letters."""

from __future__ import annotations

from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from aiogram import Dispatcher

from bot.app import create_dispatcher
from bot.i18n import Translator
from bot.panel import PanelClient
from bot.settings import Settings
from bot.storage import Database, OrdersRepo
from bot.telegram.callbacks import OrderCb
from tests.conftest import MakeClient, fund
from tests.harness import BotClient, last_buttons, texts
from tests.panel_emulator import EmulatedService, PanelEmulator

MEMBERS = "7-day Join — Telegram Members"
NBSP = "\u00a0"


@pytest.fixture
def dp(settings: Settings, db: Database, panel: PanelClient) -> Dispatcher:
    """A shop in Tashkent (UTC+5)."""
    local = settings.model_copy(update={"shop_timezone": "Asia/Tashkent"})
    translator = Translator(zone=ZoneInfo("Asia/Tashkent"))
    return create_dispatcher(settings=local, db=db, panel=panel, translator=translator)


async def order_members(client: BotClient) -> list[str]:
    """New order, Telegram Members, @durov, 100, Confirm: every text the bot sent."""
    shown = texts(await client.send("/order"))
    shown += texts(await client.click_text("Telegram Members"))
    [label] = [b for b in last_buttons(client) if b.startswith(MEMBERS)]
    shown += [label]
    shown += texts(await client.click_text(label))
    shown += texts(await client.send("@durov"))
    shown += texts(await client.send("100"))
    [confirm] = [b for b in last_buttons(client) if b.startswith("✅")]
    shown += texts(await client.click_text(confirm))
    return shown


@pytest.mark.parametrize(
    ("language", "som", "price", "bounds", "summary", "balance"),
    [
        (
            "ru",
            "сум",
            "72,00 сум",
            "от 10 до 100 000",
            "К оплате: <b>7,20 сум</b>",
            "Ваш баланс: <b>2 002,80 сум</b>",
        ),
        (
            "uz",
            "soʻm",
            "72,00 soʻm",
            "10 tadan 100 000 tagacha",
            "<b>7,20 soʻm</b>",
            "<b>2 002,80 soʻm</b>",
        ),
    ],
)
async def test_a_customer_sees_money_and_numbers_in_their_language(
    make_client: MakeClient,
    db: Database,
    language: str,
    som: str,
    price: str,
    bounds: str,
    summary: str,
    balance: str,
) -> None:
    client = make_client(language_code=language)
    await fund(db, client.user.id, "2010")
    shown = "\n".join(await order_members(client)).replace(NBSP, " ")
    assert f"{MEMBERS} · {price}" in shown  # the service's button
    assert bounds in shown  # the quantity asked for, grouped
    assert summary in shown
    assert "2 010,00 " + som in shown  # the balance before, grouped
    assert "UZS" not in shown
    assert "7.20" not in shown
    [reply] = texts(await client.send("/balance"))
    assert balance in reply.replace(NBSP, " ")


@pytest.mark.parametrize(
    ("language", "placed", "charge"),
    [
        ("ru", "Оформлен: 3 янв. 2026\u202fг., 03:30\n", "Сумма: 7,20 сум"),
        ("uz", "Berilgan: 3-yan, 2026, 03:30\n", "Summa: 7,20 soʻm"),
        ("en", "Placed: Jan 3, 2026, 3:30\u202fAM\n", "Charge: 7.20 UZS"),
    ],
)
async def test_the_order_card_shows_local_time_and_local_money(
    make_client: MakeClient, db: Database, language: str, placed: str, charge: str
) -> None:
    client = make_client(language_code=language)
    await fund(db, client.user.id, "10")
    await order_members(client)
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    async with db.transaction() as tx:  # placed late in the evening, UTC
        await tx.execute(
            "UPDATE orders SET created_at = '2026-01-02T22:30:00.000000Z' WHERE id = ?",
            (order.id,),
        )
    await client.send("/orders")
    sent = await client.click(OrderCb(action="view", id=order.id, page=0))
    card = texts(sent)[-1].replace(NBSP, " ")
    assert placed in card  # already 3 January in Tashkent
    assert charge in card


async def test_an_uzbek_customer_is_told_a_refund_in_soum(
    make_client: MakeClient, db: Database, dp: Dispatcher, emulator: PanelEmulator, bot
) -> None:
    client = make_client(language_code="uz")
    await fund(db, client.user.id, "10")
    await order_members(client)
    [order] = await OrdersRepo(db).list_for_user(client.user.id, 10)
    emulator.set_status(order.panel_order_id or "", "Canceled")
    await dp["sweeper"].run_once(bot)
    before = len(bot.session.requests)
    await dp["outbox_sender"].run_once(bot)
    [told] = texts(bot.session.requests[before:])
    assert "7,20 soʻm" in told.replace(NBSP, " ")


async def test_an_admin_sees_panel_amounts_and_dates_in_their_language(
    make_client: MakeClient, db: Database
) -> None:
    admin = make_client(user_id=9001, language_code="ru", first_name="Boss")
    [text] = texts(await admin.send("/balance"))
    assert "UZS" not in text
    assert "сум" in text
    customer = make_client(user_id=6200, language_code="uz", first_name="Oʻktam")
    await customer.send("/start")
    [user] = texts(await admin.send("/user 6200"))
    assert "2026\u202fг." in user  # since when, as a Russian date


@pytest.mark.parametrize(
    ("panel_name", "typed"),
    [
        ("Oʻzbek kanal obunachilari", "o'zbek"),
        ("Oʻzbek kanal obunachilari", "O`ZBEK"),
        ("O'zbek kanal obunachilari", "oʻzbek"),
        ("O’zbek kanal obunachilari", "oʼzbek kanal"),
        ("Подписчики ЁЛКА", "ёлка"),
    ],
)
async def test_search_ignores_apostrophe_look_alikes_and_case(
    client: BotClient, emulator: PanelEmulator, panel_name: str, typed: str
) -> None:
    emulator.services[9] = EmulatedService(
        9, panel_name, "Default", "Telegram Members", Decimal(1), 10, 1000
    )
    await client.send("/order")
    await client.send(typed)
    assert last_buttons(client)[0].startswith(panel_name), typed


async def test_an_admin_finds_customers_whatever_apostrophe_or_case(
    make_client: MakeClient,
) -> None:
    admin = make_client(user_id=9001, first_name="Boss")
    for user_id, name in [(6301, "Oʻktam"), (6302, "Иван"), (6303, "Alice")]:
        await make_client(user_id=user_id, first_name=name).send("/start")
    for typed, found in [("o'ktam", "Oʻktam"), ("OʼKTAM", "Oʻktam"), ("ИВАН", "Иван")]:
        [text] = texts(await admin.send(f"/users {typed}"))
        assert text.splitlines()[0].endswith(": 1 (page 1 of 1)"), (typed, text)
        assert text.splitlines()[1].startswith(found), (typed, text)
