// The page's texts, from the locale files (served by the API as parts: text, variables and
// plural choices resolved with the browser's plural rules, as Fluent would).
export function makeTexts(texts, locale) {
  const plurals = new Intl.PluralRules(locale);
  // Numbers grouped as Fluent groups them in the chat's messages (100,000; 100 000).
  const numbers = new Intl.NumberFormat(locale);
  function render(parts, args) {
    return parts.map((part) => {
      if (typeof part === "string") return part;
      if (part.var !== undefined) {
        const value = args[part.var];
        return typeof value === "number" ? numbers.format(value) : String(value ?? "");
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
