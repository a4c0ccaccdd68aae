"""The catalogue customers buy from: the panel's services, cached (`cache`), as the reseller
curated them (`bot.curation`), and what each refresh changed (`changes`)."""

from bot.catalogue.cache import (
    Catalogue,
    CatalogueUnavailable,
    Category,
    Page,
    Snapshot,
    paginate,
)
from bot.curation import Curation, Pricing

__all__ = [
    "Catalogue",
    "CatalogueUnavailable",
    "Category",
    "Curation",
    "Page",
    "Pricing",
    "Snapshot",
    "paginate",
]
