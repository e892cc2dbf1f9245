// The JS distance is the one hand-written Levenshtein; the build's rapidfuzz OSA must agree with it.
// tests/search/test_documents_and_meili.py checks the same PAIRS against rapidfuzz.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { distance } from "../../themes/default/static/js/search/levenshtein.js";

const PAIRS = JSON.parse(readFileSync(new URL("./distance-pairs.json", import.meta.url), "utf-8"));

test("optimal string alignment distance of known pairs", () => {
  for (const [a, b, expected] of PAIRS) assert.equal(distance(a, b, 10), expected, `${a} ~ ${b}`);
});

test("a swap of two neighbours costs one, as a typo does", () => {
  assert.equal(distance("repsijtzorg", "respijtzorg", 2), 1);
  assert.equal(distance("ab", "ba", 1), 1);
  // OSA, not full Damerau: a swapped pair is not edited again ("ca" -> "abc" is 3, not 2).
  assert.equal(distance("ca", "abc", 5), 3);
});

test("stops early: anything beyond the limit is limit + 1", () => {
  assert.equal(distance("mantelzorg", "vrijwilliger", 2), 3);
  assert.equal(distance("a", "abcd", 1), 2); // length difference alone
  assert.equal(distance("kursus", "cursus", 0), 1);
  assert.equal(distance("", "", 0), 0);
});
