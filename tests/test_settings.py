"""Settings: the fixed names, their defaults, and one clear line per problem."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from bot.settings import Settings, SettingsError, load_settings
from tests.helpers import run_bot_once

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = {
    "BOT_TOKEN": "123456:AAE-test-token",
    "PANEL_API_URL": "http://127.0.0.1:1/api/v2",
    "PANEL_API_KEY": "test-key",
}
ALL_NAMES = [
    "BOT_TOKEN",
    "PANEL_API_URL",
    "PANEL_API_KEY",
    "PANEL_NAME",
    "ADMIN_IDS",
    "DATABASE_PATH",
    "TELEGRAM_API_URL",
    "STATUS_POLL_INTERVAL",
    "PRICE_MARKUP_PERCENT",
    "PRICE_DECIMALS",
    "PANEL_TIMEOUT",
    "DEFAULT_LOCALE",
    "SHOP_TIMEZONE",
    "CATALOGUE_REFRESH",
    "SHOP_NAME",
    "SUPPORT_CONTACT",
    "TOPUP_MIN_STARS",
    "TOPUP_MAX_STARS",
    "STARS_RATE",
    "TRANSFER_DETAILS",
    "TRANSFER_MIN",
    "TRANSFER_MAX",
    "NOTIFY_RATE",
    "PANEL_BALANCE_ALERT",
    "PANEL_BALANCE_CHECK",
    "NEW_SERVICES_VISIBLE",
    "PAYME_MERCHANT_ID",
    "PAYME_KEY",
    "PAYME_CHECKOUT_URL",
    "CLICK_SERVICE_ID",
    "CLICK_MERCHANT_ID",
    "CLICK_SECRET_KEY",
    "WEBHOOK_URL",
    "WEBHOOK_LISTEN",
    "WEBHOOK_SECRET",
    "HTTP_LISTEN",
    "WEBAPP_URL",
    "OPS_LISTEN",
    "TRUSTED_PROXIES",
    "WEBHOOK_IP_FILTER",
    "LOG_LEVEL",
    "LOG_FORMAT",
    "BACKUP_DIR",
    "BACKUP_INTERVAL",
    "BACKUP_KEEP",
    "OUTBOX_KEEP_DAYS",
    "CRYPTO_PAY_TOKEN",
    "CRYPTO_PAY_API_URL",
    "CRYPTO_PAY_ASSETS",
    "CRYPTO_PAY_FIAT",
    "CRYPTO_PAY_FIAT_RATE",
    "CRYPTO_PAY_MIN",
    "CRYPTO_PAY_MAX",
    "CRYPTO_PAY_EXPIRES_IN",
    "CRYPTO_PAY_POLL_INTERVAL",
    "REFERRAL_PERCENT",
    "API_ENABLED",
    "API_RATE",
    "API_BURST",
    "API_ADD_RATE",
    "API_ADD_BURST",
]
# More panels (issue 26): PANEL2_ ... PANEL9_, documented once as the PANEL2_ family.
SLOT_PARTS = ("NAME", "API_URL", "API_KEY", "RATE")
SLOT_NAMES = [f"PANEL{slot}_{part}" for slot in range(2, 10) for part in SLOT_PARTS]
# Paths the Docker image sets for its volume: .env.example shows them commented out, so a
# copied .env does not move the database out of the volume.
LEFT_TO_THE_IMAGE = {"DATABASE_PATH", "BACKUP_DIR"}


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in ALL_NAMES + SLOT_NAMES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env


def test_defaults(monkeypatch) -> None:
    for name, value in REQUIRED.items():
        monkeypatch.setenv(name, value)
    settings = load_settings()
    assert settings.admin_ids == frozenset()
    assert settings.database_path == Path("data/bot.sqlite3")
    assert settings.telegram_api_url is None
    assert settings.status_poll_interval == 60
    assert settings.price_markup_percent == Decimal(20)
    assert settings.price_decimals == 2
    assert settings.panel_timeout == 15
    assert settings.default_locale == "en"
    assert str(settings.zone) == "UTC"
    assert (settings.topup_min_stars, settings.topup_max_stars) == (50, 10000)
    assert settings.stars_rate == Decimal("0.01")
    assert settings.notify_rate == 25
    assert settings.referral_percent == 0  # referrals off
    assert settings.ops_listen == "127.0.0.1:9090"
    assert settings.webhook_ip_filter is True
    assert [str(network) for network in settings.proxies][:2] == ["127.0.0.0/8", "::1/128"]


def test_every_documented_name_is_a_setting() -> None:
    assert sorted(name.upper() for name in Settings.model_fields) == sorted(ALL_NAMES + SLOT_NAMES)
    documented = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for name in SLOT_NAMES[:4]:
        assert f"\n# {name}=" in documented, name
        assert f"`{name}`" in readme, name
    for name in ALL_NAMES:
        line = f"\n# {name}=" if name in LEFT_TO_THE_IMAGE else f"\n{name}="
        assert line in documented, name
        assert f"`{name}`" in readme, name


def test_values_from_env_file(tmp_path) -> None:
    (tmp_path / ".env").write_text(
        "BOT_TOKEN=123456:AAE-x\nPANEL_API_URL=https://panel.example/api/v2\n"
        "PANEL_API_KEY=k\nADMIN_IDS=5, 7\nPRICE_MARKUP_PERCENT=12.5\nDEFAULT_LOCALE=uz\n"
    )
    settings = load_settings()
    assert settings.admin_ids == frozenset({5, 7})
    assert settings.price_markup_percent == Decimal("12.5")
    assert settings.default_locale == "uz"
    assert settings.panel_url == "https://panel.example/api/v2"


def test_missing_settings_are_named_one_line_each() -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings()
    lines = caught.value.lines
    assert len(lines) == 3
    for name, line in zip(["BOT_TOKEN", "PANEL_API_URL", "PANEL_API_KEY"], lines, strict=True):
        assert line.startswith(f"{name} is missing")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BOT_TOKEN", "not-a-token"),
        ("PANEL_API_URL", "ftp://panel.example"),
        ("PANEL_API_KEY", "  "),
        ("ADMIN_IDS", "1,two"),
        ("ADMIN_IDS", "１２"),
        ("STATUS_POLL_INTERVAL", "0"),
        ("PRICE_MARKUP_PERCENT", "NaN"),
        ("PRICE_MARKUP_PERCENT", "-5"),
        ("PRICE_DECIMALS", "9"),
        ("WEBHOOK_URL", "not a url"),
        ("WEBHOOK_LISTEN", "8080"),
        ("WEBHOOK_LISTEN", "0.0.0.0:99999"),
        ("WEBHOOK_SECRET", "has spaces"),
        ("HTTP_LISTEN", "localhost"),
        ("OPS_LISTEN", "9090"),
        ("TRUSTED_PROXIES", "10.0.0.0/33"),
        ("TRUSTED_PROXIES", "localhost"),
        ("WEBHOOK_IP_FILTER", "maybe"),
        ("LOG_LEVEL", "LOUD"),
        ("LOG_FORMAT", "xml"),
        ("BACKUP_INTERVAL", "-1"),
        ("BACKUP_KEEP", "0"),
        ("OUTBOX_KEEP_DAYS", "0"),
        ("PANEL_TIMEOUT", "soon"),
        ("DEFAULT_LOCALE", "de"),
        ("SHOP_TIMEZONE", "Asia/Nowhere"),
        ("SHOP_TIMEZONE", "../../etc/passwd"),
        ("SHOP_TIMEZONE", "+05:00"),
        ("TELEGRAM_API_URL", "localhost"),
        ("TOPUP_MIN_STARS", "0"),
        ("TOPUP_MAX_STARS", "10001"),
        ("STARS_RATE", "NaN"),
        ("STARS_RATE", "0"),
        ("STARS_RATE", "0.000000001"),
        ("NOTIFY_RATE", "0"),
        ("REFERRAL_PERCENT", "-1"),
        ("REFERRAL_PERCENT", "100.5"),
        ("REFERRAL_PERCENT", "NaN"),
        ("REFERRAL_PERCENT", "ten"),
        ("PANEL_BALANCE_ALERT", "-1"),
        ("PANEL_BALANCE_CHECK", "0"),
    ],
)
def test_malformed_setting_is_named(monkeypatch, name, value) -> None:
    for required, good in REQUIRED.items():
        monkeypatch.setenv(required, good)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert len(caught.value.lines) == 1
    assert caught.value.lines[0].startswith(f"{name} is malformed")


@pytest.mark.parametrize(
    ("values", "name"),
    [
        ({"TOPUP_MIN_STARS": "500", "TOPUP_MAX_STARS": "100"}, "TOPUP_MAX_STARS"),
        # 50 stars at 0.0001 buy 0.005, nothing at two decimals
        ({"STARS_RATE": "0.0001"}, "STARS_RATE"),
        ({"STARS_RATE": "0.0001", "PRICE_DECIMALS": "3"}, None),
    ],
)
def test_topup_settings_agree_with_each_other(monkeypatch, values, name) -> None:
    for required, good in {**REQUIRED, **values}.items():
        monkeypatch.setenv(required, good)
    if name is None:
        assert load_settings().stars_rate == Decimal("0.0001")
        return
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert [line.split()[0] for line in caught.value.lines] == [name]


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        # An old .env that served health on HTTP_LISTEN's 9090: the default would not listen.
        ({"HTTP_LISTEN": "0.0.0.0:9090"}, "OPS_LISTEN"),
        ({"HTTP_LISTEN": "0.0.0.0:8081", "OPS_LISTEN": "127.0.0.1:8081"}, "OPS_LISTEN"),
        ({"WEBHOOK_URL": "https://bot.example/tg", "OPS_LISTEN": "127.0.0.1:8080"}, "OPS_LISTEN"),
        # Named exactly: one server, the operator's choice.
        ({"HTTP_LISTEN": "0.0.0.0:9090", "OPS_LISTEN": "0.0.0.0:9090"}, None),
        ({"HTTP_LISTEN": "0.0.0.0:8081"}, None),
        # Polling: WEBHOOK_LISTEN's default is nobody's port.
        ({"OPS_LISTEN": "127.0.0.1:8080"}, None),
        ({"OPS_LISTEN": ""}, None),
    ],
)
def test_the_ops_listener_has_a_port_of_its_own(monkeypatch, values, problem) -> None:
    for name, value in {**REQUIRED, **values}.items():
        monkeypatch.setenv(name, value)
    if problem is None:
        assert load_settings().ops_listen == values.get("OPS_LISTEN", "127.0.0.1:9090")
        return
    with pytest.raises(SettingsError) as caught:
        load_settings()
    [line] = caught.value.lines
    assert line.startswith(f"{problem} is malformed")
    assert "on a port of its own" in line


def test_secrets_are_not_echoed(monkeypatch) -> None:
    monkeypatch.setenv("BOT_TOKEN", "SENTINEL-not-a-token")
    monkeypatch.setenv("PANEL_API_KEY", "SENTINEL-KEY")
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert "SENTINEL" not in str(caught.value)
    for name, value in REQUIRED.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PANEL_API_KEY", "SENTINEL-KEY")
    assert "SENTINEL" not in repr(load_settings())


def test_python_m_bot_without_settings_exits_naming_each(tmp_path) -> None:
    done = run_bot_once(tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert [line.split()[0] for line in lines[:3]] == [
        "BOT_TOKEN",
        "PANEL_API_URL",
        "PANEL_API_KEY",
    ]
    assert "Traceback" not in done.stderr


def test_the_example_values_are_refused_one_line_each(monkeypatch) -> None:
    """A copy of .env.example left as it is must not pass for a set-up."""
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    Path(".env").write_text(example, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings()
    assert raised.value.lines == [
        "BOT_TOKEN is still the example value from .env.example: set it to the bot token"
        " from @BotFather, like 123456789:AAE...",
        "PANEL_API_KEY is still the example value from .env.example: set it to the"
        " reseller's API key from the panel",
    ]
    assert "replace-with" not in str(raised.value)


@pytest.mark.parametrize(
    ("name", "value", "quote"),
    [
        ("BOT_TOKEN", '"123456:AAE-test-token"', '"'),
        ("PANEL_API_KEY", "'test-key'", "'"),
        ("PANEL_API_URL", '"http://127.0.0.1:1/api/v2"', '"'),
        ("ADMIN_IDS", '"5,7"', '"'),
        ("SHOP_NAME", "'Best shop'", "'"),
        ("PANEL_TIMEOUT", '"15"', '"'),
    ],
)
def test_a_quoted_value_is_refused_pointing_at_the_quotes(monkeypatch, name, value, quote) -> None:
    """`docker run --env-file` keeps the quotes that compose and .env strip."""
    for required, good in REQUIRED.items():
        monkeypatch.setenv(required, good)
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError) as caught:
        load_settings()
    assert caught.value.lines == [
        f"{name} starts and ends with {quote}: remove the quotes around the value"
        " (`docker run --env-file` keeps them as part of it; compose and .env drop them)"
    ]
    assert value not in str(caught.value)  # a secret is not echoed


def test_quotes_in_env_file_are_read_as_dotenv_reads_them(tmp_path) -> None:
    (tmp_path / ".env").write_text(
        "BOT_TOKEN=\"123456:AAE-x\"\nPANEL_API_URL='https://panel.example/api/v2'\n"
        'PANEL_API_KEY="k"\nSHOP_NAME="Tom\'s"\n'
    )
    settings = load_settings()
    assert settings.bot_token.get_secret_value() == "123456:AAE-x"
    assert settings.shop_name == "Tom's"
