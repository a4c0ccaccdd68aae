"""Numbers, money and times as each language writes them (bot/formats.py), and the
Translator writing typed values into messages in its reader's language."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import ROUND_CEILING, ROUND_HALF_EVEN, Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import formats
from bot.formats import Day, Money
from bot.i18n import Arg, Translator
from bot.money import Amounts, display, display_exact, display_panel, parse_typed_amount
from bot.storage.outbox import _Values, dump_values
from bot.storage.stats import since_today
from bot.validation import parse_count

NBSP = "\u00a0"
TASHKENT = ZoneInfo("Asia/Tashkent")  # UTC+5
NEW_YORK = ZoneInfo("America/New_York")  # UTC-5 in winter


@pytest.mark.parametrize(
    ("amount", "decimals", "currency", "en", "ru", "uz"),
    [
        ("7.2", 2, "UZS", "7.20 UZS", "7,20 сум", "7,20 soʻm"),
        ("16000", 0, "UZS", "16,000 UZS", "16 000 сум", "16 000 soʻm"),
        ("0.27819", 5, "UZS", "0.27819 UZS", "0,27819 сум", "0,27819 soʻm"),
        ("1234567.5", 2, "USD", "$1,234,567.50", "1 234 567,50 $", "1 234 567,50 $"),
        ("7.2", 2, "RUB", "7.20 RUB", "7,20 ₽", "7,20 rubl"),
        ("-7.2", 2, "USD", "-$7.20", "-7,20 $", "-7,20 $"),
        ("1000000000000", 2, "UZS", "1,000,000,000,000.00 UZS", "1 000 000 000 000,00 сум",
         "1 000 000 000 000,00 soʻm"),
        ("7.2", 2, "", "7.20", "7,20", "7,20"),
        ("1234.5", 0, "", "1,234", "1 234", "1 234"),
    ],
)  # fmt: skip
def test_money_in_each_language(
    amount: str, decimals: int, currency: str, en: str, ru: str, uz: str
) -> None:
    money = Money(Decimal(amount), decimals, currency)
    written = [formats.money(money, code).replace(NBSP, " ") for code in ("en", "ru", "uz")]
    assert written == [en, ru, uz]


def test_the_space_before_a_local_currency_name_does_not_break() -> None:
    assert formats.money(Money(Decimal("1000"), 2, "UZS"), "ru") == "1\xa0000,00\xa0сум"


def test_writing_rounds_by_the_amounts_rule_and_never_changes_the_value() -> None:
    amount = Decimal("7.2051")
    assert formats.money(display(amount, 2, "UZS"), "ru") == "7,20\xa0сум"  # down, as shown
    assert formats.money(display(amount, 2, "UZS", ROUND_CEILING), "ru") == "7,21\xa0сум"
    figure = Amounts(2, lambda: "UZS").figure(Decimal("0.125"))
    assert (figure.rounding, formats.money(figure, "en")) == (ROUND_HALF_EVEN, "0.12 UZS")
    assert amount == Decimal("7.2051")


@pytest.mark.parametrize(
    ("amount", "en", "ru"),
    [
        (display_exact(Decimal("0.0100"), "USD"), "$0.01", "0,01 $"),
        (display_exact(Decimal("160"), "UZS"), "160 UZS", "160 сум"),
        (display_panel(Decimal("0.27819"), "USD"), "$0.27819", "0,27819 $"),
        (display_panel(Decimal("60"), "USD"), "$60.00", "60,00 $"),
        (display_panel(Decimal("99995.08292"), "UZS"), "99,995.08 UZS", "99 995,08 сум"),
    ],
)
def test_exact_and_panel_amounts(amount: Money, en: str, ru: str) -> None:
    assert formats.money(amount, "en") == en
    assert formats.money(amount, "ru").replace(NBSP, " ") == ru


@pytest.mark.parametrize(
    ("value", "en", "ru", "uz"),
    [
        (10000, "10,000", "10 000", "10 000"),
        (1000, "1,000", "1 000", "1 000"),
        (999, "999", "999", "999"),
        (Decimal("1234.50"), "1,234.50", "1 234,50", "1 234,50"),
        (Decimal("0.27819"), "0.27819", "0,27819", "0,27819"),
    ],
)
def test_numbers_are_grouped_per_language(value: int | Decimal, en: str, ru: str, uz: str) -> None:
    written = [formats.number(value, code) for code in ("en", "ru", "uz")]
    assert [w.replace(NBSP, " ") for w in written] == [en, ru, uz]


@pytest.mark.parametrize("code", ["en", "ru", "uz"])
@pytest.mark.parametrize("value", [7, 1000, 10000, 100000, 1234567])
def test_what_the_bot_writes_is_read_back(code: str, value: int) -> None:
    assert parse_count(formats.number(value, code)) == value


@pytest.mark.parametrize("code", ["en", "ru", "uz"])
@pytest.mark.parametrize("amount", ["7.20", "1000.50", "10000000000.00", "0.27819", "16000"])
def test_amounts_the_bot_writes_are_read_back(code: str, amount: str) -> None:
    value = Decimal(amount)
    written = formats.money(Money(value, formats.places(value)), code)
    assert parse_typed_amount(written, locale=code) == value


def test_a_lone_comma_before_three_digits_is_read_as_the_language_writes_it() -> None:
    assert parse_typed_amount("1,000", locale="en") == 1000  # English groups with commas
    assert parse_typed_amount("1,000", locale="ru") == 1  # Russian writes decimals so
    assert parse_typed_amount("1.000", locale="en") == 1
    assert parse_typed_amount("7,20", locale="en") == Decimal("7.2")
    assert parse_typed_amount("1,000,50", locale="ru") is None  # one mark, two meanings
    assert parse_typed_amount("1 00", locale="ru") is None  # groups are of three


def test_times_are_shown_in_the_shop_zone_across_midnight() -> None:
    late = datetime(2026, 1, 2, 22, 30, tzinfo=UTC)  # 3 January 03:30 in Tashkent
    assert formats.moment(late, "en", TASHKENT) == "Jan 3, 2026, 3:30\u202fAM"
    assert formats.moment(late, "ru", TASHKENT) == "3 янв. 2026\u202fг., 03:30"
    assert formats.moment(late, "uz", TASHKENT) == "3-yan, 2026, 03:30"
    assert formats.day(Day(late), "ru", TASHKENT) == "3 янв. 2026\u202fг."
    early = datetime(2026, 1, 3, 3, 0, tzinfo=UTC)  # still 2 January in New York
    assert formats.moment(early, "en", NEW_YORK) == "Jan 2, 2026, 10:00\u202fPM"
    assert formats.day(Day(early), "uz", NEW_YORK) == "2-yan, 2026"
    assert formats.moment(early, "ru") == "3 янв. 2026\u202fг., 03:00"  # UTC by default


def test_a_time_without_a_zone_is_taken_as_utc() -> None:
    naive = datetime(2026, 1, 2, 22, 30)  # what an old row could hold
    assert formats.moment(naive, "ru", TASHKENT) == "3 янв. 2026\u202fг., 03:30"


def test_today_in_stats_starts_at_the_shops_midnight() -> None:
    now = datetime(2026, 1, 2, 22, 30, tzinfo=UTC)
    assert since_today(now) == "2026-01-02T00:00:00.000000Z"
    assert since_today(now, TASHKENT) == "2026-01-02T19:00:00.000000Z"  # 3 January, 00:00
    assert since_today(now, NEW_YORK) == "2026-01-02T05:00:00.000000Z"


def test_money_queued_in_the_outbox_comes_back_exactly() -> None:
    money = Money(Decimal("0.27819"), 5, "UZS", ROUND_CEILING)

    class Row(_Values):
        def __init__(self, args: str) -> None:
            self.args = args

    values = Row(dump_values({"refund": money, "number": "7", "quantity": 1000})).values
    assert values == {"refund": money, "number": "7", "quantity": 1000}
    # Rows queued before amounts were values hold the text as it was written.
    assert Row('{"refund": "7.20 UZS"}').values == {"refund": "7.20 UZS"}


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Translator:
    """A Translator over one sample message per language."""
    folder: Path = tmp_path_factory.mktemp("locales")
    for code in ("en", "ru", "uz"):
        (folder / code).mkdir()
        (folder / code / "sample.ftl").write_text(
            "sample = { $money } · { $when } · { $day } · { $rate } · { $count ->\n"
            "    [one] one\n    [few] few\n   *[other] other\n}\n",
            encoding="utf-8",
        )
    return Translator(folder, zone=TASHKENT)


def test_the_translator_writes_values_in_the_message_language(sample: Translator) -> None:
    args: dict[str, Arg] = {
        "money": Money(Decimal("1234.5"), 2, "UZS"),
        "when": datetime(2026, 1, 2, 22, 30, tzinfo=UTC),
        "day": Day(datetime(2026, 1, 2, 22, 30, tzinfo=UTC)),
        "rate": Decimal("0.27819"),  # Fluent alone would cut it to 0.278
        "count": 21,
    }
    assert sample.render("ru", "sample", args).replace(NBSP, " ") == (
        "1 234,50 сум · 3 янв. 2026\u202fг., 03:30 · 3 янв. 2026\u202fг. · 0,27819 · one"
    )
    assert sample.render("uz", "sample", args).replace(NBSP, " ") == (
        "1 234,50 soʻm · 3-yan, 2026, 03:30 · 3-yan, 2026 · 0,27819 · other"
    )
    assert sample.render("en", "sample", args) == (
        "1,234.50 UZS · Jan 3, 2026, 3:30\u202fAM · Jan 3, 2026 · 0.27819 · other"
    )
    assert sample.texts("ru").write(Money(Decimal(5), 0, "RUB")) == "5\xa0₽"
    assert sample.texts("ru").write(10000) == "10\xa0000"


def test_a_currency_from_the_panel_is_escaped_like_any_panel_text(sample: Translator) -> None:
    args: dict[str, Arg] = {
        "money": Money(Decimal("1"), 2, "<b>"),
        "when": datetime(2026, 1, 2, tzinfo=UTC),
        "day": Day(datetime(2026, 1, 2, tzinfo=UTC)),
        "rate": Decimal(1),
        "count": 1,
    }
    assert sample.render("en", "sample", args).startswith("1.00 &lt;B&gt; · ")
    assert sample.texts("en").plain("sample", **args).startswith("1.00 <B> · ")


def test_money_pasted_into_an_f_string_fails_loudly() -> None:
    money = Money(Decimal("7.2"), 2, "UZS")
    with pytest.raises(TypeError):
        f"{money}"  # the mistake this guards against
    with pytest.raises(TypeError):
        str(money)
