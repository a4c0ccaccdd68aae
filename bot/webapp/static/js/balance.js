// The balance and a top-up: one section per way of paying the server offers (its title,
// presets and an amount typed; the page knows no method by name), paid the way the method
// says (Stars: Telegram's invoice, `openInvoice`). Opened from a short order summary, the
// amount the order lacks is filled in, and once the payment is credited the customer is
// back at that summary with Confirm, as the chat brings them back.
import { h, show } from "./dom.js";
import { ApiError } from "./api.js";
import { tg, mainButton } from "./telegram.js";
import { requote } from "./order.js";

// Seconds between asks whether a payment has been credited: the credit comes by its own
// way (Telegram tells the bot, not this page), usually within a second or two.
const WAITS = [0.5, 1, 1, 2, 2, 3, 5, 5, 10, 10, 15, 15, 30, 30, 60];

const sleep = (seconds) => new Promise((done) => setTimeout(done, seconds * 1000));

// What paying says: "paid", "cancelled", "failed" or "pending" (Telegram's words).
function open(offer, link) {
  if (offer.opens === "invoice") return new Promise((done) => tg.openInvoice(link, done));
  // The chat has what pays it (a card's details; the receipt is sent there): back to it.
  if (offer.opens === "chat") tg.close();
  // A Telegram link (@CryptoBot's invoice) opens inside Telegram, not in a browser.
  else if (link.startsWith("https://t.me/")) tg.openTelegramLink(link);
  else tg.openLink(link);
  return Promise.resolve("pending");
}

export function balanceView(app, view) {
  const t = app.t;
  const cover = app.topupFor; // { method, units, label, short }: from a short summary
  const status = h("p", { id: "topup-status", role: "status" });
  const amount = h("p", { id: "balance" }, t("webapp-balance", { balance: app.me.balance }));

  function balance(shown) {
    app.me.balance = shown;
    amount.textContent = t("webapp-balance", { balance: shown });
  }

  function failed(error) {
    if (!(error instanceof ApiError)) throw error;
    status.textContent = error.message;
  }

  // True once credited; false when it never will be (cancelled) or is long in coming.
  async function credited(topup) {
    for (const wait of WAITS) {
      await sleep(wait);
      const state = await app.api.topupState(topup);
      balance(state.balance);
      if (state.credited || state.cancelled) return state.credited;
    }
    return false;
  }

  async function pay(offer, units) {
    status.textContent = "";
    try {
      const topup = await app.api.topup(offer.method, units);
      const outcome = await open(offer, topup.link);
      if (outcome !== "paid" && outcome !== "pending") {
        status.textContent = t("webapp-topup-not-paid");
        return;
      }
      if (outcome === "paid") status.textContent = t("webapp-topup-paid");
      if (!(await credited(topup.topup))) {
        if (outcome !== "paid") status.textContent = t("webapp-topup-not-paid");
        return;
      }
      status.textContent = t("webapp-topup-done");
      // Still on this screen (not gone elsewhere meanwhile): back to the order it was for.
      if (cover && app.topupFor === cover && amount.isConnected) {
        app.topupFor = null;
        await requote(app);
      }
    } catch (error) {
      failed(error);
    }
  }

  // "3 600" or "3,600" as people type them: the language's digit groups go.
  const digits = (typed) => typed.replaceAll(app.me.numbers.group, "").replace(/[\s\u00a0\u202f]/g, "");

  function section(offer) {
    const covering = cover && cover.method === offer.method;
    const typed = h("input", { type: "text", inputMode: "numeric", autocomplete: "off",
      id: `units-${offer.method}`, placeholder: offer.other,
      value: covering ? app.numbers.number(cover.units) : "" });
    return h("section", { className: "method", dataset: { method: offer.method } },
      h("h2", {}, offer.title),
      h("p", { className: "hint" }, offer.hint),
      h("div", { className: "actions" }, offer.presets.map((preset) => h("button", { type: "button",
        dataset: { units: preset.units }, onclick: () => pay(offer, preset.units) }, preset.label))),
      h("form", { className: "actions", onsubmit: (e) => { e.preventDefault(); pay(offer, digits(typed.value)); } },
        typed, h("button", { type: "submit" }, t("webapp-topup"))));
  }

  const offers = app.me.topup;
  const covered = cover && offers.find((offer) => offer.method === cover.method);
  show(view,
    h("h1", {}, t("webapp-nav-balance")), amount,
    cover ? h("p", { className: "hint", id: "topup-for" }, t("webapp-topup-for-order", { short: cover.short })) : null,
    cover ? h("button", { className: "quiet", id: "back-to-order", onclick: () => app.go("#/summary") },
      t("webapp-back-to-order")) : null,
    offers.map(section),
    status);
  // From a summary: the top-up that covers the order is one tap away.
  if (covered) mainButton(cover.label, () => pay(covered, cover.units));
  else mainButton(null);
  // Asked again each time: an order, a refund or a payment since has changed it.
  app.api.balance().then((answer) => balance(answer.balance), failed);
}
