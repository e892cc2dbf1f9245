"""What partners use to show vacancies on their own website: static JSON feeds,
the widget script at a stable URL, and static iframe pages.

Stable URLs (v1; a breaking change of the format gets v2 beside it):

* ``/feeds/vacatures/v1/alle.json``, ``…/organisatie/<slug>.json``,
  ``…/sector/<slug>.json``, ``…/kern/<slug>.json`` (kern ``vanuit-huis`` = work
  from home); other languages under ``/feeds/vacatures/v1/<lang>/…``;
* ``/widget/v1/vacatures.js`` (the custom element ``<hulpwijzer-vacatures>``);
* ``/widget/v1/frame/[<lang>/]<choice>/`` (iframe pages, no script needed).

The format is documented in ``docs/widget.md`` and ``docs/schema/vacancy-feed.schema.json``.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

from sitegen import languages
from sitegen.build.context import BuildContext
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.listings import current_items, facet_terms, listing_url
from sitegen.parts.page_info import PageInfo

FEED_VERSION = 1
FEED_ROOT = "/feeds/vacatures/v1/"
WIDGET_ROOT = "/widget/v1/"
SCRIPT_NAME = "vacatures.js"
FRAME_SCRIPT_NAME = "frame.js"
KINDS = ("alle", "organisatie", "sector", "kern")
CONFIG_PLACEHOLDER = "/*@config*/null"


def _prefix(graph: SiteGraph, lang: str) -> str:
    return languages.prefix(lang, graph.default_lang)


def choice_path(kind: str, slug: str | None) -> str:
    return "alle" if kind == "alle" else f"{kind}/{slug}"


def feed_url(graph: SiteGraph, lang: str, kind: str, slug: str | None = None) -> str:
    return f"{FEED_ROOT}{_prefix(graph, lang)}{choice_path(kind, slug)}.json"


def frame_url(graph: SiteGraph, lang: str, kind: str, slug: str | None = None) -> str:
    return f"{WIDGET_ROOT}frame/{_prefix(graph, lang)}{choice_path(kind, slug)}/"


def script_url(graph: SiteGraph) -> str:
    return graph.site.base_url + WIDGET_ROOT + SCRIPT_NAME


# ----------------------------------------------------------------------------- selections


def selections(ctx: BuildContext, lang: str) -> list[dict]:
    """Every choice a partner can make, each with its vacancies (current, newest first).
    Computed once per build and language (the configurator and the widget both ask)."""
    return ctx.memo("widget-selections", lang, lambda: _selections(ctx.graph, lang))


def _selections(graph: SiteGraph, lang: str) -> list[dict]:
    _ = gettext_for(lang)
    nodes = current_items(graph, "vacancy", lang)
    listing = listing_url(graph, lang, "vacancy")
    facets = {facet.segment: facet for facet in TYPES["vacancy"].facets}
    found = [{"kind": "alle", "slug": None, "label": _("Alle vacatures"), "nodes": nodes, "listing_path": listing}]
    by_organisation: dict[str, list[Node]] = {}
    for node in nodes:
        by_organisation.setdefault(node.data.organisation, []).append(node)
    for organisation in graph.localized("organisation", lang):
        chosen = by_organisation.get(organisation.translation_key, [])
        found.append(
            {"kind": "organisatie", "slug": organisation.translation_key, "label": organisation.title, "nodes": chosen, "listing_path": organisation.url}
        )
    for kind, segment in (("sector", "sector"), ("kern", "kern")):
        facet = facets[segment]
        for slug, label in facet_terms(graph, facet, lang):
            chosen = [n for n in nodes if slug in facet.values(n.data)]
            found.append({"kind": kind, "slug": slug, "label": label, "nodes": chosen, "listing_path": f"{listing}{segment}/{slug}/"})
    return found


# ----------------------------------------------------------------------------- feeds


def vacancy_record(ctx: BuildContext, node: Node, lang: str) -> dict:
    """One vacancy in a feed; made once per build and language, as it is in several feeds."""
    return ctx.memo("vacancy-record", (node.key, lang), lambda: _vacancy_record(ctx.graph, node, lang))


def _vacancy_record(graph: SiteGraph, node: Node, lang: str) -> dict:
    data = node.data
    organisation = graph.resolve("organisation", data.organisation, lang)
    place = data.location.place if data.location is not None else None

    def terms(vocabulary: str, slugs: list[str]) -> list[dict]:
        return [{"slug": slug, "label": graph.label(vocabulary, slug, lang)} for slug in slugs]

    location = None
    if data.location is not None:
        location = {key: getattr(data.location, key) for key in ("name", "address", "postcode")}
    return {
        "id": node.translation_key,
        "language": node.lang,
        "title": data.title,
        "summary": data.summary,
        "url": graph.site.base_url + node.url,
        "path": node.url,
        "organisation": {
            "slug": data.organisation,
            "name": organisation.title if organisation else data.organisation,
            "path": organisation.url if organisation else None,
        },
        "sectors": terms("sectors", data.sectors),
        "place": None if not place else {"slug": place, "label": graph.label("places", place, lang)},
        "location": location,
        "remote": data.remote,
        "commitment": {"slug": data.commitment, "label": graph.label("commitments", data.commitment, lang)},
        "hours": data.hours,
        "times": terms("times", data.times),
        "suitable_for": terms("suitable_for", data.suitable_for),
        "benefits": terms("benefits", data.benefits),
        "what_you_do": data.what_you_do,
        "what_we_ask": data.what_we_ask,
        "what_we_offer": data.what_we_offer,
        "contact": data.contact.model_dump(),
        "posted": data.posted.isoformat(),
        "valid_through": data.valid_through.isoformat(),
    }


def feed_document(ctx: BuildContext, lang: str, choice: dict) -> dict:
    graph = ctx.graph
    return {
        "format": "hulpwijzer-vacatures",
        "version": FEED_VERSION,
        "language": lang,
        "generated": graph.today.isoformat(),
        "site": {"name": graph.site.name.get(lang) or graph.site.name.get(graph.default_lang, ""), "url": graph.site.base_url},
        "selection": {"kind": choice["kind"], "slug": choice["slug"], "label": choice["label"]},
        "listing_path": choice["listing_path"],
        "count": len(choice["nodes"]),
        "vacancies": [vacancy_record(ctx, node, lang) for node in choice["nodes"]],
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# ----------------------------------------------------------------------------- widget script


WIDGET_STRINGS = {
    "heading": N_("Vrijwilligerswerk"),
    "headingOf": N_("Vrijwilligerswerk bij %s"),
    "all": N_("Bekijk alle vacatures"),
    "none": N_("Er zijn nu geen vacatures. Kijk later nog eens."),
    "failed": N_("De vacatures kunnen nu niet worden getoond."),
    "fallback": N_("Bekijk de vacatures op %s"),
    "remote": N_("Vanuit huis"),
    "loading": N_("Vacatures laden…"),
}


def widget_config(ctx: BuildContext) -> dict:
    graph = ctx.graph
    texts = {}
    for lang in graph.languages:
        _ = gettext_for(lang)
        texts[lang] = {key: _(value) for key, value in WIDGET_STRINGS.items()}
        texts[lang]["site"] = graph.site.name.get(lang) or graph.site.name.get(graph.default_lang, "")
        texts[lang]["dir"] = languages.direction(lang)
    return {"langs": graph.languages, "def": graph.default_lang, "t": texts, "ms": meilisearch_config(ctx)}


def meilisearch_config(ctx: BuildContext) -> dict | None:
    """Meilisearch for the widget, as ``search.browser_keys`` decided for this build.

    The widget searches the live indexes that ``search.meili`` keeps (``<prefix>-<lang>``).
    With ``search_key_uid`` the key is a tenant token that only sees current vacancies;
    without it the search key itself, and the widget adds that filter itself."""
    access = ctx.browser_search
    if access is None:
        return None
    return {"url": access.url, "key": access.widget_key, "prefix": access.prefix}


def widget_script(ctx: BuildContext) -> str:
    source = ctx.renderer.theme.files("widget")[SCRIPT_NAME].read_text(encoding="utf-8")
    config = json.dumps(widget_config(ctx), ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return source.replace(CONFIG_PLACEHOLDER, config, 1)


# ----------------------------------------------------------------------------- snippets


def snippet(ctx: BuildContext, lang: str, choice: dict, max_items: int = 5) -> str:
    graph = ctx.graph
    attribute = {"organisatie": "organisatie", "sector": "sector", "kern": "kern"}.get(choice["kind"])
    attrs = f' {attribute}="{html.escape(choice["slug"])}"' if attribute else ""
    fallback = gettext_for(lang)(WIDGET_STRINGS["fallback"]) % (graph.site.name.get(lang) or graph.site.name.get(graph.default_lang, ""))
    return (
        f'<script src="{script_url(graph)}" defer></script>\n'
        f'<hulpwijzer-vacatures{attrs} max="{max_items}" lang="{lang}" kop="2">\n'
        f'  <a href="{graph.site.base_url}{choice["listing_path"]}">{html.escape(fallback)}</a>\n'
        f"</hulpwijzer-vacatures>"
    )


def frame_snippet(graph: SiteGraph, lang: str, choice: dict, max_items: int = 5) -> str:
    title = gettext_for(lang)("Vacatures: %s") % choice["label"]
    return (
        f'<iframe src="{graph.site.base_url}{frame_url(graph, lang, choice["kind"], choice["slug"])}?max={max_items}" '
        f'title="{html.escape(title)}" width="100%" height="480" loading="lazy"></iframe>'
    )


# ----------------------------------------------------------------------------- outputs


def plan(ctx: BuildContext) -> Iterable[Output]:
    graph = ctx.graph
    yield Output(page_path(WIDGET_ROOT + SCRIPT_NAME), render=lambda: widget_script(ctx))
    for name, path in ctx.renderer.theme.files("widget").items():
        if name != SCRIPT_NAME:  # frame.js, configurator.js: served as they are
            yield Output(page_path(WIDGET_ROOT + name), render=lambda path=path: path.read_bytes())
    for lang in graph.languages:
        _ = gettext_for(lang)
        for choice in selections(ctx, lang):
            # The feed is made while planning, so its own text is part of its plan.
            text = _json(feed_document(ctx, lang, choice))
            yield Output(page_path(feed_url(graph, lang, choice["kind"], choice["slug"])), render=lambda text=text: text)
            url = frame_url(graph, lang, choice["kind"], choice["slug"])
            page = PageInfo(title=_("Vacatures: %s") % choice["label"], url=url, lang=lang, noindex=True)
            yield Output(
                page_path(url),
                template="vacancies/frame.html",
                lang=lang,
                context={"page": page, "choice": choice, "items": choice["nodes"], "frame_script": WIDGET_ROOT + FRAME_SCRIPT_NAME},
            )
