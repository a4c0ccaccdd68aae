"""The order conversation: category → service → the steps its type asks → summary → Confirm.

The steps are data (`bot.orders.steps`), walked by `bot.orders.conversation`; these handlers
only turn updates into its calls. Every handler gets the customer's `conversation` from the
router's middleware, and the buttons under a question act only while it is the current one
(`LivePrompt`; older ones answer that they have expired).
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandStart, StateFilter

from bot.orders.conversation import STEP_STATES, OrderForm
from bot.orders.filters import LivePrompt, OwnOrder
from bot.orders.middleware import OrderConversation
from bot.telegram.callbacks import (
    CategoriesPageCb,
    CategoryCb,
    ConfirmCb,
    MenuCb,
    OrderCb,
    OrderNavCb,
    QuestionCb,
    SearchCb,
    ServiceCb,
    StepCb,
)
from bot.telegram.links import SERVICE_LINK_ARGS
from handlers.customer.order import answers, browse, confirm, entry, short


def create_router() -> Router:
    router = Router(name="order")
    router.message.filter(F.chat.type == "private")
    router.callback_query.filter(F.message.chat.type == "private")
    router.message.middleware(OrderConversation())
    router.callback_query.middleware(OrderConversation())

    router.message.register(
        entry.start_at_service,
        CommandStart(deep_link=True, magic=F.args.regexp(SERVICE_LINK_ARGS)),
    )
    router.message.register(entry.cancel_command, Command("cancel"))
    router.message.register(entry.order_command, Command("order"))
    router.callback_query.register(entry.order_button, MenuCb.filter(F.action == "order"))
    # Another customer's order (a forged button) falls through to My orders' "not found".
    router.callback_query.register(
        entry.order_again, OrderCb.filter(F.action == "again"), OwnOrder()
    )

    for button in (CategoriesPageCb, CategoryCb, SearchCb, ServiceCb):
        router.callback_query.register(browse.browse, button.filter())
    router.message.register(
        browse.search_typed, StateFilter(OrderForm.browsing), F.text, ~F.text.startswith("/")
    )
    # Outside any conversation, words search the catalogue too (commands go on: an unknown
    # one keeps the help hint in the fallback).
    router.message.register(browse.free_text, StateFilter(None), F.text, ~F.text.startswith("/"))
    router.callback_query.register(browse.search_question, QuestionCb.filter(F.action == "search"))

    router.callback_query.register(
        # One Top up per way of paying that covers the gap (`Method.cover_action`).
        short.top_up,
        OrderNavCb.filter(F.action.startswith("topup")),
        LivePrompt(),
    )
    # Under a top-up's notice, not a prompt: live whenever the summary is still open.
    router.callback_query.register(short.back_to_summary, OrderNavCb.filter(F.action == "resume"))
    typing = StateFilter(*STEP_STATES.values())
    router.message.register(answers.typed, typing, F.text)
    router.message.register(answers.not_text, typing)
    router.callback_query.register(answers.navigate, OrderNavCb.filter(), LivePrompt())
    router.callback_query.register(answers.chosen, StepCb.filter(), LivePrompt())
    router.callback_query.register(answers.expired, OrderNavCb.filter())
    router.callback_query.register(answers.expired, StepCb.filter())

    router.callback_query.register(
        confirm.confirm, ConfirmCb.filter(), StateFilter(OrderForm.confirm), LivePrompt()
    )
    router.callback_query.register(confirm.not_live, ConfirmCb.filter())
    return router
