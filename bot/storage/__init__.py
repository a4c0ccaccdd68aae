"""SQLite storage: the database, its schema, and one repository per table."""

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
from bot.storage.refills import (
    Refill,
    RefillInProgress,
    RefillMoved,
    RefillsRepo,
    RefillState,
    UserRefill,
)
from bot.storage.shop import Changes, Repriced, ShopRepo
from bot.storage.shop_state import ShopStateRepo
from bot.storage.stats import Period, StatsRepo
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
from bot.storage.users import Customer, UnknownUser, UsersRepo

__all__ = [
    "FINAL_STATUSES",
    "LOCAL_STATUSES",
    "STARS",
    "AlreadyPosted",
    "Changes",
    "Credited",
    "Customer",
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
    "Period",
    "Reason",
    "Refill",
    "RefillInProgress",
    "RefillMoved",
    "RefillState",
    "RefillsRepo",
    "RefundExceedsCharge",
    "Repriced",
    "SQLiteStorage",
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
    "Transaction",
    "UnknownTopup",
    "UnknownUser",
    "UnmatchedPayment",
    "UserRefill",
    "UsersRepo",
    "checkout_refusal",
    "order_in",
    "post",
    "utcnow",
]
