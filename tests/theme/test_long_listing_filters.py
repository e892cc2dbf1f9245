"""Combined filters on a listing too long for one page (45 respite offers, page size 20): the build
writes the listing's items file (terms and rendered card per item), js/listing-filter.js fetches it
from the same site on the first change and shows the filtered list a page at a time. Counts are
compared with a count made here from the content files (tests/theme/long_listing.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from long_listing import GENERATED, add_offers, expected_count, offers_of
from support import MINIMAL_SITE, build_site, copy_site, rebase_site, run_axe, serve_directory, vnu_errors

pytestmark = pytest.mark.browser

PAGE = 20
CHOICE = {"indicatie": {"nee"}, "kosten": {"gratis"}, "leeftijd": {"oudere"}}
COMBINATIONS = [
    CHOICE,
    {"kern": {"testdorp"}},  # more than a page: the filtered list has its own pager
    {"vorm": {"dagopvang"}, "kosten": {"eigen-bijdrage", "vergoed"}},
    {"leeftijd": {"kind", "jongvolwassene"}, "indicatie": {"ja"}, "kern": {"buitenhoek"}},
]


@pytest.fixture(scope="module")
def long_site(tmp_path_factory) -> Path:
    root = copy_site(MINIMAL_SITE, tmp_path_factory.mktemp("long"))
    add_offers(root)
    rebase_site(root)
    build_site(root, out=root / "public", clean=True, today=None)
    return root


@pytest.fixture(scope="module")
def offers(long_site):
    found = offers_of(long_site)
    assert len(found) == GENERATED + 1  # the minimal site's own offer as well
    return found


@pytest.fixture(scope="module")
def long_url(long_site):
    with serve_directory(long_site / "public") as url:
        yield url


def _visible_cards(page) -> list[str]:
    return page.eval_on_selector_all(".hw-listing .hw-cards > li:not([hidden]) .hw-card__link", "links => links.map(a => a.getAttribute('href'))")


def _shown_counts(page) -> dict[tuple[str, str], int]:
    return {
        (name, value): int(count)
        for name, value, count in page.evaluate(
            """() => [...document.querySelectorAll('.hw-lfilter input')].map(i =>
                [i.name, i.value, document.querySelector('label[for="' + i.id + '"] .hw-filters__count').textContent.slice(1, -1)])"""
        )
    }


def _choose(page, choice) -> None:
    page.locator(".hw-lfilter__reset").click()
    for facet, terms in choice.items():
        for term in terms:
            page.check(f'.hw-lfilter input[name="{facet}"][value="{term}"]')


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_items_file_has_every_item_with_the_pages_card(long_site, offers, prefix):
    public = long_site / "public"
    listing = (public / prefix.lstrip("/") / "respijtzorg" / "index.html").read_text()
    assert listing.count('class="hw-card"') == PAGE  # the static first page is as before
    assert f'data-items="{prefix}/respijtzorg/filter.json"' in listing
    assert 'class="hw-listing__terms"' not in listing
    items = json.loads((public / prefix.lstrip("/") / "respijtzorg" / "filter.json").read_text())
    assert len(items) == len(offers)
    # the first page's cards are, byte for byte, the first cards of the file
    first = re.findall(r'<li class="hw-card".*?</li>', listing, re.S)
    assert [item["card"].strip() for item in items[:PAGE]] == [card.strip() for card in first]
    for facet in ("indicatie", "kosten", "leeftijd", "kern", "vorm"):
        for term in {t for terms in offers for t in terms[facet]}:
            assert sum(term in item["terms"].get(facet, []) for item in items) == expected_count(offers, {facet: {term}}), (facet, term)


def test_long_listing_page_is_valid_html(long_site):
    assert vnu_errors([long_site / "public" / "respijtzorg" / "index.html", long_site / "public" / "ar" / "respijtzorg" / "index.html"]) == []


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_javascript_combines_filters_on_a_long_listing(long_url, page, offers, prefix):
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(long_url + prefix + "/respijtzorg/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".hw-lfilter").is_visible()
    assert not any(url.endswith("/filter.json") for url in requests)  # only when a filter changes
    assert len(_visible_cards(page)) == PAGE
    # before any choice the counts are the static pages' own
    assert _shown_counts(page)[("indicatie", "nee")] == expected_count(offers, {"indicatie": {"nee"}})
    for choice in COMBINATIONS:
        _choose(page, choice)
        expected = expected_count(offers, choice)
        page.wait_for_function("n => document.querySelector('.hw-listing__status').textContent.includes(String(n))", arg=expected)
        assert page.locator(".hw-listing__total").text_content().split()[0] == str(expected)
        seen = _visible_cards(page)
        assert len(seen) == min(expected, PAGE), choice
        pager = page.locator(".hw-lfilter__pager")
        assert pager.is_visible() == (expected > PAGE)
        assert page.locator(".hw-listing > .hw-listing__results > .hw-pagination:not(.hw-lfilter__pager)").is_hidden()
        while pager.is_visible() and page.locator(".hw-lfilter__pager button:last-child").is_visible():
            page.locator(".hw-lfilter__pager button:last-child").click()
            seen += _visible_cards(page)
            assert page.evaluate("document.activeElement.classList.contains('hw-listing__total')")
            assert page.locator(".hw-lfilter__pager button:first-child").is_visible()  # and back again
        assert len(seen) == len(set(seen)) == expected, choice  # every match once, over the pages
        for (facet, term), count in _shown_counts(page).items():
            others = {f: t for f, t in choice.items() if f != facet}
            assert count == expected_count(offers, {**others, facet: {term}}), (choice, facet, term)
        query = parse_qs(urlparse(page.url).query)
        assert {facet: set(terms) for facet, terms in query.items() if facet != "pagina"} == choice
    assert sum(url.endswith("/filter.json") for url in requests) == 1  # fetched once
    # the choice (and the page of the filtered list) is in the address: a reload shows the same
    _choose(page, COMBINATIONS[1])
    page.locator(".hw-lfilter__pager button:last-child").click()
    assert "pagina=2" in page.url
    page.reload()
    page.wait_for_function("() => document.querySelector('.hw-lfilter__pager') && !document.querySelector('.hw-lfilter__pager').hidden")
    assert len(_visible_cards(page)) == expected_count(offers, COMBINATIONS[1]) - PAGE
    assert page.locator(".hw-lfilter__pager .hw-pagination__status").text_content().startswith("Pagina 2" if not prefix else "الصفحة")
    assert {urlparse(url).netloc for url in requests} == {urlparse(long_url).netloc}  # nothing from other hosts


def test_an_address_with_a_choice_filters_on_arrival(long_url, page, offers):
    page.goto(long_url + "/respijtzorg/?indicatie=nee&kosten=gratis&leeftijd=oudere")
    expected = expected_count(offers, CHOICE)
    page.wait_for_function("n => document.querySelector('.hw-listing__total').textContent.startsWith(String(n) + ' ')", arg=expected)
    assert len(_visible_cards(page)) == min(expected, PAGE)
    assert page.is_checked('.hw-lfilter input[name="kosten"][value="gratis"]')


def test_without_the_items_file_the_links_come_back(long_url, page):
    page.route("**/filter.json", lambda route: route.fulfill(status=404, body=""))
    page.goto(long_url + "/respijtzorg/")
    # click, not check: the box is gone as soon as the failed fetch puts the links back
    page.click('.hw-lfilter input[name="indicatie"][value="nee"]')
    page.wait_for_selector('[data-facet="indicatie"] [data-term="nee"] a', state="attached")
    assert page.locator(".hw-lfilter").count() == 0
    assert page.locator(".hw-listing__status").text_content().strip()


def test_by_keyboard_at_320_px(long_url, page, offers):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(long_url + "/ar/respijtzorg/")
    box = page.locator('.hw-lfilter input[name="kern"][value="testdorp"]')
    box.focus()
    page.keyboard.press("Space")
    expected = expected_count(offers, {"kern": {"testdorp"}})
    page.wait_for_function("n => document.querySelector('.hw-listing__status').textContent.includes(String(n))", arg=expected)
    assert len(_visible_cards(page)) == PAGE
    # on to the pager's "next" by Tab alone, then Enter: the second page, focus on its heading
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('.hw-lfilter__pager button:last-child')"):
            break
    else:
        pytest.fail("the pager's next button is not reachable by Tab")
    outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement); return s.outlineStyle !== 'none' || s.boxShadow !== 'none'; }")
    assert outline
    page.keyboard.press("Enter")
    assert len(_visible_cards(page)) == expected - PAGE
    assert page.locator(".hw-listing__status").text_content() == "الصفحة 2 من 2"  # the turn is announced
    assert page.evaluate("document.activeElement.classList.contains('hw-listing__total')")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_without_javascript_the_listing_pages_and_links_stay(long_url, page_without_js, offers):
    page = page_without_js
    page.goto(long_url + "/respijtzorg/")
    assert page.locator(".hw-lfilter").count() == 0
    assert page.locator(".hw-card").count() == PAGE
    page.locator(".hw-pagination a[rel=next]").click()
    assert page.url.endswith("/respijtzorg/pagina/2/")
    page.goto(long_url + "/respijtzorg/kosten/gratis/")
    total = expected_count(offers, {"kosten": {"gratis"}})
    assert page.locator(".hw-listing__total").text_content().startswith(f"{total} ")


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_axe_with_a_long_filtered_list(long_url, browser, prefix):
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be injected
    page = context.new_page()
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(long_url + prefix + "/respijtzorg/?kern=testdorp&pagina=2")
        page.wait_for_function("() => document.querySelector('.hw-lfilter__pager') && !document.querySelector('.hw-lfilter__pager').hidden")
        violations = run_axe(page)
        assert violations == [], violations
    context.close()


def test_fetched_cards_past_their_date_are_not_shown_or_counted(small_site, browser):
    """The minimal site with 22 activities (two pages): cards from the items file get expiry.js's
    rule too, so a visitor on a later day is not offered what has ended since the build."""
    import datetime as dt

    from support import run_clock

    from sitegen.clock import TIMEZONE

    items = json.loads((small_site / "activiteiten" / "filter.json").read_text())
    in_testdorp = [item for item in items if "testdorp" in item["terms"].get("kern", [])]
    assert len(items) > PAGE and in_testdorp
    with serve_directory(small_site) as url:
        context = browser.new_context()
        page = context.new_page()
        build_day = run_clock().today
        page.clock.set_fixed_time(dt.datetime.combine(build_day, dt.time(0, 1), TIMEZONE))
        page.goto(url + "/activiteiten/?kern=testdorp")
        page.wait_for_function("n => document.querySelector('.hw-listing__total').textContent.startsWith(n + ' ')", arg=len(in_testdorp))
        # years later every activity has ended: nothing is shown, and the empty message says why
        page.clock.set_fixed_time(dt.datetime.combine(build_day + dt.timedelta(days=5 * 365), dt.time(9, 0), TIMEZONE))
        page.goto(url + "/activiteiten/?kern=testdorp")
        page.wait_for_function("() => document.querySelector('.hw-listing__total').textContent.startsWith('0 ')")
        assert _visible_cards(page) == []
        assert page.locator(".hw-listing__empty").is_visible()
        context.close()
