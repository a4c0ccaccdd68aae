"""The texts read as one shop wrote them: the glossary's terms, Russian plurals, Uzbek letters.

The glossary is ../shared/glossary.md ("one term per concept"); the words it says to avoid
are copied into GLOSSARY_AVOID below, so these tests do not depend on a file outside the
repository. When the glossary changes, change that table with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast

from bot.i18n import LOCALES_DIR

# The words the glossary says not to use, per language, as case-insensitive patterns that
# start at a word boundary (so inflected forms are caught: "покупателю", "toifalar").
# Customer texts never name a supplier, in any language.
GLOSSARY_AVOID: dict[str, dict[str, str]] = {
    "en": {
        "supplier": r"\bsuppliers?\b",
        "cancelled (US spelling: canceled)": r"\bcancell(?:ed|ing)\b",
    },
    "ru": {
        "сервис (услуга)": r"\bсервис",
        "раздел (категория)": r"\bраздел",
        "покупатель (клиент)": r"\bпокупател",
        "номер ответа (вариант ответа)": r"\bномер\w* ответа",
        "поставщик": r"\bпоставщик",
    },
    "uz": {
        "toifa (boʻlim)": r"\btoifa",
        "kategoriya (boʻlim)": r"\bkategoriya",
        "xaridor (mijoz)": r"\bxaridor",
        "hisob (balans)": r"\bhisob",
        # "soni" and its case forms, but not "soniya" (a second).
        "soni (miqdor)": r"\bsoni(?:ni|dan|ga|da)?\b",
        "link (havola)": r"\blink",
        "taʼminotchi": r"\bta\W?minotchi",
        "yetkazib beruvchi": r"\byetkazib beruvchi",
    },
}

# Placeholders that carry a count of something (orders, stars, runs, minutes, lines...), by
# name, as the handlers pass them (ints). Money, dates, ids and names are not counts.
COUNTS = frozenset(
    {
        "added", "below", "blocked", "categories", "comments", "count", "customers", "delay",
        "delivered", "done", "failed", "groups", "hashtags", "interval", "keywords", "max",
        "min", "old_posts", "orders", "placed", "posts", "quantity", "removed", "repriced",
        "runs", "sent", "services", "stars", "usernames",
    }
)  # fmt: skip
# Words that may follow a bare count without agreeing with it ("5 из 10", "от 1 до 5").
NOT_AGREEING = frozenset({"из", "и", "или", "до", "в", "на", "по", "за", "от"})
RUSSIAN_CATEGORIES = {"one", "few", "many"}


@dataclass(frozen=True)
class Part:
    """A piece of a message: literal text, or a placeholder with the selectors around it."""

    text: str | None
    variable: str | None
    selected_by: frozenset[str]


def _parts(pattern: ast.Pattern, selected_by: frozenset[str] = frozenset()) -> Iterator[Part]:
    for element in pattern.elements:
        if isinstance(element, ast.TextElement):
            yield Part(element.value, None, selected_by)
            continue
        expression = element.expression
        if isinstance(expression, ast.VariableReference):
            yield Part(None, expression.id.name, selected_by)
        elif isinstance(expression, ast.StringLiteral):
            yield Part(expression.value, None, selected_by)
        elif isinstance(expression, ast.SelectExpression):
            selector = expression.selector
            inner = selected_by
            if isinstance(selector, ast.VariableReference):
                inner = selected_by | {selector.id.name}
            for variant in expression.variants:
                # A variant is read on its own: text after the select is not its neighbour.
                yield Part("\x00", None, inner)
                yield from _parts(variant.value, inner)
                yield Part("\x00", None, inner)


def messages(source: str) -> dict[str, list[Part]]:
    resource = FluentParser().parse(source)
    return {
        entry.id.name: list(_parts(entry.value))
        for entry in resource.body
        if isinstance(entry, ast.Message) and entry.value is not None
    }


def catalogue_source(locale: str) -> str:
    return "\n".join(
        path.read_text(encoding="utf-8") for path in sorted(Path(LOCALES_DIR, locale).glob("*.ftl"))
    )


def words(parts: list[Part]) -> str:
    """The message's own words, with placeholders left out (their names are not text)."""
    return " ".join(part.text for part in parts if part.text is not None)


def russian_plural_problems(source: str) -> list[str]:
    """A count followed by a word that agrees with it must sit in a plural selector on that
    count ("{ $runs -> [one] запуск [few] запуска *[many] запусков }"), and every selector on
    a count offers one, few and many. "Клиентов: { $count }" or "{ $done } из { $total }"
    need none: nothing after the number agrees with it."""
    problems: list[str] = []
    resource = FluentParser().parse(source)
    for entry in resource.body:
        if not isinstance(entry, ast.Message) or entry.value is None:
            continue
        parts = list(_parts(entry.value))
        for index, part in enumerate(parts):
            if part.variable not in COUNTS or part.variable in part.selected_by:
                continue
            after = parts[index + 1].text if index + 1 < len(parts) else None
            word = re.match(r"[ \u00a0]*([а-яё]+)", after or "", re.IGNORECASE)
            if word and word.group(1).lower() not in NOT_AGREEING:
                problems.append(f"{entry.id.name}: {{ ${part.variable} }} {word.group(1)}")
        for select in _selects(entry.value):
            selector = select.selector
            if isinstance(selector, ast.VariableReference) and selector.id.name in COUNTS:
                keys = {
                    variant.key.name
                    for variant in select.variants
                    if isinstance(variant.key, ast.Identifier)
                }
                if not keys >= RUSSIAN_CATEGORIES:
                    problems.append(f"{entry.id.name}: ${selector.id.name} lacks {sorted(keys)}")
    return problems


def _selects(pattern: ast.Pattern) -> Iterator[ast.SelectExpression]:
    for element in pattern.elements:
        if isinstance(element, ast.Placeable) and isinstance(
            element.expression, ast.SelectExpression
        ):
            yield element.expression
            for variant in element.expression.variants:
                yield from _selects(variant.value)


@pytest.mark.parametrize("locale", sorted(GLOSSARY_AVOID))
def test_no_message_uses_a_word_the_glossary_avoids(locale) -> None:
    found = [
        f"{key}: {term}"
        for key, parts in messages(catalogue_source(locale)).items()
        for term, pattern in GLOSSARY_AVOID[locale].items()
        if re.search(pattern, words(parts), re.IGNORECASE)
    ]
    assert found == []


def test_the_glossary_check_catches_an_avoided_word() -> None:
    bad = messages("a = Ваш покупатель\nb = Toifani tanlang\nc = Sent to the supplier\n")
    assert re.search(GLOSSARY_AVOID["ru"]["покупатель (клиент)"], words(bad["a"]), re.I)
    assert re.search(GLOSSARY_AVOID["uz"]["toifa (boʻlim)"], words(bad["b"]), re.I)
    assert re.search(GLOSSARY_AVOID["en"]["supplier"], words(bad["c"]), re.I)
    placeholder_only = messages("d = Havola: { $link }\ne = { $delay } soniya\n")
    assert not re.search(GLOSSARY_AVOID["uz"]["link (havola)"], words(placeholder_only["d"]))
    assert not re.search(GLOSSARY_AVOID["uz"]["soni (miqdor)"], words(placeholder_only["e"]))


def test_no_uzbek_word_has_an_ascii_or_curly_apostrophe() -> None:
    """Uzbek Latin writes o and g with U+02BB (turned comma), the glottal stop with U+02BC."""
    found = [
        f"{key}: {match.group(0)}"
        for key, parts in messages(catalogue_source("uz")).items()
        for match in re.finditer(r"\w+['‘’`]\w+", words(parts))
    ]
    assert found == []


def test_the_uzbek_turned_comma_follows_only_o_and_g() -> None:
    found = [
        f"{key}: {match.group(0)}"
        for key, parts in messages(catalogue_source("uz")).items()
        for match in re.finditer(r"\w*[^oOgG\s]\u02bb\w*", words(parts))
    ]
    assert found == []


def test_every_russian_count_agrees_through_a_plural_selector() -> None:
    assert russian_plural_problems(catalogue_source("ru")) == []


def test_the_plural_rule_catches_a_count_without_a_selector() -> None:
    bad = (
        "runs = Выполним за { $runs } запусков.\n"
        "wait = Ждём { $delay } мин.\n"
        "half = { $count ->\n    [one] { $count } заказ\n   *[other] { $count } заказов\n}\n"
    )
    assert russian_plural_problems(bad) == [
        "runs: { $runs } запусков",
        "wait: { $delay } мин",
        "half: $count lacks ['one', 'other']",
    ]
    good = (
        "runs = За { $runs } { $runs ->\n    [one] запуск\n    [few] запуска\n"
        "   *[many] запусков\n}.\n"
        "label = Клиентов: { $count }, готово { $done } из { $sent }.\n"
    )
    assert russian_plural_problems(good) == []
