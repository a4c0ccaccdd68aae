"""The bot in webhook mode: Telegram posts updates to it, with the secret token."""

from __future__ import annotations

import json

import aiohttp
import pytest

from bot.i18n import Translator
from tests.e2e.bot_process import WEBHOOK_SECRET as SECRET
from tests.e2e.bot_process import BotProcess
from tests.e2e.fake_telegram import FakeTelegram
from tests.e2e.steps import funded_customer, order_members, shown, start

pytestmark = pytest.mark.e2e

ALICE = 1001
STRANGER = 6666


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


def sample(metrics: str, name: str) -> float:
    """The value of one sample (`name` with its labels, as exposed) in Prometheus text."""
    for line in metrics.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[-1])
    raise AssertionError(f"no {name} in:\n{metrics}")


async def test_webhook_mode_takes_only_signed_updates_and_counts_an_order(
    bot_process: BotProcess, telegram: FakeTelegram, translator: Translator
) -> None:
    en = translator.texts("en")
    base = bot_process.use_webhook(SECRET)
    ops = bot_process.use_ops()
    bot_process.env["LOG_FORMAT"] = "json"
    alice = await funded_customer(bot_process, telegram, ALICE, "20")
    (hook,) = telegram.calls_of("setWebhook")
    assert hook.params["url"] == f"{base}/telegram"
    assert hook.params["secret_token"] == SECRET
    allowed = set(json.loads(hook.params["allowed_updates"]))
    assert {"message", "callback_query", "inline_query", "pre_checkout_query"} <= allowed

    # Anyone who finds the URL can post to it: without the secret nothing is handled.
    forged = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 1700000000,
            "chat": {"id": STRANGER, "type": "private"},
            "from": {"id": STRANGER, "is_bot": False, "first_name": "Mallory"},
            "text": "/start",
        },
    }
    calls = len(telegram.calls)
    assert await telegram.post_update(forged, None) == 401
    assert await telegram.post_update(forged, "a-guess") == 401

    await start(alice, en)
    await order_members(alice, en, "1", charge="7.20", balance="12.80")
    await bot_process.settled()
    assert all(call.params.get("chat_id") != str(STRANGER) for call in telegram.calls[calls:]), (
        "the forged update was handled"
    )
    assert set(telegram.webhook_answers) == {200}

    # The server Telegram (and the proxy) reach answers health only: the panel's balance
    # and the order volume are for the operator's own listener.
    assert (await get(f"{base}/metrics"))[0] == 404
    assert (await get(f"{base}/readyz"))[0] == 404
    assert await get(f"{base}/healthz") == (200, "ok\n")
    status, metrics = await get(f"{ops}/metrics")
    assert status == 200
    assert sample(metrics, 'bot_orders_total{outcome="placed"}') == 1
    assert sample(metrics, 'bot_orders_total{outcome="unknown"}') == 0
    assert sample(metrics, 'bot_panel_requests_total{action="add",result="ok"}') == 1
    assert sample(metrics, 'bot_updates_total{type="callback_query"}') >= 1
    # /start, /order, the link and the quantity: the forged /start is not among them
    assert sample(metrics, 'bot_updates_total{type="message"}') == 4
    assert "bot_handler_seconds_count" in metrics
    assert "bot_outbox_pending" in metrics
    assert await get(f"{ops}/healthz") == (200, "ok\n")
    assert await get(f"{ops}/readyz") == (200, "ok\n")

    log = await bot_process.stop()  # a clean log: no secret in it, the webhook's neither
    lines = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    assert {"time", "level", "logger", "message"} <= lines[0].keys()
    assert any(line.get("user_id") == ALICE for line in lines)

    # Back to long polling: the bot deletes the webhook itself and answers again.
    del bot_process.env["WEBHOOK_URL"]
    await bot_process.start()
    assert telegram.webhook_url is None
    await alice.send("/start")
    await alice.wait_for_text(shown(en, "menu-prompt"))
    await bot_process.stop()
