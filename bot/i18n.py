"""Texts in en, ru and uz from Fluent files in `locales/<lang>/*.ftl`.

Every string argument is HTML-escaped when a message is rendered: arguments are data (names
from the panel, links and names typed by people), markup lives only in the `.ftl` files, so
no caller can forget to escape. Amounts (`Money`), times (`datetime`, `Day`) and numbers are
passed as values and written out here, in the message's language (bot/formats.py).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from decimal import Decimal
from pathlib import Path

from fluent.runtime import FluentBundle, FluentResource
from fluent.runtime.types import FluentNumber, fluent_number

from bot import formats
from bot.formats import Day, Money
from bot.settings import LOCALES, Locale

log = logging.getLogger(__name__)

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
FALLBACK: Locale = "en"
# Uzbek writes the o of "Ozbekcha" with U+02BB (turned comma), not an apostrophe.
LANGUAGE_NAMES: dict[Locale, str] = {"en": "English", "ru": "Русский", "uz": "O\u02bbzbekcha"}

Arg = str | int | Decimal | Money | datetime | Day


class Html(str):
    """Text that is HTML already (a message the Translator rendered, its arguments escaped),
    passed into another message: it is not escaped a second time."""

    __slots__ = ()


def pick_locale(stored: str | None, telegram_code: str | None, default: Locale) -> Locale:
    """A stored choice wins; else Telegram's language (`ru`, `ru-RU`), else the default."""
    for candidate in (stored, (telegram_code or "").split("-")[0].lower()):
        if candidate in LOCALES:
            return candidate
    return default


_FLUENT_MAX_ARG = 2500


class Translator:
    """All catalogues, loaded once; `t = translator.texts("ru")` renders in one language."""

    def __init__(self, directory: Path = LOCALES_DIR, *, zone: tzinfo = UTC) -> None:
        # Times are shown in the shop's zone (SHOP_TIMEZONE), whoever reads them.
        self.zone = zone
        self.bundles: dict[Locale, FluentBundle] = {}
        for locale in LOCALES:
            # Isolation marks (U+2068/U+2069) would end up inside Telegram messages and links.
            bundle = FluentBundle([locale], use_isolating=False)
            files = sorted((directory / locale).glob("*.ftl"))
            if not files:
                raise FileNotFoundError(f"no .ftl files for {locale!r} in {directory}")
            for path in files:
                bundle.add_resource(FluentResource(path.read_text(encoding="utf-8")))
            self.bundles[locale] = bundle

    def render(
        self, locale: Locale, key: str, args: Mapping[str, Arg], *, escape: bool = True
    ) -> str:
        bundle = self.bundles[locale]
        if not bundle.has_message(key):
            log.error("message %r is missing in %s", key, locale)
            if locale == FALLBACK:
                return key
            return self.render(FALLBACK, key, args, escape=escape)
        message = bundle.get_message(key)
        if message.value is None:
            log.error("message %r has no value in %s", key, locale)
            return key
        safe = {name: self._safe(locale, value, escape) for name, value in args.items()}
        # fluent.runtime refuses a string argument over 2,500 characters; a long text (a
        # service's description, something a person typed) goes through as a marker and is
        # put back after formatting.
        long: dict[str, str] = {}
        for name, value in safe.items():
            if isinstance(value, str) and len(value) > _FLUENT_MAX_ARG:
                marker = f"\x00{len(long)}\x00"
                long[marker] = value
                safe[name] = marker
        text, errors = bundle.format_pattern(message.value, safe)
        for error in errors:
            log.error("message %r in %s: %s", key, locale, error)
        text = str(text)
        for marker, value in long.items():
            text = text.replace(marker, value)
        return text

    def texts(self, locale: Locale) -> Texts:
        return Texts(self, locale)

    def write(self, locale: Locale, value: Arg) -> str:
        """A value as the language writes it, outside any message (a button, a list)."""
        if isinstance(value, int | Decimal) and not isinstance(value, bool):
            return formats.number(value, locale)
        return str(self._written(locale, value))

    def _safe(self, locale: Locale, value: Arg, escape: bool) -> str | int | FluentNumber:
        if isinstance(value, Html):
            return str(value)
        written = self._written(locale, value)
        # Escaped as written: a currency is the panel's text.
        return html.escape(written) if escape and isinstance(written, str) else written

    def _written(self, locale: Locale, value: Arg) -> str | int | FluentNumber:
        """What Fluent receives: text for amounts and times; numbers stay numbers, so
        plural selectors still work on them, but keep every decimal they have (Fluent
        would cut a Decimal to 3)."""
        match value:
            case Money():
                return formats.money(value, locale)
            case datetime():
                return formats.moment(value, locale, self.zone)
            case Day():
                return formats.day(value, locale, self.zone)
            case Decimal():
                shown = formats.places(value)
                number = fluent_number(
                    value, minimumFractionDigits=shown, maximumFractionDigits=shown
                )
                return number if isinstance(number, FluentNumber) else str(value)
            case _:
                return value


@dataclass(frozen=True, slots=True)
class Texts:
    """The texts of one language; handlers receive it as `t` and call `t("key", name=...)`."""

    translator: Translator
    locale: Locale

    def __call__(self, key: str, /, **args: Arg) -> str:
        return self.translator.render(self.locale, key, args)

    def plain(self, key: str, /, **args: Arg) -> str:
        """For plain-text places (button labels, inline titles): arguments not escaped.

        The message itself must hold no markup.
        """
        return self.translator.render(self.locale, key, args, escape=False)

    def write(self, value: Arg) -> str:
        """A number, amount or time as this language writes it (plain text, not escaped)."""
        return self.translator.write(self.locale, value)
