"""The self-test "Hoe gaat het met u?": a static result page per load level, and the data the
browser needs to match the local offer to a resident's answers.

The questions, answers, levels and the mapping from a situation to needs and target groups are
content (``sitegen.content.selftest``). The detail page itself is the type's detail template. What
may fit is every current item of a type that helps carers (``helps_carers``) and has a
need; its places come from the type's kern facet, so a new type with such a facet joins without a
change here. The browser matches in ``static/js/selftest.js``; the rule is written in
docs/selftest.md.
"""

from __future__ import annotations

from collections.abc import Iterable

from sitegen import languages
from sitegen.build.context import BuildContext
from sitegen.build.outputs import Output, page_path
from sitegen.content.selftest import SelfTest
from sitegen.content.types import TYPES, ContentType
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.listings import current_items
from sitegen.parts.page_info import PageInfo

RESULT_SEGMENT = "uitslag"
PER_NEED = 5  # items per need on a static result page; the topic page lists them all
RESULT = N_("Uitslag")


def template_globals(ctx: BuildContext, lang: str) -> dict:
    return {
        "selftest_data": lambda node: browser_data(ctx.graph, node),
        "selftest_result_url": result_url,
    }


def result_url(node: Node, level_slug: str) -> str:
    return f"{node.url}{RESULT_SEGMENT}/{level_slug}/"


def plan(ctx: BuildContext) -> Iterable[Output]:
    graph = ctx.graph
    for node in graph.nodes:
        if not isinstance(node.data, SelfTest):
            continue
        for level in node.data.levels:
            yield _result_page(graph, node, level)


def _result_page(graph: SiteGraph, node: Node, level) -> Output:
    _ = gettext_for(node.lang)
    alternates = {lang: result_url(other, level.slug) for lang, other in graph.translations(node).items() if _has_level(other, level.slug)}
    page = PageInfo(
        title=level.title,
        url=result_url(node, level.slug),
        lang=node.lang,
        alternates=alternates,
        breadcrumbs=[(node.title, node.url)],
        description=node.summary,
        noindex=True,  # a result is reached from the test, not from a search engine
    )
    groups = []
    candidates = _candidates(graph, node.lang)
    for need in level.needs:
        fitting = [entry for entry in candidates if need in entry[1]]
        groups.append(
            {
                "need": need,
                "label": graph.label("needs", need, node.lang),
                "url": languages.url(node.lang, graph.default_lang, f"/onderwerp/{need}/"),
                "items": [entry[0] for entry in fitting[:PER_NEED]],
                "more": len(fitting) > PER_NEED,
            }
        )
    return Output(
        page_path(page.url),
        template="selftest/result.html",
        lang=node.lang,
        context={"page": page, "item": node, "level": level, "groups": groups, "result_title": _(RESULT)},
    )


def _has_level(node: Node, slug: str) -> bool:
    return any(level.slug == slug for level in node.data.levels)


def _place_facet(content_type: ContentType):
    return next((facet for facet in content_type.facets if facet.vocabulary == "places"), None)


def _candidates(graph: SiteGraph, lang: str) -> list[tuple[Node, list[str], list[str], list[str]]]:
    """(node, needs, audiences, places) of every current item that could fit; places [] = everywhere."""
    found = []
    for content_type in TYPES:
        if not content_type.helps_carers:
            continue
        facet = _place_facet(content_type)
        for node in current_items(graph, content_type.name, lang):
            needs = list(getattr(node.data, "needs", []) or [])
            if not needs:
                continue
            # No place (an online activity, a page) fits every kern, like an empty "places".
            places = facet.values(node.data) if facet is not None else []
            found.append((node, needs, list(node.data.audiences), places))
    found.sort(key=lambda entry: entry[0].title.lower())
    return found


def _phone(node: Node) -> str:
    data = node.data
    for holder in (data, getattr(data, "contact", None), getattr(getattr(data, "registration", None), "contact", None)):
        phone = getattr(holder, "phone", None) if holder is not None else None
        if phone:
            return phone
    return ""


def browser_data(graph: SiteGraph, node: Node) -> dict:
    """What static/js/selftest.js scores and matches with: small, and embedded in the page, so no
    request follows and the answers never meet the data anywhere but in the browser."""
    test = node.data
    levels = sorted(test.levels, key=lambda level: level.min_score)
    return {
        "max": test.max_score,
        "levels": [{"slug": lv.slug, "min": lv.min_score, "max": lv.max_score, "needs": lv.needs, "loket_first": lv.loket_first} for lv in levels],
        "questions": [[{"needs": o.needs, "audiences": o.audiences} for o in question.options] for question in test.situation],
        "general": test.general_audiences,
        "items": offer_data(graph, node.lang),
    }


def offer_data(graph: SiteGraph, lang: str) -> list[dict]:
    _ = gettext_for(lang)
    return [
        {
            "title": node.title,
            "url": node.url,
            "summary": node.summary,
            "type": _(TYPES[node.type_name].label),
            # An item not translated yet is shown in its own language and direction.
            "lang": "" if node.lang == lang else node.lang,
            "dir": "" if node.lang == lang else languages.direction(node.lang),
            "phone": _phone(node),
            "needs": needs,
            "audiences": audiences,
            "places": places,
        }
        for node, needs, audiences, places in _candidates(graph, lang)
    ]
