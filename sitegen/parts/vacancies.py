"""The vacaturebank on the site: the listing of current vacancies (the one listing of
``sitegen.parts.listings``, with the JSON feed its filter script reads), and the widget
configurator for partners (with plain GET forms that Netlify ``_redirects`` query rules send
to the static result pages, so it works without JavaScript).

Feeds, the widget script and the iframe pages are the widget part's (``sitegen.parts.widget``).
"""

from __future__ import annotations

from collections.abc import Iterable

from sitegen.build import parts
from sitegen.build.context import BuildContext
from sitegen.build.outputs import Output, page_path
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import SiteGraph
from sitegen.i18n import gettext_for
from sitegen.parts import widget
from sitegen.parts.listings import listing_outputs, listing_url
from sitegen.parts.page_info import PageInfo, all_languages

PICK_KINDS = ("organisatie", "sector", "kern")  # a no-JavaScript form per kind on the configurator


def listing_base(graph: SiteGraph, lang: str) -> str:
    return listing_url(graph, lang, "vacancy")


def plan(ctx: BuildContext) -> Iterable[Output]:
    graph = ctx.graph
    for lang in graph.languages:
        # The one listing implementation, with the JSON feed that vacancy-filter.js combines filters with.
        yield from listing_outputs(graph, lang, TYPES["vacancy"], {"feed_url": widget.feed_url(graph, lang, "alle")})
        yield from _configurator(ctx, lang)
    yield _redirects_output(ctx)


# ----------------------------------------------------------------------------- widget configurator


def configurator_url(graph: SiteGraph, lang: str, kind: str | None = None, slug: str | None = None) -> str:
    url = f"{listing_base(graph, lang)}widget/"
    return url if kind is None else f"{url}{widget.choice_path(kind, slug)}/"


def _configurator(ctx: BuildContext, lang: str) -> Iterable[Output]:
    """The configurator page, plus one static page with a ready snippet per choice:
    that page is the 'result' of the form when JavaScript is off."""
    graph = ctx.graph
    _ = gettext_for(lang)
    # The configurator shows each choice's name and number of vacancies, not the vacancies: its
    # plan holds just that, so editing a vacancy does not re-render every configurator page.
    choices = [{key: value for key, value in c.items() if key != "nodes"} | {"count": len(c["nodes"])} for c in widget.selections(ctx, lang)]
    groups = {kind: [c for c in choices if c["kind"] == kind] for kind in widget.KINDS}
    url = configurator_url(graph, lang)
    page = PageInfo(
        title=_("Vacatures op uw eigen website"),
        url=url,
        lang=lang,
        alternates=all_languages(graph, f"/{TYPES['vacancy'].section}/widget/"),
        breadcrumbs=[(_("Vrijwilligerswerk"), listing_base(graph, lang))],
        description=_("Zet de vacatures van uw organisatie gratis op uw eigen website. Ze blijven vanzelf actueel."),
    )
    common = {"groups": groups, "script_url": widget.script_url(graph), "languages": graph.languages}
    yield Output(
        page_path(url),
        template="vacancies/configurator.html",
        lang=lang,
        indexable=True,
        context={"page": page, "choice": None, **common},
    )
    for choice in choices:
        result_url = configurator_url(graph, lang, choice["kind"], choice["slug"])
        result_page = PageInfo(
            title=_("Code voor uw website: %(name)s") % {"name": choice["label"]},
            url=result_url,
            lang=lang,
            alternates=all_languages(graph, f"/{TYPES['vacancy'].section}/widget/{widget.choice_path(choice['kind'], choice['slug'])}/"),
            breadcrumbs=[(_("Vrijwilligerswerk"), listing_base(graph, lang)), (_("Vacatures op uw eigen website"), url)],
            noindex=True,
        )
        yield Output(
            page_path(result_url),
            template="vacancies/configurator.html",
            lang=lang,
            context={
                "page": result_page,
                "choice": choice,
                "snippet": widget.snippet(ctx, lang, choice),
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
            alternates=all_languages(graph, f"/{TYPES['vacancy'].section}/widget/{kind}/"),
            breadcrumbs=[(_("Vrijwilligerswerk"), listing_base(graph, lang)), (_("Vacatures op uw eigen website"), url)],
            noindex=True,
        )
        yield Output(
            page_path(pick_url),
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


def _redirects_output(ctx: BuildContext) -> Output:
    # One _redirects file for the site: other parts add rules with a redirects(ctx) hook
    # (search/static_results.py: the search form without JavaScript).
    text = redirect_rules(ctx.graph) + "".join(hook(ctx) for _part, hook in parts.hooks("redirects"))
    return Output("_redirects", render=lambda: text)
