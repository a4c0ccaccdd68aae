"""The curated shop through the real Dispatcher: admins' curation commands and what
customers then see and pay; refreshes; search in the order flow and inline; deep links."""

from __future__ import annotations

from decimal import Decimal

import pytest
from aiogram import Bot
from aiogram.methods import AnswerInlineQuery, SendMessage
from aiogram.types import InlineQueryResultArticle

from bot.app import create_dispatcher
from bot.telegram.callbacks import ConfirmCb, ShopToggleCb
from tests.conftest import ADMIN_ID, MakeClient, fund
from tests.harness import BotClient, buttons, last_buttons, texts
from tests.helpers import balance_of
from tests.panel_emulator import EmulatedService, PanelEmulator
from tests.telegram_html import check_html
from tests.test_order_flow import MEMBERS, POLL, to_service, to_summary

UNKNOWN = "We don't know that command. Send /help to see what you can do here."
CANCEL = "✖ Cancel"
STALE = "The list of services has changed. Here is the fresh one."


async def categories(client: BotClient) -> list[str]:
    await client.send("/order")
    return last_buttons(client)[:-1]  # without Cancel


async def services(client: BotClient, category: str) -> list[str]:
    await client.send("/order")
    await client.click_text(category)
    return last_buttons(client)[:-2]  # without Back and Cancel


async def say(client: BotClient, text: str) -> str:
    [answer] = texts(await client.send(text))
    return answer


# --- hiding and showing ------------------------------------------------------------------------


async def test_hiding_a_service_removes_it_and_its_empty_category(
    admin: BotClient, client: BotClient
) -> None:
    assert await say(admin, "/hide 1") == f"Hidden from customers: #1 {MEMBERS}"
    assert await categories(client) == ["Telegram Votes"]
    assert await say(admin, "/show 1") == f"Shown to customers: #1 {MEMBERS}"
    assert await categories(client) == ["Telegram Members", "Telegram Votes"]


async def test_hiding_a_category_by_name_in_any_case(admin: BotClient, client: BotClient) -> None:
    assert await say(admin, "/hide  telegram VOTES ") == "Hidden from customers: Telegram Votes"
    assert await categories(client) == ["Telegram Members"]
    await admin.send("/show Telegram Votes")
    assert await categories(client) == ["Telegram Members", "Telegram Votes"]


async def test_a_hidden_service_cannot_be_ordered_from_an_old_button(
    admin: BotClient, client: BotClient
) -> None:
    await client.send("/order")
    await client.click_text("Telegram Members")
    await admin.send("/hide 1")
    await client.click_text(f"{MEMBERS} · 72.00 UZS")
    assert STALE in texts(client.session.requests[-3:])
    assert last_buttons(client) == ["Telegram Votes", CANCEL]


async def test_bad_targets_and_usage(admin: BotClient, client: BotClient) -> None:
    assert await say(admin, "/hide 99") == (
        "There is no service #99 or category “99” in the panel's catalogue."
    )
    assert await say(admin, "/hide <b>x</b>") == (
        "There is no service #&lt;b&gt;x&lt;/b&gt; or category “&lt;b&gt;x&lt;/b&gt;” in the"
        " panel's catalogue."
    )
    assert (await say(admin, "/hide")).startswith("Send /hide with a service number")
    assert (await say(admin, "/markup")).startswith("Send /markup with")
    assert (await say(admin, "/price Telegram Votes 5")).startswith("Send /price with")
    assert (await say(admin, "/rename 1 ru x")).startswith("Send /rename with")
    assert await say(admin, "/rename 1 | de | x") == "The language must be en, ru or uz."
    assert (await say(admin, "/position 1 2")).startswith("Send /position with")
    assert (await say(admin, "/position Telegram Votes 0")).startswith("The place must be")
    assert await categories(client) == ["Telegram Members", "Telegram Votes"]


@pytest.mark.parametrize(
    "command",
    [
        "/hide 1",
        "/show 1",
        "/markup 1 50",
        "/price 1 100",
        "/rename 1 | en | x",
        "/describe 1 | en | x",
        "/position Telegram Votes 1",
    ],
)
async def test_curation_commands_look_unknown_to_customers(client: BotClient, command: str) -> None:
    assert await say(client, command) == UNKNOWN
    assert await services(client, "Telegram Members") == [f"{MEMBERS} · 72.00 UZS"]


# --- prices --------------------------------------------------------------------------------------


async def test_markup_precedence_service_over_category_over_setting(
    admin: BotClient, client: BotClient
) -> None:
    members = "Telegram Members"
    assert await services(client, members) == [f"{MEMBERS} · 72.00 UZS"]  # 60 + 20%
    assert await say(admin, "/markup Telegram Members 50") == "Telegram Members: markup 50%."
    assert await services(client, members) == [f"{MEMBERS} · 90.00 UZS"]
    assert await say(admin, "/markup 1 10%") == f"#1 {MEMBERS}: markup 10%."
    assert await services(client, members) == [f"{MEMBERS} · 66.00 UZS"]
    assert await say(admin, "/price 1 100") == (
        f"#1 {MEMBERS}: 100.00 UZS per 1000 (the panel's rate is 60.00 UZS)."
    )
    assert await services(client, members) == [f"{MEMBERS} · 100.00 UZS"]
    assert await say(admin, "/price 1 -") == f"#1 {MEMBERS}: priced by markup again."
    assert await services(client, members) == [f"{MEMBERS} · 90.00 UZS"]  # the category's
    assert await say(admin, "/markup Telegram Members -") == (
        "Telegram Members: the markup above it applies again."
    )
    assert await services(client, members) == [f"{MEMBERS} · 72.00 UZS"]
    # The other category never moved.
    assert await services(client, "Telegram Votes") == [f"{POLL} · 43.20 UZS"]


async def test_price_and_markup_alone_show_what_applies_now(admin: BotClient) -> None:
    assert await say(admin, "/price 1") == (
        f"#1 {MEMBERS}: customers pay 72.00 UZS per 1000; the panel's rate is 60.00 UZS."
        " By markup (20%): /price 1 AMOUNT sets a fixed price."
    )
    assert await say(admin, "/markup 1") == (
        f"#1 {MEMBERS}: markup 20% (the shop's default, PRICE_MARKUP_PERCENT)."
    )
    await admin.send("/markup Telegram Members 50")
    assert await say(admin, "/markup 1") == f"#1 {MEMBERS}: markup 50% (the category's)."
    assert await say(admin, "/markup Telegram Members") == (
        "Telegram Members: markup 50% (the category's)."
    )
    await admin.send("/price 1 100")
    assert await say(admin, "/price 1") == (
        f"#1 {MEMBERS}: customers pay 100.00 UZS per 1000; the panel's rate is 60.00 UZS."
        " A fixed price: /price 1 - goes back to the markup."
    )
    assert await say(admin, "/markup 1") == (
        f"#1 {MEMBERS}: markup 50% (the category's). A fixed price overrides it:"
        " 100.00 UZS per 1000."
    )
    assert (await say(admin, "/price Telegram Members")).startswith("Send /price with")


@pytest.mark.parametrize("typed", ["80 000", "80\u00a0000", "80,000"])
async def test_a_price_typed_with_digit_groups(admin: BotClient, typed: str) -> None:
    """As people type thousands: not "There is no service #1 80"."""
    assert await say(admin, f"/price 1 {typed}") == (
        f"#1 {MEMBERS}: 80,000.00 UZS per 1000 (the panel's rate is 60.00 UZS)."
    )


async def test_a_som_shop_refuses_a_price_it_could_not_list_as_charged(
    settings, db, panel, translator, bot, emulator: PanelEmulator
) -> None:
    """PRICE_DECIMALS=0: 80000.50 would list as 80,000 (or 80,001) per 1000 and charge
    80,001 for 1000. Refused; a whole price lists what 1,000 is charged."""
    som = settings.model_copy(update={"price_decimals": 0})
    dp = create_dispatcher(settings=som, db=db, panel=panel, translator=translator)
    admin, client = BotClient(dp, bot, user_id=ADMIN_ID), BotClient(dp, bot, user_id=6600)
    assert await say(admin, "/price 1 80000.50") == (
        "Prices in this shop have no decimals (PRICE_DECIMALS=0), so that a list shows what"
        " is charged: send 80,000 or 80,001."
    )
    assert await say(admin, "/price 1 80 001") == (
        f"#1 {MEMBERS}: 80,001 UZS per 1000 (the panel's rate is 60.00 UZS)."
    )
    assert await services(client, "Telegram Members") == [f"{MEMBERS} · 80,001 UZS"]
    await fund(db, client.user.id, "100000")
    await to_summary(client, quantity="1000")
    assert "To pay: <b>80,001 UZS</b>" in texts(client.session.requests[-1:])[-1]


async def test_a_fixed_price_is_what_the_order_costs(
    admin: BotClient, client: BotClient, db, emulator: PanelEmulator
) -> None:
    await admin.send("/price 1 80.5")
    await fund(db, client.user.id, "10")
    await to_summary(client, quantity="100")
    assert "8.05 UZS" in texts(client.session.requests[-1:])[-1]
    await client.click_text("✅ Confirm and pay")
    assert await balance_of(db, client.user.id) == Decimal("1.95")
    assert len(emulator.calls("add")) == 1


async def test_a_price_below_the_panels_rate_is_refused(
    admin: BotClient, client: BotClient
) -> None:
    assert await say(admin, "/price 1 59.99") == (
        "Refused: 59.99 UZS per 1000 is below the panel's rate of 60.00 UZS, every order"
        " would lose money."
    )
    assert await say(admin, "/price 1 0") == (
        "Refused: 0.00 UZS per 1000 is below the panel's rate of 60.00 UZS, every order"
        " would lose money."
    )
    for bad in ("/markup 1 -5", "/markup Telegram Members -0.1", "/markup 1 lots"):
        assert (await say(admin, bad)).startswith("The markup must be a number from 0 up")
    assert (await say(admin, "/price 1 1e3")).startswith("The price must be an amount")
    assert await services(client, "Telegram Members") == [f"{MEMBERS} · 72.00 UZS"]


async def test_confirm_requotes_after_the_price_changed(
    admin: BotClient, client: BotClient, db, emulator: PanelEmulator
) -> None:
    await fund(db, client.user.id, "20")
    await to_summary(client, quantity="100")
    confirm = next(data for label, data in buttons(client.bot_messages()[-1].reply_markup) if data)
    assert ConfirmCb.unpack(confirm)
    await admin.send("/markup 1 50")
    [summary] = texts(await client.click(confirm))[-1:]
    assert "The price has changed since you looked" in summary
    assert "9.00 UZS" in summary
    assert emulator.calls("add") == []
    assert await balance_of(db, client.user.id) == Decimal("20")


# --- names, descriptions, order -----------------------------------------------------------------


async def test_names_and_descriptions_per_language(
    admin: BotClient, make_client: MakeClient
) -> None:
    ru = make_client(user_id=5101, language_code="ru")
    en = make_client(user_id=5102, language_code="en")
    assert await say(admin, "/rename 1 | ru | Подписчики <канала>") == (
        f"#1 {MEMBERS} in Russian: “Подписчики &lt;канала&gt;”."
    )
    await admin.send("/rename telegram members | RU | Участники")
    await admin.send("/describe 1 | ru | Быстрый старт & гарантия")
    assert (await categories(ru))[0] == "Участники"
    assert await services(ru, "Участники") == ["Подписчики <канала> · 72,00\u00a0сум"]
    await ru.click_text("Подписчики <канала> · 72,00\u00a0сум")
    [text] = texts(ru.session.requests[-1:])
    assert text.startswith("<b>Подписчики &lt;канала&gt;</b>")
    assert "Быстрый старт &amp; гарантия" in text
    # Other languages keep the panel's names.
    assert await services(en, "Telegram Members") == [f"{MEMBERS} · 72.00 UZS"]
    cleared = await say(admin, "/rename 1 | ru | -")
    assert cleared == f"#1 {MEMBERS} in Russian: the panel's name again."
    assert await services(ru, "Участники") == [f"{MEMBERS} · 72,00\u00a0сум"]


async def test_categories_in_the_chosen_order(admin: BotClient, client: BotClient) -> None:
    assert await say(admin, "/position Telegram Votes 1") == (
        "Telegram Votes is now number 1 in the list."
    )
    assert await categories(client) == ["Telegram Votes", "Telegram Members"]
    # Buttons address categories by position: the new list's buttons lead to the right one.
    assert await services(client, "Telegram Votes") == [f"{POLL} · 43.20 UZS"]
    await admin.send("/position Telegram Votes -")
    assert await categories(client) == ["Telegram Members", "Telegram Votes"]


# --- refreshes -----------------------------------------------------------------------------------


async def test_refresh_reports_added_removed_and_repriced(
    admin: BotClient, client: BotClient, emulator: PanelEmulator
) -> None:
    await admin.send("/refresh")  # the shop's first catalogue: nothing to report
    await admin.send("/price 1 65")
    await admin.send("/hide 3")
    del emulator.services[3]
    emulator.services[1].rate = Decimal("70")
    emulator.services[8] = EmulatedService(
        8, "Views <fast>", "Default", "Telegram Views", Decimal(1), 1, 9
    )
    [text] = texts(await admin.send("/refresh"))
    check_html(text)
    assert "<b>The panel's catalogue changed</b>: 1 new, 1 gone (hidden), 1 re-priced." in text
    assert "⚠️ 1 with a fixed price now below the panel's rate: raise it with /price." in text
    assert "+ #8 Views &lt;fast&gt;" in text
    assert "− #3" in text  # the minus sign
    assert f"⚠️ #1 {MEMBERS}: 60.00 → 70.00" in text
    assert await categories(client) == ["Telegram Members", "Telegram Views"]
    # Nothing changed since: nothing to report.
    [text] = texts(await admin.send("/refresh"))
    assert "changed" not in text
    # A service that comes back stays hidden until an admin shows it.
    emulator.services[3] = EmulatedService(
        3, POLL, "Poll", "Telegram Votes", Decimal("36"), 10, 50000
    )
    [text] = texts(await admin.send("/refresh"))
    assert "1 new, 0 gone (hidden), 0 re-priced." in text
    assert await categories(client) == ["Telegram Members", "Telegram Views"]
    await admin.send("/show 3")
    assert "Telegram Votes" in await categories(client)


async def test_curation_survives_refreshes(admin: BotClient, client: BotClient) -> None:
    await admin.send("/hide 1")
    await admin.send("/markup Telegram Votes 100")
    await admin.send("/refresh")
    assert await categories(client) == ["Telegram Votes"]
    assert await services(client, "Telegram Votes") == [f"{POLL} · 72.00 UZS"]


async def test_new_services_wait_hidden_when_the_setting_says_so(
    settings, db, panel, translator, bot: Bot, emulator: PanelEmulator
) -> None:
    hidden_first = settings.model_copy(update={"new_services_visible": False})
    dp = create_dispatcher(settings=hidden_first, db=db, panel=panel, translator=translator)
    customer, admin = BotClient(dp, bot, user_id=5201), BotClient(dp, bot, user_id=ADMIN_ID)
    assert await categories(customer) == ["Telegram Members", "Telegram Votes"]  # the first list
    emulator.services[8] = EmulatedService(
        8, "Views", "Default", "Telegram Views", Decimal(1), 1, 9
    )
    await admin.send("/refresh")
    assert await categories(customer) == ["Telegram Members", "Telegram Votes"]
    await admin.send("/show 8")
    assert await categories(customer) == ["Telegram Members", "Telegram Votes", "Telegram Views"]


async def test_a_refresh_during_browsing_alerts_the_admins(
    client: BotClient, dp, bot: Bot, emulator: PanelEmulator
) -> None:
    await dp.emit_startup(bot=bot, **dp.workflow_data)
    try:
        await dp["catalogue"].current()
        del emulator.services[3]
        await dp["catalogue"].refresh()
        alerts = [r.text for r in client.session.of_type(SendMessage) if r.chat_id == ADMIN_ID]
        assert any("0 new, 1 gone (hidden), 0 re-priced." in text for text in alerts)
    finally:
        await dp.emit_shutdown(bot=bot, **dp.workflow_data)


# --- search --------------------------------------------------------------------------------------


def add_views(emulator: PanelEmulator, count: int) -> None:
    for n in range(count):
        emulator.services[100 + n] = EmulatedService(
            100 + n, f"Post Views {n}", "Default", "Telegram Views", Decimal(1), 10, 1000
        )


async def test_search_at_the_category_step_pages_and_orders(
    client: BotClient, emulator: PanelEmulator
) -> None:
    add_views(emulator, 12)
    await client.send("/order")
    [text] = texts(await client.send("VIEWS"))
    assert text == "Found for “VIEWS”: 12 services (page 1 of 2), prices per 1000:"
    labels = last_buttons(client)
    assert labels[0] == "Post Views 0 · 1.20 UZS"
    assert labels[8:] == ["▶️", "« Back", CANCEL]
    await client.click_text("▶️")
    assert last_buttons(client)[:4] == [f"Post Views {n} · 1.20 UZS" for n in range(8, 12)]
    await client.click_text("Post Views 9 · 1.20 UZS")
    assert texts(client.session.requests[-1:])[0].startswith("<b>Post Views 9</b>")
    await client.send("https://t.me/durov/1")
    await client.click_text("« Back")  # back to the link step
    await client.click_text("« Back")  # and to the search's category
    assert last_buttons(client)[0].startswith("Post Views")


async def test_search_ranks_names_starting_with_the_words_first(
    client: BotClient, emulator: PanelEmulator
) -> None:
    emulator.services[9] = EmulatedService(
        9, "Members for groups", "Default", "Telegram Members", Decimal(1), 10, 1000
    )
    await client.send("/order")
    await client.send("members")
    # Both services are in "Telegram Members"; the one named "Members..." comes first.
    assert last_buttons(client)[:2] == ["Members for groups · 1.20 UZS", f"{MEMBERS} · 72.00 UZS"]


async def test_search_in_three_languages_and_any_case(
    admin: BotClient, make_client: MakeClient
) -> None:
    await admin.send("/rename 1 | ru | Подписчики в канал")
    await admin.send("/rename 1 | uz | Kanal obunachilari")
    await admin.send("/rename 3 | en | Poll votes fast")
    for user_id, language, query, label in [
        (5301, "ru", "ПОДПИСЧИКИ", "Подписчики в канал"),
        (5302, "ru", "подписчики", "Подписчики в канал"),
        (5303, "uz", "OBUNACHI", "Kanal obunachilari"),
        (5304, "en", "Fast", "Poll votes fast"),
        # Names in other languages are searched too, shown in the asker's language.
        (5305, "en", "подПИСЧИКИ", MEMBERS),
    ]:
        customer = make_client(user_id=user_id, language_code=language)
        await customer.send("/order")
        await customer.send(query)
        assert last_buttons(customer)[0].startswith(label), (language, query)


async def test_search_finds_only_the_curated_catalogue(admin: BotClient, client: BotClient) -> None:
    await admin.send("/hide 1")
    await client.send("/order")
    assert texts(await client.send("join")) == [
        "Nothing found for “join”. Try another word, or send /order to choose from the categories."
        "\nOr type a word to search, like “telegram” or “votes”."  # the hidden one's are not
    ]
    await client.send("/order")
    await client.send("telegram")
    assert last_buttons(client) == [f"{POLL} · 43.20 UZS", "« Back", CANCEL]


async def test_an_old_search_page_is_stale_after_curation(
    admin: BotClient, client: BotClient
) -> None:
    await client.send("/order")
    await client.send("telegram")
    await admin.send("/markup 3 0")
    await client.click_text(f"{POLL} · 43.20 UZS")
    assert STALE in texts(client.session.requests[-3:])


# --- deep links and inline -----------------------------------------------------------------------


async def test_a_deep_link_starts_the_order_at_the_service(
    make_client: MakeClient, db, emulator: PanelEmulator
) -> None:
    newcomer = make_client(user_id=5401)
    [text] = texts(await newcomer.send("/start svc_1"))
    assert text.startswith(f"<b>{MEMBERS}</b>\nPrice: 72.00 UZS per 1000")
    assert (await say(newcomer, "@durov")).startswith("How many?")
    await fund(db, newcomer.user.id, "10")
    await newcomer.send("100")
    await newcomer.click_text("✅ Confirm and pay")
    assert len(emulator.calls("add")) == 1


async def test_a_deep_link_to_a_hidden_service_offers_the_categories(
    admin: BotClient, make_client: MakeClient
) -> None:
    await admin.send("/hide 1")
    sent = texts(await make_client(user_id=5402).send("/start svc_1"))
    assert sent[0] == "This service is no longer available. Please choose another one."
    assert sent[1].startswith("<b>New order</b>")
    other = texts(await make_client(user_id=5403).send("/start svc_x"))
    assert other[0].startswith("Hello")  # not a service link: the usual greeting


def inline_articles(sent) -> list[InlineQueryResultArticle]:
    [answer] = [r for r in sent if isinstance(r, AnswerInlineQuery)]
    return [r for r in answer.results if isinstance(r, InlineQueryResultArticle)]


@pytest.mark.parametrize("user_id", [5501, 5502])  # a customer, and someone never seen
async def test_inline_search_lists_services_with_a_deep_link(
    admin: BotClient, make_client: MakeClient, user_id: int
) -> None:
    await admin.send("/rename 3 | ru | Голоса в опросе")
    customer = make_client(user_id=user_id, language_code="ru")
    if user_id == 5501:
        await customer.send("/start")
    [article] = inline_articles(await customer.inline("ГОЛОСА"))
    link = "https://t.me/shop_test_bot?start=svc_3"
    assert article.title == "Голоса в опросе"
    assert article.description == "43,20\u00a0сум за 1000 · Telegram Votes"
    assert article.url == link
    assert article.reply_markup is not None
    assert article.reply_markup.inline_keyboard[0][0].url == link
    content = article.input_message_content
    assert content is not None
    check_html(content.message_text)  # type: ignore[union-attr]


async def test_inline_search_shows_only_the_curated_catalogue(
    admin: BotClient, make_client: MakeClient
) -> None:
    customer = make_client(user_id=5503)
    await customer.send("/start")
    assert [a.title for a in inline_articles(await customer.inline("telegram"))] == [
        MEMBERS,
        POLL,
    ]
    await admin.send("/hide Telegram Members")
    assert [a.title for a in inline_articles(await customer.inline("telegram"))] == [POLL]


async def test_to_service_helper_still_works_after_curation(
    admin: BotClient, client: BotClient
) -> None:
    await admin.send("/rename 1 | en | Members")
    await to_service(client, "Telegram Members", "Members")
    assert texts(client.session.requests[-1:])[0].startswith("<b>Members</b>")


# --- the admins' panel ---------------------------------------------------------------------------


async def test_the_panel_hides_and_shows_with_a_tap(
    admin: BotClient, client: BotClient, emulator: PanelEmulator
) -> None:
    add_views(emulator, 10)
    [text] = texts(await admin.send("/shop"))
    assert text.startswith("<b>Catalogue</b>: 3 categories, 3 shown to customers (page 1 of 1).")
    assert last_buttons(admin) == [
        "👁 Telegram Members (1)",
        "👁 Telegram Votes (1)",
        "👁 Telegram Views (10)",
    ]
    await admin.click_text("👁 Telegram Members (1)")
    assert last_buttons(admin) == ["🙈 Hide the whole category", f"👁 #1 {MEMBERS}", "« Back"]
    await admin.click_text(f"👁 #1 {MEMBERS}")
    assert last_buttons(admin)[1] == f"🙈 #1 {MEMBERS}"
    assert await categories(client) == ["Telegram Votes", "Telegram Views"]
    await admin.click_text(f"🙈 #1 {MEMBERS}")
    assert await categories(client) == ["Telegram Members", "Telegram Votes", "Telegram Views"]
    await admin.click_text("🙈 Hide the whole category")
    [text] = texts(admin.session.requests[-1:])
    assert "Hidden: yes" in text
    assert last_buttons(admin)[0] == "👁 Show the category"
    assert await categories(client) == ["Telegram Votes", "Telegram Views"]
    await admin.click_text("« Back")
    assert last_buttons(admin)[0] == "🙈 Telegram Members (1)"
    # A category's services come a page at a time.
    await admin.click_text("👁 Telegram Views (10)")
    assert last_buttons(admin)[-2:] == ["▶️", "« Back"]
    await admin.click_text("▶️")
    assert last_buttons(admin)[1:3] == ["👁 #108 Post Views 8", "👁 #109 Post Views 9"]


async def test_admin_views_show_cost_and_price(admin: BotClient, client: BotClient) -> None:
    await admin.send("/price 3 50")
    await admin.send("/shop")
    await admin.click_text("👁 Telegram Members (1)")
    [text] = texts(admin.session.requests[-1:])
    assert text.endswith(f"\n\n#1 {MEMBERS}: cost 60.00 UZS → 72.00 UZS")
    await admin.click_text("« Back")
    await admin.click_text("👁 Telegram Votes (1)")
    [text] = texts(admin.session.requests[-1:])
    assert text.endswith(f"\n\n#3 {POLL}: cost 36.00 UZS → 50.00 UZS")
    # the service's card: the admin sees what it costs the shop; a customer does not
    await to_service(admin, "Telegram Members", MEMBERS)
    card = texts(admin.session.requests[-1:])[0]
    admin_line = "🔑 For admins: it costs us 60.00 UZS, customers pay 72.00 UZS per 1000."
    assert admin_line in card
    await to_service(client, "Telegram Members", MEMBERS)
    assert "For admins" not in texts(client.session.requests[-1:])[0]


async def test_an_old_panel_message_is_stale_after_a_change(admin: BotClient) -> None:
    await admin.send("/shop")
    await admin.send("/markup 1 30")
    sent = await admin.click_text("👁 Telegram Members (1)")
    assert STALE in texts(sent)


async def test_the_panel_is_for_admins_only(admin: BotClient, client: BotClient, dp) -> None:
    assert await say(client, "/shop") == UNKNOWN
    await admin.send("/shop")
    version = dp["catalogue"].snapshot.version
    sent = await client.click(ShopToggleCb(v=version, cat=0, page=0, id=1).pack())
    assert texts(sent) == texts(await client.click("no-such-button"))  # as any unknown button
    assert await categories(client) == ["Telegram Members", "Telegram Votes"]


async def test_full_width_digits_name_no_service_or_position(make_client) -> None:
    from tests.conftest import ADMIN_ID
    from tests.harness import texts

    admin = make_client(user_id=ADMIN_ID)
    hidden = texts(await admin.send("/hide １"))
    assert hidden
    assert "#1 " not in hidden[0]
    [answer] = texts(await admin.send("/price １ 100"))
    assert answer.startswith("There is no service #１ ")


async def test_a_price_for_a_category_gets_the_usage_line(make_client) -> None:
    from tests.conftest import ADMIN_ID
    from tests.harness import texts

    admin = make_client(user_id=ADMIN_ID)
    [answer] = texts(await admin.send("/price Telegram Members 100"))
    assert answer.startswith("Send /price with a service number")
