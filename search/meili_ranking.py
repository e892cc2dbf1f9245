"""The ranking intent of the static search, expressed in Meilisearch's terms (docs/search.md, "Meilisearch").

Pagefind ranks with BM25 over weighted fields, times the type's boost and the stale factor
(js/search/query.js, rank.js). Meilisearch ranks by a bucket sort over ranking rules instead, so the
same intent is translated, from the same sources, rather than copied:

- field weights (the registry's ``SearchWeights``) -> the order of ``searchableAttributes``;
- type boost x stale factor -> one integer field ``preference`` sorted descending by a custom
  ranking rule, a tie-breaker after the word rules (never above how well the words match);
- the planner's typo rules (``MIN_CORRECT`` and the two-typo length in query.js) ->
  ``typoTolerance.minWordSizeForTypos``; numbers (ages, postcodes, phone numbers) are never "corrected";
- stop words and synonyms: the same lists (``search/synonyms.py``);
- "a page needs only some of the words, the common ones go first" -> ``matchingStrategy: frequency``;
- "never an expired or past item" -> ``ends_ts`` (when the item stops being current), filterable,
  filtered in every request so an item that ended between two builds is not returned.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sitegen import dates
from sitegen.content.types import TYPES, SearchWeights

# The same numbers as js/search/query.js (MIN_CORRECT, MIN_TWO_TYPOS); tests/search/test_meili_parity.py
# reads them from there, so the two backends cannot drift apart.
MIN_CORRECT = 4
MIN_TWO_TYPOS = 8
# Which document fields carry each weight of SearchWeights (search/documents.py builds them).
WEIGHTED_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "summary": ("summary",),
    "keywords": ("keywords", "labels", "organisation"),
    "text": ("text",),
}
# Bucket sort: every rule only breaks the ties of the rules before it. Words first (how many of
# the query's words), then the best field the words are in (title > summary > keywords > text, the
# registry's weights), fewer typos, words close together, whole words above prefixes (exactness),
# earlier in the field, and only then the type/freshness preference and a sort. ``attributeRank`` and
# ``wordPosition`` (Meilisearch v1.36 and later) are the two halves of the older ``attribute`` rule:
# measured on the relevance set against a live server (docs/search.md), putting the field before the
# typo count raised MRR from 0.790 to 0.857, splitting the rule from 0.840 to 0.857.
RANKING_RULES = ["words", "attributeRank", "typo", "proximity", "exactness", "wordPosition", "preference:desc", "sort"]
MATCHING_STRATEGY = "frequency"


def searchable_attributes() -> list[str]:
    """Fields in the order of their weight in the registry (heaviest first; ties keep WEIGHTED_FIELDS' order).

    Meilisearch has one order per index, so a type whose weights would order the fields differently
    is refused here rather than silently ranked by another type's order."""
    orders = {tuple(_order(content_type.search_weights)) for content_type in TYPES}
    if len(orders) != 1:
        raise ValueError(
            "sitegen/content/types.py: de search_weights van de inhoudstypen geven de velden een verschillende volgorde "
            f"({sorted(orders)}); Meilisearch kent één volgorde per index. Geef title, summary, keywords en text bij elk type dezelfde volgorde."
        )
    return [field for weight in orders.pop() for field in WEIGHTED_FIELDS[weight]]


def _order(weights: SearchWeights) -> list[str]:
    names = list(WEIGHTED_FIELDS)
    return sorted(names, key=lambda name: (-getattr(weights, name), names.index(name)))


def preference(type_name: str, freshness: float) -> int:
    """Type boost x freshness (1, or documents.STALE_FACTOR for a stale item) as an integer (x100) for
    the ``preference:desc`` rule: 100 is neutral."""
    return round(100 * TYPES[type_name].search_weights.boost * freshness)


def typo_tolerance(stop_words: list[str]) -> dict[str, Any]:
    return {
        "enabled": True,
        "minWordSizeForTypos": {"oneTypo": MIN_CORRECT, "twoTypos": MIN_TWO_TYPOS},
        # A typo must never land on a stop word ("piet" is not "niet"): these words match only exactly.
        "disableOnWords": sorted(stop_words),
        "disableOnNumbers": True,
    }


def ends_ts(graph, node) -> int | None:
    """The moment (Unix seconds) the item stops being current, or None when it does not end by itself."""
    if node.type_name == "vacancy":
        return int(dates.start_of_day(node.data.valid_through + dt.timedelta(days=1)).timestamp())
    if node.type_name == "activity":
        end = graph.series_end(node)
        return int(end.timestamp()) if end is not None else None
    return None


def current_filter(now_seconds: int) -> str:
    """The filter of every request: items that have not ended at ``now_seconds`` (backends/meili.js builds the same)."""
    return f"ends_ts NOT EXISTS OR ends_ts > {int(now_seconds)}"


def search_request(query: str, now_seconds: int, limit: int) -> dict[str, Any]:
    """The search body js/search/backends/meili.js sends (the live relevance test sends this one)."""
    return {
        "q": query,
        "limit": limit,
        "showRankingScore": True,
        "matchingStrategy": MATCHING_STRATEGY,
        "filter": current_filter(now_seconds),
    }
