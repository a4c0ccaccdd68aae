"""The Mini App: a storefront page served by the bot's own HTTP server, and its JSON API.

Routes, under the path of `WEBAPP_URL` (`/app/` for `https://shop.example/app/`):
- `GET  <path>`: the page (`static/index.html`); `<path>static/...` its modules and styles;
- `POST <path>api/me`: the customer, their balance and the page's texts in their language;
- `GET  <path>api/catalogue`: every service, gzipped, with an ETag on the catalogue version;
- `POST <path>api/quote`, `api/place`: the exact charge with a one-time token, and Confirm;
- `GET  <path>api/orders`, `api/orders/{id}`; `POST api/orders/{id}/refresh|cancel|refill`;
- `GET  <path>api/balance`: the balance as it is now;
- `POST <path>api/topup`: what pays a top-up (Stars: an invoice link); `GET api/topups/{id}`:
  whether it is credited yet.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiohttp import web

from bot.settings import Settings
from bot.webapp.api import Gate
from bot.webapp.feed import CatalogueFeed
from bot.webapp.orders import MyOrders
from bot.webapp.shop import Shop

STATIC = Path(__file__).resolve().parent / "static"
# The app's catalogue feed, for whoever needs it rebuilt at once (tests).
FEED = web.AppKey("webapp_feed", CatalogueFeed)


def webapp_path(settings: Settings) -> str:
    """Where the page is served: the path of WEBAPP_URL, ending with a slash."""
    path = urlsplit(str(settings.webapp_url)).path or "/"
    return path if path.endswith("/") else path + "/"


def add_webapp_routes(app: web.Application, dp: Dispatcher, bot: Bot) -> None:
    settings: Settings = dp["settings"]
    base = webapp_path(settings)
    gate = Gate(settings, dp["translator"], dp["users"])
    app[FEED] = CatalogueFeed(dp["catalogue"], dp["db"], settings.price_decimals, dp["translator"])
    shop = Shop(
        bot=bot,
        settings=settings,
        catalogue=dp["catalogue"],
        feed=app[FEED],
        users=dp["users"],
        payments=dp["payments"],
        topups=dp["topups"],
        checkout=dp["checkout"],
        pricer=dp["pricer"],
        amounts=dp["amounts"],
    )
    mine = MyOrders(
        bot=bot,
        orders=dp["orders"],
        refills=dp["refills"],
        panels=dp["panels"],
        lookups=dp["status_lookups"],
        follower=dp["follower"],
        news=dp["news"],
        alerts=dp["alerts"],
        catalogue=dp["catalogue"],
        amounts=dp["amounts"],
    )

    async def page(request: web.Request) -> web.FileResponse:
        return web.FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    async def placements_done(app: web.Application) -> None:
        # Stopping: placements still waiting on the panel record their outcome first.
        if shop.placing:
            await asyncio.wait(shop.placing, timeout=settings.panel_timeout + 10)

    async def to_page(request: web.Request) -> web.Response:
        # `static/app.js` is relative: from `/app` it would be looked for at `/static/`.
        raise web.HTTPPermanentRedirect(request.rel_url.with_path(base).with_query(request.query))

    api = base + "api/"
    app.router.add_get(base, page)
    if base != "/":
        app.router.add_get(base.rstrip("/"), to_page)
    app.router.add_static(base + "static/", STATIC, append_version=False)
    app.router.add_post(api + "me", gate(shop.me))
    app.router.add_get(api + "catalogue", gate(shop.catalogue))
    app.router.add_post(api + "quote", gate(shop.quote))
    app.router.add_post(api + "place", gate(shop.place))
    app.router.add_post(api + "total", gate(shop.total))
    app.router.add_get(api + "balance", gate(shop.balance))
    app.router.add_post(api + "topup", gate(shop.topup))
    app.router.add_get(api + "topups/{topup_id}", gate(shop.topup_state))
    app.router.add_get(api + "orders", gate(mine.list))
    app.router.add_get(api + "orders/{order_id}", gate(mine.one))
    app.router.add_post(api + "orders/{order_id}/refresh", gate(mine.refresh))
    app.router.add_post(api + "orders/{order_id}/cancel", gate(mine.cancel))
    app.router.add_post(api + "orders/{order_id}/refill", gate(mine.refill))
    app.on_shutdown.append(placements_done)
