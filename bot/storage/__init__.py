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
)
from bot.storage.users import UnknownUser, User, UsersRepo

__all__ = [
    "FINAL_STATUSES",
    "LOCAL_STATUSES",
    "AlreadyPosted",
    "Database",
    "InsufficientFunds",
    "LedgerEntry",
    "LedgerRepo",
    "NewOrder",
    "Order",
    "OrderStateError",
    "OrdersRepo",
    "PanelIdTaken",
    "Reason",
    "RefundExceedsCharge",
    "SQLiteStorage",
    "Status",
    "StorageError",
    "TokenUsed",
    "Transaction",
    "UnknownUser",
    "User",
    "UsersRepo",
    "post",
    "utcnow",
]
