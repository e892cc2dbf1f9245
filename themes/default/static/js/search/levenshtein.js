// The one hand-written edit distance of Hulpwijzer. The browser needs it for typo correction;
// the build uses rapidfuzz's OSA distance, which gives the same numbers (tests/js/levenshtein.test.mjs
// and tests/search/test_documents_and_meili.py check the same pairs).

/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form (a swap of two neighbouring
 * letters costs 1, as residents' typos do), stopping early once every path is above `limit`:
 * the word list is long and only near words matter. Returns limit + 1 for anything farther.
 */
export function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev2 = null;
  let prev = [];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], prev2[j - 2] + 1);
      if (row[j] < best) best = row[j];
    }
    if (best > limit) return limit + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}
