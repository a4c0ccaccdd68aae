// Search, filters and sorting over the whole catalogue, in the browser: a few milliseconds
// for 10,000 services, so results follow every keystroke.

// Apostrophe look-alikes are one letter (Uzbek writes oʻ and gʻ with U+02BB; people type ').
const APOSTROPHES = /['`\u2018\u2019\u02BB\u02BC]/g;

export function fold(text) {
  return String(text).toLocaleLowerCase().normalize("NFC").replace(APOSTROPHES, "'");
}

export function displayName(service, locale) {
  return (service.ln && service.ln[locale]) || service.n;
}

export function categoryName(category, locale) {
  return (category.ln && category.ln[locale]) || category.n;
}

// The market's words (bot/catalogue/synonyms.py, sent with the catalogue): a typed word
// that starts with a stem ("просмотров") or is a short form ("тг") also finds the panel's
// English words for it ("view", "telegram"), as the chat's search does.
let MARKET = [];
let PHRASES = [];

function meanings(word) {
  const found = [word];
  for (const [stems, short, panel] of MARKET) {
    if (short.includes(word) || stems.some((stem) => word.startsWith(stem))) found.push(...panel);
  }
  return found;
}

// Everything a service can be found by, in every language, folded once at load.
export function index(catalogue) {
  MARKET = (catalogue.market || []).map((term) => term.map((words) => words.map(fold)));
  PHRASES = Object.entries(catalogue.phrases || {}).map(([two, one]) => [fold(two), fold(one)]);
  const categories = new Map(catalogue.categories.map((c) => [c.i, c]));
  for (const service of catalogue.services) {
    const category = categories.get(service.c);
    const words = [service.n, ...Object.values(service.ln || {}), ...Object.values(service.d || {})];
    if (category) words.push(category.n, ...Object.values(category.ln || {}));
    service.haystack = fold(words.join(" \u0001 "));
    service.price = Number(service.p);
  }
  return catalogue;
}

export const SORTS = {
  popular: (a, b) => b.k - a.k || a.price - b.price,
  "price-up": (a, b) => a.price - b.price || b.k - a.k,
  "price-down": (a, b) => b.price - a.price || b.k - a.k,
  // Services no order has finished yet come last.
  fastest: (a, b) => (a.a ?? Infinity) - (b.a ?? Infinity) || b.k - a.k,
  name: (a, b) => a.n.localeCompare(b.n),
};

export function select(services, { query = "", category = "", refill = false, dripfeed = false,
  priceFrom = "", priceTo = "", sort = "popular" }) {
  let text = fold(query);
  for (const [two, one] of PHRASES) text = text.split(two).join(one);
  const words = text.split(/\s+/).filter(Boolean).map(meanings);
  const low = priceFrom === "" ? -Infinity : Number(priceFrom);
  const high = priceTo === "" ? Infinity : Number(priceTo);
  const wanted = category === "" ? null : Number(category);
  const found = services.filter((s) =>
    (wanted === null || s.c === wanted)
    && (!refill || s.r) && (!dripfeed || s.f)
    && s.price >= low && s.price <= high
    && words.every((either) => either.some((word) => s.haystack.includes(word))));
  return found.sort(SORTS[sort] || SORTS.popular);
}
