"""The page's texts: every key the page asks for exists in every language, and each is in
the shapes the page can render (text, variables, plural choices)."""

from __future__ import annotations

import re
import time

import pytest

from bot.settings import LOCALES
from bot.webapp import STATIC
from bot.webapp.forms import form_shapes
from bot.webapp.texts import page_texts
from bot.webapp.tokens import QuoteTokens


def keys_the_page_uses() -> set[str]:
    source = "\n".join(path.read_text() for path in STATIC.rglob("*.js"))
    keys = set(re.findall(r"\"(webapp-[a-z0-9-]+)\"", source))
    fields = {f["name"] for shape in form_shapes().values() for f in shape["fields"]}
    keys |= {f"webapp-field-{name}" for name in fields}
    keys |= {f"webapp-nav-{name}" for name in ("catalogue", "orders", "balance")}
    return keys


@pytest.mark.parametrize("locale", LOCALES)
def test_every_text_the_page_uses_exists(locale: str) -> None:
    texts = page_texts(locale)
    used = keys_the_page_uses()
    assert len(used) > 50
    assert used - texts.keys() == set()


def test_plurals_and_variables_become_parts() -> None:
    parts = page_texts("ru")["webapp-results"]
    choice = parts[0]
    assert choice["default"] == "other"
    assert choice["variants"]["few"] == [{"var": "count"}, " услуги"]
    assert page_texts("en")["webapp-confirm"] == ["Confirm and pay ", {"var": "charge"}]


def test_a_text_the_page_cannot_render_is_refused(tmp_path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "webapp.ftl").write_text("webapp-x = { NUMBER($n) }\n")
    with pytest.raises(ValueError, match="not supported"):
        page_texts("en", tmp_path)


def test_a_quote_token_expires_and_stays_with_its_customer(monkeypatch) -> None:
    tokens = QuoteTokens("42:token")
    token = tokens.issue(7, 1, {"link": "https://t.me/x"}, "7.20")
    quoted = tokens.read(token, 7)
    assert quoted is not None
    assert (quoted.service_id, quoted.charge) == (1, "7.20")
    assert tokens.read(token, 8) is None
    assert QuoteTokens("42:another").read(token, 7) is None
    later = time.time() + 3600
    monkeypatch.setattr("bot.webapp.tokens.time.time", lambda: later)
    assert tokens.read(token, 7) is None
