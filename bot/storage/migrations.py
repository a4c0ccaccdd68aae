"""The schema, as numbered migrations applied in order at start-up.

`MIGRATIONS[n - 1]` takes the database from version n - 1 to n; the version is kept in
`PRAGMA user_version`. A released migration is never edited: a change is a new one appended
at the end (2: top-ups, 3: following orders, ...), and each runs in its own transaction.
Foreign keys stay on during a migration (the PRAGMA cannot change inside a transaction), so
one that rebuilds a table must copy rows in an order that keeps every reference valid.

Tables are STRICT, so an INTEGER money column refuses text and floats outright. Money is
integer minor units at `bot.money.SCALE`; times are `bot.storage.db.utcnow()` text.
"""

from __future__ import annotations

import sqlite3

_V1_INITIAL = """
CREATE TABLE users (
    id INTEGER PRIMARY KEY,  -- the Telegram user id
    language TEXT,  -- NULL until chosen: Telegram's language_code applies meanwhile
    balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
    blocked INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE orders (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after the newest row goes
    user_id INTEGER NOT NULL REFERENCES users (id),
    panel_order_id TEXT UNIQUE,  -- text: some panels use hex ids
    service_id INTEGER NOT NULL,
    service_name TEXT NOT NULL,
    service_type TEXT NOT NULL,
    service_category TEXT NOT NULL,
    rate INTEGER NOT NULL CHECK (rate >= 0),  -- the panel's rate per 1000 when quoted
    can_cancel INTEGER NOT NULL CHECK (can_cancel IN (0, 1)),
    can_refill INTEGER NOT NULL CHECK (can_refill IN (0, 1)),
    link TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    answer_number INTEGER,
    charge INTEGER NOT NULL CHECK (charge > 0),  -- what the customer paid
    panel_charge INTEGER,  -- what the panel says it cost
    status TEXT NOT NULL,
    remains INTEGER CHECK (remains BETWEEN 0 AND quantity),
    start_count INTEGER,
    error TEXT,
    confirm_token TEXT UNIQUE,  -- a second Confirm of the same summary fails here
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX orders_by_user ON orders (user_id, id DESC);
CREATE INDEX orders_by_status ON orders (status);

CREATE TABLE ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    amount INTEGER NOT NULL CHECK (amount != 0),  -- signed: credits > 0, debits < 0
    reason TEXT NOT NULL,
    order_id INTEGER REFERENCES orders (id),
    ref TEXT,  -- e.g. a payment's charge id
    actor INTEGER,  -- the admin who posted it
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX ledger_by_user ON ledger (user_id, id);
-- An order is charged once and refunded at most once, whatever each posting's reason says:
-- keyed on the direction, a Partial refund and a Canceled refund of one order cannot both land.
CREATE UNIQUE INDEX ledger_once_per_order ON ledger (order_id, amount > 0)
    WHERE order_id IS NOT NULL;
-- A payment is credited once.
CREATE UNIQUE INDEX ledger_once_per_ref ON ledger (reason, ref) WHERE ref IS NOT NULL;

CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only');
END;
CREATE TRIGGER ledger_no_delete BEFORE DELETE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only');
END;
-- Money for an order moves only between that order's customer and the shop.
CREATE TRIGGER ledger_order_owner BEFORE INSERT ON ledger
WHEN NEW.order_id IS NOT NULL
    AND NEW.user_id IS NOT (SELECT user_id FROM orders WHERE id = NEW.order_id)
BEGIN
    SELECT RAISE(ABORT, 'ledger row for another user''s order');
END;
CREATE TRIGGER ledger_refund_within_charge BEFORE INSERT ON ledger
WHEN NEW.order_id IS NOT NULL AND NEW.amount > 0
    AND NEW.amount > -(SELECT coalesce(sum(amount), 0) FROM ledger
                       WHERE order_id = NEW.order_id AND amount < 0)
BEGIN
    SELECT RAISE(ABORT, 'refund exceeds the charge');
END;

CREATE TABLE fsm (
    key TEXT PRIMARY KEY,  -- aiogram's DefaultKeyBuilder: bot, chat, thread, user, destiny
    state TEXT,
    data TEXT NOT NULL DEFAULT '{}'  -- JSON object
) STRICT;
"""

_V2_TOPUPS = """
-- One row per Stars invoice sent. The invoice's payload is only `payload`, a random token:
-- what a payment credits is read here, never from anything Telegram echoes back.
CREATE TABLE topups (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    payload TEXT NOT NULL UNIQUE,
    stars INTEGER NOT NULL CHECK (stars > 0),  -- the invoice's price
    amount INTEGER NOT NULL CHECK (amount > 0),  -- the balance it credits, fixed when invoiced
    locale TEXT NOT NULL,  -- the invoice's language: later news of it is told in the same
    status TEXT NOT NULL CHECK (status IN ('invoiced', 'paid', 'refunding', 'refunded')),
    charge_id TEXT UNIQUE,  -- telegram_payment_charge_id, once paid
    refund_attempts INTEGER NOT NULL DEFAULT 0 CHECK (refund_attempts >= 0),
    refunded_by INTEGER,  -- the admin who asked for the refund
    created_at TEXT NOT NULL,
    paid_at TEXT,
    refunded_at TEXT,
    CHECK ((status = 'invoiced') = (charge_id IS NULL))
) STRICT;
CREATE INDEX topups_by_user ON topups (user_id, id DESC);
"""

_V3_FOLLOWING = """
-- The language Telegram last reported for the user: notifications are sent outside any
-- update, so this is what "the user's language" means for one who never chose one.
ALTER TABLE users ADD COLUMN telegram_language TEXT;

-- The panel accepted a cancel: a request, not an outcome (money comes with Canceled/Partial).
ALTER TABLE orders ADD COLUMN cancel_requested_at TEXT;
-- Sweeps in a row in which the panel answered this id with an error ("Incorrect order ID").
ALTER TABLE orders ADD COLUMN panel_misses INTEGER NOT NULL DEFAULT 0 CHECK (panel_misses >= 0);

-- What the admins were told about an order, so each thing is told once, also across restarts.
CREATE TABLE order_reports (
    order_id INTEGER NOT NULL REFERENCES orders (id),
    what TEXT NOT NULL,  -- e.g. "status:On hold"
    created_at TEXT NOT NULL,
    PRIMARY KEY (order_id, what)
) STRICT, WITHOUT ROWID;

-- Messages to customers, written in the same transaction as what they report; the sender
-- renders each in the customer's language when it sends it.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    order_id INTEGER REFERENCES orders (id),
    key TEXT NOT NULL,  -- the Fluent message
    args TEXT NOT NULL DEFAULT '{}',  -- its values, a JSON object of strings and integers
    created_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,  -- failed tries (network errors)
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    dropped_at TEXT,
    drop_reason TEXT,
    CHECK (sent_at IS NULL OR dropped_at IS NULL)
) STRICT;
CREATE INDEX outbox_pending ON outbox (user_id, id) WHERE sent_at IS NULL AND dropped_at IS NULL;
-- Each customer's oldest pending message: it decides when their next message is due, so
-- a customer's messages go out in order even when one of them has to wait for a retry.
CREATE VIEW outbox_heads AS
    SELECT user_id, min(id) AS id FROM outbox
    WHERE sent_at IS NULL AND dropped_at IS NULL GROUP BY user_id;
-- Each kind of news about an order is queued once, whoever notices the change first.
CREATE UNIQUE INDEX outbox_once_per_order ON outbox (order_id, key) WHERE order_id IS NOT NULL;
"""

_V4_SHOP_STATE = """
-- Small facts about the shop that must survive a restart, such as whether the admins
-- were already told that the panel's balance is low.
CREATE TABLE shop_state (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
"""

_V5_CURATION = """
-- What the reseller sells and at which price, keyed by what survives a catalogue refresh:
-- the panel's service id and the category's name. Every service the panel ever listed has
-- a row (its last rate tells a re-pricing apart); categories get one when curated.
-- Markups are percent and prices per 1000, both in minor units like all money.
CREATE TABLE shop_services (
    service_id INTEGER PRIMARY KEY,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    gone INTEGER NOT NULL DEFAULT 0 CHECK (gone IN (0, 1)),  -- no longer on the panel
    rate INTEGER NOT NULL,  -- the panel's rate per 1000 when last seen
    markup INTEGER,
    price INTEGER CHECK (price > 0),
    CHECK (markup IS NULL OR price IS NULL)
) STRICT, WITHOUT ROWID;
CREATE TABLE shop_categories (
    name TEXT PRIMARY KEY,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    markup INTEGER,
    position INTEGER  -- NULL: after the positioned ones, in the panel's order
) STRICT, WITHOUT ROWID;
-- Names and descriptions customers see, per language; `item` is a service id or a
-- category name, by `kind`.
CREATE TABLE shop_texts (
    kind TEXT NOT NULL CHECK (kind IN ('service', 'category')),
    item TEXT NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('en', 'ru', 'uz')),
    field TEXT NOT NULL CHECK (field IN ('name', 'description')),
    value TEXT NOT NULL,
    PRIMARY KEY (kind, item, language, field)
) STRICT, WITHOUT ROWID;
"""

_V6_REFUNDED = """
-- What the order gave back, kept with its refund posting: cards and notices read it here
-- instead of working the refund out again (a Partial refund depends on the price decimals
-- of the day it was posted).
ALTER TABLE orders ADD COLUMN refunded INTEGER NOT NULL DEFAULT 0
    CHECK (refunded BETWEEN 0 AND charge);
UPDATE orders SET refunded = coalesce(
    (SELECT sum(amount) FROM ledger WHERE order_id = orders.id AND reason = 'refund'), 0);
-- The ledger is append-only, so an insert is the only change the amount has to follow.
CREATE TRIGGER ledger_refund_on_order AFTER INSERT ON ledger
WHEN NEW.order_id IS NOT NULL AND NEW.reason = 'refund'
BEGIN
    UPDATE orders SET refunded = refunded + NEW.amount WHERE id = NEW.order_id;
END;
"""

_V7_MONEY_SCALE = """
-- Money goes from 8 to 5 decimal places (`bot.money.SCALE`): at 8, 64 bits held only about
-- 92 billion units of currency, within reach of a so'm shop's revenue. Money that customers
-- hold or paid moved in steps of PRICE_DECIMALS (at most 5), so it converts exactly; a
-- check stops the migration (and the bot) rather than round a customer's money.
CREATE TEMP TABLE money_scale_check (
    inexact INTEGER NOT NULL CONSTRAINT customer_money_has_more_than_5_decimals
        CHECK (inexact = 0)
);
INSERT INTO money_scale_check
    SELECT (SELECT count(*) FROM users WHERE balance % 1000 != 0)
        + (SELECT count(*) FROM ledger WHERE amount % 1000 != 0)
        + (SELECT count(*) FROM orders WHERE charge % 1000 != 0 OR refunded % 1000 != 0)
        + (SELECT count(*) FROM topups WHERE amount % 1000 != 0);
DROP TABLE money_scale_check;

UPDATE users SET balance = balance / 1000;
-- One statement: `refunded` is checked against `charge`.
UPDATE orders SET charge = charge / 1000, refunded = refunded / 1000;
UPDATE topups SET amount = amount / 1000;
-- The ledger is append-only; its guard steps aside for this one conversion only.
DROP TRIGGER ledger_no_update;
UPDATE ledger SET amount = amount / 1000;
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only');
END;

-- The panel's rates and charges are cut to 5 decimals, as `parse_panel_amount` now cuts
-- them (panels send at most 5). An admin's markup or fixed price with more decimals is
-- rounded up: the shop never sells below what its admin set.
UPDATE orders SET rate = rate / 1000, panel_charge = panel_charge / 1000;
UPDATE shop_services SET rate = rate / 1000,
    markup = CASE WHEN markup > 0 THEN (markup + 999) / 1000 ELSE markup / 1000 END,
    price = (price + 999) / 1000;
UPDATE shop_categories
    SET markup = CASE WHEN markup > 0 THEN (markup + 999) / 1000 ELSE markup / 1000 END;
"""

_V8_ORDER_FIELDS = """
-- Every field `add` was sent, as a JSON object: service types ask for more than a link and
-- a quantity (comments, usernames, drip-feed runs...). Orders from before have '{}': their
-- link, quantity and answer number are in their own columns.
ALTER TABLE orders ADD COLUMN fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields));
"""

_V9_REFILLS = """
-- One row per refill a customer asked for. Money never moves for a refill.
CREATE TABLE refills (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    order_id INTEGER NOT NULL REFERENCES orders (id),
    panel_refill_id TEXT,  -- text, like the panel's order ids; NULL until the panel gives one
    -- requesting: asked, no answer yet; unknown: the answer was lost (the panel may have
    -- it); open: the panel took it; done / rejected: the panel's outcome; failed: the panel
    -- refused it or the request never left
    status TEXT NOT NULL CHECK (status IN
        ('requesting', 'unknown', 'open', 'done', 'rejected', 'failed')),
    panel_status TEXT,  -- the panel's last word on it, as written, for admins
    error TEXT,  -- why it failed or is unknown (the panel's own text), for admins
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((status IN ('open', 'done', 'rejected')) = (panel_refill_id IS NOT NULL))
) STRICT;
-- One refill in progress per order: a second tap, or two at once, never asks twice.
CREATE UNIQUE INDEX refills_one_in_progress ON refills (order_id)
    WHERE status IN ('requesting', 'unknown', 'open');
CREATE INDEX refills_by_order ON refills (order_id, id DESC);
-- What the sweep follows, least recently updated first.
CREATE INDEX refills_open ON refills (updated_at, id) WHERE status = 'open';

-- News of a refill is told once per refill, not once per order: an order may be refilled
-- again after its first refill is done. `ref` names the refill; other news has none.
ALTER TABLE outbox ADD COLUMN ref TEXT;
DROP INDEX outbox_once_per_order;
CREATE UNIQUE INDEX outbox_once_per_order ON outbox (order_id, key, coalesce(ref, ''))
    WHERE order_id IS NOT NULL;
"""

_V10_DRIPFEED_SWITCH = """
-- The reseller's word on drip-feed per service, for panels whose list does not say which
-- services take `runs` and `interval`: NULL follows the panel.
ALTER TABLE shop_services ADD COLUMN dripfeed INTEGER CHECK (dripfeed IN (0, 1));
"""

_V11_ADMIN_DESK = """
-- Who a customer is, for admins: Telegram's first name and @username as they last wrote.
ALTER TABLE users ADD COLUMN first_name TEXT;
ALTER TABLE users ADD COLUMN username TEXT;
-- 0: the customer turned broadcasts off (the button under each one).
ALTER TABLE users ADD COLUMN broadcasts INTEGER NOT NULL DEFAULT 1 CHECK (broadcasts IN (0, 1));
CREATE INDEX users_by_balance ON users (balance DESC, id DESC);

-- An admin's broadcast: a draft (the preview), then sending, then done. The message is
-- kept as HTML (and a photo's file id): the outbox sends it from here, also after a restart.
CREATE TABLE broadcasts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    admin_id INTEGER NOT NULL,
    text TEXT NOT NULL,  -- HTML: the message's text or the photo's caption
    photo TEXT,  -- a photo's file_id, or NULL for a text message
    status TEXT NOT NULL CHECK (status IN ('draft', 'sending', 'done')),
    recipients INTEGER NOT NULL DEFAULT 0,
    progress_message_id INTEGER,  -- the admin's message that shows how far it has got
    created_at TEXT NOT NULL,
    finished_at TEXT
) STRICT;
-- Each recipient's copy is an outbox row. A broadcast row is claimed before it is sent
-- and never sent again once claimed: a process killed mid-send loses that one copy rather
-- than sending it twice.
ALTER TABLE outbox ADD COLUMN broadcast_id INTEGER REFERENCES broadcasts (id);
ALTER TABLE outbox ADD COLUMN claimed_at TEXT;
CREATE UNIQUE INDEX outbox_once_per_broadcast ON outbox (broadcast_id, user_id)
    WHERE broadcast_id IS NOT NULL;
"""

# Support tickets: a customer's question and the conversation that follows, kept whole.
# `ticket_copies` says which message in which chat (an admin's copy of the question, the
# customer's copy of an answer) belongs to which ticket, so replying to it continues it.
_V12_SUPPORT_TICKETS = """
CREATE TABLE tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    order_id INTEGER REFERENCES orders (id),  -- asked about from an order's card
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered', 'closed')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX tickets_by_status ON tickets (status, updated_at);
CREATE INDEX tickets_by_user ON tickets (user_id);
CREATE TABLE ticket_messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    author_id INTEGER NOT NULL,  -- the customer, or the admin who answered
    from_admin INTEGER NOT NULL CHECK (from_admin IN (0, 1)),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX ticket_messages_by_ticket ON ticket_messages (ticket_id, id);
CREATE TABLE ticket_copies (
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    PRIMARY KEY (chat_id, message_id)
) STRICT;
"""

# When an order reached its final status, for the service card's average completion time.
# Orders that ended before this was kept take their last change as the moment: a final
# order is not changed again, so that is when the sweep saw it end.
_V13_FINISHED_AT = """
ALTER TABLE orders ADD COLUMN finished_at TEXT;
UPDATE orders SET finished_at = updated_at
    WHERE status IN ('failed', 'Completed', 'Partial', 'Canceled', 'Expired');
CREATE INDEX orders_finished_by_service ON orders (service_id, status, finished_at DESC);
"""

# Greetings admins wrote per language (`/greeting ru | text`), replacing the one composed
# from SHOP_NAME and the catalogue. Number 14: 13 is another change's, merged before it.
_V14_GREETINGS = """
CREATE TABLE greetings (
    locale TEXT PRIMARY KEY CHECK (locale IN ('en', 'ru', 'uz')),
    text TEXT NOT NULL,
    set_by INTEGER NOT NULL,  -- the admin who wrote it
    updated_at TEXT NOT NULL
) STRICT;
"""

# Every way of paying credits through the ledger with its method and its own payment id
# (`bot.payments`): both tables say which method, and a payment id is unique per method, not
# across them (two providers may number alike). Everything paid so far was Stars.
_V15_PAYMENT_METHOD = """
ALTER TABLE topups ADD COLUMN method TEXT NOT NULL DEFAULT 'stars';
ALTER TABLE ledger ADD COLUMN method TEXT;
-- The ledger is append-only; its guard steps aside for this one back-fill only.
DROP TRIGGER ledger_no_update;
UPDATE ledger SET method = 'stars'
    WHERE reason IN ('topup', 'topup_refund', 'topup_refund_undone');
CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger
BEGIN
    SELECT RAISE(ABORT, 'ledger is append-only');
END;
DROP INDEX ledger_once_per_ref;
CREATE UNIQUE INDEX ledger_once_per_ref ON ledger (reason, coalesce(method, ''), ref)
    WHERE ref IS NOT NULL;
"""

# Top-ups of every method (`bot.payments`): a price in stars only for Stars; a top-up that
# will never be paid (a rejected transfer, an expired invoice, a cancelled transaction) is
# `cancelled`; a payment id is unique per method, not across them. SQLite cannot change a
# CHECK in place, so the table is rebuilt.
_V16_TOPUPS_ANY_METHOD = """
CREATE TABLE topups_v16 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    payload TEXT NOT NULL UNIQUE,
    method TEXT NOT NULL,
    stars INTEGER CHECK (stars > 0),  -- a Stars invoice's price; NULL for other methods
    amount INTEGER NOT NULL CHECK (amount > 0),  -- the balance it credits
    locale TEXT NOT NULL,  -- the customer's language when it was made: its news is told in it
    status TEXT NOT NULL
        CHECK (status IN ('invoiced', 'paid', 'refunding', 'refunded', 'cancelled')),
    charge_id TEXT,  -- the method's own payment id, once paid
    refund_attempts INTEGER NOT NULL DEFAULT 0 CHECK (refund_attempts >= 0),
    refunded_by INTEGER,  -- the admin who asked for the refund
    created_at TEXT NOT NULL,
    paid_at TEXT,
    refunded_at TEXT,
    cancelled_at TEXT,
    CHECK ((status IN ('invoiced', 'cancelled')) = (charge_id IS NULL)),
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL)),
    CHECK ((method = 'stars') = (stars IS NOT NULL))
) STRICT;
INSERT INTO topups_v16 (id, user_id, payload, method, stars, amount, locale, status, charge_id,
    refund_attempts, refunded_by, created_at, paid_at, refunded_at)
SELECT id, user_id, payload, method, stars, amount, locale, status, charge_id,
    refund_attempts, refunded_by, created_at, paid_at, refunded_at
FROM topups;
-- Numbers once given stay given (a discarded invoice's too): the counter moves over as it is.
DELETE FROM sqlite_sequence WHERE name = 'topups_v16';
INSERT INTO sqlite_sequence (name, seq) SELECT 'topups_v16', seq FROM sqlite_sequence
    WHERE name = 'topups';
DROP TABLE topups;
ALTER TABLE topups_v16 RENAME TO topups;
CREATE INDEX topups_by_user ON topups (user_id, id DESC);
CREATE UNIQUE INDEX topups_paid_once ON topups (method, charge_id) WHERE charge_id IS NOT NULL;
CREATE INDEX topups_pending ON topups (method, id) WHERE status = 'invoiced';
"""

# Card transfers (`bot.payments.transfer`): the receipt a customer sent for a pending top-up,
# the admins' copies of it (each edited when one admin decides), who decided and why; at most
# one pending transfer per customer. A top-up given back outside the bot keeps the admin's note.
_V17_TRANSFERS = """
ALTER TABLE topups ADD COLUMN refund_note TEXT;
CREATE UNIQUE INDEX topups_one_pending_transfer ON topups (user_id)
    WHERE method = 'transfer' AND status = 'invoiced';
CREATE TABLE transfers (
    topup_id INTEGER PRIMARY KEY REFERENCES topups (id),
    asked INTEGER NOT NULL CHECK (asked > 0),  -- what the customer said they would transfer
    file_id TEXT,  -- the receipt: a photo's or a document's file_id
    file_unique_id TEXT,  -- the same file sent again has the same one
    file_kind TEXT CHECK (file_kind IN ('photo', 'document')),
    receipt_at TEXT,
    outcome TEXT CHECK (outcome IN ('approved', 'rejected', 'withdrawn')),
    decided_by INTEGER,  -- the admin (or, withdrawn, the customer)
    reason TEXT,  -- why it was rejected, as the admin wrote it
    decided_at TEXT,
    reminded_at TEXT,  -- admins were reminded of it, once
    CHECK ((file_id IS NULL) = (receipt_at IS NULL)),
    CHECK ((outcome IS NULL) = (decided_at IS NULL))
) STRICT;
CREATE INDEX transfers_by_file ON transfers (file_unique_id) WHERE file_unique_id IS NOT NULL;
CREATE TABLE transfer_copies (
    topup_id INTEGER NOT NULL REFERENCES topups (id),
    chat_id INTEGER NOT NULL,
    message_id INTEGER NOT NULL,
    PRIMARY KEY (topup_id, chat_id, message_id)
) STRICT;
"""

# 18 (17 is the card transfers'). Crypto Pay invoices (`bot.payments.crypto`): which
# invoice a crypto top-up is, what it asks in which fiat, its link; the asset that paid it.
_V18_CRYPTO_INVOICES = """
CREATE TABLE crypto_invoices (
    topup_id INTEGER PRIMARY KEY REFERENCES topups (id),
    invoice_id INTEGER NOT NULL UNIQUE,
    fiat TEXT NOT NULL,
    amount TEXT NOT NULL,
    url TEXT NOT NULL,
    mini_app_url TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    paid_asset TEXT,
    paid_amount TEXT
) STRICT;
"""

# Payme's and Click's own facts about a top-up's payment. Payme: its transaction id, its
# times in ms as its Merchant API states them, state 1/2/-1/-2 and the cancel reason; at
# most one transaction in state 1 or 2 per top-up. Click: its click_trans_id, the id we
# answered as merchant_prepare_id, and whether Complete came.
_V19_PAYME_CLICK = """
CREATE TABLE payme_transactions (
    id TEXT PRIMARY KEY,  -- Payme's transaction id
    topup_id INTEGER NOT NULL REFERENCES topups (id),
    time INTEGER NOT NULL,  -- when Payme created it, ms
    amount INTEGER NOT NULL CHECK (amount > 0),  -- tiyin
    state INTEGER NOT NULL CHECK (state IN (1, 2, -1, -2)),
    reason INTEGER,
    create_time INTEGER NOT NULL,  -- ours, ms
    perform_time INTEGER NOT NULL DEFAULT 0,
    cancel_time INTEGER NOT NULL DEFAULT 0,
    CHECK ((state < 0) = (reason IS NOT NULL))
) STRICT;
CREATE UNIQUE INDEX payme_one_live ON payme_transactions (topup_id) WHERE state IN (1, 2);
CREATE INDEX payme_by_time ON payme_transactions (time);
CREATE TABLE click_transactions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- our merchant_prepare_id
    click_trans_id INTEGER NOT NULL UNIQUE,
    click_paydoc_id INTEGER NOT NULL,
    topup_id INTEGER NOT NULL REFERENCES topups (id),
    status TEXT NOT NULL CHECK (status IN ('prepared', 'completed', 'cancelled')),
    prepared_at TEXT NOT NULL,
    finished_at TEXT,
    error INTEGER  -- Click's error when it cancelled
) STRICT;
CREATE INDEX click_by_topup ON click_transactions (topup_id);
"""

_V20_API_KEYS = """
-- A customer's key for the shop's own API v2 (one per customer; `/api new` replaces it in
-- place, so the old one stops at once). Only the key's SHA-256 is kept: a leaked database
-- gives no working key. `hint` (its last characters) lets a customer tell keys apart.
CREATE TABLE api_keys (
    user_id INTEGER PRIMARY KEY REFERENCES users (id),
    key_hash TEXT NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (1, 0)),
    notify INTEGER NOT NULL DEFAULT 1 CHECK (notify IN (1, 0)),  -- news of API orders
    created_at TEXT NOT NULL,
    last_used_at TEXT,
    switched_by INTEGER,  -- the admin who last switched it on or off
    switched_at TEXT
) STRICT;
"""

# Several panels (`bot.panel.panels`): an order remembers the panel that has it ('' is the main
# one, whatever PANEL_NAME calls it, so every order from before stays the main panel's) and the
# service's id there. Two panels may both have an order 123: the panel's id is unique per panel.
# A rebuild, since a column's UNIQUE cannot be dropped. The ledger's two triggers that read
# `orders` go while it is rebuilt and come back as they were (foreign keys are off while
# migrating, and checked before each migration commits: `Database._migrate`).
_V21_ORDERS_BY_PANEL = """
DROP TRIGGER ledger_order_owner;
DROP TRIGGER ledger_refund_on_order;
CREATE TABLE orders_v21 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, even after the newest row goes
    user_id INTEGER NOT NULL REFERENCES users (id),
    panel TEXT NOT NULL DEFAULT '',  -- the panel that has it: '' the main panel, else its name
    panel_order_id TEXT,  -- text: some panels use hex ids
    panel_service_id INTEGER,  -- the service's id on that panel; NULL: service_id
    service_id INTEGER NOT NULL,  -- the shop's number for the service
    service_name TEXT NOT NULL,
    service_type TEXT NOT NULL,
    service_category TEXT NOT NULL,
    rate INTEGER NOT NULL CHECK (rate >= 0),  -- the panel's rate per 1000 when quoted
    can_cancel INTEGER NOT NULL CHECK (can_cancel IN (0, 1)),
    can_refill INTEGER NOT NULL CHECK (can_refill IN (0, 1)),
    link TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    answer_number INTEGER,
    charge INTEGER NOT NULL CHECK (charge > 0),  -- what the customer paid
    panel_charge INTEGER,  -- what the panel says it cost
    status TEXT NOT NULL,
    remains INTEGER CHECK (remains BETWEEN 0 AND quantity),
    start_count INTEGER,
    error TEXT,
    confirm_token TEXT UNIQUE,  -- a second Confirm of the same summary fails here
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    cancel_requested_at TEXT,
    panel_misses INTEGER NOT NULL DEFAULT 0 CHECK (panel_misses >= 0),
    refunded INTEGER NOT NULL DEFAULT 0 CHECK (refunded BETWEEN 0 AND charge),
    fields TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(fields)),
    finished_at TEXT,
    UNIQUE (panel, panel_order_id)
) STRICT;
INSERT INTO orders_v21 (id, user_id, panel_order_id, service_id, service_name, service_type,
    service_category, rate, can_cancel, can_refill, link, quantity, answer_number, charge,
    panel_charge, status, remains, start_count, error, confirm_token, created_at, updated_at,
    cancel_requested_at, panel_misses, refunded, fields, finished_at)
SELECT id, user_id, panel_order_id, service_id, service_name, service_type,
    service_category, rate, can_cancel, can_refill, link, quantity, answer_number, charge,
    panel_charge, status, remains, start_count, error, confirm_token, created_at, updated_at,
    cancel_requested_at, panel_misses, refunded, fields, finished_at
FROM orders;
DELETE FROM sqlite_sequence WHERE name = 'orders_v21';
INSERT INTO sqlite_sequence (name, seq) SELECT 'orders_v21', seq FROM sqlite_sequence
    WHERE name = 'orders';
DROP TABLE orders;
ALTER TABLE orders_v21 RENAME TO orders;
CREATE INDEX orders_by_user ON orders (user_id, id DESC);
CREATE INDEX orders_by_status ON orders (status);
CREATE INDEX orders_finished_by_service ON orders (service_id, status, finished_at DESC);
CREATE INDEX orders_by_panel_order ON orders (panel_order_id);
CREATE TRIGGER ledger_order_owner BEFORE INSERT ON ledger
WHEN NEW.order_id IS NOT NULL
    AND NEW.user_id IS NOT (SELECT user_id FROM orders WHERE id = NEW.order_id)
BEGIN
    SELECT RAISE(ABORT, 'ledger row for another user''s order');
END;
CREATE TRIGGER ledger_refund_on_order AFTER INSERT ON ledger
WHEN NEW.order_id IS NOT NULL AND NEW.reason = 'refund'
BEGIN
    UPDATE orders SET refunded = refunded + NEW.amount WHERE id = NEW.order_id;
END;
"""

# Growth (issue 27): who referred a customer (fixed at their first /start, never changed),
# and promo codes. A code is kept folded (upper case, no spaces); `used` counts redemptions
# and never passes `uses` (the CHECK backs the conditional UPDATE that redeems). A customer
# redeems a code once: the redemption's primary key.
_V22_REFERRALS_PROMO = """
ALTER TABLE users ADD COLUMN referred_by INTEGER REFERENCES users (id);
CREATE INDEX users_by_referrer ON users (referred_by) WHERE referred_by IS NOT NULL;
CREATE TABLE promo_codes (
    code TEXT PRIMARY KEY,
    amount INTEGER NOT NULL CHECK (amount > 0),  -- credited per redemption
    uses INTEGER NOT NULL CHECK (uses > 0),
    used INTEGER NOT NULL DEFAULT 0 CHECK (used BETWEEN 0 AND uses),
    expires_at TEXT,  -- NULL: never
    ended_at TEXT,  -- an admin ended it
    created_by INTEGER NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE TABLE promo_redemptions (
    code TEXT NOT NULL REFERENCES promo_codes (code),
    user_id INTEGER NOT NULL REFERENCES users (id),
    amount INTEGER NOT NULL CHECK (amount > 0),
    created_at TEXT NOT NULL,
    PRIMARY KEY (code, user_id)
) STRICT;
"""

# Where an order was placed: the chat (and the Mini App) or the shop's own API v2. Orders
# from before it were all the chat's.
_V23_ORDER_VIA = """
ALTER TABLE orders ADD COLUMN via TEXT NOT NULL DEFAULT 'bot' CHECK (via IN ('bot', 'api'));
"""

# Review of growth (issue 27): whether a customer has ever sent /start. The referrer is fixed
# at the first /start (design, "Growth"), and a customer may be known before it (the Mini
# App, an invoice): being in `users` does not tell. Everyone known already counts as
# started, so no existing customer's referrer (or lack of one) changes.
_V24_FIRST_START = """
ALTER TABLE users ADD COLUMN started_at TEXT;
UPDATE users SET started_at = created_at;
"""

# Fallbacks (`/fallback N PANEL:ID ...`): where service N goes, in this order, when its own
# panel definitely refuses an order. A panel is named as orders name it ('' the main one,
# whatever PANEL_NAME calls it; another panel by its name, lower case); `panel_service_id`
# is the service's id on that panel. Health (a failing panel skipped for a while) is not
# kept: after a restart every panel is tried afresh.
_V25_FALLBACKS = """
CREATE TABLE service_fallbacks (
    service_id INTEGER NOT NULL,  -- the shop's number of the service that falls back
    position INTEGER NOT NULL CHECK (position >= 1),  -- tried in this order
    panel TEXT NOT NULL,
    panel_service_id INTEGER NOT NULL,
    set_by INTEGER,  -- the admin who set the list
    created_at TEXT NOT NULL,
    PRIMARY KEY (service_id, position),
    UNIQUE (service_id, panel, panel_service_id)
) STRICT;
"""

# Per-customer discounts (`bot.orders.prices`): a whole percent off every price a customer
# sees and pays, set by an admin; each order keeps the discount it got and what it would
# have cost without it (NULL: no discount), so /stats can say what discounts gave away.
_V26_DISCOUNTS = """
ALTER TABLE users ADD COLUMN discount INTEGER NOT NULL DEFAULT 0
    CHECK (discount BETWEEN 0 AND 90);
ALTER TABLE orders ADD COLUMN discount INTEGER NOT NULL DEFAULT 0
    CHECK (discount BETWEEN 0 AND 90);
ALTER TABLE orders ADD COLUMN full_charge INTEGER CHECK (full_charge >= charge);
"""

MIGRATIONS: tuple[str, ...] = (
    _V1_INITIAL,
    _V2_TOPUPS,
    _V3_FOLLOWING,
    _V4_SHOP_STATE,
    _V5_CURATION,
    _V6_REFUNDED,
    _V7_MONEY_SCALE,
    _V8_ORDER_FIELDS,
    _V9_REFILLS,
    _V10_DRIPFEED_SWITCH,
    _V11_ADMIN_DESK,
    _V12_SUPPORT_TICKETS,
    _V13_FINISHED_AT,
    _V14_GREETINGS,
    _V15_PAYMENT_METHOD,
    _V16_TOPUPS_ANY_METHOD,
    _V17_TRANSFERS,
    _V18_CRYPTO_INVOICES,
    _V19_PAYME_CLICK,
    _V20_API_KEYS,
    _V21_ORDERS_BY_PANEL,
    _V22_REFERRALS_PROMO,
    _V23_ORDER_VIA,
    _V24_FIRST_START,
    _V25_FALLBACKS,
    _V26_DISCOUNTS,
)
LATEST = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """Split a script into statements; a trigger body's `;` does not end its statement."""
    result: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            result.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement: {pending.strip()[:60]!r}")
    return result
