// The Mini App: boot (who the customer is, their texts, the catalogue), then one view per
// address: #/ the catalogue, #/service/ID, #/summary, #/orders, #/balance.
import { h, show } from "./js/dom.js";
import { makeApi } from "./js/api.js";
import { makeTexts } from "./js/i18n.js";
import { makeNumbers } from "./js/numbers.js";
import { index } from "./js/search.js";
import { applyTheme, backButton, mainButton, tg } from "./js/telegram.js";
import { catalogueView } from "./js/catalogue.js";
import { serviceView, summaryView } from "./js/order.js";
import { ordersView } from "./js/orders.js";
import { balanceView } from "./js/balance.js";

const view = document.getElementById("view");

const app = {
  filters: { query: "", category: "", refill: false, dripfeed: false, priceFrom: "", priceTo: "", sort: "popular" },
  ordersFilter: "all",
  draft: null,
  quote: null,
  topupFor: null, // the top-up a short summary asked for, until it is paid or left
  go(hash, replace = false) {
    if (replace) history.replaceState(null, "", hash);
    else location.hash = hash;
    if (replace) route();
  },
  async reloadCatalogue() {
    app.catalogue = index(await app.api.catalogue());
    app.services = new Map(app.catalogue.services.map((s) => [s.id, s]));
    app.categories = new Map(app.catalogue.categories.map((c) => [c.i, c]));
  },
};

function route() {
  const [, page = "", id] = location.hash.split("/");
  const up = page === "summary" && app.quote ? `#/service/${app.quote.service.id}` : "#/";
  backButton(page === "" ? null : up);
  for (const link of document.querySelectorAll("#nav a")) {
    link.classList.toggle("current", link.dataset.nav === (page || "catalogue"));
  }
  window.scrollTo(0, 0);
  // A top-up for an order is one the customer goes to from its summary, or none.
  if (page !== "balance") app.topupFor = null;
  if (page === "service") serviceView(app, view, id);
  else if (page === "summary") summaryView(app, view);
  else if (page === "orders") ordersView(app, view);
  else if (page === "balance") balanceView(app, view);
  else catalogueView(app, view);
}

// initData too old (or not Telegram's): Telegram gives an open page no fresh initData, so
// the way on is to open the shop again from the bot. The refusal says so in the customer's
// language and brings the label of a button that closes the page.
function signedOut(error) {
  mainButton(null);
  backButton(null);
  document.getElementById("nav").hidden = true;
  const close = error.details && error.details.close;
  show(view,
    h("p", { className: "error", id: "fatal" }, error.message),
    close ? h("button", { id: "reopen", onclick: () => tg.close() }, close) : null);
}

async function boot() {
  if (!tg || !tg.initData) {
    show(view, h("p", { className: "error", id: "fatal" }, "Please open the shop from the bot in Telegram."));
    return;
  }
  tg.ready();
  tg.expand();
  applyTheme();
  app.api = makeApi(tg.initData, signedOut);
  try {
    const [me] = await Promise.all([app.api.me(), app.reloadCatalogue()]);
    app.me = me;
  } catch (error) {
    if (error.status !== 401) show(view, h("p", { className: "error", id: "fatal" }, error.message));
    return;
  }
  app.locale = app.me.locale;
  app.numbers = makeNumbers(app.me.numbers);
  app.t = makeTexts(app.me.texts, app.locale, app.numbers);
  document.documentElement.lang = app.locale;
  document.title = app.t("webapp-title");
  for (const link of document.querySelectorAll("#nav a")) link.textContent = app.t(`webapp-nav-${link.dataset.nav}`);
  document.getElementById("nav").hidden = false;
  window.addEventListener("hashchange", route);
  // Opened from a service card in the chat: that service's page first.
  const service = new URLSearchParams(location.search).get("service");
  if (service && /^[0-9]+$/.test(service)) history.replaceState(null, "", `#/service/${service}`);
  route();
  // On screen at the next frame: what bench/webapp.py reads as the catalogue's first paint.
  requestAnimationFrame(() => {
    performance.mark("catalogue-shown");
    document.body.dataset.ready = "1";
  });
}

boot();
