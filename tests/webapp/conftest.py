"""The Mini App served by the bot's own HTTP server (real aiohttp on 127.0.0.1), with the
real dispatcher's parts, the panel emulator and a real SQLite file."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from aiogram import Bot, Dispatcher
from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient, TestServer
from pydantic import HttpUrl

from bot.ops.server import public_app
from bot.settings import Settings
from bot.storage import Database
from bot.webapp.api import INIT_DATA_HEADER
from bot.webapp.auth import sign_init_data
from tests.conftest import TEST_TOKEN

CUSTOMER = 1001
OTHER = 1002


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The shared settings with the Mini App served (the parent fixture, overridden)."""
    webapp = {"http_listen": "127.0.0.1:8089", "webapp_url": HttpUrl("http://127.0.0.1/app/")}
    return settings.model_copy(update=webapp)


def init_data(user_id: int = CUSTOMER, language: str = "en", age: float = 0) -> str:
    user = {"id": user_id, "first_name": "Ann", "language_code": language}
    return sign_init_data(TEST_TOKEN, user, int(time.time() - age))


class Api:
    """The Mini App's API as the page calls it: initData in a header, JSON both ways."""

    def __init__(self, http: TestClient[Any, Any]) -> None:
        self.http = http

    async def call(
        self,
        method: str,
        path: str,
        user: int = CUSTOMER,
        *,
        language: str = "en",
        headers: dict[str, str] | None = None,
        **kwargs: Any,
    ) -> ClientResponse:
        sent = {INIT_DATA_HEADER: init_data(user, language)} | (headers or {})
        return await self.http.request(method, "/app/api/" + path, headers=sent, **kwargs)

    async def get(self, path: str, user: int = CUSTOMER, **kwargs: Any) -> Any:
        answer = await self.call("GET", path, user, **kwargs)
        assert answer.status == 200, await answer.text()
        return await answer.json()

    async def post(self, path: str, user: int = CUSTOMER, **kwargs: Any) -> Any:
        answer = await self.call("POST", path, user, **kwargs)
        assert answer.status == 200, await answer.text()
        return await answer.json()

    async def refused(
        self, method: str, path: str, status: int, code: str, user: int = CUSTOMER, **kwargs: Any
    ) -> dict[str, Any]:
        answer = await self.call(method, path, user, **kwargs)
        body = await answer.json()
        assert (answer.status, body["error"]["code"]) == (status, code), body
        assert body["error"]["message"]
        error: dict[str, Any] = body["error"]
        return error


async def completed(db: Database, order_id: int, minutes: int) -> None:
    """The order finished (a sweep saw it Completed) `minutes` after it was placed."""
    placed = datetime(2026, 1, 1, tzinfo=UTC)
    finished = placed + timedelta(minutes=minutes)
    async with db.transaction() as tx:
        await tx.execute(
            "UPDATE orders SET status = 'Completed', created_at = ?, finished_at = ? WHERE id = ?",
            (f"{placed:%Y-%m-%dT%H:%M:%S.%fZ}", f"{finished:%Y-%m-%dT%H:%M:%S.%fZ}", order_id),
        )


@pytest.fixture
async def api(dp: Dispatcher, bot: Bot) -> AsyncIterator[Api]:
    async with TestClient(TestServer(public_app(dp, bot))) as http:
        yield Api(http)
