// Query planning against a small, explicit zoekdata.json (the real one: search/site.py query_data).
import assert from "node:assert/strict";
import { test } from "node:test";
import { correct, plan, prepare, splitCompound, tokenize } from "../../themes/default/static/js/search/query.js";

const data = () =>
  prepare({
    words: ["cursus", "dementie", "dementiecursus", "mantelzorg", "mantelzorgondersteuning", "mantelzorgwaardering", "nachts", "niet", "ondersteuning", "oppas", "respijtzorg", "vrijwilliger", "vrijwilligerswerk", "werk", "ziekenhuis", "zieken", "huis"].sort(),
    stop: ["ik", "mijn", "voor", "het", "de", "kan", "niet", "meer", "aan", "met", "een", "zoek", "ben"],
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

test("apostrophes: no lone letter is searched ('s nachts, opa's)", () => {
  assert.deepEqual(tokenize("'s nachts doorslapen"), ["nachts", "doorslapen"]);
  assert.deepEqual(tokenize("\u2019s Nachts"), ["nachts"]);
  assert.deepEqual(tokenize("oppas voor opa's en oma's"), ["oppas", "voor", "opa", "en", "oma"]);
  assert.deepEqual(tokenize("a b 't huis"), ["huis"]);
  assert.deepEqual(plan("'s nachts", data()).terms, ["nachts"]);
});

test("typo correction never lands on a stop word, and says what it corrected", () => {
  const d = data();
  assert.ok(!d.wordSet.has("niet"), "prepare drops stop words from the known words");
  assert.equal(correct("piet", d), null);
  const result = plan("kursus", d);
  assert.deepEqual(result.corrected, [{ from: "kursus", to: "cursus" }]);
  assert.deepEqual(result.terms, ["cursus"]);
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

test("a synonym phrase: its long own words and its first target; short words left out", () => {
  const result = plan("oppas voor mijn man", data());
  assert.deepEqual(result.terms, ["oppas", "respijtzorg"]);
  assert.equal(result.phrase, "oppas voor mijn man");
  assert.ok(!result.terms.includes("man"), "man would match every mantelzorg… word");
  assert.deepEqual(plan("even vrij", data()).terms, ["respijtzorg"]);
});

test("stop words are dropped; the terms are sorted, so word order does not change the query", () => {
  const d = data();
  assert.deepEqual(plan("ik zoek een kursus voor dementie", d).terms, ["cursus", "dementie"]);
  assert.equal(plan("dementie kursus", d).text, plan("dementiecursus", d).text, "a typo and a compound");
});

test("split and joined compounds are the same query", () => {
  const d = data();
  for (const [split, joined] of [["mantelzorg ondersteuning", "mantelzorgondersteuning"], ["dementie cursus", "dementiecursus"]]) {
    assert.deepEqual(plan(split, d).terms, plan(joined, d).terms, split);
  }
  assert.deepEqual(plan("dementiecursus", d).terms, ["cursus", "dementie", "dementiecursus"]);
  // A part shorter than 5 letters means little alone: the compound is searched joined, its parts are the fallback.
  assert.deepEqual(plan("vrijwilliger werk", d).terms, ["vrijwilligerswerk"]);
  assert.deepEqual(plan("vrijwilligerswerk", d).terms, ["vrijwilligerswerk"]);
  assert.deepEqual(plan("ziekenhuis", d).terms, ["ziekenhuis"]);
  assert.deepEqual(plan("ziekenhuis", d).fallback, ["zieken", "huis"]);
});

test("an unknown compound is searched as its known parts, or as the known compound they form", () => {
  assert.deepEqual(plan("dementiekursus", data()).terms, ["cursus", "dementie", "dementiecursus"], "a typo inside a known compound");
  assert.deepEqual(plan("vrijwilligerwerk", data()).terms, ["vrijwilligerswerk"]);
});

test("'ik ben 15' is a young carer", () => {
  const result = plan("ik ben 15", data());
  assert.deepEqual(result.terms, ["jonge", "mantelzorgers"]);
  assert.ok(!plan("ik ben 45", data()).highlight.includes("jonge mantelzorgers"));
});

test("synonyms of a word are the fallback, searched only when the word finds nothing", () => {
  assert.deepEqual(plan("maatje", data()).fallback, ["buddy"]);
});

test("only stop words: the whole text is searched as typed", () => {
  assert.deepEqual(plan("ik kan niet meer", data()).terms, ["ik", "kan", "niet", "meer"].sort());
  assert.deepEqual(plan("   ", data()).terms, []);
});

test("a query of words the site never uses is foreign, but only when the word list is complete", () => {
  const complete = { ...data(), complete: true };
  assert.equal(plan("parking permit", complete).foreign, true);
  // A word the site knows, a word being typed (a prefix), a typo it corrects: not foreign.
  assert.equal(plan("parking oppas", complete).foreign, false);
  assert.equal(plan("demen", complete).foreign, false);
  assert.equal(plan("dementei", complete).foreign, false);
  // A phrase of the synonym list is understood even without a known word of its own.
  assert.equal(plan("even vrij", complete).foreign, false);
  // On a site whose list was cut at its cap, a rare word may simply be missing: never foreign.
  assert.equal(plan("parking permit", data()).foreign, false);
});

test("short words are never in the word list, so they never make a query foreign", () => {
  const complete = { ...data(), complete: true };
  assert.equal(plan("pgb", complete).foreign, false);
  assert.equal(plan("vog parking", complete).foreign, false);
});
