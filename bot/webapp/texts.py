"""The page's own texts, from `locales/<lang>/webapp.ftl`, as JSON the page renders itself.

A message becomes a list of parts: text, `{"var": name}`, or a plural choice
`{"select": name, "variants": {...}, "default": key}` that the page resolves with the
browser's `Intl.PluralRules` (Russian's one/few/many, as Fluent would). Anything else in a
webapp message is refused when the catalogue is loaded, so the page never meets it.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from fluent.syntax import FluentParser, ast

from bot.i18n import LOCALES_DIR
from bot.settings import Locale

FILE = "webapp.ftl"


def _parts(pattern: ast.Pattern) -> list[Any]:
    parts: list[Any] = []
    for element in pattern.elements:
        if isinstance(element, ast.TextElement):
            parts.append(element.value)
            continue
        expression = element.expression
        if isinstance(expression, ast.VariableReference):
            parts.append({"var": expression.id.name})
        elif isinstance(expression, ast.SelectExpression) and isinstance(
            expression.selector, ast.VariableReference
        ):
            variants = {}
            default = "other"
            for variant in expression.variants:
                key = variant.key
                name = key.name if isinstance(key, ast.Identifier) else key.value
                variants[name] = _parts(variant.value)
                if variant.default:
                    default = name
            parts.append(
                {"select": expression.selector.id.name, "variants": variants, "default": default}
            )
        else:
            raise ValueError(f"{type(expression).__name__} is not supported in {FILE}")
    return parts


@cache
def page_texts(locale: Locale, directory: Path = LOCALES_DIR) -> dict[str, Any]:
    resource = FluentParser().parse((directory / locale / FILE).read_text(encoding="utf-8"))
    texts: dict[str, Any] = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message) and entry.value is not None:
            texts[entry.id.name] = _parts(entry.value)
        elif isinstance(entry, ast.Junk):
            raise ValueError(f"{locale}/{FILE}: {(entry.content or '')[:80]!r} is not Fluent")
    return texts
