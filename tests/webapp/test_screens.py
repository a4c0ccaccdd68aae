"""Every screen of the Mini App in English, Russian and Uzbek at a phone's size, in a so'm
shop as the README sets one up (`PRICE_DECIMALS=0`, amounts in the tens of thousands): no
"null" or "undefined", every amount written as the chat writes it, nothing wider than the
screen. A picture of each screen is kept in `artifacts/miniapp/`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import CreateInvoiceLink

from bot import formats
from bot.formats import Money, number_shape
from bot.i18n import Texts, Translator
from bot.money import Amounts
from bot.payments import AppOffer, Cover, Credits, Method, Offer, Payments, PendingTopup
from bot.settings import Settings
from bot.storage import Database, OrdersRepo, Payment, TopupsRepo
from tests.conftest import fund
from tests.helpers import balance_of
from tests.panel_emulator import EmulatedService, PanelEmulator, running_emulator
from tests.webapp.browser import (
    MISSING,
    chromium_page,
    have_chromium,
    press_main_button,
    ready,
    serving,
    until,
)
from tests.webapp.conftest import CUSTOMER, init_data
from tests.webapp.screens import Screens

pytestmark = pytest.mark.skipif(not have_chromium(), reason=MISSING)

MEMBERS, COMMENTS, PACKAGE, VIEWS = 1, 2, 3, 4


def som_catalogue() -> list[EmulatedService]:
    """A so'm panel's rates: 60 000 сум per 1000 members at the shop's 20 % markup."""
    return [
        EmulatedService(
            MEMBERS,
            "Telegram Members",
            "Default",
            "Telegram",
            Decimal(50_000),
            100,
            50_000,
            refill=True,
        ),
        EmulatedService(
            COMMENTS,
            "Instagram Comments",
            "Custom Comments",
            "Instagram",
            Decimal(90_000),
            1,
            1000,
        ),
        EmulatedService(
            PACKAGE, "Channel Starter Package", "Package", "Telegram", Decimal(25_000), 1, 1
        ),
        EmulatedService(
            VIEWS,
            "YouTube Views",
            "Default",
            "YouTube",
            Decimal(1500),
            1000,
            1_000_000,
            dripfeed=True,
        ),
    ]


@pytest.fixture
async def emulator() -> AsyncIterator[PanelEmulator]:
    async with running_emulator(services=som_catalogue(), balance="100000000") as emu:
        yield emu


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """As the README advises for a so'm panel; a star buys 150 сум."""
    return settings.model_copy(update={"price_decimals": 0, "stars_rate": Decimal(150)})


@pytest.fixture
async def url(dp: Dispatcher, bot: Bot) -> AsyncIterator[str]:
    async with serving(dp, bot) as url:
        yield url


async def summary_of(page: Any, quantity: int) -> None:
    """The order form of the members service filled in, and Continue: its summary."""
    await page.evaluate(f"location.hash = '#/service/{MEMBERS}'")
    await page.wait_for_selector("#field-link")
    await page.fill("#field-link", "@my_channel")
    await page.fill("#field-quantity", str(quantity))
    await press_main_button(page)
    await page.wait_for_selector("dl.summary")


@pytest.mark.parametrize("locale", ["en", "ru", "uz"])
async def test_every_screen_reads_right_on_a_phone(
    url: str, db: Database, bot: Bot, locale: str
) -> None:
    bot.session.plan(CreateInvoiceLink, "https://t.me/$stars")  # type: ignore[attr-defined]
    await fund(db, CUSTOMER, "100000")
    async with chromium_page(url, init_data(CUSTOMER, locale)) as page:
        screens = Screens(page, locale)
        await ready(page)
        await screens.look("catalogue")

        # A service without a description or an average time.
        await page.click(f"#results .service[data-id='{MEMBERS}']")
        await page.wait_for_selector("#order-form")
        await screens.look("service")
        await summary_of(page, 1000)
        await screens.look("summary")
        await press_main_button(page)
        await page.wait_for_selector("#summary-status:not(:empty)")
        # Placed: the Main button leads on to My orders.
        await until(page, "!Telegram.WebApp.MainButton.isProgressVisible")
        await screens.look("placed")

        await page.click("#nav a[data-nav='orders']")
        await page.wait_for_selector("#orders .order")
        await screens.look("orders")
        await page.click(".tabs button[data-status='short']")
        await page.wait_for_selector("#orders:not([aria-busy=true]) > .hint")
        await screens.look("orders-short")

        await page.click("#nav a[data-nav='balance']")
        await page.wait_for_selector("#balance")
        await screens.look("balance")

        for service, name in ((VIEWS, "service-dripfeed"), (PACKAGE, "service-package")):
            await page.evaluate(f"location.hash = '#/service/{service}'")
            await page.wait_for_selector("#order-form .field")
            await screens.look(name)

        # Short of money: the summary, then the top-up it leads to.
        await summary_of(page, 50_000)
        await screens.look("summary-short")
        await page.click("#short ~ button, #short ~ * button >> nth=0")
        await page.wait_for_selector("#balance")
        await screens.look("topup")
        screens.all_right()


async def test_no_screen_part_is_written_as_null(url: str) -> None:
    """`show` and `h` put nodes and text on screen and nothing else: an absent part (null,
    undefined, false), however deep in a list, is left out, never written as "null"."""
    async with chromium_page(url, init_data(CUSTOMER, "en")) as page:
        await ready(page)
        shown = await page.evaluate("""async () => {
          const { h, show } = await import("./static/js/dom.js");
          const view = document.createElement("div");
          show(view, null, undefined, false, "a", [null, ["b", undefined]], 0, NaN, {});
          const element = h("p", {}, null, "c", [undefined, [null]], false);
          return [view.textContent, element.textContent];
        }""")
        assert shown == ["ab0", "c"]


CASES = [
    ("0", 0),
    ("7", 2),
    ("72.5", 2),
    ("999", 0),
    ("1000", 0),
    ("80000", 0),
    ("80001", 0),
    ("1234567.891", 3),
    ("100000000", 2),
    ("-1500", 0),
]


@pytest.mark.parametrize("locale", ["en", "ru", "uz"])
async def test_the_page_writes_numbers_and_money_as_the_chat_does(url: str, locale: str) -> None:
    """The page's writer, given what `/me` hands it (`number_shape`), against the chat's own
    (`bot.formats`), for every currency a panel is likely to bill in."""
    expected: list[str] = []
    cases: list[dict[str, Any]] = []
    for currency in ("UZS", "USD", "RUB", "EUR", "KZT", ""):
        for amount, decimals in CASES:
            value = Money(Decimal(amount), decimals, currency)
            cases.append(
                {
                    "shape": number_shape(locale, currency, decimals),
                    "amount": str(value.shown()),
                    "count": int(Decimal(amount)),
                }
            )
            expected += [formats.money(value, locale), formats.number(int(Decimal(amount)), locale)]
    async with chromium_page(url, init_data(CUSTOMER, locale)) as page:
        await ready(page)
        written = await page.evaluate(
            """async (cases) => {
              const { makeNumbers } = await import("./static/js/numbers.js");
              return cases.flatMap(({ shape, amount, count }) => {
                const numbers = makeNumbers(shape);
                return [numbers.money(amount), numbers.number(count)];
              });
            }""",
            cases,
        )
    assert written == expected


def page_text(locale: str, key: str) -> str:
    return Translator().texts(locale).plain(key)  # type: ignore[arg-type]


async def pay_invoice(page: Any, db: Database, stars: int) -> None:
    """The customer pays the invoice the page opened: the bot credits it (as its payment
    handler does on Telegram's `successful_payment`), then Telegram tells the page."""
    await until(page, "Telegram.WebApp.pendingInvoice !== null")
    topups = TopupsRepo(db)
    latest = (await topups.list_for_user(CUSTOMER, 1))[0]
    assert latest.stars == stars
    await topups.record_payment(
        Payment(CUSTOMER, latest.payload, f"charge-{latest.id}", "XTR", stars)
    )
    await page.evaluate("Telegram.WebApp.settleInvoice('paid')")


async def balance_shown(page: Any, figure: str) -> None:
    await page.wait_for_selector(f"#balance:has-text('{figure}')", timeout=10_000)


# The summary's last row: the customer's balance.
SUMMARY_BALANCE = "dl.summary dd:last-child"


@pytest.mark.parametrize(
    ("locale", "before", "after", "topped_up"),
    [
        ("en", "100,000 UZS", "40,000 UZS", "47,500 UZS"),
        ("ru", "100\u00a0000\u00a0сум", "40\u00a0000\u00a0сум", "47\u00a0500\u00a0сум"),
    ],
)
async def test_every_screen_shows_the_balance_after_an_order_and_a_topup(
    url: str, db: Database, bot: Bot, locale: str, before: str, after: str, topped_up: str
) -> None:
    bot.session.plan(CreateInvoiceLink, "https://t.me/$stars")  # type: ignore[attr-defined]
    await fund(db, CUSTOMER, "100000")
    async with chromium_page(url + "#/balance", init_data(CUSTOMER, locale)) as page:
        await ready(page)
        await page.evaluate("Telegram.WebApp.holdInvoices = true")
        await balance_shown(page, before)
        await summary_of(page, 1000)
        assert await page.text_content(SUMMARY_BALANCE) == before
        await press_main_button(page)
        await page.wait_for_selector(f"{SUMMARY_BALANCE}:has-text('{after}')", timeout=10_000)
        assert await balance_of(db, CUSTOMER) == Decimal(40_000)

        await page.click("#nav a[data-nav='balance']")
        await balance_shown(page, after)

        # Paid from the Balance page: shown once the bot has credited it.
        await page.click("button[data-units='50']")
        await pay_invoice(page, db, 50)
        await balance_shown(page, topped_up)
        assert await page.text_content("#topup-status") == page_text(locale, "webapp-topup-done")

        # Money that moved elsewhere (an admin's credit, a refund) shows on the next visit.
        await fund(db, CUSTOMER, "2500")
        await page.click("#nav a[data-nav='catalogue']")
        await page.click("#nav a[data-nav='balance']")
        await balance_shown(page, after.replace("40", "50"))


async def test_a_short_summary_tops_up_what_is_missing_and_comes_back(
    url: str, db: Database, bot: Bot, emulator: PanelEmulator
) -> None:
    """As the chat does: Top up under the summary fills in what the order lacks, and once it
    is paid the same summary is back, with Confirm."""
    bot.session.plan(CreateInvoiceLink, "https://t.me/$stars")  # type: ignore[attr-defined]
    await fund(db, CUSTOMER, "1000")
    async with chromium_page(url, init_data(CUSTOMER, "uz")) as page:
        await ready(page)
        await page.evaluate("Telegram.WebApp.holdInvoices = true")
        await summary_of(page, 1000)
        # 59 000 so'm short: 394 stars at 150 so'm buy 59 100, the fewest that cover it.
        cover = "⭐ Toʻldirish: 59\u00a0100\u00a0soʻm (394 ⭐)"
        offered = page.locator(f"#view button:text-is('{cover}')")
        await offered.wait_for(timeout=10_000)
        assert not await page.evaluate("Telegram.WebApp.MainButton.isVisible")

        await offered.click()
        await page.wait_for_selector("#topup-for")
        assert await page.input_value("#units-stars") == "394"
        assert "59\u00a0000\u00a0soʻm" in (await page.text_content("#topup-for") or "")
        await press_main_button(page, cover)
        await pay_invoice(page, db, 394)

        # Back at the summary, now with enough: Confirm places the same order.
        await page.wait_for_selector("dl.summary:not(:has(#short))", timeout=10_000)
        assert await page.text_content(SUMMARY_BALANCE) == "60\u00a0100\u00a0soʻm"
        await press_main_button(page, "Tasdiqlash va toʻlash: 60\u00a0000\u00a0soʻm")
        await page.wait_for_selector(f"{SUMMARY_BALANCE}:has-text('100')", timeout=10_000)
    (order,) = await OrdersRepo(db).list_for_user(CUSTOMER, 10)
    assert (order.service_id, order.quantity, order.link) == (
        MEMBERS,
        1000,
        "https://t.me/my_channel",
    )
    assert await balance_of(db, CUSTOMER) == Decimal(100)
    assert len(emulator.calls("add")) == 1


class CardLink(Method):
    """A way of paying outside Telegram, as the next methods will be: a link to pay at,
    credited when the provider says so (here: the test)."""

    name = "card"
    cover_action = "topup-card"

    def __init__(self, topups: TopupsRepo) -> None:
        self._topups = topups

    def offer(self, t: Texts, currency: str) -> Offer:
        raise NotImplementedError  # the chat is not what this test looks at

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        return None

    def app_offer(self, t: Texts, currency: str) -> AppOffer:
        presets = [(units, f"{units // 1000}k") for units in (50_000, 100_000)]
        return AppOffer("card", "Card", "Humo, Uzcard", presets, 10_000, 1_000_000, "", "link")

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        topup = await self._topups.create(user_id, Decimal(units), t.locale, method="card")
        return PendingTopup(topup, f"https://pay.example/{topup.id}")


async def test_the_topup_screen_offers_each_method_the_server_lists(
    dp: Dispatcher, bot: Bot, db: Database
) -> None:
    """Nothing on the page knows Stars by name: a second method is a second section, paid at
    its link, and the page follows its credit as it follows Stars'."""
    payments: Payments = dp["payments"]
    dp["payments"] = Payments(payments.stars, CardLink(dp["topups"]))
    async with serving(dp, bot) as url, chromium_page(url, init_data(CUSTOMER, "en")) as page:
        await ready(page)
        await page.click("#nav a[data-nav='balance']")
        sections = page.locator("section.method h2")
        assert await sections.all_text_contents() == ["Top up with Telegram Stars", "Card"]
        await page.click("section[data-method='card'] button[data-units='100000']")
        await until(page, "Telegram.WebApp.links.length === 1")
        (made,) = await TopupsRepo(db).list_for_user(CUSTOMER)
        assert (made.method, made.amount) == ("card", Decimal(100_000))
        assert await page.evaluate("Telegram.WebApp.links") == [f"https://pay.example/{made.id}"]
        credits: Credits = dp["credits"]
        await credits.credit(made.id, "card-1")
        await balance_shown(page, "100,000 UZS")
        assert await page.text_content("#topup-status") == "Your balance is topped up."
