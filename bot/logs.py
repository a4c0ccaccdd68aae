"""Logging that can never print a secret.

The bot token is part of every Bot API URL and the panel key of every panel request; any
library may put either into a message or a traceback. Both formatters, text and JSON lines,
mask them in the final text, whatever produced it.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterable
from contextvars import ContextVar
from datetime import UTC, datetime

MASK = "***"
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# The Telegram user whose update is being handled, set per update by a middleware: a
# context variable follows the handler into every task it awaits and no other.
current_user_id: ContextVar[int | None] = ContextVar("current_user_id", default=None)


class RedactingFormatter(logging.Formatter):
    def __init__(self, fmt: str, secrets: Iterable[str]) -> None:
        super().__init__(fmt)
        # Longest first, so a secret that contains another is masked whole.
        self.secrets = sorted({s for s in secrets if s}, key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, MASK)
        return text

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


class JsonFormatter(RedactingFormatter):
    """One JSON object a line: time, level, logger, message, user_id when an update has one."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__("%(message)s", secrets)

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": self.redact(record.getMessage()),
        }
        if (user_id := current_user_id.get()) is not None:
            line["user_id"] = user_id
        if record.exc_info:
            line["exception"] = self.redact(self.formatException(record.exc_info))
        # Masked before encoding, where a key with a quote or backslash still reads as
        # itself, and after, for whatever else carried it (a logger's name, say).
        return self.redact(json.dumps(line, ensure_ascii=False, default=str))


def setup_logging(
    secrets: Iterable[str], level: int | str = logging.INFO, fmt: str = "text"
) -> None:
    secrets = list(secrets)
    handler = logging.StreamHandler(sys.stderr)
    formatter: logging.Formatter = (
        JsonFormatter(secrets) if fmt == "json" else RedactingFormatter(TEXT_FORMAT, secrets)
    )
    handler.setFormatter(formatter)
    logging.basicConfig(level=level, handlers=[handler], force=True)
