// The pattern GOV.UK Frontend uses for its components: one class per `data-module`, its
// options read from the markup, and a console error naming what is missing when the markup
// is not what the class needs (the page then keeps working without the enhancement).

export class ElementError extends Error {
  constructor(moduleName, what) {
    super(`${moduleName}: ${what} not found in the page's markup`);
    this.name = "ElementError";
  }
}

export class Component {
  // Each subclass sets `static moduleName`, the value of its root's data-module attribute.
  constructor(root) {
    if (!(root instanceof Element)) {
      throw new ElementError(this.constructor.moduleName, "the root element");
    }
    this.root = root;
  }

  get moduleName() { return this.constructor.moduleName; }

  // The element matching `selector` (inside the root unless told), or an error naming it.
  required(selector, description, within = this.root) {
    const found = within.querySelector(selector);
    if (!found) {
      throw new ElementError(this.moduleName, `${description} (\`${selector}\`)`);
    }
    return found;
  }

  // A data-* attribute of the root (`name` without "data-"), or an error naming it.
  requiredOption(name) {
    const value = this.root.getAttribute("data-" + name);
    if (value === null) {
      throw new ElementError(this.moduleName, `the data-${name} attribute on the root element`);
    }
    return value;
  }

  option(name, fallback = "") {
    const value = this.root.getAttribute("data-" + name);
    return value === null ? fallback : value;
  }
}

// One instance of `ComponentClass` for each element with its data-module, as GOV.UK
// Frontend's createAll: a component whose markup is wrong logs why and is left out.
export function createAll(ComponentClass, ...options) {
  const roots = document.querySelectorAll(`[data-module="${ComponentClass.moduleName}"]`);
  const created = [];
  roots.forEach((root) => {
    try {
      created.push(new ComponentClass(root, ...options));
    } catch (error) {
      console.error(error);
    }
  });
  return created;
}
