"""Payme's side of the Merchant API, as its documentation describes the calls it makes: a
JSON-RPC POST with `Authorization: Basic base64("Paycom:<key>")`, amounts in tiyin, the
account field named as the cabinet has it (`topup_id`), times in ms."""

from __future__ import annotations

import base64
import itertools
import json
import time
from typing import Any

import aiohttp


def basic(key: str, login: str = "Paycom") -> str:
    return "Basic " + base64.b64encode(f"{login}:{key}".encode()).decode()


class FakePayme:
    def __init__(self, url: str, key: str) -> None:
        self.url = url
        self.key = key
        self._ids = itertools.count(1)
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> FakePayme:
        self._session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()

    async def raw(
        self, body: bytes | str, authorization: str | None = None, method: str = "POST"
    ) -> tuple[int, dict[str, Any]]:
        assert self._session is not None
        headers = {"Content-Type": "application/json"}
        if authorization is not None:
            headers["Authorization"] = authorization
        async with self._session.request(method, self.url, data=body, headers=headers) as answer:
            return answer.status, await answer.json()

    async def call(
        self, method: str, params: dict[str, Any], *, key: str | None = None
    ) -> dict[str, Any]:
        """The whole answer (`result` or `error`); Payme's answers are always HTTP 200."""
        request = {"jsonrpc": "2.0", "id": next(self._ids), "method": method, "params": params}
        status, answer = await self.raw(
            json.dumps(request), basic(self.key if key is None else key)
        )
        assert status == 200
        assert answer["id"] == request["id"]
        return answer

    @staticmethod
    def account(topup_id: int | str) -> dict[str, Any]:
        return {"topup_id": str(topup_id)}

    async def check_perform(self, topup_id: int | str, amount: int) -> dict[str, Any]:
        return await self.call(
            "CheckPerformTransaction", {"amount": amount, "account": self.account(topup_id)}
        )

    async def create(
        self, transaction: str, topup_id: int | str, amount: int, at: int | None = None
    ) -> dict[str, Any]:
        params = {
            "id": transaction,
            "time": at if at is not None else int(time.time() * 1000),
            "amount": amount,
            "account": self.account(topup_id),
        }
        return await self.call("CreateTransaction", params)

    async def perform(self, transaction: str) -> dict[str, Any]:
        return await self.call("PerformTransaction", {"id": transaction})

    async def cancel(self, transaction: str, reason: int) -> dict[str, Any]:
        return await self.call("CancelTransaction", {"id": transaction, "reason": reason})

    async def check(self, transaction: str) -> dict[str, Any]:
        return await self.call("CheckTransaction", {"id": transaction})

    async def statement(self, start: int, end: int) -> dict[str, Any]:
        return await self.call("GetStatement", {"from": start, "to": end})
