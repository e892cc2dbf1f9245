"""The HTML pages of the site: home, listings, detail pages, hubs, 404, sitemap (the agenda: sitegen.parts.agenda)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from sitegen.parts.facets import filter_groups, filtered, pages_of
from sitegen.graph.site_graph import Node, SiteGraph, home_url, section_url
from sitegen.i18n import N_, gettext_for
from sitegen.content.model import ITEM_TYPES
from sitegen.build.outputs import Output, listing_deps, page_path, signature_of

PAGE_SIZE = 20

# The types that get a listing here, in menu order. Vacancies have their own
# listing with filters in sitegen/parts/vacancies.py.
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
LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "tr": "Türkçe", "pl": "Polski", "uk": "Українська"}
OG_LOCALES = {"nl": "nl_NL", "en": "en_GB", "ar": "ar_AR", "tr": "tr_TR", "pl": "pl_PL", "uk": "uk_UA"}
# Types shown as "related" under a detail page (items that share a need).
RELATED_TYPES = ("page", "offer", "activity")
RELATED_COUNT = 3
NOT_TRANSLATED = N_("Deze pagina is niet vertaald. U gaat naar de startpagina.")
PAGE_NUMBER = N_("pagina %(number)s")
NOT_FOUND = N_("Pagina niet gevonden")


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
    image: str = ""  # site path of an image for Open Graph
    og_type: str = "website"

    def language_links(self, graph: SiteGraph) -> list[dict]:
        """The language switcher. Without a translation the link goes to that language's home
        page, with a note in that language that explains why."""
        links = []
        for other in graph.languages:
            translated = other in self.alternates
            links.append({
                "lang": other,
                "name": LANGUAGE_NAMES.get(other, other),
                "url": self.alternates.get(other) or home_url(other, graph.default_lang),
                "current": other == self.lang,
                "note": "" if translated or other == self.lang else gettext_for(other)(NOT_TRANSLATED),
            })
        return links

    def og_locale(self) -> str:
        return OG_LOCALES.get(self.lang, self.lang)

    def og_alternate_locales(self) -> list[str]:
        return [OG_LOCALES.get(lang, lang) for lang in self.alternates if lang != self.lang]


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
    from sitegen.graph.site_graph import ref_fields

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
        yield from _statements(graph, lang)
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
            "tiles": home_tiles(graph, lang),
            "activities": current_items(graph, "activity", lang)[:4],
            "vacancies": current_items(graph, "vacancy", lang)[:4],
        },
    )


# Pages editors may write that get a tile on the home page (translation keys).
SELF_TEST_KEYS = ("ben-ik-mantelzorger", "wat-is-mantelzorg", "mantelzorg")


def home_tiles(graph: SiteGraph, lang: str) -> list[dict]:
    """Entry tiles in everyday words: one per need (its 'everyday' wording), volunteering, self-test."""
    _ = gettext_for(lang)
    prefix = "" if lang == graph.default_lang else f"/{lang}"
    tiles = []
    needs = graph.vocabularies.get("needs")
    for term in needs.terms if needs else []:
        tiles.append({
            "title": term.everyday.get(lang) or graph.label("needs", term.slug, lang),
            "text": term.description.get(lang) or term.description.get(graph.default_lang, ""),
            "url": f"{prefix}/onderwerp/{term.slug}/",
        })
    tiles.append({"title": _("Vrijwilligerswerk zoeken"), "text": _("Doe iets voor een ander, bij u in de buurt."), "url": f"{prefix}/vacatures/"})
    for key in SELF_TEST_KEYS:
        node = graph.resolve("page", key, lang)
        if node is not None:
            tiles.append({"title": _("Ben ik mantelzorger?"), "text": node.summary, "url": node.url})
            break
    return tiles


def _listing(graph: SiteGraph, lang: str, type_name: str) -> Iterable[Output]:
    model = ITEM_TYPES[type_name]
    base = section_url(lang, graph.default_lang, model.section)
    nodes = current_items(graph, type_name, lang)
    deps = frozenset({f"@type:{type_name}"})
    _ = gettext_for(lang)
    title = _(LISTING_TITLES[type_name])
    listing_crumb = [(title, base)]
    yield from _paged(graph, lang, type_name, nodes, base, f"/{model.section}/", title, [], deps,
                      filter_groups(graph, lang, type_name, nodes, base, _, None), None)
    for facet, term, found in filtered(graph, type_name, nodes):
        label = graph.label(facet.vocabulary, term, lang)
        url = f"{base}{facet.segment}/{term}/"
        groups = filter_groups(graph, lang, type_name, nodes, base, _, (facet.segment, term))
        yield from _paged(graph, lang, type_name, found, url, f"/{model.section}/{facet.segment}/{term}/",
                          f"{title}: {label}", listing_crumb, deps, groups, {"facet": _(facet.title), "label": label, "all_url": base})


def _paged(graph, lang, type_name, nodes, base, path, title, crumbs, deps, groups, active) -> Iterable[Output]:
    pages = pages_of(nodes, PAGE_SIZE)
    for number in range(1, pages + 1):
        suffix = "" if number == 1 else f"pagina/{number}/"
        page = PageInfo(
            title=title if number == 1 else f"{title} ({gettext_for(lang)(PAGE_NUMBER) % {'number': number}})",
            url=base + suffix,
            lang=lang,
            alternates=all_languages(graph, path + suffix),
            breadcrumbs=list(crumbs),
        )
        shown = nodes[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        yield Output(
            page_path(base + suffix),
            # The cards shown, plus the numbers and filters around them; not the whole type.
            deps=listing_deps(graph, shown),
            signature=signature_of(len(nodes), pages, groups, active),
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
                "filters": groups,
                "active_filter": active,
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
            # The items it lists (and their organisations); which items that are is decided anew each build.
            deps=listing_deps(graph, [node for nodes in groups.values() for node in nodes]),
            template="hub.html",
            lang=lang,
            context={
                "page": page,
                "vocabulary": vocabulary,
                "term": term,
                "everyday": term.everyday.get(lang, ""),
                "groups": groups,
                "listing_urls": {t: section_url(lang, graph.default_lang, ITEM_TYPES[t].section) for t in HUB_TYPES},
            },
        )


STATEMENTS = {
    "toegankelijkheid": ("statement/accessibility.html", N_("Toegankelijkheidsverklaring")),
    "privacy": ("statement/privacy.html", N_("Privacyverklaring")),
}


def _statements(graph: SiteGraph, lang: str) -> Iterable[Output]:
    prefix = "" if lang == graph.default_lang else f"/{lang}"
    for section, (template, title) in STATEMENTS.items():
        page = PageInfo(title=gettext_for(lang)(title), url=f"{prefix}/{section}/", lang=lang, alternates=all_languages(graph, f"/{section}/"))
        yield Output(page_path(page.url), deps=frozenset(), template=template, lang=lang, context={"page": page})


def related_items(graph: SiteGraph, node: Node) -> list[Node]:
    """Other current items that share the most needs with this one (same language where translated).

    Items with the same needs get the same candidates, so the ranking is computed once
    per (language, set of needs) and not once per page (that was quadratic)."""
    needs = frozenset(getattr(node.data, "needs", []) or [])
    if not needs:
        return []
    ranked = _ranked_by_needs(graph, node.lang, needs)
    found = [other for other in ranked if not (other.translation_key == node.translation_key and other.type_name == node.type_name)]
    return found[:RELATED_COUNT]


def _ranked_by_needs(graph: SiteGraph, lang: str, needs: frozenset[str]) -> list[Node]:
    cache = graph.__dict__.setdefault("_related_cache", {})
    key = (lang, needs)
    if key not in cache:
        scored = []
        for type_name in RELATED_TYPES:
            for other in graph.localized(type_name, lang):
                shared = len(needs.intersection(other.data.needs))
                if shared and graph.is_current(other):
                    scored.append((-shared, other.title.lower(), other.key, other))
        scored.sort(key=lambda entry: entry[:3])
        # One more than shown, in case the page itself is among them.
        cache[key] = [entry[3] for entry in scored[: RELATED_COUNT + 1]]
    return cache[key]


def _detail(graph: SiteGraph, node: Node) -> Output:
    model = ITEM_TYPES[node.type_name]
    listing = section_url(node.lang, graph.default_lang, model.section)
    alternates = {lang: other.url for lang, other in graph.translations(node).items()}
    image = node.data.image or getattr(node.data, "logo", None)
    page = PageInfo(
        title=node.title,
        url=node.url,
        lang=node.lang,
        alternates=alternates,
        breadcrumbs=[(gettext_for(node.lang)(LISTING_TITLES[node.type_name]), listing)],
        description=node.summary,
        noindex=not graph.is_current(node),
        image="/" + image.src.lstrip("/") if image is not None else "",
        og_type="article",
    )
    related = related_items(graph, node) if node.type_name != "vacancy" else []
    context = {"page": page, "item": node, "current": graph.is_current(node), "stale": graph.is_stale(node), "related_items": related}
    deps = set(item_deps(graph, node))
    # The page shows the related items' titles and summaries. Which items are related is
    # decided anew in every build; when that choice changes, the set of keys changes too.
    deps.update(other.key for other in related)
    if node.type_name == "organisation":
        context["related"] = {
            type_name: [n for n in graph.referring(node, type_name) if graph.is_current(n)]
            for type_name in ("activity", "offer", "vacancy")
        }
    for name, target_type in _refs(node):
        context[name + "_node"] = graph.resolve(target_type, getattr(node.data, name), node.lang)
    return Output(
        page_path(node.url),
        deps=frozenset(deps),
        template=f"detail/{node.type_name}.html",
        lang=node.lang,
        context=context,
    )


def _not_found(graph: SiteGraph, lang: str) -> Output:
    prefix = "" if lang == graph.default_lang else f"{lang}/"
    page = PageInfo(title=gettext_for(lang)(NOT_FOUND), url=f"/{prefix}404.html", lang=lang, alternates=all_languages(graph, "/404.html"), noindex=True)
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
        # Home, listings, hubs, agenda and statements exist in every language.
        paths = ["/"] + [f"/{ITEM_TYPES[t].section}/" for t in LISTED_TYPES] + ["/agenda/"]
        paths += [f"/{section}/{term.slug}/" for vocabulary, section in HUB_VOCABULARIES.items()
                  for term in (graph.vocabularies[vocabulary].terms if vocabulary in graph.vocabularies else [])]
        paths += [f"/{section}/" for section in STATEMENTS]
        for path in paths:
            versions = all_languages(graph, path)
            for lang in graph.languages:
                lines.append(f"  <url><loc>{_xml(base + versions[lang])}</loc>")
                for other in graph.languages:
                    lines.append(f'    <xhtml:link rel="alternate" hreflang="{other}" href="{_xml(base + versions[other])}"/>')
                lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    return Output("sitemap.xml", deps=frozenset({"@all"}), render=render)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
