// A service's page with its order form, and the summary with Confirm (the Main button).
// The form shows each field the service's type asks (the server's table of steps, sent with
// the catalogue); the server checks every answer with the chat's own rules.
import { fill, h, show } from "./dom.js";
import { ApiError } from "./api.js";
import { categoryName, displayName } from "./search.js";
import { averageTime, priceText } from "./catalogue.js";
import { busy, mainButton } from "./telegram.js";

function asked(field, service, answers) {
  if (field.when === "dripfeed") return Boolean(service.f);
  if (field.when === "runs") return Boolean(service.f) && Number(answers.runs || 1) > 1;
  return field.when !== "never";
}

function hint(app, field, service) {
  const parts = [];
  if (field.list) parts.push(app.t("webapp-hint-lines"));
  if (field.bounds === "service") parts.push(app.t("webapp-hint-bounds", { min: service.min, max: service.max }));
  else if (field.max !== undefined) parts.push(app.t("webapp-hint-max", { max: field.max }));
  return parts.join(" ");
}

export function serviceView(app, view, id) {
  const t = app.t;
  const service = app.services.get(Number(id));
  if (!service) {
    show(view, h("p", { className: "error" }, t("webapp-error-service-not-found")));
    mainButton(null);
    return;
  }
  const kind = app.catalogue.types[service.t];
  const answers = app.draft && app.draft.serviceId === service.id ? app.draft.answers : {};
  app.draft = { serviceId: service.id, answers };
  const form = h("form", { id: "order-form", onsubmit: (e) => { e.preventDefault(); submit(); } });
  const errors = h("p", { className: "error", id: "form-error" });
  // Drip-feed: the quantity is per run, so the total and its price (the server's figures,
  // as the chat writes them) follow the runs as they are chosen.
  const dripTotal = h("p", { className: "hint", id: "dripfeed-total" });
  let totalAsked = 0;
  let totalTimer = null;
  function showTotal() {
    if (!service.f) return;
    clearTimeout(totalTimer); // asked once typing pauses, not per key
    totalTimer = setTimeout(async () => {
      const asked = ++totalAsked;
      let text = "";
      try {
        ({ text } = await app.api.total({ service_id: service.id, version: app.catalogue.version, answers }));
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
      }
      if (asked === totalAsked) dripTotal.textContent = text;
    }, 250);
  }

  function drawFields() {
    fill(form, kind.fields.filter((f) => asked(f, service, answers)).map((field) => {
      const id = `field-${field.name}`;
      const value = answers[field.name] ?? "";
      const onInput = (e) => {
        answers[field.name] = e.target.value;
        if (field.name === "quantity" || field.name === "runs") showTotal();
      };
      const control = field.list
        ? h("textarea", { id, name: field.name, value, oninput: onInput })
        : h("input", { id, name: field.name, value, autocomplete: "off", oninput: onInput,
          // A number pad for numbers (the steps with bounds, a maximum or choices).
          inputMode: field.bounds || field.max !== undefined || field.choices ? "numeric" : "text" });
      const choices = (field.choices || []).map((choice) => h("button", { type: "button", className: "quiet",
        onclick: () => { answers[field.name] = String(choice); drawFields(); } }, String(choice)));
      if (field.name === "runs") control.addEventListener("change", drawFields);
      const name = field.name === "quantity" && service.f ? "quantity-per-run" : field.name;
      const label = field.optional ? `${t(`webapp-field-${name}`)} (${t("webapp-optional")})` : t(`webapp-field-${name}`);
      return h("div", { className: "field", dataset: { field: field.name } },
        h("label", { htmlFor: id }, label), control,
        h("p", { className: "hint" }, hint(app, field, service)),
        choices.length ? h("div", { className: "choices" }, choices) : null,
        h("p", { className: "error", id: `error-${field.name}` }));
    }));
    showTotal();
  }

  async function submit() {
    errors.textContent = "";
    form.querySelectorAll(".field .error").forEach((p) => { p.textContent = ""; });
    let missing = false;
    for (const field of kind.fields.filter((f) => asked(f, service, answers))) {
      if (!field.optional && !String(answers[field.name] ?? "").trim()) {
        form.querySelector(`#error-${field.name}`).textContent = t("webapp-required");
        missing = true;
      }
    }
    if (missing) return;
    busy(true);
    try {
      await summarize(app, service, answers);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      errors.textContent = error.message;
      for (const [name, text] of Object.entries(error.details.fields || {})) {
        const slot = form.querySelector(`#error-${name}`);
        if (slot) slot.textContent = text;
      }
      if (error.code === "catalogue_changed") await app.reloadCatalogue();
    } finally {
      busy(false);
    }
  }

  const category = app.categories.get(service.c);
  const flags = [service.r && t("webapp-has-refill"), service.f && t("webapp-has-dripfeed"), service.x && t("webapp-has-cancel")];
  drawFields();
  show(view,
    h("h1", { id: "service-name" }, displayName(service, app.locale)),
    h("p", { className: "hint" }, category ? categoryName(category, app.locale) : ""),
    h("p", { className: "price" }, priceText(app, service)),
    app.catalogue.discount ? h("p", { className: "hint", id: "discount" }, t("webapp-discount", { discount: app.catalogue.discount })) : null,
    kind.package ? null : h("p", { className: "hint" }, t("webapp-limits", { min: service.min, max: service.max })),
    service.a !== undefined ? h("p", { className: "hint", id: "average-time" }, averageTime(app, service)) : null,
    flags.filter(Boolean).map((flag) => h("p", { className: "hint" }, `✓ ${flag}`)),
    service.d && (service.d[app.locale] || service.d.en) ? h("p", {}, service.d[app.locale] || service.d.en) : null,
    form, dripTotal, errors);
  mainButton(t("webapp-continue"), submit);
}

// The server prices the answers (and checks them): then the summary.
async function summarize(app, service, answers) {
  const quote = await app.api.quote({ service_id: service.id, version: app.catalogue.version, answers });
  app.quote = { ...quote, service, answers: { ...answers } };
  app.go("#/summary");
}

// The summary of the order in hand, priced again (after a top-up the balance has moved):
// shown at once when it can be, else the service's form says what changed.
export async function requote(app) {
  const { service, answers } = app.quote;
  try {
    await summarize(app, service, answers);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code === "catalogue_changed") await app.reloadCatalogue();
    app.go(`#/service/${service.id}`);
  }
}

export function summaryView(app, view) {
  const t = app.t;
  const quote = app.quote;
  if (!quote) {
    app.go("#/", true);
    return;
  }
  const numbers = app.numbers;
  const status = h("p", { id: "summary-status" });
  const balance = h("dd", { id: "summary-balance" }, quote.balance);
  const rows = [
    ["webapp-summary-service", displayName(quote.service, app.locale)],
    // A service without a link (a package of its own) has no row for it.
    quote.link ? ["webapp-summary-link", quote.link] : null,
    ["webapp-summary-quantity", numbers.number(quote.quantity)],
    quote.runs > 1 ? ["webapp-summary-runs", numbers.number(quote.runs)] : null,
    ["webapp-summary-charge", quote.charge],
  ].filter(Boolean);
  let placing = false;

  async function confirm() {
    if (placing) return; // a second tap while the first is on its way
    placing = true;
    busy(true);
    status.textContent = t("webapp-placing");
    try {
      const placed = await app.api.place({ token: quote.token, service_id: quote.service.id,
        version: app.catalogue.version, answers: quote.answers });
      status.textContent = placed.message;
      // Charged: the balance here and on every other screen is the one after the order.
      app.me.balance = placed.balance;
      balance.textContent = placed.balance;
      app.quote = null;
      app.draft = null;
      mainButton(t("webapp-nav-orders"), () => app.go("#/orders"));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      status.textContent = error.message;
      placing = error.code !== "already_placed" ? false : placing;
      busy(false);
      if (error.code === "catalogue_changed") await app.reloadCatalogue();
      if (error.code !== "insufficient_funds" && error.code !== "rate_limited") mainButton(null);
    }
  }

  // Short: a top-up per way of paying offered here, each covering what the order lacks.
  const offered = new Set(app.me.topup.map((offer) => offer.method));
  const covers = quote.enough ? [] : quote.covers.filter((cover) => offered.has(cover.method));
  const topup = (cover) => () => {
    app.topupFor = { ...cover, short: quote.short };
    app.go("#/balance");
  };
  show(view,
    h("h1", {}, t("webapp-summary-title")),
    h("dl", { className: "summary" },
      rows.flatMap(([key, value]) => [h("dt", {}, t(key)), h("dd", {}, value)]),
      h("dt", {}, t("webapp-summary-balance")), balance),
    quote.enough ? null : h("p", { className: "error", id: "short" }, t("webapp-short", { short: quote.short })),
    covers.length ? h("div", { className: "actions", id: "summary-topup" },
      covers.map((cover) => h("button", { dataset: { method: cover.method }, onclick: topup(cover) }, cover.label))) : null,
    status);
  if (quote.enough) mainButton(t("webapp-confirm", { charge: quote.charge }), confirm);
  else mainButton(null);
}
