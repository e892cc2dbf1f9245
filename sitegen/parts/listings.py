"""The listing of a content type: its current items, paginated, with a static page per filter term.

One implementation for every type in the registry (``sitegen.content.types``): information,
organisations, activities, respite care and vacancies differ only in their ``ContentType``
(facets, sort order, what "current" means, templates). Every filter is a plain link to a
pre-built page, so filtering works without JavaScript. We build one facet at a time (no
combinations): that keeps the number of pages linear in the number of terms, and a tired
visitor needs one click, not a form. Menus leave out terms without items.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sitegen import languages
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES, ContentType, Facet
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.page_info import PageInfo, all_languages

PAGE_NUMBER = N_("pagina %(number)s")
# Next to a listing's first page when its items fill more than one page (see _items_file).
ITEMS_FILE = "filter.json"


def listing_url(graph: SiteGraph, lang: str, type_name: str) -> str:
    return languages.url(lang, graph.default_lang, f"/{TYPES[type_name].section}/")


def current_items(graph: SiteGraph, type_name: str, lang: str) -> list[Node]:
    """What a listing of ``type_name`` in ``lang`` shows, in the type's order."""
    content_type = TYPES[type_name]
    nodes = [node for node in graph.localized(type_name, lang) if graph.is_current(node)]
    if content_type.listable is not None:
        nodes = [node for node in nodes if content_type.listable(graph, node)]
    if content_type.sort_key is not None:
        nodes.sort(key=lambda node: content_type.sort_key(graph, node))
    return nodes


def facet_terms(graph: SiteGraph, facet: Facet, lang: str) -> list[tuple[str, str]]:
    """(slug, label) of every term a filter offers, in vocabulary order, then its extra terms."""
    vocab = graph.vocabularies.get(facet.vocabulary) if facet.vocabulary else None
    terms = [(term.slug, graph.label(facet.vocabulary, term.slug, lang)) for term in (vocab.terms if vocab else [])]
    terms += [(slug, gettext_for(lang)(label)) for slug, label in facet.extra_terms]
    return terms


@dataclass
class FilterGroup:
    """What a listing template shows for one facet: its title and a link per term with items."""

    segment: str
    title: str
    links: list[dict]  # {"slug", "label", "url", "count", "current"}


def _by_term(content_type: ContentType, nodes: list[Node], lang: str, graph: SiteGraph) -> list[tuple[Facet, list[tuple[str, str, list[Node]]]]]:
    """Per facet, (slug, label, matching nodes) for every term it offers: one pass over the items per facet."""
    found = []
    for facet in content_type.facets:
        if facet.vocabulary is not None and facet.vocabulary not in graph.vocabularies:
            continue
        terms = facet_terms(graph, facet, lang)
        matching: dict[str, list[Node]] = {slug: [] for slug, _label in terms}
        for node in nodes:
            values = facet.values(node.data)
            if not values and facet.everywhere_if_empty:
                values = list(matching)
            for value in dict.fromkeys(values):
                if value in matching:
                    matching[value].append(node)
        found.append((facet, [(slug, label, matching[slug]) for slug, label in terms]))
    return found


def _terms_of(by_term) -> dict[str, dict[str, list[str]]]:
    """Item key -> facet segment -> its terms: what static/js/listing-filter.js combines in the browser.
    Read from the same matching as the static pages, so both count alike."""
    found: dict[str, dict[str, list[str]]] = {}
    for facet, terms in by_term:
        for slug, _label, nodes in terms:
            for node in nodes:
                found.setdefault(node.key, {}).setdefault(facet.segment, []).append(slug)
    return found


def filter_groups(graph: SiteGraph, lang: str, by_term, base: str, current: tuple[str, str] | None) -> list[FilterGroup]:
    """Links to the filter pages of a listing; terms without items are left out (except the one shown)."""
    _ = gettext_for(lang)
    groups = []
    for facet, terms in by_term:
        links = [
            {"slug": slug, "label": label, "url": f"{base}{facet.segment}/{slug}/", "count": len(found), "current": current == (facet.segment, slug)}
            for slug, label, found in terms
            if found or current == (facet.segment, slug)
        ]
        if links:
            groups.append(FilterGroup(facet.segment, _(facet.title), links))
    return groups


def listing_outputs(graph: SiteGraph, lang: str, content_type: ContentType, extra: dict[str, Any] | None = None) -> Iterable[Output]:
    """The listing of a type in a language: its pages and the pages of each filter term."""
    _ = gettext_for(lang)
    base = listing_url(graph, lang, content_type.name)
    path = f"/{content_type.section}/"
    nodes = current_items(graph, content_type.name, lang)
    title = _(content_type.plural)
    common = {"content_type": content_type, "type_name": content_type.name, "listing_url": base, **(extra or {})}
    by_term = _by_term(content_type, nodes, lang, graph)
    yield from _pages(graph, lang, content_type, nodes, base, path, title, [], None, common, by_term, _terms_of(by_term))
    # A filter page per term with items, or per term when the type promises its filter addresses
    # stay (``stable_filter_urls``: partners link to them).
    for facet, slug, label, found in ((f, slug, label, found) for f, terms in by_term for slug, label, found in terms):
        if not found and not content_type.stable_filter_urls:
            continue
        active = {"segment": facet.segment, "slug": slug, "facet": _(facet.title), "label": label, "all_url": base}
        yield from _pages(
            graph,
            lang,
            content_type,
            found,
            f"{base}{facet.segment}/{slug}/",
            f"{path}{facet.segment}/{slug}/",
            f"{title}: {label}",
            [(title, base)],
            active,
            common,
            by_term,
        )


def _pages(graph, lang, content_type: ContentType, nodes, base, path, title, crumbs, active, common, by_term, terms_of=None) -> Iterable[Output]:
    _ = gettext_for(lang)
    size = content_type.page_size
    count = max(1, math.ceil(len(nodes) / size))
    groups = filter_groups(graph, lang, by_term, common["listing_url"], None if active is None else (active["segment"], active["slug"]))
    for number in range(1, count + 1):
        suffix = "" if number == 1 else f"pagina/{number}/"
        page = PageInfo(
            title=title if number == 1 else f"{title} ({_(PAGE_NUMBER) % {'number': number}})",
            url=base + suffix,
            lang=lang,
            alternates=all_languages(graph, path + suffix),
            breadcrumbs=list(crumbs),
            description=_(content_type.description) if content_type.description else "",
        )
        shown = nodes[(number - 1) * size : number * size]
        yield Output(
            page_path(base + suffix),
            template=content_type.listing_template,
            lang=lang,
            indexable=number == 1 and active is None,
            context={
                **common,
                "page": page,
                "items": shown,
                "pagination": {
                    "number": number,
                    "count": count,
                    "previous": None if number == 1 else (base if number == 2 else f"{base}pagina/{number - 1}/"),
                    "next": None if number == count else f"{base}pagina/{number + 1}/",
                },
                "total": len(nodes),
                "filters": groups,
                "active": active,
                # Filters combine in the browser on the listing's first page: with the terms in the
                # page when it holds the whole list, else from the listing's items file (below).
                "filterable": terms_of is not None and number == 1 and bool(groups),
                "item_terms": [terms_of.get(node.key, {}) for node in shown] if terms_of is not None and count == 1 else [],
                "items_url": base + ITEMS_FILE if terms_of is not None and count > 1 and groups else None,
            },
        )
    if terms_of is not None and count > 1 and groups:
        yield _items_file(lang, content_type, nodes, base, common, terms_of)


def _items_file(lang, content_type: ContentType, nodes, base, common, terms_of) -> Output:
    """Every item of a listing too long for one page, for static/js/listing-filter.js: its terms
    (the same matching as the static pages, so the counts agree) and its card, rendered by the
    card template the pages use, so a combined result looks like any listing."""
    return Output(
        page_path(base + ITEMS_FILE),
        template="listing-items.json",
        lang=lang,
        context={**common, "items": nodes, "item_terms": [terms_of.get(node.key, {}) for node in nodes]},
    )
