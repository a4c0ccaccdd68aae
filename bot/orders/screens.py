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
from bot.formats import Money
from bot.i18n import Texts
from bot.money import Amounts
from bot.orders import keyboards, timing
from bot.orders.checkout import Funds
from bot.orders.quote import Quote, price_per_1000
from bot.orders.steps import SKIPPED, Answers, Step, order_type
from bot.panel import Service
from bot.payments.method import Cover
from bot.telegram.keyboards import LIST_PAGE, main_menu

QUERY_SHOWN = 64  # of the words searched for, repeated back


@dataclass(frozen=True)
class Screen:
    text: str
    markup: InlineKeyboardMarkup | None = None


def price(snapshot: Snapshot, service: Service, amounts: Amounts) -> Money:
    """Per 1000, as shown to customers."""
    return amounts(price_per_1000(snapshot.pricing[service.id], amounts.decimals))


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
    snapshot: Snapshot,
    category: Category,
    page: int,
    categories_page: int,
    t: Texts,
    amounts: Amounts,
) -> tuple[Screen, Page[Service]]:
    shown = paginate(category.services, page, LIST_PAGE)
    prices = [t.write(price(snapshot, s, amounts)) for s in shown.items]
    text = t(
        "order-services",
        category=snapshot.category_name(category, t.locale),
        page=shown.number + 1,
        pages=shown.count,
    )
    markup = keyboards.services(snapshot, category, shown, prices, categories_page, t)
    return Screen(text, markup), shown


def search_results(
    snapshot: Snapshot, words: str, found: list[Service], page: int, t: Texts, amounts: Amounts
) -> Screen:
    shown = paginate(found, page, LIST_PAGE)
    prices = [t.write(price(snapshot, s, amounts)) for s in shown.items]
    text = t(
        "order-search-results",
        query=words[:QUERY_SHOWN],
        count=len(found),
        page=shown.number + 1,
        pages=shown.count,
    )
    return Screen(text, keyboards.search_results(snapshot, shown, prices, t))


def search_none(snapshot: Snapshot, words: str, t: Texts) -> Screen:
    """Nothing found: back to the categories, or out."""
    text = t("order-search-none", query=words[:QUERY_SHOWN]) + "\n" + search_hint(snapshot, t)
    return Screen(text, keyboards.nothing_found(snapshot, t))


def free_text_none(snapshot: Snapshot, words: str, t: Texts) -> Screen:
    """Words typed outside any conversation that find nothing: the menu, with a hint."""
    text = t("free-text-none", query=words[:QUERY_SHOWN]) + "\n" + search_hint(snapshot, t)
    return Screen(text, main_menu(t))


def service_card(
    snapshot: Snapshot,
    service: Service,
    t: Texts,
    amounts: Amounts,
    times: Sequence[timedelta] = (),
) -> list[str]:
    """The service as it is introduced before its first question (paragraphs); `times`:
    how long its latest completed orders took (`bot.orders.timing`)."""
    kind = order_type(service)
    facts = [
        t(
            "order-service",
            service=snapshot.name(service, t.locale),
            price=price(snapshot, service, amounts),
            package="yes" if kind is not None and kind.package else "no",
            min=service.min,
            max=service.max,
            cancel="yes" if service.cancel else "no",
        ),
        t("order-service-number", number=str(service.id)),
        t("order-service-refill", refill="yes" if service.refill else "no"),
    ]
    if (mean := timing.average(times)) is not None:
        facts.append(t("order-service-average", duration=timing.about(t, mean), count=len(times)))
    card = ["\n".join(facts)]
    if service.dripfeed:
        card.append(t("order-service-dripfeed"))
    if description := snapshot.description(service, t.locale):
        card.append(t("order-service-description", description=description))
    return card


def question(step: Step, service: Service, answers: Answers, t: Texts, intro: list[str]) -> Screen:
    """`step`'s question, after `intro` (paragraphs); an earlier answer that suits this
    service (and the other answers) too is shown and offered with Keep."""
    key, args = step.question(service)
    lines = [t(key, **args)]
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
    money = {"charge": amounts(quote.charge), "balance": amounts(funds.balance)}
    if token is not None:
        lines.append(t("order-summary-charge", after=amounts(funds.after), **money))
    else:
        lines.append(t("order-summary-short", missing=amounts(funds.missing), **money))
    buttons = [] if token is not None else [(cover.label, cover.action) for cover in topups]
    return Screen("\n".join(lines), keyboards.summary(t, token, buttons))
