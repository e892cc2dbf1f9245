"""The widget embedded in partner pages on another origin, in real Chromium."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import threading

import pytest
from support import build_site, moved, run_axe, serve_directory
from vacancies_conftest import STEUNPUNT_NEWEST, partner_page, write_site

pytestmark = pytest.mark.browser

# Reads what a widget shows: heading, titles and links, the 'all' link, and the text of its box.
READ_WIDGET = """(id) => {
  const host = document.getElementById(id);
  const root = host && host.shadowRoot;
  if (!root || !root.querySelector('.w')) return null;
  const heading = root.querySelector('.h');
  return {
    loading: !root.querySelector('.a'),
    heading: heading ? heading.textContent : null,
    level: heading ? heading.tagName : null,
    titles: [...root.querySelectorAll('.t')].map(a => a.textContent),
    links: [...root.querySelectorAll('a')].map(a => a.href),
    text: root.querySelector('.w').textContent,
    dir: root.querySelector('.w').dir,
  };
}"""


def widget(page, element_id: str) -> dict:
    page.wait_for_function(f"() => {{ const r = ({READ_WIDGET})('{element_id}'); return r && !r.loading; }}", timeout=10000)
    return page.evaluate(READ_WIDGET, element_id)


def test_right_vacancies_for_each_attribute_combination(page, vac_url, partner_url, partner_dir):
    body = """
      <hulpwijzer-vacatures id="org" organisatie="steunpunt" max="3"><a href="#">fallback</a></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="org-all" organisatie="steunpunt" max="50" kop="3"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="default" organisatie="steunpunt"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="sector" sector="sport"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="remote" kern="vanuit-huis"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="combined" organisatie="buurthuis" sector="zorg-en-welzijn"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="empty" organisatie="buurthuis" kern="testdorp"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="all" max="2"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="english" sector="sport" lang="en"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="arabic" kern="buitenhoek" lang="ar"></hulpwijzer-vacatures>
    """
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'combinations', vac_url, body)}")
    org = widget(page, "org")
    assert org["titles"] == STEUNPUNT_NEWEST[:3]
    assert org["heading"] == "Vrijwilligerswerk bij Steunpunt Testdorp" and org["level"] == "H2"
    # links point at the Hulpwijzer (the script's own origin), not at the partner
    assert org["links"][0] == f"{vac_url}/vacatures/klus-6/"
    assert org["links"][-1] == f"{vac_url}/organisaties/steunpunt/"
    assert "Bekijk alle vacatures" in org["text"]
    every = widget(page, "org-all")
    assert every["titles"][:7] == STEUNPUNT_NEWEST and len(every["titles"]) == 8 and every["level"] == "H3"
    assert len(widget(page, "default")["titles"]) == 5
    assert widget(page, "sector")["titles"] == ["Sportmaatje"]
    assert widget(page, "remote")["titles"] == ["Online taalhulp"]
    combined = widget(page, "combined")
    assert combined["titles"] == ["Online taalhulp"]
    assert combined["heading"].endswith(": Zorg en welzijn")
    empty = widget(page, "empty")
    assert empty["titles"] == [] and "Er zijn nu geen vacatures" in empty["text"]
    assert widget(page, "all")["titles"] == ["Online taalhulp", "Sportmaatje"]
    english = widget(page, "english")
    assert english["heading"] == "Volunteering: Sport" and "See all vacancies" in english["text"]
    assert english["links"][-1] == f"{vac_url}/en/vacatures/sector/sport/"
    arabic = widget(page, "arabic")
    assert arabic["dir"] == "rtl" and arabic["titles"] == ["Sportmaatje"]
    # the host page's own content is untouched
    assert page.locator("h1").inner_text() == "Vereniging De Partner"
    assert run_axe(page) == []
    # only the partner's own page and the Hulpwijzer were asked for anything; nothing was stored
    assert requested and all(url.startswith((partner_url + "/", vac_url + "/")) for url in requested)
    assert any("/feeds/vacatures/v1/en/sector/sport.json" in url for url in requested)
    assert page.context.cookies() == []
    assert page.evaluate("() => [localStorage.length, sessionStorage.length]") == [0, 0]


AGGRESSIVE = "* { color: red !important; font-size: 40px !important; font-family: serif !important; } li { display: none !important; } a { text-decoration: none !important; background: yellow !important; } h2 { text-transform: uppercase !important; }"


def test_css_isolation_both_ways(page, vac_url, partner_url, partner_dir):
    body = """<hulpwijzer-vacatures id="w" organisatie="steunpunt" max="2"></hulpwijzer-vacatures>
      <ul class="l"><li class="i"><a class="t" href="#">host link</a><p class="s m">host text</p></li></ul>"""
    style_probe = """() => {
      const root = document.getElementById('w').shadowRoot;
      const link = getComputedStyle(root.querySelector('.t'));
      const item = getComputedStyle(root.querySelector('.i'));
      const heading = getComputedStyle(root.querySelector('.h'));
      return {link: [link.color, link.fontSize, link.textDecorationLine, link.backgroundColor, link.fontFamily],
              item: [item.display, item.fontSize], heading: [heading.textTransform, heading.color]};
    }"""
    host_probe = """() => {
      const list = getComputedStyle(document.querySelector('ul.l'));
      const text = getComputedStyle(document.querySelector('p.m'));
      const link = getComputedStyle(document.querySelector('a.t'));
      return [list.listStyleType, list.paddingInlineStart, text.fontSize, text.marginTop, link.fontWeight];
    }"""
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'plain', vac_url, body)}")
    widget(page, "w")
    plain_widget = page.evaluate(style_probe)
    host_with_widget = page.evaluate(host_probe)
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'no-widget', 'http://127.0.0.1:9', body)}")
    host_without_widget = page.evaluate(host_probe)
    assert host_with_widget == host_without_widget  # the widget's styles do not leak out

    page.goto(f"{partner_url}/{partner_page(partner_dir, 'aggressive', vac_url, body, style=AGGRESSIVE)}")
    widget(page, "w")
    assert page.evaluate(style_probe) == plain_widget  # the host's styles do not get in
    assert plain_widget["item"][0] == "block" and plain_widget["link"][1] == "16px"
    assert page.evaluate("() => getComputedStyle(document.querySelector('li.i')).display") == "none"  # host CSS still rules the host


def test_theming_with_custom_properties(page, vac_url, partner_url, partner_dir):
    style = "hulpwijzer-vacatures { --hw-widget-color-link: rgb(0, 100, 0); --hw-widget-font-size: 20px; }"
    body = '<hulpwijzer-vacatures id="w" sector="sport"></hulpwijzer-vacatures>'
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'themed', vac_url, body, style=style)}")
    widget(page, "w")
    link = page.evaluate("() => { const s = getComputedStyle(document.getElementById('w').shadowRoot.querySelector('.t')); return [s.color, s.fontSize]; }")
    assert link == ["rgb(0, 100, 0)", "20px"]


def test_xss_payloads_never_run_in_widget_or_iframe(page, vac_url, partner_url, partner_dir):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    body = f"""<hulpwijzer-vacatures id="w" max="50"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="b" organisatie="buurthuis"></hulpwijzer-vacatures>
      <iframe id="f" src="{vac_url}/widget/v1/frame/organisatie/steunpunt/" title="Vacatures" width="600" height="400"></iframe>"""
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'xss', vac_url, body)}")
    shown = widget(page, "w")
    assert any(title.startswith("Gevaarlijk <img src=x onerror=") for title in shown["titles"])  # shown as text
    assert "Buurthuis <img" in widget(page, "b")["text"]
    frame = page.frame_locator("#f")
    frame.locator(".hw-frame__item").first.wait_for()
    assert frame.get_by_text("Gevaarlijk <img src=x", exact=False).count() == 1
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__xss") is None
    assert page.frames[1].evaluate("() => window.__xss") is None
    counts = page.evaluate("() => [...document.querySelectorAll('hulpwijzer-vacatures')].map(h => h.shadowRoot.querySelectorAll('img, script, svg').length)")
    assert counts == [0, 0]
    assert dialogs == []


def test_iframe_variant_works_cross_origin_and_other_pages_cannot_be_framed(page, vac_url, partner_url, partner_dir):
    body = f"""<iframe id="f" src="{vac_url}/widget/v1/frame/organisatie/steunpunt/?max=3" title="Vacatures" width="600" height="400"></iframe>
      <iframe id="g" src="{vac_url}/vacatures/" title="Niet toegestaan" width="600" height="100"></iframe>"""
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'frame', vac_url, body)}")
    frame = page.frame_locator("#f")
    frame.locator(".hw-frame__item").first.wait_for()
    assert frame.locator(".hw-frame__item:visible").count() == 3
    assert frame.locator(".hw-frame__item a").first.get_attribute("target") == "_top"
    page.wait_for_timeout(300)
    blocked = next(f for f in page.frames if f.url.endswith("/vacatures/") or f.url.startswith("chrome-error"))
    assert blocked.url.startswith("chrome-error") or blocked.locator("h1").count() == 0


def test_unreachable_feed_shows_fallback_and_host_keeps_working(page, vac_url, partner_url, partner_dir):
    page.route("**/feeds/**", lambda route: route.abort("connectionrefused"))
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    body = """<hulpwijzer-vacatures id="w" organisatie="steunpunt"><a href="https://x.example/">fallback</a></hulpwijzer-vacatures>
      <button id="b" type="button">Klik</button><p id="out"></p>
      <script>document.getElementById('b').addEventListener('click', () => { document.getElementById('out').textContent = 'werkt'; });</script>"""
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'offline', vac_url, body)}")
    shown = widget(page, "w")
    assert "De vacatures kunnen nu niet worden getoond." in shown["text"]
    assert shown["links"] == [f"{vac_url}/vacatures/"]
    assert "Bekijk de vacatures op Hulpwijzer Testdorp" in shown["text"]
    page.click("#b")
    assert page.inner_text("#out") == "werkt"
    assert any("Hulpwijzer-widget" in e and "niet worden geladen" in e for e in errors)


def test_bad_attributes_give_fallback_and_console_message(page, vac_url, partner_url, partner_dir):
    messages = []
    page.on("console", lambda message: message.type == "error" and messages.append(message.text))
    body = """<hulpwijzer-vacatures id="max" max="-3"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="org" organisatie="bestaat-niet"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="lang" lang="xx"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="kop" kop="9"></hulpwijzer-vacatures>
      <hulpwijzer-vacatures id="slug" sector="&lt;b&gt;"></hulpwijzer-vacatures>
      <p id="after">Tekst na de widgets</p>"""
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'bad', vac_url, body)}")
    for element_id in ("max", "org", "lang", "kop", "slug"):
        shown = widget(page, element_id)
        assert shown["links"] == [f"{vac_url}/vacatures/"], element_id
        assert "De vacatures kunnen nu niet worden getoond." in shown["text"], element_id
    joined = "\n".join(messages)
    assert 'max="-3" kan niet' in joined
    assert 'organisatie="bestaat-niet" bestaat niet' in joined
    assert 'lang="xx" kan niet. Kies uit: nl, en, ar.' in joined
    assert 'kop="9" kan niet' in joined
    assert 'sector="<b>" kan niet' in joined
    assert page.is_visible("#after")
    assert run_axe(page) == []


def test_widget_updates_after_a_rebuild_that_expires_a_vacancy(page, fresh_site, partner_url, partner_dir):
    with serve_directory(fresh_site / "public") as site_url:
        body = '<hulpwijzer-vacatures id="w" max="50"></hulpwijzer-vacatures>'
        page.goto(f"{partner_url}/{partner_page(partner_dir, 'rebuild', site_url, body)}")
        assert "Sportmaatje" in widget(page, "w")["titles"]  # valid through 2026-12-31
        build_site(fresh_site, today=moved(dt.date(2027, 1, 5)).isoformat())
        page.reload()
        titles = widget(page, "w")["titles"]
        assert "Sportmaatje" not in titles and "Online taalhulp" in titles


class _MeiliStub(http.server.BaseHTTPRequestHandler):
    """Stands in for a Meilisearch server: answers the search API the way Meilisearch does
    (CORS preflight, POST /indexes/<uid>/search -> {"hits": [...]}) and records the request.
    There is no Meilisearch on the test machine; the test checks what the widget asks."""

    requests: list = []

    def log_message(self, *args) -> None:
        pass

    def _cors(self) -> None:
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Headers", "Authorization, Content-Type")
        self.send_header("Access-Control-Allow-Methods", "POST")

    def do_OPTIONS(self) -> None:
        self.send_response(204)
        self._cors()
        self.end_headers()

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append({"path": self.path, "auth": self.headers.get("Authorization"), "body": body})
        hit = {
            "title": "Live uit Meilisearch",
            "summary": "Net gepubliceerd.",
            "url": "/vacatures/maatje/",
            "remote": False,
            "valid_through": "2099-01-01",
            "organisation": "Steunpunt Testdorp",
            "place": ["testdorp"],
            "content_lang": "nl",
        }
        data = json.dumps({"hits": [hit]}).encode()
        self.send_response(200)
        self._cors()
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def test_meilisearch_first_and_feeds_when_it_is_down(page, tmp_path, partner_url, partner_dir):
    stub = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _MeiliStub)
    threading.Thread(target=stub.serve_forever, daemon=True).start()
    root = write_site(tmp_path / "site")
    site_yaml = root / "content" / "site.yaml"
    site_yaml.write_text(site_yaml.read_text() + f"meilisearch:\n  url: http://127.0.0.1:{stub.server_address[1]}\n  search_key: zoeksleutel123\n")
    build_site(root, clean=True, today=None)
    with serve_directory(root / "public") as site_url:
        body = '<hulpwijzer-vacatures id="w" organisatie="steunpunt" sector="zorg-en-welzijn" max="2"></hulpwijzer-vacatures>'
        page.goto(f"{partner_url}/{partner_page(partner_dir, 'meili', site_url, body)}")
        shown = widget(page, "w")
        assert shown["titles"] == ["Live uit Meilisearch"]
        assert "Steunpunt Testdorp · Testdorp" in shown["text"]  # the place's label comes from the feeds
        assert shown["links"][0] == f"{site_url}/vacatures/maatje/"
        request = _MeiliStub.requests[-1]
        assert request["path"] == "/indexes/hulpwijzer-nl/search" and request["auth"] == "Bearer zoeksleutel123"
        assert request["body"]["limit"] == 2 and request["body"]["sort"] == ["posted:desc"]
        assert set(request["body"]["filter"]) == {
            'type = "vacancy"',
            "current = true",
            'organisation_id = "organisation-steunpunt"',
            'sector = "zorg-en-welzijn"',
        }

        stub.shutdown()
        stub.server_close()
        page.reload()
        assert widget(page, "w")["titles"] == STEUNPUNT_NEWEST[:2]  # Meilisearch is down: the static feeds


def test_a_feed_of_the_wrong_shape_gives_fallback(page, vac_url, partner_url, partner_dir):
    # A proxy or a half-finished deploy could serve something else under the feed's address.
    page.route("**/feeds/vacatures/v1/sector/sport.json", lambda route: route.fulfill(status=200, content_type="application/json", body='{"vacancies": 5}'))
    page.route("**/feeds/vacatures/v1/kern/testdorp.json", lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Onderhoud</h1>"))
    messages = []
    page.on("console", lambda message: message.type == "error" and messages.append(message.text))
    body = '<hulpwijzer-vacatures id="a" sector="sport"></hulpwijzer-vacatures><hulpwijzer-vacatures id="b" kern="testdorp"></hulpwijzer-vacatures>'
    page.goto(f"{partner_url}/{partner_page(partner_dir, 'wrong-shape', vac_url, body)}")
    for element_id in ("a", "b"):
        assert widget(page, element_id)["links"] == [f"{vac_url}/vacatures/"]
    assert any("onbekende vorm" in m for m in messages) and any("niet worden geladen" in m for m in messages)
