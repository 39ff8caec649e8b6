// "Did you mean": for a word that matches nothing, the closest term the index has (found by
// the fuzzy fallback), shown as the word the pages use (the index holds stems: "anxieti").

// Edit distance with adjacent transpositions counting as one edit, as lunr's fuzzy matching
// counts them ("anxeity" and "anxiety" are one edit apart).
export function editDistance(a, b) {
  const rows = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) { rows[0].push(j); continue; }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2][j - 2] + 1);
      }
      rows[i].push(best);
    }
  }
  return rows[a.length][b.length];
}

// The term nearest to `term` among `candidates`; ties go to the one more documents hold.
export function closestTerm(term, candidates, documentsWith) {
  let best = null, bestDistance = Infinity, bestCount = -1;
  candidates.forEach((candidate) => {
    const distance = editDistance(term, candidate), count = documentsWith(candidate);
    if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
      best = candidate;
      bestDistance = distance;
      bestCount = count;
    }
  });
  return best;
}

// The word in `texts` whose index term is `term` (the most frequent spelling of it there).
export function surfaceForm(term, texts, termOf) {
  const counts = new Map();
  texts.forEach((text) => {
    (String(text || "").toLowerCase().match(/[\p{L}\p{N}']+/gu) || []).forEach((word) => {
      if (termOf(word) === term) { counts.set(word, (counts.get(word) || 0) + 1); }
    });
  });
  let best = null, most = 0;
  counts.forEach((count, word) => {
    if (count > most) { best = word; most = count; }
  });
  return best;
}

// The typed text with each misspelt word replaced (whole words only, case kept elsewhere).
export function correctedText(text, corrections) {
  return String(text).replace(/[\p{L}\p{N}']+/gu, (word) => {
    const better = corrections.get(word.toLowerCase());
    return better || word;
  });
}
