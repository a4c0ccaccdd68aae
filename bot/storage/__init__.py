"""SQLite storage: the database, its schema, and one repository per table."""

from bot.storage.broadcasts import Broadcast, BroadcastsRepo, BroadcastStatus, Progress
from bot.storage.db import Database, StorageError, Transaction, utcnow
from bot.storage.fsm import SQLiteStorage
from bot.storage.ledger import (
    AlreadyPosted,
    InsufficientFunds,
    LedgerEntry,
    LedgerRepo,
    Reason,
    RefundExceedsCharge,
    post,
)
from bot.storage.orders import (
    FINAL_STATUSES,
    LOCAL_STATUSES,
    NewOrder,
    Order,
    OrdersRepo,
    OrderStateError,
    PanelIdTaken,
    Status,
    TokenUsed,
    order_in,
)
from bot.storage.outbox import OutboxArg, OutboxRepo, OutboxRow, Outgoing
from bot.storage.shop import Changes, Repriced, ShopRepo
from bot.storage.shop_state import ShopStateRepo
from bot.storage.stats import ServiceProfit, StatsRepo, Totals
from bot.storage.topups import (
    STARS,
    Credited,
    Payment,
    Topup,
    TopupsRepo,
    TopupStateError,
    TopupStatus,
    UnknownTopup,
    UnmatchedPayment,
    checkout_refusal,
)
from bot.storage.users import Customer, CustomerOrder, Profile, UnknownUser, UsersRepo

__all__ = [
    "FINAL_STATUSES",
    "LOCAL_STATUSES",
    "STARS",
    "AlreadyPosted",
    "Broadcast",
    "BroadcastStatus",
    "BroadcastsRepo",
    "Changes",
    "Credited",
    "Customer",
    "CustomerOrder",
    "Database",
    "InsufficientFunds",
    "LedgerEntry",
    "LedgerRepo",
    "NewOrder",
    "Order",
    "OrderStateError",
    "OrdersRepo",
    "OutboxArg",
    "OutboxRepo",
    "OutboxRow",
    "Outgoing",
    "PanelIdTaken",
    "Payment",
    "Profile",
    "Progress",
    "Reason",
    "RefundExceedsCharge",
    "Repriced",
    "SQLiteStorage",
    "ServiceProfit",
    "ShopRepo",
    "ShopStateRepo",
    "StatsRepo",
    "Status",
    "StorageError",
    "TokenUsed",
    "Topup",
    "TopupStateError",
    "TopupStatus",
    "TopupsRepo",
    "Totals",
    "Transaction",
    "UnknownTopup",
    "UnknownUser",
    "UnmatchedPayment",
    "UsersRepo",
    "checkout_refusal",
    "order_in",
    "post",
    "utcnow",
]
