// The catalogue: search as you type, filters, sorting; a page of results at a time.
import { fill, h, show } from "./dom.js";
import { categoryName, displayName, select } from "./search.js";

const PAGE = 50;

// The chat card's words for the service's average time (rendered by the server).
export function averageTime(app, service) {
  return app.t("webapp-average-time", { time: service.at[app.locale] || service.at.en });
}

export function priceText(app, service) {
  const price = app.numbers.money(service.p);
  const kind = app.catalogue.types[service.t];
  return app.t(kind && kind.package ? "webapp-package-price" : "webapp-per-1000", { price });
}

function serviceItem(app, service) {
  const category = app.categories.get(service.c);
  return h("li", { className: "service", dataset: { id: service.id }, onclick: () => app.go(`#/service/${service.id}`) },
    h("div", { className: "name" }, displayName(service, app.locale)),
    h("div", { className: "meta" }, category ? categoryName(category, app.locale) : ""),
    h("div", { className: "price" }, priceText(app, service)),
    service.a !== undefined ? h("div", { className: "meta" }, averageTime(app, service)) : null);
}

export function catalogueView(app, view) {
  const f = app.filters;
  const t = app.t;
  const list = h("ul", { className: "list", id: "results" });
  const count = h("p", { className: "hint", id: "count" });
  const more = h("button", { className: "quiet", id: "more", onclick: () => draw(shown + PAGE) }, t("webapp-show-more"));
  let found = [];
  let shown = 0;

  function draw(limit) {
    fill(list, found.slice(0, limit).map((s) => serviceItem(app, s)));
    shown = Math.min(limit, found.length);
    more.hidden = shown >= found.length;
  }

  function update() {
    found = select(app.catalogue.services, f);
    count.textContent = found.length ? t("webapp-results", { count: found.length }) : t("webapp-nothing-found");
    draw(PAGE);
  }

  const input = (name, props) => h("input", { ...props, id: name, value: f[name],
    oninput: (e) => { f[name] = e.target.value; update(); } });
  const check = (name, label) => h("label", {},
    h("input", { type: "checkbox", id: name, checked: f[name], onchange: (e) => { f[name] = e.target.checked; update(); } }),
    label);
  const options = (name, choices) => h("select", { id: name, onchange: (e) => { f[name] = e.target.value; update(); } },
    choices.map(([value, label]) => h("option", { value, selected: String(f[name]) === String(value) }, label)));

  const categories = [["", t("webapp-all-categories")],
    ...app.catalogue.categories.map((c) => [c.i, categoryName(c, app.locale)])];
  const sorts = [["popular", t("webapp-sort-popular")], ["price-up", t("webapp-sort-price-up")],
    ["price-down", t("webapp-sort-price-down")], ["name", t("webapp-sort-name")]];
  // The average time comes from our own finished orders: offered once there are some.
  if (app.catalogue.services.some((s) => s.a !== undefined)) sorts.splice(3, 0, ["fastest", t("webapp-sort-fastest")]);

  show(view,
    h("div", { className: "filters" },
      h("div", { className: "wide" }, input("query", { type: "search", placeholder: t("webapp-search"), autocomplete: "off" })),
      h("div", { className: "wide" }, options("category", categories)),
      check("refill", t("webapp-filter-refill")),
      check("dripfeed", t("webapp-filter-dripfeed")),
      input("priceFrom", { type: "number", min: "0", step: "any", placeholder: t("webapp-price-from") }),
      input("priceTo", { type: "number", min: "0", step: "any", placeholder: t("webapp-price-to") }),
      h("div", { className: "wide" }, options("sort", sorts))),
    count, list, more);
  update();
}
