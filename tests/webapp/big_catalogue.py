"""A reseller's catalogue of 10,000 services in 200 categories, for the browser tests and
the benchmark: every sold type, refill and drip-feed on some, prices from 0.01 to 50."""

from __future__ import annotations

from decimal import Decimal

from tests.panel_emulator import EmulatedService

SIZE = 10_000
CATEGORIES = 200
DEFAULT_ID = 1  # "Telegram Members — Fast", Default
COMMENTS_ID = 2  # "Custom Comments — Instagram", one comment a line
UZBEK_ID = 3  # "Oʻzbek obunachilar": found by o'zbek, oʻzbek or o`zbek
PLATFORMS = ("Telegram", "Instagram", "YouTube", "TikTok", "Twitter")
KINDS = ("Members", "Views", "Likes", "Followers", "Reactions", "Shares", "Votes", "Saves")
TYPES = ("Default", "Default", "Default", "Package", "Poll", "Mentions", "SEO")


def big_catalogue(size: int = SIZE) -> list[EmulatedService]:
    services = [
        EmulatedService(
            DEFAULT_ID,
            "Telegram Members — Fast",
            "Default",
            "Telegram Members",
            Decimal("60.00"),
            10,
            100_000,
            refill=True,
        ),
        EmulatedService(
            COMMENTS_ID,
            "Custom Comments — Instagram",
            "Custom Comments",
            "Instagram Comments",
            Decimal("900.00"),
            1,
            1000,
        ),
        EmulatedService(
            UZBEK_ID,
            "Oʻzbek obunachilar",
            "Default",
            "Telegram Members",
            Decimal("12.5"),
            100,
            5000,
        ),
    ]
    for number in range(len(services) + 1, size + 1):
        platform = PLATFORMS[number % len(PLATFORMS)]
        kind = KINDS[number % len(KINDS)]
        category = number % CATEGORIES
        services.append(
            EmulatedService(
                number,
                f"{platform} {kind} #{number}",
                TYPES[number % len(TYPES)],
                f"{PLATFORMS[category % 5]} {KINDS[category % 8]} {category}",
                Decimal(number % 5000 + 1) / 100,
                10 + number % 90,
                10_000 + number,
                refill=number % 3 == 0,
                dripfeed=number % 4 == 0,
            )
        )
    return services
