"""Headless Chromium (Debian's `chromium` package) driven by Playwright, with a stand-in for
Telegram's `telegram-web-app.js`: the page gets the `window.Telegram.WebApp` it expects,
with initData signed as Telegram signs it, and the test presses its Main and Back buttons.

Nothing is downloaded: Playwright is given the system browser, and the one address outside
127.0.0.1 the page asks for (Telegram's script) is answered by the test.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aiogram import Bot, Dispatcher
from aiohttp.test_utils import TestServer

from bot.catalogue import Catalogue
from bot.ops.server import public_app

if TYPE_CHECKING:
    from playwright.async_api import ViewportSize

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TELEGRAM_SCRIPT = "https://telegram.org/js/telegram-web-app.js"
MISSING = f"no {CHROMIUM}: Mini App browser tests skipped (apt-get install chromium)"
# A common phone's screen in CSS pixels (an iPhone 12 to 15).
PHONE: ViewportSize = {"width": 390, "height": 844}
THEME = {
    "bg_color": "#17212b",
    "text_color": "#f5f5f5",
    "hint_color": "#708499",
    "link_color": "#6ab3f3",
    "button_color": "#5288c1",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#232e3c",
}

# Telegram's WebApp object, as much of it as the page uses; presses are recorded.
FAKE_WEBAPP = """
(() => {
  const button = () => ({
    text: "", isVisible: false, isActive: true, isProgressVisible: false, handlers: [],
    setParams(p) {
      if (p.text !== undefined) this.text = p.text;
      if (p.is_visible !== undefined) this.isVisible = p.is_visible;
      if (p.is_active !== undefined) this.isActive = p.is_active;
      return this;
    },
    setText(text) { this.text = text; return this; },
    show() { this.isVisible = true; return this; },
    hide() { this.isVisible = false; return this; },
    enable() { this.isActive = true; return this; },
    disable() { this.isActive = false; return this; },
    showProgress() { this.isProgressVisible = true; return this; },
    hideProgress() { this.isProgressVisible = false; return this; },
    onClick(f) { this.handlers.push(f); return this; },
    offClick(f) { this.handlers = this.handlers.filter((h) => h !== f); return this; },
    // As Telegram does: a hidden or inactive button does nothing.
    press() { if (this.isVisible && this.isActive) this.handlers.slice().forEach((h) => h()); },
  });
  window.Telegram = { WebApp: {
    initData: INIT_DATA, themeParams: THEME, colorScheme: "dark", platform: "tdesktop",
    MainButton: button(), BackButton: button(), invoices: [], confirms: [], links: [],
    openLink(url) { this.links.push(url); }, openTelegramLink(url) { this.links.push(url); },
    ready() {}, expand() {}, closed: false, close() { this.closed = true; },
    showConfirm(text, callback) { this.confirms.push(text); callback(true); },
    // Paid at once; with `holdInvoices` set, when the test says (`settleInvoice`), as a
    // customer who pays while the bot's credit is still on its way.
    holdInvoices: false, pendingInvoice: null,
    openInvoice(url, callback) {
      this.invoices.push(url);
      if (this.holdInvoices) this.pendingInvoice = callback; else callback("paid");
    },
    settleInvoice(outcome) {
      const callback = this.pendingInvoice;
      this.pendingInvoice = null;
      callback(outcome);
    },
  } };
})();
"""


def have_chromium() -> bool:
    return CHROMIUM.exists()


@asynccontextmanager
async def chromium_page(
    url: str, init_data: str, viewport: ViewportSize | None = None
) -> AsyncIterator[Any]:
    """A fresh headless Chromium (its own profile folder) showing the Mini App at `url`, at
    a phone's size unless `viewport` says otherwise."""
    from playwright.async_api import async_playwright

    profile = tempfile.mkdtemp(prefix="miniapp-chromium-")
    script = FAKE_WEBAPP.replace("INIT_DATA", json.dumps(init_data)).replace(
        "THEME", json.dumps(THEME)
    )
    try:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=ARGS,
                viewport=viewport or PHONE,
            )
            try:

                async def answer(route: Any) -> None:
                    request_url = route.request.url
                    if request_url == TELEGRAM_SCRIPT:
                        await route.fulfill(body=script, content_type="text/javascript")
                    elif request_url.startswith("http://127.0.0.1"):
                        await route.continue_()
                    else:  # nothing leaves this machine
                        await route.abort()

                await context.route("**/*", answer)
                page = context.pages[0] if context.pages else await context.new_page()
                await page.goto(url)
                yield page
            finally:
                await context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


@asynccontextmanager
async def serving(dp: Dispatcher, bot: Bot) -> AsyncIterator[str]:
    """The bot's public server on 127.0.0.1 with the catalogue loaded: the page's address."""
    catalogue: Catalogue = dp["catalogue"]
    await catalogue.refresh()
    server = TestServer(public_app(dp, bot))
    await server.start_server()
    try:
        yield str(server.make_url("/app/"))
    finally:
        await server.close()


async def ready(page: Any) -> None:
    """Wait until the page has loaded the customer and the catalogue."""
    await page.wait_for_selector("body[data-ready='1']", timeout=30_000)


async def until(page: Any, expression: str, seconds: float = 30.0) -> None:
    """Wait until `expression` is true in the page (the page's CSP forbids the `eval` behind
    Playwright's own `wait_for_function`)."""
    async with asyncio.timeout(seconds):
        # Asked of the browser: there is no event on this side to wait for.
        while not await page.evaluate(expression):  # noqa: ASYNC110
            await asyncio.sleep(0.05)


async def press_main_button(page: Any, text: str | None = None) -> None:
    main = await page.evaluate("Telegram.WebApp.MainButton.text")
    if text is not None:
        assert main == text
    await page.evaluate("Telegram.WebApp.MainButton.press()")
