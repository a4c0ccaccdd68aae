"""Whether words typed outside any conversation read as a question or a complaint for us
("hello, my order is not moving", "где мой заказ 23501?", "buyurtmam qani") rather than
as words to search the catalogue for ("просмотры", "telegram members"), and which order
numbers they name.

The cues are data: words people open a question with, ask with or complain with, in
English, Russian and Uzbek, matched whole or by their start (Russian and Uzbek add
endings: заказа, buyurtmam). Search words are nouns of what the shop sells: none of them
is a cue. Nor is a wish to buy ("мне нужны подписчики", "obunachilar kerak"): that is
searched for.
"""

from __future__ import annotations

import re

from bot.text import folded

# Matched as whole words (an apostrophe as any look-alike: `folded`).
_WORDS = frozenset(
    folded(word)
    for word in (
        # English
        *("hello", "hi", "hey", "help", "where", "why", "when", "how", "what", "who"),
        *("not", "never", "isn't", "doesn't", "didn't", "hasn't", "haven't", "won't"),
        *("can't", "cannot", "problem", "issue", "refund", "money", "stuck", "late", "still"),
        *("wrong", "please", "my"),
        # Russian
        *("привет", "здравствуйте", "здрасте", "здрасьте", "добрый", "помогите", "помощь"),
        *("где", "почему", "зачем", "когда", "как", "что", "кто", "сколько", "не", "нет"),
        *("проблема", "ошибка", "жалоба", "пожалуйста", "долго", "ещё", "еще", "уже"),
        *("мой", "моя", "мои", "моего", "моей", "моих", "почему-то"),
        # Uzbek
        *("salom", "assalomu", "assalom", "alaykum", "qani", "nega", "nima"),
        *("qachon", "qanday", "qancha", "muammo", "xato", "iltimos", "hali", "yo'q", "emas"),
        *("mening", "buyurtmam", "buyurtmalarim"),
        # "Order" alone may be the wish to order: only the forms that speak of one placed.
        *("заказ", "заказа", "заказу", "заказом", "заказе", "заказы", "заказов"),
    )
)
# Matched as the start of a word.
_STEMS = (
    *("вернит", "возврат", "деньг", "списал", "пришл", "работа", "двига"),
    *("buyurtmam", "pulim", "pulni", "qaytar", "kelmad", "ishlama", "tushmad", "yordam"),
    *("refund", "moving", "arrived", "charged", "working"),
)
_NUMBER = re.compile(r"#?(\d{1,12})\b")
_WORD = re.compile(r"[^\W\d_][\w\u02bb'-]*")


def is_question(text: str) -> bool:
    """Whether `text` reads as a question or complaint for a person, not a search."""
    if "?" in text:
        return True
    words = _WORD.findall(folded(text))
    return any(word in _WORDS or word.startswith(_STEMS) for word in words)


def numbers(text: str) -> list[str]:
    """The numbers `text` names, in order: candidates for an order it is about."""
    return [match.group(1) for match in _NUMBER.finditer(text)]
