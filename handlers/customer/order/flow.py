"""The order conversation: category → service → link → quantity → (answer) → summary → Confirm.

The draft lives in FSM data (SQLite), so a customer halfway through continues after a
restart. Buttons under a question act only while that question is the current one
(`Draft.prompt_id`); catalogue buttons carry the catalogue version they were drawn from.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, fields
from decimal import Decimal

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, CommandStart, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message, User

from bot.catalogue import Catalogue, Snapshot, is_poll, is_telegram, paginate
from bot.i18n import Texts
from bot.money import display
from bot.notify.alerts import Alerts
from bot.notify.panel_watch import PanelBalanceWatch
from bot.orders.placement import Outcome, Placement, order_details, place
from bot.orders.quote import Quote, new_token, price_per_1000
from bot.panel import PanelClient, Service
from bot.settings import Settings
from bot.storage import InsufficientFunds, OrdersRepo, TokenUsed, UsersRepo
from bot.telegram import keyboards
from bot.telegram.callbacks import (
    CategoriesPageCb,
    CategoryCb,
    ConfirmCb,
    MenuCb,
    OrderNavCb,
    SearchCb,
    ServiceCb,
)
from bot.telegram.links import SERVICE_LINK_ARGS, linked_service
from bot.telegram.replies import current_snapshot, edit_or_send, tapped_snapshot
from bot.validation import MAX_ANSWER_NUMBER, normalize_link, parse_answer_number, parse_quantity

log = logging.getLogger(__name__)

QUERY_SHOWN = 64  # of the words searched for, repeated back


class OrderForm(StatesGroup):
    browsing = State()
    link = State()
    quantity = State()
    answer = State()
    confirm = State()


@dataclass
class Draft:
    """What the customer has chosen and typed so far; kept when they go Back."""

    prompt_id: int | None = None  # the message whose buttons are live
    categories_page: int = 0
    category: int = 0
    services_page: int = 0
    service_id: int | None = None
    link: str | None = None
    quantity: int | None = None
    answer: int | None = None
    token: str | None = None  # the Confirm button's one-time token
    charge: str | None = None  # the quoted charge, exactly as shown
    search: str | None = None  # the words last searched for


@dataclass
class Flow:
    """One step of one customer's conversation: where to answer and with what."""

    message: Message  # the chat's message to answer, or to edit when `edit`
    state: FSMContext
    t: Texts
    settings: Settings
    catalogue: Catalogue
    users: UsersRepo
    user: User
    edit: bool = False

    async def draft(self) -> Draft:
        data = await self.state.get_data()
        names = {field.name for field in fields(Draft)}
        return Draft(**{key: value for key, value in data.items() if key in names})

    async def save(self, draft: Draft, step: State) -> None:
        await self.state.set_state(step)
        await self.state.set_data(asdict(draft))

    async def ask(self, draft: Draft, step: State, text: str, markup: InlineKeyboardMarkup) -> None:
        """Move to `step` and show its question: the step is saved first, so a crash after
        the customer sees the question never leaves the conversation a step behind."""
        await self.save(draft, step)
        draft.prompt_id = await self.show(text, markup)
        await self.state.update_data(prompt_id=draft.prompt_id)

    def money(self, amount: Decimal) -> str:
        return display(amount, self.settings.price_decimals, self.catalogue.currency)

    def price(self, snapshot: Snapshot, service: Service) -> str:
        """Per 1000, as shown to customers."""
        return self.money(
            price_per_1000(snapshot.pricing[service.id], self.settings.price_decimals)
        )

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
            log.warning("could not show user %s their order's progress: %s", self.user.id, error)

    async def snapshot(self, *, cached: bool = False) -> Snapshot | None:
        return await current_snapshot(self.catalogue, self.message, self.t, cached=cached)

    async def service(self, snapshot: Snapshot, draft: Draft) -> Service | None:
        """The draft's service, if the catalogue still has it; else start over."""
        service = snapshot.services.get(draft.service_id or 0)
        if service is None:
            await self.message.answer(self.t("service-gone"))
            self.edit = False
            await self.categories(snapshot, 0)
        return service

    # --- the steps ---------------------------------------------------------------------------

    async def categories(self, snapshot: Snapshot, page: int) -> None:
        t = self.t
        if not snapshot.categories:
            await self.state.clear()
            await self.show(t("catalogue-empty"))
            return
        draft = await self.draft()
        shown = paginate(snapshot.categories, page, keyboards.LIST_PAGE)
        text = t("order-categories", page=shown.number + 1, pages=shown.count)
        text += "\n\n" + t("order-search-hint")
        draft.categories_page = shown.number
        await self.ask(draft, OrderForm.browsing, text, keyboards.categories(snapshot, shown, t))

    async def services(self, snapshot: Snapshot, category_index: int, page: int) -> None:
        category = snapshot.category(category_index)
        if category is None:
            await self.categories(snapshot, 0)
            return
        draft = await self.draft()
        shown = paginate(category.services, page, keyboards.LIST_PAGE)
        prices = [self.price(snapshot, s) for s in shown.items]
        text = self.t(
            "order-services",
            category=snapshot.category_name(category, self.t.locale),
            page=shown.number + 1,
            pages=shown.count,
        )
        markup = keyboards.services(
            snapshot, category, shown, prices, draft.categories_page, self.t
        )
        draft.category, draft.services_page = category.index, shown.number
        await self.ask(draft, OrderForm.browsing, text, markup)

    async def search(self, snapshot: Snapshot, words: str, page: int) -> None:
        """The shown services matching `words`, best first, a page at a time."""
        t, draft = self.t, await self.draft()
        found = snapshot.search(words)
        query = words[:QUERY_SHOWN]
        if not found:
            await self.show(t("order-search-none", query=query))
            return
        shown = paginate(found, page, keyboards.LIST_PAGE)
        prices = [self.price(snapshot, s) for s in shown.items]
        text = t(
            "order-search-results",
            query=query,
            count=len(found),
            page=shown.number + 1,
            pages=shown.count,
        )
        draft.search = words
        markup = keyboards.search_results(snapshot, shown, prices, t)
        await self.ask(draft, OrderForm.browsing, text, markup)

    async def ask_link(self, snapshot: Snapshot, service: Service) -> None:
        t, draft = self.t, await self.draft()
        telegram = is_telegram(service)
        description = snapshot.description(service, t.locale)
        lines = [
            t(
                "order-service",
                service=snapshot.name(service, t.locale),
                price=self.price(snapshot, service),
                min=service.min,
                max=service.max,
                cancel="yes" if service.cancel else "no",
            ),
            t("order-ask-link-telegram" if telegram else "order-ask-link"),
        ]
        if description:
            lines.insert(1, t("order-service-description", description=description))
        # A link typed earlier is offered again if it suits this service too.
        keep = draft.link is not None and normalize_link(draft.link, telegram=telegram) is not None
        if keep:
            lines.append(t("order-current-link", link=draft.link or ""))
        draft.service_id = service.id
        draft.category = snapshot.category_of[service.id]
        await self.ask(draft, OrderForm.link, "\n\n".join(lines), keyboards.prompt(t, keep=keep))

    async def ask_quantity(self, service: Service) -> None:
        t, draft = self.t, await self.draft()
        lines = [t("order-ask-quantity", min=service.min, max=service.max)]
        keep = draft.quantity is not None and service.min <= draft.quantity <= service.max
        if keep:
            lines.append(t("order-current-quantity", quantity=draft.quantity or 0))
        await self.ask(draft, OrderForm.quantity, "\n".join(lines), keyboards.prompt(t, keep=keep))

    async def ask_answer(self) -> None:
        t, draft = self.t, await self.draft()
        lines = [t("order-ask-answer", max=MAX_ANSWER_NUMBER)]
        keep = draft.answer is not None
        if keep:
            lines.append(t("order-current-answer", answer=draft.answer or 0))
        await self.ask(draft, OrderForm.answer, "\n".join(lines), keyboards.prompt(t, keep=keep))

    async def summary(self, *, price_changed: bool = False) -> None:
        snapshot = await self.snapshot()
        if snapshot is None:
            return
        draft = await self.draft()
        service = await self.service(snapshot, draft)
        if service is None or draft.link is None or draft.quantity is None:
            return
        answer = draft.answer if is_poll(service) else None
        quote = Quote.make(snapshot, service, draft.link, draft.quantity, answer, self.settings)
        balance = (await self.users.ensure(self.user.id)).balance
        t, money = self.t, self.money
        lines = [t("order-price-changed")] if price_changed else []
        lines.append(
            t(
                "order-summary",
                service=snapshot.name(service, t.locale),
                link=quote.link,
                quantity=quote.quantity,
            )
        )
        if answer is not None:
            lines.append(t("order-summary-answer", answer=answer))
        amounts = {"charge": money(quote.charge), "balance": money(balance)}
        if balance >= quote.charge:
            draft.token = new_token()
            lines.append(t("order-summary-charge", after=money(balance - quote.charge), **amounts))
        else:
            draft.token = None
            lines.append(t("order-summary-short", missing=money(quote.charge - balance), **amounts))
        draft.charge = str(quote.charge)
        await self.ask(
            draft, OrderForm.confirm, "\n".join(lines), keyboards.summary(t, draft.token)
        )

    async def forward(self, step: str | None, service: Service) -> None:
        """The step after `step`, keeping what was entered."""
        if step == OrderForm.link.state:
            await self.ask_quantity(service)
        elif step == OrderForm.quantity.state and is_poll(service):
            await self.ask_answer()
        elif step in {OrderForm.quantity.state, OrderForm.answer.state}:
            await self.summary()

    async def back(self, step: str | None, snapshot: Snapshot, service: Service) -> None:
        draft = await self.draft()
        if step == OrderForm.link.state:
            await self.services(snapshot, draft.category, draft.services_page)
        elif step == OrderForm.quantity.state:
            await self.ask_link(snapshot, service)
        elif step == OrderForm.answer.state:
            await self.ask_quantity(service)
        elif step == OrderForm.confirm.state and is_poll(service):
            await self.ask_answer()
        elif step == OrderForm.confirm.state:
            await self.ask_quantity(service)


def flow(
    message: Message,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
    user: User,
    *,
    edit: bool,
) -> Flow:
    return Flow(message, state, t, settings, catalogue, users, user, edit)


# --- entry points ----------------------------------------------------------------------------


async def order_command(
    message: Message,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
    event_from_user: User,
) -> None:
    await state.clear()
    here = flow(message, state, t, settings, catalogue, users, event_from_user, edit=False)
    snapshot = await here.snapshot()
    if snapshot is not None:
        await here.categories(snapshot, 0)


async def order_button(
    query: CallbackQuery,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
) -> None:
    await query.answer()
    if isinstance(query.message, Message):
        await order_command(query.message, state, t, settings, catalogue, users, query.from_user)


async def cancel_command(message: Message, state: FSMContext, t: Texts) -> None:
    had_order = await state.get_state() is not None
    await state.clear()
    await message.answer(
        t("order-cancelled" if had_order else "order-nothing-to-cancel"),
        reply_markup=keyboards.main_menu(t),
    )


# --- browsing the catalogue ------------------------------------------------------------------


async def browse(
    query: CallbackQuery,
    callback_data: CategoriesPageCb | CategoryCb | SearchCb | ServiceCb,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
) -> None:
    tapped = await tapped_snapshot(query, catalogue, t)
    if tapped is None:
        return
    message, snapshot = tapped
    here = flow(message, state, t, settings, catalogue, users, query.from_user, edit=True)
    if snapshot.version != callback_data.v:
        await query.answer(t("catalogue-changed"), show_alert=True)
        await here.categories(snapshot, 0)
        return
    if isinstance(callback_data, CategoriesPageCb):
        await query.answer()
        await here.categories(snapshot, callback_data.page)
    elif isinstance(callback_data, CategoryCb):
        await query.answer()
        await here.services(snapshot, callback_data.cat, callback_data.page)
    elif isinstance(callback_data, SearchCb):
        words = (await here.draft()).search
        if words is None:
            await query.answer(t("order-expired"), show_alert=True)
            return
        await query.answer()
        await here.search(snapshot, words, callback_data.page)
    elif (service := snapshot.services.get(callback_data.id)) is None:
        await query.answer(t("service-gone"), show_alert=True)
    else:
        await query.answer()
        await here.ask_link(snapshot, service)


# --- typed answers ---------------------------------------------------------------------------


async def typed(
    message: Message,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
    event_from_user: User,
) -> None:
    """A link, quantity or answer number, by the conversation's step."""
    here = flow(message, state, t, settings, catalogue, users, event_from_user, edit=False)
    snapshot = await here.snapshot()
    if snapshot is None:
        return
    draft = await here.draft()
    service = await here.service(snapshot, draft)
    if service is None:
        return
    step = await state.get_state()
    if step == OrderForm.link.state:
        telegram = is_telegram(service)
        draft.link = normalize_link(message.text, telegram=telegram)
        if draft.link is None:
            await message.answer(t("order-bad-link-telegram" if telegram else "order-bad-link"))
            return
    elif step == OrderForm.quantity.state:
        draft.quantity = parse_quantity(message.text, service.min, service.max)
        if draft.quantity is None:
            await message.answer(t("order-bad-quantity", min=service.min, max=service.max))
            return
    else:
        draft.answer = parse_answer_number(message.text)
        if draft.answer is None:
            await message.answer(t("order-bad-answer", max=MAX_ANSWER_NUMBER))
            return
    await state.update_data(asdict(draft))
    await here.forward(step, service)


async def search_typed(
    message: Message,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
    event_from_user: User,
) -> None:
    """Words typed while choosing a category or service: a search of the catalogue."""
    here = flow(message, state, t, settings, catalogue, users, event_from_user, edit=False)
    snapshot = await here.snapshot()
    if snapshot is not None:
        await here.search(snapshot, " ".join((message.text or "").split()), 0)


async def start_at_service(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
    event_from_user: User,
) -> None:
    """`/start svc_<id>`, a link to one service (from inline search): straight to its link
    step, or the categories if the service is not sold (any more)."""
    await users.welcome(event_from_user.id)
    service_id = linked_service(command.args or "")
    await state.clear()
    here = flow(message, state, t, settings, catalogue, users, event_from_user, edit=False)
    snapshot = await here.snapshot()
    if snapshot is None:
        return
    service = snapshot.services.get(service_id)
    if service is None:
        await message.answer(t("service-gone"))
        await here.categories(snapshot, 0)
        return
    await here.ask_link(snapshot, service)


async def not_text(message: Message, t: Texts) -> None:
    await message.answer(t("order-text-only"))


# --- Back, Keep, Cancel ----------------------------------------------------------------------


async def live_prompt(query: CallbackQuery, state: FSMContext, t: Texts) -> Message | None:
    """The tapped message, if it shows the conversation's current question."""
    data = await state.get_data()
    message = query.message
    if (
        await state.get_state() is None
        or not isinstance(message, Message)
        or message.message_id != data.get("prompt_id")
    ):
        await query.answer(t("order-expired"), show_alert=True)
        return None
    return message


async def navigate(
    query: CallbackQuery,
    callback_data: OrderNavCb,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
) -> None:
    message = await live_prompt(query, state, t)
    if message is None:
        return
    await query.answer()
    here = flow(message, state, t, settings, catalogue, users, query.from_user, edit=True)
    if callback_data.action == "cancel":
        await state.clear()
        await here.show(t("order-cancelled"))
        await message.answer(t("menu-prompt"), reply_markup=keyboards.main_menu(t))
        return
    snapshot = await here.snapshot()
    if snapshot is None:
        return
    service = await here.service(snapshot, await here.draft())
    if service is None:
        return
    step = await state.get_state()
    if callback_data.action == "back":
        await here.back(step, snapshot, service)
    else:
        await here.forward(step, service)


# --- Confirm ---------------------------------------------------------------------------------


async def confirm(
    query: CallbackQuery,
    callback_data: ConfirmCb,
    bot: Bot,
    state: FSMContext,
    t: Texts,
    settings: Settings,
    catalogue: Catalogue,
    users: UsersRepo,
    orders: OrdersRepo,
    panel: PanelClient,
    alerts: Alerts,
    panel_watch: PanelBalanceWatch,
) -> None:
    earlier = await orders.by_token(callback_data.token)
    if earlier is not None and earlier.user_id == query.from_user.id:
        await query.answer(t("order-already-placed"), show_alert=True)
        return
    message = await live_prompt(query, state, t)
    if message is None:
        return
    here = flow(message, state, t, settings, catalogue, users, query.from_user, edit=True)
    draft = await here.draft()
    if draft.token != callback_data.token:
        await query.answer(t("order-expired"), show_alert=True)
        return
    # Telegram drops answers after a few seconds: answer before the panel is asked anything.
    await query.answer()
    snapshot = await here.snapshot(cached=True)
    if snapshot is None:
        return
    service = await here.service(snapshot, draft)
    if service is None or draft.link is None or draft.quantity is None:
        return
    answer = draft.answer if is_poll(service) else None
    quote = Quote.make(snapshot, service, draft.link, draft.quantity, answer, settings)
    if str(quote.charge) != draft.charge:
        await here.summary(price_changed=True)
        return
    try:
        order = await orders.create_and_charge(
            quote.new_order(query.from_user.id, callback_data.token)
        )
    except TokenUsed:  # a concurrent tap of the same button won the race
        return
    except InsufficientFunds:  # the balance moved since the summary: show what is missing
        await here.summary()
        return
    await state.clear()
    await here.tell(t("order-placing"))
    placement = await place(order, panel, orders)
    await report(here, placement, bot, alerts, panel_watch)


async def report(
    here: Flow, placement: Placement, bot: Bot, alerts: Alerts, panel_watch: PanelBalanceWatch
) -> None:
    t, order = here.t, placement.order
    amounts = {"charge": here.money(order.charge)}
    if placement.outcome is Outcome.PLACED:
        balance = (await here.users.ensure(order.user_id)).balance
        amounts |= {"number": order.panel_order_id or "", "balance": here.money(balance)}
    await here.tell(t(placement.message, **amounts), keyboards.main_menu(t))
    if placement.outcome is Outcome.UNKNOWN:
        details = order_details(order, here.money)
        await alerts.send(bot, "alert-order-unknown", error=placement.error, **details)
    elif placement.shop_problem:
        await panel_watch.refused(bot, order.id, placement.error)
    elif placement.outcome is Outcome.PLACED:
        await panel_watch.went_through()


def create_router() -> Router:
    router = Router(name="order")
    router.message.filter(F.chat.type == "private")
    router.callback_query.filter(F.message.chat.type == "private")
    router.message.register(
        start_at_service, CommandStart(deep_link=True, magic=F.args.regexp(SERVICE_LINK_ARGS))
    )
    router.message.register(cancel_command, Command("cancel"))
    router.message.register(order_command, Command("order"))
    router.callback_query.register(order_button, MenuCb.filter(F.action == "order"))
    router.callback_query.register(browse, CategoriesPageCb.filter())
    router.callback_query.register(browse, CategoryCb.filter())
    router.callback_query.register(browse, SearchCb.filter())
    router.callback_query.register(browse, ServiceCb.filter())
    router.callback_query.register(navigate, OrderNavCb.filter())
    router.callback_query.register(confirm, ConfirmCb.filter())
    typing_steps = StateFilter(OrderForm.link, OrderForm.quantity, OrderForm.answer)
    router.message.register(typed, typing_steps, F.text)
    router.message.register(not_text, typing_steps)
    router.message.register(
        search_typed, StateFilter(OrderForm.browsing), F.text, ~F.text.startswith("/")
    )
    return router
