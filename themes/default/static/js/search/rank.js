// Merging and ranking results: pure, so node --test covers it (tests/js/rank.test.mjs).
// The factors are a type preference and a freshness preference, never a provider preference.

export const MAX_RESULTS = 60;
export const STALE_FACTOR = 0.7;
export const PAGE_FACTOR = 1.1;
// An item not yet translated still shows, in Dutch, a little below translated ones.
export const UNTRANSLATED_FACTOR = 0.8;

/**
 * The results of the planned queries as one list: [{query: {weight, group}, results: [{id, score}]}]
 * -> the best `max` entries {result, score}. Scores add up over queries, except synonyms: only the
 * best synonym counts, so an item does not win by matching many synonyms.
 */
export function merge(responses, max = MAX_RESULTS) {
  const merged = new Map();
  for (const response of responses) {
    for (const result of response.results) {
      let entry = merged.get(result.id);
      if (!entry) {
        entry = { result, score: 0, synonym: 0 };
        merged.set(result.id, entry);
      }
      const score = response.query.weight * result.score;
      if (response.query.group === "synonym") entry.synonym = Math.max(entry.synonym, score);
      else entry.score += score;
    }
  }
  const entries = Array.from(merged.values(), (entry) => ({ result: entry.result, score: entry.score + entry.synonym }));
  return entries.sort((a, b) => b.score - a.score).slice(0, max);
}

/** The same item in the page's language and in Dutch (merged index): keep the translation. */
export function dedupe(items) {
  const byId = new Map();
  for (const item of items) {
    const other = byId.get(item.id);
    if (!other || (item.translated && !other.translated)) byId.set(item.id, item);
  }
  return Array.from(byId.values());
}

/** Stale items lower (still found), information pages a little higher, ties by title. Sorts in place. */
export function rank(items) {
  for (const item of items) {
    if (item.stale) item.score *= STALE_FACTOR;
    // Information pages explain a topic and point to every provider: first among near-equals.
    if (item.kind === "page") item.score *= PAGE_FACTOR;
  }
  return items.sort((a, b) => b.score - a.score || a.title.localeCompare(b.title));
}
