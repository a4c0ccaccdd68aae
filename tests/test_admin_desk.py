"""The admin's desk: /id, an admin's /help, /users, who customers are, a so'm shop with
whole prices, and broadcasts from /broadcast to the final counts."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from aiogram.methods import EditMessageText, SendMessage, SendPhoto
from aiogram.types import PhotoSize

from bot import formats
from bot.app import create_dispatcher
from bot.formats import Day
from bot.settings import Settings
from bot.storage import BroadcastsRepo, Database, LedgerRepo, UsersRepo
from bot.telegram.callbacks import BroadcastCb, BroadcastsOffCb
from tests.conftest import ADMIN_ID, MakeClient, fund
from tests.harness import BotClient, a_sticker, labels, texts
from tests.helpers import balance_of
from tests.test_order_flow import to_summary
from tests.test_payments import feed, invoice, payment


def named(client: BotClient, username: str | None) -> BotClient:
    client.user = client.user.model_copy(update={"username": username})
    return client


async def test_id_answers_anyone_in_any_chat(make_client: MakeClient) -> None:
    stranger = make_client(user_id=777001)
    assert texts(await stranger.send("/id")) == ["Your Telegram id: <code>777001</code>"]
    group = make_client(user_id=777002, chat_id=-100777, chat_type="supergroup", language_code="ru")
    assert texts(await group.send("/id")) == ["Ваш id в Telegram: <code>777002</code>"]


async def test_an_admins_help_lists_every_admin_command(
    admin: BotClient, client: BotClient
) -> None:
    from bot.telegram.commands import ADMIN_COMMANDS

    [text] = texts(await admin.send("/help"))
    assert text.startswith("<b>What you can do here</b>")
    for command in ADMIN_COMMANDS:
        assert f"/{command}" in text, command
    assert "<code>/credit 123456789 50</code>" in text
    [customers] = texts(await client.send("/help"))
    assert "Admin commands" not in customers


@pytest.mark.parametrize("language", ["en", "ru", "uz"])
async def test_every_admin_command_has_a_real_description(make_client, language: str) -> None:
    """No "/backup — /backup": each line says what its commands do, in words, besides any
    example."""
    from bot.telegram.commands import ADMIN_COMMANDS

    admin = make_client(user_id=ADMIN_ID, language_code=language)
    [text] = texts(await admin.send("/help"))
    block = text.split("\n\n")[-1].splitlines()[1:]
    described: set[str] = set()
    for line in block:
        commands, _, description = line.partition(" — ")
        words = re.sub(r"<code>.*?</code>|/\w+", "", description)
        assert len(re.findall(r"\w{3,}", words)) >= 2, line
        described |= set(re.findall(r"/(\w+)", commands))
    assert set(ADMIN_COMMANDS) <= described


async def test_customers_are_remembered_by_name_and_username(
    make_client: MakeClient, db: Database
) -> None:
    alice = named(make_client(user_id=6001, first_name="Alice <3"), "alice")
    await alice.send("/start")
    user = await UsersRepo(db).get(6001)
    assert user is not None
    assert (user.first_name, user.username, user.telegram_language) == ("Alice <3", "alice", "en")
    named(alice, None)
    await alice.send("/orders")
    user = await UsersRepo(db).get(6001)
    assert user is not None
    assert (user.first_name, user.username) == ("Alice <3", None)


async def test_users_newest_richest_and_search(
    admin: BotClient, make_client: MakeClient, db: Database
) -> None:
    for n in range(12):
        customer = named(make_client(user_id=6100 + n, first_name=f"Cust{n}"), f"c{n}")
        await customer.send("/start")
        await fund(db, customer.user.id, str(n + 1))
    [text] = texts(await admin.send("/users"))
    lines = text.splitlines()
    assert lines[0] == "<b>Customers</b>, newest first: 12 (page 1 of 2)"
    newest = await UsersRepo(db).get(6111)
    assert newest is not None
    since = formats.day(Day(newest.created_at), "en")
    assert lines[1] == f"Cust11 @c11 <code>6111</code> · 12.00 · since {since}"
    assert len(lines) == 1 + 10 + 1
    assert labels(admin.bot_messages()[-1].reply_markup) == ["▶️", "💰 Richest first"]
    await admin.click_text("▶️")
    page2 = admin.bot_messages()[-1].text or ""
    assert page2.startswith("<b>Customers</b>, newest first: 12 (page 2 of 2)")
    assert "Cust1 @c1 <code>6101</code>" in page2
    assert "Cust0 @c0 <code>6100</code>" in page2
    [rich] = texts(await admin.send("/users rich"))
    assert rich.splitlines()[1].startswith("Cust11 @c11 <code>6111</code> · 12.00")
    [found] = texts(await admin.send("/users @c1"))
    assert found.splitlines()[0] == "<b>Customers</b> matching “@c1”: 3 (page 1 of 1)"
    [by_id] = texts(await admin.send("/users 6105"))
    assert "Cust5 @c5 <code>6105</code>" in by_id
    [none] = texts(await admin.send("/users 100%_"))
    assert "Nobody." in none


async def test_a_som_shop_with_whole_prices(
    settings: Settings, db: Database, panel, translator, bot, emulator
) -> None:
    """PRICE_DECIMALS 0 and a so'm STARS_RATE: prices, charges, top-ups and balances whole."""
    som = settings.model_copy(update={"price_decimals": 0, "stars_rate": Decimal(150)})
    dp = create_dispatcher(settings=som, db=db, panel=panel, translator=translator)
    customer = BotClient(dp, bot, user_id=6200)
    topup = await invoice(customer, db, stars=50)
    assert topup.amount == Decimal(7500)
    await feed(customer, payment(customer, topup))
    assert await balance_of(db, 6200) == Decimal(7500)
    await to_summary(customer, quantity="150")
    summary = customer.bot_messages()[-1].text or ""
    # 60 per 1000 x 1.2 = 72 per 1000; 150 cost 10.8, rounded up to 11
    assert "To pay: <b>11 UZS</b>" in summary, summary
    await customer.click_text("✅ Confirm and pay")
    assert await balance_of(db, 6200) == Decimal(7489)
    [text] = texts(await customer.send("/balance"))
    assert "Your balance: <b>7,489 UZS</b>" in text
    admin = BotClient(dp, bot, user_id=ADMIN_ID)
    [text] = texts(await admin.send("/balance"))
    assert "Stars rate: 1 ⭐ = 150 UZS, so 100 ⭐ top up 15,000 UZS (STARS_RATE)." in text


# --- broadcasts -----------------------------------------------------------------------------


async def customers(make_client: MakeClient, count: int) -> list[BotClient]:
    made = [make_client(user_id=6300 + n) for n in range(count)]
    for client in made:
        await client.send("/start")
    return made


async def drain(dp, bot) -> None:
    """Let the outbox sender deliver everything due, and the progress report."""
    while await dp["outbox_sender"].run_once(bot):
        pass
    await dp["broadcast_progress"].run_once(bot)


async def test_a_broadcast_previewed_confirmed_and_counted(
    admin: BotClient, make_client: MakeClient, dp, bot, db: Database
) -> None:
    people = await customers(make_client, 4)
    await UsersRepo(db).set_blocked(people[1].user.id, True)
    await UsersRepo(db).set_broadcasts(people[2].user.id, False)
    assert texts(await admin.send("/broadcast")) == [
        "Send the message for all customers: text, or a photo with a caption. /cancel to stop."
    ]
    assert texts(await admin.send(None, sticker=a_sticker())) == [
        "Send text (at most 4096 characters) or one photo with a caption (at most 1024),"
        " or /cancel."
    ]
    sent = await admin.send("<b>Sale</b> & more", entities=None)
    # the message as customers will see it (escaped: the admin typed it as text), then the count
    preview, question = texts(sent)
    assert preview == "&lt;b&gt;Sale&lt;/b&gt; &amp; more"
    # customers 0 and 3: 1 blocked the bot, 2 turned broadcasts off
    assert question.startswith("Above is how customers will see it. It goes to 2 customers ")
    await admin.click_text("✅ Send to all")
    progress = admin.bot_messages()[-1].text or ""
    assert progress.startswith("📣 Broadcast 1: 0 of 2 done")
    # a second tap on the same Confirm (a replayed update) queues nothing
    [again] = texts(await admin.click(BroadcastCb(action="send", id=1)))
    assert again == "This broadcast was sent or canceled already."
    await drain(dp, bot)
    for person in (people[0], people[3]):
        got = [r for r in person.session.requests if isinstance(r, SendMessage)]
        got = [r for r in got if r.chat_id == person.user.id and "Sale" in r.text]
        assert len(got) == 1
        assert labels(got[0].reply_markup) == ["🔕 Don't send me these"]
    assert texts(admin.session.requests[-1:]) == [
        "📣 Broadcast 1 finished: 2 customers, sent 2, blocked or turned off 0, failed 0."
    ]
    # the progress message moved to the final counts: not left at "0 of 2"
    edits = [r for r in admin.session.requests if isinstance(r, EditMessageText)]
    assert [e.text for e in edits if e.text and e.text.startswith("📣")] == [
        "📣 Broadcast 1: 0 of 2 done (sent 0, blocked 0, failed 0)…",
        "📣 Broadcast 1: 2 of 2 done (sent 2, blocked 0, failed 0). ✅",
    ]
    # finished once: the report is not repeated
    before = len(bot.session.requests)
    await dp["broadcast_progress"].run_once(bot)
    assert len(bot.session.requests) == before


async def test_a_broadcasts_progress_moves_and_edits_only_changed_text(
    admin: BotClient, make_client: MakeClient, dp, bot, db: Database
) -> None:
    await customers(make_client, 3)
    await admin.send("/broadcast")
    await admin.send("News")
    await admin.click_text("✅ Send to all")

    def progress_edits() -> list[str]:
        edits = [r for r in admin.session.requests if isinstance(r, EditMessageText)]
        return [e.text or "" for e in edits if (e.text or "").startswith("📣 Broadcast 1:")]

    assert progress_edits() == ["📣 Broadcast 1: 0 of 3 done (sent 0, blocked 0, failed 0)…"]
    # nothing moved: no edit to the same text (Telegram refuses it: message is not modified)
    await dp["broadcast_progress"].run_once(bot)
    assert len(progress_edits()) == 1
    # one copy out: the progress moves
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE outbox SET sent_at = '2026-01-01T00:00:00.000000Z'"
            " WHERE id = (SELECT min(id) FROM outbox WHERE broadcast_id = 1)"
        )
    await dp["broadcast_progress"].run_once(bot)
    await dp["broadcast_progress"].run_once(bot)
    assert progress_edits()[1:] == ["📣 Broadcast 1: 1 of 3 done (sent 1, blocked 0, failed 0)…"]
    await drain(dp, bot)
    assert progress_edits()[-1] == "📣 Broadcast 1: 3 of 3 done (sent 3, blocked 0, failed 0). ✅"


async def test_a_photo_broadcast_and_opting_out(
    admin: BotClient, make_client: MakeClient, dp, bot, db: Database
) -> None:
    [person] = await customers(make_client, 1)
    await admin.send("/broadcast")
    photo = [PhotoSize(file_id="photo-1", file_unique_id="u1", width=10, height=10)]
    await admin.send(None, photo=photo, caption="New services")
    await admin.click_text("✅ Send to all")
    await drain(dp, bot)
    [copy] = [
        r for r in bot.session.requests if isinstance(r, SendPhoto) and r.chat_id == person.user.id
    ]
    assert (copy.photo, copy.caption) == ("photo-1", "New services")
    sent = await person.click(BroadcastsOffCb(off=True))
    assert "You will not get these announcements any more." in str(sent)
    user = await UsersRepo(db).get(person.user.id)
    assert user is not None
    assert not user.broadcasts
    # the next one passes them by
    await admin.send("/broadcast")
    [_, question] = texts(await admin.send("Second"))
    assert "It goes to 0 customers " in question


async def test_a_copy_claimed_before_a_crash_is_not_sent_again(
    admin: BotClient, make_client: MakeClient, dp, bot, db: Database
) -> None:
    people = await customers(make_client, 2)
    await admin.send("/broadcast")
    await admin.send("Hello")
    await admin.click_text("✅ Send to all")
    # a process killed between the claim and Telegram's answer left this copy claimed
    rows = await db.fetchall("SELECT id FROM outbox WHERE user_id = ?", (people[0].user.id,))
    assert await BroadcastsRepo(db).claim(rows[-1][0])
    await drain(dp, bot)
    to_first = [r for r in bot.session.requests if isinstance(r, SendMessage) and r.chat_id == 6300]
    assert [r.text for r in to_first if r.text == "Hello"] == []
    assert texts(admin.session.requests[-1:]) == [
        "📣 Broadcast 1 finished: 2 customers, sent 1, blocked or turned off 0, failed 1."
    ]
    edits = [r for r in bot.session.requests if isinstance(r, EditMessageText)]
    assert edits  # the admin saw it start


async def test_an_admin_reading_russian_reads_no_raw_values(
    make_client: MakeClient, db: Database
) -> None:
    """Flags, statuses and languages in the admin's language, inside its sentences."""
    customer = named(make_client(user_id=6400, first_name="Бобур", language_code="uz"), "bobur")
    await customer.send("/start")
    await UsersRepo(db).set_blocked(6400, True)
    await fund(db, 6400, "5")
    admin = make_client(user_id=ADMIN_ID, language_code="ru")
    [text] = texts(await admin.send("/user 6400"))
    card, ledger = text.split("\n\n")
    assert card.startswith("<b>Клиент</b> Бобур @bobur <code>6400</code>\nБаланс: 5,00")
    assert "Язык: Oʻzbekcha, из Telegram (не выбран). Заблокировал бота: да." in card
    assert "Получает рассылки: да." in card
    assert ledger.splitlines()[0] == "<b>Движение средств</b>, последняя запись:"
    [entry] = await LedgerRepo(db).entries(6400)
    when = formats.moment(entry.created_at, "ru")  # "27 нояб. 2026 г., 18:01"
    assert ledger.splitlines()[1] == f"{when} · +5,00 · зачисление администратором"
