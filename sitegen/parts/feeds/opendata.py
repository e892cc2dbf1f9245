"""The page 'Open data' (/open-data/, /en/open-data/, …): which feeds and datasets there are,
in which format, under which licence."""

from __future__ import annotations

from collections.abc import Iterable

from sitegen import languages
from sitegen.build.outputs import Output, page_path
from sitegen.graph.site_graph import SiteGraph
from sitegen.i18n import gettext_for
from sitegen.parts.feeds import atom, hsds, ics
from sitegen.parts.feeds.common import OPEN_DATA
from sitegen.parts.page_info import PageInfo, all_languages

LICENSE_URL = "https://creativecommons.org/publicdomain/zero/1.0/deed.nl"


def page_url(graph: SiteGraph, lang: str) -> str:
    return languages.url(lang, graph.default_lang, f"/{OPEN_DATA}/")


def _label_lang(graph: SiteGraph, term: str, lang: str) -> str | None:
    found = graph.term("activity_types", term)
    return None if found is None or lang in found.label else graph.default_lang


def generate(graph: SiteGraph, renderer=None) -> Iterable[Output]:
    for lang in graph.languages:
        _ = gettext_for(lang)
        url = page_url(graph, lang)
        page = PageInfo(
            title=_("Open data"),
            url=url,
            lang=lang,
            alternates=all_languages(graph, f"/{OPEN_DATA}/"),
            description=_("Gebruik de agenda, vacatures en adressen van deze website in uw eigen agenda, app of website."),
        )
        context = {
            "page": page,
            "agenda": "/" + ics.agenda_path(graph, lang),
            # (title, url, language of the title when it is not the page's: an untranslated name stays Dutch)
            "organiser_feeds": [(org.title, "/" + path, org.lang if org.lang != lang else None) for org, path in ics.organiser_feeds(graph, lang)],
            "type_feeds": [
                (graph.label("activity_types", term, lang), "/" + path, _label_lang(graph, term, lang)) for term, path in ics.type_feeds(graph, lang)
            ],
            "atom_feeds": [(_(atom.FEEDS[name][1]), "/" + atom.feed_path(graph, lang, name)) for name in atom.FEEDS],
            "hsds": {
                "datapackage": f"/{hsds.BASE}/datapackage.json",
                "api": f"/{hsds.BASE}/index.json",
                "services": f"/{hsds.BASE}/services.json",
                "organizations": f"/{hsds.BASE}/organizations.json",
            },
            "license_url": LICENSE_URL,
        }
        yield Output(page_path(url), template="opendata.html", lang=lang, indexable=True, context=context)
