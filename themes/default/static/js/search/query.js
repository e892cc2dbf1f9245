// Query planning: what the resident typed -> ONE query for the search backend. Pagefind (1.5) scores a
// query with BM25 over all its words (a page needs only some of them), so the words the resident
// means, their synonyms, typo corrections and compound forms are folded into one word list and
// searched once; BM25's term saturation caps the evidence of each word (docs/search.md, "Ranking").
// Pure (no DOM, no fetch), so node --test covers it (tests/js/query.test.mjs).
import { distance } from "./levenshtein.js";

// Words shorter than this are searched only when they are a word the site knows or a resident's
// abbreviation (pgb, vog, wmo). Pagefind matches every word by its start, so a short word such as
// "man" would match every "mantelzorg…" word: inside a recognised phrase they are left out.
export const MIN_PHRASE_WORD = 5;
// Typo correction starts at this length: a short word has too many neighbours to guess.
export const MIN_CORRECT = 4;
// From this length a word may have two typos (Meilisearch gets the same sizes: search/meili_ranking.py).
export const MIN_TWO_TYPOS = 8;

/** zoekdata.json as loaded, with the sets the planner looks words up in. */
export function prepare(data) {
  data.stopSet = new Set(data.stop);
  // Never correct to a stop word ("piet" -> "niet"), whatever the word list holds.
  data.words = data.words.filter((word) => !data.stopSet.has(word));
  data.wordSet = new Set(data.words);
  return data;
}

/**
 * Words of a text, lower case. Apostrophes belong to the word before them ("opa's" -> "opa") or
 * are an article ("'s nachts", "'t"): a lone letter is never a search word.
 */
export function tokenize(text) {
  return text
    .toLowerCase()
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/(\p{L})'s\b/gu, "$1") // Dutch plural or genitive: opa's, baby's
    .replace(/(^|[^\p{L}])'[stn]\b/gu, "$1") // 's nachts, 't huis, 'n keer
    .replace(/[^\p{L}\p{N}\s-]/gu, " ")
    .split(/\s+/)
    .filter((token) => token.length > 1 || /\d/.test(token));
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

/** A long word as two known words (a Dutch compound, with or without the linking s), or null. */
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
  if (token.length < MIN_CORRECT || data.wordSet.has(token) || hasPrefix(data.words, token)) return null;
  // A compound of two known words is no typo: "mantelzorgondersteuning" = mantelzorg + ondersteuning.
  const parts = splitCompound(token, data);
  if (parts) return parts;
  const limit = token.length >= MIN_TWO_TYPOS ? 2 : 1;
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
  return best ? [best] : null;
}

/**
 * The query for what the resident typed. Pagefind finds the pages that have ALL known words of a
 * query (a word it does not know is left out) and ranks them with BM25, so the planner chooses the
 * words: the resident's meaningful words, corrected, with compounds in one form; a recognised
 * phrase counts by its own long words (the items it points to carry the phrase as a hidden keyword,
 * search/documents.py) or, when it has none ("ik kan het niet meer"), by its targets.
 * Returns {foreign (no word the site uses), terms, fallback, text, words, corrected: [{from, to}], highlight, phrase, tokens (as typed)}: `terms` in a
 * fixed order (the same meaning gives the same query), `fallback` what to search when no page has
 * the terms together and dropping words does not help either (synonyms, compound parts).
 */
export function plan(text, data) {
  const tokens = tokenize(text);
  const used = tokens.map(() => false);
  const expansions = [];
  const own = [];
  const targets = [];
  let phrase = "";
  // Phrases of the synonym list, longest first, so "oppas voor mijn man" wins over "oppas".
  for (let n = Math.min(7, tokens.length); n >= 2; n--) {
    for (let i = 0; i + n <= tokens.length; i++) {
      if (used.slice(i, i + n).includes(true)) continue;
      const key = tokens.slice(i, i + n).join(" ");
      const found = data.synonyms[key];
      if (!found) continue;
      expansions.push(...found);
      if (n === tokens.length) phrase = key;
      for (let k = i; k < i + n; k++) used[k] = true;
      // The phrase's first target is the site's word for what the resident means ("zorgen voor mijn
      // moeder" -> mantelzorg). When the phrase is all that was typed, its own long words count too
      // ("praten met anderen" is also a page title); in a longer sentence they would outweigh the
      // other phrases' meaning. Short words never: "man" would match every "mantelzorg…".
      if (n === tokens.length) own.push(...tokens.filter((t) => !data.stopSet.has(t) && t.length >= MIN_PHRASE_WORD));
      targets.push(tokenize(found[0]).filter((t) => !data.stopSet.has(t)));
    }
  }
  // "ik ben 15": a young carer. Young carers rarely use the word mantelzorger.
  tokens.forEach((token, index) => {
    const age = /^\d{1,2}$/.test(token) ? parseInt(token, 10) : 0;
    if (age >= 8 && age <= 25 && (tokens[index - 1] === "ben" || tokens[index + 1] === "jaar")) {
      used[index] = true;
      const young = data.synonyms["jonge mantelzorger"] || ["jonge mantelzorgers"];
      expansions.push(...young);
      targets.push(tokenize(young[0]));
    }
  });
  const corrected = [];
  const fallback = [];
  tokens.forEach((token, index) => {
    if (used[index] || data.stopSet.has(token)) return;
    const fixed = correct(token, data);
    if (fixed && fixed.length === 1) {
      corrected.push({ from: token, to: fixed[0] });
      own.push(fixed[0]);
    } else if (fixed) own.push(...fixed); // an unknown compound: its two known parts
    else own.push(token);
  });
  // Dutch compounds in both forms, so "dementie cursus" and "dementiecursus" are the same query: the
  // index has both forms of a compound of known words (search/synonyms.py compound_variants), so
  // searching both narrows nothing and ranks by both. A part shorter than MIN_PHRASE_WORD means
  // little alone ("ziekenhuis" is no "huis"): such a compound is searched joined only.
  // (Both parts must be known words, as splitCompound requires of a typed compound: the same rule both ways.)
  const long = (parts) => parts.every((part) => part.length >= MIN_PHRASE_WORD && data.wordSet.has(part));
  const words = [];
  for (let w = 0; w < own.length; w++) {
    const joined = w + 1 < own.length ? [own[w] + own[w + 1], own[w] + "s" + own[w + 1]].find((c) => data.wordSet.has(c)) : null;
    const parts = joined ? [own[w], own[w + 1]] : own[w].length >= 8 && data.wordSet.has(own[w]) ? splitCompound(own[w], data) : null;
    if (joined) w++;
    const compound = joined || own[w];
    if (parts && long(parts)) words.push(compound, ...parts);
    else {
      words.push(compound);
      if (parts) fallback.push(...parts);
    }
  }
  const terms = [];
  const add = (list, word) => word && !data.stopSet.has(word) && !list.includes(word) && list.push(word);
  words.forEach((word) => add(terms, word));
  targets.flat().forEach((word) => add(terms, word));
  // Synonyms of the words and phrases: searched only when the words themselves find nothing.
  for (const word of words) if (data.synonyms[word]) expansions.push(...data.synonyms[word]);
  for (const term of expansions) tokenize(term).forEach((word) => word.length >= 3 && add(fallback, word));
  // Only stop words ("het is niet"): search what was typed rather than nothing.
  if (!terms.length) tokens.forEach((token) => add(terms, token) || terms.includes(token) || terms.push(token));
  terms.sort();
  // The site never uses any of these words (the list is complete on a site below its cap): whatever
  // Pagefind finds by stem or prefix ("parking" -> "park") is no answer. The page says so plainly.
  // (Words under 4 letters are never in the list, search/site.py: "pgb", "vog" are never foreign.)
  const foreign =
    !!data.complete && !corrected.length && !expansions.length && terms.every((t) => t.length >= 4 && !data.wordSet.has(t) && !hasPrefix(data.words, t));
  return {
    foreign, terms, fallback: fallback.filter((w) => !terms.includes(w)), text: terms.join(" "), words, corrected, highlight: words.concat(expansions), phrase, tokens };
}
