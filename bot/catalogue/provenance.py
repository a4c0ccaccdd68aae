"""Which panel a service comes from, for admins (customers never see a panel)."""

from __future__ import annotations

from bot.i18n import Texts
from bot.panel import Service


def with_panel(text: str, service: Service, t: Texts, separator: str = "\n") -> str:
    """`text` about a service, followed by its panel and its id there when it is not the
    main panel's (whose services are numbered as on the panel itself)."""
    if not service.panel:
        return text
    return (
        text + separator + t("admin-service-panel", panel=service.panel, id=str(service.panel_id))
    )
