// Building elements: text always goes in with textContent, never as HTML.

export function element(name, attributes = {}, text) {
  const node = document.createElement(name);
  Object.keys(attributes).forEach((key) => { node.setAttribute(key, attributes[key]); });
  if (text !== undefined) { node.textContent = text; }
  return node;
}
