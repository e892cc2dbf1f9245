"""The vacaturebank on the site: the listing of current vacancies, static filter pages
(one per term of each facet, so every filter works without JavaScript), pagination,
and the widget configurator for partners (with plain GET forms that Netlify ``_redirects``
query rules send to the static result pages, so it works without JavaScript).

Feeds, the widget script and the iframe pages are planned in ``sitegen.parts.widget``;
this module yields those too so that one module is registered for the vacaturebank.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Iterable

from sitegen.parts import widget
from sitegen.graph.site_graph import Node, SiteGraph, section_url
from sitegen.i18n import N_, gettext_for
from sitegen.build.outputs import Output, listing_deps, page_path, signature_of
from sitegen.parts.pages import PAGE_SIZE, PageInfo, all_languages, current_items

SECTION = "vacatures"
REMOTE = "vanuit-huis"  # the 'kern' filter value for work from home / online
REMOTE_LABEL = N_("Vanuit huis of online")
PAGE_LABEL = N_("pagina %(number)s")
LISTING_DEPS = frozenset({"@type:vacancy", "@type:organisation"})
PICK_KINDS = ("organisatie", "sector", "kern")  # a no-JavaScript form per kind on the configurator


@dataclass(frozen=True)
class Facet:
    """One filter: its URL segment, its vocabulary and how to read the terms of a vacancy."""

    segment: str
    vocabulary: str
    title: str
    values: Callable[[Node], list[str]]


def _places(node: Node) -> list[str]:
    values = []
    if node.data.location is not None and node.data.location.place:
        values.append(node.data.location.place)
    if node.data.remote:
        values.append(REMOTE)
    return values


FACETS: tuple[Facet, ...] = (
    Facet("sector", "sectors", N_("Sector"), lambda n: list(n.data.sectors)),
    Facet("kern", "places", N_("Waar"), _places),
    Facet("duur", "commitments", N_("Hoe lang"), lambda n: [n.data.commitment]),
    Facet("wanneer", "times", N_("Wanneer"), lambda n: list(n.data.times)),
    Facet("geschikt-voor", "suitable_for", N_("Geschikt voor"), lambda n: list(n.data.suitable_for)),
    Facet("wat-je-krijgt", "benefits", N_("Wat je krijgt"), lambda n: list(n.data.benefits)),
)
FACETS_BY_SEGMENT = {facet.segment: facet for facet in FACETS}


def facet_terms(graph: SiteGraph, facet: Facet, lang: str) -> list[tuple[str, str]]:
    """(slug, label) of every term a filter offers, in vocabulary order."""
    vocab = graph.vocabularies.get(facet.vocabulary)
    terms = [(term.slug, graph.label(facet.vocabulary, term.slug, lang)) for term in (vocab.terms if vocab else [])]
    if facet.segment == "kern":
        terms.append((REMOTE, gettext_for(lang)(REMOTE_LABEL)))
    return terms


def term_label(graph: SiteGraph, facet: Facet, slug: str, lang: str) -> str:
    if facet.segment == "kern" and slug == REMOTE:
        return gettext_for(lang)(REMOTE_LABEL)
    return graph.label(facet.vocabulary, slug, lang)


def listing_base(graph: SiteGraph, lang: str) -> str:
    return section_url(lang, graph.default_lang, SECTION)


def generate(graph: SiteGraph, renderer) -> Iterable[Output]:
    for lang in graph.languages:
        nodes = current_items(graph, "vacancy", lang)
        filters = _filter_menu(graph, lang, nodes)
        yield from _pages(graph, lang, nodes, filters, None, None)
        for facet in FACETS:
            for slug, _label in facet_terms(graph, facet, lang):
                chosen = [n for n in nodes if slug in facet.values(n)]
                yield from _pages(graph, lang, chosen, filters, facet, slug)
        yield from _configurator(graph, lang)
    yield _redirects_output(graph)
    yield from widget.generate(graph, renderer)


def _filter_menu(graph: SiteGraph, lang: str, nodes: list[Node]) -> list[dict]:
    """For each facet: its title and its terms with URL and number of current vacancies."""
    base = listing_base(graph, lang)
    menu = []
    for facet in FACETS:
        terms = []
        for slug, label in facet_terms(graph, facet, lang):
            count = sum(1 for n in nodes if slug in facet.values(n))
            terms.append({"slug": slug, "label": label, "url": f"{base}{facet.segment}/{slug}/", "count": count})
        menu.append({"segment": facet.segment, "title": gettext_for(lang)(facet.title), "terms": terms})
    return menu


def _pages(graph, lang, nodes, filters, facet: Facet | None, slug: str | None) -> Iterable[Output]:
    _ = gettext_for(lang)
    root = listing_base(graph, lang)
    suffix = "" if facet is None else f"{facet.segment}/{slug}/"
    base = root + suffix
    count = max(1, math.ceil(len(nodes) / PAGE_SIZE))
    title = _("Vrijwilligerswerk")
    if facet is not None:
        title = f"{title}: {term_label(graph, facet, slug, lang)}"
    for number in range(1, count + 1):
        url = base if number == 1 else f"{base}pagina/{number}/"
        page_suffix = "" if number == 1 else f"pagina/{number}/"
        page = PageInfo(
            title=title if number == 1 else f"{title} ({_(PAGE_LABEL) % {'number': number}})",
            url=url,
            lang=lang,
            alternates=all_languages(graph, f"/{SECTION}/{suffix}{page_suffix}"),
            breadcrumbs=[] if facet is None else [(_("Vrijwilligerswerk"), root)],
            description=_("Vrijwilligerswerk bij organisaties in de buurt. Kies wat bij u past."),
        )
        shown = nodes[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        yield Output(
            page_path(url),
            # The cards shown, plus the counts in the filter menu; not every vacancy.
            deps=listing_deps(graph, shown),
            signature=signature_of(len(nodes), count, filters),
            template="vacancies/listing.html",
            lang=lang,
            context={
                "page": page,
                "items": nodes[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
                "total": len(nodes),
                "filters": filters,
                "active": None if facet is None else {"segment": facet.segment, "slug": slug, "label": term_label(graph, facet, slug, lang)},
                "listing_url": root,
                "feed_url": widget.feed_url(graph, lang, "alle"),
                "pagination": {
                    "number": number,
                    "count": count,
                    "previous": None if number == 1 else (base if number == 2 else f"{base}pagina/{number - 1}/"),
                    "next": None if number == count else f"{base}pagina/{number + 1}/",
                },
            },
        )


# ----------------------------------------------------------------------------- widget configurator


def configurator_url(graph: SiteGraph, lang: str, kind: str | None = None, slug: str | None = None) -> str:
    url = f"{listing_base(graph, lang)}widget/"
    return url if kind is None else f"{url}{widget.choice_path(kind, slug)}/"


def _configurator(graph: SiteGraph, lang: str) -> Iterable[Output]:
    """The configurator page, plus one static page with a ready snippet per choice:
    that page is the 'result' of the form when JavaScript is off."""
    _ = gettext_for(lang)
    choices = widget.selections(graph, lang)
    groups = {kind: [c for c in choices if c["kind"] == kind] for kind in widget.KINDS}
    url = configurator_url(graph, lang)
    page = PageInfo(
        title=_("Vacatures op uw eigen website"),
        url=url,
        lang=lang,
        alternates=all_languages(graph, f"/{SECTION}/widget/"),
        breadcrumbs=[(_("Vrijwilligerswerk"), listing_base(graph, lang))],
        description=_("Zet de vacatures van uw organisatie gratis op uw eigen website. Ze blijven vanzelf actueel."),
    )
    common = {"groups": groups, "script_url": widget.script_url(graph), "languages": graph.languages}
    yield Output(
        page_path(url),
        deps=LISTING_DEPS,
        template="vacancies/configurator.html",
        lang=lang,
        context={"page": page, "choice": None, **common},
    )
    for choice in choices:
        result_url = configurator_url(graph, lang, choice["kind"], choice["slug"])
        result_page = PageInfo(
            title=_("Code voor uw website: %(name)s") % {"name": choice["label"]},
            url=result_url,
            lang=lang,
            alternates=all_languages(graph, f"/{SECTION}/widget/{widget.choice_path(choice['kind'], choice['slug'])}/"),
            breadcrumbs=[(_("Vrijwilligerswerk"), listing_base(graph, lang)), (_("Vacatures op uw eigen website"), url)],
            noindex=True,
        )
        yield Output(
            page_path(result_url),
            deps=frozenset(),
            signature=signature_of({key: value for key, value in choice.items() if key != "nodes"}, len(choice["nodes"])),
            template="vacancies/configurator.html",
            lang=lang,
            context={
                "page": result_page,
                "choice": choice,
                "snippet": widget.snippet(graph, lang, choice),
                "frame_snippet": widget.frame_snippet(graph, lang, choice),
                "frame_url": widget.frame_url(graph, lang, choice["kind"], choice["slug"]),
                **common,
            },
        )
    for kind in PICK_KINDS:
        if not groups[kind]:
            continue
        pick_url = f"{url}{kind}/"
        pick_page = PageInfo(
            title=_("Vacatures op uw eigen website"),
            url=pick_url,
            lang=lang,
            alternates=all_languages(graph, f"/{SECTION}/widget/{kind}/"),
            breadcrumbs=[(_("Vrijwilligerswerk"), listing_base(graph, lang)), (_("Vacatures op uw eigen website"), url)],
            noindex=True,
        )
        yield Output(
            page_path(pick_url),
            deps=LISTING_DEPS,
            template="vacancies/configurator.html",
            lang=lang,
            context={"page": pick_page, "choice": None, "pick": kind, **common},
        )


def redirect_rules(graph: SiteGraph) -> str:
    """Netlify ``_redirects``: the no-JavaScript forms of the configurator send
    ``/vacatures/widget/<kind>/?<kind>=<slug>``; the host answers with the static result page.
    ``302!`` forces the rule although ``<kind>/index.html`` exists (Netlify 'shadowing')."""
    lines = ["# Made by hulpwijzer build (sitegen/parts/vacancies.py). Do not edit."]
    for lang in graph.languages:
        base = configurator_url(graph, lang)
        for kind in PICK_KINDS:
            lines.append(f"{base}{kind}/ {kind}=:slug {base}{kind}/:slug/ 302!")
    return "\n".join(lines) + "\n"


def _redirects_output(graph: SiteGraph) -> Output:
    text = redirect_rules(graph)
    return Output("_redirects", deps=frozenset(), signature=signature_of(text), render=lambda: text)
