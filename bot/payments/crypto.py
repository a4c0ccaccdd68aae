"""Crypto Pay (@CryptoBot): a customer types an amount in the shop's money, gets an invoice
priced in a fiat currency (the shop's own where Crypto Pay takes it, else CRYPTO_PAY_FIAT at
CRYPTO_PAY_FIAT_RATE) and pays it in crypto inside @CryptoBot.

The credit is fixed on the top-up's row when the invoice is made: what the customer typed,
whatever the asset or its rate when they pay. An invoice is known paid from Crypto Pay
itself: the sweep (`getInvoices` of the open ones, no public address needed), the webhook
(its signature checked) or the customer's "Check payment"; all three credit through
`Credits`, keyed by the invoice's id, so whichever comes first credits and the others find
it done. An invoice Crypto Pay reports expired cancels its top-up, and the customer is told.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from enum import StrEnum

from aiogram import Bot
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.formats import Money
from bot.i18n import Texts
from bot.money import Amounts, AmountTooLarge, charge_up, parse_typed_amount
from bot.notify.alerts import Alerts
from bot.payments.credits import Credits
from bot.payments.cryptopay import EXPIRED, PAID, CryptoPay, CryptoPayError, Invoice
from bot.payments.keyboards import topup_typing
from bot.payments.method import AppOffer, Cover, Method, Offer, PaymentFailed, PendingTopup
from bot.settings import CRYPTO_PAY_FIATS, Settings
from bot.storage import (
    BalanceLimit,
    Credited,
    StorageError,
    Topup,
    TopupsRepo,
    TopupStateError,
    TopupStatus,
    UsersRepo,
)
from bot.storage.crypto_invoices import METHOD, CryptoInvoice, CryptoInvoicesRepo
from bot.telegram.callbacks import CryptoCb

log = logging.getLogger(__name__)

# What the customer is told when Crypto Pay will not make an invoice.
REFUSED = "topup-crypto-failed"
# Crypto Pay prices fiat invoices to the cent.
FIAT_DECIMALS = 2
# An invoice Crypto Pay no longer lists is cancelled only this long after it expired: by
# then nobody can pay it, whatever a lagging answer said.
GONE_AFTER = timedelta(hours=1)


class Outcome(StrEnum):
    """What one look at an invoice found."""

    CREDITED = "credited"  # paid, and credited now or before
    OPEN = "open"  # not paid yet
    EXPIRED = "expired"  # will never be paid: its top-up is cancelled
    REFUSED = "refused"  # paid, but not creditable (see the log)


class UnknownInvoice(StorageError):
    """An invoice that is none of ours (forged, or another app's)."""


@dataclass(frozen=True)
class Pricing:
    fiat: str
    rate: Decimal  # fiat per unit of the shop's money


def invoice_keyboard(t: Texts, topup_id: int, url: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=t("topup-crypto-pay"), url=url)
    builder.button(
        text=t("topup-crypto-check"), callback_data=CryptoCb(action="check", id=topup_id)
    )
    builder.adjust(1)
    return builder.as_markup()


class Crypto(Method):
    name = METHOD
    cover_action = "topupcrypto"

    def __init__(
        self,
        settings: Settings,
        topups: TopupsRepo,
        invoices: CryptoInvoicesRepo,
        users: UsersRepo,
        credits: Credits,
        amounts: Amounts,
        client: CryptoPay | None,
        alerts: Alerts | None = None,
    ) -> None:
        self.settings = settings
        self.invoices = invoices
        self.client = client
        self.topups = topups
        self._users = users
        self._credits = credits
        self._money = amounts
        self._alerts = alerts
        # Set where a bot is at hand (the sweep's start, the webhook's routes): the alert of a
        # paid invoice that cannot be credited goes through it.
        self.bot: Bot | None = None
        # Paid invoices not credited, told to admins already: the sweep meets one every
        # interval while its top-up stays open.
        self._told: set[int] = set()

    @property
    def enabled(self) -> bool:
        return self.client is not None

    def _client(self) -> CryptoPay:
        if self.client is None:  # the registry keeps only enabled methods
            raise RuntimeError("Crypto Pay is not set up")
        return self.client

    # --- what the customer is offered ---------------------------------------------------------

    # A crypto top-up is a whole number of the shop's money (`create`'s units): 150 000 so'm,
    # 25 USD. It is what people type, in the chat and in the Mini App alike.

    def limits(self) -> tuple[int, int]:
        """The smallest and largest top-up, whole: CRYPTO_PAY_MIN up, CRYPTO_PAY_MAX down."""
        low = int(self.settings.crypto_pay_min.to_integral_value(ROUND_CEILING))
        high = int(self.settings.crypto_pay_max.to_integral_value(ROUND_FLOOR))
        return low, max(low, high)

    def bounds(self) -> dict[str, Money]:
        low, high = self.limits()
        return {"min": self._money(Decimal(low)), "max": self._money(Decimal(high))}

    def parse_amount(self, text: str | None, locale: str) -> Decimal | None:
        """A whole amount of the shop's money, within the bounds; else None."""
        try:
            amount = parse_typed_amount(text or "", locale=locale)
        except AmountTooLarge:
            return None
        low, high = self.limits()
        if amount is None or amount != amount.to_integral_value() or not low <= amount <= high:
            return None
        return amount

    def bad_amount(self, t: Texts) -> str:
        return t("topup-crypto-bad-amount", **self.bounds())

    def offer(self, t: Texts, currency: str) -> Offer:
        return Offer(t("topup-crypto-ask", **self.bounds()), topup_typing(t), self.name)

    def app_offer(self, t: Texts, currency: str) -> AppOffer:
        low, high = self.limits()
        return AppOffer(
            method=self.name,
            title=t.plain("webapp-crypto-title"),
            hint=t.plain("webapp-crypto-hint", **self.bounds()),
            presets=[],
            least=low,
            most=high,
            other=t.plain("webapp-crypto-other", currency=currency),
            opens="link",
        )

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        low, high = self.limits()
        # A larger gap than one invoice may ask takes more than one top-up, as with Stars.
        units = min(max(int(missing.to_integral_value(ROUND_CEILING)), low), high)
        return Cover(
            method=self.name,
            units=units,
            amount=Decimal(units),
            label=t("order-topup-crypto", amount=amounts(Decimal(units))),
            action=self.cover_action,
        )

    def pricing(self, currency: str) -> Pricing | None:
        """The fiat an invoice is priced in, and at what rate; None when neither the shop's
        currency nor CRYPTO_PAY_FIAT is one Crypto Pay takes."""
        if self.settings.crypto_pay_fiat:
            return Pricing(self.settings.crypto_pay_fiat, self.settings.crypto_pay_fiat_rate)
        if currency.upper() in CRYPTO_PAY_FIATS:
            return Pricing(currency.upper(), Decimal(1))
        return None

    # --- making an invoice --------------------------------------------------------------------

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        """A pending top-up of `units` of the shop's money and its invoice; the invoice goes
        into `chat_id` (a link and "Check payment") when given. Raises `PaymentFailed`."""
        amount = Decimal(units)
        pricing = self.pricing(self._money.currency())
        if pricing is None:
            log.error(
                "crypto top-up refused: Crypto Pay takes no %r; set CRYPTO_PAY_FIAT and"
                " CRYPTO_PAY_FIAT_RATE",
                self._money.currency(),
            )
            raise PaymentFailed(self.name, clear=True, refused=REFUSED)
        await self._users.ensure(user_id)
        topup = await self.topups.create(user_id, amount, t.locale, method=self.name)
        asked = charge_up(amount * pricing.rate, FIAT_DECIMALS)
        try:
            invoice = await self._client().create_invoice(
                fiat=pricing.fiat,
                amount=asked,
                assets=self.settings.crypto_pay_assets,
                description=t.plain(
                    "topup-crypto-description", id=str(topup.id), amount=self._money(amount)
                ),
                payload=topup.payload,
                expires_in=self.settings.crypto_pay_expires_in,
            )
        except CryptoPayError as error:
            # The link reaches the customer only through us: an invoice whose answer was
            # lost can be paid by nobody, so the top-up goes either way.
            log.warning("Crypto Pay made no invoice for top-up %s: %s", topup.id, error)
            await self.topups.discard(topup.id)
            raise PaymentFailed(self.name, error.clear, REFUSED) from error
        await self.invoices.add(
            topup.id,
            invoice.invoice_id,
            fiat=pricing.fiat,
            amount=format(asked, "f"),
            url=invoice.url,
            mini_app_url=invoice.mini_app_url,
            expires_in=self.settings.crypto_pay_expires_in,
        )
        if chat_id is not None:
            await bot.send_message(
                chat_id,
                self.invoice_text(t, topup, pricing.fiat, asked),
                reply_markup=invoice_keyboard(t, topup.id, invoice.url),
            )
        return PendingTopup(topup, invoice.url)

    def invoice_text(self, t: Texts, topup: Topup, fiat: str, asked: Decimal) -> str:
        minutes = max(1, self.settings.crypto_pay_expires_in // 60)
        return t(
            "topup-crypto-invoice",
            id=str(topup.id),
            amount=self._money(topup.amount),
            price=Money(asked, FIAT_DECIMALS, fiat),
            minutes=minutes,
        )

    # --- learning that it was paid ------------------------------------------------------------

    async def confirm(self, confirmation: Invoice) -> Credited:
        """Crypto Pay says this invoice is paid: credit its top-up once, by the invoice's id.
        Raises `UnknownInvoice` for an invoice that is none of ours, `StorageError` for one
        that cannot be credited (cancelled meanwhile, another top-up's or currency)."""
        ours = await self.invoices.by_invoice(confirmation.invoice_id)
        topup = None if ours is None else await self.topups.get(ours.topup_id)
        if ours is None or topup is None:
            raise UnknownInvoice(f"invoice {confirmation.invoice_id} is none of ours")
        if confirmation.status != PAID:
            raise StorageError(f"invoice {confirmation.invoice_id} is {confirmation.status}")
        # A signed answer about our invoice id names our top-up and currency: anything else
        # is a bug or tampering, and nothing is credited on it. The amount is ours to credit
        # (the top-up's), whatever Crypto Pay rounded the fiat price to.
        theirs = (confirmation.payload or topup.payload, confirmation.fiat or ours.fiat)
        if theirs != (topup.payload, ours.fiat):
            raise StorageError(f"invoice {confirmation.invoice_id} differs from top-up {topup.id}")
        if confirmation.amount != Decimal(ours.amount):
            log.warning(
                "invoice %s asks %s %s, not the %s sent",
                confirmation.invoice_id,
                confirmation.amount,
                ours.fiat,
                ours.amount,
            )
        credited = await self._credits.credit(topup.id, str(confirmation.invoice_id))
        if not credited.replay:
            paid = confirmation.paid_amount
            shown = None if paid is None else format(paid, "f")
            await self.invoices.paid_with(topup.id, confirmation.paid_asset, shown)
            log.info("crypto top-up %s paid by invoice %s", topup.id, confirmation.invoice_id)
        return credited

    async def settle(self, invoice: Invoice) -> Outcome:
        """Act on what Crypto Pay says of one of our invoices: credit a paid one, cancel an
        expired one (telling the customer), leave an active one."""
        if invoice.status == PAID:
            try:
                await self.confirm(invoice)
            except StorageError as error:
                await self.refused(invoice, error)
                return Outcome.REFUSED
            return Outcome.CREDITED
        if invoice.status == EXPIRED:
            ours = await self.invoices.by_invoice(invoice.invoice_id)
            if ours is not None:
                await self._expire(ours)
            return Outcome.EXPIRED
        return Outcome.OPEN

    async def refused(self, invoice: Invoice, error: StorageError) -> None:
        """A paid invoice that cannot be credited (its top-up cancelled meanwhile, or it names
        another top-up or currency): the customer's money is taken and nothing recorded, so
        the admins are told, once per invoice, to settle it by hand."""
        log.error("paid crypto invoice %s not credited: %s", invoice.invoice_id, error)
        if invoice.status != PAID or isinstance(error, UnknownInvoice):
            return
        if invoice.invoice_id in self._told:
            return
        ours = await self.invoices.by_invoice(invoice.invoice_id)
        topup = None if ours is None else await self.topups.get(ours.topup_id)
        if topup is None or self._alerts is None or self.bot is None:
            return
        self._told.add(invoice.invoice_id)
        await self._alerts.send(
            self.bot,
            "alert-crypto-refused",
            invoice=str(invoice.invoice_id),
            topup=str(topup.id),
            user=str(topup.user_id),
            amount=self._money(topup.amount),
            why=_why_refused(topup, error),
        )

    async def _expire(self, ours: CryptoInvoice) -> None:
        topup = await self.topups.get(ours.topup_id)
        if topup is None or topup.status != TopupStatus.INVOICED:
            return
        try:
            await self._credits.cancel(
                topup.id, "topup-crypto-expired", amount=self._money(topup.amount)
            )
        except TopupStateError:  # paid meanwhile (the webhook won the race): not expired
            return
        log.info("crypto top-up %s expired unpaid (invoice %s)", topup.id, ours.invoice_id)

    async def check(self, ours: CryptoInvoice, *, within: float | None = None) -> Outcome:
        """Ask Crypto Pay about one invoice now (the customer's "Check payment"), waiting
        `within` s at most for its answer (not for the credit). Raises `CryptoPayError` when
        it cannot be asked."""
        try:
            async with asyncio.timeout(within):
                found = await self._client().get_invoices([ours.invoice_id])
        except TimeoutError:
            raise CryptoPayError("no answer in time", clear=False) from None
        for invoice in found:
            if invoice.invoice_id == ours.invoice_id:
                return await self.settle(invoice)
        return Outcome.EXPIRED if await self._gone([ours], found) else Outcome.OPEN

    async def sweep(self, limit: int) -> dict[Outcome, int]:
        """Ask Crypto Pay about every open invoice (up to `limit`), a hundred a call, and act
        on each. Raises `CryptoPayError` when it cannot be asked."""
        counts = dict.fromkeys(Outcome, 0)
        opened = await self.invoices.open(limit)
        for start in range(0, len(opened), 100):
            batch = opened[start : start + 100]
            found = await self._client().get_invoices(ours.invoice_id for ours in batch)
            asked = {ours.invoice_id for ours in batch}
            for invoice in found:
                if invoice.invoice_id in asked:  # an answer about anything else is ignored
                    counts[await self.settle(invoice)] += 1
            counts[Outcome.EXPIRED] += await self._gone(batch, found)
        return counts

    async def _gone(self, batch: list[CryptoInvoice], found: list[Invoice]) -> int:
        """Invoices Crypto Pay did not list (deleted in its app) are cancelled once well past
        their expiry, when nobody can pay them; how many were."""
        listed = {invoice.invoice_id for invoice in found}
        now = datetime.now(UTC)
        gone = [
            ours
            for ours in batch
            if ours.invoice_id not in listed and now > ours.expires_at + GONE_AFTER
        ]
        for ours in gone:
            await self._expire(ours)
        return len(gone)


def _why_refused(topup: Topup, error: StorageError) -> str:
    """The alert's reason: the admins' next step differs for each."""
    if isinstance(error, BalanceLimit):
        return "limit"
    return "cancelled" if topup.status == TopupStatus.CANCELLED else "other"
