"""`/greeting`: the /start greeting per language. `/greeting ru | text` sets it, `/greeting
ru` shows it, `/greeting ru -` goes back to the one composed from SHOP_NAME and the
catalogue; `/greeting` alone says how, and which languages have one of their own."""

from __future__ import annotations

from aiogram import Router, html
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.catalogue import Catalogue
from bot.greeting import GREETING_LIMIT, greeting
from bot.i18n import Html, Texts, Translator
from bot.settings import LOCALES, Settings
from bot.storage.greetings import GreetingsRepo

RESET = "-"


def _parse(args: str) -> tuple[str, str | None]:
    """(language, text): text None to show, RESET to reset. Also takes the `/greeting | ru
    | text` spelling, as /rename does."""
    args = args.strip().removeprefix("|").strip()
    language, bar, text = args.partition("|")
    if bar:
        return language.strip().lower(), text.strip()
    words = language.split(maxsplit=1)
    if len(words) == 2:  # "ru -" resets; "ru words" without a bar is not a greeting
        return words[0].lower(), RESET if words[1].strip() == RESET else ""
    return (words[0].lower() if words else ""), None


async def greeting_command(
    message: Message,
    command: CommandObject,
    greetings: GreetingsRepo,
    settings: Settings,
    catalogue: Catalogue,
    translator: Translator,
    t: Texts,
) -> None:
    if not command.args:
        own = [code for code in LOCALES if await greetings.get(code) is not None]
        await message.answer(t("greeting-usage", own=", ".join(own) or "—"))
        return
    language, text = _parse(command.args)
    if language not in LOCALES:
        await message.answer(t("greeting-bad-language"))
        return
    if text is None:
        customer_t = translator.texts(language)
        shown = await greeting(customer_t, "…", settings, catalogue, greetings)
        key = "greeting-own" if await greetings.get(language) else "greeting-composed"
        await message.answer(t(key, language=language, text=Html(shown)))
        return
    if text == RESET:
        reset = await greetings.reset(language)
        await message.answer(
            t("greeting-reset" if reset else "greeting-not-set", language=language)
        )
        return
    if not text:
        await message.answer(t("greeting-usage", own="—"))
        return
    if len(text) > GREETING_LIMIT:
        await message.answer(t("greeting-too-long", length=len(text), limit=GREETING_LIMIT))
        return
    if message.from_user is None:  # cannot happen in a private chat
        return
    await greetings.put(language, text, message.from_user.id)
    await message.answer(t("greeting-saved", language=language, text=Html(html.quote(text))))


def create_router() -> Router:
    router = Router(name="admin-greeting")
    router.message.register(greeting_command, Command("greeting"))
    return router
