"""Choosing what to order: the categories, a category's services, a search, a service.

Catalogue buttons carry the catalogue version they were drawn from: a button from an older
list answers that the list changed and shows the fresh one.
"""

from __future__ import annotations

from aiogram.types import CallbackQuery, Message

from bot import questions
from bot.catalogue import Catalogue
from bot.catalogue.replies import current_snapshot
from bot.i18n import Texts
from bot.orders import screens
from bot.orders.conversation import Conversation
from bot.support import QUESTION, QUESTION_ORDER, Support, question_buttons
from bot.telegram.callbacks import CategoriesPageCb, CategoryCb, SearchCb, ServiceCb

SEARCHED_WORDS = 10
SEARCHED_CHARS = 200


async def browse(
    query: CallbackQuery,
    callback_data: CategoriesPageCb | CategoryCb | SearchCb | ServiceCb,
    catalogue: Catalogue,
    t: Texts,
    conversation: Conversation,
) -> None:
    snapshot = await current_snapshot(catalogue, query, t)
    if snapshot is None:
        return
    if snapshot.version != callback_data.v:
        await query.answer(t("catalogue-changed"), show_alert=True)
        await conversation.categories(snapshot, 0)
        return
    if isinstance(callback_data, CategoriesPageCb):
        await query.answer()
        await conversation.categories(snapshot, callback_data.page)
    elif isinstance(callback_data, CategoryCb):
        await query.answer()
        await conversation.services(snapshot, callback_data.cat, callback_data.page)
    elif isinstance(callback_data, SearchCb):
        words = (await conversation.draft()).search
        if words is None:
            await query.answer(t("order-expired"), show_alert=True)
            return
        await query.answer()
        await conversation.search(snapshot, words, callback_data.page)
    elif (service := snapshot.services.get(callback_data.id)) is None:
        await query.answer(t("service-gone"), show_alert=True)
    else:
        await query.answer()
        await conversation.choose(snapshot, service)


def _shortened(text: str) -> str:
    # A search needs a few words: a pasted essay is searched by its start.
    return " ".join(text.split()[:SEARCHED_WORDS])[:SEARCHED_CHARS]


async def search_typed(message: Message, conversation: Conversation) -> None:
    """Words typed while choosing a category or service: a search of the catalogue."""
    snapshot = await conversation.snapshot()
    if snapshot is not None:
        await conversation.search(snapshot, _shortened(message.text or ""), 0)


async def free_text(message: Message, conversation: Conversation, support: Support) -> None:
    """Words typed outside any conversation. A question or complaint ("where is my order
    23501?") is offered to support first, with the customer's order it names; other words
    are searched for."""
    text = message.text or ""
    if not questions.is_question(text):
        await _search_for(conversation, _shortened(text))
        return
    order = await support.named_order(conversation.user_id, text)
    await conversation.state.update_data(
        {QUESTION: text, QUESTION_ORDER: None if order is None else order.id}
    )
    t = conversation.t
    offer = (
        t("free-text-question")
        if order is None
        else t("free-text-question-order", order=str(order.id))
    )
    await conversation.show(offer, question_buttons(t))


async def search_question(query: CallbackQuery, conversation: Conversation, t: Texts) -> None:
    """Not a question after all: the words offered to support are searched for."""
    question = (await conversation.state.get_data()).get(QUESTION)
    if not isinstance(question, str):
        await query.answer(t("button-expired"), show_alert=True)
        return
    await query.answer()
    await _search_for(conversation, _shortened(question))


async def _search_for(conversation: Conversation, words: str) -> None:
    """The services `words` find, as the catalogue's search shows them; nothing found, the
    menu with words that would find something."""
    snapshot = await conversation.snapshot()
    if snapshot is None:
        return
    if snapshot.search(words):
        await conversation.search(snapshot, words, 0)
    else:
        screen = screens.free_text_none(snapshot, words, conversation.t)
        await conversation.show(screen.text, screen.markup)
