"""Leaflets to print and hand over: one A4 page (or a few) per need and per kern, with the offers,
organisations and activities there, their phone numbers and addresses, the loket, and the leaflet's
own web address as a QR code made at build time (segno, SVG: no image request, no service).

Professionals (huisarts, wijkverpleegkundige, Wmo-consulent) print one for a carer. Which types are
on a leaflet is ``ContentType.on_paper_and_map``; which items fit a need or a kern is the type's own
facet for it (``onderwerp``, ``kern``), so a leaflet lists what the filter page of that term lists."""

from __future__ import annotations

import io
from collections.abc import Iterable

import segno

from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES, ContentType, Facet
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.listings import current_items
from sitegen.parts.page_info import PageInfo, all_languages
from sitegen.parts.whereabouts import locations_of, reach_of

SECTION = "folder"
# Leaflet kind: (URL segment, vocabulary, facet segment that selects its items).
KINDS = (("onderwerp", "needs", "onderwerp"), ("kern", "places", "kern"))
INDEX_TITLE = N_("Folders om te printen")
NEED_TITLE = N_("Hulp bij: %(label)s")
PLACE_TITLE = N_("Hulp in %(label)s")


def paper_types() -> list[ContentType]:
    return [t for t in TYPES if t.on_paper_and_map]


def _facet(content_type: ContentType, segment: str) -> Facet | None:
    return next((f for f in content_type.facets if f.segment == segment), None)


def leaflet_path(kind: str, slug: str) -> str:
    return f"/{SECTION}/{kind}/{slug}/"


def template_globals(ctx, lang: str) -> dict:
    graph = ctx.graph
    return {
        "leaflet_url": lambda vocabulary, slug: _leaflet_url(graph, lang, vocabulary, slug),
        "reach_of": lambda node: reach_of(graph, node),
        "locations_of": lambda node: locations_of(node.data),
    }


def _leaflet_url(graph: SiteGraph, lang: str, vocabulary: str, slug: str) -> str | None:
    kind = next((k for k, v, _f in KINDS if v == vocabulary), None)
    vocab = graph.vocabularies.get(vocabulary)
    if kind is None or vocab is None or vocab.term(slug) is None:
        return None
    return all_languages(graph, leaflet_path(kind, slug))[lang]


def qr_svg(url: str, title: str) -> str:
    """The address as an SVG QR code (error correction M: still readable from a creased print).
    With a viewBox and no width/height (``omitsize``), so the size leaflet.css gives it scales the
    code; with a fixed width the CSS cut off its right and bottom edge and no camera could read it."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=4, border=2, xmldecl=False, svgns=True, omitsize=True, title=title, svgclass="hw-leaflet__qr-code")
    return out.getvalue().decode("utf-8")


def plan(ctx) -> Iterable[Output]:
    graph = ctx.graph
    types = paper_types()
    for lang in graph.languages:
        index: list[dict] = []
        for kind, vocabulary, segment in KINDS:
            vocab = graph.vocabularies.get(vocabulary)
            for term in vocab.terms if vocab else []:
                groups = _groups(graph, lang, types, segment, term.slug)
                output = _leaflet(graph, lang, kind, vocabulary, term, groups)
                index.append({"kind": kind, "title": output.context["page"].title, "url": output.context["page"].url})
                yield output
        yield _index(graph, lang, index)


def _groups(graph: SiteGraph, lang: str, types: list[ContentType], segment: str, slug: str) -> dict[str, list[Node]]:
    groups = {}
    for content_type in types:
        facet = _facet(content_type, segment)
        if facet is not None:
            groups[content_type.name] = [n for n in current_items(graph, content_type.name, lang) if facet.matches(n.data, slug)]
    return groups


def _leaflet(graph: SiteGraph, lang: str, kind: str, vocabulary: str, term, groups: dict[str, list[Node]]) -> Output:
    _ = gettext_for(lang)
    label = graph.label(vocabulary, term.slug, lang)
    path = leaflet_path(kind, term.slug)
    versions = all_languages(graph, path)
    title = _(NEED_TITLE if kind == "onderwerp" else PLACE_TITLE) % {"label": label}
    page = PageInfo(
        title=title,
        url=versions[lang],
        lang=lang,
        alternates=versions,
        breadcrumbs=[(_(INDEX_TITLE), all_languages(graph, f"/{SECTION}/")[lang])],
        description=term.description.get(lang, term.description.get(graph.default_lang, "")),
    )
    address = graph.site.base_url + page.url
    hub = all_languages(graph, f"/onderwerp/{term.slug}/")[lang] if kind == "onderwerp" else None
    return Output(
        page_path(page.url),
        template="leaflet.html",
        lang=lang,
        indexable=True,
        context={
            "page": page,
            "kind": kind,
            "everyday": term.everyday.get(lang, "") if kind == "onderwerp" else "",
            "groups": groups,
            "address": address,
            "qr": qr_svg(address, _("QR-code met het webadres van deze folder")),
            "hub_url": hub,
        },
    )


def _index(graph: SiteGraph, lang: str, leaflets: list[dict]) -> Output:
    _ = gettext_for(lang)
    versions = all_languages(graph, f"/{SECTION}/")
    page = PageInfo(title=_(INDEX_TITLE), url=versions[lang], lang=lang, alternates=versions)
    return Output(
        page_path(page.url),
        template="leaflets.html",
        lang=lang,
        indexable=True,
        context={"page": page, "needs": [x for x in leaflets if x["kind"] == "onderwerp"], "places": [x for x in leaflets if x["kind"] == "kern"]},
    )
