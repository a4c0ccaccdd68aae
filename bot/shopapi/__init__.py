"""The shop as a panel: API v2 (`shared/seeds/panel-api.txt`) for the shop's own resellers,
served at `/api/v2` while `API_ENABLED` is on (`server`): who may call and how often
(`gate`), the actions on the caller's own orders (`actions`), an order's fields read as the
chat reads them (`answers`) and the answers' words (`words`)."""
