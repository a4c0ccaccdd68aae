"""The Mini App in headless Chromium against the bot's own server, a 10,000-service panel
emulator and a real SQLite file: search and filters, a Custom Comments order and a Default
order placed with the Main button, both in My orders, forged initData refused."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import CreateInvoiceLink

from bot.catalogue import Catalogue
from bot.storage import Database, OrdersRepo, ShopRepo
from bot.webapp import auth
from bot.webapp.auth import MAX_AGE, sign_init_data
from tests.conftest import fund
from tests.helpers import balance_of
from tests.order_factory import place
from tests.panel_emulator import PanelEmulator, running_emulator
from tests.webapp.big_catalogue import COMMENTS_ID, DEFAULT_ID, big_catalogue
from tests.webapp.browser import (
    MISSING,
    THEME,
    chromium_page,
    have_chromium,
    press_main_button,
    ready,
    serving,
)
from tests.webapp.conftest import CUSTOMER, OTHER, completed, init_data
from tests.webapp.screens import ARTIFACTS

pytestmark = pytest.mark.skipif(not have_chromium(), reason=MISSING)

SCREENSHOT = ARTIFACTS / "en-catalogue-10000.png"


@pytest.fixture
async def emulator() -> AsyncIterator[PanelEmulator]:
    async with running_emulator(services=big_catalogue()) as emu:
        yield emu


@pytest.fixture
async def url(dp: Dispatcher, bot: Bot) -> AsyncIterator[str]:
    catalogue: Catalogue = dp["catalogue"]
    await catalogue.refresh()
    # The reseller's own words: a Russian name and descriptions, found by search too.
    shop: ShopRepo = dp["shop"]  # the repo the catalogue reads (it remembers the curation)
    await shop.set_text("service", str(DEFAULT_ID), "ru", "name", "Участники Telegram — быстро")
    await shop.set_text("service", str(DEFAULT_ID), "ru", "description", "Живые подписчики")
    await shop.set_text("service", str(COMMENTS_ID), "en", "description", "Handwritten remarks")
    async with serving(dp, bot) as url:
        yield url


async def names(page: Any) -> list[str]:
    names: list[str] = await page.eval_on_selector_all(
        "#results .service .name", "items => items.map(item => item.textContent)"
    )
    return names


async def search(page: Any, text: str) -> list[str]:
    await page.fill("#query", text)
    return await names(page)


async def test_search_filter_and_sort_10000_services(
    url: str, db: Database, emulator: PanelEmulator
) -> None:
    # Orders of the Default service, finished in 90 minutes on average: popular, and timed.
    for minutes in (60, 90, 120):
        await completed(db, (await place(db, emulator, user_id=OTHER)).id, minutes)
    async with chromium_page(url, init_data(CUSTOMER, "en")) as page:
        await ready(page)
        assert await page.text_content("#count") == "10,000 services"
        first = await page.text_content("#results .service >> nth=0")
        assert (
            first == "Telegram Members — Fast"
            "Telegram Members"
            "72.00 UZS per 1000"
            "Average time: about 1 h 30 min"
        )
        await page.select_option("#sort", "fastest")  # offered: an order has finished
        assert (await names(page))[0] == "Telegram Members — Fast"
        await page.select_option("#sort", "popular")
        # A picture of the 10,000 services, beside every screen's (tests/webapp/screens.py).
        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(SCREENSHOT))
        assert len(await names(page)) == 50  # a page at a time; the rest on Show more
        await page.click("#more")
        assert len(await names(page)) == 100
        # Telegram's theme reaches the page.
        background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background == "rgb(23, 33, 43)" == _rgb(THEME["bg_color"])
        # Every apostrophe look-alike finds the Uzbek name written with ʻ (U+02BB).
        for typed in ("o'zbek", "oʻzbek", "o`zbek", "O’ZBEK"):
            assert await search(page, typed) == ["Oʻzbek obunachilar"], typed
        # Names and descriptions in every language, whatever the customer's own.
        assert await search(page, "живые") == ["Telegram Members — Fast"]
        assert await search(page, "быстро участники") == ["Telegram Members — Fast"]
        assert await search(page, "handwritten") == ["Custom Comments — Instagram"]
        # The market's words find the panel's English names, as in the chat.
        assert await search(page, "youtube view")
        assert await search(page, "просмотров ютуб") == await search(page, "youtube view")
        assert await search(page, "reaksiyalar tik tok") == await search(page, "tiktok reaction")
        assert await search(page, "no such thing anywhere") == []
        assert "Nothing found" in (await page.text_content("#count") or "")
        # Filters: a category, refill, drip-feed, a price range; then sorting.
        await page.fill("#query", "")
        await page.select_option("#category", label="YouTube Likes 2")
        shown = await names(page)
        assert shown
        assert all(name.startswith("YouTube Likes") for name in shown)
        await page.check("#refill")
        await page.check("#dripfeed")
        await page.fill("#priceFrom", "10")
        await page.fill("#priceTo", "40")
        filtered = await page.eval_on_selector_all(
            "#results .service", "items => items.map(item => item.dataset.id)"
        )
        expected = [
            s.id
            for s in big_catalogue()
            if s.category == "YouTube Likes 2"
            and s.refill
            and s.dripfeed
            and Decimal(10) <= (s.rate * Decimal("1.2")).quantize(Decimal("0.01")) <= 40
        ]
        assert sorted(int(i) for i in filtered) == sorted(expected)
        await page.select_option("#sort", "price-up")
        prices = await page.eval_on_selector_all(
            "#results .price", "items => items.map(item => parseFloat(item.textContent))"
        )
        assert prices == sorted(prices)


def _rgb(color: str) -> str:
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


async def test_customers_order_custom_comments_and_default_and_see_them(
    url: str, db: Database, emulator: PanelEmulator
) -> None:
    await fund(db, CUSTOMER, "10")
    async with chromium_page(url, init_data(CUSTOMER, "en")) as page:
        await ready(page)
        # Custom Comments: the comments are counted, one a line.
        await page.fill("#query", "custom comments")
        await page.click(f"#results .service[data-id='{COMMENTS_ID}']")
        assert await page.text_content("#service-name") == "Custom Comments — Instagram"
        assert await page.evaluate("Telegram.WebApp.BackButton.isVisible")
        await press_main_button(page, "Continue")  # nothing typed: said at once, per field
        assert await page.text_content("#error-link") == "Please fill this in."
        await page.fill("#field-link", "instagram.com/p/1")
        await page.fill("#field-comments", "Great post!\n\n  Love it  \nWow")
        await press_main_button(page, "Continue")
        # The server's check, in the chat's words: other platforms need a full address.
        await page.wait_for_selector("#error-link:not(:empty)")
        assert "https://" in (await page.text_content("#error-link") or "")
        await page.fill("#field-link", "https://instagram.com/p/1")
        await press_main_button(page, "Continue")
        await page.wait_for_selector("dl.summary")
        summary = await page.text_content("dl.summary") or ""
        assert "Quantity3" in summary  # three comments
        assert "To pay3.24" in summary  # 900 + 20 % per 1000, times 3
        # Confirm, tapped twice: one order.
        await page.evaluate(
            "Telegram.WebApp.MainButton.press(); Telegram.WebApp.MainButton.press()"
        )
        await page.wait_for_selector("#summary-status:has-text('Order placed')")
        assert len(emulator.calls("add")) == 1
        sent = emulator.calls("add")[0]
        assert sent["comments"] == "Great post!\nLove it\nWow"
        assert await balance_of(db, CUSTOMER) == Decimal("6.76")

        # A Default order, from its service card in the chat (the page opens at the service).
        await page.goto(f"{url}?service={DEFAULT_ID}")
        await ready(page)
        assert await page.text_content("#service-name") == "Telegram Members — Fast"
        await page.fill("#field-link", "@my_channel")
        await page.fill("#field-quantity", "5")
        await press_main_button(page, "Continue")
        await page.wait_for_selector("#error-quantity:not(:empty)")
        assert "from 10 to 100,000" in (await page.text_content("#error-quantity") or "")
        await page.fill("#field-quantity", "50")
        await press_main_button(page, "Continue")
        await page.wait_for_selector("dl.summary")
        # Back from the summary goes to the form, answers kept; then on again.
        await page.evaluate("Telegram.WebApp.BackButton.press()")
        await page.wait_for_selector("#field-quantity")
        assert await page.input_value("#field-quantity") == "50"
        await press_main_button(page, "Continue")
        await page.wait_for_selector("dl.summary")
        await press_main_button(page, "Confirm and pay 3.60 UZS")
        await page.wait_for_selector("#summary-status:has-text('Order placed')")
        assert emulator.calls("add")[1]["link"] == "https://t.me/my_channel"

        # My orders: both, newest first, the shop's numbers only.
        await page.click("#nav a[data-nav='orders']")
        await page.wait_for_selector("#orders .order")
        cards = await page.eval_on_selector_all(
            "#orders .order", "items => items.map(i => i.innerText)"
        )
        orders = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
        assert [f"Order #{order.id}" in card for card, order in zip(cards, orders, strict=True)]
        assert "Telegram Members — Fast" in cards[0]
        assert "Custom Comments — Instagram" in cards[1]
        for order in orders:
            assert str(order.panel_order_id) not in "".join(cards)
        # Cancel asks first (Telegram's confirm), then asks the panel once.
        await page.click("#orders .order >> nth=0 >> text=Cancel order")
        await page.wait_for_selector("#orders .order >> nth=0 >> .notice:not(:empty)")
        assert await page.evaluate("Telegram.WebApp.confirms") == ["Ask us to cancel this order?"]
        assert len(emulator.calls("cancel")) == 1
        assert await page.query_selector("#orders .order >> nth=0 >> text=Cancel order") is None
        await page.click("#orders .order >> nth=0 >> text=Order again")
        await page.wait_for_selector("#field-link")
        assert await page.input_value("#field-link") == "https://t.me/my_channel"
        assert await page.input_value("#field-quantity") == "50"


async def test_the_page_speaks_russian_and_tops_up(url: str, bot: Bot) -> None:
    bot.session.plan(CreateInvoiceLink, "https://t.me/$stars")  # type: ignore[attr-defined]
    async with chromium_page(url + "#/balance", init_data(CUSTOMER, "ru")) as page:
        await ready(page)
        assert await page.text_content("#nav a[data-nav='orders']") == "Мои заказы"
        await page.click("button[data-units='100']")
        await page.wait_for_selector("#topup-status:not(:empty)")
        assert await page.evaluate("Telegram.WebApp.invoices") == ["https://t.me/$stars"]
        assert await page.text_content("#topup-status") == "Оплачено. Баланс скоро обновится."
        await page.click("#nav a[data-nav='catalogue']")
        assert await page.text_content("#count") == "10\u00a0000 услуг"


async def test_forged_init_data_is_refused(url: str, db: Database) -> None:
    forged = sign_init_data("42:not-this-bot", {"id": CUSTOMER, "language_code": "en"})
    async with chromium_page(url, forged) as page:
        await page.wait_for_selector("#fatal")
        text = await page.text_content("#fatal")
        assert text is not None
        assert "could not be checked" in text
        assert await page.query_selector("#results") is None
    assert await db.fetchone("SELECT 1 FROM users") is None  # nobody was created


async def test_a_page_open_too_long_asks_to_be_opened_again(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Telegram gives an open page no fresh initData: once the server stops taking it, the
    page says so plainly, in the customer's language, and offers to close itself."""
    stale = init_data(CUSTOMER, "ru", age=MAX_AGE + 60)
    async with chromium_page(url, stale) as page:
        await page.wait_for_selector("#reopen")
        assert await page.text_content("#fatal") == (
            "Страница открыта слишком долго. Откройте магазин из бота ещё раз."
        )
        assert await page.text_content("#reopen") == "Закрыть"
        await page.click("#reopen")
        assert await page.evaluate("Telegram.WebApp.closed") is True

    # Expiring while the customer browses: the next call brings the same screen.
    later = Later()
    monkeypatch.setattr(auth, "time", later)
    async with chromium_page(url, init_data(CUSTOMER, "en")) as page:
        await ready(page)
        later.by = MAX_AGE + 60
        await page.click("#nav a[data-nav='orders']")
        await page.wait_for_selector("#reopen")
        assert "open too long" in (await page.text_content("#fatal") or "")
        assert await page.is_hidden("#nav")
        assert await page.evaluate("Telegram.WebApp.MainButton.isVisible") is False


class Later:
    """The server's wall clock, `by` seconds ahead of the real one."""

    by = 0.0

    def time(self) -> float:
        return time.time() + self.by
