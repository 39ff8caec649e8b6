// A small sharded index in the format plugins/search/shards.py writes, built in memory from
// a lunr.js index of a few documents, with fetch() answering from it. Tiers are tiny, so
// ranking has to use cuts, memberships and later tiers as it does on the real site.
import "./lunr-global.js";

const lunr = globalThis.lunr;
let sites = 0;   // each site gets its own address: fetched files are cached by URL

// docs: [{title, body, type}] (type: "guidance" or "case-studies", in that order).
export function tinySite(docs, { firstTier = 2, growth = 2, shardTerms = 4 } = {}) {
  const unsplit = lunr(function () {
    this.ref("id");
    this.field("title", { boost: 4 });
    this.field("body");
    docs.forEach((doc, id) => { this.add({ id: String(id), title: doc.title, body: doc.body }); });
  });
  const url = "https://hub.test/site-" + ++sites + "/search/index/";
  const json = unsplit.toJSON();
  const fields = json.fields;
  const terms = [];   // by term number (lunr's _index, the order terms were first seen)
  json.invertedIndex.forEach(([term, posting]) => { terms[posting._index] = term; });
  const postings = terms.map(() => []);
  json.fieldVectors.forEach(([key, elements]) => {
    const [field, ref] = key.split("/");
    for (let i = 0; i < elements.length; i += 2) {
      postings[elements[i]].push({ field: fields.indexOf(field), doc: +ref,
                                   milli: Math.round(elements[i + 1] * 1000) });
    }
  });
  const files = new Map();
  const heads = terms.map((term, number) => head(term, number, postings[number], docs.length,
                                                 firstTier, growth, files));
  const order = terms.map((_, n) => n).sort((a, b) => (terms[a] < terms[b] ? -1 : 1));
  const shards = [];
  for (let i = 0; i < order.length; i += shardTerms) {
    const group = order.slice(i, i + shardTerms);
    const name = "s" + shards.length + ".json";
    files.set(name, group.map((n) => heads[n]));
    shards.push([terms[group[0]], name]);
  }
  const byLength = new Map();
  terms.forEach((term) => { byLength.set(term.length, (byLength.get(term.length) || []).concat(term)); });
  const vocabulary = Array.from(byLength.keys()).sort((a, b) => a - b).map((length) => {
    files.set("v" + length + ".json", byLength.get(length).sort());
    return [length, "v" + length + ".json"];
  });
  docs.forEach((doc, id) => {
    files.set("r/" + id + ".json", { d: id, u: "page-" + id + "/", t: doc.title, k: doc.type,
                                     p: id, o: [], r: [[null, "", doc.body]] });
  });
  const types = ["guidance", "case-studies"].map((key) => {
    const ids = docs.map((doc, id) => (doc.type === key ? id : -1)).filter((id) => id >= 0);
    return [key, key === "guidance" ? "Guidance" : "Case studies",
            ids.length ? ids[0] : 0, ids.length ? ids[ids.length - 1] + 1 : 0];
  });
  const manifest = { fields, documents: docs.length, shards, vocabulary, types, synonyms: [],
                     records: { sizes: docs.map(() => 1), folder: "r" },
                     pageSizes: docs.map(() => 1) };
  files.set("manifest.json", manifest);
  return { url, manifest, files, unsplit };
}

// [term, number, first tier, membership or 0, [[tail file, cut], ...]]
function head(term, number, list, size, firstTier, growth, files) {
  const impact = new Map();
  list.forEach((p) => { impact.set(p.doc, (impact.get(p.doc) || 0) + p.milli); });
  const ranked = Array.from(impact.keys()).sort((a, b) => impact.get(b) - impact.get(a) || a - b);
  const tiers = [];
  for (let start = 0, length = firstTier; start < ranked.length; start += length, length *= growth) {
    tiers.push(ranked.slice(start, start + length));
  }
  const raw = tiers.map((docs) => tierRaw(list.filter((p) => docs.includes(p.doc))));
  const tails = tiers.slice(1).map((docs, i) => {
    const name = "t" + number + "-" + (i + 1) + ".json";
    files.set(name, raw[i + 1]);
    return [name, Math.max(...docs.map((doc) => impact.get(doc)))];
  });
  const members = tails.length ? deltas(ranked.slice().sort((a, b) => a - b)) : 0;
  return [term, number, raw[0] || [], members, tails];
}

function tierRaw(list) {
  const byField = new Map();
  list.forEach((p) => { byField.set(p.field, (byField.get(p.field) || []).concat(p)); });
  return Array.from(byField.keys()).sort().map((field) => {
    const sorted = byField.get(field).sort((a, b) => a.doc - b.doc);
    return [field, deltas(sorted.map((p) => p.doc)), sorted.map((p) => p.milli)];
  });
}

function deltas(numbers) { return numbers.map((n, i) => n - (i ? numbers[i - 1] : 0)); }

// fetch() answering from `files` (JSON values by name under the index URL).
export function serve(site) {
  globalThis.fetch = async (url) => {
    const name = String(url).replace(site.url, "");
    const found = site.files.has(name);
    return { ok: found, status: found ? 200 : 404,
             json: async () => structuredClone(site.files.get(name)) };
  };
}
