// Merging, ranking, facets and dates between builds: the pure parts behind the result list.
import assert from "node:assert/strict";
import { test } from "node:test";
import { ended, nextDate, upcoming } from "../../themes/default/static/js/search/dates.js";
import { facetCounts, filterItems } from "../../themes/default/static/js/search/facets.js";
import { dedupe, merge, PAGE_FACTOR, rank, STALE_FACTOR } from "../../themes/default/static/js/search/rank.js";

const response = (weight, results, group) => ({ query: group ? { weight, group } : { weight }, results });

test("merge adds up scores over queries, but counts only the best synonym", () => {
  const top = merge([
    response(2, [{ id: "a", score: 1 }]),
    response(1.2, [{ id: "a", score: 1 }, { id: "b", score: 1 }]),
    response(0.6, [{ id: "b", score: 2 }], "synonym"),
    response(0.6, [{ id: "b", score: 3 }], "synonym"),
  ]);
  assert.deepEqual(top.map((e) => [e.result.id, +e.score.toFixed(6)]), [["a", 3.2], ["b", 3]]);
});

test("merge keeps the best `max`", () => {
  const results = Array.from({ length: 5 }, (_, i) => ({ id: "r" + i, score: i }));
  assert.deepEqual(merge([response(1, results)], 2).map((e) => e.result.id), ["r4", "r3"]);
});

test("dedupe keeps the translation of an item found in both indexes", () => {
  const items = dedupe([
    { id: "x", translated: false, url: "/a/" },
    { id: "x", translated: true, url: "/en/a/" },
    { id: "y", translated: false, url: "/b/" },
  ]);
  assert.deepEqual(items.map((i) => i.url), ["/en/a/", "/b/"]);
});

test("rank: stale lower, information pages a little higher, ties by title", () => {
  const items = rank([
    { title: "B", score: 1, kind: "offer" },
    { title: "A", score: 1, kind: "offer" },
    { title: "Stale", score: 1.2, kind: "offer", stale: true },
    { title: "Page", score: 1, kind: "page" },
  ]);
  assert.deepEqual(items.map((i) => i.title), ["Page", "A", "B", "Stale"]);
  assert.equal(items[0].score, PAGE_FACTOR);
  assert.equal(items[3].score, 1.2 * STALE_FACTOR);
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
