// The index's compact JSON (written by plugins/search/shards.py) as arrays to compute with.

// A tier is a list of [field number, document-number deltas, weights in thousandths].
export function decodeTier(raw) {
  return raw.map((list) => {
    const deltas = list[1];
    const docs = new Int32Array(deltas.length);
    let doc = 0;
    for (let i = 0; i < deltas.length; i++) {
      doc += deltas[i];
      docs[i] = doc;
    }
    const weights = list[2].map((weight) => weight / 1000);
    return { field: list[0], docs, weights };
  });
}

// The documents holding a term, as one byte per document: from a base64 bitmap (bit i of
// byte j is document 8j + i) or, when few, from a list of document-number deltas.
export function decodeMembers(raw, size) {
  const bits = new Uint8Array(size);
  if (typeof raw === "string") {
    const bytes = atob(raw);
    for (let i = 0; i < bytes.length; i++) {
      let byte = bytes.charCodeAt(i);
      for (let bit = 0; bit < 8 && byte; bit++, byte >>= 1) {
        if (byte & 1) { bits[i * 8 + bit] = 1; }
      }
    }
  } else {
    let doc = 0;
    for (let i = 0; i < raw.length; i++) {
      doc += raw[i];
      bits[doc] = 1;
    }
  }
  return bits;
}

// Binary search: the last position in the sorted `firsts` whose value is not after `value`,
// or -1. Finds the shard that would hold a term, and the record pack that holds a document.
export function lastNotAfter(firsts, value) {
  let low = 0, high = firsts.length - 1, found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (firsts[middle] <= value) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
