"""Script payloads in every plain-text field of the content model never run in Chromium.

We build a copy of the minimal site in which every text field (front matter,
Markdown, site.yaml, vocabulary labels) carries a payload, then open every HTML
page with the page's CSP switched OFF: the escaping itself must hold, not only
the Content-Security-Policy header. Markdown fields are not plain text: the
build refuses raw HTML and script links in them (tests/broken covers that).
"""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
import yaml
from support import MINIMAL_SITE, TEST_TODAY, build_site, copy_site, render_with_unchecked_urls

PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=1">',
    '"><svg onload="window.__xss=1">',
    "'><script>alert(1)</script><b x='",
    "</title><script>alert(1)</script>",
    "</script><script>alert(1)</script>",
]
_cycle = itertools.cycle(PAYLOADS)


def payload(prefix: str = "x") -> str:
    return f"{prefix} {next(_cycle)}"


def phone() -> str:
    return '012 345 <img src=x onerror="window.__xss=1">'


def email() -> str:
    return '"><svg/onload=window.__xss=1>@example.org'


def url() -> str:
    return 'https://example.org/"><script>alert(1)</script>'


def contact() -> dict:
    return {"name": payload(), "phone": phone(), "email": email(), "url": url()}


def location() -> dict:
    return {"name": payload(), "address": payload(), "postcode": payload(), "place": "testdorp"}


FIELDS = {
    "pages/even-vrij.md": lambda: {
        "faq": [{"question": payload("Vraag"), "answer": "Antwoord in Markdown."}],
        "related_links": [{"title": payload(), "url": url()}],
        "contact": contact(),
        "image": {"src": "media/foto.png", "alt": payload()},
    },
    "organisations/steunpunt.md": lambda: {
        "kind": payload(),
        "phone": phone(),
        "email": email(),
        "website": url(),
        "opening_hours": payload(),
        "accessibility": payload(),
        "locations": [location()],
        "logo": {"src": "media/foto.png", "alt": payload()},
    },
    "organisations/steunpunt.en.md": lambda: {"kind": payload(), "opening_hours": payload()},
    "activities/mantelzorgcafe.md": lambda: {
        "cost": payload(),
        "location": location(),
        "registration": {"required": True, "how": payload(), "contact": contact()},
    },
    "offers/logeerhuis.md": lambda: {
        "for_whom": payload(),
        "frequency": payload(),
        "cost": payload(),
        "how_to_apply": payload(),
        "contact": contact(),
        "location": location(),
    },
    "vacancies/maatje.md": lambda: {
        "hours": payload(),
        "contact": contact(),
        "location": location(),
    },
}


def split(text: str) -> tuple[dict, str]:
    _, front, body = text.split("---\n", 2)
    return yaml.safe_load(front), body


def poison(root: Path) -> None:
    content = root / "content"
    (content / "media").mkdir(exist_ok=True)
    (content / "media" / "foto.png").write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082")
    )
    for path in sorted(content.glob("*/*.md")):
        key = path.relative_to(content).as_posix()
        data, body = split(path.read_text(encoding="utf-8"))
        data["title"] = payload("Titel")
        data["summary"] = payload("Samenvatting")
        data.update(FIELDS.get(key, lambda: {})())
        path.write_text("---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\n" + body, encoding="utf-8")
    site = yaml.safe_load((content / "site.yaml").read_text(encoding="utf-8"))
    site["municipality"] = payload()
    for lang in site["name"]:
        site["name"][lang] = payload("Hulpwijzer")
    loket = site["loket"]
    loket["name"] = {lang: payload() for lang in loket["name"]}
    loket["address"] = payload()
    loket["opening_hours"] = {lang: payload() for lang in loket["opening_hours"]}
    loket["phone"], loket["email"] = phone(), email()
    for line in site["crisis_lines"]:
        line["name"] = {lang: payload() for lang in line["name"]}
        line["description"] = {lang: payload() for lang in ("nl", "en", "ar")}
        line["phone"] = phone()
    for entry in site["menu"]:
        entry["title"] = {lang: payload() for lang in entry["title"]}
    (content / "site.yaml").write_text(yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in sorted((content / "vocabularies").glob("*.yaml")):
        vocab = yaml.safe_load(path.read_text(encoding="utf-8"))
        for term in vocab["terms"]:
            term["label"] = {lang: payload() for lang in ("nl", "en", "ar")}
            term["description"] = {lang: payload() for lang in ("nl", "en", "ar")}
            term["everyday"] = {"nl": payload()}
        path.write_text(yaml.safe_dump(vocab, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory) -> Path:
    root = copy_site(MINIMAL_SITE, tmp_path_factory.mktemp("xss"))
    poison(root)
    build_site(root, out=root / "public", clean=True)
    return root / "public"


@pytest.mark.browser
def test_payloads_never_execute(poisoned_site, browser):
    pages = sorted(poisoned_site.rglob("*.html"))
    assert len(pages) > 60
    context = browser.new_context(bypass_csp=True)  # test the escaping, not the CSP header
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(page.url), dialog.dismiss()))
    found = []
    # The build's own SVGs (the leaflet's QR code, the map) and JSON data blocks (the listing filter's
    # terms, escaped by tojson) are allowed; an injected one would have neither the class nor the type.
    # file:// URLs: no server round trips, so every page fits in the time budget.
    for path in pages:
        url = path.as_uri()
        page.goto(url, wait_until="commit")
        page.wait_for_load_state("domcontentloaded")
        injected = page.evaluate(
            """() => ({
                flag: window.__xss === 1,
                elements: [...document.querySelectorAll('[onerror], [onload], svg:not(.hw-leaflet__qr-code):not(.hw-map__svg), img[src="x"]')]
                    .map(e => e.outerHTML.slice(0, 80)),
                scripts: [...document.scripts].filter(s => !s.src && !['application/ld+json', 'application/json'].includes(s.type))
                    .map(s => s.outerHTML.slice(0, 80)),
                jsLinks: [...document.querySelectorAll('a[href]')].filter(a => a.href.trim().toLowerCase().startsWith('javascript:')).length,
            })"""
        )
        if injected["flag"] or injected["elements"] or injected["scripts"] or injected["jsLinks"]:
            found.append((url, injected))
    context.close()
    assert not dialogs, dialogs
    assert not found, found[:5]
    # The payloads really are on the pages, as text.
    offer = (poisoned_site / "respijtzorg" / "index.html").read_text()
    assert "&lt;script&gt;" in offer or "&lt;img" in offer or "&lt;svg" in offer or "&#34;&gt;&lt;svg" in offer


@pytest.mark.parametrize("value", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"])
def test_script_urls_are_refused_with_a_clear_message(tmp_path, value):
    from sitegen.content.read import load_site

    root = copy_site(MINIMAL_SITE, tmp_path)
    path = root / "content" / "organisations" / "steunpunt.md"
    path.write_text(path.read_text().replace("website: https://steunpunt.example.org", f"website: '{value}'"))
    problems = load_site(root, dt.date.fromisoformat(TEST_TODAY)).problems
    messages = [f"{p}" for p in problems]
    assert any("steunpunt.md" in m and "niet toegestaan" in m for m in messages), messages


# Script URLs as a browser still runs them once it has cleaned the value up.
SCRIPT_URLS = ["java\tscript:window.__xss=1", "&#106;avascript:window.__xss=1"]  # every variant without a browser: tests/test_urls.py


@pytest.mark.browser
@pytest.mark.parametrize("bad", SCRIPT_URLS)
def test_script_urls_that_skip_check_never_run_when_clicked(bad, tmp_path, browser):
    """The templates' url filter on its own (CSP off): every link on every page is clicked, none runs script."""
    pages = render_with_unchecked_urls(copy_site(MINIMAL_SITE, tmp_path / "site"), bad)
    out = tmp_path / "out"
    for path, html in pages.items():
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_text(html, encoding="utf-8")
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(page.url), dialog.dismiss()))
    # The harness itself must see script run: a page with the raw link comes first.
    (out / "control.html").write_text('<!doctype html><title>x</title><a href="java&#9;script:window.__xss=1">x</a>', encoding="utf-8")
    ran, clicked = [], 0
    for path in ["control.html", *sorted(pages)]:
        page.goto((out / path).as_uri(), wait_until="domcontentloaded")
        # Navigation away is stopped (the page stays to be checked); a javascript: URL is not a
        # navigation, so stopping those would hide exactly what this test looks for.
        result = page.evaluate(
            """() => {
                document.addEventListener('click', (event) => {
                    const a = event.target.closest('a');
                    if (a && /^(https?|file|mailto|tel):$/.test(a.protocol)) event.preventDefault();
                }, true);
                const links = [...document.querySelectorAll('a[href]')];
                links.forEach((a) => a.click());
                return {count: links.length, flag: window.__xss === 1};
            }"""
        )
        page.wait_for_timeout(50)  # a javascript: URL runs in a task queued by the click
        clicked += result["count"]
        if result["flag"] or page.evaluate("() => window.__xss === 1"):
            ran.append(path)
    context.close()
    assert ran[:1] == ["control.html"], ran
    assert clicked > 500
    assert ran == ["control.html"] and not dialogs, (ran, dialogs)
