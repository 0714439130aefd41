// Small DOM helpers for the estimator's modules: text is always text (never HTML).

export function h(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") node.className = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// A link to a guide page from a site-root-relative path given by Python; anything else stays plain text.
export function guideLink(base, path, text) {
  if (typeof path !== "string" || !/^[\w\-./#]+$/.test(path) || path.includes("//")) return text;
  return h("a", { href: new URL(path, base).href }, text);
}

// Replace a node's text only when it changed (no needless layout work).
export function setText(node, text) {
  if (node && node.textContent !== text) node.textContent = text;
}
