"""Settings from the environment and `.env`, validated once at start-up.

Nothing here runs at import time: `load_settings()` is called by the entry point (and by
tests with their own values), so importing a module never depends on the environment.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import Decimal
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    Field,
    HttpUrl,
    SecretStr,
    ValidationError,
    ValidationInfo,
    create_model,
    field_validator,
)
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.money import MAX_TYPED_AMOUNT, MoneyError, refund_down, to_minor

Locale = Literal["en", "ru", "uz"]
# The most Telegram accepts in one Stars invoice.
MAX_INVOICE_STARS = 10000
LOCALES: tuple[Locale, ...] = ("en", "ru", "uz")
# Card transfer details fit in one message with the amount and the request's number.
TRANSFER_DETAILS_LIMIT = 1000
# The fiat currencies Crypto Pay prices invoices in (its documentation, createInvoice `fiat`).
CRYPTO_PAY_FIATS = frozenset(
    "USD EUR RUB BYN UAH GBP CNY KZT UZS GEL TRY AMD THB INR BRL IDR AZN AED PLN ILS".split()  # noqa: SIM905 (twenty codes read better on one line)
)
# The longest an invoice may stay open, in seconds (createInvoice `expires_in`: 1-2678400).
CRYPTO_PAY_MAX_EXPIRES = 2678400

# One line per setting, shown when it is missing or malformed: what is expected of it.
EXPECTED: dict[str, str] = {
    "bot_token": "the bot token from @BotFather, like 123456789:AAE...",
    "panel_api_url": "the panel's API endpoint, an http(s) URL like https://panel.example/api/v2",
    "panel_api_key": "the reseller's API key from the panel",
    "panel_name": (
        "the main panel's short name for admins, 1 to 16 of a-z, 0-9, _ and -, like main"
    ),
    "admin_ids": "comma-separated Telegram user ids, like 1111,2222",
    "database_path": "a path for the SQLite file",
    "telegram_api_url": "the base URL of a Bot API server, like http://127.0.0.1:8081",
    "status_poll_interval": "seconds between status sweeps, a number above 0",
    "price_markup_percent": "the markup on panel rates in percent, a number from 0 up",
    "price_decimals": "decimals of customer prices, a whole number from 0 to 5",
    "panel_timeout": "seconds one panel request may take, a number above 0",
    "default_locale": "one of en, ru, uz",
    "shop_timezone": "an IANA time zone name, like Asia/Tashkent or Europe/Moscow",
    "catalogue_refresh": "seconds the panel's service list is cached, a number above 0",
    "support_contact": "who customers write to for help, like @shop_support",
    "shop_name": "the shop's name for the greeting, at most 64 characters, like Star SMM",
    "panel_balance_alert": "the panel balance below which admins are alerted, a number from 0 up",
    "panel_balance_check": "seconds between checks of the panel's balance, a number above 0",
    "new_services_visible": "true or false: whether services new on the panel are shown",
    "topup_min_stars": (
        f"the smallest top-up in Telegram Stars, a whole number from 1 to {MAX_INVOICE_STARS}"
    ),
    "topup_max_stars": (
        f"the largest top-up in Telegram Stars, a whole number from TOPUP_MIN_STARS to"
        f" {MAX_INVOICE_STARS}"
    ),
    "stars_rate": (
        "the balance one Telegram Star buys, like 0.01: above 0, at most 1000000, at most 5"
        " decimals, and TOPUP_MIN_STARS stars must buy at least one step of PRICE_DECIMALS"
    ),
    "transfer_details": (
        "what customers pay a card transfer to (card number, holder), at most 1000 characters;"
        " write a line break as \\n, or leave it empty to switch card transfers off"
    ),
    "transfer_min": (
        "the smallest card transfer in the shop's currency, a number above 0 with at most"
        " PRICE_DECIMALS decimals"
    ),
    "transfer_max": (
        "the largest card transfer in the shop's currency, from TRANSFER_MIN up to 10000000000,"
        " with at most PRICE_DECIMALS decimals"
    ),
    "referral_percent": (
        "the share of a referred customer's top-ups credited to whoever referred them, in"
        " percent, a number from 0 (off) to 100"
    ),
    "notify_rate": "notifications a second at most, a number from 1 up (Telegram allows ~30)",
    "webhook_url": "the public https URL Telegram posts updates to, like https://bot.example/tg",
    "webhook_listen": "host:port the webhook server listens on, like 0.0.0.0:8080",
    "webhook_secret": "1 to 256 characters of A-Z, a-z, 0-9, _ and -",
    "http_listen": "host:port of the Mini App's server (and /healthz), like 0.0.0.0:8081, or empty",
    "ops_listen": (
        "host:port for /healthz, /readyz and /metrics, like 127.0.0.1:9090, on a port of its own"
        " (or exactly HTTP_LISTEN's or the webhook's host:port to share that server), or empty"
        " for none"
    ),
    "webapp_url": (
        "the public https URL of the Mini App, like https://shop.example/app/, served on"
        " HTTP_LISTEN (or the webhook's server), or empty for none"
    ),
    "api_enabled": (
        "true or false: whether customers may buy through the shop's own API v2 at /api/v2;"
        " true needs HTTP_LISTEN (or WEBHOOK_URL) for a server to answer it"
    ),
    "api_rate": "API calls a second per key once its burst is spent, a number above 0",
    "api_burst": "API calls a key may make at once, a whole number from 1 up",
    "api_add_rate": (
        "API orders (`add`) a second per key once its burst is spent, a number above 0"
    ),
    "api_add_burst": "API orders (`add`) a key may place at once, a whole number from 1 up",
    "trusted_proxies": (
        "comma-separated addresses or networks of the proxies in front of the bot, like"
        " 127.0.0.1,172.16.0.0/12, or empty for none"
    ),
    "webhook_ip_filter": (
        "true or false: whether webhook calls are taken only from Telegram's addresses"
    ),
    "payme_merchant_id": (
        "the merchant id from Payme's cabinet, 24 characters 0-9 a-f, or empty for no Payme"
    ),
    "payme_key": "the key from Payme's cabinet (set with PAYME_MERCHANT_ID, or both empty)",
    "payme_checkout_url": (
        "Payme's checkout, https://checkout.paycom.uz (test: https://checkout.test.paycom.uz)"
    ),
    "click_service_id": (
        "the service id from Click's cabinet, a whole number, or empty for no Click"
    ),
    "click_merchant_id": "the merchant id from Click's cabinet, a whole number",
    "click_secret_key": "the secret key from Click's cabinet (set with CLICK_SERVICE_ID)",
    "log_level": "one of DEBUG, INFO, WARNING, ERROR",
    "log_format": "text or json",
    "backup_dir": "a folder for the database's backups",
    "backup_interval": "seconds between backups, a number above 0, or 0 for none",
    "backup_keep": "how many backups to keep, a whole number from 1 up",
    "outbox_keep_days": "days sent notifications are kept, a number above 0",
    "crypto_pay_token": "the app token from @CryptoBot's Crypto Pay, like 12345:AAzQ..., or empty",
    "crypto_pay_api_url": (
        "Crypto Pay's API URL, https://pay.crypt.bot/api (or the testnet's"
        " https://testnet-pay.crypt.bot/api)"
    ),
    "crypto_pay_assets": (
        "comma-separated crypto assets a customer may pay with, like USDT,TON,BTC, or empty"
        " for every asset Crypto Pay takes"
    ),
    "crypto_pay_fiat": (
        "the fiat currency invoices are priced in when Crypto Pay does not take the shop's"
        f" own, one of {', '.join(sorted(CRYPTO_PAY_FIATS))}, or empty for the shop's currency"
    ),
    "crypto_pay_fiat_rate": (
        "what one unit of the shop's money is worth in CRYPTO_PAY_FIAT, like 0.000079, above 0"
    ),
    "crypto_pay_min": "the smallest crypto top-up in the shop's money, a number above 0",
    "crypto_pay_max": (
        "the largest crypto top-up in the shop's money, from CRYPTO_PAY_MIN up to"
        f" {MAX_TYPED_AMOUNT}"
    ),
    "crypto_pay_expires_in": (
        "seconds a crypto invoice stays payable, a whole number from 60 to"
        f" {CRYPTO_PAY_MAX_EXPIRES}"
    ),
    "crypto_pay_poll_interval": "seconds between checks of open crypto invoices, a number above 0",
}
SECRET_FIELDS = frozenset(
    {
        "bot_token",
        "panel_api_key",
        *(f"panel{slot}_api_key" for slot in range(2, 10)),
        "webhook_secret",
        "crypto_pay_token",
        "payme_key",
        "click_secret_key",
    }
)
# The values `.env.example` ships with: a copy left unedited must not pass for a set-up.
PLACEHOLDERS: dict[str, str] = {
    "bot_token": "123456789:AAE-replace-with-your-token",
    "panel_api_key": "replace-with-your-panel-key",
}
# The shape aiogram itself checks (bot id, colon, secret), without importing all of aiogram
# before the settings are known to be good.
_TOKEN = re.compile(r"[0-9]+:[A-Za-z0-9_-]+")
# What Telegram accepts as a webhook's secret_token.
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_CRYPTO_TOKEN = re.compile(r"[0-9]+:[A-Za-z0-9_-]+")
_ASSET = re.compile(r"[A-Z0-9]{2,10}")
# Payme's merchant ids are 24 hex digits (a MongoDB ObjectId).
_PAYME_MERCHANT = re.compile(r"[0-9a-f]{24}")
_LISTEN = re.compile(r"(?P<host>[^\s:]*|\[[0-9a-fA-F:]+\]):(?P<port>[0-9]{1,5})")
# A panel's name: what admins type (`/fallback N NAME:ID`) and what orders keep.
_PANEL_NAME = re.compile(r"[a-z0-9_-]{1,16}")
# More panels beside the main one (slot 1): PANEL2_... to PANEL9_..., each a slot.
PANEL_SLOTS = range(2, 10)
_SLOT_PARTS = ("name", "api_url", "api_key", "rate")
for _slot in PANEL_SLOTS:
    EXPECTED |= {
        f"panel{_slot}_name": (
            f"panel {_slot}'s short name, 1 to 16 of a-z, 0-9, _ and -, not another panel's,"
            " like cheap"
        ),
        f"panel{_slot}_api_url": (
            f"panel {_slot}'s API endpoint, an http(s) URL like https://panel.example/api/v2"
        ),
        f"panel{_slot}_api_key": f"the reseller's API key from panel {_slot}",
        f"panel{_slot}_rate": (
            f"what one unit of panel {_slot}'s money is worth in the shop's (the main panel's),"
            " a number above 0, like 1 or 0.000079"
        ),
    }


Network = IPv4Network | IPv6Network
_Bound = TypeVar("_Bound", int, Decimal)
# Loopback and the private ranges: a proxy on this machine or in the same Docker network.
# Where the shop's API v2 is served, on the public server; panels' clients expect this path.
API_PATH = "/api/v2"
DEFAULT_TRUSTED_PROXIES = "127.0.0.0/8,::1,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,fc00::/7"


def parse_networks(value: str) -> tuple[Network, ...]:
    """`10.0.0.0/8,::1` as networks; ValueError for anything else."""
    parts = (part.strip() for part in value.split(","))
    return tuple(ip_network(part, strict=False) for part in parts if part)


def zone_of(name: str) -> ZoneInfo:
    """The IANA zone `name` (Asia/Tashkent); ValueError if there is none by that name."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError("not a time zone") from None


def _netloc(url: HttpUrl) -> str:
    """host[:port] of a URL, the port only where it is not the scheme's own."""
    default = {"http": 80, "https": 443}.get(url.scheme)
    return (url.host or "") if url.port in (None, default) else f"{url.host}:{url.port}"


def parse_listen(value: str) -> tuple[str, int]:
    """`host:port` (an empty host is every interface) as (host, port)."""
    match = _LISTEN.fullmatch(value)
    if match is None or not 0 < int(match["port"]) < 65536:
        raise ValueError("not host:port")
    return match["host"].strip("[]") or "0.0.0.0", int(match["port"])  # noqa: S104


@dataclass(frozen=True)
class PanelSettings:
    """One panel the shop buys from: slot 1 is the main one (PANEL_...), 2-9 PANELn_..."""

    slot: int
    name: str  # lower case: names are compared in any case
    api_url: str
    api_key: SecretStr
    rate: Decimal  # one unit of its money in the shop's (the main panel's): 1 for the main

    @property
    def main(self) -> bool:
        return self.slot == 1


def _slot_fields() -> dict[str, Any]:
    """PANEL2_NAME ... PANEL9_RATE, each slot's four in the order they are checked."""
    fields: dict[str, Any] = {}
    for slot in PANEL_SLOTS:
        fields[f"panel{slot}_name"] = (str, "")
        fields[f"panel{slot}_api_url"] = (HttpUrl | None, None)
        fields[f"panel{slot}_api_key"] = (SecretStr | None, None)
        # Checked even when unset: the slot's completeness is said on this line.
        fields[f"panel{slot}_rate"] = (
            Decimal | None,
            Field(default=None, gt=0, le=1_000_000, allow_inf_nan=False, validate_default=True),
        )
    return fields


if TYPE_CHECKING:
    _WithPanelSlots = BaseSettings
else:
    # Thirty-two settings of one shape: made, not written out; read through `panels`.
    _WithPanelSlots = create_model("_WithPanelSlots", __base__=BaseSettings, **_slot_fields())


class Settings(_WithPanelSlots):
    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr
    panel_api_url: HttpUrl
    panel_api_key: SecretStr
    # The main panel's name for admins (orders of the main panel are kept as '' whatever it is).
    panel_name: str = "main"
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()
    database_path: Path = Path("data/bot.sqlite3")
    telegram_api_url: HttpUrl | None = None
    status_poll_interval: float = Field(default=60, gt=0)
    price_markup_percent: Decimal = Field(default=Decimal(20), ge=0, allow_inf_nan=False)
    price_decimals: int = Field(default=2, ge=0, le=5)
    panel_timeout: float = Field(default=15, gt=0)
    default_locale: Locale = "en"
    # Times shown to people are in the shop's zone; stored times stay UTC.
    shop_timezone: str = "UTC"
    catalogue_refresh: float = Field(default=600, gt=0)
    support_contact: str = ""
    # Named in the /start greeting; empty: the greeting names no shop.
    shop_name: str = Field(default="", max_length=64)
    panel_balance_alert: Decimal = Field(default=Decimal(0), ge=0, allow_inf_nan=False)
    panel_balance_check: float = Field(default=600, gt=0)
    topup_min_stars: int = Field(default=50, ge=1, le=MAX_INVOICE_STARS)
    topup_max_stars: int = Field(default=MAX_INVOICE_STARS, ge=1, le=MAX_INVOICE_STARS)
    # Balance units (the panel's currency) per star. Capped so the largest top-up still fits
    # the database's integer minor units.
    stars_rate: Decimal = Field(default=Decimal("0.01"), gt=0, le=1_000_000, allow_inf_nan=False)
    # Card transfers: on when the details are set. A line break is written `\n` in .env (one
    # variable is one line there), and turned into a real one here.
    transfer_details: str = ""
    transfer_min: Decimal = Field(default=Decimal(1), gt=0, allow_inf_nan=False)
    transfer_max: Decimal = Field(default=Decimal(10_000_000), gt=0, allow_inf_nan=False)
    # Growth (issue 27): the referrer's share of each top-up of a customer they brought.
    referral_percent: Decimal = Field(default=Decimal(0), ge=0, le=100, allow_inf_nan=False)
    notify_rate: float = Field(default=25, ge=1)
    new_services_visible: bool = True
    # Running it: webhook or polling, health and metrics, logs, backups, housekeeping.
    webhook_url: HttpUrl | None = None
    webhook_listen: str = "0.0.0.0:8080"
    # Empty: derived from the bot token, so it survives restarts without one more secret.
    webhook_secret: SecretStr | None = None
    # Empty: off in polling mode; with a webhook, health and metrics share its server.
    http_listen: str = ""
    # Empty: no Mini App and no entry to it. Served by the bot's own HTTP server, behind the
    # reseller's HTTPS proxy: Telegram opens Mini Apps over https only.
    webapp_url: HttpUrl | None = None
    # /readyz and /metrics tell the panel's balance and order volume: loopback unless the
    # operator opens them (compose: the container's own network, for Prometheus).
    ops_listen: str = "127.0.0.1:9090"
    # The shop's own API v2 for resellers (issue 28), at /api/v2 on HTTP_LISTEN (or the
    # webhook's server). Per key: API_BURST calls at once, then API_RATE a second; orders
    # also API_ADD_BURST at once, then API_ADD_RATE a second (each places at the panel).
    api_enabled: bool = False
    api_rate: float = Field(default=5, gt=0)
    api_burst: int = Field(default=60, ge=1)
    api_add_rate: float = Field(default=1, gt=0)
    api_add_burst: int = Field(default=20, ge=1)
    # Whose X-Forwarded-For is believed: the address a request came from is limited per
    # address and, for the webhook, checked against Telegram's ranges.
    trusted_proxies: str = DEFAULT_TRUSTED_PROXIES
    # Off only where another proxy in front (a CDN) hides Telegram's address.
    webhook_ip_filter: bool = True
    # Payme and Click (issue 29): each on when its settings are set and the shop's money is
    # UZS; their merchant APIs are served on HTTP_LISTEN (or the webhook's server).
    payme_merchant_id: str = ""
    payme_key: SecretStr | None = Field(default=None, validate_default=True)
    payme_checkout_url: HttpUrl = HttpUrl("https://checkout.paycom.uz")
    click_service_id: int | None = Field(default=None, gt=0)
    click_merchant_id: int | None = Field(default=None, gt=0)
    click_secret_key: SecretStr | None = Field(default=None, validate_default=True)
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["text", "json"] = "text"
    # Empty: `backups` beside the database, so it is in the same volume.
    backup_dir: Path | None = None
    backup_interval: float = Field(default=86400, ge=0)
    backup_keep: int = Field(default=7, ge=1)
    outbox_keep_days: float = Field(default=30, gt=0)
    # Crypto Pay (@CryptoBot): on when the token is set.
    crypto_pay_token: SecretStr | None = None
    crypto_pay_api_url: HttpUrl = HttpUrl("https://pay.crypt.bot/api")
    crypto_pay_assets: Annotated[tuple[str, ...], NoDecode] = ()
    crypto_pay_fiat: str = ""
    crypto_pay_fiat_rate: Decimal = Field(default=Decimal(1), gt=0, allow_inf_nan=False)
    crypto_pay_min: Decimal = Field(default=Decimal(1), gt=0, allow_inf_nan=False)
    crypto_pay_max: Decimal = Field(
        default=Decimal(10_000_000), gt=0, le=MAX_TYPED_AMOUNT, allow_inf_nan=False
    )
    crypto_pay_expires_in: int = Field(default=3600, ge=60, le=CRYPTO_PAY_MAX_EXPIRES)
    crypto_pay_poll_interval: float = Field(default=15, gt=0)

    @field_validator("bot_token", "panel_api_key", mode="before")
    @classmethod
    def _not_placeholder(cls, value: Any, info: ValidationInfo) -> Any:
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str) and text.strip() == PLACEHOLDERS[str(info.field_name)]:
            raise PydanticCustomError("placeholder", "still the example value")
        return value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr) -> SecretStr:
        if not _TOKEN.fullmatch(value.get_secret_value()):
            raise ValueError("not a bot token")
        return value

    @field_validator("panel_api_key")
    @classmethod
    def _key_present(cls, value: SecretStr) -> SecretStr:
        if not value.get_secret_value().strip():
            raise ValueError("empty")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.isascii() and part.isdigit() for part in parts):
                raise ValueError("not a list of ids")
            return frozenset(int(part) for part in parts)
        return value

    @field_validator(
        "telegram_api_url",
        "webhook_url",
        "webhook_secret",
        "backup_dir",
        "webapp_url",
        "crypto_pay_token",
        "payme_key",
        "click_service_id",
        "click_merchant_id",
        "click_secret_key",
        *(f"panel{slot}_{part}" for slot in PANEL_SLOTS for part in _SLOT_PARTS[1:]),
        mode="before",
    )
    @classmethod
    def _empty_is_default(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("panel_name", *(f"panel{slot}_name" for slot in PANEL_SLOTS))
    @classmethod
    def _panel_name_shape(cls, value: str, info: ValidationInfo) -> str:
        value = value.strip().lower()
        if not value and info.field_name != "panel_name":
            return value  # an unused slot
        if not _PANEL_NAME.fullmatch(value):
            raise ValueError("not a panel name")
        # Slots are checked before PANEL_NAME (they come from a base class): whichever comes
        # second of two equal names is the one said to clash.
        others = ("panel_name", *(f"panel{slot}_name" for slot in PANEL_SLOTS))
        for other in others:
            if other != info.field_name and info.data.get(other) == value:
                raise PydanticCustomError(
                    "said",
                    "{name} is {value}, as is {other}: each panel needs a name of its own",
                    {"name": str(info.field_name).upper(), "value": value, "other": other.upper()},
                )
        return value

    @field_validator(*(f"panel{slot}_rate" for slot in PANEL_SLOTS))
    @classmethod
    def _slot_complete(cls, value: Decimal | None, info: ValidationInfo) -> Decimal | None:
        prefix = str(info.field_name).removesuffix("_rate")
        names = [f"{prefix}_{part}" for part in _SLOT_PARTS[:-1]]
        if any(name not in info.data for name in names):
            return value  # one is malformed: said once, on its own line
        given = [bool(info.data[name]) for name in names] + [value is not None]
        if any(given) and not all(given):
            missing = [
                f"{prefix}_{part}".upper()
                for part, present in zip(_SLOT_PARTS, given, strict=True)
                if not present
            ]
            raise PydanticCustomError(
                "said",
                "{prefix} is incomplete: {missing} missing (a panel needs all four of"
                " {prefix}_NAME, {prefix}_API_URL, {prefix}_API_KEY, {prefix}_RATE)",
                {"prefix": prefix.upper(), "missing": ", ".join(missing)},
            )
        return value

    @field_validator("crypto_pay_token")
    @classmethod
    def _crypto_token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _CRYPTO_TOKEN.fullmatch(value.get_secret_value()):
            raise ValueError("not a Crypto Pay token")
        return value

    @field_validator("crypto_pay_assets", mode="before")
    @classmethod
    def _split_assets(cls, value: Any) -> Any:
        if isinstance(value, str):
            assets = tuple(part.strip().upper() for part in value.split(",") if part.strip())
            if not all(_ASSET.fullmatch(asset) for asset in assets):
                raise ValueError("not a list of assets")
            return assets
        return value

    @field_validator("crypto_pay_fiat")
    @classmethod
    def _known_fiat(cls, value: str) -> str:
        value = value.strip().upper()
        if value and value not in CRYPTO_PAY_FIATS:
            raise ValueError("not a fiat currency Crypto Pay takes")
        return value

    @field_validator("shop_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        zone_of(value)
        return value

    @field_validator("webhook_listen", "http_listen", "ops_listen")
    @classmethod
    def _listen_shape(cls, value: str) -> str:
        if value:
            parse_listen(value)
        return value

    @field_validator("ops_listen")
    @classmethod
    def _own_port(cls, value: str, info: ValidationInfo) -> str:
        webhook = info.data.get("webhook_listen") if info.data.get("webhook_url") else ""
        for other in (info.data.get("http_listen"), webhook):
            # The same host:port is one server sharing the routes; another host on the same
            # port would fail to listen only once the bot is half started.
            if (
                value
                and other
                and value != other
                and parse_listen(value)[1] == parse_listen(other)[1]
            ):
                raise ValueError("shares a port with another server")
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _networks(cls, value: str) -> str:
        parse_networks(value)
        return value

    @field_validator("webhook_secret")
    @classmethod
    def _secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError("not a webhook secret")
        return value

    @field_validator("webapp_url")
    @classmethod
    def _webapp_served(cls, value: HttpUrl | None, info: ValidationInfo) -> HttpUrl | None:
        if value is None:
            return None
        # Plain http only on this machine (a test, a local try-out): Telegram refuses it.
        if value.scheme != "https" and value.host not in {"127.0.0.1", "localhost"}:
            raise ValueError("not https")
        if not info.data.get("http_listen") and info.data.get("webhook_url") is None:
            raise ValueError("needs HTTP_LISTEN or WEBHOOK_URL: no server would serve it")
        return value

    @field_validator("api_enabled")
    @classmethod
    def _api_served(cls, value: bool, info: ValidationInfo) -> bool:
        if value and not info.data.get("http_listen") and info.data.get("webhook_url") is None:
            raise ValueError("needs HTTP_LISTEN or WEBHOOK_URL: no server would answer it")
        return value

    @field_validator("payme_merchant_id")
    @classmethod
    def _merchant_shape(cls, value: str) -> str:
        if value and not _PAYME_MERCHANT.fullmatch(value):
            raise ValueError("not a Payme merchant id")
        return value

    @field_validator("payme_key")
    @classmethod
    def _payme_pair(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        if "payme_merchant_id" not in info.data:  # malformed: said once, on its own line
            return value
        if bool(info.data["payme_merchant_id"]) != bool(value and value.get_secret_value()):
            raise ValueError("set with PAYME_MERCHANT_ID")
        return value

    @field_validator("click_secret_key")
    @classmethod
    def _click_set(cls, value: SecretStr | None, info: ValidationInfo) -> SecretStr | None:
        # One of the three alone means nothing: all of them, or none.
        if not {"click_service_id", "click_merchant_id"} <= info.data.keys():
            return value  # one is malformed: said once, on its own line
        parts = (
            info.data.get("click_service_id") is not None,
            info.data.get("click_merchant_id") is not None,
            bool(value and value.get_secret_value()),
        )
        if any(parts) and not all(parts):
            raise ValueError("set with CLICK_SERVICE_ID and CLICK_MERCHANT_ID")
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _level_any_case(cls, value: Any) -> Any:
        return value.upper() if isinstance(value, str) else value

    @field_validator("topup_max_stars", "crypto_pay_max")
    @classmethod
    def _max_not_below_min(cls, value: _Bound, info: ValidationInfo) -> _Bound:
        low = str(info.field_name).replace("_max", "_min")
        minimum = info.data.get(low)
        if minimum is not None and value < minimum:
            raise ValueError(f"below {low.upper()}")
        return value

    @field_validator("stars_rate")
    @classmethod
    def _rate_buys_something(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        try:
            to_minor(value)
        except MoneyError:
            raise ValueError("not exact in minor units") from None
        decimals = info.data.get("price_decimals")
        minimum = info.data.get("topup_min_stars")
        # The credit is rounded down to the price step: the smallest top-up must not buy 0.
        if (
            decimals is not None
            and minimum is not None
            and not refund_down(value * minimum, decimals)
        ):
            raise ValueError("the smallest top-up would credit nothing")
        return value

    @field_validator("transfer_details")
    @classmethod
    def _details_lines(cls, value: str) -> str:
        text = value.replace("\\n", "\n").strip()
        if len(text) > TRANSFER_DETAILS_LIMIT:
            raise ValueError("too long")
        return text

    @field_validator("transfer_min", "transfer_max")
    @classmethod
    def _transfer_bound(cls, value: Decimal, info: ValidationInfo) -> Decimal:
        decimals = info.data.get("price_decimals")
        if value > MAX_TYPED_AMOUNT or (decimals is not None and value != round(value, decimals)):
            raise ValueError("out of range")
        minimum = info.data.get("transfer_min")
        if info.field_name == "transfer_max" and minimum is not None and value < minimum:
            raise ValueError("below TRANSFER_MIN")
        return value

    # Defined last, so it runs before every other check of a value.
    @field_validator("*", mode="before")
    @classmethod
    def _not_quoted(cls, value: Any) -> Any:
        # `docker run --env-file` keeps quotes as part of the value (compose and .env strip
        # them): say so, instead of calling the value inside malformed.
        text = value.get_secret_value() if isinstance(value, SecretStr) else value
        if isinstance(text, str) and len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
            raise PydanticCustomError("quoted", "wrapped in quotes", {"quote": text[0]})
        return value

    @property
    def transfers_on(self) -> bool:
        return bool(self.transfer_details)

    @property
    def referrals_on(self) -> bool:
        return self.referral_percent > 0

    @property
    def zone(self) -> ZoneInfo:
        return zone_of(self.shop_timezone)

    @property
    def panel_url(self) -> str:
        return str(self.panel_api_url)

    @property
    def panels(self) -> tuple[PanelSettings, ...]:
        """Every panel, the main one first, then PANEL2_ ... PANEL9_ as set."""
        main = PanelSettings(1, self.panel_name, self.panel_url, self.panel_api_key, Decimal(1))
        more = []
        for slot in PANEL_SLOTS:
            url = getattr(self, f"panel{slot}_api_url")
            if url is None:
                continue
            key = getattr(self, f"panel{slot}_api_key")
            name, rate = getattr(self, f"panel{slot}_name"), getattr(self, f"panel{slot}_rate")
            more.append(PanelSettings(slot, name, str(url), key, rate))
        return (main, *more)

    @property
    def backups_folder(self) -> Path:
        return self.backup_dir or self.database_path.parent / "backups"

    @property
    def proxies(self) -> tuple[Network, ...]:
        return parse_networks(self.trusted_proxies)

    @property
    def webhook_server(self) -> str:
        """Where the webhook's server listens; empty when polling."""
        return self.webhook_listen if self.webhook_url is not None else ""

    @property
    def api_endpoint(self) -> str:
        """Where customers reach the shop's API v2: beside the Mini App's public address (the
        same server serves both), else the webhook's when that server serves it, else
        HTTP_LISTEN's own host:port."""
        if self.webapp_url is not None:
            base = f"{self.webapp_url.scheme}://{_netloc(self.webapp_url)}"
        elif not self.http_listen and self.webhook_url is not None:
            base = f"{self.webhook_url.scheme}://{_netloc(self.webhook_url)}"
        else:
            base = f"http://{self.http_listen}"
        return base + API_PATH

    def secrets(self) -> list[str]:
        """Every secret set, for the logs to mask: each SecretStr setting (every panel's
        key, the payment methods' keys) and the webhook's token, which is derived."""
        values = [getattr(self, name) for name in type(self).model_fields]
        found = [value.get_secret_value() for value in values if isinstance(value, SecretStr)]
        return [*found, self.webhook_token]

    @property
    def webhook_token(self) -> str:
        """The secret Telegram sends with every webhook request."""
        if self.webhook_secret is not None:
            return self.webhook_secret.get_secret_value()
        token = self.bot_token.get_secret_value().encode()
        return hashlib.sha256(b"webhook:" + token).hexdigest()


class SettingsError(Exception):
    """Settings are missing or malformed; `lines` says which, one line each."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def describe(error: ValidationError) -> list[str]:
    """One line per problem, naming the variable and what is expected of it.

    The value someone typed is shown only for settings that are not secrets.
    """
    lines: dict[str, str] = {}
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        name = field.upper()
        expected = EXPECTED.get(field, problem["msg"])
        if problem["type"] == "missing":
            lines.setdefault(name, f"{name} is missing: set it to {expected}")
            continue
        if problem["type"] == "placeholder":
            lines.setdefault(
                name, f"{name} is still the example value from .env.example: set it to {expected}"
            )
            continue
        if problem["type"] == "said":  # the check wrote the whole line
            lines.setdefault(name, problem["msg"])
            continue
        if problem["type"] == "quoted":
            quote = (problem.get("ctx") or {}).get("quote", '"')
            lines.setdefault(
                name,
                f"{name} starts and ends with {quote}: remove the quotes around the value"
                " (`docker run --env-file` keeps them as part of it; compose and .env drop them)",
            )
            continue
        shown = "" if field in SECRET_FIELDS else f" (got {problem['input']!r})"
        lines.setdefault(name, f"{name} is malformed{shown}: expected {expected}")
    return list(lines.values())


def load_settings(**overrides: Any) -> Settings:
    """Read the environment and `.env`; raise `SettingsError` listing every problem."""
    try:
        return Settings(**overrides)
    except ValidationError as error:
        raise SettingsError(describe(error)) from None
