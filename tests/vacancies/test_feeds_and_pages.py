"""Feeds, listing and filter pages, headers and the widget script, without a browser."""

from __future__ import annotations

import dataclasses

import base64
import datetime as dt
import gzip
import json
import re
from pathlib import Path

import jsonschema
import pytest
from support import REPO, build_site, run_clock, vnu_errors
from vacancies_conftest import STEUNPUNT_NEWEST, write_site

from sitegen.content.types import TYPES
from sitegen.cli.serve import headers_for, netlify_headers

SCHEMA = json.loads((REPO / "docs" / "schema" / "vacancy-feed.schema.json").read_text(encoding="utf-8"))
FEEDS = "feeds/vacatures/v1"


def load(public: Path, path: str) -> dict:
    return json.loads((public / path).read_text(encoding="utf-8"))


def titles(feed: dict) -> list[str]:
    return [v["title"] for v in feed["vacancies"]]


def test_every_feed_matches_the_published_schema(vac_public):
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    feeds = sorted((vac_public / FEEDS).rglob("*.json"))
    # 3 languages x (alle + 2 organisations + 2 sectors + 3 kernen incl. vanuit-huis)
    assert len(feeds) == 3 * 8
    for path in feeds:
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(json.loads(path.read_text()))]
        assert errors == [], path


def test_feeds_hold_current_vacancies_newest_first(vac_public):
    everything = load(vac_public, f"{FEEDS}/alle.json")
    ids = [v["id"] for v in everything["vacancies"]]
    assert "verlopen" not in ids  # expired on 2026-07-01
    assert everything["count"] == len(ids) == 10
    posted = [v["posted"] for v in everything["vacancies"]]
    assert posted == sorted(posted, reverse=True)
    assert ids[0] == "online-taalhulp"

    assert titles(load(vac_public, f"{FEEDS}/organisatie/steunpunt.json"))[:7] == STEUNPUNT_NEWEST
    assert titles(load(vac_public, f"{FEEDS}/sector/sport.json")) == ["Sportmaatje"]
    assert titles(load(vac_public, f"{FEEDS}/kern/vanuit-huis.json")) == ["Online taalhulp"]
    assert titles(load(vac_public, f"{FEEDS}/kern/buitenhoek.json")) == ["Sportmaatje"]
    buurthuis = load(vac_public, f"{FEEDS}/organisatie/buurthuis.json")
    assert {v["id"] for v in buurthuis["vacancies"]} == {"sportmaatje", "online-taalhulp"}
    assert buurthuis["listing_path"] == "/organisaties/buurthuis/"


def test_feeds_per_language_use_translated_labels_and_urls(vac_public):
    english = load(vac_public, f"{FEEDS}/en/sector/zorg-en-welzijn.json")
    assert english["language"] == "en"
    assert english["selection"]["label"] == "Care and welfare"
    maatje = next(v for v in english["vacancies"] if v["id"] == "maatje")
    assert maatje["commitment"]["label"] == "Regular"
    assert maatje["language"] == "nl"  # not translated: the Dutch text, on the Dutch page
    assert maatje["path"] == "/vacatures/maatje/"
    assert maatje["url"] == "https://hulpwijzer.example.org/vacatures/maatje/"
    assert english["listing_path"] == "/en/vacatures/sector/zorg-en-welzijn/"


def test_listing_is_newest_first_and_never_shows_expired(vac_public):
    html = (vac_public / "vacatures" / "index.html").read_text(encoding="utf-8")
    shown = re.findall(r'<h3 class="hw-card__title"><a href="/vacatures/([^/]+)/">', html)
    assert shown[:3] == ["online-taalhulp", "sportmaatje", "klus-6"]
    assert "verlopen" not in shown and len(shown) == 10
    assert "10 vacatures" in html


def test_static_filter_pages_for_every_facet(vac_public):
    expected = {
        "sector/sport": ["sportmaatje"],
        "kern/vanuit-huis": ["online-taalhulp"],
        "kern/buitenhoek": ["sportmaatje"],
        "duur/eenmalig": ["sportmaatje"],
        "wanneer/avond": ["sportmaatje"],
        "geschikt-voor/jongeren": ["maatje"],
        "wat-je-krijgt/training": ["maatje"],
        "wat-je-krijgt/onkostenvergoeding": [],
    }
    for path, slugs in expected.items():
        html = (vac_public / "vacatures" / path / "index.html").read_text(encoding="utf-8")
        assert re.findall(r'<h3 class="hw-card__title"><a href="/vacatures/([^/]+)/">', html) == slugs, path
        assert f'href="/vacatures/{path}/" aria-current="page"' in html
    english = (vac_public / "en" / "vacatures" / "sector" / "sport" / "index.html").read_text(encoding="utf-8")
    assert 'href="/en/vacatures/sector/sport/" aria-current="page"' in english


def test_pagination_of_listing_and_filter_pages(tmp_path, monkeypatch):
    monkeypatch.setitem(TYPES.types, "vacancy", dataclasses.replace(TYPES["vacancy"], page_size=4))
    root = write_site(tmp_path / "site")
    build_site(root, clean=True, today=None)
    public = root / "public" / "vacatures"
    pages = [public / "index.html", public / "pagina" / "2" / "index.html", public / "pagina" / "3" / "index.html"]
    found = []
    for page in pages:
        found += re.findall(r'<h3 class="hw-card__title"><a href="/vacatures/([^/]+)/">', page.read_text(encoding="utf-8"))
    assert len(found) == len(set(found)) == 10
    assert not (public / "pagina" / "4").exists()
    assert 'rel="next"' in pages[0].read_text() and 'rel="prev"' in pages[2].read_text()
    # a filter page with 7 steunpunt-like vacancies in zorg-en-welzijn gets its own pages
    assert (public / "sector" / "zorg-en-welzijn" / "pagina" / "2" / "index.html").exists()


def test_pages_are_valid_html(vac_public):
    paths = [
        vac_public / "vacatures" / "index.html",
        vac_public / "vacatures" / "sector" / "sport" / "index.html",
        vac_public / "ar" / "vacatures" / "kern" / "vanuit-huis" / "index.html",
        vac_public / "vacatures" / "widget" / "index.html",
        vac_public / "vacatures" / "widget" / "organisatie" / "steunpunt" / "index.html",
        vac_public / "en" / "vacatures" / "widget" / "alle" / "index.html",
        vac_public / "widget" / "v1" / "frame" / "organisatie" / "buurthuis" / "index.html",
        vac_public / "widget" / "v1" / "frame" / "ar" / "alle" / "index.html",
    ]
    assert vnu_errors(paths) == []


def test_configurator_result_page_has_a_working_snippet(vac_public):
    html = (vac_public / "vacatures" / "widget" / "organisatie" / "steunpunt" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script src=&#34;https://hulpwijzer.example.org/widget/v1/vacatures.js&#34; defer&gt;" in html
    assert "&lt;hulpwijzer-vacatures organisatie=&#34;steunpunt&#34; max=&#34;5&#34; lang=&#34;nl&#34; kop=&#34;2&#34;&gt;" in html
    assert "/widget/v1/frame/organisatie/steunpunt/?max=5" in html
    index = (vac_public / "vacatures" / "widget" / "index.html").read_text(encoding="utf-8")
    for url in ("/vacatures/widget/alle/", "/vacatures/widget/organisatie/buurthuis/", "/vacatures/widget/kern/vanuit-huis/"):
        assert f'href="{url}"' in index


def test_netlify_headers_for_feeds_widget_and_frames():
    rules = netlify_headers(REPO)
    feed = headers_for(rules, "/feeds/vacatures/v1/organisatie/steunpunt.json")
    assert feed["Access-Control-Allow-Origin"] == "*"
    assert "max-age=3600" in feed["Cache-Control"]
    script = headers_for(rules, "/widget/v1/vacatures.js")
    assert script["Access-Control-Allow-Origin"] == "*" and "max-age" in script["Cache-Control"]
    frame = headers_for(rules, "/widget/v1/frame/alle/")
    assert frame["Content-Security-Policy"].endswith("frame-ancestors *")
    assert "unsafe-inline" not in frame["Content-Security-Policy"]
    # every other page may only be framed by the site itself
    assert headers_for(rules, "/vacatures/")["Content-Security-Policy"].endswith("frame-ancestors 'self'")
    assert headers_for(rules, "/widget/v1/vacatures.js")["Content-Security-Policy"].endswith("frame-ancestors 'self'")


def test_widget_script_is_small_safe_and_configured(vac_public):
    source = (vac_public / "widget" / "v1" / "vacatures.js").read_bytes()
    assert len(gzip.compress(source, 9)) < 8 * 1024
    text = source.decode("utf-8")
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "document.cookie", "localStorage",
                      "sessionStorage", "indexedDB", "eval(", "new Function"):
        assert forbidden not in text, forbidden
    assert "/*@config*/null" not in text
    config = json.loads(re.search(r"const C = (\{.*?\});\n", text).group(1))
    assert config["langs"] == ["nl", "en", "ar"] and config["def"] == "nl" and config["ms"] is None
    assert config["t"]["ar"]["dir"] == "rtl"


def widget_config_of(public: Path) -> dict:
    text = (public / "widget" / "v1" / "vacatures.js").read_text(encoding="utf-8")
    return json.loads(re.search(r"const C = (\{.*?\});\n", text).group(1))


def test_meilisearch_only_with_a_search_key_or_a_tenant_token(tmp_path, monkeypatch):
    root = write_site(tmp_path / "site")
    site_yaml = root / "content" / "site.yaml"
    original = site_yaml.read_text()
    site_yaml.write_text(original + "meilisearch:\n  url: https://zoek.example.org/\n  search_key: zoeksleutel123\n")
    build_site(root, clean=True, today=None)
    assert widget_config_of(root / "public")["ms"] == {"url": "https://zoek.example.org", "key": "zoeksleutel123", "prefix": "hulpwijzer"}

    # the master key by mistake in site.yaml: the widget gets no Meilisearch at all
    monkeypatch.setenv("MEILI_MASTER_KEY", "zoeksleutel123")
    build_site(root, clean=True, today=None)
    assert widget_config_of(root / "public")["ms"] is None
    assert "zoeksleutel123" not in (root / "public" / "widget" / "v1" / "vacatures.js").read_text()
    monkeypatch.delenv("MEILI_MASTER_KEY")

    # with the uid of the search key: a signed tenant token that only sees current vacancies
    uid = "6062abda-a5aa-4414-ac91-ecd7944c0f8d"
    site_yaml.write_text(original + f"meilisearch:\n  url: https://zoek.example.org\n  search_key: zoeksleutel123\n  search_key_uid: {uid}\n")
    build_site(root, clean=True, today=None)
    token = widget_config_of(root / "public")["ms"]["key"]
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert payload["apiKeyUid"] == uid
    assert payload["searchRules"] == {f"hulpwijzer-{lang}": {"filter": 'type = "vacancy" AND current = true'} for lang in ("nl", "en", "ar")}
    today = run_clock().today
    assert payload["exp"] == int(dt.datetime.combine(today + dt.timedelta(days=3), dt.time(), tzinfo=dt.timezone.utc).timestamp())

    # a uid that is no uuid: a warning that names the cause, and no live search — never the broader search key
    site_yaml.write_text(original + "meilisearch:\n  url: https://zoek.example.org\n  search_key: zoeksleutel123\n  search_key_uid: geen-uuid\n")
    result = build_site(root, clean=True, today=None)
    assert widget_config_of(root / "public")["ms"] is None
    assert "zoeksleutel123" not in (root / "public" / "widget" / "v1" / "vacatures.js").read_text()
    assert "zoeksleutel123" not in (root / "public" / "zoeken" / "index.html").read_text()
    [warning] = [w for w in result.warnings if w.field == "meilisearch.search_key_uid"]
    assert "uuid" in warning.message and warning.severity == "warning"

    # a build dated so far back that a token would have expired already: the same, with its own reason
    site_yaml.write_text(original + f"meilisearch:\n  url: https://zoek.example.org\n  search_key: zoeksleutel123\n  search_key_uid: {uid}\n")
    result = build_site(root, clean=True, today=(today - dt.timedelta(days=10)).isoformat())
    assert widget_config_of(root / "public")["ms"] is None
    assert "zoeksleutel123" not in (root / "public" / "zoeken" / "index.html").read_text()
    assert any(w.field == "meilisearch.search_key_uid" and "zoektoken" in w.message for w in result.warnings)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_strings_are_translated(vac_public, lang):
    html = (vac_public / lang / "vacatures" / "index.html").read_text(encoding="utf-8")
    for dutch in ("Kies wat bij u past", "Toon alle vacatures", "Bent u een organisatie?"):
        assert dutch not in html, (lang, dutch)
    config = re.search(r"const C = (\{.*?\});\n", (vac_public / "widget" / "v1" / "vacatures.js").read_text()).group(1)
    texts = json.loads(config)["t"][lang]
    assert texts["all"] != "Bekijk alle vacatures"


def test_demo_content_feeds_and_listing(demo_public):
    validator = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker())
    for path in (demo_public / FEEDS).rglob("*.json"):
        validator.validate(json.loads(path.read_text(encoding="utf-8")))
    everything = load(demo_public, f"{FEEDS}/alle.json")
    assert everything["count"] > 0
    assert all(v["valid_through"] >= everything["generated"] >= v["posted"] for v in everything["vacancies"])
    assert vnu_errors([demo_public / "vacatures" / "index.html", demo_public / "vacatures" / "widget" / "index.html"]) == []


def test_incremental_build_updates_feeds_listing_and_widget_pages(tmp_path):
    root = write_site(tmp_path / "site")
    build_site(root, clean=True, today=None)
    public = root / "public"
    path = root / "content" / "vacancies" / "sportmaatje.md"
    path.write_text(path.read_text().replace("title: Sportmaatje", "title: Sportmaatje gezocht"))
    organisation = root / "content" / "organisations" / "steunpunt.md"
    organisation.write_text(organisation.read_text().replace("title: Steunpunt Testdorp", "title: Steunpunt Testdorp-Noord"))
    build_site(root, today=None)
    assert "Sportmaatje gezocht" in titles(load(public, f"{FEEDS}/sector/sport.json"))
    assert "Sportmaatje gezocht" in (public / "vacatures" / "index.html").read_text()
    assert "Sportmaatje gezocht" in (public / "widget" / "v1" / "frame" / "en" / "alle" / "index.html").read_text()
    assert load(public, f"{FEEDS}/organisatie/steunpunt.json")["selection"]["label"] == "Steunpunt Testdorp-Noord"
    assert "Steunpunt Testdorp-Noord" in (public / "vacatures" / "widget" / "index.html").read_text()
