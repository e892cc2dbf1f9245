"""The search page fails well and counts right, in real Chromium: a search backend that never
answers gives the failed message with the topics and the loket; the result count takes the plural
form of the page's language (Arabic has six)."""

from __future__ import annotations

import json

import pytest
from support import MINIMAL_SITE, build_site, rebased_copy, serve_directory, serve_hanging

pytestmark = pytest.mark.browser

GIVE_UP_MS = 10000  # GIVE_UP_MS in themes/default/static/js/search/main.js


@pytest.fixture(scope="module")
def public(tmp_path_factory):
    base = tmp_path_factory.mktemp("search-fallback")
    root = rebased_copy(MINIMAL_SITE, base / "site")  # browsed at the run's clock: dated and built at it
    build_site(root, out=base / "public", clean=True, today=None)
    return base / "public"


def test_a_search_index_that_never_answers_gives_the_way_on(page, public):
    with serve_hanging(public, ("/pagefind/",)) as url:
        page.goto(url + "/zoeken/?q=oppas")
        page.wait_for_timeout(2000)
        assert page.get_attribute("[data-hw-search]", "data-state") == "busy"  # waiting, not failed at once
        page.wait_for_selector("[data-hw-search][data-state=error]", timeout=GIVE_UP_MS + 8000)
        texts = json.loads(page.get_attribute("[data-hw-search]", "data-texts"))
        assert page.text_content("[data-hw-searchpage-status]") == texts["failed"]
        assert page.is_visible(".hw-searchpage__links a")  # the topics
        assert page.is_visible(".hw-searchpage__browse .hw-searchpage__loket a[href^='tel:']")  # and the loket


# What Arabic readers expect for n results (CLDR: one, two, few 3-10, many 11-99, other 100+).
ARABIC = {
    1: "نتيجة واحدة لـ",
    2: "نتيجتان لـ",
    3: "3 نتائج لـ",
    10: "10 نتائج لـ",
    11: "11 نتيجة لـ",
    99: "99 نتيجة لـ",
    100: "100 نتيجة لـ",
    103: "103 نتائج لـ",
}

COUNT_TEXTS = """(numbers) => {
  const root = document.querySelector('[data-hw-search]');
  const counts = JSON.parse(root.getAttribute('data-texts')).count;
  const rules = new Intl.PluralRules(root.getAttribute('data-lang'));
  return Object.fromEntries(numbers.map((n) => [n, counts[rules.select(n)].replace('{n}', n).replace('{q}', 'x')]));
}"""


def test_the_result_count_takes_the_plural_form_of_the_language(page, public):
    with serve_directory(public) as url:
        page.goto(url + "/ar/zoeken/")
        shown = page.evaluate(COUNT_TEXTS, list(ARABIC))
        assert {int(n): text for n, text in shown.items()} == {n: f"{start} ‘x’." for n, start in ARABIC.items()}
        page.goto(url + "/zoeken/")
        assert page.evaluate(COUNT_TEXTS, [1, 2, 11]) == {"1": "1 resultaat voor ‘x’.", "2": "2 resultaten voor ‘x’.", "11": "11 resultaten voor ‘x’."}
        # And a real search says it the same way.
        page.goto(url + "/ar/zoeken/")
        page.wait_for_function("() => document.querySelector('[data-hw-search]').hwSearch")
        page.evaluate("() => document.querySelector('[data-hw-search]').hwSearch('respijtzorg')")
        total = page.locator(".hw-result:visible").count()
        status = page.text_content("[data-hw-searchpage-status]")
        # The status names all results found, in the plural form for that number (the page may show fewer at first).
        forms = page.evaluate(COUNT_TEXTS, list(range(1, 201)))
        assert total >= 1 and any(int(n) >= total and status.startswith(text.removesuffix(" ‘x’.")) for n, text in forms.items()), status
