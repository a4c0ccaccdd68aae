"""The catalogue: caching, versions, hidden types, paging a big shop, escaping panel names."""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery

from bot.app import create_dispatcher
from bot.catalogue import Catalogue, CatalogueUnavailable, Snapshot, paginate
from bot.i18n import Translator
from bot.orders.steps import sellable
from bot.settings import LOCALES
from bot.storage import Database
from bot.telegram.callbacks import CategoriesPageCb, CategoryCb
from tests.conftest import fund
from tests.harness import BotClient, buttons, last_buttons, texts
from tests.panel_emulator import EmulatedService, FaultKind, PanelEmulator, running_emulator


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


async def test_cached_until_too_old_then_fetched_again(panel, emulator: PanelEmulator) -> None:
    clock = Clock()
    catalogue = Catalogue(panel, max_age=600, sellable=sellable, clock=clock)
    first = await catalogue.current()
    clock.now = 599
    assert await catalogue.current() is first
    assert len(emulator.calls("services")) == 1
    clock.now = 600
    emulator.services[1].rate = Decimal("61")
    # Too old: this tap is answered from the old list while a refresh runs behind it.
    assert await catalogue.current() is first
    await catalogue.refreshed()
    assert len(emulator.calls("services")) == 2
    fresh = await catalogue.current()
    assert fresh.services[1].rate == Decimal("61") != first.services[1].rate
    assert first.currency == "UZS"


async def test_an_unchanged_list_keeps_the_snapshot_and_its_search_index(
    panel, emulator: PanelEmulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The panel answers the same list every few seconds: nothing is parsed or built again,
    and the snapshot in hand keeps what it built (its search index, its hint words)."""
    catalogue = Catalogue(panel, max_age=600, sellable=sellable)
    first = await catalogue.refresh()
    assert "_index" in vars(first)  # built before it was handed out
    built: list[tuple[object, ...]] = []
    build = Snapshot.build

    def counted(*args: Any) -> Snapshot:
        built.append(args)
        return build(*args)

    monkeypatch.setattr(Snapshot, "build", counted)
    assert await catalogue.refresh() is first
    assert len(emulator.calls("services")) == 2
    assert built == []
    emulator.services[1].rate = Decimal("61")
    assert (await catalogue.refresh()).version != first.version
    assert len(built) == 1


async def test_same_content_same_version_changed_content_new_version(
    panel, emulator: PanelEmulator
) -> None:
    catalogue = Catalogue(panel, max_age=600, sellable=sellable)
    first = await catalogue.refresh()
    assert (await catalogue.refresh()).version == first.version  # also after a restart
    emulator.services[1].rate = Decimal("61")
    assert (await catalogue.refresh()).version != first.version


async def test_a_failed_refresh_keeps_the_last_good_list(panel, emulator: PanelEmulator) -> None:
    clock = Clock()
    catalogue = Catalogue(panel, max_age=10, sellable=sellable, clock=clock)
    good = await catalogue.current()
    emulator.fault(FaultKind.HTTP_500, action="services")
    clock.now = 100
    assert await catalogue.current() is good
    await catalogue.refreshed()
    assert catalogue.snapshot is good


async def test_no_list_at_all_is_an_error(panel, emulator: PanelEmulator) -> None:
    emulator.fault(FaultKind.HTTP_500, action="services")
    with pytest.raises(CatalogueUnavailable):
        await Catalogue(panel, max_age=10, sellable=sellable).current()


async def test_unorderable_types_and_free_services_are_hidden_and_logged_once(
    panel, emulator: PanelEmulator, caplog
) -> None:
    # A type outside the API v2 table (some panels invent their own) is not sold.
    emulator.services[9] = EmulatedService(9, "Subs", "Auto Likes", "X", Decimal(5), 1, 9)
    emulator.services[10] = EmulatedService(10, "More", "Auto Likes", "X", Decimal(5), 1, 9)
    emulator.services[11] = EmulatedService(11, "Free", "Default", "X", Decimal(0), 1, 9)
    caplog.set_level(logging.INFO)
    catalogue = Catalogue(panel, max_age=10, sellable=sellable)
    snapshot = await catalogue.refresh()
    await catalogue.refresh()
    assert set(snapshot.services) == {1, 3}
    assert caplog.text.count("'Auto Likes'") == 1


async def test_the_catalogue_sells_what_the_predicate_it_is_handed_allows(
    panel, emulator: PanelEmulator
) -> None:
    # The order feature decides which types are sold; the catalogue only asks.
    catalogue = Catalogue(panel, max_age=10, sellable=lambda service: service.id != 3)
    snapshot = await catalogue.refresh()
    assert 3 not in snapshot.services
    assert 1 in snapshot.services


def test_categories_keep_the_panel_order() -> None:
    from bot.panel import Service

    services = [
        Service(i, f"s{i}", "Default", category, Decimal(1), 1, 10)
        for i, category in enumerate(["Zeta", "Alpha", "Zeta", "Mid"])
    ]
    snapshot = Snapshot.build(services, "USD")
    assert [c.name for c in snapshot.categories] == ["Zeta", "Alpha", "Mid"]
    assert [s.id for s in snapshot.categories[0].services] == [0, 2]
    assert snapshot.category_of == {0: 0, 1: 1, 2: 0, 3: 2}


@pytest.mark.parametrize(("number", "expected"), [(-3, 0), (0, 0), (2, 2), (3, 3), (99, 3)])
def test_pages_are_clamped(number, expected) -> None:
    page = paginate(list(range(25)), number, 8)
    assert (page.number, page.count) == (expected, 4)
    assert len(page.items) == (1 if expected == 3 else 8)


def big_shop() -> list[EmulatedService]:
    """5,000 services in 200 categories, with the longest names panels use."""
    return [
        EmulatedService(
            n + 1,
            f"Service {n} — Telegram Members, real, no drop, 30 days refill, fast start",
            "Default",
            f"Category {n // 25:03d} — Telegram Members & Views",
            Decimal("1.23456"),
            10,
            100000,
        )
        for n in range(5000)
    ]


async def test_paging_through_5000_services(make_client, db, settings, panel) -> None:
    async with running_emulator(services=big_shop()) as emulator:
        big = settings.model_copy(update={"panel_api_url": emulator.url})
        from bot.panel import PanelClient

        async with PanelClient(big.panel_url, big.panel_api_key) as client_panel:
            dp = create_dispatcher(settings=big, db=db, panel=client_panel, translator=Translator())
            client = BotClient(dp, make_client().bot)
            sent = await client.send("/order")
            assert "(page 1 of 25)" in texts(sent)[0]
            # to the last page and one step back, as a person would
            for _ in range(24):
                sent = await client.click_text("▶️")
            assert "(page 25 of 25)" in texts(sent)[-1]
            labels = last_buttons(client)
            assert labels[0] == "Category 192 — Telegram Members & Views"
            assert "▶️" not in labels
            await client.click_text("◀️")
            await client.click_text("Category 190 — Telegram Members & Views")
            shown = client.bot_messages()[-1]
            assert "(page 1 of 4)" in (shown.text or "")
            for label, data in buttons(shown.reply_markup):
                assert len(label) <= 60
                assert len(data.encode()) <= 64
            await client.click_text("▶️")
            await client.click_text("▶️")
            await client.click_text("▶️")
            last = client.bot_messages()[-1]
            assert "(page 4 of 4)" in (last.text or "")
            assert (
                len(list(buttons(last.reply_markup))) == 1 + 1 + 2
            )  # one service, ◀️, Back, Cancel
            assert len(emulator.calls("services")) == 1  # paging never asks the panel


async def test_names_with_html_characters_are_shown_intact(client: BotClient, emulator, db) -> None:
    emulator.services = {
        5: EmulatedService(
            5, "Views <fast> & cheap", "Default", "Telegram <b>Views</b> & more", Decimal(2), 10, 99
        )
    }
    await fund(db, client.user.id, "10")
    await client.send("/order")
    # button labels are plain text: shown as the panel wrote them
    sent = await client.click_text("Telegram <b>Views</b> & more")
    assert texts(sent)[0].startswith("<b>Telegram &lt;b&gt;Views&lt;/b&gt; &amp; more</b>")
    sent = await client.click_text("Views <fast> & cheap · 2.40 UZS")
    assert texts(sent)[0].startswith("<b>Views &lt;fast&gt; &amp; cheap</b>")
    await client.send("https://t.me/x?a=1&b=<2>")  # refused: not a URL a person pastes
    await client.send("https://t.me/x?a=1&b=2")
    sent = await client.send("10")
    assert "Service: Views &lt;fast&gt; &amp; cheap" in texts(sent)[0]
    assert "Link: https://t.me/x?a=1&amp;b=2" in texts(sent)[0]
    # every message above passed the recording session's Telegram-strict HTML check


async def test_catalogue_unavailable_is_said(client: BotClient, emulator: PanelEmulator) -> None:
    emulator.fault(FaultKind.HTTP_500, action="services")
    assert texts(await client.send("/order")) == [
        "We are not taking orders right now. Please come back later: your balance is safe."
    ]


async def test_empty_shop_says_so(client: BotClient, emulator: PanelEmulator) -> None:
    emulator.services = {}
    assert texts(await client.send("/order")) == ["There is nothing to order right now."]


async def test_forged_category_or_page_numbers_show_the_list(client: BotClient, dp) -> None:
    await client.send("/order")
    version = (await dp["catalogue"].current()).version
    sent = await client.click(CategoryCb(v=version, cat=999, page=0))
    assert texts(sent)[-1].startswith("<b>New order</b>")
    sent = await client.click(CategoriesPageCb(v=version, page=-5))
    assert isinstance(sent[0], AnswerCallbackQuery)
    # The page shown already: Telegram refuses the edit as "not modified", and that is fine.
    await client.click(CategoriesPageCb(v=version, page=99))
    assert "(page 1 of 1)" in (client.bot_messages()[-1].text or "")


@pytest.mark.parametrize("language", ["ru", "uz"])
async def test_the_order_flow_speaks_the_customers_language(make_client, language) -> None:
    client = make_client(language_code=language)
    sent = await client.send("/order")
    expected = {"ru": "<b>Новый заказ</b>", "uz": "<b>Yangi buyurtma</b>"}[language]
    assert texts(sent)[0].startswith(expected)
    await client.click_text("Telegram Members")
    back = {"ru": "« Назад", "uz": "« Orqaga"}[language]
    labels = last_buttons(client)
    assert back in labels


def test_callback_answers_fit_telegrams_200_characters(translator: Translator) -> None:
    shown_in_callback_answers = [
        "order-expired",
        "catalogue-changed",
        "catalogue-unavailable",
        "service-gone",
        "order-already-placed",
        "button-expired",
        "language-set",
    ]
    for locale in LOCALES:
        for key in shown_in_callback_answers:
            assert len(translator.texts(locale)(key)) <= 200, (locale, key)


async def test_the_conversation_survives_a_restart(
    make_client, db, settings, panel, translator, bot, emulator
) -> None:
    client = make_client()
    await fund(db, client.user.id, "10")
    await client.send("/order")
    await client.click_text("Telegram Members")
    await client.click_text("7-day Join — Telegram Members · 72.00 UZS")
    await client.send("@durov")
    await db.close()
    async with await Database.open(settings.database_path) as reopened:
        dp = create_dispatcher(settings=settings, db=reopened, panel=panel, translator=translator)
        again = BotClient(dp, bot, user_id=client.user.id)
        sent = await again.send("100")
        assert "To pay: <b>7.20 UZS</b>" in texts(sent)[-1]
        sent = await again.click_text("✅ Confirm and pay")
        assert isinstance(sent[0], AnswerCallbackQuery)
        assert "Order number: <b>#1</b>" in texts(sent)[-1]
