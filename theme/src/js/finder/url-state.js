// The finder's choices live in the URL only:  ?d=<difficulty>&d=...  &s=<setting>  &a=<adjustment>&a=...

const KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

// Lenient: a value may hold several keys separated by commas, in any case, with spaces.
function readList(params, name) {
  const keys = [];
  params.getAll(name).forEach((value) => {
    value.split(",").forEach((part) => {
      const key = part.trim().toLowerCase();
      if (KEY.test(key) && keys.indexOf(key) === -1) { keys.push(key); }
    });
  });
  return keys;
}

// The choice in a query string. `known` lists the keys allowed for d, s and a: unknown keys
// and garbled values are dropped, and difficulties come back in `known.d`'s order.
export function readChoice(search, known) {
  const params = new URLSearchParams(search);
  const d = readList(params, "d");
  const s = readList(params, "s").filter((key) => known.s.indexOf(key) !== -1);
  return {
    d: known.d.filter((key) => d.indexOf(key) !== -1),
    s: s[0] || "",
    a: readList(params, "a").filter((key) => known.a.indexOf(key) !== -1),
  };
}

// The query string for a choice ("" for none), in the order readChoice reads it.
export function queryOf(choice) {
  const params = new URLSearchParams();
  choice.d.forEach((key) => { params.append("d", key); });
  if (choice.s) { params.append("s", choice.s); }
  choice.a.forEach((key) => { params.append("a", key); });
  const text = params.toString();
  return text ? "?" + text : "";
}

export function sameChoice(one, other) { return queryOf(one) === queryOf(other); }
