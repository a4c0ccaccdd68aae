"""What the panel's report on a refill changes: the refill's state and the customer's news.

The status sweep asks about open refills (`refill_status`) and records each answer here, in
one transaction with the customer's message about it: the outbox keeps one message per
order, kind and refill, and a refill leaves `open` once, so a refill's outcome is told once,
also across restarts. Money never moves for a refill.
"""

from __future__ import annotations

import logging

from aiogram import Bot

from bot.i18n import Arg
from bot.notify.alerts import Alerts
from bot.notify.news import News, Work
from bot.panel import PanelError, RefillStatus
from bot.storage import Order, OrdersRepo, Refill, RefillsRepo, RefillState

log = logging.getLogger(__name__)


class RefillFollower:
    def __init__(
        self, *, news: News, orders: OrdersRepo, refills: RefillsRepo, alerts: Alerts
    ) -> None:
        self._news = news
        self._orders = orders
        self._refills = refills
        self._alerts = alerts

    async def apply(
        self, bot: Bot, refill_id: int, report: RefillStatus | PanelError
    ) -> Refill | None:
        """Record what the panel said about one refill; the refill as it is now."""
        alert: dict[str, Arg] | None = None
        async with self._news.transaction() as work:
            refill = await self._refills.get_in(work.tx, refill_id)
            order = None if refill is None else await self._orders.get_in(work.tx, refill.order_id)
            if refill is None or order is None or refill.status != RefillState.OPEN:
                return refill
            if isinstance(report, PanelError):
                log.info("refill %d: the panel answered %r", refill.id, report.text)
                # Told once per refill and wording: "Refill not found" every sweep is one alert.
                if await self._orders.report_once(
                    work.tx, order.id, f"refill {refill.id}: {report.text}"
                ):
                    alert = {**refill_about(order, refill), "error": report.text}
                refill = await self._refills.note(
                    work.tx, refill.id, panel_status=refill.panel_status, error=report.text
                )
            elif not report.is_final:
                refill = await self._refills.note(
                    work.tx, refill.id, panel_status=report.raw_status, error=None
                )
            else:
                refill = await self._finish(work, refill, order, report)
        # After the commit, best effort: noted as told, so a crash here loses it, never repeats.
        if alert is not None:
            await self._alerts.send(bot, "alert-refill-missing", **alert)
        return refill

    async def _finish(
        self, work: Work, refill: Refill, order: Order, report: RefillStatus
    ) -> Refill:
        state = RefillState.DONE if report.is_done else RefillState.REJECTED
        refill = await self._refills.finish(work.tx, refill.id, state, report.raw_status)
        log.info("refill %d of order %d: %s", refill.id, order.id, refill.status)
        key = "notify-refill-done" if state == RefillState.DONE else "notify-refill-rejected"
        await work.tell(
            order.user_id,
            key,
            {"number": str(order.id), "service": order.service_name},
            order_id=order.id,
            ref=str(refill.id),
        )
        return refill


def refill_about(order: Order, refill: Refill) -> dict[str, Arg]:
    """What every admin alert about a refill names (ids as text: no thousands separators)."""
    return {
        "order": str(order.id),
        "panel": order.on_panel,
        "user": str(order.user_id),
        "refill": refill.panel_refill_id or "",
    }
