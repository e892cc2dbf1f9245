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

/** A result's score factor from its own metadata: the type's boost x the stale factor (zoekdata.json). */
export function itemFactor(item, data) {
  const boost = ((data && data.boosts) || {})[item.kind] ?? 1;
  return boost * (item.stale && data && data.stale_factor ? data.stale_factor : 1);
}

/** The largest factor any result can get: a result's adjusted score is at most its raw score times this. */
export function maxFactor(data) {
  return Math.max(1, ...Object.values((data && data.boosts) || {}));
}

// How far past the page the ranker may read ahead (in fragments per page shown) before it settles for
// the order it knows: only results whose raw scores are within the factors' margin are read.
export const LOOKAHEAD = 3;

/**
 * Pagefind's results (raw score, best first) in the order of their adjusted scores (raw x itemFactor),
 * learnt from the results' own metadata as they are loaded to be shown, instead of from extra
 * filtered searches. An item is given out once no unread result can beat it: the next unread raw
 * score x maxFactor is below it. `load(results)` gives their items (with `score` = raw and `kind`,
 * `stale`); `keep(item)` says whether it is shown at all (not ended, not seen).
 */
export class Reranker {
  constructor(results, load, data, keep = () => true) {
    this.results = results;
    this.loadItems = load;
    this.data = data;
    this.keep = keep;
    this.bound = maxFactor(data);
    this.at = 0;
    this.pool = []; // loaded, adjusted, not given out yet; best first
  }

  get done() {
    return !this.pool.length && this.at >= this.results.length;
  }

  async read(count) {
    const batch = this.results.slice(this.at, this.at + count);
    this.at += batch.length;
    for (const item of await this.loadItems(batch)) {
      if (!this.keep(item)) continue;
      item.score *= itemFactor(item, this.data);
      this.pool.push(item);
    }
    this.pool.sort((a, b) => b.score - a.score);
  }

  /** The next `size` items in adjusted order (fewer at the end). */
  async next(size) {
    const items = [];
    let budget = size * (1 + LOOKAHEAD);
    while (items.length < size && !this.done) {
      const unread = this.at < this.results.length ? this.results[this.at].score * this.bound : -Infinity;
      const settled = this.pool.length && (this.pool[0].score >= unread || budget <= 0);
      if (settled) items.push(this.pool.shift());
      else {
        const count = Math.min(size, Math.max(1, budget));
        budget -= count;
        await this.read(count);
      }
    }
    return items;
  }
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
