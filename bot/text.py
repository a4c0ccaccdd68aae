"""Text as it is matched (searches, names typed by people), not as it is shown.

Uzbek is written with U+02BB (in o and g) and U+02BC, but people type whatever their
keyboard has: the ASCII apostrophe, a backtick, typographic quotes. All of them match one
another, and case never matters, in Cyrillic as in Latin.
"""

from __future__ import annotations

import unicodedata

# Uzbek's o-with-okina letter: what every apostrophe look-alike becomes, a letter (so a
# folded word is still all letters, and reads right when shown, as search hints are).
OKINA = "\N{MODIFIER LETTER TURNED COMMA}"
# The ASCII apostrophe, backtick, acute accent, both typographic single quotes, U+02BB and
# U+02BC: each one stands for the others when matching.
APOSTROPHES = "'`\u00b4\u2018\u2019\u02bb\u02bc"
_ONE_APOSTROPHE = str.maketrans(dict.fromkeys(APOSTROPHES, OKINA))


def folded(text: str) -> str:
    """`text` for comparing: composed (NFC), case-folded, every apostrophe look-alike as
    U+02BB, runs of white space as one space."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_ONE_APOSTROPHE)
    return " ".join(text.split())
