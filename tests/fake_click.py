"""Click's side of the SHOP-API, as its documentation describes the calls it makes: form posts
to Prepare (action 0) and Complete (action 1), each signed with `sign_string` = MD5 of
click_trans_id + service_id + SECRET_KEY + merchant_trans_id (+ merchant_prepare_id) +
amount + action + sign_time."""

from __future__ import annotations

import hashlib
import itertools
from typing import Any

import aiohttp


def sign(fields: dict[str, str], secret: str) -> str:
    parts = [
        fields["click_trans_id"],
        fields["service_id"],
        secret,
        fields["merchant_trans_id"],
        fields.get("merchant_prepare_id", "") if fields["action"] == "1" else "",
        fields["amount"],
        fields["action"],
        fields["sign_time"],
    ]
    return hashlib.md5("".join(parts).encode(), usedforsecurity=False).hexdigest()


class FakeClick:
    def __init__(self, base: str, service_id: int, secret: str) -> None:
        self.base = base.rstrip("/")
        self.service_id = service_id
        self.secret = secret
        self._ids = itertools.count(9_000_001)
        self._session: aiohttp.ClientSession | None = None

    async def __aenter__(self) -> FakeClick:
        self._session = aiohttp.ClientSession()
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._session is not None:
            await self._session.close()

    def new_id(self) -> int:
        return next(self._ids)

    async def post(self, path: str, fields: dict[str, str]) -> dict[str, Any]:
        assert self._session is not None
        async with self._session.post(self.base + path, data=fields) as answer:
            assert answer.status == 200
            return dict(await answer.json())

    def fields(
        self,
        action: int,
        click_trans_id: int,
        topup: int | str,
        amount: str,
        *,
        prepare_id: int | None = None,
        error: int = 0,
        secret: str | None = None,
    ) -> dict[str, str]:
        fields = {
            "click_trans_id": str(click_trans_id),
            "service_id": str(self.service_id),
            "click_paydoc_id": str(click_trans_id + 500),
            "merchant_trans_id": str(topup),
            "amount": amount,
            "action": str(action),
            "error": str(error),
            "error_note": "Success" if error == 0 else "Insufficient funds",
            "sign_time": "2026-12-06 15:30:00",
        }
        if prepare_id is not None:
            fields["merchant_prepare_id"] = str(prepare_id)
        fields["sign_string"] = sign(fields, self.secret if secret is None else secret)
        return fields

    async def prepare(
        self, click_trans_id: int, topup: int | str, amount: str, **kwargs: Any
    ) -> dict[str, Any]:
        return await self.post(
            "/click/prepare", self.fields(0, click_trans_id, topup, amount, **kwargs)
        )

    async def complete(
        self, click_trans_id: int, topup: int | str, amount: str, prepare_id: int, **kwargs: Any
    ) -> dict[str, Any]:
        fields = self.fields(1, click_trans_id, topup, amount, prepare_id=prepare_id, **kwargs)
        return await self.post("/click/complete", fields)
