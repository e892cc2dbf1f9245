"""What sitegen/parts/pages.py and sitegen/parts/listings.py generate, checked on built HTML (no browser)."""

from __future__ import annotations

import datetime as dt
import gzip
import re
from pathlib import Path

import pytest
from support import MINIMAL_SITE, build_site, copy_site, moved


def read(public: Path, path: str) -> str:
    return (public / path).read_text(encoding="utf-8")


def test_filter_pages_per_facet_and_pagination(small_site):
    listing = read(small_site, "activiteiten/index.html")
    # 23 current activities: two pages, and a filter link per place with its count.
    assert "Pagina 1 van 2" in listing
    assert 'href="/activiteiten/pagina/2/"' in listing
    assert (small_site / "activiteiten/pagina/2/index.html").exists()
    assert 'href="/activiteiten/kern/buitenhoek/"' in listing
    filtered = read(small_site, "activiteiten/kern/buitenhoek/index.html")
    assert "11 resultaten" in filtered
    assert 'aria-current="page">Buitenhoek' in filtered
    assert "Wandelgroep 2<" in filtered and "Wandelgroep 1<" not in filtered
    # the filter page of a facet exists in every language, with the translated chrome
    assert "11 results" in read(small_site, "en/activiteiten/kern/buitenhoek/index.html")
    offers = read(small_site, "respijtzorg/vorm/logeeropvang/index.html")
    assert "/respijtzorg/logeerhuis/" in offers


def test_agenda_lists_upcoming_dates_and_past_activities(small_site):
    agenda = read(small_site, "agenda/index.html")
    upcoming, _, past = agenda.partition('id="geweest-titel"')
    # the recurring café shows each of its next dates, the finished course is under "Geweest"
    assert upcoming.count("/activiteiten/mantelzorgcafe/") >= 2
    assert "/activiteiten/oude-cursus/" in past and "/activiteiten/oude-cursus/" not in upcoming
    assert "data-hw-ends=" in upcoming


def test_statements_exist_in_every_language(small_site):
    for prefix in ("", "en/", "ar/"):
        assert "WCAG 2.2" in read(small_site, f"{prefix}toegankelijkheid/index.html")
        assert "cookies" in read(small_site, f"{prefix}privacy/index.html")
    footer = read(small_site, "index.html")
    assert 'href="/toegankelijkheid/"' in footer and 'href="/privacy/"' in footer


def test_language_switcher_explains_a_missing_translation(small_site):
    # The logeerhuis offer exists only in Dutch; the organisation has an English version.
    offer = read(small_site, "respijtzorg/logeerhuis/index.html")
    assert 'href="/en/" hreflang="en">English<span class="hw-languages__note">This page is not translated.' in offer
    organisation = read(small_site, "organisaties/steunpunt/index.html")
    assert 'href="/en/organisaties/steunpunt/" hreflang="en">English</a>' in organisation


def test_detail_page_has_breadcrumbs_reviewed_date_open_graph_and_related(small_site):
    html = read(small_site, "respijtzorg/logeerhuis/index.html")
    assert 'aria-label="Kruimelpad"' in html and 'href="/respijtzorg/">Respijtzorg: even vrij van de zorg</a>' in html
    assert f'Laatst gecontroleerd: <time datetime="{moved(dt.date(2026, 8, 1)).isoformat()}">' in html
    assert '<meta property="og:title" content="Logeerhuis De Linde">' in html
    assert '<meta property="og:url" content="https://hulpwijzer.example.org/respijtzorg/logeerhuis/">' in html
    assert '<meta property="og:type" content="article">' in html
    related = html.split('id="verwant-titel"', 1)[1]
    assert "/informatie/even-vrij/" in related  # shares the need "respijtzorg"
    assert "Indicatie nodig" in html and "Kosten en vergoeding" in html


def test_related_items_are_part_of_the_plan(tmp_path):
    """A detail page shows related items, chosen while planning: they are in its context, so its
    plan (sitegen.build.fingerprint) changes when the choice or one of them changes."""
    import datetime as dt

    from sitegen.build.context import BuildContext
    from sitegen.clock import Clock
    from sitegen.content.read import load_site
    from sitegen.parts.pages import _detail, related_items

    root = copy_site(MINIMAL_SITE, tmp_path)
    graph = load_site(root, today=dt.date(2026, 11, 23)).graph
    ctx = BuildContext(root=root, clock=Clock.on(dt.date(2026, 11, 23)), graph=graph)
    node = graph.by_key["offers/logeerhuis.md"]
    related = related_items(ctx, node)
    assert [other.key for other in related] == ["pages/even-vrij.md"]
    assert related[0] in _detail(ctx, node).context["related_items"]


def test_sitemap_has_hreflang_alternates_for_static_pages(small_site):
    sitemap = read(small_site, "sitemap.xml")
    assert "<loc>https://hulpwijzer.example.org/en/agenda/</loc>" in sitemap
    assert 'hreflang="ar" href="https://hulpwijzer.example.org/ar/toegankelijkheid/"' in sitemap
    assert "oude-cursus" not in sitemap  # past activities are not advertised


def test_home_has_search_form_tiles_and_loket(small_site):
    html = read(small_site, "index.html")
    assert re.search(r'<form class="hw-search" action="/zoeken/" method="get" role="search">', html)
    assert 'name="q"' in html
    assert 'href="/onderwerp/respijtzorg/"' in html and "Vrijwilligerswerk zoeken" in html
    assert "loket@example.org" in html and "030 760 6055" in html
    assert 'action="/en/zoeken/"' in read(small_site, "en/index.html")


def test_example_theme_only_changes_tokens_and_logo(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path)
    site_file = root / "content" / "site.yaml"
    site_file.write_text(site_file.read_text() + "theme: example\n")
    build_site(root, out=root / "public", clean=True)
    html = (root / "public" / "index.html").read_text()
    tokens = next((root / "public" / "assets" / "css").glob("tokens.*.css")).read_text()
    assert "#00664f" in tokens and "#0b4f9c" not in tokens
    logo = next((root / "public" / "assets" / "img").glob("logo.*.svg")).read_text()
    assert "#00664f" in logo
    site_css = Path("themes/default/static/css/site.css")
    default_css = (Path(__file__).resolve().parents[2] / site_css).read_bytes()
    assert any(path.read_bytes() == default_css for path in (root / "public" / "assets" / "css").glob("site.*.css"))
    assert 'class="hw-skip-link"' in html


@pytest.mark.slow
def test_page_budget_on_the_demo_build(demo_public):
    """Every HTML page < 30 KB gzipped, the CSS < 20 KB gzipped in total."""
    too_big = []
    pages = list(demo_public.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        size = len(gzip.compress(path.read_bytes(), 9))
        if size >= 30 * 1024:
            too_big.append((str(path.relative_to(demo_public)), size))
    assert not too_big, too_big
    css = b"".join(path.read_bytes() for path in (demo_public / "assets" / "css").glob("*.css"))
    assert 0 < len(gzip.compress(css, 9)) < 20 * 1024
