// Query planning: what the resident typed -> several small weighted queries. Pagefind finds pages
// with ALL words of a query and has no typo tolerance, while residents type sentences and typos.
// Pure (no DOM, no fetch), so node --test covers it (tests/js/query.test.mjs).
import { distance } from "./levenshtein.js";

// One synonym counts at this weight, once (see plan): an item must not win by matching many.
export const SYNONYM_WEIGHT = 0.6;

/** zoekdata.json as loaded, with the sets the planner looks words up in. */
export function prepare(data) {
  data.wordSet = new Set(data.words);
  data.stopSet = new Set(data.stop);
  return data;
}

export function tokenize(text) {
  return text.toLowerCase().normalize("NFC").replace(/[^\p{L}\p{N}\s-]/gu, " ").split(/\s+/).filter(Boolean);
}

// True when a known word starts with token: the resident may still be typing it.
function hasPrefix(words, token) {
  // words is sorted: binary search for the first word >= token.
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (words[mid] < token) lo = mid + 1;
    else hi = mid;
  }
  return lo < words.length && words[lo].startsWith(token);
}

/** An unknown long word as two known words (a Dutch compound, with or without the linking s), or null. */
export function splitCompound(token, data) {
  for (let cut = 4; cut <= token.length - 4; cut++) {
    const head = token.slice(0, cut);
    const tail = token.slice(cut);
    if (data.wordSet.has(tail) && (data.wordSet.has(head) || (head.slice(-1) === "s" && data.wordSet.has(head.slice(0, -1))))) {
      return [data.wordSet.has(head) ? head : head.slice(0, -1), tail];
    }
  }
  return null;
}

/** The nearest known word(s) for a word the site does not know, or null when it needs no correction. */
export function correct(token, data) {
  if (token.length < 4 || data.wordSet.has(token) || hasPrefix(data.words, token)) return null;
  const limit = token.length >= 8 ? 2 : 1;
  let best = null;
  let bestDistance = limit + 1;
  for (const word of data.words) {
    const d = distance(token, word, Math.min(limit, bestDistance));
    if (d < bestDistance) {
      best = word;
      bestDistance = d;
      if (d === 1 && limit === 1) break;
    }
  }
  if (best) return [best];
  return splitCompound(token, data);
}

/** The queries to run for what the resident typed, each with a weight; what was corrected; the words to mark. */
export function plan(text, data) {
  const tokens = tokenize(text);
  const used = tokens.map(() => false);
  const expansions = [];
  const phrases = [];
  // Phrases of the synonym list, longest first, so "oppas voor mijn man" wins over "oppas".
  for (let n = Math.min(7, tokens.length); n >= 1; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if (used.slice(i, i + n).includes(true)) continue;
      const targets = data.synonyms[tokens.slice(i, i + n).join(" ")];
      if (!targets) continue;
      expansions.push(...targets);
      if (n > 1) {
        for (let k = i; k < i + n; k++) used[k] = true;
        // The resident's own words still count: "praten met anderen" is also a page title.
        phrases.push(tokens.slice(i, i + n).filter((t) => !data.stopSet.has(t)).join(" "));
      }
    }
  }
  // "ik ben 15": a young carer. Young carers rarely use the word mantelzorger.
  tokens.forEach((token, index) => {
    const age = /^\d{1,2}$/.test(token) ? parseInt(token, 10) : 0;
    if (age >= 8 && age <= 25 && (tokens[index - 1] === "ben" || tokens[index + 1] === "jaar")) {
      used[index] = true;
      expansions.push(...(data.synonyms["jonge mantelzorger"] || ["jonge mantelzorgers"]));
    }
  });
  const words = [];
  const corrected = [];
  tokens.forEach((token, index) => {
    if (used[index] || data.stopSet.has(token)) return;
    const fixed = correct(token, data);
    if (fixed) {
      corrected.push(fixed.join(" "));
      words.push(...fixed);
    } else words.push(token);
  });
  const queries = [];
  const seen = new Set();
  const add = (query, weight) => {
    query = query.trim();
    if (query && !seen.has(query)) {
      seen.add(query);
      queries.push({ text: query, weight });
    }
  };
  if (words.length > 1) add(words.join(" "), 2);
  // Dutch writes compounds as one word: "mantelzorg ondersteuning" -> "mantelzorgondersteuning".
  for (let w = 0; w + 1 < words.length; w++) {
    const joined = words[w] + words[w + 1];
    const linked = words[w] + "s" + words[w + 1];
    if (data.wordSet.has(joined) || data.wordSet.has(linked)) add(data.wordSet.has(joined) ? joined : linked, 2);
  }
  words.forEach((word) => add(word, 1.2));
  phrases.forEach((phrase) => add(phrase, 2));
  // Synonyms count once (the best one), so an item that matches many of them does not win on that alone.
  // Each word of a synonym is its own query; the best one counts (Pagefind adds up the words of a query).
  expansions.forEach((term) => {
    tokenize(term).forEach((word) => {
      if (word.length < 3 || data.stopSet.has(word) || seen.has(word)) return;
      seen.add(word);
      queries.push({ text: word, weight: SYNONYM_WEIGHT, group: "synonym" });
    });
  });
  if (!queries.length && tokens.length) add(tokens.join(" "), 1);
  return { queries, corrected, highlight: words.concat(expansions) };
}
