"""Search results are text, even with the page's CSP switched off.

ui.js fills the card template with textContent and created <mark> elements only; a title, summary or
Pagefind excerpt that holds markup must show as that markup's text and never run.
"""

from __future__ import annotations

import pytest
from search_harness import run_query
from support import MINIMAL_SITE, build_site, copy_site, serve_directory

pytestmark = pytest.mark.browser

TITLE = 'Zorgverlof <img src=x onerror="window.__xss=1">'
SUMMARY = 'Zorgverlof regelen "><svg onload="window.__xss=1"> & meer <script>window.__xss=1</script>'
# Markdown refuses raw HTML, so the body carries the markup escaped: it reaches Pagefind's excerpt as text.
BODY = (
    "Werkt u en zorgt u voor iemand? Dan kunt u bij uw werkgever verlof vragen. "
    'Uw werkgever noemt het misschien \\<img src=x onerror="window.__xss=1"> zorgverlofregeling & meer, vraag ernaar bij personeelszaken.'
)


def test_markup_in_results_stays_text_without_csp(browser, tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    page_file = root / "content" / "pages" / "zorgverlof.md"
    page_file.write_text(f"---\ntitle: '{TITLE}'\nsummary: '{SUMMARY}'\nlast_reviewed: 2026-10-01\n---\n\n{BODY}\n", encoding="utf-8")
    build_site(root, out=tmp_path / "public", clean=True)
    context = browser.new_context(bypass_csp=True)  # the escaping itself must hold
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve_directory(tmp_path / "public") as url:
        page.goto(url + "/zoeken/")
        for query in ("zorgverlof", "zorgverlofregeling personeelszaken"):
            outcome = run_query(page, query)
            assert "/informatie/zorgverlof/" in outcome["urls"], outcome
            result = page.locator(".hw-result", has=page.locator("a[href='/informatie/zorgverlof/']"))
            assert result.locator(".hw-result__title").text_content() == TITLE
            assert result.locator(".hw-result__summary").text_content() == SUMMARY
            assert result.locator("mark").count() >= 1
            injected = page.evaluate(
                """() => ({
                    flag: window.__xss === 1,
                    elements: [...document.querySelectorAll('.hw-searchpage__results img, .hw-searchpage__results svg, .hw-searchpage__results script, [onerror], [onload]')].length,
                })"""
            )
            assert injected == {"flag": False, "elements": 0}, (query, injected)
        excerpt = result.locator(".hw-result__excerpt")
        assert excerpt.count() == 1 and '<img src=x onerror="window.__xss=1">' in excerpt.text_content(), excerpt.all_text_contents()
    context.close()
    assert not dialogs, dialogs
