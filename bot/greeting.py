"""The /start greeting: an admin's own for the customer's language, else one composed from
SHOP_NAME and what the catalogue sells (its first categories, in the shop's order)."""

from __future__ import annotations

from aiogram import html

from bot.catalogue import Catalogue
from bot.i18n import Texts
from bot.settings import Settings
from bot.storage.greetings import GreetingsRepo

# Categories named in the greeting; more are summed up as "and more".
NAMED_CATEGORIES = 3
# An admin's greeting, as typed (before escaping): one screen of text.
GREETING_LIMIT = 1000


async def greeting(
    t: Texts, name: str, settings: Settings, catalogue: Catalogue, greetings: GreetingsRepo
) -> str:
    own = await greetings.get(t.locale)
    if own is not None:  # plain text as the admin typed it: shown, never read as markup
        return html.quote(own)
    # The texts escape their arguments: names go in as they are.
    lines = [t("greeting", name=name)]
    if settings.shop_name:
        lines.append(t("greeting-shop", shop=settings.shop_name))
    sells = _what_we_sell(t, catalogue)
    if sells:
        lines.append(sells)
    lines.append(t("greeting-how"))
    return "\n".join(lines)


def _what_we_sell(t: Texts, catalogue: Catalogue) -> str:
    # The catalogue in hand (loaded at start-up), never a wait on the panel: /start answers
    # at once even when the panel hangs, and without a catalogue it names no categories.
    snapshot = catalogue.snapshot
    if snapshot is None:
        return ""
    names = [snapshot.category_name(c, t.locale) for c in snapshot.categories]
    if not names:
        return ""
    key = "greeting-sells-more" if len(names) > NAMED_CATEGORIES else "greeting-sells"
    return t(key, categories=", ".join(names[:NAMED_CATEGORIES]))
