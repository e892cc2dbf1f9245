"""The HTML pages of the site: home, listings, detail pages, hubs, 404, sitemap."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Iterable

from sitegen.graph import Node, SiteGraph, home_url, section_url
from sitegen.i18n import N_, gettext_for
from sitegen.model import ITEM_TYPES
from sitegen.outputs import Output, page_path

PAGE_SIZE = 20

# The types that get a listing here, in menu order. Vacancies have their own
# listing with filters in sitegen/vacancies.py.
LISTED_TYPES = ("page", "organisation", "activity", "offer")
HUB_TYPES = LISTED_TYPES + ("vacancy",)
LISTING_TITLES = {
    "page": N_("Informatie"),
    "organisation": N_("Organisaties"),
    "activity": N_("Activiteiten"),
    "offer": N_("Respijtzorg: even vrij van de zorg"),
    "vacancy": N_("Vrijwilligerswerk"),
}
HUB_VOCABULARIES = {"needs": "onderwerp", "audiences": "voor-wie"}


@dataclass
class PageInfo:
    """What every page template gets as ``page``."""

    title: str
    url: str
    lang: str
    alternates: dict[str, str] = field(default_factory=dict)  # lang -> url of the same page
    breadcrumbs: list[tuple[str, str]] = field(default_factory=list)  # (title, url)
    description: str = ""
    noindex: bool = False


def all_languages(graph: SiteGraph, path_without_prefix: str) -> dict[str, str]:
    return {lang: ("" if lang == graph.default_lang else f"/{lang}") + path_without_prefix for lang in graph.languages}


def item_deps(graph: SiteGraph, node: Node) -> frozenset[str]:
    """A detail page depends on its item, its translations, what it refers to and what refers to it."""
    deps = {node.key}
    deps.update(other.key for other in graph.translations(node).values())
    for name, target_type in _refs(node):
        target = graph.resolve(target_type, getattr(node.data, name), node.lang)
        if target is not None:
            deps.update(other.key for other in graph.translations(target).values())
    for by_type in graph.backrefs.get((node.type_name, node.translation_key), {}).values():
        deps.update(other.key for other in by_type)
    return frozenset(deps)


def _refs(node: Node):
    from sitegen.graph import ref_fields

    return ref_fields(type(node.data))


def current_items(graph: SiteGraph, type_name: str, lang: str) -> list[Node]:
    nodes = [node for node in graph.localized(type_name, lang) if graph.is_current(node)]
    if type_name == "vacancy":
        nodes.sort(key=lambda n: (-n.data.posted.toordinal(), n.title.lower()))
    elif type_name == "activity":
        nodes = [n for n in nodes if graph.next_dates(n, 1)]
        nodes.sort(key=lambda n: (graph.next_dates(n, 1)[0][0], n.title.lower()))
    elif type_name == "page":
        nodes.sort(key=lambda n: (n.data.weight, n.title.lower()))
    return nodes


def generate(graph: SiteGraph, renderer) -> Iterable[Output]:
    for lang in graph.languages:
        yield from _home(graph, lang)
        for type_name in LISTED_TYPES:
            yield from _listing(graph, lang, type_name)
        for vocabulary, section in HUB_VOCABULARIES.items():
            yield from _hubs(graph, lang, vocabulary, section)
        yield _not_found(graph, lang)
    for node in graph.nodes:
        yield _detail(graph, node)
    yield _sitemap(graph)
    yield Output("robots.txt", render=lambda: f"User-agent: *\nAllow: /\nSitemap: {graph.site.base_url}/sitemap.xml\n")


def _home(graph: SiteGraph, lang: str) -> Iterable[Output]:
    url = home_url(lang, graph.default_lang)
    page = PageInfo(title="", url=url, lang=lang, alternates=all_languages(graph, "/"))
    yield Output(
        page_path(url),
        deps=frozenset({"@all"}),
        template="home.html",
        lang=lang,
        context={
            "page": page,
            "activities": current_items(graph, "activity", lang)[:4],
            "vacancies": current_items(graph, "vacancy", lang)[:4],
        },
    )


def _listing(graph: SiteGraph, lang: str, type_name: str) -> Iterable[Output]:
    model = ITEM_TYPES[type_name]
    base = section_url(lang, graph.default_lang, model.section)
    nodes = current_items(graph, type_name, lang)
    pages = max(1, math.ceil(len(nodes) / PAGE_SIZE))
    deps = frozenset({f"@type:{type_name}", "@type:organisation"})
    for number in range(1, pages + 1):
        url = base if number == 1 else f"{base}pagina/{number}/"
        suffix = "" if number == 1 else f"pagina/{number}/"
        page = PageInfo(
            title=gettext_for(lang)(LISTING_TITLES[type_name]),
            url=url,
            lang=lang,
            alternates=all_languages(graph, f"/{model.section}/{suffix}"),
        )
        yield Output(
            page_path(url),
            deps=deps,
            template="listing.html",
            lang=lang,
            context={
                "page": page,
                "type_name": type_name,
                "items": nodes[(number - 1) * PAGE_SIZE : number * PAGE_SIZE],
                "pagination": {
                    "number": number,
                    "count": pages,
                    "previous": None if number == 1 else (base if number == 2 else f"{base}pagina/{number - 1}/"),
                    "next": None if number == pages else f"{base}pagina/{number + 1}/",
                },
                "total": len(nodes),
            },
        )


def _hubs(graph: SiteGraph, lang: str, vocabulary: str, section: str) -> Iterable[Output]:
    vocab = graph.vocabularies.get(vocabulary)
    if vocab is None:
        return
    prefix = "" if lang == graph.default_lang else f"/{lang}"
    for term in vocab.terms:
        url = f"{prefix}/{section}/{term.slug}/"
        groups = {}
        for type_name in HUB_TYPES:
            groups[type_name] = [n for n in current_items(graph, type_name, lang) if term.slug in getattr(n.data, vocabulary, [])]
        page = PageInfo(
            title=graph.label(vocabulary, term.slug, lang),
            url=url,
            lang=lang,
            alternates=all_languages(graph, f"/{section}/{term.slug}/"),
            description=term.description.get(lang, term.description.get("nl", "")),
        )
        yield Output(
            page_path(url),
            deps=frozenset({"@all"}),
            template="hub.html",
            lang=lang,
            context={"page": page, "vocabulary": vocabulary, "term": term, "groups": groups},
        )


def _detail(graph: SiteGraph, node: Node) -> Output:
    model = ITEM_TYPES[node.type_name]
    listing = section_url(node.lang, graph.default_lang, model.section)
    alternates = {lang: other.url for lang, other in graph.translations(node).items()}
    page = PageInfo(
        title=node.title,
        url=node.url,
        lang=node.lang,
        alternates=alternates,
        breadcrumbs=[(gettext_for(node.lang)(LISTING_TITLES[node.type_name]), listing)],
        description=node.summary,
        noindex=not graph.is_current(node),
    )
    context = {"page": page, "item": node, "current": graph.is_current(node)}
    if node.type_name == "organisation":
        context["related"] = {
            type_name: [n for n in graph.referring(node, type_name) if graph.is_current(n)]
            for type_name in ("activity", "offer", "vacancy")
        }
    for name, target_type in _refs(node):
        context[name + "_node"] = graph.resolve(target_type, getattr(node.data, name), node.lang)
    return Output(
        page_path(node.url),
        deps=item_deps(graph, node),
        template=f"detail/{node.type_name}.html",
        lang=node.lang,
        context=context,
    )


def _not_found(graph: SiteGraph, lang: str) -> Output:
    prefix = "" if lang == graph.default_lang else f"{lang}/"
    page = PageInfo(title=gettext_for(lang)("Pagina niet gevonden"), url=f"/{prefix}404.html", lang=lang, alternates=all_languages(graph, "/404.html"), noindex=True)
    return Output(f"{prefix}404.html", deps=frozenset(), template="404.html", lang=lang, context={"page": page})


def _sitemap(graph: SiteGraph) -> Output:
    def render() -> str:
        base = graph.site.base_url
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ]
        for node in sorted(graph.nodes, key=lambda n: n.url):
            if not graph.is_current(node):
                continue
            lines.append(f"  <url><loc>{_xml(base + node.url)}</loc><lastmod>{node.data.last_reviewed.isoformat()}</lastmod>")
            for lang, other in sorted(graph.translations(node).items()):
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{_xml(base + other.url)}"/>')
            lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    return Output("sitemap.xml", deps=frozenset({"@all"}), render=render)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
