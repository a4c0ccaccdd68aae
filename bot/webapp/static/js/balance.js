// The balance and a top-up with Telegram Stars: the server makes an invoice link, Telegram
// shows it (openInvoice), and the chat's payment handler credits it. Every other way of
// paying that is on follows (`me.methods`): a provider's link for a typed amount (crypto),
// or a hand-over to the chat, where the bot has sent that method's offer (a card transfer).
import { h, show } from "./dom.js";
import { ApiError } from "./api.js";
import { tg, mainButton } from "./telegram.js";

export function balanceView(app, view) {
  const t = app.t;
  mainButton(null);
  const status = h("p", { id: "topup-status" });
  const amount = h("p", { id: "balance" }, t("webapp-balance", { balance: app.me.balance }));

  async function topup(stars) {
    status.textContent = "";
    try {
      const invoice = await app.api.topup(stars);
      tg.openInvoice(invoice.link, async (outcome) => {
        status.textContent = t(outcome === "paid" ? "webapp-topup-paid" : "webapp-topup-not-paid");
        app.me = await app.api.me();
        amount.textContent = t("webapp-balance", { balance: app.me.balance });
      });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = error.message;
    }
  }

  const other = h("input", { id: "stars", type: "number", min: app.me.topup.min, max: app.me.topup.max,
    placeholder: t("webapp-topup-other") });
  show(view,
    h("h1", {}, t("webapp-nav-balance")), amount,
    h("h2", {}, t("webapp-topup-title")),
    h("p", { className: "hint" }, t("webapp-topup-rate", { rate: app.me.topup.rate })),
    h("div", { className: "actions" }, app.me.topup.presets.map((stars) =>
      h("button", { dataset: { stars }, onclick: () => topup(stars) }, t("webapp-topup-stars", { stars })))),
    h("form", { className: "actions", onsubmit: (e) => { e.preventDefault(); topup(Number(other.value)); } },
      other, h("button", { type: "submit" }, t("webapp-topup"))),
    ...otherWays(app, status),
    status);
}

function otherWays(app, status) {
  const t = app.t;
  const others = (app.me.methods || []).filter((method) => method.kind !== "invoice");
  if (!others.length) return [];
  async function pay(method, amount) {
    status.textContent = "";
    try {
      const answer = await app.api.pay(method.name, amount);
      if (answer.link) {
        tg.openTelegramLink(answer.link);
        status.textContent = t("webapp-topup-opened");
      } else {
        status.textContent = t("webapp-topup-in-chat");
      }
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = error.message;
    }
  }
  return [h("h2", {}, t("webapp-topup-other-ways")), ...others.map((method) => {
    if (method.kind !== "link") {
      return h("div", { className: "actions" },
        h("button", { dataset: { method: method.name }, onclick: () => pay(method) }, method.label));
    }
    const amount = h("input", { id: `amount-${method.name}`, inputMode: "decimal",
      placeholder: t("webapp-topup-amount") });
    return h("form", { className: "actions", dataset: { method: method.name },
      onsubmit: (e) => { e.preventDefault(); pay(method, amount.value); } },
      h("p", { className: "hint" }, method.label, " · ", method.hint || ""),
      amount, h("button", { type: "submit" }, t("webapp-topup-pay")));
  })];
}
