"""The market's words: what customers type in Russian and Uzbek (and the short forms
everyone types) for what panels sell, and the English words panels name it with. Data,
read by the catalogue's search and its search hints.

A typed word means a term when it starts with one of the term's stems (Russian and Uzbek
add endings: просмотров, obunachilarni) or is one of its short forms (тг, yt), which must
be whole: "тг" is the start of too many words. Everything is written folded
(`bot.text.folded`: lower case, every apostrophe as U+02BB), as the search compares.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from bot.text import folded


@dataclass(frozen=True)
class Term:
    panel: tuple[str, ...]  # in the panel's English names; the first is the hint's source
    stems: tuple[str, ...]  # how customers start the word, in any language
    hints: Mapping[str, str]  # the word a search hint offers, by language
    short: tuple[str, ...] = field(default=())  # whole words only


TERMS: tuple[Term, ...] = (
    # What is sold.
    Term(
        ("views", "view"),
        ("просмотр", "просмотор", "koʻrish", "korish", "koʻrilish", "prosmotr"),
        {"ru": "просмотры", "uz": "koʻrishlar"},
    ),
    Term(
        ("members", "member", "followers", "follower", "subscribers", "subscriber"),
        ("подписчик", "подпищик", "фолловер", "фоловер", "участник", "obunachi", "aʻzo", "podpis"),
        {"ru": "подписчики", "uz": "obunachilar"},
    ),
    Term(("likes", "like"), ("лайк", "layk"), {"ru": "лайки", "uz": "layklar"}),
    Term(
        ("reactions", "reaction"),
        ("реакци", "реакц", "reaksiya", "reaktsiya", "reaksiy"),
        {"ru": "реакции", "uz": "reaksiyalar"},
    ),
    Term(
        ("comments", "comment"),
        ("коммент", "комент", "izoh", "komment", "koment"),
        {"ru": "комментарии", "uz": "izohlar"},
    ),
    Term(
        ("votes", "vote", "poll"),
        ("голос", "опрос", "ovoz", "soʻrovnoma", "sorovnoma"),
        {"ru": "голоса", "uz": "ovozlar"},
    ),
    Term(
        ("shares", "share", "reposts", "repost", "retweets", "retweet", "forwards"),
        ("репост", "ретвит", "поделит", "пересыл", "repost", "ulash"),
        {"ru": "репосты", "uz": "repostlar"},
    ),
    # Where it is sold.
    Term(
        ("telegram",),
        ("телег", "телеграм", "telega", "telegramm"),
        {"ru": "телеграм", "uz": "telegram"},
        ("тг", "tg"),
    ),
    Term(
        ("instagram",),
        ("инст", "insta", "instagramm"),
        {"ru": "инстаграм", "uz": "instagram"},
        ("ig",),
    ),
    Term(
        ("youtube",),
        ("ютуб", "ютьюб", "ютюб", "yutub", "youtub", "yutube"),
        {"ru": "ютуб", "uz": "youtube"},
        ("yt",),
    ),
    Term(
        ("tiktok", "tik tok"),
        ("тикток", "тик-ток", "tik-tok", "tiktok"),
        {"ru": "тикток", "uz": "tiktok"},
    ),
    Term(
        ("facebook",),
        ("фейсбук", "фэйсбук", "feysbuk"),
        {"ru": "фейсбук", "uz": "facebook"},
        ("фб", "fb"),
    ),
    Term(
        ("twitter",),
        ("твиттер", "твитер", "tvitter", "tviter"),
        {"ru": "твиттер", "uz": "twitter"},
    ),
    Term(("twitch",), ("твич", "tvich"), {"ru": "твич", "uz": "twitch"}),
    Term(("spotify",), ("спотифай", "spotifay"), {"ru": "спотифай", "uz": "spotify"}),
    Term(("vkontakte", "vk"), ("вконтакт",), {"ru": "вконтакте", "uz": "vk"}, ("вк",)),
)

# Two words people write for one: joined before the words are taken apart.
PHRASES: Mapping[str, str] = {"тик ток": "тикток", "tik tok": "tiktok"}


def _check(terms: tuple[Term, ...]) -> None:
    """The table is written folded, or a stem could never match (a capital, a plain ')."""
    for term in terms:
        for word in (*term.panel, *term.stems, *term.short, *term.hints.values()):
            if folded(word) != word.strip():
                raise ValueError(f"synonyms: {word!r} is not written folded")


_check(TERMS)


def phrases_joined(query: str) -> str:
    """A folded query with the two-word names written as one."""
    for phrase, word in PHRASES.items():
        query = query.replace(phrase, word)
    return query


def meanings(word: str) -> tuple[str, ...]:
    """The panel's words for a folded typed word (none: the word means only itself)."""
    found: list[str] = []
    for term in TERMS:
        if word in term.short or any(word.startswith(stem) for stem in term.stems):
            found.extend(term.panel)
    # A search looks for each inside a name: "members" is found wherever "member" is.
    return tuple(w for w in found if not any(o != w and o in w for o in found))


def hint(word: str, locale: str) -> str | None:
    """The word a search hint offers in `locale` for a folded word of a panel's name."""
    for term in TERMS:
        if word in term.panel:
            return term.hints.get(locale)
    return None
