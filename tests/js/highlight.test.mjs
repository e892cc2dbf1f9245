// Marked text as segments: what ui.js turns into text nodes and <mark> elements (never HTML).
import assert from "node:assert/strict";
import { test } from "node:test";
import { excerptSegments, highlight, markedSegments } from "../../themes/default/static/js/search/highlight.js";

const show = (segments) => segments.map((s) => (s.marked ? `[${s.text}]` : s.text)).join("");

test("words that start with a search word's stem are marked, at word starts only", () => {
  assert.equal(show(highlight("Zorgen voor je moeder, mantelzorg", ["zorgen"])), "[Zorgen] voor je moeder, mantelzorg");
  assert.equal(show(highlight("Respijtzorg: even vrij", ["respijtzorg", "vrij"])), "[Respijtzorg]: even [vrij]");
  assert.equal(show(highlight("Geen treffer", ["ab"])), "Geen treffer", "words shorter than 3 letters mark nothing");
  assert.deepEqual(highlight("", ["zorg"]), []);
});

test("markup in a title stays text", () => {
  const segments = highlight('<img src=x onerror="alert(1)"> zorg & meer', ["zorg"]);
  assert.equal(show(segments), '<img src=x onerror="alert(1)"> [zorg] & meer');
  assert.equal(show(highlight("a (b) [c] zorg.*", ["zorg.*"])), "a (b) [c] [zorg].*", "regex characters are literal");
});

test("Pagefind's excerpt: marks kept, entities decoded, other tags dropped", () => {
  const segments = excerptSegments("Tom &amp; Jerry &lt;b&gt; <mark>oppas</mark> &#39;s avonds<br>&unknown; &#x263A;");
  assert.equal(show(segments), "Tom & Jerry <b> [oppas] 's avonds&unknown; ☺");
});

test("Meilisearch's marks (control characters) as segments", () => {
  assert.equal(show(markedSegments("een \u0001maatje\u0002 <b>voor</b> \u0001ouderen\u0002")), "een [maatje] <b>voor</b> [ouderen]");
});
