// The live backend (optional): Meilisearch with a search-only key or tenant token from the page.
// Typos, synonyms and ranking are Meilisearch's; main.js falls back to Pagefind on any failure.
import { ended, nextDate } from "../dates.js";
import { FACETS } from "../facets.js";
import { markedSegments } from "../highlight.js";
import { MAX_RESULTS } from "../rank.js";

// A slow answer is worse than the static search: give up after this and fall back.
const TIMEOUT_MS = 2500;

/**
 * The request body: the same as search/meili_ranking.py search_request (tests/search/test_meili_parity.py
 * compares them), plus what the page shows. `now` in milliseconds: what has ended since the build is left out.
 */
export function request(text, now = Date.now()) {
  return {
    q: text,
    limit: MAX_RESULTS,
    showRankingScore: true,
    // A sentence drops its most common words first, not its last ones.
    matchingStrategy: "frequency",
    filter: "ends_ts NOT EXISTS OR ends_ts > " + Math.floor(now / 1000),
    attributesToRetrieve: ["id", "url", "title", "summary", "organisation", "next_date", "dates", "valid_through", "stale", "content_lang"].concat(FACETS),
    attributesToCrop: ["text"],
    cropLength: 24,
    attributesToHighlight: ["text"],
    // Control characters cannot occur in the text, so they mark matches without any HTML.
    highlightPreTag: "\u0001",
    highlightPostTag: "\u0002",
  };
}

/** Searches `config` ({url, key, index}); rejects on an error, a non-200 answer or a timeout. */
export async function search(config, text) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  const body = request(text);
  try {
    const response = await fetch(config.url + "/indexes/" + encodeURIComponent(config.index) + "/search", {
      method: "POST",
      signal: controller.signal,
      credentials: "omit",
      referrerPolicy: "no-referrer",
      headers: { "Content-Type": "application/json", Authorization: "Bearer " + config.key },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error("meilisearch " + response.status);
    // The timeout covers the body too: a server can send its headers and then stall.
    const result = await response.json();
    return result.hits.map(toItem);
  } finally {
    clearTimeout(timer);
  }
}

function toItem(hit) {
  const filters = { type: [hit.type] };
  for (const facet of FACETS.slice(1)) filters[facet] = hit[facet] || [];
  const cropped = (hit._formatted && hit._formatted.text) || "";
  return {
    id: hit.id,
    kind: hit.type,
    url: hit.url,
    title: hit.title,
    summary: hit.summary,
    excerpt: cropped.includes("\u0001") ? markedSegments(cropped) : [],
    organisation: hit.organisation || "",
    date: nextDate(hit.dates || [], (hit.next_date || "").slice(0, 10)),
    stale: !!hit.stale,
    filters,
    lang: hit.content_lang || "",
    ended: ended(hit.dates || [], hit.valid_through || ""),
    score: hit._rankingScore || 0,
  };
}
