"""`python -m bot`: check the settings, then run the bot until SIGTERM or Ctrl+C."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import sys

from bot.logs import setup_logging
from bot.settings import SettingsError, load_settings


def main() -> int:
    try:
        settings = load_settings()
    except SettingsError as error:
        for line in error.lines:
            print(line, file=sys.stderr)
        print("Settings come from the environment or .env (see .env.example).", file=sys.stderr)
        return 2
    # Imported only now: a settings problem is reported before the heavy imports.
    from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

    from bot.app import run
    from bot.ops.server import ListenError
    from bot.single import AlreadyRunning, CannotWrite

    setup_logging(
        secrets=settings.secrets(),
        level=settings.log_level,
        fmt=settings.log_format,
    )
    try:
        asyncio.run(run(settings))
    except TelegramUnauthorizedError:
        print("BOT_TOKEN was refused by Telegram: check it with @BotFather.", file=sys.stderr)
        return 1
    except TelegramNetworkError as error:
        print(f"Telegram cannot be reached: {error.message}", file=sys.stderr)
        return 1
    except AlreadyRunning as error:
        print(f"Another bot process is running on this database ({error}).", file=sys.stderr)
        return 1
    except (CannotWrite, ListenError) as error:
        print(error, file=sys.stderr)
        return 1
    except sqlite3.Error as error:
        # "unable to open database file", "database is locked", a file that is no database
        print(f"The database {settings.database_path} cannot be used: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    logging.getLogger(__name__).info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
