"""A new content type is one registration (plus its detail template): the build then makes its
listing with filter pages, its detail pages, sitemap entries, topic pages and search documents."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from support import REPO, build_site, copy_site

from search.documents import documents
from sitegen.content.model import Item, field
from sitegen.content.read import load_site
from sitegen.content.types import TYPES, CmsPlace, ContentType, Facet, values_of
from sitegen.i18n import N_


class Walk(Item):
    """A walk a carer can make with the person they care for."""

    route: str = field(N_("Route"), N_("Waar loopt u, in één zin?"))
    distance_km: float = field(N_("Afstand"), N_("Hoe lang is de wandeling, in kilometers?"), ge=0)


WALK = ContentType(
    "walk", Walk, "walks", "wandelingen", N_("Wandeling"), N_("Wandelingen"), N_("Wandeling"),
    (N_("wandeling"), N_("wandelingen")), CmsPlace("index", N_("Wandelingen")),
    facets=(Facet("onderwerp", "needs", N_("Onderwerp"), values_of("needs")),),
    text_fields=("route",),
)

WALK_FILE = """---
title: Rondje door het park
summary: Een korte wandeling van een half uur, ook met een rolstoel te doen.
last_reviewed: 2026-10-01
needs:
- respijtzorg
route: Van de kerk langs de vijver naar de speeltuin en terug.
distance_km: 2.5
---

Onderweg staan bankjes om uit te rusten.
"""

DETAIL_TEMPLATE = """{% extends "detail/_item.html" %}
{% block more %}<p class="walk-route">{{ item.route }} ({{ item.distance_km }} km)</p>{% endblock %}
"""


@pytest.fixture
def walk_site(tmp_path):
    TYPES.register(WALK)
    try:
        root = copy_site(REPO / "tests" / "sites" / "minimal", tmp_path / "site")
        (root / "content" / "walks").mkdir()
        (root / "content" / "walks" / "rondje-park.md").write_text(WALK_FILE, encoding="utf-8")
        theme = root / "themes" / "wandel"
        (theme / "templates" / "detail").mkdir(parents=True)
        (theme / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
        (theme / "templates" / "detail" / "walk.html").write_text(DETAIL_TEMPLATE, encoding="utf-8")
        site_yaml = root / "content" / "site.yaml"
        site_yaml.write_text(site_yaml.read_text(encoding="utf-8") + "theme: wandel\n", encoding="utf-8")
        yield root
    finally:
        TYPES.unregister("walk")


def test_a_registered_type_gets_listing_detail_sitemap_and_search(walk_site):
    build_site(walk_site, clean=True, today="2026-11-23")
    public = walk_site / "public"
    listing = (public / "wandelingen" / "index.html").read_text(encoding="utf-8")
    assert "<h1>Wandelingen</h1>" in listing
    assert 'href="/wandelingen/rondje-park/"' in listing
    assert 'href="/wandelingen/onderwerp/respijtzorg/"' in listing  # its facet's filter link
    assert "rondje-park" in (public / "wandelingen" / "onderwerp" / "respijtzorg" / "index.html").read_text(encoding="utf-8")
    assert (public / "en" / "wandelingen" / "index.html").is_file()  # every language has the listing

    detail = (public / "wandelingen" / "rondje-park" / "index.html").read_text(encoding="utf-8")
    assert '<p class="walk-route">Van de kerk langs de vijver naar de speeltuin en terug. (2.5 km)</p>' in detail
    assert "data-pagefind-body" in detail  # indexed by the static search
    assert '"@type": "WebPage"' in detail or '"@type":"WebPage"' in detail

    sitemap = (public / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://hulpwijzer.example.org/wandelingen/</loc>" in sitemap
    assert "<loc>https://hulpwijzer.example.org/wandelingen/rondje-park/</loc><lastmod>2026-10-01</lastmod>" in sitemap

    hub = (public / "onderwerp" / "respijtzorg" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<h2 id="groep-walk">Wandelingen</h2>', hub)

    site = load_site(walk_site, dt.date(2026, 11, 23))
    docs = {doc["id"]: doc for doc in documents(site.graph, "nl")}
    assert docs["walk-rondje-park"]["type_label"] == "Wandeling"
    assert "vijver" in docs["walk-rondje-park"]["text"]
    assert (public / "pagefind" / "pagefind.js").is_file()


def test_a_type_cannot_take_the_folder_or_address_of_another():
    with pytest.raises(ValueError, match="shares a folder or section"):
        TYPES.register(ContentType("walk", Walk, "pages", "wandelingen", "W", "W", "W", ("w", "w"), CmsPlace("index")))
