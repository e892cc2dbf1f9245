"""Leaflets per need and per kern (sitegen/parts/leaflets.py): printed to PDF by Chromium on A4, read
back with pypdf; linked from the hub pages; valid, axe-clean, no requests to other hosts."""

from __future__ import annotations

import io
import re
import unicodedata
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader
from support import run_axe, vnu_errors

pytestmark = pytest.mark.browser


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#39;", "'").replace("&amp;", "&").strip()


def _leaflet_items(html: str) -> list[dict]:
    """Title and phone of each item on a built leaflet page."""
    items = []
    for block in re.findall(r'<li class="hw-leaflet__item">(.*?)</li>', html, re.S):
        title = _text(re.search(r'<h3 class="hw-leaflet__title"[^>]*>(.*?)</h3>', block, re.S).group(1))
        phone = re.search(r'href="tel:[^"]*"[^>]*>(?:<bdi[^>]*>)?([^<]+)', block)
        items.append({"title": title, "phone": phone.group(1).strip() if phone else None})
    return items


def _pdf_text(page, url: str) -> tuple[int, str]:
    page.goto(url)
    pdf = page.pdf(format="A4")
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), re.sub(r"\s+", " ", " ".join(p.extract_text() for p in reader.pages))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))  # NFKC: PDF text has ligatures (ﬃ)


@pytest.mark.parametrize(
    "path", ["/folder/onderwerp/respijtzorg/", "/folder/onderwerp/informatie-en-advies/", "/folder/kern/zandloo/", "/folder/kern/hoogeind/"]
)
def test_leaflet_prints_on_a4_with_all_its_text(demo_public, demo_url, page, path):
    html = (demo_public / path.strip("/") / "index.html").read_text()
    items = _leaflet_items(html)
    assert items, path
    pages, text = _pdf_text(page, demo_url + path)
    # A4 holds five to eight items: no more sheets than that needs, and every word is there.
    assert 1 <= pages <= 1 + len(items) // 4, (path, pages, len(items))
    flat = _squash(text)
    for item in items:
        assert _squash(item["title"]) in flat, item["title"]
        if item["phone"]:
            assert _squash(item["phone"]) in flat, item
    assert "0123456700" in flat  # the loket
    assert _squash("https://hulpwijzer.example.org" + path) in flat  # its own address, under the QR code
    # nothing of the site's chrome on paper
    assert "Naar de inhoud" not in text and "Zoeken" not in text


def test_nothing_is_cut_off_in_print(demo_url, page):
    for path in ("/folder/onderwerp/respijtzorg/", "/ar/folder/kern/zandloo/"):
        page.goto(demo_url + path)
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 680, "height": 1000})  # A4 minus 15 mm margins at 96 dpi
        wide = page.evaluate(
            """() => [...document.querySelectorAll('.hw-leaflet *')].filter(e => e.scrollWidth > e.clientWidth + 1
                   && getComputedStyle(e).overflowX !== 'visible').map(e => e.outerHTML.slice(0, 80))"""
        )
        assert wide == []
        assert page.evaluate("document.documentElement.scrollWidth <= 680")
        assert not page.locator(".hw-nav").is_visible() and not page.locator(".hw-footer").is_visible()
        assert page.evaluate("getComputedStyle(document.querySelector('.hw-leaflet__item')).breakInside") == "avoid"


def test_arabic_leaflet_is_right_to_left_with_numbers_intact(demo_url, page):
    pages, text = _pdf_text(page, demo_url + "/ar/folder/onderwerp/respijtzorg/")
    assert pages >= 1 and "0123 456 700" in text
    assert page.get_attribute("html", "dir") == "rtl"
    qr, h1 = page.locator(".hw-leaflet__qr").bounding_box(), page.locator("h1").bounding_box()
    assert qr["x"] + qr["width"] > h1["x"] + h1["width"] - 5  # the QR code starts on the right


def test_hubs_link_to_their_leaflet_without_javascript(demo_url, page_without_js):
    page = page_without_js
    for prefix in ("", "/ar"):
        page.goto(demo_url + prefix + "/onderwerp/respijtzorg/")
        page.locator(".hw-hub__leaflet a").click()
        assert page.url.endswith(prefix + "/folder/onderwerp/respijtzorg/")
        assert page.locator(".hw-leaflet__qr svg").count() == 1
    page.goto(demo_url + "/")
    page.locator('.hw-footer a[href="/folder/"]').click()
    page.locator('a[href="/folder/kern/beekzijde/"]').click()
    assert page.locator(".hw-leaflet__item").count() > 0


def test_leaflet_by_keyboard_at_320_px(demo_url, page):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(demo_url + "/folder/onderwerp/respijtzorg/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.hw-leaflet__item') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('.hw-leaflet__item') !== null")


def test_leaflet_pages_are_valid_and_accessible_and_local(demo_public, demo_url, browser):
    paths = ["folder/index.html", "folder/onderwerp/respijtzorg/index.html", "ar/folder/kern/zandloo/index.html", "en/folder/onderwerp/educatie/index.html"]
    assert vnu_errors([demo_public / p for p in paths]) == []
    context = browser.new_context(bypass_csp=True)  # only so that axe itself can be injected
    page = context.new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(urlparse(request.url).netloc))
    for path in paths:
        for width in (320, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            page.goto(demo_url + "/" + path.removesuffix("index.html"))
            violations = run_axe(page)
            assert violations == [], (path, width, violations)
    context.close()
    assert hosts == {urlparse(demo_url).netloc}


def test_print_button_only_with_javascript(demo_url, page, page_without_js):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(demo_url + "/folder/onderwerp/respijtzorg/")
    button = page.locator("[data-hw-print]")
    assert button.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("window.__printed") == 1
    page.emulate_media(media="print")
    assert not button.is_visible()
    page_without_js.goto(demo_url + "/folder/onderwerp/respijtzorg/")
    assert not page_without_js.locator("[data-hw-print]").is_visible()
    assert page_without_js.get_by_text("printknop van uw browser").is_visible()


def test_kern_filter_pages_link_to_the_kern_leaflet(demo_public):
    html = (demo_public / "respijtzorg" / "kern" / "hoogeind" / "index.html").read_text()
    assert 'href="/folder/kern/hoogeind/"' in html
    assert "/folder/kern/" not in (demo_public / "respijtzorg" / "vorm" / "logeeropvang" / "index.html").read_text()
