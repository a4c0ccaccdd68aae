"""Every button's callback data has a prefix of its own: two kinds under one prefix would be
told apart only by which router happens to look first (a Crypto Pay button once shared
"cp" with the categories' pages)."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter

from aiogram.filters.callback_data import CallbackData

import bot
import handlers


def every_subclass(cls: type[CallbackData]) -> set[type[CallbackData]]:
    found: set[type[CallbackData]] = set(cls.__subclasses__())
    for sub in list(found):
        found |= every_subclass(sub)
    return found


def test_no_two_kinds_of_button_share_a_prefix() -> None:
    for package in (bot, handlers):
        for module in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            importlib.import_module(module.name)
    kinds = [
        kind
        for kind in every_subclass(CallbackData)
        if kind.__module__.startswith(("bot", "handlers"))
    ]
    assert len(kinds) > 10
    prefixes = Counter(kind.__prefix__ for kind in kinds)
    assert [prefix for prefix, count in prefixes.items() if count > 1] == []
