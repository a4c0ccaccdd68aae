"""Support as a real process: a customer's question answered by an admin replying to it,
and the customer's reply to that answer reaching the admin in the same ticket."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from tests.conftest import ADMIN_ID
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import shown

pytestmark = pytest.mark.e2e

en = Translator().texts("en")
ru = Translator().texts("ru")
ALICE = 1001


async def test_a_question_answered_by_reply_and_the_customer_writing_back(
    bot_process: BotProcess, telegram: FakeTelegram
) -> None:
    admin = telegram.user(ADMIN_ID, "Boss")
    admin.chat  # noqa: B018  # the admin has opened the bot before
    await bot_process.start()
    alice = telegram.user(ALICE, "Alice", language_code="ru")

    await alice.send("/support")
    await alice.wait_for_text(shown(ru, "support-ask").split("\n")[0])
    await alice.send("Где мой заказ?")
    await alice.wait_for_text(shown(ru, "support-sent", ticket="1"))
    question = await admin.wait_for_text("Где мой заказ?")
    assert "Alice" in (question.text or "")

    await admin.send("Он уже выполняется.", reply_to=question)
    await admin.wait_for_text(shown(en, "ticket-answered", ticket="1"))
    answer = await alice.wait_for_text("Он уже выполняется.")
    assert shown(ru, "support-write") in answer.labels

    await alice.send("Спасибо!", reply_to=answer)
    await alice.wait_for_text(shown(ru, "support-more-sent", ticket="1"))
    more = await admin.wait_for_text("Спасибо!")
    assert (more.text or "").startswith("💬 Support request #1: more from Alice")
    await bot_process.settled()
