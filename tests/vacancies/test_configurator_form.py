"""The configurator as a plain GET form: Netlify ``_redirects`` query rules send
``/vacatures/widget/<kind>/?<kind>=<slug>`` to the static result page, and the preview
server (``sitegen.cli.serve``) applies the same rules."""

from __future__ import annotations

import threading
import urllib.error
import urllib.request

import pytest
from support import REPO, vnu_errors
from vacancies_conftest import axe_violations

from sitegen.cli.serve import make_server, parse_redirects, redirect_for

RULES = """# comment
/vacatures/widget/organisatie/ organisatie=:slug /vacatures/widget/organisatie/:slug/ 302!
/en/zoek/ q=:term /en/zoek/:term/ 301
/oud/ id=vast /nieuw/ 302
/vacatures/* /elders/ 200
/zonder-query/ /ergens/ 302
"""


def test_parse_redirects_keeps_only_simple_query_rules():
    rules = parse_redirects(RULES)
    assert [(r.path, r.query, r.target, r.status, r.force) for r in rules] == [
        ("/vacatures/widget/organisatie/", {"organisatie": ":slug"}, "/vacatures/widget/organisatie/:slug/", 302, True),
        ("/en/zoek/", {"q": ":term"}, "/en/zoek/:term/", 301, False),
        ("/oud/", {"id": "vast"}, "/nieuw/", 302, False),
    ]


def test_redirect_for_fills_placeholders_and_checks_conditions():
    rules = parse_redirects(RULES)
    rule = redirect_for(rules, "/vacatures/widget/organisatie/", "organisatie=steunpunt&x=1")
    assert (rule.target, rule.status) == ("/vacatures/widget/organisatie/steunpunt/", 302)
    assert redirect_for(rules, "/vacatures/widget/organisatie", "organisatie=steunpunt") is not None  # slash optional
    assert redirect_for(rules, "/en/zoek/", "q=a/../b").target == "/en/zoek/a%2F..%2Fb/"  # no path tricks
    assert redirect_for(rules, "/vacatures/widget/organisatie/", "sector=sport") is None
    assert redirect_for(rules, "/vacatures/widget/organisatie/", "organisatie=") is None
    assert redirect_for(rules, "/oud/", "id=vast").target == "/nieuw/"
    assert redirect_for(rules, "/oud/", "id=anders") is None
    assert redirect_for(rules, "/zonder-query/", "a=b") is None


def fetch(url: str):
    class NoFollow(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoFollow)
    try:
        with opener.open(url, timeout=5) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


def test_preview_server_applies_redirects_like_netlify(tmp_path):
    public = tmp_path / "public"
    for folder in ("vacatures/widget/organisatie", "vacatures/widget/organisatie/steunpunt", "en/zoek"):
        (public / folder).mkdir(parents=True)
        (public / folder / "index.html").write_text("<!doctype html><title>x</title><p>x</p>")
    (public / "_redirects").write_text(RULES)
    server = make_server(public, REPO, "127.0.0.1", 0, reloader=None, live_reload=False)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        status, headers = fetch(base + "/vacatures/widget/organisatie/?organisatie=steunpunt")
        assert (status, headers["Location"]) == (302, "/vacatures/widget/organisatie/steunpunt/")
        # Not forced: an existing page wins (Netlify 'shadowing'); a missing one is redirected.
        assert fetch(base + "/en/zoek/?q=hulp")[0] == 200
        status, headers = fetch(base + "/oud/?id=vast")
        assert (status, headers["Location"]) == (302, "/nieuw/")
        assert fetch(base + "/vacatures/widget/organisatie/")[0] == 200
        assert fetch(base + "/vacatures/widget/organisatie/?sector=sport")[0] == 200
    finally:
        server.shutdown()
        server.server_close()


def test_build_writes_redirects_and_pages_for_the_form_actions(vac_public):
    rules = parse_redirects((vac_public / "_redirects").read_text(encoding="utf-8"))
    for prefix in ("", "/en", "/ar"):
        for kind in ("organisatie", "sector", "kern"):
            action = f"{prefix}/vacatures/widget/{kind}/"
            rule = redirect_for(rules, action, f"{kind}=iets")
            assert (rule.target, rule.status, rule.force) == (f"{action}iets/", 302, True)
            page = (vac_public / action.lstrip("/") / "index.html").read_text(encoding="utf-8")
            assert f'action="{action}"' in page and f'name="{kind}"' in page and "noindex" in page
    page = (vac_public / "vacatures" / "widget" / "index.html").read_text(encoding="utf-8")
    for kind in ("organisatie", "sector", "kern"):
        assert f'<form class="hw-vconf__pick" method="get" action="/vacatures/widget/{kind}/">' in page
    assert "Maak de code" in page
    assert "Make the code" in (vac_public / "en" / "vacatures" / "widget" / "index.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_form_without_javascript_gives_the_snippet(page_without_js, demo_url):
    page = page_without_js
    page.goto(f"{demo_url}/vacatures/widget/")
    assert not page.is_visible("#hw-vconf")  # the live form needs JavaScript; this one does not
    form = page.locator("form.hw-vconf__pick", has=page.get_by_label("Kies een organisatie"))
    form.get_by_label("Kies een organisatie").select_option("bibliotheek-lindeveld")
    form.get_by_role("button", name="Maak de code").click()
    page.wait_for_url("**/vacatures/widget/organisatie/bibliotheek-lindeveld/")
    code = page.locator("pre code").first.inner_text()
    assert '<hulpwijzer-vacatures organisatie="bibliotheek-lindeveld"' in code
    # The form's action without a choice is a page that helps, not a 404.
    response = page.goto(f"{demo_url}/ar/vacatures/widget/kern/")
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("link", name="العودة إلى الوظائف التطوعية على موقعك الخاص").count() == 1


@pytest.mark.browser
@pytest.mark.parametrize("path", ["/vacatures/widget/", "/ar/vacatures/widget/", "/vacatures/widget/sector/"])
def test_configurator_pages_pass_axe(site_page, demo_url, path):
    site_page.goto(f"{demo_url}{path}")
    assert axe_violations(site_page) == []


def test_configurator_pages_are_valid_html(demo_public):
    paths = [
        demo_public / p / "index.html"
        for p in (
            "vacatures/widget",
            "en/vacatures/widget",
            "ar/vacatures/widget",
            "vacatures/widget/organisatie",
            "ar/vacatures/widget/kern",
        )
    ]
    assert vnu_errors(paths) == []
