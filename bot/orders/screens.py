"""What each screen of the order conversation shows: text and buttons, from data alone.

Nothing here reads or writes anything: the conversation (`bot.orders.conversation`) decides
which screen comes next and shows it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from aiogram.types import InlineKeyboardMarkup

from bot.catalogue import Category, Page, Snapshot, paginate
from bot.catalogue.provenance import with_panel
from bot.formats import Money
from bot.i18n import Arg, Texts
from bot.money import Amounts, display_panel
from bot.orders import keyboards, timing
from bot.orders.checkout import Funds
from bot.orders.prices import Prices
from bot.orders.quote import Quote
from bot.orders.steps import SKIPPED, Answers, Step, is_package, order_type, runs
from bot.panel import Service
from bot.payments.method import Cover
from bot.telegram.keyboards import LIST_PAGE, main_menu

QUERY_SHOWN = 64  # of the words searched for, repeated back


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


def price(prices: Prices, service: Service, amounts: Amounts) -> Money:
    """Per 1000, as shown to this customer."""
    return amounts(prices.per_1000(service))


def listed_price(prices: Prices, service: Service, t: Texts, amounts: Amounts) -> str:
    """A service's price in a list of prices per 1000 (a package's said as its own)."""
    shown = price(prices, service, amounts)
    return t.plain(
        "order-listed-price", price=shown, package="yes" if is_package(service) else "no"
    )


def admin_prices(prices: Prices, service: Service, t: Texts, amounts: Amounts) -> str:
    """For admins: what a service costs the shop at the panel, and what customers pay (with
    no discount)."""
    shown = t(
        "order-service-admin",
        cost=display_panel(service.rate, prices.snapshot.currency),
        price=price(prices.full, service, amounts),
        package="yes" if is_package(service) else "no",
    )
    return with_panel(shown, service, t)


def search_hint(snapshot: Snapshot, t: Texts) -> str:
    """ "Type a word to search", with words from the catalogue as the customer reads it."""
    words = snapshot.hint_words(t.locale)
    if len(words) >= 2:
        return t("order-search-hint", first=words[0], second=words[1])
    if words:
        return t("order-search-hint-one", first=words[0])
    return t("order-search-hint-plain")


def categories(snapshot: Snapshot, page: Page[Category], t: Texts) -> Screen:
    text = t("order-categories", page=page.number + 1, pages=page.count)
    text += "\n\n" + search_hint(snapshot, t)
    return Screen(text, keyboards.categories(snapshot, page, t))


def services(
    prices: Prices,
    category: Category,
    page: int,
    categories_page: int,
    t: Texts,
    amounts: Amounts,
) -> tuple[Screen, Page[Service]]:
    snapshot = prices.snapshot
    shown = paginate(category.services, page, LIST_PAGE)
    listed = [listed_price(prices, s, t, amounts) for s in shown.items]
    text = t(
        "order-services",
        category=snapshot.category_name(category, t.locale),
        page=shown.number + 1,
        pages=shown.count,
    )
    markup = keyboards.services(snapshot, category, shown, listed, categories_page, t)
    return Screen(text, markup), shown


def search_results(
    prices: Prices, words: str, found: list[Service], page: int, t: Texts, amounts: Amounts
) -> Screen:
    shown = paginate(found, page, LIST_PAGE)
    listed = [listed_price(prices, s, t, amounts) for s in shown.items]
    text = t(
        "order-search-results",
        query=words[:QUERY_SHOWN],
        count=len(found),
        page=shown.number + 1,
        pages=shown.count,
    )
    return Screen(text, keyboards.search_results(prices.snapshot, shown, listed, t))


def search_none(snapshot: Snapshot, words: str, t: Texts) -> Screen:
    """Nothing found: back to the categories, or out."""
    text = t("order-search-none", query=words[:QUERY_SHOWN]) + "\n" + search_hint(snapshot, t)
    return Screen(text, keyboards.nothing_found(snapshot, t))


def free_text_none(snapshot: Snapshot, words: str, t: Texts) -> Screen:
    """Words typed outside any conversation that find nothing: the menu, with a hint."""
    text = t("free-text-none", query=words[:QUERY_SHOWN]) + "\n" + search_hint(snapshot, t)
    return Screen(text, main_menu(t))


def service_card(
    prices: Prices,
    service: Service,
    t: Texts,
    amounts: Amounts,
    times: Sequence[timedelta] = (),
    *,
    admin: bool = False,
) -> list[str]:
    """The service as it is introduced before its first question (paragraphs); `times`:
    how long its latest completed orders took (`bot.orders.timing`); `admin`: the reader
    runs the shop, and sees what the service costs it too."""
    snapshot = prices.snapshot
    facts = [
        t(
            "order-service",
            service=snapshot.name(service, t.locale),
            price=price(prices, service, amounts),
            package="yes" if is_package(service) else "no",
            min=service.min,
            max=service.max,
            cancel="yes" if service.cancel else "no",
        ),
        t("order-service-number", number=str(service.id)),
        *([t("order-service-discount", discount=prices.discount)] if prices.discount else []),
        t("order-service-refill", refill="yes" if service.refill else "no"),
    ]
    if (mean := timing.average(times)) is not None:
        facts.append(t("order-service-average", duration=timing.about(t, mean), count=len(times)))
    if admin:
        facts.append(admin_prices(prices, service, t, amounts))
    card = ["\n".join(facts)]
    if service.dripfeed:
        card.append(t("order-service-dripfeed"))
    if description := snapshot.description(service, t.locale):
        card.append(t("order-service-description", description=description))
    return card


def dripfeed_total(
    prices: Prices, service: Service, answers: Answers, count: int, amounts: Amounts
) -> dict[str, Arg] | None:
    """A drip-feed order's figures in `count` runs: per run, in all, and its price; None
    before the quantity is answered, or for a service without drip-feed."""
    kind = order_type(service)
    quantity = answers.get("quantity")
    if kind is None or not service.dripfeed or quantity is None:
        return None
    units = kind.units(service, {**answers, "runs": count})
    charge = amounts(prices.charge(service, units))
    return {"quantity": int(quantity), "runs": count, "total": units, "charge": charge}


def dripfeed_totals(
    prices: Prices,
    step: Step,
    service: Service,
    answers: Answers,
    t: Texts,
    amounts: Amounts,
) -> list[str]:
    """What a drip-feed order comes to as its runs are chosen: under the runs question, the
    total and its price for each runs button; under the interval's, for the runs chosen.
    The quantity asked is per run, and the summary must hold no surprise."""
    if step.name == "runs":
        choices = [
            dripfeed_total(prices, service, answers, n, amounts) for n in step.choices(service)
        ]
        if not all(choices):
            return []
        lines = [t("order-dripfeed-per-run", quantity=int(answers["quantity"]))]
        lines += [t("order-dripfeed-choice", **figures) for figures in choices if figures]
        return ["\n".join(lines)]
    if step.name == "interval":
        figures = dripfeed_total(prices, service, answers, runs(service, answers), amounts)
        return [t("order-dripfeed-total", **figures)] if figures else []
    return []


def question(
    step: Step,
    service: Service,
    answers: Answers,
    t: Texts,
    intro: list[str],
    notes: Sequence[str] = (),
) -> Screen:
    """`step`'s question, after `intro` (paragraphs) and with `notes` under it; an earlier
    answer that suits this service (and the other answers) too is shown and offered with
    Keep."""
    key, args = step.question(service)
    lines = [t(key, **args), *notes]
    earlier = answers.get(step.name)
    keep = step.suits(earlier, service, answers)
    if keep and earlier == SKIPPED:
        # Said in a sentence of its own: "skipped" put where a number goes reads wrong in
        # every language ("Current runs: skipped", and in Uzbek "... skipped ta").
        lines.append(t("order-current-skipped"))
    elif keep and earlier is not None:
        lines.append(t(step.current, **{step.name: step.shown(earlier)}))
    text = ("\n\n" if step.paragraph else "\n").join(lines)
    markup = keyboards.prompt(t, keep=keep, choices=step.choices(service), skip=step.optional)
    return Screen("\n\n".join([*intro, text]), markup)


def invalid(step: Step, service: Service, t: Texts, text: str | None = None) -> str:
    """Why the answer was refused, as specifically as the step can say."""
    key, args = step.why(text, service) if step.why is not None else step.invalid(service)
    return t(key, **args)


def summary(
    snapshot: Snapshot,
    quote: Quote,
    funds: Funds,
    token: str | None,
    t: Texts,
    amounts: Amounts,
    *,
    price_changed: bool = False,
    topups: Sequence[Cover] = (),
) -> Screen:
    """The exact charge and the balance after it; Confirm only with `token` (the balance
    covers the charge), else what is missing and the `topups` that cover it."""
    lines = [t("order-price-changed")] if price_changed else []
    lines.append(
        t(
            "order-summary",
            service=quote.name,
            link=quote.link,
            quantity=quote.quantity,
        )
    )
    if quote.runs > 1:
        lines.append(
            t(
                "order-summary-dripfeed",
                quantity=quote.quantity // quote.runs,
                runs=quote.runs,
                interval=quote.answers.get("interval", 0),
                total=quote.quantity,
            )
        )
    for step in quote.kind.asked(quote.service, quote.answers):
        value = quote.answers[step.name]
        if step.summary is not None and value != SKIPPED:
            lines.append(t(step.summary, **{step.name: step.shown(value)}))
    if quote.kind.settles_to_charge:
        lines.append(t("order-summary-most"))
    if quote.discount:
        lines.append(t("order-summary-discount", discount=quote.discount))
    money = {"charge": amounts(quote.charge), "balance": amounts(funds.balance)}
    if token is not None:
        lines.append(t("order-summary-charge", after=amounts(funds.after), **money))
    else:
        lines.append(t("order-summary-short", missing=amounts(funds.missing), **money))
    buttons = [] if token is not None else [(cover.label, cover.action) for cover in topups]
    return Screen("\n".join(lines), keyboards.summary(t, token, buttons))
