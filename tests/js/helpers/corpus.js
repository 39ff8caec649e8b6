// Documents for the ranking tests: made from a small vocabulary by a seeded generator, so
// words recur across many documents (and their postings need several tiers).
const WORDS = ["phased", "return", "work", "fit", "note", "anxiety", "stress", "manager",
  "plan", "support", "sick", "pay", "adjustment", "quiet", "room", "hours", "review",
  "occupational", "health", "advice", "meeting", "colleague", "workplace", "working",
  "returning", "notes", "planning", "reasonable", "confidential", "employer"];

function seeded(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

export function corpus(count = 40, seed = 7) {
  const random = seeded(seed);
  const pick = (n) => Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]);
  return Array.from({ length: count }, (_, i) => ({
    title: pick(2 + Math.floor(random() * 2)).join(" "),
    body: pick(8 + Math.floor(random() * 25)).join(" "),
    type: i < count * 0.7 ? "guidance" : "case-studies",
  }));
}

export { WORDS };
