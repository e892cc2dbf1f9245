// Query planning against a small, explicit zoekdata.json (the real one: search/site.py query_data).
import assert from "node:assert/strict";
import { test } from "node:test";
import { correct, plan, prepare, splitCompound, SYNONYM_WEIGHT, tokenize } from "../../themes/default/static/js/search/query.js";

const data = () =>
  prepare({
    words: ["cursus", "dementie", "mantelzorg", "mantelzorgondersteuning", "mantelzorgwaardering", "ondersteuning", "oppas", "respijtzorg", "vrijwilliger", "werk"].sort(),
    stop: ["ik", "mijn", "voor", "het", "de", "kan", "niet", "meer", "aan", "met"],
    synonyms: {
      "oppas voor mijn man": ["respijtzorg", "oppas"],
      "even vrij": ["respijtzorg"],
      "praten met anderen": ["lotgenotencontact"],
      "jonge mantelzorger": ["jonge mantelzorgers"],
      maatje: ["buddy"],
    },
  });

test("tokenize: lower case, letters and digits only, hyphens kept", () => {
  assert.deepEqual(tokenize("Oppas, voor MIJN man!"), ["oppas", "voor", "mijn", "man"]);
  assert.deepEqual(tokenize("  dag-opvang  ik ben 15 "), ["dag-opvang", "ik", "ben", "15"]);
});

test("typos are corrected to the nearest known word, within 1 (2 from 8 letters)", () => {
  const d = data();
  assert.deepEqual(correct("kursus", d), ["cursus"]);
  assert.deepEqual(correct("repsijtzorg", d), ["respijtzorg"]);
  assert.deepEqual(correct("mantelzorgwaardeing", d), ["mantelzorgwaardering"]);
  assert.equal(correct("cursus", d), null, "a known word");
  assert.equal(correct("mant", d), null, "the start of a known word: still typing");
  assert.equal(correct("xyz", d), null, "shorter than 4 letters");
  assert.equal(correct("qwxzvbnm", d), null, "nothing near");
});

test("an unknown compound splits into two known words, also with the linking s", () => {
  const d = data();
  assert.deepEqual(splitCompound("vrijwilligerwerk", d), ["vrijwilliger", "werk"]);
  assert.deepEqual(splitCompound("vrijwilligerswerk", d), ["vrijwilliger", "werk"]);
  assert.equal(splitCompound("werkplaats", d), null, "plaats is not a known word");
});

test("a synonym phrase becomes its targets, once each, at the synonym weight", () => {
  const result = plan("oppas voor mijn man", data());
  assert.deepEqual(result.queries, [
    { text: "oppas man", weight: 2 },
    { text: "respijtzorg", weight: SYNONYM_WEIGHT, group: "synonym" },
    { text: "oppas", weight: SYNONYM_WEIGHT, group: "synonym" },
  ]);
  assert.deepEqual(result.corrected, []);
  assert.deepEqual(result.highlight, ["respijtzorg", "oppas"]);
});

test("stop words are dropped; all words together weigh 2, each word 1.2; corrections are reported", () => {
  const result = plan("ik zoek een kursus dementie", data());
  assert.deepEqual(
    result.queries.map((q) => [q.text, q.weight]),
    [["zoek een cursus dementie", 2], ["zoek", 1.2], ["een", 1.2], ["cursus", 1.2], ["dementie", 1.2]],
  );
  assert.deepEqual(result.corrected, ["cursus"]);
});

test("two typed words that form a known compound are also searched joined", () => {
  const texts = plan("mantelzorg ondersteuning", data()).queries.map((q) => q.text);
  assert.deepEqual(texts, ["mantelzorg ondersteuning", "mantelzorgondersteuning", "mantelzorg", "ondersteuning"]);
});

test("'ik ben 15' is a young carer", () => {
  const result = plan("ik ben 15", data());
  assert.ok(result.queries.some((q) => q.text === "mantelzorgers" && q.group === "synonym"), JSON.stringify(result.queries));
  assert.ok(!result.queries.some((q) => q.text.includes("15")));
  assert.ok(!plan("ik ben 45", data()).highlight.includes("jonge mantelzorgers"));
});

test("only stop words: the whole text is searched as typed", () => {
  assert.deepEqual(plan("het is niet", data()).queries.map((q) => q.text), ["is"]);
  assert.deepEqual(plan("ik kan niet meer", data()).queries, [{ text: "ik kan niet meer", weight: 1 }]);
  assert.deepEqual(plan("   ", data()).queries, []);
});
