"""Deep links into the bot: `https://t.me/<bot>?start=svc_<id>` starts an order at a service."""

from __future__ import annotations

SERVICE_LINK = "svc_"
# What `/start` carries for such a link: the prefix and a service id that fits SQLite.
SERVICE_LINK_ARGS = rf"^{SERVICE_LINK}[0-9]{{1,18}}$"


def service_link(bot_username: str, service_id: int) -> str:
    return f"https://t.me/{bot_username}?start={SERVICE_LINK}{service_id}"


def linked_service(args: str) -> int:
    """The service id of `/start` arguments that matched `SERVICE_LINK_ARGS`."""
    return int(args.removeprefix(SERVICE_LINK))
