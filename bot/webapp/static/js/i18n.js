// The page's texts, from the locale files (served by the API as parts: text, variables and
// plural choices resolved with the browser's plural rules, as Fluent would). Numbers are
// written by `numbers` (the chat's grouping, bot/formats.py), not the browser's own data.
export function makeTexts(texts, locale, numbers) {
  const plurals = new Intl.PluralRules(locale);
  function render(parts, args) {
    return parts.map((part) => {
      if (typeof part === "string") return part;
      if (part.var !== undefined) {
        const value = args[part.var];
        if (typeof value === "number") return numbers.number(value);
        // A value missing is a blank, never the word "undefined" on a customer's screen.
        return value === undefined || value === null ? "" : String(value);
      }
      const value = args[part.select];
      const variants = part.variants;
      const exact = variants[String(value)];
      const chosen = exact || variants[plurals.select(Number(value))] || variants[part.default];
      return render(chosen, args);
    }).join("");
  }
  return (key, args = {}) => (texts[key] ? render(texts[key], args) : key);
}
