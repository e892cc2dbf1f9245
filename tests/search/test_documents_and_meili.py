"""Search documents, synonyms and the Meilisearch settings/documents/keys, checked against the documented API.

The shapes below follow the Meilisearch reference (https://www.meilisearch.com/docs/reference/api/settings,
/documents, /keys, tenant tokens). No Meilisearch server exists here and none is imitated: the live tests at
the end run only when MEILI_URL and MEILI_MASTER_KEY are set.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import uuid
from pathlib import Path

import jsonschema
import pytest
import yaml
from support import MINIMAL_SITE, TEST_TODAY, build_site, copy_site

from search import documents as search_documents
from search import meili, synonyms
from search.site import query_data
from sitegen.build.pipeline import BuildOptions, prepare
from sitegen.clock import Clock

# From the Meilisearch settings reference: the value types of the settings we send.
SETTINGS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "searchableAttributes": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "displayedAttributes": {"type": "array", "items": {"type": "string"}},
        "filterableAttributes": {"type": "array", "items": {"type": "string"}},
        "sortableAttributes": {"type": "array", "items": {"type": "string"}},
        "rankingRules": {
            "type": "array",
            "items": {"type": "string", "pattern": r"^(words|typo|proximity|attribute|attributeRank|wordPosition|sort|exactness|[A-Za-z0-9_.]+:(asc|desc))$"},
        },
        "faceting": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "maxValuesPerFacet": {"type": "integer", "minimum": 0},
                "sortFacetValuesBy": {"type": "object", "additionalProperties": {"enum": ["alpha", "count"]}},
            },
        },
        "typoTolerance": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "enabled": {"type": "boolean"},
                "minWordSizeForTypos": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"oneTypo": {"type": "integer"}, "twoTypos": {"type": "integer"}},
                },
                "disableOnWords": {"type": "array", "items": {"type": "string"}},
                "disableOnAttributes": {"type": "array", "items": {"type": "string"}},
                "disableOnNumbers": {"type": "boolean"},
            },
        },
        "stopWords": {"type": "array", "items": {"type": "string"}},
        "synonyms": {"type": "object", "additionalProperties": {"type": "array", "items": {"type": "string"}}},
        "localizedAttributes": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["attributePatterns", "locales"],
                "additionalProperties": False,
                "properties": {
                    "attributePatterns": {"type": "array", "items": {"type": "string"}},
                    # ISO 639-3 codes as listed in the reference (nld, eng, ara, …)
                    "locales": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]{3}$"}},
                },
            },
        },
        "pagination": {"type": "object", "properties": {"maxTotalHits": {"type": "integer"}}, "additionalProperties": False},
    },
}
# Document ids: "an integer or a string composed only of alphanumeric characters (a-z A-Z 0-9), hyphens (-) and underscores (_)", at most 511 bytes.
DOCUMENT_ID = re.compile(r"^[a-zA-Z0-9_-]{1,511}$")


# POST /keys body fields (reference: keys).
def test_one_document_per_current_item_and_language(graph):
    docs = search_documents.documents(graph, "nl")
    ids = [doc["id"] for doc in docs]
    assert len(ids) == len(set(ids))
    # The expired vacancy and the past course are not searchable.
    assert "vacancy-verlopen" not in ids and "activity-oude-cursus" not in ids
    assert {"vacancy-maatje", "offer-logeerhuis", "page-even-vrij", "organisation-steunpunt"} <= set(ids)
    for doc in docs:
        assert DOCUMENT_ID.match(doc["id"]), doc["id"]
        assert doc["url"].startswith("/") and doc["title"] and doc["summary"]
        assert isinstance(doc["stale"], bool) and isinstance(doc["preference"], int) and doc["current"] is True
        json.dumps(doc)  # JSON-serialisable as Meilisearch needs
    # English: the translated organisation in English, the rest in Dutch, like the listings.
    english = {doc["id"]: doc for doc in search_documents.documents(graph, "en")}
    assert english["organisation-steunpunt"]["url"].startswith("/en/")
    assert english["vacancy-maatje"]["url"] == "/vacatures/maatje/"
    assert english["vacancy-maatje"]["type_label"] == "Volunteering"


def test_document_has_keywords_from_synonyms_and_vocabularies(graph):
    offer = next(doc for doc in search_documents.documents(graph, "nl") if doc["id"] == "offer-logeerhuis")
    assert "respijtzorg" in offer["terms"]["needs"]
    assert offer["need"] == ["respijtzorg"] and offer["form"] == ["logeeropvang"]
    # everyday words from search/synonyms.yaml for an item about respijtzorg
    for word in ("even vrij", "oppas", "vervangende zorg"):
        assert word in offer["keywords"]
    assert offer["organisation"] == "Steunpunt Testdorp"


def test_compounds_split_and_join():
    known = {"mantelzorg", "ondersteuning", "vrijwilliger", "werk", "waardering"}
    assert synonyms.split_compound("mantelzorgondersteuning", known) == ("mantelzorg", "ondersteuning")
    assert synonyms.split_compound("vrijwilligerswerk", known) == ("vrijwilliger", "werk")
    assert synonyms.split_compound("koffie", known) is None


def test_stale_items_are_marked(graph):
    later = dt.date(2028, 6, 1)
    from dataclasses import replace

    old_graph = replace(graph, day=later, _memo={}, groups={})
    docs = search_documents.documents(old_graph, "nl")
    assert docs and all(doc["stale"] and doc["preference"] < 100 for doc in docs if doc["type"] != "vacancy")


def test_synonym_file_is_valid_and_lowercase():
    data = yaml.safe_load(synonyms.SYNONYMS_FILE.read_text(encoding="utf-8"))
    assert set(data) >= {"nl", "en"}
    assert len(data["nl"]) >= 40
    for lang, entries in data.items():
        for phrase, targets in (entries or {}).items():
            assert phrase == phrase.lower() and isinstance(targets, list) and targets, (lang, phrase)


def test_meili_settings_match_documented_shape(graph):
    for lang in graph.languages:
        settings = meili.settings(graph, lang)
        jsonschema.validate(settings, SETTINGS_SCHEMA)
        assert settings["searchableAttributes"][0] == "title"
        # every filter/sort/ranking field exists in the documents
        docs = meili.index_documents(graph, lang)
        fields = set().union(*(doc.keys() for doc in docs))
        for name in settings["filterableAttributes"] + settings["sortableAttributes"]:
            assert name in fields or name in ("_geo", "remote", "next_date_ts", "posted"), name
        assert "preference:desc" in settings["rankingRules"]
        assert settings["localizedAttributes"][0]["locales"] == [meili.LOCALES[lang]]
    nl = meili.settings(graph, "nl")
    assert nl["synonyms"]["even vrij"] == ["respijtzorg"]
    assert "respijtzorg" in nl["synonyms"]["oppas"]
    # neutral: nothing in the ranking about organisations or how much they post
    assert not any("organisation" in rule for rule in nl["rankingRules"])


def test_geo_matches_documented_shape(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    offer = root / "content" / "offers" / "logeerhuis.md"
    text = offer.read_text(encoding="utf-8")
    assert "location:" not in text
    offer.write_text(text.replace("how_to_apply:", "location:\n  place: testdorp\n  latitude: 52.1\n  longitude: 6.2\nhow_to_apply:", 1), encoding="utf-8")
    site = prepare(BuildOptions(root=root, clock=Clock.on(dt.date.fromisoformat(TEST_TODAY)))).site
    doc = next(d for d in meili.index_documents(site.graph, "nl") if d["id"] == "offer-logeerhuis")
    assert doc["_geo"] == {"lat": 52.1, "lng": 6.2}


def test_incremental_upserts_and_deletes():
    docs = [{"id": "a", "title": "A"}, {"id": "b", "title": "B"}]
    upserts, deletes, state = meili.plan_changes({}, docs)
    assert [d["id"] for d in upserts] == ["a", "b"] and deletes == []
    changed = [{"id": "a", "title": "A2"}, {"id": "c", "title": "C"}]
    upserts, deletes, _ = meili.plan_changes(state, changed)
    assert [d["id"] for d in upserts] == ["a", "c"] and deletes == ["b"]
    assert meili.delete_filter(["b", "x-1"]) == 'id IN ["b", "x-1"]'


def test_query_data_for_the_browser(graph):
    data = query_data(graph, "nl")
    assert data["words"] == sorted(data["words"]) and "respijtzorg" in data["words"]
    assert "mijn" in data["stop"]
    assert data["synonyms"]["even vrij"] == ["respijtzorg"]
    assert data["labels"]["need"]["respijtzorg"] == "Respijtzorg" and data["types"]["vacancy"] == "Vrijwilligerswerk"
    assert query_data(graph, "en")["labels"]["need"]["respijtzorg"] == "Respite care"


def test_expired_pages_are_not_indexed_and_index_is_reused(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    public = tmp_path / "public"
    build_site(root, out=public, clean=True)
    expired = (public / "vacatures" / "verlopen" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" not in expired
    current = (public / "vacatures" / "maatje" / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in current and 'data-pagefind-filter="type:vacancy"' in current
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == _current_pages(root, "nl")
    before = (public / "pagefind" / "pagefind-entry.json").stat().st_ino
    build_site(root, out=public)  # nothing changed: the index is carried over, not rebuilt
    assert (public / "pagefind" / "pagefind-entry.json").stat().st_ino == before
    (root / "content" / "vacancies" / "maatje.md").unlink()
    build_site(root, out=public)
    entry = json.loads((public / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == _current_pages(root, "nl")
    assert entry["languages"]["en"]["page_count"] == _current_pages(root, "en") == 1


def _current_pages(root: Path, lang: str) -> int:
    graph = _graph(root)
    return sum(1 for node in graph.nodes if node.lang == lang and graph.is_current(node))


def _graph(root: Path):
    site = prepare(BuildOptions(root=root, clock=Clock.on(dt.date.fromisoformat(TEST_TODAY)))).site
    return site.graph


live = pytest.mark.skipif(
    not (os.environ.get("MEILI_URL") and os.environ.get("MEILI_MASTER_KEY")),
    reason="geen Meilisearch-server: zet MEILI_URL en MEILI_MASTER_KEY om de live tests te draaien (zie docs/search.md)",
)


@live
@pytest.mark.meili
def test_live_sync_search_and_delete(tmp_path):
    import meilisearch

    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    site_yaml = root / "content" / "site.yaml"
    prefix = "hwtest" + uuid.uuid4().hex[:8]
    site_yaml.write_text(
        site_yaml.read_text(encoding="utf-8") + f"meilisearch:\n  url: {os.environ['MEILI_URL']}\n  search_key: x\n  index_prefix: {prefix}\n", encoding="utf-8"
    )
    client = meilisearch.Client(os.environ["MEILI_URL"], os.environ["MEILI_MASTER_KEY"])
    graph = _graph(root)
    state = tmp_path / "state.json"
    try:
        meili.sync(graph, os.environ["MEILI_URL"], os.environ["MEILI_MASTER_KEY"], state)
        index = client.index(f"{prefix}-nl")
        tasks = client.get_tasks({"indexUids": [f"{prefix}-nl"]}).results
        for task in tasks:
            client.wait_for_task(task.uid, timeout_in_ms=30000)
        assert index.get_settings()["rankingRules"] == meili.settings(graph, "nl")["rankingRules"]
        hits = index.search("repsijtzorg")["hits"]
        assert hits and hits[0]["type"] in ("offer", "page")
        hits = index.search("even vrij")["hits"]
        assert any(hit["id"] == "offer-logeerhuis" for hit in hits)
        key = client.create_key(meili.search_only_key_options(graph) | {"indexes": [f"{prefix}-*"]})
        assert key.actions == ["search"]
        client.delete_key(key.key)
        (root / "content" / "vacancies" / "maatje.md").unlink()
        report = meili.sync(_graph(root), os.environ["MEILI_URL"], os.environ["MEILI_MASTER_KEY"], state)
        assert report["nl"][1] == 1
    finally:
        for lang in graph.languages:
            client.delete_index(f"{prefix}-{lang}")


def test_every_search_message_is_translated_in_en_and_ar():
    from babel.messages.extract import extract_from_file
    from babel.messages.pofile import read_po

    keywords = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}
    repo = Path(__file__).resolve().parents[2]
    messages = set()
    for template in ("themes/default/templates/search.html", "themes/default/templates/partials/search-meta.html"):
        options = {"extensions": "jinja2.ext.i18n", "trimmed": "false"}
        messages.update(m for _l, m, _c, _x in extract_from_file("jinja2", str(repo / template), keywords=keywords, options=options))
    for module in ("search/documents.py", "search/site.py", "search/meili.py"):
        messages.update(m for _l, m, _c, _x in extract_from_file("python", str(repo / module), keywords=keywords))
    assert len(messages) > 25
    for lang in ("en", "ar"):
        # A language's catalogues are merged (sitegen.i18n): search.po and the search parts' own files.
        catalogs = []
        for po_file in sorted((repo / "sitegen" / "locale" / lang / "LC_MESSAGES").glob("search*.po")):
            with po_file.open("rb") as handle:
                catalogs.append(read_po(handle, locale=lang))
        missing = sorted(m for m in messages if not any(c.get(m) and c.get(m).string for c in catalogs))
        catalog = catalogs[0]
        assert missing == [], (lang, missing)
        for message in catalog:
            if message.id and "{" in message.id:
                assert set(re.findall(r"\{\w+\}", message.id)) == set(re.findall(r"\{\w+\}", message.string)), message.id


def test_neutral_an_organisation_is_not_found_by_what_it_posts(graph):
    """An organisation's search document holds only its own text: posting more does not make it rank higher."""
    organisation = next(doc for doc in search_documents.documents(graph, "nl") if doc["id"] == "organisation-steunpunt")
    posted = [doc for doc in search_documents.documents(graph, "nl") if doc.get("organisation_id") == "organisation-steunpunt"]
    assert posted, "the minimal site has items posted by the steunpunt"
    searchable = " ".join([organisation["title"], organisation["summary"], organisation["text"], " ".join(organisation["keywords"])]).lower()
    for doc in posted:
        assert doc["title"].lower() not in searchable


def test_missing_pagefind_is_a_clear_dutch_error_and_publishes_nothing(tmp_path, monkeypatch):
    import search.pagefind_index as pagefind_index
    from sitegen.build.pipeline import RenderError

    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    public = tmp_path / "public"
    build_site(root, out=public, clean=True)
    before = sorted(p.relative_to(public).as_posix() for p in public.rglob("*"))

    def not_installed():
        raise ModuleNotFoundError("pagefind")

    monkeypatch.setattr("pagefind.service._must_get_executable", not_installed)
    monkeypatch.setattr("shutil.which", lambda name: None)
    with pytest.raises(RenderError, match="Pagefind is niet geïnstalleerd.*pip install"):
        build_site(root, out=public, clean=True)
    assert sorted(p.relative_to(public).as_posix() for p in public.rglob("*")) == before
    assert pagefind_index.SearchIndexError.__mro__[1] is RenderError
