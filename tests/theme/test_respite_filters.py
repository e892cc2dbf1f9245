"""Respite filters (indicatie, kosten, leeftijd next to vorm, betaling, kern, voor wie): the counts on
the static filter pages and on the JavaScript-combined listing equal a computation made here, straight
from the content files, with rules written out again (not imported from sitegen)."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from support import REPO, run_axe

pytestmark = pytest.mark.browser

REIMBURSED = {"wmo", "wlz", "zvw", "jeugdwet", "pgb"}
AGES = {"kind": (0, 17), "jongvolwassene": (18, 26), "volwassene": (27, 64), "oudere": (65, 200)}


def _front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])


def _vocabulary(name: str) -> list[str]:
    return [term["slug"] for term in yaml.safe_load((REPO / "content" / "vocabularies" / f"{name}.yaml").read_text())["terms"]]


def expected_terms(offer: dict) -> dict[str, set[str]]:
    """The terms of one offer per facet, from its front matter."""
    funding = set(offer["funding"])
    places = set(offer.get("places") or []) or set(_vocabulary("places"))  # empty: the whole municipality
    low, high = offer.get("age_min"), offer.get("age_max")
    if low is None and high is None:
        ages = set(AGES)  # no ages: for everyone
    else:
        low, high = low or 0, 200 if high is None else high
        ages = {name for name, (first, last) in AGES.items() if low <= last and high >= first}
    costs = set()
    if "gratis" in funding:
        costs.add("gratis")
    if offer.get("own_contribution") or "eigen-betaling" in funding:
        costs.add("eigen-bijdrage")
    if funding & REIMBURSED:
        costs.add("vergoed")
    return {
        "vorm": set(offer["forms"]),
        "betaling": funding,
        "kern": places,
        "voor-wie": set(offer.get("audiences") or []),
        "indicatie": {"ja" if offer["referral_needed"] else "nee"},
        "kosten": costs,
        "leeftijd": ages,
    }


@pytest.fixture(scope="module")
def offers() -> dict[str, dict[str, set[str]]]:
    """Dutch offers of the demo content: file stem -> facet -> terms (offers never expire)."""
    return {path.stem: expected_terms(_front_matter(path)) for path in sorted((REPO / "content" / "offers").glob("*.md")) if "." not in path.stem}


def expected_count(offers, choice: dict[str, set[str]]) -> int:
    return sum(all(not wanted or terms[facet] & wanted for facet, wanted in choice.items()) for terms in offers.values())


def menu_counts(html: str) -> dict[tuple[str, str], int]:
    """(facet, term) -> count shown in the static filter menu of a listing page."""
    found = {}
    for group in re.finditer(r'data-facet="([a-z-]+)"(.*?)</details>', html, re.S):
        for term, count in re.findall(r'data-term="([a-z0-9-]+)".*?\((\d+)\)</span>', group.group(2)):
            found[(group.group(1), term)] = int(count)
    return found


NEW_FACETS = ("indicatie", "kosten", "leeftijd")


def test_static_filter_pages_count_what_the_content_holds(demo_public, offers):
    listing = (demo_public / "respijtzorg" / "index.html").read_text()
    counts = menu_counts(listing)
    assert {facet for facet, _term in counts} >= {"vorm", "betaling", "kern", "voor-wie", *NEW_FACETS}
    for facet in ("vorm", "betaling", "kern", "voor-wie", *NEW_FACETS):
        terms = {term for terms in offers.values() for term in terms[facet]}
        for term in terms:
            expected = expected_count(offers, {facet: {term}})
            assert counts.get((facet, term)) == expected, (facet, term)
            page = (demo_public / "respijtzorg" / facet / term / "index.html").read_text()
            cards = page.count('class="hw-card"')
            assert cards == expected, (facet, term, cards)
            assert re.search(rf">{expected} resulta(at|ten)</h2>", page), (facet, term)
    # every term of the new facets has items in the demo, so each has its page and menu entry
    for facet, terms in (("indicatie", {"ja", "nee"}), ("kosten", {"gratis", "eigen-bijdrage", "vergoed"}), ("leeftijd", set(AGES))):
        assert {term for (f, term) in counts if f == facet} == terms


def test_arabic_filter_pages_have_the_same_counts(demo_public, offers):
    counts = menu_counts((demo_public / "ar" / "respijtzorg" / "index.html").read_text())
    for facet in NEW_FACETS:
        for term in {term for terms in offers.values() for term in terms[facet]}:
            assert counts[(facet, term)] == expected_count(offers, {facet: {term}}), (facet, term)


def _visible_cards(page) -> int:
    return page.evaluate("() => [...document.querySelectorAll('.hw-listing .hw-cards > li')].filter(li => !li.hidden).length")


def _shown_counts(page) -> dict[tuple[str, str], int]:
    return {
        (name, value): int(count)
        for name, value, count in page.evaluate(
            """() => [...document.querySelectorAll('.hw-lfilter input')].map(i =>
                [i.name, i.value, document.querySelector('label[for="' + i.id + '"] .hw-filters__count').textContent.slice(1, -1)])"""
        )
    }


COMBINATIONS = [
    {"indicatie": {"nee"}},
    {"indicatie": {"nee"}, "kosten": {"gratis"}},
    {"leeftijd": {"kind"}, "indicatie": {"ja"}},
    {"kosten": {"eigen-bijdrage", "vergoed"}, "leeftijd": {"oudere"}},
    {"vorm": {"logeeropvang", "dagbesteding"}, "kosten": {"vergoed"}, "kern": {"hoogeind"}},
]


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_javascript_combines_filters_with_right_counts(demo_url, page, offers, prefix):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(demo_url + prefix + "/respijtzorg/")
    page.wait_for_load_state("networkidle")
    loaded = len(requests)
    assert page.locator(".hw-lfilter").is_visible()
    assert _visible_cards(page) == len(offers)
    for choice in COMBINATIONS:
        page.locator(".hw-lfilter__reset").click()
        for facet, terms in choice.items():
            for term in terms:
                page.check(f'.hw-lfilter input[name="{facet}"][value="{term}"]')
        assert _visible_cards(page) == expected_count(offers, choice), choice
        # each term's count: what ticking it as well would show (the other facets' choices stay)
        shown = _shown_counts(page)
        for (facet, term), count in shown.items():
            others = {f: t for f, t in choice.items() if f != facet}
            assert count == expected_count(offers, {**others, facet: {term}}), (choice, facet, term)
        status = page.locator(".hw-listing__status").text_content()
        assert str(expected_count(offers, choice)) in status
        assert page.get_attribute(".hw-listing__status", "role") == "status"
    # Filtering happens in the page: no request, except Chromium fetching the site's own icon again
    # (from its cache) when history.replaceState changes the address.
    assert [url for url in requests[loaded:] if "/assets/img/logo." not in url] == []
    # the choice is in the address, so a reload (or a shared link) shows the same
    page.reload()
    assert _visible_cards(page) == expected_count(offers, COMBINATIONS[-1])
    assert {urlparse(url).netloc for url in requests} == {urlparse(demo_url).netloc}  # nothing from other hosts


def test_every_pair_of_new_facets_counts_right(demo_url, page, offers):
    page.goto(demo_url + "/respijtzorg/")
    for (f1, t1), (f2, t2) in itertools.combinations([(f, t) for f in NEW_FACETS for t in sorted({t for o in offers.values() for t in o[f]})], 2):
        page.goto(f"{demo_url}/respijtzorg/?{f1}={t1}&{f2}={t2}")
        assert _visible_cards(page) == expected_count(offers, _merge({f1: {t1}}, {f2: {t2}})), (f1, t1, f2, t2)


def _merge(a: dict[str, set[str]], b: dict[str, set[str]]) -> dict[str, set[str]]:
    merged = {key: set(value) for key, value in a.items()}
    for key, value in b.items():
        merged.setdefault(key, set()).update(value)
    return merged


def test_by_keyboard_at_320_px(demo_url, page, offers):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(demo_url + "/respijtzorg/")
    box = page.locator('.hw-lfilter input[name="indicatie"][value="nee"]')
    box.focus()
    page.keyboard.press("Space")
    assert box.is_checked()
    assert _visible_cards(page) == expected_count(offers, {"indicatie": {"nee"}})
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }")
    assert outline
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_without_javascript_the_static_pages_filter(demo_url, page_without_js, offers):
    page = page_without_js
    page.goto(demo_url + "/respijtzorg/")
    assert page.locator(".hw-lfilter").count() == 0
    page.locator('[data-facet="kosten"] summary').click()
    page.locator('[data-facet="kosten"] [data-term="gratis"] a').click()
    assert page.url.endswith("/respijtzorg/kosten/gratis/")
    assert page.locator(".hw-card").count() == expected_count(offers, {"kosten": {"gratis"}})


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_axe_with_filters_chosen(demo_url, browser, prefix):
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be injected
    page = context.new_page()
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(demo_url + prefix + "/respijtzorg/?indicatie=ja&leeftijd=kind")
        violations = run_axe(page)
        assert violations == [], violations
    context.close()


def test_check_names_file_and_field_of_a_contradicting_cost(tmp_path, capsys):
    from support import MINIMAL_SITE, TEST_TODAY, copy_site

    from sitegen.cli.main import main

    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    offer = root / "content" / "offers" / "logeerhuis.md"
    offer.write_text(offer.read_text().replace("- wmo\n", "- gratis\n").replace("referral_needed: true\n", "referral_needed: true\nown_contribution: true\n"))
    assert main(["--root", str(root), "check", "--today", TEST_TODAY]) == 1
    err = capsys.readouterr().err
    assert "content/offers/logeerhuis.md" in err and "own_contribution" in err and "gratis" in err
    assert "Traceback" not in err
