"""One edit distance: the build (rapidfuzz's OSA in search/site.py) and the browser (js/search/levenshtein.js) agree.

The pairs are shared with tests/js/levenshtein.test.mjs, which checks the JavaScript side.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from rapidfuzz.distance import OSA

from search.site import _near_known

PAIRS = json.loads((Path(__file__).parents[1] / "js" / "distance-pairs.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("a", "b", "expected"), PAIRS)
def test_rapidfuzz_osa_gives_the_distance_the_browser_uses(a, b, expected):
    assert OSA.distance(a, b) == expected
    # With a cutoff, as _near_known asks: anything farther is cutoff + 1, as distance(a, b, limit) in JS.
    assert OSA.distance(a, b, score_cutoff=1) == min(expected, 2)


def test_transpositions_cost_one_but_are_not_edited_again():
    assert OSA.distance("repsijtzorg", "respijtzorg") == 1
    assert OSA.distance("ca", "abc") == 3  # OSA; unrestricted Damerau-Levenshtein would say 2


def test_misspelt_keywords_are_near_known_words():
    known = Counter({"respijtzorg": 3, "mantelzorgwaardering": 1, "cursus": 2})
    assert _near_known("repsijtzorg", known)  # a swap
    assert _near_known("mantelzorgwaardeing", known)  # a letter left out of a long word
    assert not _near_known("kursus", known)  # one error away, but another first letter: kept as a word
    assert not _near_known("respijt", known)
    assert not _near_known("cursus", known)  # the word itself
