"""Renaming a category and its services at once (`/renameall`): the category gets its new
name, and each service a name made from the panel's by replacing words in it, the
category's panel name first (most panels repeat it in every service's name)."""

from __future__ import annotations

import re
from collections.abc import Sequence

Replacement = tuple[str, str]  # (what the panel's name says, what customers read instead)

MAX_REPLACEMENTS = 20


def parse_replacements(text: str) -> list[Replacement] | None:
    """`OLD = NEW; OLD = NEW` (NEW may be empty: the words go); None if a part is not
    that, or there are more than MAX_REPLACEMENTS."""
    found: list[Replacement] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        old, equals, new = part.partition("=")
        if not equals or not old.strip():
            return None
        found.append((" ".join(old.split()), " ".join(new.split())))
    return found if len(found) <= MAX_REPLACEMENTS else None


def renamed(name: str, replacements: Sequence[Replacement]) -> str:
    """The panel's `name` with each replacement made in turn, in any case; from the panel's
    name every time, so the same command gives the same names however often it is sent."""
    for old, new in replacements:
        # NEW as it is: no group references or escapes read in it.
        name = re.compile(re.escape(old), re.IGNORECASE).sub(new.replace("\\", "\\\\"), name)
    # A word removed leaves its spaces, and maybe a dash with nothing on one side.
    name = " ".join(name.split())
    return name.strip(" -|\N{EM DASH}\N{EN DASH}\N{MIDDLE DOT}")
