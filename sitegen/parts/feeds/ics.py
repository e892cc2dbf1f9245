"""iCalendar (RFC 5545) with the icalendar library: agenda feeds and one file per activity.

* ``/agenda.ics`` (and ``/en/agenda.ics`` …): all upcoming activities;
* ``/open-data/agenda/organisatie/<slug>.ics``: the activities of one organisation;
* ``/open-data/agenda/soort/<term>.ics``: the activities of one activity type;
* ``<activity url>agenda.ics``: one activity ("Zet in mijn agenda").

Times are wall-clock times in Europe/Amsterdam, written with TZID and a
rule-based VTIMEZONE (valid for every year, also for recurrences without an
end). UIDs come from the translation key and the site's host, so they are the
same in every build and in every language: a calendar that subscribed to the
feed updates an event instead of adding a copy.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from dateutil.rrule import rrulestr
from icalendar import Calendar, Event, Timezone, TimezoneDaylight, TimezoneStandard, vCalAddress, vDuration, vRecur, vText

from sitegen import dates
from sitegen.bidi import isolate_text_in
from sitegen.build.outputs import Output
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import gettext_for
from sitegen.parts.feeds.common import OPEN_DATA, address_line, host, lang_prefix, organiser

TZID = "Europe/Amsterdam"
PRODID = "-//Hulpwijzer//Agenda//NL"


def generate(graph: SiteGraph, renderer=None) -> Iterable[Output]:
    for lang in graph.languages:
        site_name = graph.site.name.get(lang) or graph.site.name.get(graph.default_lang, "")
        yield Output(
            agenda_path(graph, lang),
            render=lambda lang=lang, name=site_name: feed(graph, upcoming(graph, lang), f"{gettext_for(lang)('Agenda')} {name}"),
        )
        for org, path in organiser_feeds(graph, lang):
            key = org.translation_key
            yield Output(
                path,
                render=lambda lang=lang, key=key, org=org: feed(
                    graph, upcoming_by(graph, lang, "organiser").get(key, []), f"{gettext_for(lang)('Agenda')} {org.title}"
                ),
            )
        for term, path in type_feeds(graph, lang):
            yield Output(
                path,
                render=lambda lang=lang, term=term: feed(
                    graph,
                    upcoming_by(graph, lang, "activity_type").get(term, []),
                    f"{gettext_for(lang)('Agenda')}: {graph.label('activity_types', term, lang)}",
                ),
            )
    for node in graph.nodes:
        if node.type_name == "activity":
            yield Output(
                node.url.lstrip("/") + "agenda.ics",
                render=lambda node=node: feed(graph, [node], node.title),
            )


def agenda_path(graph: SiteGraph, lang: str) -> str:
    return f"{lang_prefix(graph, lang)}agenda.ics"


def organiser_feeds(graph: SiteGraph, lang: str) -> list[tuple[Node, str]]:
    """(organisation, file path) for every organisation that has activities, by name."""
    found: dict[str, Node] = {}
    for node in graph.localized("activity", lang):
        target = graph.resolve("organisation", node.data.organiser, lang)
        if target is not None:
            found[target.translation_key] = target
    return [
        (org, f"{lang_prefix(graph, lang)}{OPEN_DATA}/agenda/organisatie/{org.slug}.ics")
        for org in sorted(found.values(), key=lambda n: (n.title.lower(), n.key))
    ]


def type_feeds(graph: SiteGraph, lang: str) -> list[tuple[str, str]]:
    """(activity type, file path) for every activity type in use."""
    terms = sorted({node.data.activity_type for node in graph.localized("activity", lang)})
    return [(term, f"{lang_prefix(graph, lang)}{OPEN_DATA}/agenda/soort/{term}.ics") for term in terms]


def upcoming(graph: SiteGraph, lang: str) -> list[Node]:
    """Activities that have a date after today, soonest first (translated where possible).

    Computed once per build and language: every organisation and activity-type feed filters this list.
    """
    return graph.memo("ics-upcoming", lang, lambda: _upcoming(graph, lang))


def _upcoming(graph: SiteGraph, lang: str) -> list[Node]:
    found = []
    for node in graph.localized("activity", lang):
        if graph.is_current(node):
            following = graph.next_dates(node, 1)
            if following:
                found.append((following[0][0], node.title.lower(), node))
    return [node for _, _, node in sorted(found, key=lambda entry: entry[:2])]


def upcoming_by(graph: SiteGraph, lang: str, field: str) -> dict[str, list[Node]]:
    """The upcoming activities grouped by a field (organiser, activity_type), in the same order."""

    def group() -> dict[str, list[Node]]:
        groups: dict[str, list[Node]] = defaultdict(list)
        for node in upcoming(graph, lang):
            groups[getattr(node.data, field)].append(node)
        return dict(groups)

    return graph.memo("ics-upcoming-by", (lang, field), group)


def uid(graph: SiteGraph, node: Node) -> str:
    return f"activiteit-{node.translation_key}@{host(graph)}"


def feed(graph: SiteGraph, nodes: list[Node], name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    calendar.add("x-published-ttl", vDuration(dt.timedelta(days=1)))
    calendar.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    calendar.add_component(amsterdam_timezone())
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    assert head.endswith(end)
    # An activity is in several feeds (all, its organisation, its type): serialise it once.
    return head[: -len(end)] + b"".join(_event_bytes(graph, node) for node in nodes) + end


def _event_bytes(graph: SiteGraph, node: Node) -> bytes:
    return graph.memo("ics-event", node.key, lambda: event(graph, node).to_ical())


def amsterdam_timezone() -> Timezone:
    """VTIMEZONE for Europe/Amsterdam as yearly rules (EU summer time since 1996).

    A rule-based VTIMEZONE stays right for recurrences without an end date,
    unlike a list of transitions for a fixed range of years.
    """
    timezone = Timezone()
    timezone.add("tzid", TZID)
    timezone.add("x-lic-location", TZID)
    summer = TimezoneDaylight()
    summer.add("tzname", "CEST")
    summer.add("tzoffsetfrom", dt.timedelta(hours=1))
    summer.add("tzoffsetto", dt.timedelta(hours=2))
    summer.add("dtstart", dt.datetime(1996, 3, 31, 2, 0))
    summer.add("rrule", {"freq": "yearly", "bymonth": 3, "byday": "-1su"})
    winter = TimezoneStandard()
    winter.add("tzname", "CET")
    winter.add("tzoffsetfrom", dt.timedelta(hours=2))
    winter.add("tzoffsetto", dt.timedelta(hours=1))
    winter.add("dtstart", dt.datetime(1996, 10, 27, 3, 0))
    winter.add("rrule", {"freq": "yearly", "bymonth": 10, "byday": "-1su"})
    timezone.add_component(summer)
    timezone.add_component(winter)
    return timezone


def _local(value: dt.datetime) -> dt.datetime:
    return dates.local(value)


def event(graph: SiteGraph, node: Node) -> Event:
    """One activity as a VEVENT, wholly in the item's own language (an untranslated item stays Dutch)."""
    data = node.data
    lang = node.lang
    _ = gettext_for(lang)
    entry = Event()
    entry.add("uid", uid(graph, node))
    stamp = dt.datetime.combine(data.last_reviewed, dt.time(0, 0), dt.UTC)
    entry.add("dtstamp", stamp)
    entry.add("last-modified", stamp)
    entry.add("summary", isolate_text_in(data.title, lang))
    url = graph.site.base_url + node.url
    description = [data.summary]
    if data.cost:
        description.append(f"{_('Kosten')}: {data.cost}")
    if data.registration.required:
        description.append(_("Aanmelden is nodig.") + (f" {data.registration.how}" if data.registration.how else ""))
    description.append(url)
    entry.add("description", isolate_text_in("\n\n".join(description), lang))
    entry.add("url", url, parameters={"VALUE": "URI"})
    entry.add("dtstart", _local(data.start))
    entry.add("dtend", _local(data.end))
    entry.add("status", "CONFIRMED")
    entry.add("transp", "OPAQUE")
    entry.add("class", "PUBLIC")
    entry.add("categories", [graph.label("activity_types", data.activity_type, lang)])
    recurrence = data.recurrence
    if recurrence is not None:
        if recurrence.rrule:
            entry.add("rrule", _rrule(recurrence.rrule, data.start))
        if recurrence.dates:
            entry.add("rdate", [_local(value) for value in recurrence.dates])
        if recurrence.exdates:
            entry.add("exdate", [_local(value) for value in recurrence.exdates])
    where = address_line(graph, data.location, lang)
    if data.online:
        where = f"{where} ({_('ook online')})" if where else _("Online")
    if where:
        entry.add("location", vText(isolate_text_in(where, lang)))
    if data.location is not None and data.location.latitude is not None:
        entry.add("geo", (data.location.latitude, data.location.longitude))
    org = organiser(graph, node, "organiser")
    if org is not None and org.data.email:
        address = vCalAddress(f"mailto:{org.data.email}")
        address.params["cn"] = vText(org.title)
        entry.add("organizer", address)
    return entry


def _rrule(text: str, start: dt.datetime) -> vRecur:
    """The editor's RRULE; an UNTIL becomes UTC, as RFC 5545 requires with a TZID start.

    sitegen.dates reads UNTIL as local wall-clock time (a date means midnight
    that day); we convert that same moment, so the feed shows the dates the site shows.
    """
    recur = vRecur.from_ical(text)
    if "UNTIL" in recur:
        parsed = rrulestr(text, dtstart=start.replace(tzinfo=None))
        until = parsed._until  # dateutil has parsed date and date-time forms already
        if until is not None:
            recur["UNTIL"] = [_local(until).astimezone(dt.UTC)]
    return recur
