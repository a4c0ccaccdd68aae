"""SQLite storage: the database, its schema, and one repository per table."""

# Re-exported for the many readers of orders: the table itself is `bot.panel.status`.
from bot.panel.status import Status
from bot.storage.api_keys import ApiKey, ApiKeysRepo
from bot.storage.broadcasts import Broadcast, BroadcastsRepo, BroadcastStatus, Progress
from bot.storage.db import Database, StorageError, Transaction, utcnow
from bot.storage.fsm import SQLiteStorage
from bot.storage.ledger import (
    AlreadyPosted,
    BalanceLimit,
    InsufficientFunds,
    LedgerEntry,
    LedgerRepo,
    Reason,
    RefundExceedsCharge,
    post,
)
from bot.storage.orders import (
    VIA_API,
    VIA_BOT,
    NewOrder,
    Order,
    OrderProgress,
    OrdersRepo,
    OrderStateError,
    PanelIdTaken,
    TokenUsed,
    order_in,
)
from bot.storage.outbox import OutboxArg, OutboxRepo, OutboxRow, Outgoing
from bot.storage.promos import PromoCode, PromoExists, PromoRefused, PromosRepo, fold_code
from bot.storage.referrals import Kept, ReferralBonus, ReferralsRepo
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
from bot.storage.stats import OrderFigures, StatsRepo
from bot.storage.topups import (
    STARS,
    Credited,
    Payment,
    RefundFinished,
    Topup,
    TopupsRepo,
    TopupStateError,
    TopupStatus,
    UnknownTopup,
    UnmatchedPayment,
    checkout_refusal,
)
from bot.storage.users import Customer, CustomerOrder, Known, Profile, UnknownUser, UsersRepo

__all__ = [
    "STARS",
    "VIA_API",
    "VIA_BOT",
    "AlreadyPosted",
    "ApiKey",
    "ApiKeysRepo",
    "BalanceLimit",
    "Broadcast",
    "BroadcastStatus",
    "BroadcastsRepo",
    "Changes",
    "Credited",
    "Customer",
    "CustomerOrder",
    "Database",
    "InsufficientFunds",
    "Kept",
    "Known",
    "LedgerEntry",
    "LedgerRepo",
    "NewOrder",
    "Order",
    "OrderFigures",
    "OrderProgress",
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
    "PromoCode",
    "PromoExists",
    "PromoRefused",
    "PromosRepo",
    "Reason",
    "ReferralBonus",
    "ReferralsRepo",
    "Refill",
    "RefillInProgress",
    "RefillMoved",
    "RefillState",
    "RefillsRepo",
    "RefundExceedsCharge",
    "RefundFinished",
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
    "fold_code",
    "order_in",
    "post",
    "utcnow",
]
