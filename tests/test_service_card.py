"""The service's card before the first question (issue 16, point 6), through the real
Dispatcher: its number, price, limits, refill guarantee, the average completion time of the
shop's own orders and the description; and how an order's finishing time is kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import timedelta
from pathlib import Path

import pytest
from aiogram import Bot, Dispatcher

from bot.i18n import Translator
from bot.orders import timing
from bot.storage import Database, OrdersRepo
from bot.storage.db import utcnow
from bot.storage.migrations import MIGRATIONS, statements
from tests.harness import BotClient, texts
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator
from tests.test_order_flow import MEMBERS, to_service


async def card(client: BotClient) -> str:
    """The card of the Members service, as choosing it in the catalogue shows it."""
    await to_service(client, "Telegram Members", MEMBERS)
    return texts(client.session.requests[-1:])[-1]


async def finished(db: Database, emulator: PanelEmulator, status: str, took: timedelta) -> int:
    """An order of service 1 that ended with `status` having taken `took`, a second after
    the order placed before it (the latest placed is the latest finished)."""
    order = await place(db, emulator)
    ago = 1000.0 - order.id
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE orders SET status = ?, created_at = ?, finished_at = ? WHERE id = ?",
            (status, utcnow(-ago - took.total_seconds()), utcnow(-ago), order.id),
        )
    return order.id


async def test_the_card_shows_number_price_limits_and_refill(client: BotClient) -> None:
    text = await card(client)
    assert text.startswith(
        f"<b>{MEMBERS}</b>\n"
        "Price: 72.00 UZS per 1000\n"
        "Quantity: from 10 to 100,000\n"
        "Can be canceled while it runs.\n"
        "Service number: 1\n"
        "Refill guarantee: none\n\n"
    )
    assert "Average time" not in text  # no completed orders yet
    assert text.endswith("Send the link to the channel, group or post: https://t.me/… or @name.")


async def test_the_refill_guarantee_follows_the_panels_flag(
    make_client, emulator: PanelEmulator
) -> None:
    emulator.services[1].refill = True
    assert "\n♻️ Refill guarantee: yes\n" in await card(make_client())
    ru = await card(make_client(user_id=1002, language_code="ru"))
    assert "\nНомер услуги: 1\n♻️ Гарантия восстановления: есть\n" in ru
    uz = await card(make_client(user_id=1003, language_code="uz"))
    assert "\nXizmat raqami: 1\n♻️ Tiklash kafolati: bor\n" in uz


async def test_the_average_shows_from_three_completed_orders(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    # Orders that did not complete say nothing about how long delivery takes.
    await finished(db, emulator, "Partial", timedelta(minutes=1))
    await finished(db, emulator, "Canceled", timedelta(minutes=1))
    await finished(db, emulator, "Completed", timedelta(hours=2))
    await finished(db, emulator, "Completed", timedelta(hours=2, minutes=20))
    assert "Average time" not in await card(client)

    await finished(db, emulator, "Completed", timedelta(hours=2, minutes=10))
    assert ("\n⏱ Average time: about 2 h 10 min (our last 3 completed orders)\n") in await card(
        client
    )


async def test_the_average_is_of_the_latest_ten_completed_orders(
    make_client, db: Database, emulator: PanelEmulator
) -> None:
    for _ in range(5):  # older, and slow: left out once ten newer ones have completed
        await finished(db, emulator, "Completed", timedelta(days=30))
    for minutes in (30, 40) * 5:
        await finished(db, emulator, "Completed", timedelta(minutes=minutes))
    await finished(db, emulator, "Partial", timedelta(days=9))  # never counted

    en = await card(make_client())
    assert "\n⏱ Average time: about 35 min (our last 10 completed orders)\n" in en
    ru = await card(make_client(user_id=1002, language_code="ru"))
    assert (
        "\n⏱ Среднее время выполнения: около 35 мин (по последним 10 выполненным заказам)\n" in ru
    )
    uz = await card(make_client(user_id=1003, language_code="uz"))
    assert (
        "\n⏱ Oʻrtacha bajarilish vaqti: taxminan 35 daqiqa"
        " (oxirgi 10 ta bajarilgan buyurtmamiz boʻyicha)\n" in uz
    )


async def test_back_to_the_first_question_shows_the_card_again(
    client: BotClient, db: Database, emulator: PanelEmulator
) -> None:
    for _ in range(3):
        await finished(db, emulator, "Completed", timedelta(hours=26))
    await card(client)
    await client.send("@durov")
    [text] = texts(await client.click_text("« Back"))
    assert "\n⏱ Average time: about 1 day 2 h (our last 3 completed orders)\n" in text
    assert "Current link: https://t.me/durov" in text


async def test_the_description_is_shown_escaped(admin: BotClient, client: BotClient) -> None:
    await admin.send("/describe 1 | en | <b>Fast</b> start & a 30-day guarantee")
    text = await card(client)
    assert "\n\n&lt;b&gt;Fast&lt;/b&gt; start &amp; a 30-day guarantee\n\n" in text


@pytest.mark.parametrize(
    ("took", "en", "ru", "uz"),
    [
        (timedelta(seconds=5), "about 1 min", "около 1 мин", "taxminan 1 daqiqa"),
        (timedelta(minutes=59, seconds=20), "about 59 min", "около 59 мин", "taxminan 59 daqiqa"),
        (timedelta(minutes=59, seconds=40), "about 1 h", "около 1 ч", "taxminan 1 soat"),
        (
            timedelta(hours=2, minutes=8),
            "about 2 h 10 min",
            "около 2 ч 10 мин",
            "taxminan 2 soat 10 daqiqa",
        ),
        (timedelta(hours=23, minutes=58), "about 1 day", "около 1 дня", "taxminan 1 kun"),
        (
            timedelta(days=2, hours=3),
            "about 2 days 3 h",
            "около 2 дней 3 ч",
            "taxminan 2 kun 3 soat",
        ),
        (timedelta(days=21), "about 21 days", "около 21 дня", "taxminan 21 kun"),
    ],
)
def test_durations_read_as_people_say_them(
    translator: Translator, took: timedelta, en: str, ru: str, uz: str
) -> None:
    said = {locale: timing.about(translator.texts(locale), took) for locale in ("en", "ru", "uz")}
    assert said == {"en": en, "ru": ru, "uz": uz}


def test_an_average_needs_three_times() -> None:
    assert timing.average([timedelta(hours=1)] * 2) is None
    assert timing.average([timedelta(hours=1), timedelta(hours=2), timedelta(hours=3)]) == (
        timedelta(hours=2)
    )


# --- when an order finished ------------------------------------------------------------------


async def test_the_sweep_keeps_when_an_order_finished(
    dp: Dispatcher, bot: Bot, db: Database, emulator: PanelEmulator
) -> None:
    orders = OrdersRepo(db)
    order = await place(db, emulator)
    emulator.set_status(order.panel_order_id or "", "In progress", remains=50)
    await dp["sweeper"].run_once(bot)
    assert (await orders.get(order.id)).finished_at is None  # type: ignore[union-attr]

    emulator.set_status(order.panel_order_id or "", "Completed", remains=0)
    await dp["sweeper"].run_once(bot)
    done = await orders.get(order.id)
    assert done is not None
    assert done.finished_at is not None
    assert done.created_at <= done.finished_at
    assert await orders.completion_times(1, timing.SAMPLE) == [done.finished_at - done.created_at]


async def test_orders_that_ended_before_migration_13_count_from_their_last_change(
    tmp_path: Path,
) -> None:
    path = tmp_path / "v12.sqlite3"
    with closing(sqlite3.connect(path)) as conn:
        for script in MIGRATIONS[:12]:
            for statement in statements(script):
                conn.execute(statement)
        conn.execute("PRAGMA user_version = 12")
        conn.execute(
            "INSERT INTO users (id, created_at, updated_at) VALUES (1, 'x', 'x')",
        )
        for status, updated in (("Completed", "2026-01-02T03:00:00.000000Z"), ("Pending", "y")):
            conn.execute(
                "INSERT INTO orders (user_id, service_id, service_name, service_type,"
                " service_category, rate, can_cancel, can_refill, link, quantity, charge,"
                " status, created_at, updated_at)"
                " VALUES (1, 1, 's', 'Default', 'c', 1, 0, 0, 'l', 10, 1, ?,"
                " '2026-01-02T01:00:00.000000Z', ?)",
                (status, updated),
            )
        conn.commit()
    async with await Database.open(path) as db:
        times = await OrdersRepo(db).completion_times(1, timing.SAMPLE)
        rows = await db.fetchall("SELECT status, finished_at FROM orders ORDER BY id")
    assert times == [timedelta(hours=2)]
    assert [tuple(row) for row in rows] == [
        ("Completed", "2026-01-02T03:00:00.000000Z"),
        ("Pending", None),
    ]
