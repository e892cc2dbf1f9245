"""The widget gives up on a host that accepts the connection and never answers (real servers, Chromium)."""

from __future__ import annotations

import pytest
from support import build_site, serve_directory, serve_hanging, silent_server
from test_widget_browser import READ_WIDGET
from vacancies_conftest import STEUNPUNT_NEWEST, partner_page, write_site

pytestmark = pytest.mark.browser

WAIT_MS = 8000  # WAIT in themes/default/widget/vacatures.js


def shown(page, element_id: str, within_ms: int) -> dict:
    page.wait_for_function(f"() => {{ const r = ({READ_WIDGET})('{element_id}'); return r && !r.loading; }}", timeout=within_ms)
    return page.evaluate(READ_WIDGET, element_id)


def test_a_host_that_never_answers_gives_the_fallback_link(page, vac_public, partner_url, partner_dir):
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    with serve_hanging(vac_public, ("/feeds/",)) as site_url:
        body = '<hulpwijzer-vacatures id="w" organisatie="steunpunt"></hulpwijzer-vacatures>'
        page.goto(f"{partner_url}/{partner_page(partner_dir, 'hanging', site_url, body)}")
        assert "Vacatures laden" in page.evaluate(f"() => ({READ_WIDGET})('w').text")
        widget = shown(page, "w", WAIT_MS + 7000)
    assert "De vacatures kunnen nu niet worden getoond." in widget["text"]
    assert widget["links"] == [f"{site_url}/vacatures/"]
    assert any("geen antwoord binnen 8 seconden" in e for e in errors)


def test_a_meilisearch_that_never_answers_gives_the_feeds(page, tmp_path, partner_url, partner_dir):
    with silent_server() as meili_url:
        root = write_site(tmp_path / "site")
        site_yaml = root / "content" / "site.yaml"
        site_yaml.write_text(site_yaml.read_text() + f"meilisearch:\n  url: {meili_url}\n  search_key: zoeksleutel123\n")
        build_site(root, clean=True, today=None)
        with serve_directory(root / "public") as site_url:
            body = '<hulpwijzer-vacatures id="w" organisatie="steunpunt" max="2"></hulpwijzer-vacatures>'
            page.goto(f"{partner_url}/{partner_page(partner_dir, 'meili-hangs', site_url, body)}")
            assert shown(page, "w", WAIT_MS + 7000)["titles"] == STEUNPUNT_NEWEST[:2]
