// Elements built from data: text always goes in as text, never as HTML, so a service name
// or a link from anyone cannot become markup.

// What may be put on a screen: nodes, and text from strings and numbers. Nothing else is
// written out: `null`, `undefined` and `false` stand for "no such part" (`cond ? h(...) : null`),
// and an object or NaN is a mistake that must not reach a customer as "[object Object]".
function nodes(children) {
  const kept = [];
  for (const child of children.flat(Infinity)) {
    if (child instanceof Node) kept.push(child);
    else if (typeof child === "string") kept.push(child);
    else if (typeof child === "number" && Number.isFinite(child)) kept.push(String(child));
    else if (child !== null && child !== undefined && child !== false && child !== "") {
      console.error("not shown:", child);
    }
  }
  return kept;
}

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (key in element && key !== "list") element[key] = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  element.append(...nodes(children));
  return element;
}

// Every screen and list is filled through here (or `h`), never with `replaceChildren`
// itself, which writes a null child out as the text "null".
export function fill(element, ...children) {
  element.replaceChildren(...nodes(children));
}

export function show(view, ...children) {
  fill(view, ...children);
}
