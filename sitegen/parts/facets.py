"""Static filter pages for the listings: one page (with pagination) per facet term.

Every filter is a plain link to a pre-built page, so filtering works without
JavaScript. We build one facet at a time (no combinations): that keeps the
number of pages linear in the number of terms, and a tired visitor needs one
click, not a form.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_


@dataclass(frozen=True)
class Facet:
    segment: str  # URL part, e.g. "vorm" in /respijtzorg/vorm/logeeropvang/
    vocabulary: str
    title: str  # Dutch label (gettext msgid) shown above the filter links
    values: Callable[[Node], list[str]]
    everywhere_if_empty: bool = False  # an empty list means "the whole municipality"


def _list(name: str) -> Callable[[Node], list[str]]:
    return lambda node: list(getattr(node.data, name) or [])


def _activity_place(node: Node) -> list[str]:
    location = node.data.location
    return [location.place] if location is not None and location.place else []


def _organisation_places(node: Node) -> list[str]:
    found = list(node.data.places_served)
    found += [loc.place for loc in node.data.locations if loc.place and loc.place not in found]
    return found


FACETS: dict[str, list[Facet]] = {
    "page": [
        Facet("onderwerp", "needs", N_("Onderwerp"), _list("needs")),
        Facet("voor-wie", "audiences", N_("Voor wie"), _list("audiences")),
        Facet("fase", "life_phases", N_("Fase"), _list("life_phases")),
    ],
    "organisation": [
        Facet("onderwerp", "needs", N_("Onderwerp"), _list("needs")),
        Facet("voor-wie", "audiences", N_("Voor wie"), _list("audiences")),
        Facet("kern", "places", N_("Kern of wijk"), _organisation_places, everywhere_if_empty=True),
    ],
    "activity": [
        Facet("soort", "activity_types", N_("Soort activiteit"), lambda node: [node.data.activity_type]),
        Facet("onderwerp", "needs", N_("Onderwerp"), _list("needs")),
        Facet("voor-wie", "audiences", N_("Voor wie"), _list("audiences")),
        Facet("kern", "places", N_("Kern of wijk"), _activity_place),
    ],
    "offer": [
        Facet("vorm", "respite_forms", N_("Vorm"), _list("forms")),
        Facet("betaling", "funding", N_("Wie betaalt"), _list("funding")),
        Facet("kern", "places", N_("Kern of wijk"), _list("places"), everywhere_if_empty=True),
        Facet("voor-wie", "audiences", N_("Voor wie"), _list("audiences")),
    ],
}


def matches(facet: Facet, node: Node, term: str) -> bool:
    values = facet.values(node)
    if not values and facet.everywhere_if_empty:
        return True
    return term in values


@dataclass
class FilterGroup:
    """What the listing template shows for one facet: its title and a link per term."""

    segment: str
    title: str
    links: list[dict]  # {"label", "url", "count", "current"}


def filter_groups(graph: SiteGraph, lang: str, type_name: str, nodes: list[Node], base: str, gettext, current: tuple[str, str] | None) -> list[FilterGroup]:
    """Links to the filter pages of a listing; terms without items are left out."""
    groups = []
    for facet in FACETS.get(type_name, []):
        vocab = graph.vocabularies.get(facet.vocabulary)
        if vocab is None:
            continue
        links = []
        for term in vocab.terms:
            count = sum(1 for node in nodes if matches(facet, node, term.slug))
            if count:
                links.append(
                    {
                        "label": graph.label(facet.vocabulary, term.slug, lang),
                        "url": f"{base}{facet.segment}/{term.slug}/",
                        "count": count,
                        "current": current == (facet.segment, term.slug),
                    }
                )
        if links:
            groups.append(FilterGroup(facet.segment, gettext(facet.title), links))
    return groups


def pages_of(nodes: list[Node], size: int) -> int:
    return max(1, math.ceil(len(nodes) / size))


def filtered(graph: SiteGraph, type_name: str, nodes: list[Node]) -> Iterable[tuple[Facet, str, list[Node]]]:
    """(facet, term, matching nodes) for every term that has at least one item."""
    for facet in FACETS.get(type_name, []):
        vocab = graph.vocabularies.get(facet.vocabulary)
        if vocab is None:
            continue
        for term in vocab.terms:
            found = [node for node in nodes if matches(facet, node, term.slug)]
            if found:
                yield facet, term.slug, found
