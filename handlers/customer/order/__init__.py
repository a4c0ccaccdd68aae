"""The order conversation."""

from handlers.customer.order.flow import create_router

__all__ = ["create_router"]
