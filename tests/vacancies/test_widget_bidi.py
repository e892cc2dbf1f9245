"""The widget in Arabic draws a phone number in a vacancy's summary in its own order (Chromium)."""

from __future__ import annotations

import datetime as dt

import pytest
from support import VISUAL_ORDER, build_site, moved, serve_directory
from test_widget_timeout import shown
from vacancies_conftest import partner_page, vacancy, write_site

pytestmark = pytest.mark.browser


def test_arabic_widget_keeps_numbers_in_order(page, tmp_path, partner_url, partner_dir):
    root = write_site(tmp_path / "site")
    vacancies = root / "content" / "vacancies"
    # Written after write_site rebased the site to the test clock: dated the same way by hand.
    dates = {"posted": moved(dt.date(2026, 11, 20)).isoformat(), "valid_through": moved(dt.date(2027, 6, 30)).isoformat()}
    _slug, text = vacancy("bellen", title="Bellen", summary="Bel 0123 456 700 voor een kennismaking.", **dates)
    (vacancies / "bellen.md").write_text(text, encoding="utf-8")
    _slug, text = vacancy("bellen", title="اتصال", summary="اتصل على 0123 456 700 للتعارف.", **dates)
    (vacancies / "bellen.ar.md").write_text(text.replace("---\n", "---\ntranslation_key: bellen\n", 1), encoding="utf-8")
    build_site(root, clean=True, today=None)
    with serve_directory(root / "public") as site_url:
        body = '<hulpwijzer-vacatures id="ar" lang="ar" max="50"></hulpwijzer-vacatures><hulpwijzer-vacatures id="nl" max="50"></hulpwijzer-vacatures>'
        page.goto(f"{partner_url}/{partner_page(partner_dir, 'bidi', site_url, body)}")
        assert "اتصال" in shown(page, "ar", 10000)["titles"]
        assert page.evaluate(VISUAL_ORDER, ["0123 456 700", "ar"]) == ["0123 456 700"]
        shown(page, "nl", 10000)
        summary = page.evaluate("() => [...document.getElementById('nl').shadowRoot.querySelectorAll('.s')].map(p => p.textContent)")
        assert "Bel 0123 456 700 voor een kennismaking." in summary  # no isolates in a left-to-right box
