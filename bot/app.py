"""The composition root: settings, storage, the panel client and routers wired together."""

from __future__ import annotations

import asyncio
import gc
import logging
from contextlib import AsyncExitStack
from functools import partial

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseEventIsolation
from aiogram.fsm.storage.memory import SimpleEventIsolation

from bot.catalogue import Catalogue
from bot.catalogue.changes import report_changes
from bot.desk.transfers import TransferDesk, TransferReminders
from bot.i18n import Translator
from bot.money import Amounts
from bot.notify.alerts import Alerts
from bot.notify.broadcast_keyboards import broadcasts_off
from bot.notify.broadcasts import BroadcastProgress
from bot.notify.news import News
from bot.notify.panel_watch import PanelBalanceWatch
from bot.notify.sender import OutboxSender
from bot.ops.housekeeping import Housekeeping
from bot.ops.metrics import (
    MeteredBalanceWatch,
    MeteredPanel,
    MeteredPlacer,
    MeteredSender,
    MeteredSweeper,
    Metrics,
    UpdateMetrics,
)
from bot.ops.server import ops_app, public_app, serve_webhook, serving
from bot.orders.checkout import Checkout
from bot.orders.conversation import at_summary
from bot.orders.following import Follower
from bot.orders.keyboards import back_to_order
from bot.orders.lookups import StatusLookups
from bot.orders.mass import MassOrders
from bot.orders.placement import order_details
from bot.orders.prices import Pricer
from bot.orders.refilling import RefillFollower, refill_about
from bot.orders.steps import sellable
from bot.orders.sweeper import Sweeper
from bot.panel import PanelClient
from bot.panel.health import PanelHealth
from bot.panel.panels import Panels
from bot.payments import Credits, OutsideRefunds, Payments, StarRefunds, Stars, stars_rate
from bot.payments.click import Click
from bot.payments.click_merchant import ClickMerchant
from bot.payments.credits import CREDITED_AT_SUMMARY
from bot.payments.crypto import Crypto
from bot.payments.crypto_sweep import CryptoSweep
from bot.payments.cryptopay import CryptoPay
from bot.payments.payme import Payme
from bot.payments.payme_merchant import PaymeMerchant
from bot.payments.transfer import CardTransfer
from bot.settings import Settings
from bot.shopapi.actions import ShopApi
from bot.shopapi.gate import ApiGate
from bot.single import only_instance, writable_folder
from bot.storage import (
    ApiKeysRepo,
    BroadcastsRepo,
    Database,
    LedgerRepo,
    OrdersRepo,
    OutboxRepo,
    PromosRepo,
    ReferralBonus,
    ReferralsRepo,
    RefillsRepo,
    ShopRepo,
    ShopStateRepo,
    SQLiteStorage,
    StatsRepo,
    Status,
    TopupsRepo,
    UsersRepo,
)
from bot.storage.backup import Backups
from bot.storage.broadcasts import BROADCAST_KEY
from bot.storage.click import ClickRepo
from bot.storage.crypto_invoices import CryptoInvoicesRepo
from bot.storage.fallbacks import FallbacksRepo
from bot.storage.greetings import GreetingsRepo
from bot.storage.payme import PaymeRepo
from bot.storage.private import private_folder
from bot.storage.tickets import TicketsRepo
from bot.storage.transfers import TransfersRepo
from bot.support import Support
from bot.telegram.commands import register_commands
from bot.telegram.errors import UpdateErrors
from bot.telegram.fast_lane import FastLaneDispatcher, FastLaneIsolation
from bot.telegram.filters import run_magic_filters_inline
from bot.telegram.inflight import InFlight
from bot.telegram.middlewares import (
    CommandEndsConversation,
    ImpossibleIds,
    LocaleMiddleware,
    UnknownUpdates,
)
from bot.telegram.responses import KeepResponseModels
from bot.webapp.entry import set_menu_button
from handlers import build_router

log = logging.getLogger(__name__)

# How long shutdown waits for running handlers: longer than a panel call may take.
DRAIN_MARGIN = 10.0


def create_bot(settings: Settings) -> Bot:
    session = AiohttpSession()
    if settings.telegram_api_url is not None:
        base = str(settings.telegram_api_url).rstrip("/")
        session = AiohttpSession(api=TelegramAPIServer.from_base(base))
    session.middleware(KeepResponseModels())
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def crypto_client(settings: Settings) -> CryptoPay | None:
    """Crypto Pay's client where CRYPTO_PAY_TOKEN is set (the method is on), else None."""
    if settings.crypto_pay_token is None:
        return None
    return CryptoPay(
        settings.crypto_pay_token.get_secret_value(),
        str(settings.crypto_pay_api_url),
        timeout=settings.panel_timeout,
    )


def create_dispatcher(
    *,
    settings: Settings,
    db: Database,
    panel: PanelClient,
    translator: Translator,
    events_isolation: BaseEventIsolation | None = None,
    metrics: Metrics | None = None,
    panels: Panels | None = None,
) -> Dispatcher:
    """Everything app-lifetime reaches handlers as workflow data, by these names.

    `panel` is the main panel's client; `panels` every panel, the main one (`panel`) first
    (None: the main panel alone)."""
    metrics = metrics or Metrics()
    panels = panels or Panels.single(panel, settings.panel_name)
    users = UsersRepo(db)
    orders = OrdersRepo(db)
    shop = ShopRepo(db)
    state = ShopStateRepo(db)
    catalogue = Catalogue(
        panels,
        settings.catalogue_refresh,
        sellable=sellable,
        markup=settings.price_markup_percent,
        shop=shop,
        new_visible=settings.new_services_visible,
        state=state,
    )
    outbox = OutboxRepo(db)
    fallbacks = FallbacksRepo(db)
    inflight = InFlight()
    amounts = Amounts(settings.price_decimals, lambda: catalogue.currency)
    # Every top-up, whatever its method, pays the referrer's share through it, and every
    # refund takes the share back.
    topups = TopupsRepo(
        db, ReferralBonus(settings.referral_percent, settings.price_decimals, amounts, outbox)
    )
    alerts = Alerts(settings, users, translator)
    broadcasts = BroadcastsRepo(db)
    outbox_sender = MeteredSender(
        metrics=metrics,
        broadcasts=broadcasts,
        outbox=outbox,
        users=users,
        translator=translator,
        default_locale=settings.default_locale,
        rate=settings.notify_rate,
        markups={BROADCAST_KEY: broadcasts_off, CREDITED_AT_SUMMARY: back_to_order},
    )
    news = News(db, outbox, wake=outbox_sender.wake)
    # Each customer's prices (their discount): the one place every price is asked for.
    pricer = Pricer(users=users, news=news, decimals=settings.price_decimals)
    fsm = SQLiteStorage(db)
    bot_id = int(settings.bot_token.get_secret_value().split(":")[0])
    # Top-ups paid outside Telegram's checkout are credited (and told) through it.
    credits = Credits(topups, news, amounts, at_summary=partial(at_summary, fsm, bot_id))
    crypto = Crypto(
        settings,
        topups,
        CryptoInvoicesRepo(db),
        users,
        credits,
        amounts,
        crypto_client(settings),
        alerts,
    )
    follower = Follower(news=news, orders=orders, alerts=alerts, amounts=amounts, panels=panels)
    refills = RefillsRepo(db)
    sweeper = MeteredSweeper(
        metrics=metrics,
        orders=orders,
        panel=panels,
        follower=follower,
        refills=refills,
        refill_follower=RefillFollower(news=news, orders=orders, refills=refills, alerts=alerts),
        alerts=alerts,
        interval=settings.status_poll_interval,
    )
    panel_watch = MeteredBalanceWatch(
        metrics=metrics,
        panel=panels,
        state=state,
        alerts=alerts,
        threshold=settings.panel_balance_alert,
        interval=settings.panel_balance_check,
    )
    placer = MeteredPlacer(
        metrics=metrics,
        db=db,
        panels=panels,
        orders=orders,
        users=users,
        alerts=alerts,
        panel_watch=panel_watch,
        amounts=amounts,
        fallbacks=fallbacks,
        catalogue=catalogue,
        health=PanelHealth(),
    )
    checkout = Checkout(users=users, orders=orders, placer=placer)
    transfers = TransfersRepo(db, topups)
    card_transfer = CardTransfer(settings, transfers, users, credits, amounts)
    payme = Payme(settings, topups, users, amounts, lambda: catalogue.currency)
    click = Click(settings, topups, users, amounts, lambda: catalogue.currency)
    # Payments do not wait behind a queue of ordinary updates (bot/telegram/fast_lane.py).
    dp = FastLaneDispatcher(
        storage=fsm,
        # One user's updates are handled one at a time: two taps never race on a conversation.
        events_isolation=FastLaneIsolation(events_isolation or SimpleEventIsolation()),
        settings=settings,
        db=db,
        panel=panel,
        panels=panels,
        fallbacks=fallbacks,
        health=placer.health,
        translator=translator,
        users=users,
        orders=orders,
        refills=refills,
        ledger=LedgerRepo(db),
        stats=StatsRepo(db),
        catalogue=catalogue,
        shop=shop,
        amounts=amounts,
        outbox=outbox,
        news=news,
        inflight=inflight,
        alerts=alerts,
        topups=topups,
        # Every way of paying that is on; the next ones join Stars here.
        payments=Payments(
            Stars(settings, topups, users, amounts, outbox_sender.wake),
            card_transfer,
            crypto,
            payme,
            click,
        ),
        refunds=StarRefunds(topups, news, amounts),
        # Every other method's money goes back outside the bot; /refund records it.
        outside_refunds=OutsideRefunds(topups, news, amounts),
        # Top-ups paid outside Telegram's checkout are credited (and told) through it.
        credits=credits,
        crypto_sweep=CryptoSweep(crypto, settings.crypto_pay_poll_interval),
        follower=follower,
        sweeper=sweeper,
        outbox_sender=outbox_sender,
        panel_watch=panel_watch,
        # The only way to place an order: the Placer is reachable through it alone.
        checkout=checkout,
        pricer=pricer,
        mass_orders=MassOrders(checkout=checkout, pricer=pricer),
        metrics=metrics,
        backups=Backups(settings.database_path, settings.backups_folder, settings.backup_keep),
        broadcasts=broadcasts,
        broadcast_progress=BroadcastProgress(broadcasts, alerts),
    )
    # Support tickets: kept apart from the keywords above so this feature stays one block.
    tickets = TicketsRepo(db)
    dp["tickets"] = tickets
    dp["support"] = Support(
        settings=settings,
        tickets=tickets,
        users=users,
        orders=orders,
        alerts=alerts,
        amounts=amounts,
    )
    dp["greetings"] = GreetingsRepo(db)
    # Growth: referral links and what they earned, and promo codes.
    dp["referrals"] = ReferralsRepo(db)
    dp["promos"] = PromosRepo(db)
    # Customers' keys for the shop's own API v2 (issue 28).
    api_keys = ApiKeysRepo(db)
    dp["api_keys"] = api_keys
    # Card transfers: kept even when switched off, so requests left pending can be decided.
    dp["card_transfer"] = card_transfer
    transfer_desk = TransferDesk(alerts, card_transfer, users, amounts)
    dp["transfer_desk"] = transfer_desk
    dp["transfer_reminders"] = TransferReminders(transfer_desk)
    # Payme's Merchant API at /payme, Click's SHOP-API at /click/* (bot.ops).
    dp["payme"] = payme
    dp["payme_merchant"] = PaymeMerchant(
        settings=settings,
        topups=topups,
        payme=PaymeRepo(db),
        news=news,
        credits=credits,
        alerts=alerts,
        translator=translator,
        amounts=amounts,
    )
    dp["click"] = click
    dp["click_merchant"] = ClickMerchant(
        settings=settings, topups=topups, click=ClickRepo(), news=news, credits=credits
    )
    # A customer's Refresh (chat and Mini App share it, and so its cap).
    dp["status_lookups"] = StatusLookups(panels)
    dp["housekeeping"] = Housekeeping(
        backups=dp["backups"],
        outbox=outbox,
        interval=settings.backup_interval,
        outbox_keep_days=settings.outbox_keep_days,
    )
    # The shop's own API v2 for resellers (/api/v2 while API_ENABLED; bot.shopapi).
    dp["shop_api"] = ShopApi(
        settings=settings,
        catalogue=catalogue,
        users=users,
        orders=orders,
        refills=refills,
        checkout=checkout,
        pricer=pricer,
        panels=panels,
        news=news,
        alerts=alerts,
        keys=api_keys,
    )
    dp["api_gate"] = ApiGate(settings, api_keys)
    dp.update.outer_middleware(UnknownUpdates())
    dp.update.outer_middleware(ImpossibleIds(translator, settings.default_locale))
    dp.update.outer_middleware(inflight)
    dp.update.outer_middleware(UpdateMetrics(metrics))
    dp.update.outer_middleware(LocaleMiddleware(translator, users, settings.default_locale))
    dp.message.outer_middleware(CommandEndsConversation())
    UpdateErrors(alerts, translator, settings.default_locale).register(dp)
    dp.include_router(build_router())
    run_magic_filters_inline(dp)
    dp.startup.register(on_startup)
    dp.shutdown.register(on_shutdown)
    return dp


async def on_startup(
    bot: Bot,
    settings: Settings,
    translator: Translator,
    orders: OrdersRepo,
    refills: RefillsRepo,
    alerts: Alerts,
    catalogue: Catalogue,
    amounts: Amounts,
    sweeper: Sweeper,
    outbox_sender: OutboxSender,
    panel_watch: PanelBalanceWatch,
    housekeeping: Housekeeping,
    broadcast_progress: BroadcastProgress,
    transfer_reminders: TransferReminders,
    crypto_sweep: CryptoSweep,
    payments: Payments,
) -> None:
    catalogue.on_changes = partial(report_changes, bot, alerts)
    catalogue.on_warmed = lambda: stars_rate.check(bot, settings, alerts, catalogue.currency)
    await catalogue.warm_up()
    for problem in payments.off():
        log.warning(problem)
    # An order left `placing` means the process died during `add`: the panel may have it.
    for order in await orders.placing_to_unknown():
        details = order_details(order, amounts)
        await alerts.send(bot, "alert-order-interrupted", **details)
    # An alert is sent right after the commit that made its order unknown, so a crash in
    # between loses it: at every start, admins hear how many orders still wait for them.
    if waiting := await orders.list_by_status(Status.UNKNOWN):
        await alerts.send(bot, "alert-unknown-waiting", count=len(waiting))
    # A refill left `requesting`: the process died while the panel was asked.
    for refill in await refills.requesting_to_unknown():
        if (refilled := await orders.get(refill.order_id)) is not None:
            details = refill_about(refilled, refill)
            await alerts.send(bot, "alert-refill-unknown", **details, error=refill.error or "")
    off = () if settings.referrals_on else ("referral",)
    await register_commands(bot, translator, settings.default_locale, settings.admin_ids, off=off)
    await set_menu_button(bot, settings, translator)
    if not settings.admin_ids:
        log.warning(
            "ADMIN_IDS is empty, so nobody can run the shop: send /id to the bot,"
            " put the number it answers in ADMIN_IDS and restart"
        )
    # A sweep's news shows amounts in the panel's currency: a shop that never learnt it
    # knows it once the catalogue's first fetch is in, so the first sweep waits for that
    # fetch (the polling does not).
    sweeper.first_after = catalogue.warmed
    sweeper.start(bot)
    outbox_sender.start(bot)
    panel_watch.start(bot)
    housekeeping.start(bot)
    broadcast_progress.start(bot)
    transfer_reminders.start(bot)
    crypto_sweep.start(bot)


async def on_shutdown(
    inflight: InFlight,
    settings: Settings,
    catalogue: Catalogue,
    sweeper: Sweeper,
    outbox_sender: OutboxSender,
    panel_watch: PanelBalanceWatch,
    housekeeping: Housekeeping,
    broadcast_progress: BroadcastProgress,
    transfer_reminders: TransferReminders,
    crypto_sweep: CryptoSweep,
) -> None:
    # Polling has stopped; let handlers still running (a placement waiting on the panel)
    # finish and record their outcome before anything is closed.
    await inflight.drain(settings.panel_timeout + DRAIN_MARGIN)
    # Then the background loops: a sweep records the answer it is waiting for, a
    # notification in flight is marked sent; whatever is left waits in the database.
    await sweeper.stop(settings.panel_timeout + DRAIN_MARGIN)
    await outbox_sender.stop(DRAIN_MARGIN)
    await panel_watch.stop(settings.panel_timeout + DRAIN_MARGIN)
    await housekeeping.stop(DRAIN_MARGIN)
    await broadcast_progress.stop(DRAIN_MARGIN)
    await transfer_reminders.stop(DRAIN_MARGIN)
    await crypto_sweep.stop(settings.panel_timeout + DRAIN_MARGIN)
    await catalogue.close()


async def run(settings: Settings) -> None:
    """Open everything, poll until SIGTERM/SIGINT, close everything."""
    with only_instance(settings.database_path):
        if settings.backup_interval:
            writable_folder(settings.backups_folder, "BACKUP_DIR")
            private_folder(settings.backups_folder)
        await _run(settings)


async def _run(settings: Settings) -> None:
    db = await Database.open(settings.database_path)
    metrics = Metrics()
    # The main panel is metered: /readyz asks whether it answers.
    panels = Panels.from_settings(
        settings,
        lambda each: (
            MeteredPanel(
                each.api_url, each.api_key, timeout=settings.panel_timeout, metrics=metrics
            )
            if each.main
            else PanelClient(each.api_url, each.api_key, timeout=settings.panel_timeout)
        ),
    )
    panel = panels.main.client
    bot = create_bot(settings)
    try:
        dp = create_dispatcher(
            settings=settings,
            db=db,
            panel=panel,
            translator=Translator(zone=settings.zone),
            metrics=metrics,
            panels=panels,
        )
        grace = settings.panel_timeout + DRAIN_MARGIN
        # What start-up built (modules, models, routers) lives as long as the process: the
        # collector need not walk it again on every collection.
        gc.freeze()
        async with AsyncExitStack() as servers:
            if settings.http_listen:
                # With the Mini App or the API, a placement may be waiting on the panel when
                # it stops.
                placing = settings.webapp_url is not None or settings.api_enabled
                wait = grace if placing else 1
                app = public_app(dp, bot, ops=settings.ops_listen == settings.http_listen)
                await servers.enter_async_context(serving(app, settings.http_listen, wait))
            if settings.ops_listen not in {"", settings.http_listen, settings.webhook_server}:
                ops = serving(ops_app(dp), settings.ops_listen, 1, setting="OPS_LISTEN")
                await servers.enter_async_context(ops)
            if settings.webhook_url is not None:
                await serve_webhook(dp, bot, settings, grace)
            else:
                # A webhook left set (by another deployment, or webhook mode before) would
                # make every getUpdates fail.
                await bot.delete_webhook(drop_pending_updates=False)
                await dp.start_polling(bot, allowed_updates=dp.resolve_used_update_types())
    finally:
        await asyncio.gather(panels.close(), bot.session.close(), return_exceptions=True)
        await db.close()
