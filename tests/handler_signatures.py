"""Read each handler's signature once per test session, not once per Dispatcher.

aiogram reads the signature of every handler and filter it is given (`inspect.signature`),
and every router makes one such handler per kind of update: each Dispatcher the tests build
(one per test) read about 900 signatures, mostly of the same `lambda: True`, and that was
three quarters of the time `create_dispatcher` took. What aiogram keeps from a signature
(is it a coroutine, which parameter names, does it take **kwargs) follows from a plain
function's code object alone, so it is kept per code object here; anything else (a callable
object, a partial, a function with `__wrapped__` or `__signature__`) is read as before.
"""

from __future__ import annotations

from types import CodeType, FunctionType, MethodType
from typing import Any

from aiogram.dispatcher.event.handler import CallableObject

_read = CallableObject.__post_init__
# A bound method's signature lacks its first parameter: bound or not is part of the key.
_Key = tuple[CodeType, bool]
_known: dict[_Key, tuple[bool, frozenset[str], bool]] = {}


def _key(callback: Any) -> _Key | None:
    """What alone decides what aiogram reads from `callback`, or None."""
    bound = isinstance(callback, MethodType)
    function = callback.__func__ if bound else callback
    if type(function) is not FunctionType:
        return None
    if "__wrapped__" in function.__dict__ or "__signature__" in function.__dict__:
        return None
    return function.__code__, bound


def _read_once(self: CallableObject) -> None:
    key = _key(self.callback)
    if key is None:
        _read(self)
        return
    if key not in _known:
        _read(self)
        _known[key] = (self.awaitable, frozenset(self.params), self.varkw)
        return
    self.awaitable, params, self.varkw = _known[key]
    self.params = set(params)


def install() -> None:
    CallableObject.__post_init__ = _read_once  # type: ignore[method-assign]
