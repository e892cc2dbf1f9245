// Facet counts and filtering over the loaded results (the best MAX_RESULTS of a query). Pure.

export const FACETS = ["type", "need", "audience", "place", "sector", "form"];

/** facet -> Map(value -> number of items), for the facets worth showing; null when no filter helps. */
export function facetCounts(items, facets = FACETS) {
  const counts = {};
  for (const item of items) {
    for (const facet of facets) {
      for (const value of item.filters[facet] || []) {
        counts[facet] = counts[facet] || new Map();
        counts[facet].set(value, (counts[facet].get(value) || 0) + 1);
      }
    }
  }
  // A facet with one value filters nothing, except type: it still tells what kind the results are.
  const groups = facets.filter((facet) => counts[facet] && (counts[facet].size > 1 || facet === "type"));
  if (items.length < 2 || !groups.length) return null;
  return Object.fromEntries(groups.map((facet) => [facet, counts[facet]]));
}

/** Items that have, for every facet with a choice, at least one chosen value (selected: facet -> Set). */
export function filterItems(items, selected) {
  return items.filter((item) =>
    Object.keys(selected).every((facet) => {
      const wanted = selected[facet];
      if (!wanted.size) return true;
      return (item.filters[facet] || []).some((value) => wanted.has(value));
    }),
  );
}
