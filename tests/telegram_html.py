"""Telegram's HTML parse mode, checked as strictly as Telegram checks it.

Shared by the recording session (dispatcher tests) so a message that Telegram would refuse
with "can't parse entities" fails the test that sent it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

ALLOWED = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "tg-spoiler": set(),
    "span": {"class"},
    "a": {"href"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}
# Telegram knows these four named entities and numeric ones, nothing else.
_ENTITY = re.compile(r"&(?:(lt|gt|amp|quot)|#[0-9]+|#x[0-9a-fA-F]+);")
_AMP = re.compile(r"&")


class HTMLError(ValueError):
    pass


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            raise HTMLError(f"Unsupported start tag {tag!r}")
        for name, _ in attrs:
            if name not in ALLOWED[tag]:
                raise HTMLError(f"Unsupported attribute {name!r} of {tag!r}")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            raise HTMLError(f"Unmatched end tag {tag!r}")
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data or ">" in data:
            raise HTMLError("Unescaped < or >")
        self.text.append(data)

    def handle_entityref(self, name: str) -> None:
        if name not in {"lt", "gt", "amp", "quot"}:
            raise HTMLError(f"Unsupported entity &{name};")
        self.text.append({"lt": "<", "gt": ">", "amp": "&", "quot": '"'}[name])

    def handle_charref(self, name: str) -> None:
        code = int(name[1:], 16) if name.lower().startswith("x") else int(name)
        self.text.append(chr(code))


def check_html(text: str) -> str:
    """Raise `HTMLError` where Telegram would refuse `text`; return the visible text."""
    for match in _AMP.finditer(text):
        if not _ENTITY.match(text, match.start()):
            raise HTMLError(f"Unescaped & at {match.start()}")
    checker = _Checker()
    checker.feed(text)
    checker.close()
    if checker.rawdata:
        raise HTMLError("Unfinished tag")
    if checker.stack:
        raise HTMLError(f"Unclosed tag {checker.stack[-1]!r}")
    return "".join(checker.text)
