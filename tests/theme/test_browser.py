"""The demo build in real headless Chromium: axe, no-JS journeys, keyboard focus, RTL, expiry, screenshots."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError
from support import AXE_JS, REPO, run_clock, vnu_errors

pytestmark = pytest.mark.browser

WIDTHS = (320, 1280)


def template_samples(public: Path) -> dict[tuple[str, str], str]:
    """One URL path per (template, language): the shortest path that uses it."""
    samples: dict[tuple[str, str], str] = {}
    for path in sorted(public.rglob("*.html"), key=lambda p: (len(p.parts), p.as_posix())):
        head = path.read_text(encoding="utf-8", errors="replace")[:4000]
        lang = re.search(r'<html lang="([a-z]+)"', head)
        template = re.search(r'data-template="([^"]+)"', path.read_text(encoding="utf-8", errors="replace"))
        if lang and template:
            key = (template.group(1), lang.group(1))
            url = "/" + path.relative_to(public).as_posix().removesuffix("index.html")
            samples.setdefault(key, url)
    return samples


@pytest.mark.slow
def test_every_html_page_is_valid(demo_public):
    pages = sorted(demo_public.rglob("*.html"))
    assert len(pages) > 50
    errors = vnu_errors(pages)
    assert not errors, [(e.get("url", "").rsplit("/public/", 1)[-1], e.get("message")) for e in errors[:15]]


@pytest.mark.slow
def test_axe_on_every_template_in_every_language(demo_public, demo_url, browser):
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be injected
    page = context.new_page()
    samples = template_samples(demo_public)
    templates = {template for template, _ in samples}
    assert {
        "home.html",
        "listing.html",
        "hub.html",
        "agenda.html",
        "404.html",
        "detail/offer.html",
        "detail/activity.html",
        "detail/organisation.html",
        "detail/page.html",
        "detail/vacancy.html",
        "statement/accessibility.html",
    } <= templates
    for template in templates:
        assert {lang for t, lang in samples if t == template} >= {"nl", "en", "ar"} or template.startswith("detail/"), template
    problems = []
    for (template, lang), url in sorted(samples.items()):
        # One load per page; axe runs at both widths (the layout reflows on resize).
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        page.goto(demo_url + url)
        page.add_script_tag(path=str(AXE_JS))
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            for violation in axe_violations(page):
                problems.append((template, lang, width, url, violation))
            # 1.4.10 reflow: no horizontal scrolling at 320 CSS pixels (data tables are exempt)
            overflow = (
                page.evaluate(
                    """() => { const tables = [...document.querySelectorAll('table')];
                           tables.forEach(t => t.hidden = true);
                           const width = document.documentElement.scrollWidth;
                           tables.forEach(t => t.hidden = false); return width; }"""
                )
                - width
            )
            if overflow > 0:
                problems.append((template, lang, width, url, f"scrolls sideways by {overflow}px"))
    context.close()
    assert not problems, problems[:10]


def axe_violations(page) -> list[str]:
    """Like support.run_axe, but with axe already in the page (saves a reload per width)."""
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'tag', values: "
        "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}, resultTypes: ['violations']})"
    )
    return [f"{v['id']}: {[n['target'] for n in v['nodes']][:2]}" for v in result["violations"]]


def _follow(page, selector: str) -> None:
    link = page.locator(selector).first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_load_state()
    assert page.url.endswith(href), (page.url, href)


def _assert_detail(page, section: str) -> None:
    assert f"/{section}/" in page.url
    assert page.locator("h1").count() == 1
    assert page.locator(".hw-facts").is_visible()


def test_without_javascript_reach_offer_activity_and_vacancy_by_navigation(demo_url, page_without_js):
    page = page_without_js
    page.goto(demo_url + "/")
    _follow(page, '.hw-tile__link[href="/onderwerp/respijtzorg/"]')
    _follow(page, '[aria-labelledby="groep-offer"] .hw-card__link')
    _assert_detail(page, "respijtzorg")

    page.goto(demo_url + "/")
    _follow(page, "#activiteiten-titel ~ ul .hw-card__link")
    _assert_detail(page, "activiteiten")
    page.goto(demo_url + "/")
    _follow(page, '.hw-more[href="/agenda/"]')
    _follow(page, ".hw-agenda__link")
    _assert_detail(page, "activiteiten")

    page.goto(demo_url + "/")
    _follow(page, "#vacatures-titel ~ ul .hw-card__link")
    _assert_detail(page, "vacatures")
    page.goto(demo_url + "/")
    _follow(page, '.hw-nav__link[href="/vacatures/"]')
    _follow(page, "main .hw-card__title a")  # the vacancy listing (sitegen/parts/vacancies.py)
    _assert_detail(page, "vacatures")


def test_without_javascript_reach_offer_and_activity_by_static_filters(demo_url, page_without_js):
    page = page_without_js
    for section in ("respijtzorg", "activiteiten"):
        page.goto(demo_url + "/")
        _follow(page, f'.hw-nav__link[href="/{section}/"]')
        before = page.locator(".hw-card").count()
        _follow(page, ".hw-filters__link")
        assert page.locator('.hw-filters__link[aria-current="page"]').count() == 1
        assert 0 < page.locator(".hw-card").count() <= max(before, 20)
        _follow(page, ".hw-card__link")
        _assert_detail(page, section)


FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


@pytest.mark.parametrize("path", ["/", "/respijtzorg/", "/agenda/", "/ar/", "/kaart/", "/ar/kaart/", "/folder/onderwerp/respijtzorg/"])
def test_keyboard_reaches_every_control_with_visible_focus(demo_url, page, path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(demo_url + path)
    total = page.evaluate(
        f"""() => {{ const all = [...document.querySelectorAll("{FOCUSABLE}")].filter(e => e.checkVisibility());
            all.forEach((e, i) => e.dataset.hwTestIndex = i); return all.length; }}"""
    )
    seen, invisible = set(), []
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => { const e = document.activeElement; const s = getComputedStyle(e);
                return {index: e.dataset.hwTestIndex, outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                        shadow: s.boxShadow !== 'none', html: e.outerHTML.slice(0, 80)}; }"""
        )
        if state["index"] is None:
            continue
        seen.add(state["index"])
        if not (state["outline"] or state["shadow"]):
            invisible.append(state["html"])
    assert len(seen) == total, f"{total - len(seen)} controls never got focus"
    assert not invisible, invisible[:5]
    # the indicator is a real change: the same link without focus has no outline
    page.evaluate("document.activeElement.blur()")
    unfocused = page.evaluate("getComputedStyle(document.querySelector('main a[href]')).outlineStyle")
    assert unfocused == "none"


def test_arabic_is_right_to_left_and_mirrors(demo_url, page):
    page.set_viewport_size({"width": 1280, "height": 900})
    positions = {}
    for lang, path in (("nl", "/respijtzorg/"), ("ar", "/ar/respijtzorg/")):
        # The first static filter page (from the HTML as served: js/listing-filter.js turns the links into check boxes).
        first_filter = re.search(r'class="hw-filters__link" href="([^"]+)"', page.request.get(demo_url + path).text()).group(1)
        page.goto(demo_url + first_filter)  # has breadcrumbs and filters
        assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
        page.keyboard.press("Tab")  # the skip link is the first stop
        assert page.evaluate("document.activeElement.classList.contains('hw-skip-link')")
        skip = page.locator(".hw-skip-link").bounding_box()
        crumbs = page.locator(".hw-breadcrumbs__item")
        first, last = crumbs.first.bounding_box(), crumbs.last.bounding_box()
        filters, results = page.locator(".hw-filters").bounding_box(), page.locator(".hw-listing__results").bounding_box()
        positions[lang] = (skip, first, last, filters, results)
    skip, first, last, filters, results = positions["nl"]
    assert skip["x"] < 100 and first["x"] < last["x"] and filters["x"] < results["x"]
    skip, first, last, filters, results = positions["ar"]
    assert skip["x"] + skip["width"] > 1180 and first["x"] > last["x"] and filters["x"] > results["x"]


def test_expiry_script_hides_items_after_their_date(demo_url, browser):
    import datetime as dt

    from sitegen.clock import TIMEZONE

    context = browser.new_context()
    page = context.new_page()
    build_day = run_clock().today  # the demo was built at the start of this day
    page.clock.set_fixed_time(dt.datetime.combine(build_day, dt.time(0, 1), TIMEZONE))
    page.goto(demo_url + "/")
    dated = page.locator(".hw-card[data-hw-valid-through], .hw-card[data-hw-ends]")
    assert dated.count() > 0
    assert all(dated.nth(i).is_visible() for i in range(dated.count()))
    vacancy_url = page.locator("[data-hw-valid-through] .hw-card__link").first.get_attribute("href")
    # Per occurrence: once the first date on a card has ended, the card shows its next date.
    card = page.locator(".hw-card:has([data-hw-next-dates] time:nth-child(2))").first
    first, second = card.locator("time").nth(0), card.locator("time").nth(1)
    assert first.is_visible() and not second.is_visible()
    ended = dt.datetime.fromisoformat(first.get_attribute("data-hw-ends")) + dt.timedelta(minutes=1)
    title = card.locator(".hw-card__link").inner_text()
    page.clock.set_fixed_time(ended)
    page.goto(demo_url + "/")
    card = page.locator(".hw-card", has_text=title).first
    assert card.is_visible()
    assert not card.locator("time").nth(0).is_visible() and card.locator("time").nth(1).is_visible()
    page.clock.set_fixed_time(dt.datetime.combine(build_day + dt.timedelta(days=5 * 365), dt.time(9, 0), TIMEZONE))
    page.goto(demo_url + "/")
    assert not any(dated.nth(i).is_visible() for i in range(dated.count()))
    page.goto(demo_url + vacancy_url)
    assert page.locator("[data-hw-expired-notice]").is_visible()
    context.close()


def test_screenshots_of_home_listing_and_detail(demo_public, demo_url, page):
    """README screenshots. Written to docs/screenshots/ with HULPWIJZER_SCREENSHOTS=1, else to a temp folder."""
    target = REPO / "docs" / "screenshots" if os.environ.get("HULPWIJZER_SCREENSHOTS") else demo_public.parent / "screenshots"
    target.mkdir(parents=True, exist_ok=True)
    detail = next(p for p in sorted((demo_public / "respijtzorg").glob("*/index.html")) if "hw-facts" in p.read_text())
    shots = {"home": "/", "listing": "/respijtzorg/", "detail": "/" + detail.parent.relative_to(demo_public).as_posix() + "/"}
    for name, path in shots.items():
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(demo_url + path)
            file = target / f"{name}-{width}.png"
            for attempt in range(3):  # headless Chromium now and then fails one capture under load
                try:
                    page.screenshot(path=str(file), full_page=width == 390)
                    break
                except PlaywrightError:
                    if attempt == 2:
                        raise
                    page.wait_for_timeout(500)
            assert file.stat().st_size > 10_000


def test_print_stylesheet_makes_a_leaflet(demo_public, demo_url, page):
    detail = next(p for p in sorted((demo_public / "organisaties").glob("*/index.html")) if 'href="http' in p.read_text())
    page.goto(demo_url + "/" + detail.parent.relative_to(demo_public).as_posix() + "/")
    page.emulate_media(media="print")
    assert not page.locator(".hw-nav").is_visible() and not page.locator(".hw-languages").is_visible()
    after = page.evaluate(
        """() => { const a = document.querySelector('main a[href^="http"]');
                   return [a.getAttribute('href'), getComputedStyle(a, '::after').content]; }"""
    )
    assert after[0] in after[1]
    assert page.locator(".hw-footer__loket").is_visible()  # the loket's phone number is on the leaflet
