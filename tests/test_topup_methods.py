"""With more than one way of paying on, `/topup` asks how to pay, and each button opens that
method's own offer; a button of a method switched off since says so."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot, Dispatcher
from aiogram.methods import SendMessage
from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.i18n import Texts
from bot.money import Amounts
from bot.payments import Cover, Method, Offer, Payments, PendingTopup
from bot.telegram.callbacks import TopupCb
from tests.harness import BotClient, buttons, texts


class Cash(Method[str]):
    """A stand-in method: on, with an offer of its own and nothing else."""

    name = "cash"
    cover_action = "topupcash"

    def label(self, t: Texts) -> str:
        return "💵 Cash"

    def offer(self, t: Texts, currency: str) -> Offer:
        markup: InlineKeyboardMarkup = InlineKeyboardBuilder().as_markup()
        return Offer("Bring cash to the shop", markup)

    def cover(self, missing: Decimal, t: Texts, amounts: Amounts) -> Cover | None:
        return None

    async def create(
        self, bot: Bot, t: Texts, user_id: int, units: int, *, chat_id: int | None = None
    ) -> PendingTopup:
        raise NotImplementedError

    async def confirm(self, confirmation: str) -> object:  # type: ignore[override]
        raise NotImplementedError


@pytest.fixture
def with_cash(dp: Dispatcher) -> Dispatcher:
    dp["payments"] = Payments(dp["payments"].stars, Cash())
    return dp


@pytest.mark.usefixtures("with_cash")
@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("en", "<b>Top up your balance</b>\nHow would you like to pay?"),
        ("ru", "<b>Пополнение баланса</b>\nКак вам удобнее оплатить?"),
        ("uz", "<b>Balansni toʻldirish</b>\nQanday toʻlamoqchisiz?"),
    ],
)
async def test_topup_asks_how_to_pay_then_shows_that_offer(
    make_client, language: str, question: str
) -> None:
    client: BotClient = make_client(language_code=language)
    [asked] = await client.send("/topup")
    assert isinstance(asked, SendMessage)
    assert texts([asked]) == [question]
    choices = list(buttons(asked.reply_markup))
    assert choices[1] == ("💵 Cash", TopupCb(action="method", method="cash").pack())
    assert choices[0][1] == TopupCb(action="method", method="stars").pack()
    assert choices[0][0].startswith("⭐")

    sent = await client.click(choices[1][1])
    assert [text for text in texts(sent) if text.startswith("Bring")] == ["Bring cash to the shop"]
    sent = await client.click(choices[0][1])
    [offer] = [s for s in sent if isinstance(s, SendMessage) and s.reply_markup is not None]
    assert (TopupCb(action="pay", stars=50).pack()) in dict(buttons(offer.reply_markup)).values()


async def test_a_method_switched_off_since_says_so(
    with_cash: Dispatcher, client: BotClient
) -> None:
    await client.send("/topup")
    with_cash["payments"] = Payments(with_cash["payments"].stars)
    sent = await client.click(TopupCb(action="method", method="cash").pack())
    assert texts(sent) == [
        "This way of paying is no longer available. Send /topup to see the ways that are."
    ]


async def test_with_stars_alone_topup_offers_stars_at_once(client: BotClient) -> None:
    [offer] = await client.send("/topup")
    assert texts([offer])[0].startswith("<b>Top up your balance with Telegram Stars</b>")
