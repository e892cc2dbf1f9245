"""The HTML pages of the site: home, the listing of every content type, detail pages, topic
hubs, statements and 404 (the agenda: ``sitegen.parts.agenda``; the sitemap: ``sitegen.parts.sitemap``)."""

from __future__ import annotations

from collections.abc import Iterable

from sitegen.build.context import BuildContext
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import Node, SiteGraph, ref_fields
from sitegen.i18n import N_, gettext_for
from sitegen.parts.listings import current_items, listing_outputs, listing_url
from sitegen.parts.page_info import PageInfo, all_languages

# Topic pages: vocabulary -> URL segment (/onderwerp/<need>/, /voor-wie/<audience>/).
HUB_VOCABULARIES = {"needs": "onderwerp", "audiences": "voor-wie"}
RELATED_COUNT = 3
NOT_FOUND = N_("Pagina niet gevonden")
STATEMENTS = {
    "toegankelijkheid": ("statement/accessibility.html", N_("Toegankelijkheidsverklaring")),
    "privacy": ("statement/privacy.html", N_("Privacyverklaring")),
}
# Pages editors may write that get a tile on the home page (translation keys).
SELF_TEST_KEYS = ("ben-ik-mantelzorger", "wat-is-mantelzorg", "mantelzorg")


def template_globals(ctx: BuildContext, lang: str) -> dict:
    """The registry for templates: names and listing addresses of the types, without a switch."""
    _ = gettext_for(lang)
    return {
        "type_titles": {t.name: _(t.plural) for t in TYPES},
        "type_listing_urls": {t.name: listing_url(ctx.graph, lang, t.name) for t in TYPES},
        "expiry_of": lambda item: _expiry(ctx.graph, item),
    }


def _expiry(graph: SiteGraph, item: Node) -> tuple[str, str] | None:
    expiry = TYPES[item.type_name].expiry
    return expiry(graph, item) if expiry is not None else None


def plan(ctx: BuildContext) -> Iterable[Output]:
    graph = ctx.graph
    for lang in graph.languages:
        yield _home(graph, lang)
        for content_type in TYPES:
            if content_type.name != "vacancy":  # the vacancies part adds its feed to the listing
                yield from listing_outputs(graph, lang, content_type)
        for vocabulary, section in HUB_VOCABULARIES.items():
            yield from _hubs(graph, lang, vocabulary, section)
        yield from _statements(graph, lang)
        yield _not_found(graph, lang)
    for node in graph.nodes:
        yield _detail(ctx, node)
    yield Output("robots.txt", render=lambda: f"User-agent: *\nAllow: /\nSitemap: {graph.site.base_url}/sitemap.xml\n")


def _home(graph: SiteGraph, lang: str) -> Output:
    url = all_languages(graph, "/")[lang]
    page = PageInfo(title="", url=url, lang=lang, alternates=all_languages(graph, "/"))
    return Output(
        page_path(url),
        template="home.html",
        lang=lang,
        indexable=True,
        context={
            "page": page,
            "tiles": home_tiles(graph, lang),
            "activities": current_items(graph, "activity", lang)[:4],
            "vacancies": current_items(graph, "vacancy", lang)[:4],
        },
    )


def home_tiles(graph: SiteGraph, lang: str) -> list[dict]:
    """Entry tiles in everyday words: one per need (its 'everyday' wording), volunteering, self-test."""
    _ = gettext_for(lang)
    tiles = []
    needs = graph.vocabularies.get("needs")
    for term in needs.terms if needs else []:
        tiles.append(
            {
                "title": term.everyday.get(lang) or graph.label("needs", term.slug, lang),
                "text": term.description.get(lang) or term.description.get(graph.default_lang, ""),
                "url": all_languages(graph, f"/onderwerp/{term.slug}/")[lang],
            }
        )
    tiles.append({"title": _("Vrijwilligerswerk zoeken"), "text": _("Doe iets voor een ander, bij u in de buurt."), "url": listing_url(graph, lang, "vacancy")})
    for key in SELF_TEST_KEYS:
        node = graph.resolve("page", key, lang)
        if node is not None:
            tiles.append({"title": _("Ben ik mantelzorger?"), "text": node.summary, "url": node.url})
            break
    for content_type in TYPES:
        if content_type.on_home:
            tiles += [{"title": node.title, "text": node.summary, "url": node.url} for node in current_items(graph, content_type.name, lang)]
    return tiles


def _hubs(graph: SiteGraph, lang: str, vocabulary: str, section: str) -> Iterable[Output]:
    vocab = graph.vocabularies.get(vocabulary)
    if vocab is None:
        return
    hub_types = [t.name for t in TYPES if t.in_hubs]
    for term in vocab.terms:
        path = f"/{section}/{term.slug}/"
        groups = {
            type_name: [n for n in current_items(graph, type_name, lang) if term.slug in (getattr(n.data, vocabulary, None) or [])] for type_name in hub_types
        }
        page = PageInfo(
            title=graph.label(vocabulary, term.slug, lang),
            url=all_languages(graph, path)[lang],
            lang=lang,
            alternates=all_languages(graph, path),
            description=term.description.get(lang, term.description.get(graph.default_lang, "")),
        )
        yield Output(
            page_path(page.url),
            template="hub.html",
            lang=lang,
            indexable=True,
            context={
                "page": page,
                "vocabulary": vocabulary,
                "term": term,
                "everyday": term.everyday.get(lang, ""),
                "groups": groups,
                "listing_urls": {t: listing_url(graph, lang, t) for t in hub_types},
            },
        )


def _statements(graph: SiteGraph, lang: str) -> Iterable[Output]:
    for section, (template, title) in STATEMENTS.items():
        versions = all_languages(graph, f"/{section}/")
        page = PageInfo(title=gettext_for(lang)(title), url=versions[lang], lang=lang, alternates=versions)
        yield Output(page_path(page.url), template=template, lang=lang, indexable=True, context={"page": page})


def related_items(ctx: BuildContext, node: Node) -> list[Node]:
    """Other current items that share the most needs with this one (same language where translated).

    Items with the same needs get the same candidates, so the ranking is computed once
    per (language, set of needs) and not once per page (that was quadratic)."""
    needs = frozenset(getattr(node.data, "needs", []) or [])
    if not needs:
        return []
    ranked = ctx.memo("related", (node.lang, needs), lambda: _ranked_by_needs(ctx.graph, node.lang, needs))
    found = [other for other in ranked if not (other.translation_key == node.translation_key and other.type_name == node.type_name)]
    return found[:RELATED_COUNT]


def _ranked_by_needs(graph: SiteGraph, lang: str, needs: frozenset[str]) -> list[Node]:
    scored = []
    for content_type in TYPES:
        if not content_type.related:
            continue
        for other in graph.localized(content_type.name, lang):
            shared = len(needs.intersection(other.data.needs))
            if shared and graph.is_current(other):
                scored.append((-shared, other.title.lower(), other.key, other))
    scored.sort(key=lambda entry: entry[:3])
    # One more than shown, in case the page itself is among them.
    return [entry[3] for entry in scored[: RELATED_COUNT + 1]]


def _detail(ctx: BuildContext, node: Node) -> Output:
    graph = ctx.graph
    content_type = TYPES[node.type_name]
    alternates = {lang: other.url for lang, other in graph.translations(node).items()}
    image = node.data.image or getattr(node.data, "logo", None)
    current = graph.is_current(node)
    page = PageInfo(
        title=node.title,
        url=node.url,
        lang=node.lang,
        alternates=alternates,
        breadcrumbs=[(gettext_for(node.lang)(content_type.plural), listing_url(graph, node.lang, node.type_name))],
        description=node.summary,
        noindex=not current,
        image="/" + image.src.lstrip("/") if image is not None else "",
        og_type="article",
    )
    related = related_items(ctx, node) if content_type.shows_related else []
    context = {"page": page, "item": node, "current": current, "stale": graph.is_stale(node), "related_items": related}
    # What refers to this item (the activities, offers and vacancies of an organisation).
    referring = [t.name for t in TYPES if any(target == node.type_name for _name, target in ref_fields(t.model))]
    if referring:
        context["related"] = {type_name: [n for n in graph.referring(node, type_name) if graph.is_current(n)] for type_name in referring}
    for name, target_type in ref_fields(type(node.data)):
        context[name + "_node"] = graph.resolve(target_type, getattr(node.data, name), node.lang)
    return Output(page_path(node.url), template=content_type.detail_template, lang=node.lang, indexable=current, context=context)


def _not_found(graph: SiteGraph, lang: str) -> Output:
    versions = all_languages(graph, "/404.html")
    page = PageInfo(title=gettext_for(lang)(NOT_FOUND), url=versions[lang], lang=lang, alternates=versions, noindex=True)
    return Output(page.url.lstrip("/"), template="404.html", lang=lang, context={"page": page})
