// My orders: a status filter, each order's card with Refresh, Cancel, Refill, Order again.
import { fill, h, show } from "./dom.js";
import { ApiError } from "./api.js";
import { tg, mainButton } from "./telegram.js";


export function ordersView(app, view) {
  const t = app.t;
  mainButton(null);
  const list = h("ul", { className: "list", id: "orders" });
  const tabs = h("div", { className: "tabs" });

  function card(order) {
    const notice = h("p", { className: "hint notice" }, order.notice || "");
    const act = (action) => async () => {
      try {
        const answer = await app.api.act(order.id, action);
        item.replaceWith(card(answer.order));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        notice.textContent = error.message;
      }
    };
    const cancel = () => tg.showConfirm(t("webapp-cancel-sure"), (yes) => { if (yes) act("cancel")(); });
    const again = () => {
      app.draft = { serviceId: order.service_id, answers: { ...order.answers } };
      app.go(`#/service/${order.service_id}`);
    };
    const item = h("li", { className: "order", dataset: { id: order.id } },
      // The shop's number as the chat writes it: a name, not a figure ("#23501").
      h("div", { className: "name" }, t("webapp-order-number", { number: String(order.id) })),
      h("div", {}, order.service),
      h("div", { className: "meta" }, [order.link, app.numbers.number(order.quantity), order.charge].filter(Boolean).join(" · ")),
      h("div", { className: "status" }, order.status_text),
      order.remains !== null && !order.final ? h("div", { className: "meta" }, t("webapp-remains", { remains: order.remains })) : null,
      notice,
      h("div", { className: "actions" },
        order.can_refresh ? h("button", { className: "quiet", onclick: act("refresh") }, t("webapp-refresh")) : null,
        order.can_cancel ? h("button", { className: "quiet", onclick: cancel }, t("webapp-cancel-order")) : null,
        order.can_refill ? h("button", { className: "quiet", onclick: act("refill") }, t("webapp-refill-order")) : null,
        app.services.has(order.service_id) ? h("button", { className: "quiet", onclick: again }, t("webapp-order-again")) : null));
    return item;
  }

  async function load() {
    // The chat's filters, in its words.
    fill(tabs, Object.entries(app.me.filters).map(([name, label]) => h("button", {
      type: "button", "aria-pressed": String(app.ordersFilter === name), dataset: { status: name },
      onclick: () => { app.ordersFilter = name; load(); },
    }, label)));
    list.setAttribute("aria-busy", "true");
    const asked = app.ordersFilter;
    try {
      const answer = await app.api.orders(asked);
      // Tapped another filter meanwhile: that one's answer is the one to show.
      if (asked !== app.ordersFilter) return;
      fill(list, answer.orders.length ? answer.orders.map(card) : h("p", { className: "hint" }, t("webapp-orders-empty")));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      fill(list, h("p", { className: "error" }, error.message));
    } finally {
      if (asked === app.ordersFilter) list.setAttribute("aria-busy", "false");
    }
  }

  show(view, h("h1", {}, t("webapp-nav-orders")), tabs, list);
  load();
}
