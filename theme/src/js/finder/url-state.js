// The finder's choices live in the URL only:
//   ?d=<difficulty>&d=...  &h=<situation>&h=... (what exactly is hard)  &s=<setting>
//   &f=no-cost&f=access-to-work (filters)  &a=<adjustment>&a=... (the plan)

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

export const FILTERS = ["no-cost", "access-to-work"];

// The choice in a query string. `known` lists the keys allowed for d, s and a, and h (with
// `known.parent`, each situation's difficulty) where situations are asked: unknown keys and
// garbled values are dropped, a situation brings its difficulty, and difficulties and
// situations come back in `known`'s order.
export function readChoice(search, known) {
  const params = new URLSearchParams(search);
  const h = readList(params, "h");
  const situations = (known.h || []).filter((key) => h.indexOf(key) !== -1);
  const d = readList(params, "d").concat(situations.map((key) => known.parent[key]));
  const s = readList(params, "s").filter((key) => known.s.indexOf(key) !== -1);
  const f = readList(params, "f");
  return {
    d: known.d.filter((key) => d.indexOf(key) !== -1),
    h: situations,
    s: s[0] || "",
    f: FILTERS.filter((key) => f.indexOf(key) !== -1),
    a: readList(params, "a").filter((key) => known.a.indexOf(key) !== -1),
  };
}

// The query string for a choice ("" for none), in the order readChoice reads it.
export function queryOf(choice) {
  const params = new URLSearchParams();
  choice.d.forEach((key) => { params.append("d", key); });
  (choice.h || []).forEach((key) => { params.append("h", key); });
  if (choice.s) { params.append("s", choice.s); }
  (choice.f || []).forEach((key) => { params.append("f", key); });
  choice.a.forEach((key) => { params.append("a", key); });
  const text = params.toString();
  return text ? "?" + text : "";
}

export function sameChoice(one, other) { return queryOf(one) === queryOf(other); }

// `href` with its filters (f=) replaced by `filters`: a link onwards keeps the boxes ticked.
export function withFilters(href, filters) {
  const url = new URL(href);
  url.searchParams.delete("f");
  filters.forEach((key) => { url.searchParams.append("f", key); });
  return url.href;
}
