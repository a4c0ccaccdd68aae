"""The order conversation's engine: category → service → the type's steps → summary.

Handlers translate updates into calls here ("the customer answered", "Back", "Keep"); which
steps a service asks comes from its type's row in `bot.orders.steps`, what each screen shows
from `bot.orders.screens`. Each step is saved before its question is shown, so a crash right
after the customer sees it never leaves the conversation a step behind. Buttons under a
question act only while it is the current one (`Draft.prompt_id`, checked by
`bot.telegram.filters.LivePrompt`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from aiogram.exceptions import TelegramAPIError
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.fsm.storage.base import BaseStorage, StorageKey
from aiogram.types import InlineKeyboardMarkup, Message

from bot.catalogue import Catalogue, Snapshot, paginate
from bot.catalogue.replies import current_snapshot
from bot.i18n import Texts
from bot.money import Amounts
from bot.orders import checkout, screens, timing
from bot.orders.draft import Draft
from bot.orders.prices import Pricer, Prices
from bot.orders.quote import Quote, new_token
from bot.orders.screens import Screen
from bot.orders.steps import SKIPPED, STEP_NAMES, Answer, OrderType, Step, order_type
from bot.panel import Service
from bot.payments import Payments
from bot.settings import Settings
from bot.storage import OrdersRepo, SQLiteStorage, UsersRepo
from bot.telegram import keyboards
from bot.telegram.replies import edit_or_send

log = logging.getLogger(__name__)


class OrderForm(StatesGroup):
    browsing = State()
    confirm = State()


# One state per step name ("OrderForm:link"...), the step being asked.
STEP_STATES = {name: State(name, group_name="OrderForm") for name in sorted(STEP_NAMES)}


def step_name(state: str | None) -> str | None:
    """The step a state asks, or None (browsing, the summary, no conversation)."""
    name = (state or "").removeprefix("OrderForm:")
    return name if name in STEP_STATES else None


async def at_summary(storage: BaseStorage, bot_id: int, user_id: int) -> bool:
    """Whether the customer's private chat has an order's summary open (a top-up paid
    outside the chat then offers the way back to it)."""
    key = StorageKey(bot_id=bot_id, chat_id=user_id, user_id=user_id)
    return await storage.get_state(key) == OrderForm.confirm.state


@dataclass(frozen=True)
class _At:
    draft: Draft
    service: Service
    kind: OrderType
    step: Step


class Conversation:
    """One customer's conversation as one update sees it: where to answer, with what."""

    def __init__(
        self,
        message: Message,
        state: FSMContext,
        *,
        edit: bool,
        t: Texts,
        settings: Settings,
        catalogue: Catalogue,
        users: UsersRepo,
        orders: OrdersRepo,
        amounts: Amounts,
        payments: Payments,
        pricer: Pricer,
        user_id: int,
    ) -> None:
        self.message = message  # the chat's message to answer, or to edit when `edit`
        self.state = state
        self.edit = edit
        self.t = t
        self.settings = settings
        self.catalogue = catalogue
        self.users = users
        self.orders = orders
        self.amounts = amounts
        self.payments = payments
        self.pricer = pricer
        self.user_id = user_id

    # --- the draft and the screen -------------------------------------------------------------

    async def draft(self) -> Draft:
        return Draft.from_data(await self.state.get_data())

    async def save(self, draft: Draft) -> None:
        await self.state.set_data(draft.to_data())

    async def ask(self, draft: Draft, state: State, screen: Screen) -> None:
        """Move to `state` and show its screen, whose buttons become the live ones."""
        if state != OrderForm.confirm:
            # A Confirm token is good on its summary only: not after Back or another service.
            draft.token = draft.charge = None
        draft.topup = None  # each summary may send its own Top up invoice
        storage = self.state.storage
        if isinstance(storage, SQLiteStorage):
            await storage.set_state_and_data(self.state.key, state, draft.to_data())
        else:
            await self.state.set_state(state)
            await self.save(draft)
        draft.prompt_id = await self.show(screen.text, screen.markup)
        await self.state.update_data(prompt_id=draft.prompt_id)

    async def show(self, text: str, markup: InlineKeyboardMarkup | None = None) -> int:
        """Edit the message in place (after a button) or send a new one (after text)."""
        if self.edit:
            return await edit_or_send(self.message, text, markup)
        return (await self.message.answer(text, reply_markup=markup)).message_id

    async def tell(self, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
        """`show`, for a charged order: Telegram failing to show it (a 5xx, a rate limit,
        the network) must not stop what comes next, the panel call or the admins' alert."""
        try:
            await self.show(text, markup)
        except TelegramAPIError as error:
            log.warning("could not show user %s their order's progress: %s", self.user_id, error)

    async def prices(self, snapshot: Snapshot) -> Prices:
        """This customer's prices in `snapshot` (their discount as it is now)."""
        return await self.pricer.prices(self.user_id, snapshot)

    async def snapshot(self, *, cached: bool = False) -> Snapshot | None:
        return await current_snapshot(self.catalogue, self.message, self.t, cached=cached)

    async def service(self, snapshot: Snapshot, draft: Draft) -> tuple[Service, OrderType] | None:
        """The draft's service and its type, if the catalogue still sells it; else start over."""
        service = snapshot.services.get(draft.service_id or 0)
        kind = None if service is None else order_type(service)
        if service is None or kind is None:
            await self.message.answer(self.t("service-gone"))
            self.edit = False
            await self.categories(snapshot, 0)
            return None
        return service, kind

    # --- browsing -----------------------------------------------------------------------------

    async def categories(self, snapshot: Snapshot, page: int) -> None:
        if not snapshot.categories:
            await self.state.clear()
            await self.show(self.t("catalogue-empty"))
            return
        draft = await self.draft()
        shown = paginate(snapshot.categories, page, keyboards.LIST_PAGE)
        draft.categories_page = shown.number
        await self.ask(draft, OrderForm.browsing, screens.categories(snapshot, shown, self.t))

    async def services(self, snapshot: Snapshot, category_index: int, page: int) -> None:
        category = snapshot.category(category_index)
        if category is None:
            await self.categories(snapshot, 0)
            return
        draft = await self.draft()
        prices = await self.prices(snapshot)
        screen, shown = screens.services(
            prices, category, page, draft.categories_page, self.t, self.amounts
        )
        draft.category, draft.services_page = category.index, shown.number
        await self.ask(draft, OrderForm.browsing, screen)

    async def search(self, snapshot: Snapshot, words: str, page: int) -> None:
        """The shown services matching `words`, best first, a page at a time."""
        found = snapshot.search(words)
        draft = await self.draft()
        if not found:  # its buttons lead back to the categories, or out
            await self.ask(draft, OrderForm.browsing, screens.search_none(snapshot, words, self.t))
            return
        draft.search = words
        prices = await self.prices(snapshot)
        screen = screens.search_results(prices, words, found, page, self.t, self.amounts)
        await self.ask(draft, OrderForm.browsing, screen)

    async def choose(self, snapshot: Snapshot, service: Service) -> None:
        """The customer picked `service`: its card and its first question."""
        kind = order_type(service)
        if kind is None:  # the catalogue sells no such service: cannot happen
            await self.categories(snapshot, 0)
            return
        draft = await self.draft()
        draft.service_id = service.id
        draft.category = snapshot.category_of[service.id]
        intro = await self.card(snapshot, service)
        await self.question(snapshot, draft, service, kind.first(service), intro, card=True)

    async def again(self, snapshot: Snapshot, service: Service, link: str) -> None:
        """Order `service` again for `link`: a fresh draft with the link answered (where the
        service takes one and the link still suits it), its card and the first question
        left, or the summary if none is."""
        kind = order_type(service)
        if kind is None:  # not sold: the caller checked `snapshot.services`
            await self.categories(snapshot, 0)
            return
        draft = Draft(service_id=service.id, category=snapshot.category_of[service.id])
        for step in kind.asked(service, {}):
            if step.panel_field == "link" and step.suits(link, service, {}):
                draft.answers[step.name] = link
        left = next(
            (s for s in kind.asked(service, draft.answers) if s.name not in draft.answers), None
        )
        if left is None:
            await self.save(draft)
            await self.summary(snapshot)
            return
        intro = await self.card(snapshot, service)
        if draft.answers:
            intro.append(self.t("order-again-link", link=link))
        await self.question(snapshot, draft, service, left, intro)

    async def card(self, snapshot: Snapshot, service: Service) -> list[str]:
        """The service's card, with how long its latest completed orders took."""
        times = await self.orders.completion_times(service.id, timing.SAMPLE)
        admin = self.user_id in self.settings.admin_ids
        prices = await self.prices(snapshot)
        return screens.service_card(prices, service, self.t, self.amounts, times, admin=admin)

    # --- the steps ----------------------------------------------------------------------------

    async def question(
        self,
        snapshot: Snapshot,
        draft: Draft,
        service: Service,
        step: Step,
        intro: list[str] | None = None,
        *,
        card: bool = False,
    ) -> None:
        """Ask `step`; under the service's card (`card`), also offer its page in the Mini App."""
        answers = draft.answers
        prices = await self.prices(snapshot)
        totals = screens.dripfeed_totals(prices, step, service, answers, self.t, self.amounts)
        screen = screens.question(step, service, answers, self.t, intro or [], totals)
        if card and (webapp := self.settings.webapp_url) is not None:
            page = f"{webapp}?service={service.id}"
            screen = replace(screen, markup=keyboards.with_webapp(screen.markup, self.t, page))
        await self.ask(draft, STEP_STATES[step.name], screen)

    async def answer(
        self, snapshot: Snapshot, step_state: str | None, text: str | None, *, skip: bool = False
    ) -> None:
        """The customer answered the current step (typed, a button, or Skip on an optional
        one): on to the next, or say why not."""
        at = await self._at(snapshot, step_state)
        if at is None:
            return
        if skip:
            value: Answer | None = SKIPPED if at.step.optional else None
        else:
            value = at.step.accept(text, at.service, at.draft.answers)
        if value is None:
            await self.message.answer(screens.invalid(at.step, at.service, self.t, text))
            return
        at.draft.answers[at.step.name] = value
        await self.save(at.draft)
        await self._forward(snapshot, at)

    async def keep(self, snapshot: Snapshot, step_state: str | None) -> None:
        """Keep the answer shown with the question and go on."""
        at = await self._at(snapshot, step_state)
        answers = at.draft.answers if at is not None else {}
        if at is not None and at.step.suits(answers.get(at.step.name), at.service, answers):
            await self._forward(snapshot, at)

    async def _at(self, snapshot: Snapshot, step_state: str | None) -> _At | None:
        """Where the conversation stands at a step, if it is at one of its service's steps."""
        draft = await self.draft()
        chosen = await self.service(snapshot, draft)
        name = step_name(step_state)
        if chosen is None or name is None:
            return None
        service, kind = chosen
        step = kind.step(name)
        if step is None or not step.applies(service, draft.answers):
            # A state from another type's steps, or a forged one: ask this one's first.
            await self.question(snapshot, draft, service, kind.first(service))
            return None
        return _At(draft, service, kind, step)

    async def _forward(self, snapshot: Snapshot, at: _At) -> None:
        following = at.kind.after(at.service, at.draft.answers, at.step.name)
        if following is None:
            await self.summary(snapshot)
        else:
            await self.question(snapshot, at.draft, at.service, following)

    async def back(self, snapshot: Snapshot, step_state: str | None) -> None:
        draft = await self.draft()
        chosen = await self.service(snapshot, draft)
        if chosen is None:
            return
        service, kind = chosen
        name = None if step_state == OrderForm.confirm.state else step_name(step_state)
        if name is None and step_state != OrderForm.confirm.state:
            return  # Back belongs to a question or the summary; the lists have their own
        if name is not None and kind.step(name) is None:  # not this type's: start it over
            name = kind.first(service).name
        previous = kind.before(service, draft.answers, name)
        if previous is None:
            await self.services(snapshot, draft.category, draft.services_page)
        elif previous is kind.first(service):
            card = await self.card(snapshot, service)
            await self.question(snapshot, draft, service, previous, card)
        else:
            await self.question(snapshot, draft, service, previous)

    # --- the summary --------------------------------------------------------------------------

    async def quote(self, snapshot: Snapshot, draft: Draft) -> Quote | None:
        """The draft priced from `snapshot`, or None once the customer has been told why not."""
        chosen = await self.service(snapshot, draft)
        if chosen is None:
            return None
        service, kind = chosen
        prices = await self.prices(snapshot)
        quote = checkout.quote(prices, service, draft.answers, self.t.locale)
        if quote is None:  # an answer is missing: ask the first step again
            await self.question(snapshot, draft, service, kind.first(service))
        return quote

    async def priced(
        self, draft: Draft, snapshot: Snapshot | None = None, *, cached: bool = False
    ) -> tuple[Snapshot, Quote] | None:
        """The catalogue and the draft priced from it (`cached`: however old the catalogue,
        for Confirm), or None once the customer has been told why not."""
        snapshot = snapshot or await self.snapshot(cached=cached)
        if snapshot is None:
            return None
        quote = await self.quote(snapshot, draft)
        return None if quote is None else (snapshot, quote)

    async def summary(
        self, snapshot: Snapshot | None = None, *, price_changed: bool = False
    ) -> None:
        draft = await self.draft()
        if (priced := await self.priced(draft, snapshot)) is not None:
            await self._summarise(draft, *priced, price_changed=price_changed)

    async def resume(self) -> None:
        """Back to the summary the customer left to top up, re-quoted at today's prices
        (saying so when the total moved), with a fresh Confirm if the balance now covers it."""
        draft = await self.draft()
        if (priced := await self.priced(draft)) is not None:
            seen = draft.charge
            changed = seen is not None and checkout.price_changed(priced[1].charge, seen)
            await self._summarise(draft, *priced, price_changed=changed)

    async def _summarise(
        self, draft: Draft, snapshot: Snapshot, quote: Quote, *, price_changed: bool
    ) -> None:
        funds = checkout.Funds((await self.users.ensure(self.user_id)).balance, quote.charge)
        draft.token = new_token() if funds.enough else None
        draft.charge = str(quote.charge)
        # Short of the charge: a Top up by each way of paying that can cover the gap.
        topups = []
        if not funds.enough:
            topups = self.payments.covers(funds.missing, self.t, self.amounts)
        screen = screens.summary(
            snapshot,
            quote,
            funds,
            draft.token,
            self.t,
            self.amounts,
            price_changed=price_changed,
            topups=topups,
        )
        await self.ask(draft, OrderForm.confirm, screen)
