// The static backend: Pagefind's index in /pagefind/, one per language. A query is ONE Pagefind
// search (query.js folds synonyms, corrections and compounds into it); its answer holds every
// matching page's id and score and the filter counts, without any result's text. A result's
// text (its "fragment", one request each) is loaded only when the result is shown (Pager).
import { ended, nextDate } from "../dates.js";
import { excerptSegments } from "../highlight.js";
import { tokenize } from "../query.js";
import { byTitle, PAGE_SIZE, Reranker, UNTRANSLATED_FACTOR } from "../rank.js";

// Pagefind's BM25 settings (docs/search.md, "Ranking"): termSimilarity rewards a whole-word match
// over a word that merely starts with the query word ("man" in "mantelzorger"); termSaturation
// below the default caps how much one word repeated on a page can add; pageLength keeps long pages
// from losing only because they are long.
export const RANKING = { termSimilarity: 10, termSaturation: 0.8, pageLength: 0.1, termFrequency: 1 };

/**
 * Loads the Pagefind bundle once (lazily: a visitor who never types downloads nothing).
 * On a page in another language than the default one, the default language's index is merged in,
 * restricted to the items not translated into the page's language (the `untranslated` filter of
 * partials/search-meta.html) and weighted a little lower: so each item is found once.
 */
export function loader(bundle, lang, defaultLang) {
  let loading = null;
  return () => {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(async (module) => {
        await module.options({ bundlePath: bundle, excerptLength: 24, ranking: RANKING });
        if (lang !== defaultLang && module.mergeIndex) {
          // An absolute URL: Pagefind skips a merge whose path looks like its own bundle.
          await module.mergeIndex(new URL(bundle, window.location.href).href, {
            language: defaultLang,
            indexWeight: UNTRANSLATED_FACTOR,
            mergeFilter: { untranslated: lang },
            ranking: RANKING,
          });
        }
        // Pagefind counts a query's results per filter value only for filters it has loaded.
        await module.filters();
        return module;
      });
    }
    return loading;
  };
}

/** Pagefind's filter option from the chosen values (facet -> Set): any chosen value of a facet. */
export function pagefindFilters(selected) {
  const filters = {};
  for (const [facet, values] of Object.entries(selected || {})) if (values.size) filters[facet] = { any: Array.from(values) };
  return filters;
}

/**
 * Pagefind's search, remembered per words and filters for the page's life: the planner's first try,
 * the query itself and a query typed again (a space, a word back) ask Pagefind once. At 10,000 items
 * one search of a common word costs 0.5-1 s in Pagefind (docs/performance.md), so asking twice is
 * what made later queries slow.
 */
export function cached(pagefind) {
  if (!caches.has(pagefind)) {
    const memo = new Map();
    caches.set(pagefind, (text, filters = {}) => {
      const key = text + "\u0000" + JSON.stringify(filters);
      if (!memo.has(key)) {
        // A failed search is not remembered; the oldest of CACHED searches is forgotten first.
        const asked = pagefind.search(text, { filters }).then((response) => response || { results: [] });
        asked.catch(() => memo.delete(key));
        memo.set(key, asked);
        if (memo.size > CACHED) memo.delete(memo.keys().next().value);
      }
      return memo.get(key);
    });
  }
  return caches.get(pagefind);
}
// Per Pagefind module (a module namespace cannot carry a property); a few dozen answers of a few
// thousand results each are a few MB at most.
const caches = new WeakMap();
const CACHED = 24;

/**
 * The words to search together: the plan's terms, or, when no page has them all, fewer: the word
 * that matches the most pages is dropped first (it tells the least), as Meilisearch's "frequency"
 * matching strategy does; then the plan's fallback (synonyms, compound parts). Every word's index
 * chunk is loaded by the first search, so the searches after it cost no request.
 */
export async function chooseTerms(pagefind, queryPlan) {
  const run = cached(pagefind);
  let words = queryPlan.terms.slice();
  const found = async (list) => (await run(list.join(" "))).results.length;
  if (await found(words)) return words;
  while (words.length > 1) {
    const counts = await Promise.all(words.map((word) => found([word])));
    const drop = counts.indexOf(Math.max(...counts));
    words = words.filter((_, index) => index !== drop);
    if (await found(words)) return words;
  }
  for (const word of queryPlan.fallback) if (await found([word])) return [word];
  return words;
}

/**
 * One query. Returns {total, best, counts, pager}: counts are facet -> Map(value -> n) over all
 * results of the query (not only the ones shown), best the top score (rank.js decides whether it is good).
 * The type's boost and the stale factor are applied by the pager from each result's own metadata
 * (rank.js Reranker), not learnt from extra filtered searches, each as slow as the query itself.
 */
export async function search(pagefind, queryPlan, selected, lang, defaultLang, data) {
  // The words are chosen once per query, without filters, so choosing a filter never changes them.
  if (!queryPlan.chosen) queryPlan.chosen = await chooseTerms(pagefind, queryPlan);
  const response = await cached(pagefind)(queryPlan.chosen.join(" "), pagefindFilters(selected));
  const results = response.results;
  const counts = {};
  for (const [facet, values] of Object.entries(response.totalFilters || {})) {
    counts[facet] = new Map(Object.entries(values).filter(([, n]) => n > 0));
  }
  return { total: results.length, best: results.length ? results[0].score : 0, counts, pager: new Pager(results, lang, defaultLang, queryPlan, data) };
}

/** Shows results page by page, in adjusted order (rank.js Reranker): an ended result is skipped, an item is shown once. */
export class Pager {
  constructor(results, lang, defaultLang, queryPlan = null, data = null) {
    this.plan = queryPlan;
    this.seen = new Set();
    this.ready = []; // loaded and ordered, not shown yet
    this.first = true;
    const load = (batch) => Promise.all(batch.map(async (result) => toItem(await result.data(), result.score, lang, defaultLang)));
    // Between two daily builds a result can pass (dates.js).
    const keep = (item) => {
      if (item.ended || this.seen.has(item.id)) return false;
      this.seen.add(item.id);
      return true;
    };
    this.ranker = new Reranker(results, load, data, keep);
  }

  get done() {
    return !this.ready.length && this.ranker.done;
  }

  /** The next `size` items that have not ended (fewer at the end). */
  async next(size = PAGE_SIZE) {
    if (this.first && this.plan) {
      // The first page, whose titles and summaries are loaded now, in the order they suggest (rank.js byTitle).
      this.first = false;
      this.ready = byTitle(await this.ranker.next(size), this.plan.terms, this.plan.tokens || [], tokenize);
    }
    const items = this.ready.splice(0, size);
    if (items.length < size) items.push(...(await this.ranker.next(size - items.length)));
    return items;
  }
}

// The part of an excerpt worth showing: text around a match, not the hidden keywords, not what the
// title and summary show already. Returns "" when there is nothing to add.
function usefulExcerpt(excerpt, meta) {
  // Hidden keywords are separated by "zzkw": keep only the text before them.
  const cut = excerpt.indexOf("zzkw");
  if (cut !== -1) excerpt = excerpt.slice(0, cut);
  const plain = excerpt.replace(/<[^>]+>/g, "");
  if (!excerpt.includes("<mark>") || plain.split(/\s+/).length < 6) return "";
  // The index text starts with title and summary, which the result shows already.
  for (const shown of [meta.title, meta.summary]) {
    if (shown && plain.includes(shown.slice(0, 20))) return "";
  }
  return excerpt.trim();
}

/** A Pagefind result's data (meta from partials/search-meta.html) as an item for ui.js. */
export function toItem(doc, score, lang, defaultLang) {
  const meta = doc.meta || {};
  const excerpt = usefulExcerpt(doc.excerpt || "", meta);
  // Results from the merged Dutch index come with absolute URLs: keep the path.
  const url = new URL(doc.url, window.location.href).pathname;
  const translated = lang === defaultLang || url.startsWith("/" + lang + "/");
  const dates = meta.dates ? meta.dates.split(" ") : [];
  return {
    id: meta.id || url,
    kind: meta.type,
    url,
    title: meta.title || url,
    summary: meta.summary || "",
    excerpt: excerpt ? excerptSegments(excerpt) : [],
    organisation: meta.organisation || "",
    date: nextDate(dates, meta.date || ""),
    stale: meta.stale === "1",
    filters: doc.filters || {},
    translated,
    lang: meta.lang || "",
    score,
    ended: ended(dates, meta.until || ""),
  };
}
