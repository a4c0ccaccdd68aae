"""The baseline: a bare aiogram bot that walks the same six steps as the shop's order
conversation, with the same texts to wait for and the same buttons, and nothing else (no
database, no panel, state in memory).

    TELEGRAM_API_URL=http://127.0.0.1:PORT BOT_TOKEN=... python -m bench.bare_bot

It is what the order conversation is measured against: what aiogram itself costs.
"""

from __future__ import annotations

import asyncio
import logging
import os

from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message

# The texts the driver waits for: the same as the shop's English ones.
CATEGORIES = "<b>New order</b>\nChoose a category (page 1 of 1):"
SERVICES = "<b>Telegram Members</b>\nChoose a service (page 1 of 1), prices per 1000:"
ASK_LINK = "Send the link to the channel, group or post: https://t.me/… or @name."
ASK_QUANTITY = "How many? Send a whole number from 10 to 100000."
SUMMARY = "<b>Check your order</b>\nService: 7-day Join — Telegram Members"
PLACED = "✅ Order placed. Order number: <b>1</b>"

router = Router(name="bare")


class Order(StatesGroup):
    link = State()
    quantity = State()
    confirm = State()


def _one(label: str, data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text=label, callback_data=data)]]
    )


@router.message(Command("order"))
async def order(message: Message, state: FSMContext) -> None:
    await state.clear()
    await message.answer(CATEGORIES, reply_markup=_one("Telegram Members", "c:0"))


@router.callback_query(F.data == "c:0")
async def category(query: CallbackQuery) -> None:
    if isinstance(query.message, Message):
        await query.message.edit_text(
            SERVICES, reply_markup=_one("7-day Join — Telegram Members · 60", "s:1")
        )
    await query.answer()


@router.callback_query(F.data == "s:1")
async def service(query: CallbackQuery, state: FSMContext) -> None:
    await state.set_state(Order.link)
    if isinstance(query.message, Message):
        await query.message.edit_text(ASK_LINK)
    await query.answer()


@router.message(Order.link, F.text)
async def link(message: Message, state: FSMContext) -> None:
    await state.update_data(link=message.text)
    await state.set_state(Order.quantity)
    await message.answer(ASK_QUANTITY)


@router.message(Order.quantity, F.text)
async def quantity(message: Message, state: FSMContext) -> None:
    await state.update_data(quantity=message.text)
    await state.set_state(Order.confirm)
    await message.answer(SUMMARY, reply_markup=_one("✅ Confirm and pay", "ok"))


@router.callback_query(Order.confirm, F.data == "ok")
async def confirm(query: CallbackQuery, state: FSMContext) -> None:
    await state.clear()
    if isinstance(query.message, Message):
        await query.message.edit_text(PLACED)
    await query.answer()


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    session = AiohttpSession(api=TelegramAPIServer.from_base(os.environ["TELEGRAM_API_URL"]))
    bot = Bot(
        os.environ["BOT_TOKEN"],
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )
    dispatcher = Dispatcher(storage=MemoryStorage())
    dispatcher.include_router(router)
    await dispatcher.start_polling(bot)


if __name__ == "__main__":
    asyncio.run(main())
