// The sharded index as the browser sees it: which files hold which terms, loading them, and
// the loaded postings as a small lunr index (see plugins/search/shards.py for the files).
//
// The index is split by term range into shards. A query fetches the shards holding its
// terms, builds a small lunr index from just those postings and lets lunr.js score it, so
// results and scores are those of one unsplit lunr index. Frequent terms come in
// impact-ordered tiers: more tiers load only when the first ones do not settle the results
// (see rank.js).

import { fetchJSON } from "../shared/fetch-json.js";
import { decodeMembers, decodeTier, lastNotAfter } from "./decode.js";
import { expand, lunr } from "./lunr.js";
import { rank } from "./rank.js";

export class Index {
  constructor(url, manifest) {
    this.url = url;
    this.manifest = manifest;
    this.fields = manifest.fields;
    this.size = manifest.documents;
    this.firstTerms = manifest.shards.map((shard) => shard[0]);
    this.heads = Object.create(null);
    this.shardsLoaded = new Set();
    this.vocabulary = Object.create(null);   // length -> list of terms
    // The loaded terms as lunr token sets, one per shard and one per vocabulary length, each
    // built once when it loads: clauses are expanded against them.
    this.termSets = [];
    this.pipeline = lunr.Pipeline.load(["stemmer"]);
    this.pageOf = new Int32Array(this.size);
    this.pageFirst = [];
    this.packFirst = [];
    let doc = 0;
    manifest.records.sizes.forEach((count) => {
      this.packFirst.push(doc);
      doc += count;
    });
    doc = 0;
    manifest.pageSizes.forEach((count, page) => {
      this.pageFirst.push(doc);
      for (let i = 0; i < count; i++) { this.pageOf[doc++] = page; }
    });
  }

  // The shard that would hold `term`: the last whose first term is not after it.
  shardFor(term) { return lastNotAfter(this.firstTerms, term); }

  loadShard(number) {
    return fetchJSON(this.url + this.manifest.shards[number][1]).then((heads) => {
      if (!this.shardsLoaded.has(number)) {
        heads.forEach((raw) => {
          this.heads[raw[0]] = { term: raw[0], index: raw[1], tiers: [decodeTier(raw[2])],
            rawMembers: raw[3], tails: raw[4], members: null, loadedDocs: null };
        });
        this.shardsLoaded.add(number);
        this.addTermSet(heads.map((raw) => raw[0]));
      }
    });
  }

  loadVocabulary(length) {
    const entry = this.manifest.vocabulary.filter((v) => v[0] === length)[0];
    if (!entry || this.vocabulary[length]) { return Promise.resolve(); }
    return fetchJSON(this.url + entry[1]).then((terms) => {
      if (!this.vocabulary[length]) {
        this.vocabulary[length] = terms;
        this.addTermSet(terms);
      }
    });
  }

  loadTail(head) {
    const tier = head.tiers.length;
    return fetchJSON(this.url + head.tails[tier - 1][0]).then((raw) => {
      if (head.tiers.length === tier) {
        head.tiers.push(decodeTier(raw));
        head.loadedDocs = null;
      }
    });
  }

  complete(head) { return head.tiers.length > head.tails.length; }

  // The highest impact (sum of field weights) of any posting not yet loaded.
  cut(head) {
    return this.complete(head) ? 0 : head.tails[head.tiers.length - 1][1] / 1000;
  }

  members(head) {
    if (!head.members) {
      head.members = head.rawMembers ? decodeMembers(head.rawMembers, this.size)
        : this.loadedDocs(head);
    }
    return head.members;
  }

  loadedDocs(head) {
    if (!head.loadedDocs) {
      const bits = new Uint8Array(this.size);
      head.tiers.forEach((tier) => {
        tier.forEach((list) => { list.docs.forEach((doc) => { bits[doc] = 1; }); });
      });
      head.loadedDocs = bits;
    }
    return head.loadedDocs;
  }

  addTermSet(terms) {
    this.termSets.push(lunr.TokenSet.fromArray(terms.slice().sort()));
  }

  clauseTerms(clause) {
    return clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields })
      : [clause.term];
  }

  // Fetch the shards (and for fuzzy or leading wildcards, the vocabulary) that hold every
  // term the clauses can expand to. Afterwards expanding against termSets is exact.
  loadHeads(clauses) {
    const shards = new Set(), lengths = new Set(), byVocabulary = [];
    const longest = this.manifest.vocabulary.reduce((most, v) => Math.max(most, v[0]), 0);
    clauses.forEach((clause) => {
      this.clauseTerms(clause).forEach((term) => {
        const star = term.indexOf("*"), distance = clause.editDistance || 0;
        if (distance === 0 && star === -1) {
          if (this.shardFor(term) >= 0) { shards.add(this.shardFor(term)); }
        } else if (distance === 0 && star > 0) {
          const prefix = term.slice(0, star), low = Math.max(0, this.shardFor(prefix));
          for (let i = low; i <= this.shardFor(prefix + "\uffff"); i++) { shards.add(i); }
        } else {
          const length = term.replace(/\*/g, "").length;
          const top = star === -1 ? length + distance : longest;
          for (let i = Math.max(1, length - distance); i <= top; i++) { lengths.add(i); }
          byVocabulary.push([clause, term]);
        }
      });
    });
    const first = Array.from(shards, (n) => this.loadShard(n))
      .concat(Array.from(lengths, (l) => this.loadVocabulary(l)));
    return Promise.all(first).then(() => {
      const more = new Set();
      byVocabulary.forEach(([clause, term]) => {
        expand(this.termSets, clause, term).forEach((found) => {
          if (!(found in this.heads)) { more.add(this.shardFor(found)); }
        });
      });
      return Promise.all(Array.from(more, (n) => this.loadShard(n)));
    });
  }

  // A term's loaded postings as lunr wants them, kept until another tier loads.
  postings(head) {
    if (!head.cached || head.cached.tiers !== head.tiers.length) {
      const posting = { _index: head.index }, keys = [], docs = [], weights = [];
      this.fields.forEach((field) => { posting[field] = Object.create(null); });
      head.tiers.forEach((tier) => {
        tier.forEach((list) => {
          const field = this.fields[list.field], fieldPosting = posting[field];
          for (let i = 0; i < list.docs.length; i++) {
            fieldPosting[list.docs[i]] = {};
            keys.push(field + "/" + list.docs[i]);
            docs.push(list.docs[i]);
            weights.push(list.weights[i]);
          }
        });
      });
      head.cached = { tiers: head.tiers.length, posting, keys,
                      docs: Int32Array.from(docs), weights: Float64Array.from(weights) };
    }
    return head.cached;
  }

  // A lunr index holding only the loaded postings of `terms` (of the documents in `only`,
  // when given): enough to score exactly every document whose postings are all loaded.
  partialIndex(terms, only) {
    const inverted = Object.create(null), elements = Object.create(null);
    // Terms in lunr's term order, so each vector's elements come out sorted.
    terms.slice().sort((a, b) => this.heads[a].index - this.heads[b].index)
      .forEach((term) => {
        const head = this.heads[term], cached = this.postings(head);
        let posting = cached.posting;
        if (only) {
          posting = { _index: head.index };
          this.fields.forEach((field) => { posting[field] = Object.create(null); });
        }
        for (let i = 0; i < cached.docs.length; i++) {
          if (only && !only[cached.docs[i]]) { continue; }
          const key = cached.keys[i];
          if (only) { posting[key.slice(0, key.indexOf("/"))][cached.docs[i]] = {}; }
          (elements[key] = elements[key] || []).push(head.index, cached.weights[i]);
        }
        inverted[term] = posting;
      });
    const fieldVectors = Object.create(null);
    Object.keys(elements).forEach((key) => {
      fieldVectors[key] = new lunr.Vector(elements[key]);
    });
    return new lunr.Index({
      invertedIndex: inverted, fieldVectors, fields: this.fields,
      tokenSet: lunr.TokenSet.fromArray(terms.slice().sort()), pipeline: this.pipeline
    });
  }

  // Rank the documents matching `clauses`: see rank.js.
  rank(clauses, enough, keep, groups) { return rank(this, clauses, enough, keep, groups); }

  // The display record of a document, from the pack of sections that holds it.
  record(doc) {
    const pack = lastNotAfter(this.packFirst, doc);
    const url = this.url + this.manifest.records.folder + "/" + pack + ".json";
    return fetchJSON(url).then((records) => {
      const row = records.r[doc - records.d], extra = row[3] || {};
      return { u: records.u + (row[1] ? "#" + row[1] : ""), t: records.t, h: row[0],
               k: records.k, x: row[2], s: extra.s, g: extra.g, p: records.p, o: records.o };
    });
  }
}
