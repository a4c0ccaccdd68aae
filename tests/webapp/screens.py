"""What a customer sees on a screen of the Mini App, read as they read it: the visible text
(and the Main button's), checked for leaked programming words, amounts written without the
language's digit grouping, and anything wider than a phone; each screen kept as a picture.

The pictures go to `artifacts/miniapp/` (git-ignored): `<language>-<nn>-<screen>.png`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from bot.webapp.texts import page_texts

ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "miniapp"

LEAKED = re.compile(r"\b(?:null|undefined|NaN|\[object Object\])\b|\bnull(?=null)")
# Not amounts: links, @usernames and order numbers, which the chat writes ungrouped too.
NOT_AMOUNTS = re.compile(r"https?://\S+|t\.me/\S+|@\w+|#[0-9]+")
# Four digits or more in a row, not the decimals of a number: every language here groups
# them ("1,000", "1 000").
UNGROUPED = re.compile(r"(?<![0-9.,])[0-9]{4,}")
# Another language's grouping: "1,000" in Uzbek, "1 000" in English.
FOREIGN_GROUPING = {
    "en": re.compile(r"[0-9][\u00a0\u202f ][0-9]{3}(?![0-9])"),
    "ru": re.compile(r"[0-9][,\u202f][0-9]{3}(?![0-9])"),
    "uz": re.compile(r"[0-9][,\u202f][0-9]{3}(?![0-9])"),
}

# Every element on the screen wider than the screen, or pushed past its right edge.
WIDE = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const element of document.querySelectorAll("body *")) {
    const box = element.getBoundingClientRect();
    if (!box.width && !box.height) continue;
    if (box.left < -0.5 || box.right > width + 0.5) {
      const text = (element.innerText || element.value || "").slice(0, 60);
      const where = `${Math.round(box.left)}..${Math.round(box.right)}`;
      wide.push(`${element.tagName.toLowerCase()} ${where}: ${text}`);
    }
  }
  if (document.documentElement.scrollWidth > width) {
    wide.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px`);
  }
  return wide;
}"""

SEEN = """() => {
  const main = Telegram.WebApp.MainButton;
  return document.body.innerText + (main.isVisible ? "\\n[" + main.text + "]" : "");
}"""


def fixed_figures(locale: str) -> list[str]:
    """The page's own words with a long figure in them, which are no amount: "per 1000" is
    the unit prices are quoted in, written so in the chat as well."""
    found: list[str] = []

    def collect(parts: list[Any]) -> None:
        for part in parts:
            if isinstance(part, str):
                found.extend([part] if UNGROUPED.search(part) else [])
            elif "variants" in part:
                for variant in part["variants"].values():
                    collect(variant)

    for parts in page_texts(locale).values():
        collect(parts)
    return found


def problems(text: str, locale: str) -> list[str]:
    """What is wrong with a screen's text in `locale`, as a customer would say it."""
    found = [f"{word!r} on screen" for word in LEAKED.findall(text)]
    plain = NOT_AMOUNTS.sub(" ", text)
    for words in fixed_figures(locale):
        plain = plain.replace(words, " ")
    found += [f"{figure!r} is not grouped" for figure in UNGROUPED.findall(plain)]
    found += [
        f"{figure!r} is grouped as another language groups"
        for figure in FOREIGN_GROUPING[locale].findall(plain)
    ]
    return found


class Screens:
    """Looks at each screen of one language's walk through the page."""

    def __init__(self, page: Any, locale: str) -> None:
        self.page = page
        self.locale = locale
        self.seen: dict[str, str] = {}
        self.wrong: list[str] = []

    async def look(self, name: str) -> str:
        """The screen's visible text and a picture of it; what is wrong is kept for
        `all_right`, so one run tells every screen's faults."""
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        number = len(self.seen) + 1
        picture = ARTIFACTS / f"{self.locale}-{number:02}-{name}.png"
        await self.page.screenshot(path=str(picture))
        text: str = await self.page.evaluate(SEEN)
        self.seen[name] = text
        wrong = problems(text, self.locale) + await self.page.evaluate(WIDE)
        self.wrong += [f"{picture.name}: {problem}" for problem in wrong]
        return text

    def all_right(self) -> None:
        assert not self.wrong, "\n".join(self.wrong)
