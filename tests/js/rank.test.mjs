// Answer decisions, hubs, paging, facets and dates between builds: the pure parts behind the result list.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ended, nextDate, upcoming } from "../../themes/default/static/js/search/dates.js";
import { facetCounts, filterItems } from "../../themes/default/static/js/search/facets.js";
import { closestHubs, dedupe, itemFactor, ListPager, matchesWell, maxFactor, PAGE_SIZE, Reranker, WEAK_SCORE } from "../../themes/default/static/js/search/rank.js";

test("dedupe keeps the translation of an item found in both indexes", () => {
  const items = dedupe([
    { id: "x", translated: false, url: "/a/" },
    { id: "x", translated: true, url: "/en/a/" },
    { id: "y", translated: false, url: "/b/" },
  ]);
  assert.deepEqual(items.map((i) => i.url), ["/en/a/", "/b/"]);
});

const DATA = { boosts: { page: 1.05, vacancy: 0.85 }, stale_factor: 0.7 };
const loadAll = (loaded) => async (batch) => {
  loaded.push(...batch.map((r) => r.id));
  return batch.map((r) => ({ id: r.id, kind: r.kind, stale: r.stale, score: r.score }));
};

test("itemFactor and maxFactor: the type's boost times the stale factor; the largest factor any result can get", () => {
  assert.equal(itemFactor({ kind: "vacancy", stale: true }, DATA).toFixed(3), "0.595");
  assert.equal(itemFactor({ kind: "offer", stale: false }, DATA), 1);
  assert.equal(maxFactor(DATA), 1.05);
  assert.equal(maxFactor({}), 1);
});

test("Reranker: the same order as adjusting every result, while reading only the results within the factors' margin", async () => {
  const kinds = ["page", "vacancy", "offer", "activity"];
  // 200 results, raw scores falling from 100 by 1 % a step: deterministic kinds and staleness.
  const results = Array.from({ length: 200 }, (_, i) => ({ id: "r" + i, kind: kinds[(i * 7) % 4], stale: i % 5 === 3, score: 100 * 0.99 ** i }));
  const expected = results
    .map((r) => ({ id: r.id, score: r.score * itemFactor(r, DATA) }))
    .sort((a, b) => b.score - a.score)
    .map((r) => r.id);
  const loaded = [];
  const ranker = new Reranker(results, loadAll(loaded), DATA);
  const first = await ranker.next(PAGE_SIZE);
  const second = await ranker.next(PAGE_SIZE);
  assert.deepEqual([...first, ...second].map((i) => i.id), expected.slice(0, 2 * PAGE_SIZE));
  assert.ok(loaded.length < 60, `read ${loaded.length} of 200 results for two pages`);
  assert.equal(new Set(loaded).size, loaded.length, "each result is loaded once");
});

test("Reranker: an item that is not kept (ended, seen) is skipped; it ends when every result is read", async () => {
  const results = [
    { id: "a", kind: "vacancy", stale: false, score: 10 },
    { id: "b", kind: "offer", stale: false, score: 9 },
    { id: "c", kind: "offer", stale: true, score: 8 },
  ];
  const ranker = new Reranker(results, loadAll([]), DATA, (item) => item.id !== "b");
  assert.deepEqual((await ranker.next(5)).map((i) => [i.id, +i.score.toFixed(2)]), [["a", 8.5], ["c", 5.6]]);
  assert.equal(ranker.done, true);
});

test("matchesWell: no result or only weak ones is no answer (Pagefind's scores; Meilisearch's are 0..1)", () => {
  assert.equal(matchesWell(0, 0), false);
  assert.equal(matchesWell(12, WEAK_SCORE / 2), false);
  assert.equal(matchesWell(3, WEAK_SCORE), true);
  assert.equal(matchesWell(3, 0.4, "meili"), true);
});

test("closestHubs: the hubs that share a stem with the query's terms, else the fallback", () => {
  const hubs = [
    { title: "Respijtzorg", url: "/onderwerp/respijtzorg/", words: "vervangende zorg oppas" },
    { title: "Financiële ondersteuning", url: "/onderwerp/financiele-ondersteuning/", words: "geld pgb vergoeding" },
    { title: "Emotionele steun", url: "/onderwerp/emotionele-steun/", words: "praten" },
    { title: "Jonge mantelzorgers", url: "/voor-wie/jonge-mantelzorgers/", words: "brussen" },
  ];
  assert.deepEqual(closestHubs(["vergoedingen", "oppassen"], hubs).map((h) => h.title), ["Respijtzorg", "Financiële ondersteuning"]);
  assert.deepEqual(closestHubs(["zwemles"], hubs, 2, hubs.slice(2)).map((h) => h.title), ["Emotionele steun", "Jonge mantelzorgers"]);
  assert.equal(closestHubs(["zwemles"], hubs).length, 0);
});

test("ListPager: pages of PAGE_SIZE, then done", async () => {
  const pager = new ListPager(Array.from({ length: PAGE_SIZE + 2 }, (_, i) => i));
  assert.equal((await pager.next()).length, PAGE_SIZE);
  assert.equal(pager.done, false);
  assert.deepEqual(await pager.next(), [PAGE_SIZE, PAGE_SIZE + 1]);
  assert.equal(pager.done, true);
});

test("facet counts: only facets that filter something, type always; none for one result", () => {
  const items = [
    { filters: { type: ["offer"], need: ["respijtzorg"], place: ["a"] } },
    { filters: { type: ["offer"], need: ["respijtzorg", "geld"], place: ["a"] } },
  ];
  const counts = facetCounts(items);
  assert.deepEqual(Object.keys(counts), ["type", "need"]);
  assert.deepEqual([...counts.need], [["respijtzorg", 2], ["geld", 1]]);
  assert.equal(facetCounts(items.slice(0, 1)), null);
});

test("filterItems: any chosen value within a facet, every facet with a choice", () => {
  const items = [
    { id: 1, filters: { type: ["offer"], need: ["geld"] } },
    { id: 2, filters: { type: ["page"], need: ["respijtzorg"] } },
    { id: 3, filters: { type: ["offer"], need: ["respijtzorg"] } },
  ];
  const ids = (selected) => filterItems(items, selected).map((i) => i.id);
  assert.deepEqual(ids({}), [1, 2, 3]);
  assert.deepEqual(ids({ type: new Set(["offer"]), need: new Set() }), [1, 3]);
  assert.deepEqual(ids({ type: new Set(["offer"]), need: new Set(["respijtzorg", "x"]) }), [3]);
});

test("dates: the next date that has not ended; ended after the last carried date or the last day", () => {
  const dates = ["2026-11-23T10:00:00+01:00/2026-11-23T12:00:00+01:00", "2026-11-30T10:00:00+01:00/2026-11-30T12:00:00+01:00"];
  const at = (iso) => new Date(iso);
  assert.equal(upcoming(dates, at("2026-11-23T11:00:00+01:00")).length, 2);
  assert.equal(nextDate(dates, "x", at("2026-11-23T12:30:00+01:00")), "2026-11-30");
  assert.equal(nextDate(dates, "fallback", at("2026-12-01T00:00:00+01:00")), "fallback");
  assert.equal(ended(dates, "", at("2026-11-30T11:59:00+01:00")), false);
  assert.equal(ended(dates, "", at("2026-11-30T12:01:00+01:00")), true);
  assert.equal(ended([], "", at("2030-01-01T00:00:00Z")), false, "no dates, no last day: never ends");
  // A vacancy's last day is a calendar day in the visitor's own time zone.
  assert.equal(ended([], "2026-11-23", new Date(2026, 10, 23, 23, 59)), false);
  assert.equal(ended([], "2026-11-23", new Date(2026, 10, 24, 0, 1)), true);
});

test("title evidence: whole words up to their ending, and a phrase that is most of the title", async () => {
  const { titleEvidence, byTitle } = await import("../../themes/default/static/js/search/rank.js");
  const { tokenize } = await import("../../themes/default/static/js/search/query.js");
  // "dementia" ~ "dementie", "voorlezen" ~ "voorlezer": the same word up to its ending.
  assert.equal(titleEvidence(tokenize("Zorgen voor iemand met dementie"), ["dementia"], ["dementia"]), 1);
  assert.equal(titleEvidence(tokenize("Voorlezer voor peuters"), ["voorlezen", "kinderen"], ["voorlezen", "aan", "kinderen"]), 1);
  // A prefix is no evidence: "man" is not "mantelzorg".
  assert.equal(titleEvidence(tokenize("Mantelzorgcafé Lindeveld"), ["man"], ["mijn", "man"]), 0);
  // The typed phrase (stop words too) that makes up most of the title counts its length.
  const typed = tokenize("zorgen voor mijn moeder ik kan het niet meer");
  assert.equal(titleEvidence(tokenize("Ik kan het niet meer aan"), ["moeder", "zorgen"], typed), 5);
  // ... but not a short run in a long title ("met een" in "Zorgen voor een kind met een beperking").
  assert.equal(titleEvidence(tokenize("Zorgen voor een kind met een beperking"), ["beperking"], tokenize("broer met een beperking")), 1);
  // Reordering keeps ties in the order given and never drops an item.
  const items = [
    { id: "a", title: "Training voor vrijwilligers", score: 10 },
    { id: "b", title: "Ik kan het niet meer aan", score: 8 },
    { id: "c", title: "Iets anders", score: 8 },
  ];
  assert.deepEqual(byTitle(items, ["moeder"], typed, tokenize).map((item) => item.id), ["b", "a", "c"]);
});
