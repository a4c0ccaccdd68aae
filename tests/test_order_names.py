"""An order keeps the name its customer saw (issue 30, point 6): the shop's name in the
customer's language when they ordered, not the panel's, and not a later rename."""

from __future__ import annotations

from aiogram import Bot, Dispatcher
from aiogram.types import InlineQueryResultArticle, InputTextMessageContent

from bot.storage import Database, OrdersRepo
from tests.conftest import MakeClient, fund
from tests.harness import BotClient, results, texts
from tests.helpers import delivered
from tests.panel_emulator import PanelEmulator
from tests.test_order_flow import MEMBERS, to_service

RU_NAME = "Подписчики Telegram — 7 дней"
RU_CUSTOMER = 4141
NBSP = "\N{NO-BREAK SPACE}"  # Russian groups thousands with it


async def test_a_russian_customer_is_told_the_name_they_ordered(
    make_client: MakeClient,
    admin: BotClient,
    dp: Dispatcher,
    bot: Bot,
    db: Database,
    emulator: PanelEmulator,
) -> None:
    await admin.send(f"/rename 1 | ru | {RU_NAME}")
    ru = make_client(user_id=RU_CUSTOMER, language_code="ru")
    await fund(db, RU_CUSTOMER, "100")
    await to_service(ru, "Telegram Members", RU_NAME)
    await ru.send("@durov")
    await ru.send("1000")
    placed = texts(await ru.click_text("✅ Подтвердить и оплатить"))[-1]
    assert "Номер заказа: <b>#1</b>" in placed
    [order] = await OrdersRepo(db).list_for_user(RU_CUSTOMER, 10)
    assert order.service_name == RU_NAME
    # Renamed again after the order: the order keeps what was quoted.
    await admin.send("/rename 1 | ru | Другое имя")

    emulator.set_status(order.panel_order_id or "", "Partial", remains=400)
    await dp["sweeper"].run_once(bot)
    [news] = await delivered(dp, bot, RU_CUSTOMER)
    partial = f"◐ Ваш заказ #1 ({RU_NAME}) выполнен частично: 600 из 1{NBSP}000."
    assert news.startswith(partial)

    listing = texts(await ru.send("/orders"))[-1]
    assert RU_NAME in listing
    assert MEMBERS not in listing
    card = texts(await ru.click_text(f"🌓 #{order.id}"))[-1]
    assert RU_NAME in card
    assert MEMBERS not in card

    [answer] = results(await ru.inline(""))
    [article] = answer.results
    assert isinstance(article, InlineQueryResultArticle)
    assert article.description == f"{RU_NAME} × 1{NBSP}000"
    content = article.input_message_content
    assert isinstance(content, InputTextMessageContent)
    assert RU_NAME in content.message_text
    assert MEMBERS not in content.message_text
