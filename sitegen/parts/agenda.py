"""The agenda page: every date of every activity in the coming months, then past activities."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from dateutil.relativedelta import relativedelta

from sitegen import dates
from sitegen.build.outputs import Output, page_path
from sitegen.graph.site_graph import SiteGraph
from sitegen.i18n import N_, gettext_for
from sitegen.parts.listings import current_items
from sitegen.parts.page_info import PageInfo, all_languages

AGENDA = N_("Agenda")
AGENDA_MONTHS = 3  # the agenda shows every date in the coming three months
AGENDA_MAX_PER_ACTIVITY = 400  # a daily activity fills three months with ~92 dates; this only stops runaway rules
PAST_LIMIT = 20  # past activities on the agenda page


def plan(ctx) -> Iterable[Output]:
    for lang in ctx.graph.languages:
        yield agenda_page(ctx.graph, lang)


def agenda_page(graph: SiteGraph, lang: str) -> Output:
    """Upcoming dates of all activities (recurring ones with each date), then past activities."""
    # Every date inside the window the page names, however often an activity recurs.
    until = graph.today + relativedelta(months=AGENDA_MONTHS)
    window_end = dates.start_of_day(until + dt.timedelta(days=1))
    occurrences = []
    for node in current_items(graph, "activity", lang):
        for start, end in dates.occurrences(node.data, after=graph.now, limit=AGENDA_MAX_PER_ACTIVITY, before=window_end):
            occurrences.append((start, end, node))
    occurrences.sort(key=lambda entry: (entry[0], entry[2].title.lower()))
    months: list[tuple[dt.date, list]] = []
    for start, end, node in occurrences:
        month = start.date().replace(day=1)
        if not months or months[-1][0] != month:
            months.append((month, []))
        months[-1][1].append({"start": start, "end": end, "item": node})
    past = [node for node in graph.localized("activity", lang) if not graph.is_current(node)]
    past.sort(key=lambda node: (-(graph.series_end(node) or graph.now).timestamp(), node.title.lower()))
    versions = all_languages(graph, "/agenda/")
    page = PageInfo(title=gettext_for(lang)(AGENDA), url=versions[lang], lang=lang, alternates=versions)
    return Output(
        page_path(page.url),
        template="agenda.html",
        lang=lang,
        indexable=True,
        context={"page": page, "months": months, "past": past[:PAST_LIMIT], "until": until},
    )
