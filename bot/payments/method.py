"""What every way of paying does, behind one interface (the shape of django-payments'
`BasicProvider`: create, process the provider's confirmation; a refund where the provider
has one).

A method:
- **offers** itself where a top-up is: on or off (its settings), what it shows in a language
  (text and buttons, amount presets; `app_offer` on the Mini App's top-up screen), and a
  top-up that covers what an order's summary is short of;
- **creates** a pending top-up (a `topups` row with the method's name) and what the customer
  opens to pay it (Stars: an invoice in the chat, or an invoice link for the Mini App);
- is **confirmed** in its own way, so not through this interface: Telegram's checkout (Stars),
  an admin's approval (card transfer), the provider's API or webhook (Crypto Pay, Payme,
  Click); each credits exactly once, keyed by the method's own payment id, through the ledger
  (`Reason.TOPUP`, the method and the payment id on the row; `bot.payments.credits`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import InlineKeyboardMarkup

from bot.i18n import Texts
from bot.money import Amounts
from bot.storage import Topup


class TopupForm(StatesGroup):
    """Typing an amount for a method, whichever: the method's name is in the state's data."""

    amount = State()


async def ask_amount(state: FSMContext, method: str) -> None:
    """The next message is an amount for `method` (`Method.parse_amount`)."""
    await state.set_state(TopupForm.amount)
    await state.set_data({"method": method})


@dataclass(frozen=True)
class Offer:
    """How a method presents itself where a customer tops up (`/topup`, the menu's button)."""

    text: str
    markup: InlineKeyboardMarkup
    # The method whose amount the customer types next, when the offer asks for one.
    amount_for: str | None = None


@dataclass(frozen=True)
class Cover:
    """A top-up of at least what an order's summary is short of, as its button offers it."""

    method: str
    units: int  # in the method's own unit (stars)
    amount: Decimal  # what it puts on the balance
    label: str  # the summary's button
    action: str  # the summary button's action (`Method.cover_action`)
    note: str | None = None  # said as the payment is made, before it is opened


@dataclass(frozen=True)
class AppOffer:
    """How a method shows itself on the Mini App's top-up screen, in the customer's language:
    the page draws one section per offer and knows no method by name."""

    method: str
    title: str
    hint: str  # what a unit buys, or the method's terms
    presets: Sequence[tuple[int, str]]  # units, and the button's label
    least: int  # the bounds of an amount typed, in units
    most: int
    other: str  # the typed amount's placeholder
    # What pays it: "invoice" (Telegram's `openInvoice`), "link" (the provider's page) or
    # "chat" (`create` sends it into the chat, e.g. transfer details; the page closes).
    opens: str

    def as_json(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "title": self.title,
            "hint": self.hint,
            "presets": [{"units": units, "label": label} for units, label in self.presets],
            "min": self.least,
            "max": self.most,
            "other": self.other,
            "opens": self.opens,
        }


@dataclass(frozen=True)
class PendingTopup:
    """A pending top-up and what the customer opens to pay it."""

    topup: Topup
    link: str | None  # opened by the Mini App; None when it was sent into the chat


class PaymentFailed(Exception):
    """The provider made nothing to pay; `clear` when it said so (the pending top-up is then
    dropped), not when its answer was lost (kept: the customer may have it and pay it)."""

    def __init__(self, method: str, clear: bool, refused: str = "topup-invoice-failed") -> None:
        super().__init__(f"{method}: {'refused' if clear else 'no clear answer'}")
        self.method = method
        self.clear = clear
        self.refused = refused  # the method's own words for its provider's refusal

    @property
    def text_key(self) -> str:
        """What the customer is told: refused, or to try again."""
        return self.refused if self.clear else "error-try-again"


class Method(ABC):
    """One way of paying."""

    name: str  # on top-ups and ledger rows; never changes once a payment is recorded
    # The order summary's Top up button for this method (`OrderNavCb`): starts "topup".
    cover_action: str

    @property
    def enabled(self) -> bool:
        """On when its settings are set."""
        return True

    def why_off(self) -> str | None:
        """Why a method whose settings are set is off nevertheless (a start-up warning)."""
        return None

    def label(self, t: Texts) -> str:
        """The method's button where `/topup` asks how to pay (more than one method on)."""
        return t(f"topup-method-{self.name}")

    @abstractmethod
    def offer(self, t: Texts, currency: str) -> Offer:
        """What `/topup` shows for this method, in the customer's language."""

    def app_offer(self, t: Texts, currency: str) -> AppOffer | None:
        """What the Mini App's top-up screen shows for this method; None: not offered there."""
        return None

    @abstractmethod
    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        """A top-up that covers `missing`, or None where this method cannot make one."""

    @abstractmethod
    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        """Record a pending top-up of `units` and make what pays it: sent into `chat_id` when
        given, else a link. Raises `PaymentFailed`."""

    # A method that asks for a typed amount (`Offer.amount_for`, `ask_amount`) says how it
    # reads one and what a wrong one is told; one that never asks keeps these.
    def parse_amount(self, text: str | None, locale: str) -> Decimal | None:
        """An amount a person typed ("150 000", "150,000"), in the method's unit and within
        its bounds; None if it is not one."""
        return None

    def bad_amount(self, t: Texts) -> str:
        """What a customer is told when what they typed is not an amount this method takes."""
        return t("topup-method-off")

    async def take_amount(
        self, bot: Bot, t: Texts, user_id: int, amount: Decimal, *, chat_id: int
    ) -> State | None:
        """Go on with a typed amount (`parse_amount`'s): make the top-up and what pays it.
        Returns the state the customer waits in next, if any."""
        try:
            await self.create(bot, t, user_id, int(amount), chat_id=chat_id)
        except PaymentFailed as failed:
            await bot.send_message(chat_id, t(failed.text_key))
        return None
