// Site search in the browser: hub.js loads this file (after lunr.min.js) when a search box is
// first used, or at once on /search/. Nothing is sent anywhere: the index is static files.
//
// The index is split by term range into shards (see plugins/search/shards.py). A query
// fetches the shards holding its terms, builds a small lunr index from just those postings
// and lets lunr.js score it, so results and scores are those of one unsplit lunr index.
// Frequent terms come in impact-ordered tiers: the first tier usually settles the best
// results (an upper bound on everything not yet loaded proves it); more tiers load only
// when it does not.
"use strict";

(function () {
  if (window.HubSearch || typeof lunr === "undefined") {
    return;
  }

  var PRESENCE = lunr.Query.presence;
  var MAX_QUERY_CHARS = 200;      // longer input is cut: nobody types more to find a page
  var MAX_CLAUSES = 24;
  var MIN_WILDCARD_LETTERS = 2;   // "a*" would fetch a large part of the index
  var SNIPPET_WORDS = 28;
  var PREFIX_BOOST = 0.5;         // "ret" completes to return and retain alike: trust it less

  // ---------------------------------------------------------------- fetching

  var cache = new Map();

  function fetchJSON(url, options) {
    if (!cache.has(url)) {
      var request = fetch(url, options).then(function (response) {
        if (!response.ok) {
          throw new Error("could not load " + url + " (" + response.status + ")");
        }
        return response.json();
      });
      request.catch(function () { cache.delete(url); });
      cache.set(url, request);
    }
    return cache.get(url);
  }

  // ---------------------------------------------------------------- the sharded index

  function decodeTier(raw) {
    return raw.map(function (list) {
      var deltas = list[1], docs = new Int32Array(deltas.length), doc = 0;
      for (var i = 0; i < deltas.length; i++) {
        doc += deltas[i];
        docs[i] = doc;
      }
      var weights = list[2].map(function (weight) { return weight / 1000; });
      return { field: list[0], docs: docs, weights: weights };
    });
  }

  function decodeMembers(raw, size) {
    var bits = new Uint8Array(size), i;
    if (typeof raw === "string") {
      var bytes = atob(raw);
      for (i = 0; i < bytes.length; i++) {
        var byte = bytes.charCodeAt(i);
        for (var bit = 0; bit < 8 && byte; bit++, byte >>= 1) {
          if (byte & 1) { bits[i * 8 + bit] = 1; }
        }
      }
    } else {
      var doc = 0;
      for (i = 0; i < raw.length; i++) {
        doc += raw[i];
        bits[doc] = 1;
      }
    }
    return bits;
  }

  function Index(url, manifest) {
    this.url = url;
    this.manifest = manifest;
    this.fields = manifest.fields;
    this.size = manifest.documents;
    this.firstTerms = manifest.shards.map(function (shard) { return shard[0]; });
    this.heads = Object.create(null);
    this.shardsLoaded = new Set();
    this.vocabulary = Object.create(null);   // length -> list of terms
    this.probeVersion = 0;
    this.probe = null;
    this.pipeline = lunr.Pipeline.load(["stemmer"]);
    this.pageOf = new Int32Array(this.size);
    this.pageFirst = [];
    this.packFirst = [];
    var doc = 0;
    manifest.records.sizes.forEach(function (count) {
      this.packFirst.push(doc);
      doc += count;
    }, this);
    doc = 0;
    manifest.pageSizes.forEach(function (count, page) {
      this.pageFirst.push(doc);
      for (var i = 0; i < count; i++) { this.pageOf[doc++] = page; }
    }, this);
  }

  // The shard that would hold `term`: the last whose first term is not after it.
  Index.prototype.shardFor = function (term) {
    var low = 0, high = this.firstTerms.length - 1, found = -1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (this.firstTerms[middle] <= term) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  };

  Index.prototype.loadShard = function (number) {
    var self = this;
    return fetchJSON(this.url + this.manifest.shards[number][1]).then(function (heads) {
      if (!self.shardsLoaded.has(number)) {
        heads.forEach(function (raw) {
          self.heads[raw[0]] = { term: raw[0], index: raw[1], tiers: [decodeTier(raw[2])],
            rawMembers: raw[3], tails: raw[4], members: null, loadedDocs: null };
        });
        self.shardsLoaded.add(number);
        self.probeVersion++;
      }
    });
  };

  Index.prototype.loadVocabulary = function (length) {
    var self = this;
    var entry = this.manifest.vocabulary.filter(function (v) { return v[0] === length; })[0];
    if (!entry || self.vocabulary[length]) { return Promise.resolve(); }
    return fetchJSON(this.url + entry[1]).then(function (terms) {
      if (!self.vocabulary[length]) {
        self.vocabulary[length] = terms;
        self.probeVersion++;
      }
    });
  };

  Index.prototype.loadTail = function (head) {
    var tier = head.tiers.length, self = this;
    return fetchJSON(this.url + head.tails[tier - 1][0]).then(function (raw) {
      if (head.tiers.length === tier) {
        head.tiers.push(decodeTier(raw));
        head.loadedDocs = null;
      }
    });
  };

  Index.prototype.complete = function (head) { return head.tiers.length > head.tails.length; };

  // The highest impact (sum of field weights) of any posting not yet loaded.
  Index.prototype.cut = function (head) {
    return this.complete(head) ? 0 : head.tails[head.tiers.length - 1][1] / 1000;
  };

  Index.prototype.members = function (head) {
    if (!head.members) {
      head.members = head.rawMembers ? decodeMembers(head.rawMembers, this.size)
        : this.loadedDocs(head);
    }
    return head.members;
  };

  Index.prototype.loadedDocs = function (head) {
    if (!head.loadedDocs) {
      var bits = new Uint8Array(this.size);
      head.tiers.forEach(function (tier) {
        tier.forEach(function (list) { list.docs.forEach(function (doc) { bits[doc] = 1; }); });
      });
      head.loadedDocs = bits;
    }
    return head.loadedDocs;
  };

  // Every term loaded so far (heads and vocabulary) as a lunr token set, to expand clauses.
  Index.prototype.probeSet = function () {
    if (!this.probe || this.probe.version !== this.probeVersion) {
      var terms = Object.keys(this.heads);
      Object.keys(this.vocabulary).forEach(function (length) {
        terms = terms.concat(this.vocabulary[length]);
      }, this);
      terms = Array.from(new Set(terms)).sort();
      this.probe = { version: this.probeVersion, set: lunr.TokenSet.fromArray(terms) };
    }
    return this.probe.set;
  };

  Index.prototype.clauseTerms = function (clause) {
    return clause.usePipeline ? this.pipeline.runString(clause.term, { fields: clause.fields })
      : [clause.term];
  };

  function expand(tokenSet, clause, term) {
    var copy = Object.assign({}, clause, { term: term });
    return tokenSet.intersect(lunr.TokenSet.fromClause(copy)).toArray();
  }

  // Fetch the shards (and for fuzzy or leading wildcards, the vocabulary) that hold every
  // term the clauses can expand to. Afterwards expanding against probeSet() is exact.
  Index.prototype.loadHeads = function (clauses) {
    var self = this, shards = new Set(), lengths = new Set(), byVocabulary = [];
    var longest = this.manifest.vocabulary.reduce(function (most, v) {
      return Math.max(most, v[0]);
    }, 0);
    clauses.forEach(function (clause) {
      self.clauseTerms(clause).forEach(function (term) {
        var star = term.indexOf("*"), distance = clause.editDistance || 0, length, i;
        if (distance === 0 && star === -1) {
          if (self.shardFor(term) >= 0) { shards.add(self.shardFor(term)); }
        } else if (distance === 0 && star > 0) {
          var prefix = term.slice(0, star), low = Math.max(0, self.shardFor(prefix));
          for (i = low; i <= self.shardFor(prefix + "\uffff"); i++) { shards.add(i); }
        } else {
          length = term.replace(/\*/g, "").length;
          var top = star === -1 ? length + distance : longest;
          for (i = Math.max(1, length - distance); i <= top; i++) { lengths.add(i); }
          byVocabulary.push([clause, term]);
        }
      });
    });
    var first = Array.from(shards).map(function (n) { return self.loadShard(n); })
      .concat(Array.from(lengths).map(function (l) { return self.loadVocabulary(l); }));
    return Promise.all(first).then(function () {
      var more = new Set();
      byVocabulary.forEach(function (pair) {
        expand(self.probeSet(), pair[0], pair[1]).forEach(function (term) {
          if (!(term in self.heads)) { more.add(self.shardFor(term)); }
        });
      });
      return Promise.all(Array.from(more).map(function (n) { return self.loadShard(n); }));
    });
  };

  function copyClause(clause) { return Object.assign({}, clause); }

  // A term's loaded postings as lunr wants them, kept until another tier loads.
  Index.prototype.postings = function (head) {
    if (!head.cached || head.cached.tiers !== head.tiers.length) {
      var posting = { _index: head.index }, keys = [], docs = [], weights = [], self = this;
      this.fields.forEach(function (field) { posting[field] = Object.create(null); });
      head.tiers.forEach(function (tier) {
        tier.forEach(function (list) {
          var field = self.fields[list.field], fieldPosting = posting[field];
          for (var i = 0; i < list.docs.length; i++) {
            fieldPosting[list.docs[i]] = {};
            keys.push(field + "/" + list.docs[i]);
            docs.push(list.docs[i]);
            weights.push(list.weights[i]);
          }
        });
      });
      head.cached = { tiers: head.tiers.length, posting: posting, keys: keys,
                      docs: Int32Array.from(docs), weights: Float64Array.from(weights) };
    }
    return head.cached;
  };

  // A lunr index holding only the loaded postings of `terms` (of the documents in `only`,
  // when given): enough to score exactly every document whose postings are all loaded.
  Index.prototype.partialIndex = function (terms, only) {
    var inverted = Object.create(null), elements = Object.create(null), self = this;
    // Terms in lunr's term order, so each vector's elements come out sorted.
    terms.slice().sort(function (a, b) { return self.heads[a].index - self.heads[b].index; })
      .forEach(function (term) {
        var head = self.heads[term], cached = self.postings(head), posting = cached.posting;
        if (only) {
          posting = { _index: head.index };
          self.fields.forEach(function (field) { posting[field] = Object.create(null); });
        }
        for (var i = 0; i < cached.docs.length; i++) {
          if (only && !only[cached.docs[i]]) { continue; }
          var key = cached.keys[i];
          if (only) { posting[key.slice(0, key.indexOf("/"))][cached.docs[i]] = {}; }
          (elements[key] = elements[key] || []).push(head.index, cached.weights[i]);
        }
        inverted[term] = posting;
      });
    var fieldVectors = Object.create(null);
    Object.keys(elements).forEach(function (key) {
      fieldVectors[key] = new lunr.Vector(elements[key]);
    });
    return new lunr.Index({
      invertedIndex: inverted, fieldVectors: fieldVectors, fields: this.fields,
      tokenSet: lunr.TokenSet.fromArray(terms.slice().sort()), pipeline: this.pipeline
    });
  };

  // Room for rounding: lunr sums the same weights in another order than the bounds do.
  function slack(value) { return value === -Infinity ? 0 : Math.abs(value) * 1e-9 + 1e-12; }

  function kthLargest(values, k) {
    var sorted = Float64Array.from(values).sort();
    return sorted[sorted.length - k];
  }

  function orBits(target, bits) {
    for (var i = 0; i < target.length; i++) { target[i] |= bits[i]; }
    return target;
  }

  // Rank the documents matching `clauses` (lunr.Query clauses) until `enough(confirmed)` says
  // the confirmed best results suffice, or every posting is loaded. `keep(doc)` filters.
  // Resolves to {results: [{ref, score, matchData}], total, pagesByType, exhausted}.
  Index.prototype.rank = function (clauses, enough, keep) {
    var self = this;
    keep = keep || function () { return true; };
    var settle = function () {
      var plan = self.expandAll(clauses);
      // Another query may have loaded vocabulary meanwhile: fetch any head still missing.
      var missing = plan.terms.concat(plan.prohibited).filter(function (term) {
        return !(term in self.heads);
      });
      if (missing.length) {
        return Promise.all(missing.map(function (t) { return self.loadShard(self.shardFor(t)); }))
          .then(settle);
      }
      return self.settle(plan, enough, keep);
    };
    return this.loadHeads(clauses).then(settle);
  };

  Index.prototype.expandAll = function (clauses) {
    var self = this, probe = this.probeSet(), allFields = this.fields.length;
    var plan = { clauses: clauses, scoring: [], boosts: Object.create(null), required: [],
                 prohibited: [], prohibitedSets: [], terms: [], everyField: true,
                 impossible: false };
    clauses.forEach(function (clause) {
      var expanded = [];
      var terms = self.clauseTerms(clause);
      for (var i = 0; i < terms.length; i++) {
        var found = expand(probe, clause, terms[i]);
        if (found.length === 0 && clause.presence === PRESENCE.REQUIRED) {
          plan.impossible = true;
          break;
        }
        expanded = expanded.concat(found);
      }
      if (clause.fields.length !== allFields) { plan.everyField = false; }
      if (clause.presence === PRESENCE.PROHIBITED) {
        plan.prohibited = plan.prohibited.concat(expanded);
        plan.prohibitedSets.push({ fields: clause.fields, terms: expanded });
      } else {
        plan.scoring.push(clause);
        expanded.forEach(function (term) {
          plan.boosts[term] = (plan.boosts[term] || 0) + clause.boost;
        });
      }
      if (clause.presence === PRESENCE.REQUIRED) { plan.required.push(expanded); }
    });
    plan.terms = Object.keys(plan.boosts);
    return plan;
  };

  Index.prototype.candidates = function (plan) {
    var self = this, size = this.size, matches = new Uint8Array(size), i;
    if (plan.impossible) { return matches; }
    if (plan.scoring.length === 0) {
      matches.fill(1);   // lunr's negated query: every document but the prohibited ones
    }
    plan.terms.forEach(function (term) { orBits(matches, self.members(self.heads[term])); });
    plan.required.forEach(function (terms) {
      var any = new Uint8Array(size);
      terms.forEach(function (term) { orBits(any, self.members(self.heads[term])); });
      for (i = 0; i < size; i++) { matches[i] &= any[i]; }
    });
    plan.prohibited.forEach(function (term) {
      var bits = self.members(self.heads[term]);
      for (i = 0; i < size; i++) { if (bits[i]) { matches[i] = 0; } }
    });
    return matches;
  };

  Index.prototype.countPages = function (matches) {
    var seen = new Uint8Array(this.pageFirst.length), byType = {}, total = 0, self = this;
    this.manifest.types.forEach(function (type) {
      var count = 0;
      for (var doc = type[2]; doc < type[3]; doc++) {
        if (matches[doc] && !seen[self.pageOf[doc]]) {
          seen[self.pageOf[doc]] = 1;
          count++;
        }
      }
      byType[type[0]] = count;
      total += count;
    });
    return { total: total, byType: byType };
  };

  Index.prototype.outcome = function (results, matches, exhausted) {
    var counts = this.countPages(matches);
    return { results: results, total: counts.total, pagesByType: counts.byType,
             exhausted: exhausted };
  };

  Index.prototype.loadEverything = function (terms) {
    var self = this;
    var pending = terms.map(function (t) { return self.heads[t]; })
      .filter(function (head) { return !self.complete(head); });
    if (!pending.length) { return Promise.resolve(); }
    var loads = pending.map(function (head) { return self.loadTail(head); });
    return Promise.all(loads).then(function () { return self.loadEverything(terms); });
  };

  // Every document but those holding a prohibited term (lunr's "negated" query), in order.
  // `matches` comes from memberships when every clause covers every field.
  Index.prototype.negated = function (plan, keep, matches) {
    var self = this, results = [];
    if (!matches) {
      matches = new Uint8Array(this.size).fill(1);
      plan.prohibitedSets.forEach(function (set) {
      var fields = set.fields.map(function (name) { return self.fields.indexOf(name); });
      set.terms.forEach(function (term) {
        self.heads[term].tiers.forEach(function (tier) {
          tier.forEach(function (list) {
            if (fields.indexOf(list.field) === -1) { return; }
            list.docs.forEach(function (doc) { matches[doc] = 0; });
          });
        });
      });
      });
    }
    for (var doc = 0; doc < this.size; doc++) {
      if (matches[doc] && keep(doc)) {
        results.push({ ref: String(doc), score: 0, matchData: new lunr.MatchData() });
      }
    }
    return this.outcome(results, matches, true);
  };

  // Field-scoped clauses weigh fields apart: load every posting of every term, let lunr rank.
  Index.prototype.settleFully = function (plan, keep) {
    var self = this, terms = plan.terms.concat(plan.prohibited);
    return this.loadEverything(terms).then(function () {
      if (plan.scoring.length === 0) { return self.negated(plan, keep); }
      var ranked = self.partialIndex(Array.from(new Set(terms)))
        .query(function (query) { query.clauses = plan.clauses.map(copyClause); });
      var matches = new Uint8Array(self.size);
      ranked.forEach(function (result) { matches[+result.ref] = 1; });
      return self.outcome(ranked.filter(function (r) { return keep(+r.ref); }), matches, true);
    });
  };

  Index.prototype.settle = function (plan, enough, keep) {
    var self = this;
    if (plan.impossible) {
      return Promise.resolve(this.outcome([], new Uint8Array(this.size), true));
    }
    if (!plan.everyField) { return this.settleFully(plan, keep); }
    var matches = this.candidates(plan);
    if (plan.scoring.length === 0) { return Promise.resolve(this.negated(plan, keep, matches)); }

    function round() {
      var heads = plan.terms.map(function (term) { return self.heads[term]; });
      var scoring = plan.scoring.map(function (clause) {
        var copy = copyClause(clause);
        copy.presence = PRESENCE.OPTIONAL;   // required and prohibited are applied by `matches`
        return copy;
      });
      var rank = function (only) {
        return self.partialIndex(plan.terms, only)
          .query(function (query) { query.clauses = scoring.map(copyClause); })
          .filter(function (result) { return matches[+result.ref] && keep(+result.ref); });
      };
      var pending = heads.filter(function (head) { return !self.complete(head); });

      // Scores from the loaded postings (lunr's, up to rounding), and an upper bound for every
      // document not fully loaded: plus, for each term, its cut times its share of the query.
      var size = self.size, magnitude = Math.sqrt(plan.terms.reduce(function (sum, term) {
        return sum + plan.boosts[term] * plan.boosts[term];
      }, 0));
      var partial = new Float64Array(size), missing = new Float64Array(size);
      var incomplete = new Uint8Array(size), d, i;
      heads.forEach(function (head) {
        var cached = self.postings(head), share = plan.boosts[head.term] / magnitude;
        for (i = 0; i < cached.docs.length; i++) {
          partial[cached.docs[i]] += share * cached.weights[i];
        }
      });
      pending.forEach(function (head) {
        var members = self.members(head), loaded = self.loadedDocs(head);
        var bound = plan.boosts[head.term] * self.cut(head) / magnitude;
        for (d = 0; d < size; d++) {
          if (members[d] && !loaded[d]) { missing[d] += bound; incomplete[d] = 1; }
        }
      });
      var ceiling = -Infinity, complete = [];
      for (d = 0; d < size; d++) {
        if (!matches[d] || !keep(d)) { continue; }
        if (incomplete[d]) {
          ceiling = Math.max(ceiling, partial[d] + missing[d]);
        } else {
          complete.push(d);
        }
      }
      // lunr scores only the best complete documents, which gives their exact scores and
      // order; they are certain when they beat every bound on the documents left out.
      var ranked = [];
      for (var wanted = 64; ; wanted *= 4) {
        var only = new Uint8Array(size), outside = -Infinity;
        var floor = -Infinity;
        if (complete.length > wanted) {
          floor = kthLargest(complete.map(function (doc) { return partial[doc]; }), wanted);
          floor -= slack(floor);
        }
        complete.forEach(function (doc) {
          if (partial[doc] >= floor) {
            only[doc] = 1;
          } else {
            outside = Math.max(outside, partial[doc]);
          }
        });
        var bound = Math.max(ceiling, outside);
        ranked = rank(only);
        var confirmed = bound === -Infinity ? ranked : ranked.filter(function (result) {
          return result.score > bound + slack(bound);
        });
        if (enough(confirmed)) { return self.outcome(confirmed, matches, false); }
        if (complete.length <= wanted) { break; }
      }
      if (pending.length === 0) { return self.outcome(ranked, matches, true); }
      // Load the next tier of the term whose unloaded postings could weigh most (one at a
      // time: the bound often falls enough with one term's tier, and tiers are the bytes).
      var weight = function (head) { return plan.boosts[head.term] * self.cut(head); };
      var next = pending.reduce(function (best, head) {
        return weight(head) > weight(best) ? head : best;
      });
      return self.loadTail(next).then(round);
    }
    return Promise.resolve().then(round);
  };

  // The display record of a document, from the pack of sections that holds it.
  Index.prototype.record = function (doc) {
    var low = 0, high = this.packFirst.length - 1;
    while (low < high) {
      var middle = (low + high + 1) >> 1;
      if (this.packFirst[middle] <= doc) { low = middle; } else { high = middle - 1; }
    }
    var url = this.url + this.manifest.records.folder + "/" + low + ".json";
    return fetchJSON(url).then(function (pack) {
      var row = pack.r[doc - pack.d], extra = row[3] || {};
      return { u: pack.u + (row[1] ? "#" + row[1] : ""), t: pack.t, h: row[0], k: pack.k,
               x: row[2], s: extra.s, g: extra.g, p: pack.p, o: pack.o };
    });
  };

  // ---------------------------------------------------------------- reading what people type

  var WORD = /[\p{L}\p{N}']+/gu;

  function words(text) { return (String(text).toLowerCase().match(WORD) || []); }

  function cleanTerm(term) { return term.replace(/[:~^*+\-]/g, " ").trim(); }

  // Turn what someone typed into lunr clauses: lunr's syntax where it parses, plain words
  // where it does not, quoted phrases as required words (checked against the text later),
  // the last word also as a prefix (at half weight) while typing, and the editors' synonyms.
  function planQuery(index, text, options) {
    options = options || {};
    text = String(text || "").slice(0, MAX_QUERY_CHARS);
    var query = new lunr.Query(index.fields), phrases = [];
    text = text.replace(/[\u2018\u2019]/g, "'");   // the index has straight apostrophes
    var quoted = /["\u201c\u201d]([^"\u201c\u201d]*)["\u201c\u201d]?/g;
    var rest = text.replace(quoted, function (match, inside) {
      var phrase = words(inside);
      if (phrase.length) { phrases.push(phrase); }
      phrase.forEach(function (word) {
        query.clause({ term: word, presence: PRESENCE.REQUIRED });
      });
      return " ";
    });
    var parsed = new lunr.Query(index.fields);
    try {
      new lunr.QueryParser(rest, parsed).parse();
    } catch (error) {
      parsed = new lunr.Query(index.fields);   // lunr syntax that does not parse: plain words
      words(cleanTerm(rest)).forEach(function (word) { parsed.clause({ term: word }); });
    }
    parsed.clauses.forEach(function (clause) {
      var literal = clause.term.replace(/\*/g, "");
      if (!literal) { return; }
      if (clause.term.indexOf("*") !== -1 && literal.length < MIN_WILDCARD_LETTERS) {
        clause.term = literal;           // too broad as a wildcard: search the letters
        clause.usePipeline = true;
      }
      query.clauses.push(clause);
    });
    var last = parsed.clauses[parsed.clauses.length - 1];
    if (options.prefix && last && !/\s$/.test(text) && last.usePipeline && !last.editDistance &&
        last.presence === PRESENCE.OPTIONAL && last.term.length >= MIN_WILDCARD_LETTERS) {
      query.clause({ term: last.term, fields: last.fields, usePipeline: false, boost: PREFIX_BOOST,
                     wildcard: lunr.Query.wildcard.TRAILING });
    }
    // Synonyms for the words typed, but not for words marked - (prohibited) or field: words.
    var plain = text.replace(/(^|\s)-\S*/g, " ").replace(/\S+:\S*/g, " ").replace(/[~^*+]/g, " ");
    addSynonyms(query, words(plain), index.manifest.synonyms || []);
    query.clauses = query.clauses.slice(0, MAX_CLAUSES);
    return { clauses: query.clauses, phrases: phrases, text: text };
  }

  // Each synonym is [what people type, [what our pages say, ...]]: when the typed phrase is
  // in the query, the words of the others join it.
  function addSynonyms(query, typed, synonyms) {
    var line = " " + typed.join(" ") + " ", present = new Set(typed);
    synonyms.forEach(function (synonym) {
      if (line.indexOf(" " + synonym[0] + " ") === -1) { return; }
      synonym[1].forEach(function (phrase) {
        phrase.split(" ").forEach(function (word) {
          if (!present.has(word)) {
            present.add(word);
            query.clause({ term: word });
          }
        });
      });
    });
  }

  // Fuzzy fallback: every plain word may differ by one letter (two for long words).
  function fuzzyPlan(plan) {
    var clauses = plan.clauses.map(function (clause) {
      var copy = copyClause(clause);
      if (copy.usePipeline && !copy.editDistance && copy.term.length >= 4 &&
          copy.presence !== PRESENCE.PROHIBITED) {
        copy.editDistance = copy.term.length >= 8 ? 2 : 1;
      }
      return copy;
    });
    return { clauses: clauses, phrases: plan.phrases, text: plan.text, fuzzy: true };
  }

  // ---------------------------------------------------------------- results for display

  function containsPhrase(record, phrase) {
    var text = [record.t, record.h, record.x, record.s, record.g].join(" ");
    var haystack = " " + words(text).join(" ") + " ";
    return haystack.indexOf(" " + phrase.join(" ") + " ") !== -1;
  }

  // Group ranked documents by page, best first; each group keeps up to 3 more sections.
  function groupByPage(index, results) {
    var groups = [], byPage = new Map();
    results.forEach(function (result) {
      var doc = +result.ref, page = index.pageOf[doc], group = byPage.get(page);
      if (!group) {
        group = { page: page, doc: doc, result: result, others: [] };
        byPage.set(page, group);
        groups.push(group);
      } else if (group.others.length < 3) {
        group.others.push(doc);
      }
    });
    return groups;
  }

  function countGroups(index, results) {
    var pages = new Set();
    results.forEach(function (r) { pages.add(index.pageOf[+r.ref]); });
    return pages.size;
  }

  // Search: the best `limit` pages for what was typed, with the records to show them.
  function search(index, text, options) {
    options = options || {};
    var limit = options.limit || 10, type = options.type || "";
    var range = index.manifest.types.filter(function (t) { return t[0] === type; })[0];
    var keep = type ? function (doc) { return range ? doc >= range[2] && doc < range[3] : false; }
      : null;
    var plan = planQuery(index, text, options);
    if (!plan.clauses.length) {
      return Promise.resolve({ plan: plan, groups: [], total: 0, pagesByType: {},
                               exhausted: true });
    }
    return runPlan(index, plan, limit, keep, type).then(function (outcome) {
      if (outcome.total === 0 && !plan.phrases.length && options.fuzzy !== false) {
        var fuzzy = fuzzyPlan(plan);
        return runPlan(index, fuzzy, limit, keep, type).then(function (second) {
          return second.total ? second : outcome;
        });
      }
      return outcome;
    });
  }

  function runPlan(index, plan, limit, keep, type) {
    var wanted = limit;
    function attempt() {
      return index.rank(plan.clauses, function (confirmed) {
        return countGroups(index, confirmed) > wanted;   // one more than shown: is there more?
      }, keep).then(function (ranked) {
        var groups = groupByPage(index, ranked.results);
        // A phrase is checked against each record's text; otherwise only shown ones load.
        var needed = plan.phrases.length ? groups : groups.slice(0, limit);
        return Promise.all(needed.map(function (group) { return index.record(group.doc); }))
          .then(function (records) {
            needed.forEach(function (group, i) { group.record = records[i]; });
            if (plan.phrases.length) {
              groups = groups.filter(function (group) {
                return plan.phrases.every(function (phrase) {
                  return containsPhrase(group.record, phrase);
                });
              });
              if (groups.length <= limit && !ranked.exhausted) {
                wanted *= 2;
                return attempt();
              }
            }
            var total = type ? ranked.pagesByType[type] || 0 : ranked.total;
            return { plan: plan, groups: groups.slice(0, limit), more: groups.length > limit,
                     total: plan.phrases.length ? groups.length : total,
                     pagesByType: ranked.pagesByType, exhausted: ranked.exhausted,
                     phraseCountIsExact: ranked.exhausted };
          });
      });
    }
    return attempt();
  }

  // ---------------------------------------------------------------- showing results

  function matchedTerms(result) {
    return new Set(Object.keys((result.matchData && result.matchData.metadata) || {}));
  }

  // A word without the punctuation around it ("(fit" -> "fit").
  function bare(word) { return word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""); }

  function indexTermOf(word) {
    var token = new lunr.Token(word.toLowerCase(), {});
    token = lunr.trimmer(token);
    if (!token || !lunr.stopWordFilter(token)) { return null; }
    return lunr.stemmer(token).toString();
  }

  // Append `text` to `parent`, with the words that matched the query in <mark>.
  function appendMarked(parent, text, terms) {
    String(text).split(/(\s+)/).forEach(function (piece) {
      var term = /\S/.test(piece) ? indexTermOf(bare(piece)) : null;
      if (term && terms.has(term)) {
        var mark = document.createElement("mark");
        mark.textContent = piece;
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(piece));
      }
    });
  }

  // The stretch of text with the most matched words, about SNIPPET_WORDS long.
  function snippetOf(text, terms) {
    var all = String(text || "").split(/\s+/).filter(Boolean);
    if (all.length <= SNIPPET_WORDS) { return all.join(" "); }
    var hits = all.map(function (word) { return terms.has(indexTermOf(bare(word))) ? 1 : 0; });
    var best = 0, bestStart = 0, current = 0, i;
    for (i = 0; i < all.length; i++) {
      current += hits[i] - (i >= SNIPPET_WORDS ? hits[i - SNIPPET_WORDS] : 0);
      if (current > best) { best = current; bestStart = Math.max(0, i - SNIPPET_WORDS + 1); }
    }
    var start = Math.max(0, bestStart - 3);
    var end = Math.min(all.length, start + SNIPPET_WORDS);
    var shown = all.slice(start, end).join(" ");
    return (start > 0 ? "… " : "") + shown + (end < all.length ? " …" : "");
  }

  function element(name, className, text) {
    var node = document.createElement(name);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function typeLabel(index, kind) {
    var type = index.manifest.types.filter(function (t) { return t[0] === kind; })[0];
    return type ? type[1] : "";
  }

  function resultItem(index, group, root, headingLevel, compact) {
    var record = group.record, terms = matchedTerms(group.result);
    var item = element("li", "search-result");
    var heading = element(headingLevel, "search-result-title");
    var link = element("a");
    link.href = root + record.u;
    link.appendChild(element("span", "search-result-page", record.t));
    if (record.h) {
      link.appendChild(element("span", "visually-hidden", ": "));
      link.appendChild(element("span", "search-result-section", record.h));
    }
    heading.appendChild(link);
    item.appendChild(heading);
    item.appendChild(element("p", "search-result-type", typeLabel(index, record.k)));
    var text = record.x || record.s || "";
    if (compact) { return item; }
    if (text) {
      var snippet = element("p", "search-result-snippet");
      appendMarked(snippet, snippetOf(text, terms), terms);
      item.appendChild(snippet);
    }
    if (group.others.length && record.o) {
      var list = element("ul", "search-result-more");
      group.others.forEach(function (doc) {
        var entry = record.o[doc - record.p - 1];
        if (!entry) { return; }
        var li = element("li"), a = element("a", "", entry[0] || record.t);
        a.href = root + record.u.split("#")[0] + (entry[1] ? "#" + entry[1] : "");
        li.appendChild(a);
        list.appendChild(li);
      });
      if (list.children.length) {
        item.appendChild(element("p", "search-result-also", "Also on this page:"));
        item.appendChild(list);
      }
    }
    return item;
  }

  function plural(count, one, many) { return count + " " + (count === 1 ? one : many); }

  function describe(outcome, typeText) {
    var text = outcome.plan.text.trim();
    if (!outcome.plan.clauses.length) { return "Type a word or two to search."; }
    if (!outcome.groups.length) {
      return "No pages match \u201c" + text + "\u201d" + typeText + ". Check the spelling, try " +
        "fewer or other words, or browse the A to Z of all pages.";
    }
    var count = plural(outcome.total, "page", "pages");
    if (outcome.plan.phrases.length && !outcome.phraseCountIsExact) { count = "At least " + count; }
    var quoted = "\u201c" + text + "\u201d";
    return (outcome.plan.fuzzy ? "No exact matches. " + count + " match words like " + quoted
      : count + " match " + quoted) + typeText + ".";
  }

  // ---------------------------------------------------------------- the page and the box

  function siteRoot(form) { return new URL("../", form.action).href; }

  function SearchPage(index, container, root) {
    this.index = index;
    this.root = root;
    this.input = container.querySelector("input[name=q]");
    this.form = container.querySelector("form");
    this.results = container.querySelector("[data-search-results]");
    this.status = container.querySelector("[data-search-status]");
    this.list = container.querySelector("[data-search-list]");
    this.filter = container.querySelector("[data-search-filter]");
    this.more = container.querySelector("[data-search-more]");
    this.limit = 10;
    this.run = 0;
    var params = new URLSearchParams(location.search);
    this.type = params.get("type") || "";
    this.input.value = (params.get("q") || "").slice(0, MAX_QUERY_CHARS);
    var self = this;
    this.input.addEventListener("input", function (event) {
      self.started = event.timeStamp;
      self.limit = 10;
      self.update(true);
      self.remember("replace");
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.started = event.timeStamp;
      self.limit = 10;
      self.update(false);
      self.remember("push");
    });
    this.more.addEventListener("click", function () {
      self.limit += 10;
      self.update(false, true);
    });
    window.addEventListener("popstate", function () {
      var state = new URLSearchParams(location.search);
      self.input.value = state.get("q") || "";
      self.type = state.get("type") || "";
      self.update(false);
    });
    var header = document.getElementById("site-search-q");
    if (header && !header.value) { header.value = this.input.value; }
    this.update(false);
  }

  SearchPage.prototype.remember = function (how) {
    var params = new URLSearchParams();
    if (this.input.value) { params.set("q", this.input.value); }
    if (this.type) { params.set("type", this.type); }
    var url = location.pathname + (params.toString() ? "?" + params : "");
    history[how === "push" ? "pushState" : "replaceState"](null, "", url);
  };

  SearchPage.prototype.update = function (typing, keepFocus) {
    var self = this, run = ++this.run, text = this.input.value;
    this.results.setAttribute("data-search-state", "busy");
    return search(this.index, text, { prefix: typing, limit: this.limit, type: this.type })
      .then(function (outcome) {
        if (run !== self.run) { return; }
        self.show(outcome, keepFocus);
      })
      .catch(function (error) {
        if (run !== self.run) { return; }
        self.failed(error);
      });
  };

  SearchPage.prototype.show = function (outcome, keepFocus) {
    var self = this, index = this.index, firstNew = null, shown = this.list.children.length;
    var typeText = this.type ? " in " + typeLabel(index, this.type).toLowerCase() : "";
    this.status.textContent = describe(outcome, typeText);
    if (!outcome.groups.length && outcome.plan.clauses.length) {
      this.status.appendChild(document.createTextNode(" "));
      var atoz = element("a", "", "A to Z of all pages");
      atoz.href = this.root + "a-z/";
      this.status.appendChild(atoz);
    }
    this.list.textContent = "";
    outcome.groups.forEach(function (group, i) {
      var item = resultItem(index, group, self.root, "h2");
      if (i === shown) { firstNew = item; }
      self.list.appendChild(item);
    });
    this.showFilter(outcome);
    this.more.hidden = !outcome.more;
    this.results.setAttribute("data-search-query", outcome.plan.text);
    this.results.setAttribute("data-search-state", "done");
    this.finished = performance.now();
    if (keepFocus && firstNew) {
      var link = firstNew.querySelector("a");
      link.focus();
    }
  };

  SearchPage.prototype.showFilter = function (outcome) {
    var self = this, index = this.index;
    this.filter.textContent = "";
    if (!outcome.plan.clauses.length || !outcome.pagesByType) { return; }
    var types = index.manifest.types.filter(function (t) { return outcome.pagesByType[t[0]]; });
    if (types.length < 2 && !this.type) { return; }
    var fieldset = element("fieldset", "search-filter");
    fieldset.appendChild(element("legend", "", "Show"));
    var total = types.reduce(function (sum, t) { return sum + outcome.pagesByType[t[0]]; }, 0);
    var options = types.map(function (t) { return [t[0], t[1], outcome.pagesByType[t[0]]]; });
    [["", "All types", total]].concat(options).forEach(function (option) {
      var id = "search-type-" + (option[0] || "all");
      var input = element("input");
      input.type = "radio";
      input.name = "type";
      input.id = id;
      input.value = option[0];
      input.checked = option[0] === self.type;
      input.addEventListener("change", function () {
        self.type = input.value;
        self.limit = 10;
        self.remember("replace");
        self.update(false).then(function () {
          var again = document.getElementById(id);
          if (again) { again.focus(); }
        });
      });
      var label = element("label", "", option[1] + " (" + option[2] + ")");
      label.htmlFor = id;
      var wrap = element("span", "search-filter-option");
      wrap.appendChild(input);
      wrap.appendChild(label);
      fieldset.appendChild(wrap);
    });
    this.filter.appendChild(fieldset);
  };

  SearchPage.prototype.failed = function (error) {
    this.status.textContent = "Search is not working at the moment. " +
      "You can find every page in the ";
    var atoz = element("a", "", "A to Z of all pages");
    atoz.href = this.root + "a-z/";
    this.status.appendChild(atoz);
    this.status.appendChild(document.createTextNode("."));
    this.list.textContent = "";
    this.results.setAttribute("data-search-state", "failed");
    if (window.console) { console.warn("search:", error); }
  };

  // The header box on every other page: the best few results as you type.
  function SearchBox(index, form, root) {
    this.index = index;
    this.root = root;
    this.form = form;
    this.input = form.querySelector("input[name=q]");
    this.panel = element("div", "search-suggest");
    this.panel.id = "search-suggest";
    this.panel.hidden = true;
    this.announce = element("p", "visually-hidden");
    this.announce.setAttribute("role", "status");
    form.appendChild(this.panel);
    form.appendChild(this.announce);
    this.run = 0;
    var self = this;
    this.input.setAttribute("aria-describedby", "search-suggest-hint");
    var hint = element("span", "visually-hidden",
                       "Results appear below as you type; press the down arrow to reach them.");
    hint.id = "search-suggest-hint";
    form.appendChild(hint);
    this.input.addEventListener("input", function (event) {
      self.started = event.timeStamp;
      self.update();
    });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && !self.panel.hidden) {
        var first = self.panel.querySelector("a");
        if (first) { event.preventDefault(); first.focus(); }
      } else if (event.key === "Escape") {
        self.close();
      }
    });
    this.panel.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(self.panel.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var next = at + (event.key === "ArrowDown" ? 1 : -1);
        if (next < 0) { self.input.focus(); } else if (links[next]) { links[next].focus(); }
      } else if (event.key === "Escape") {
        event.preventDefault();
        self.close();
        self.input.focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !form.contains(event.relatedTarget)) { self.close(); }
    });
    if (this.input.value) { this.update(); }
  }

  SearchBox.prototype.close = function () { this.panel.hidden = true; };

  SearchBox.prototype.update = function () {
    var self = this, run = ++this.run, text = this.input.value;
    if (!text.trim()) {
      this.close();
      this.announce.textContent = "";
      return Promise.resolve();
    }
    this.form.setAttribute("data-search-state", "busy");
    return search(this.index, text, { prefix: true, limit: 5 }).then(function (outcome) {
      if (run !== self.run) { return; }
      self.show(outcome);
    }).catch(function (error) {
      if (run !== self.run) { return; }
      self.panel.textContent = "";
      self.panel.appendChild(element("p", "search-suggest-status",
                                     "Search is not working at the moment."));
      self.panel.hidden = false;
      if (window.console) { console.warn("search:", error); }
    });
  };

  SearchBox.prototype.show = function (outcome) {
    var self = this;
    this.panel.textContent = "";
    var status = describe(outcome, "");
    this.panel.appendChild(element("p", "search-suggest-status", status));
    if (outcome.groups.length) {
      var list = element("ul", "search-suggest-list");
      outcome.groups.forEach(function (group) {
        list.appendChild(resultItem(self.index, group, self.root, "p", true));
      });
      this.panel.appendChild(list);
      var all = element("a", "search-suggest-all", "See all results");
      all.href = this.root + "search/?q=" + encodeURIComponent(outcome.plan.text);
      this.panel.appendChild(element("p")).appendChild(all);
      this.announce.textContent = status + " Press the down arrow to move to them.";
    } else {
      this.announce.textContent = status;
    }
    this.panel.hidden = false;
    this.form.setAttribute("data-search-query", outcome.plan.text);
    this.form.setAttribute("data-search-state", "done");
    this.finished = performance.now();
  };

  // ---------------------------------------------------------------- start

  var headerForm = document.querySelector("form.site-search");
  var formAction = headerForm ? headerForm.action : new URL("search/", document.baseURI).href;
  var indexUrl = new URL("index/", formAction).href;
  var root = new URL("../", formAction).href;

  // The manifest names every other file by its content: revalidate it, cache the rest.
  var ready = fetchJSON(indexUrl + "manifest.json", { cache: "no-cache" })
    .then(function (manifest) { return new Index(indexUrl, manifest); });

  window.HubSearch = {
    ready: ready,
    planQuery: function (text, options) {
      return ready.then(function (index) { return planQuery(index, text, options); });
    },
    search: function (text, options) {
      return ready.then(function (index) { return search(index, text, options); });
    },
    rank: function (clauses, enough, keep) {
      return ready.then(function (index) {
        return index.rank(clauses, enough || function () { return false; }, keep);
      });
    },
    // A new index with nothing loaded yet (tests compare its tiers with an unsplit index).
    fresh: function () {
      return ready.then(function (index) { return new Index(index.url, index.manifest); });
    }
  };

  ready.then(function (index) {
    var page = document.querySelector('[data-module="search-page"]');
    if (page) {
      window.HubSearch.page = new SearchPage(index, page, root);
    } else if (headerForm) {
      window.HubSearch.box = new SearchBox(index, headerForm, root);
    }
  }).catch(function (error) {
    var status = document.querySelector("[data-search-status]");
    if (status) {
      status.textContent = "Search could not load. " +
        "You can find every page in the A to Z of all pages.";
    }
    if (window.console) { console.warn("search:", error); }
  });
})();
