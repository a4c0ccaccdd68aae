// Numbers and money as the chat writes them. The server hands the language's way of
// writing them (`number_shape` in bot/formats.py: the same CLDR data the chat's messages are
// written with), so "80 000 сум" reads the same in the chat and here; the browser's own
// Intl data may lack a language (Uzbek) or differ in a detail. Amounts travel as exact
// decimal strings ("80000", "72.50"), never as floats.
const DECIMAL = /^(-?)([0-9]+)(?:\.([0-9]+))?$/;

export function makeNumbers(shape) {
  const [primary, secondary] = shape.grouping;

  function grouped(whole) {
    // As Babel groups: the last `primary` digits, then `secondary` at a time.
    let rest = whole;
    let size = primary;
    const groups = [];
    while (rest.length > size) {
      groups.unshift(rest.slice(-size));
      rest = rest.slice(0, -size);
      size = secondary;
    }
    groups.unshift(rest);
    return groups.join(shape.group);
  }

  function parts(value) {
    const text = typeof value === "number" ? (Number.isFinite(value) ? String(value) : "") : String(value ?? "");
    return DECIMAL.exec(text);
  }

  // A count or a figure: every decimal it has.
  function number(value) {
    const match = parts(value);
    if (!match) return "";
    const [, sign, whole, fraction] = match;
    return sign + grouped(whole) + (fraction ? shape.decimal + fraction : "");
  }

  // An amount of the shop's money, rounded already to the shop's decimals by the server:
  // written with exactly that many, and the currency where the language puts it.
  function money(value) {
    const match = parts(value);
    if (!match) return "";
    const [, sign, whole, fraction = ""] = match;
    const places = shape.money.decimals;
    const cents = fraction.padEnd(places, "0").slice(0, places);
    const figure = grouped(whole) + (places ? shape.decimal + cents : "");
    return sign + shape.money.prefix + figure + shape.money.suffix;
  }

  return { number, money };
}
