// The static backend: Pagefind's index in /pagefind/, one per language, searched with the planned
// queries (query.js) whose results rank.js merges. Works on any static host.
import { ended, nextDate } from "../dates.js";
import { excerptSegments } from "../highlight.js";
import { dedupe, merge, rank, UNTRANSLATED_FACTOR } from "../rank.js";

/**
 * Loads the Pagefind bundle once (lazily: a visitor who never types downloads nothing).
 * On a page in another language than the default one, the default language's index is merged in:
 * items not translated yet are found in Dutch, as the listings show them.
 */
export function loader(bundle, lang, defaultLang) {
  let loading = null;
  return () => {
    if (!loading) {
      loading = import(bundle + "pagefind.js").then(async (module) => {
        await module.options({ bundlePath: bundle, excerptLength: 24 });
        if (lang !== defaultLang && module.mergeIndex) {
          // An absolute URL: Pagefind skips a merge whose path looks like its own bundle.
          await module.mergeIndex(new URL(bundle, window.location.href).href, { language: defaultLang }).catch(() => {});
        }
        return module;
      });
    }
    return loading;
  };
}

/** Runs every query of the plan and returns the ranked items. */
export async function search(pagefind, queryPlan, lang, defaultLang) {
  const responses = await Promise.all(
    queryPlan.queries.map(async (query) => {
      const response = await pagefind.search(query.text);
      return { query, results: response ? response.results : [] };
    }),
  );
  const top = merge(responses);
  const items = await Promise.all(top.map(async (entry) => toItem(await entry.result.data(), entry.score, lang, defaultLang)));
  return rank(dedupe(items));
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
    // Prefer the page's language; an untranslated (Dutch) item still shows, a little lower.
    score: translated ? score : score * UNTRANSLATED_FACTOR,
    ended: ended(dates, meta.until || ""),
  };
}
