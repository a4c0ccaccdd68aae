"""Every message exists in en, ru and uz, with the same placeholders, and renders."""

from __future__ import annotations

from pathlib import Path

import pytest
from fluent.syntax import FluentParser, ast, visitor

from bot.i18n import LOCALES_DIR, Html, Translator, pick_locale
from bot.settings import LOCALES


class _Variables(visitor.Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:
        self.names.add(node.id.name)
        self.generic_visit(node)


def catalogue(locale: str) -> dict[str, set[str]]:
    """Message id -> the variables it uses, from every .ftl file of one language."""
    messages: dict[str, set[str]] = {}
    for path in sorted(Path(LOCALES_DIR, locale).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            assert not isinstance(entry, ast.Junk), f"{path}: {entry.annotations}"
            if isinstance(entry, ast.Message):
                assert entry.id.name not in messages, f"{entry.id.name} twice in {locale}"
                found = _Variables()
                found.visit(entry)
                messages[entry.id.name] = found.names
    return messages


def test_every_language_has_the_same_messages_and_placeholders() -> None:
    english = catalogue("en")
    assert len(english) > 5
    for locale in LOCALES:
        assert catalogue(locale) == english, locale


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_renders_without_errors(locale, caplog) -> None:
    texts = Translator().texts(locale)
    for key, variables in catalogue("en").items():
        rendered = texts(key, **dict.fromkeys(variables, "x"))
        assert rendered
        assert rendered != key
    assert not [r for r in caplog.records if r.levelname == "ERROR"]


def test_arguments_are_escaped_but_markup_is_kept() -> None:
    text = Translator().texts("en")("greeting", name="<b>Eve & co</b>")
    assert "<b>&lt;b&gt;Eve &amp; co&lt;/b&gt;</b>" in text


def test_a_missing_message_falls_back_to_english(tmp_path, caplog) -> None:
    for locale in LOCALES:
        (tmp_path / locale).mkdir()
        (tmp_path / locale / "a.ftl").write_text("hello = Hello\n" if locale == "en" else "")
    assert Translator(tmp_path).texts("ru")("hello") == "Hello"
    assert "missing in ru" in caplog.text


@pytest.mark.parametrize(
    ("stored", "telegram", "expected"),
    [
        (None, "ru", "ru"),
        (None, "ru-RU", "ru"),
        (None, "UZ", "uz"),
        (None, "de", "en"),
        (None, None, "en"),
        ("uz", "ru", "uz"),
        ("xx", "ru", "ru"),
    ],
)
def test_language_choice(stored, telegram, expected) -> None:
    assert pick_locale(stored, telegram, "en") == expected


def test_rendered_html_passed_on_is_not_escaped_twice() -> None:
    t = Translator().texts("en")
    inner = Html(t("greeting", name="<i>"))
    assert t("greeting", name=inner).count("&lt;i&gt;") == 1
