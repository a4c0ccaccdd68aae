"""The bot token and the panel key never reach a log line or an exception's text."""

from __future__ import annotations

import logging
import sys

import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramNetworkError
from aiogram.methods import GetMe

from bot.app import create_bot
from bot.logs import MASK, RedactingFormatter, setup_logging
from bot.settings import load_settings
from tests.panel_emulator import refused_url

TOKEN_SECRET = "AAE-SENTINEL-bot-token-7c1"
TOKEN = f"777000:{TOKEN_SECRET}"
KEY = "SENTINEL-panel-key-4b2"


def test_formatter_masks_secrets_in_messages_and_tracebacks() -> None:
    formatter = RedactingFormatter("%(message)s", [TOKEN, KEY, ""])
    try:
        raise RuntimeError(f"GET https://api.telegram.org/bot{TOKEN}/getMe key={KEY}")
    except RuntimeError:
        record = logging.LogRecord(
            "x", logging.ERROR, __file__, 1, "token %s", (TOKEN,), exc_info=sys.exc_info()
        )
    out = formatter.format(record)
    assert TOKEN not in out
    assert KEY not in out
    assert out.count(MASK) == 3


def test_setup_logging_installs_the_mask(capsys) -> None:
    setup_logging([TOKEN, KEY])
    try:
        logging.getLogger("probe").warning("panel said %s for %s", KEY, TOKEN)
    finally:
        logging.basicConfig(force=True, handlers=[logging.NullHandler()])
    err = capsys.readouterr().err
    assert "panel said *** for ***" in err


async def test_bot_network_failure_does_not_carry_the_token(caplog) -> None:
    caplog.set_level(logging.DEBUG)
    settings = load_settings(
        _env_file=None,
        bot_token=TOKEN,
        panel_api_url="http://127.0.0.1:9/api/v2",
        panel_api_key=KEY,
        telegram_api_url=refused_url(),
    )
    bot: Bot = create_bot(settings)
    try:
        with pytest.raises(TelegramNetworkError) as caught:
            await bot(GetMe())
    finally:
        await bot.session.close()
    error = caught.value
    for text in (str(error), repr(error), repr(error.args), caplog.text):
        assert TOKEN_SECRET not in text
        assert KEY not in text
    assert "bot" + TOKEN not in repr(settings)


def test_every_secret_setting_is_masked_in_the_logs() -> None:
    """Whatever secret a setting holds (another panel's key, a payment method's key), the
    logs mask it: the list is read from the settings' own SecretStr fields."""
    secrets = {
        "bot_token": TOKEN,
        "panel_api_key": KEY,
        "panel2_api_key": "SENTINEL-second-panel-key",
        "payme_key": "SENTINEL-payme-key",
        "click_secret_key": "SENTINEL-click-key",
        "crypto_pay_token": "4321:AASENTINELcryptoPayToken",
        "webhook_secret": "SENTINEL-webhook-secret",
    }
    settings = load_settings(
        _env_file=None,
        panel_api_url="http://127.0.0.1:9/api/v2",
        panel2_name="cheap",
        panel2_api_url="http://127.0.0.1:10/api/v2",
        panel2_rate="1",
        payme_merchant_id="5e730e8e0b852a417aa49ceb",
        click_service_id="1",
        click_merchant_id="2",
        **secrets,
    )
    assert set(secrets.values()) <= set(settings.secrets())
