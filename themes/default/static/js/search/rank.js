// What the search page decides about a ranked answer: pure, so node --test covers it
// (tests/js/rank.test.mjs). The ranking is Pagefind's one BM25 pass over the planned query (query.js,
// backends/pagefind.js RANKING) with field weights from the content-type registry, times the type's
// boost and the stale factor (zoekdata.json): a type and freshness preference, never a provider preference.

// Results shown at once; "Meer resultaten" shows the next ones (their texts are loaded then).
export const PAGE_SIZE = 10;
// Meilisearch answers with this many results at most (backends/meili.js).
export const MAX_RESULTS = 60;
// An item not yet translated still shows, in Dutch, a little below translated ones (Pagefind's indexWeight).
export const UNTRANSLATED_FACTOR = 0.8;
// A Pagefind score below this is a weak match: a page that merely has a word starting like one of
// the query's, or one common word of a long sentence. Measured on the demo's relevance set
// (docs/search.md): the right answers of everyday questions score far above it.
export const WEAK_SCORE = 1;

/**
 * Pagefind's results with their scores times the factors (id -> factor: the type's boost, staleness),
 * best first; ties keep Pagefind's order. Returns [{result, score}].
 */
export function adjust(results, factors) {
  return results
    .map((result, index) => ({ result, index, score: result.score * (factors.get(result.id) ?? 1) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ result, score }) => ({ result, score }));
}

// How much each piece of title evidence adds to a shown result's score (titleEvidence): a title that
// names what was asked is the answer more often than a page that only mentions it.
export const TITLE_BONUS = 0.3;

/**
 * How well a title answers the query, counted in whole words (Pagefind's own score also counts a
 * title word that merely starts with a query word): one for every searched term that is a whole
 * word of the title, up to its ending (stem: zorgen ~ zorg, voorlezen ~ voorlezer, dementia ~ dementie), plus the length of the longest run of typed words (stop words included) that
 * the title holds in the same order, when that run is a phrase (two words or more) and makes up at
 * least half of the title, so the title is mostly what was asked: "ik kan het niet meer" in "Ik kan
 * het niet meer aan", "met zorg" in "Vakantieweek met zorg", but not "met een" in a long title.
 */
export function titleEvidence(titleWords, terms, typed) {
  const stems = new Set(titleWords.map(stem));
  let evidence = terms.filter((term) => stems.has(stem(term))).length;
  let longest = 0;
  for (let start = 0; start < titleWords.length; start++) {
    for (let from = 0; from < typed.length; from++) {
      let n = 0;
      while (start + n < titleWords.length && from + n < typed.length && titleWords[start + n] === typed[from + n]) n++;
      longest = Math.max(longest, n);
    }
  }
  if (longest >= 2 && longest * 2 >= titleWords.length) evidence += longest;
  return evidence;
}

/** Half a point for every searched term that is a whole word of the summary (up to its ending). */
export function summaryEvidence(summaryWords, terms) {
  const stems = new Set(summaryWords.map(stem));
  return terms.filter((term) => stems.has(stem(term))).length / 2;
}

/**
 * The shown page of results in a better order: score x (1 + TITLE_BONUS x title evidence). Only the
 * page whose texts are loaded anyway is reordered, so this costs no request; `tokens` splits a title
 * as the planner splits a query; `factor(item)` is the type's boost x the stale factor. Returns a new
 * array; ties keep the order given.
 */
export function byTitle(items, terms, typed, tokens, factor = () => 1) {
  return items
    .map((item, index) => ({
      item,
      index,
      score: item.score * factor(item) * (1 + TITLE_BONUS * (titleEvidence(tokens(item.title), terms, typed) + summaryEvidence(tokens(item.summary || ""), terms))),
    }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ item }) => item);
}

/** True when the best result is good enough to offer; otherwise the page says plainly that nothing current matches. */
export function matchesWell(total, best, backend = "pagefind") {
  if (!total) return false;
  // Meilisearch's ranking score is 0..1 and already demands the query's words (matchingStrategy).
  return backend === "meili" ? best > 0 : best >= WEAK_SCORE;
}

/** The same item in the page's language and in Dutch: keep the translation (Meilisearch answers). */
export function dedupe(items) {
  const byId = new Map();
  for (const item of items) {
    const other = byId.get(item.id);
    if (!other || (item.translated && !other.translated)) byId.set(item.id, item);
  }
  return Array.from(byId.values());
}

// A word's stem for comparing with titles: zorgen ~ zorg, vrijwilligers ~ vrijwilliger.
function stem(word) {
  return word.length > 5 ? word.slice(0, word.length - 2) : word;
}

/**
 * The `n` hubs (topic and target-group pages: [{title, url, words}]) closest to the planned query's
 * terms: most terms that share a stem with the hub's title or its words (labels, synonyms). Hubs
 * that share nothing are not offered, except that `fallback` hubs fill up an empty list.
 */
export function closestHubs(terms, hubs, n = 3, fallback = []) {
  const stems = terms.filter((t) => t.length >= 4).map(stem);
  const scored = hubs
    .map((hub, index) => {
      const words = (hub.title + " " + (hub.words || "")).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4);
      const score = stems.filter((s) => words.some((w) => w.startsWith(s) || s.startsWith(stem(w)))).length;
      return { hub, score, index };
    })
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.hub);
  for (const hub of fallback) if (scored.length < n && !scored.includes(hub)) scored.push(hub);
  return scored.slice(0, n);
}

/** Pages of already loaded items (Meilisearch answers at once), with the Pager's interface. */
export class ListPager {
  constructor(items) {
    this.items = items;
    this.at = 0;
  }

  get done() {
    return this.at >= this.items.length;
  }

  async next(size = PAGE_SIZE) {
    const page = this.items.slice(this.at, this.at + size);
    this.at += page.length;
    return page;
  }
}
