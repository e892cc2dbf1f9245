"""The page 'Open data': lists every feed and dataset with format and licence, valid HTML, no axe violations."""

from __future__ import annotations

import re

import pytest
from support import run_axe, serve_directory, vnu_errors

HREF = re.compile(r'href="(/[^"#?]*)"')


@pytest.mark.parametrize("prefix", ["", "en/", "ar/"])
def test_open_data_page_links_to_existing_files(feeds_public, prefix):
    html = (feeds_public / prefix / "open-data" / "index.html").read_text(encoding="utf-8")
    links = set(HREF.findall(html))
    wanted = {
        f"/{prefix}agenda.ics",
        f"/{prefix}open-data/vacatures.atom",
        f"/{prefix}open-data/activiteiten.atom",
        f"/{prefix}open-data/informatie.atom",
        "/open-data/hsds/datapackage.json",
        "/open-data/hsds/index.json",
        f"/{prefix}open-data/agenda/organisatie/steunpunt.ics",
        f"/{prefix}open-data/agenda/soort/cursus.ics",
    }
    assert wanted <= links
    for link in links:
        target = feeds_public / link.lstrip("/")
        assert target.is_file() or (target / "index.html").is_file(), link
    assert "CC0 1.0" in html
    if prefix == "ar/":  # an untranslated organisation name is marked as Dutch (WCAG 3.1.2)
        assert 'lang="nl">Steunpunt Testdorp</a>' in html


def test_open_data_page_and_activity_page_are_valid_html(feeds_public):
    paths = [
        feeds_public / "open-data" / "index.html",
        feeds_public / "ar" / "open-data" / "index.html",
        feeds_public / "activiteiten" / "wandelgroep" / "index.html",
    ]
    assert vnu_errors(paths) == []


@pytest.mark.browser
def test_open_data_page_has_no_axe_violations(feeds_public, browser):
    with serve_directory(feeds_public) as url:
        for path in ("/open-data/", "/ar/open-data/"):
            context = browser.new_context(bypass_csp=True)  # only so that axe can be injected
            page = context.new_page()
            requests = []
            page.on("request", lambda request, requests=requests: requests.append(request.url))
            page.goto(url + path)
            assert page.locator("h1").inner_text() in ("Open data", "البيانات المفتوحة")
            assert run_axe(page) == []
            assert all(r.startswith(url) for r in requests), "no third-party requests"
            context.close()
