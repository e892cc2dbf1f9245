"""schema.org JSON-LD for detail pages: Organization, Event, JobPosting, Service, WebPage/FAQPage.

Templates call ``json_ld_for(item)`` (a Jinja global) and print it with the
``json_ld`` filter inside ``<script type="application/ld+json">``. Each page
gets one ``@graph`` with the item and a BreadcrumbList. We follow the
properties Google documents as required for Event and JobPosting
(volunteer work is ``employmentType: VOLUNTEER``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from icalendar import vRecur

from sitegen import dates

from sitegen.content import markdown
from sitegen.parts.feeds.common import organiser, price
from sitegen import languages
from sitegen.content.types import TYPES
from sitegen.graph.site_graph import Node, SiteGraph
from sitegen.i18n import gettext_for

SCHEMA = "https://schema.org/"
DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday", "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
FREQUENCIES = {"DAILY": "D", "WEEKLY": "W", "MONTHLY": "M", "YEARLY": "Y"}


def template_globals(ctx, lang: str) -> dict:
    """``json_ld_for(item)`` for ``partials/structured-data.html``."""
    return {"json_ld_for": lambda node: json_ld_for(ctx.graph, node)}


def json_ld_for(graph: SiteGraph, node: Node) -> dict[str, Any]:
    """The JSON-LD of a detail page, in the schema.org shape its content type names."""
    builders = {"Organization": organization, "Event": event, "JobPosting": job_posting, "Service": service, "WebPage": web_page}
    main = builders[TYPES[node.type_name].schema_type](graph, node)
    main["@id"] = _url(graph, node.url) + "#item"
    return {"@context": "https://schema.org", "@graph": [main, breadcrumbs(graph, node)]}


# ----------------------------------------------------------------------------- helpers


def _url(graph: SiteGraph, path: str) -> str:
    return graph.site.base_url + path


def _html(text: str) -> str:
    return markdown.render(text).html if text else ""


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Leave out empty values: an empty property is worse than none."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def postal_address(graph: SiteGraph, location, lang: str) -> dict[str, Any] | None:
    if location is None:
        return None
    locality = graph.label("places", location.place, lang) if location.place else graph.site.municipality
    return _clean({
        "@type": "PostalAddress",
        "streetAddress": location.address,
        "postalCode": location.postcode,
        "addressLocality": locality,
        "addressCountry": "NL",
    })


def place(graph: SiteGraph, location, lang: str) -> dict[str, Any] | None:
    if location is None:
        return None
    result = {"@type": "Place", "name": location.name or location.address or graph.site.municipality,
              "address": postal_address(graph, location, lang)}
    if location.latitude is not None:
        result["geo"] = {"@type": "GeoCoordinates", "latitude": location.latitude, "longitude": location.longitude}
    return _clean(result)


def organisation_ref(graph: SiteGraph, org: Node | None) -> dict[str, Any] | None:
    if org is None:
        return None
    return _clean({"@type": "Organization", "@id": _url(graph, org.url) + "#item", "name": org.title,
                   "url": _url(graph, org.url), "sameAs": org.data.website if org.data.website and org.data.website.startswith("http") else None})


def _offer(graph: SiteGraph, node: Node, cost: str | None) -> dict[str, Any] | None:
    if not cost:
        return None
    amount = price(cost)
    offer = {"@type": "Offer", "description": cost, "url": _url(graph, node.url)}
    if amount is not None:
        offer.update(price=f"{amount:.2f}", priceCurrency="EUR")
    return offer


# ----------------------------------------------------------------------------- types


def organization(graph: SiteGraph, node: Node) -> dict[str, Any]:
    data = node.data
    places = [place(graph, location, node.lang) for location in data.locations]
    return _clean({
        "@type": "Organization",
        "name": data.title,
        "description": data.summary,
        "url": _url(graph, node.url),
        "sameAs": data.website if data.website and data.website.startswith("http") else None,
        "telephone": data.phone,
        "email": data.email,
        "logo": _url(graph, "/" + data.logo.src) if data.logo else None,
        "address": postal_address(graph, data.locations[0], node.lang) if data.locations else None,
        "location": [p for p in places if p],
        "areaServed": [{"@type": "Place", "name": graph.label("places", slug, node.lang)} for slug in data.places_served]
        or {"@type": "AdministrativeArea", "name": graph.site.municipality},
        "knowsLanguage": data.languages,
    })


def event(graph: SiteGraph, node: Node) -> dict[str, Any]:
    data = node.data
    following = graph.next_dates(node, 1)
    start, end = following[0] if following else (dates.local(data.start), dates.local(data.end))
    locations = []
    if data.location is not None:
        locations.append(place(graph, data.location, node.lang))
    if data.online:
        locations.append({"@type": "VirtualLocation", "url": _url(graph, node.url)})
    mode = "Mixed" if data.online and data.location else ("Online" if data.online else "Offline")
    amount = price(data.cost)
    result = {
        "@type": "Event",
        "name": data.title,
        "description": data.summary,
        "url": _url(graph, node.url),
        "inLanguage": node.lang,
        "startDate": start.isoformat(),
        "endDate": end.isoformat(),
        "eventStatus": SCHEMA + "EventScheduled",
        "eventAttendanceMode": SCHEMA + mode + "EventAttendanceMode",
        "location": locations[0] if len(locations) == 1 else locations,
        "organizer": organisation_ref(graph, organiser(graph, node, "organiser")),
        "offers": _offer(graph, node, data.cost),
        "isAccessibleForFree": (amount == 0) if amount is not None else None,
        "eventSchedule": event_schedule(data),
        "image": _url(graph, "/" + data.image.src) if data.image else None,
    }
    return _clean(result)


def event_schedule(data) -> dict[str, Any] | None:
    """A schema.org Schedule for a recurring activity, as far as its RRULE can be said that way."""
    recurrence = data.recurrence
    if recurrence is None or not recurrence.rrule:
        return None
    rule = vRecur.from_ical(recurrence.rrule)
    frequency = FREQUENCIES.get((rule.get("FREQ") or [""])[0])
    if frequency is None:
        return None
    interval = (rule.get("INTERVAL") or [1])[0]
    start, end = dates.local(data.start), dates.local(data.end)
    schedule: dict[str, Any] = {
        "@type": "Schedule",
        "repeatFrequency": f"P{interval}{frequency}",
        "startDate": start.date().isoformat(),
        "startTime": start.time().isoformat(),
        "endTime": end.time().isoformat(),
        "duration": _duration(end - start),
        "scheduleTimezone": "Europe/Amsterdam",
    }
    days, weeks = [], []
    for value in rule.get("BYDAY") or []:
        text = str(value)
        code, ordinal = text[-2:], text[:-2]
        if code in DAYS:
            days.append(SCHEMA + DAYS[code])
        if ordinal.lstrip("+").isdigit():
            weeks.append(int(ordinal))
    if days:
        schedule["byDay"] = days if len(days) > 1 else days[0]
    if weeks:
        schedule["byMonthWeek"] = weeks if len(weeks) > 1 else weeks[0]
    if rule.get("BYMONTHDAY"):
        schedule["byMonthDay"] = list(rule["BYMONTHDAY"])
    if rule.get("BYMONTH"):
        schedule["byMonth"] = list(rule["BYMONTH"])
    if rule.get("COUNT"):
        schedule["repeatCount"] = rule["COUNT"][0]
    last = dates.last_end(data)
    if last is not None:
        schedule["endDate"] = last.date().isoformat()
    if recurrence.exdates:
        schedule["exceptDate"] = [dates.local(value).isoformat() for value in recurrence.exdates]
    return schedule


def _duration(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return "PT" + (f"{hours}H" if hours else "") + (f"{minutes}M" if minutes or not hours else "")


def job_posting(graph: SiteGraph, node: Node) -> dict[str, Any]:
    data = node.data
    _ = gettext_for(node.lang)
    parts = [f"<p>{_escape(data.summary)}</p>", _html(data.what_you_do)]
    if data.what_we_ask:
        parts += [f"<h2>{_escape(_('Wat vragen wij'))}</h2>", _html(data.what_we_ask)]
    if data.what_we_offer:
        parts += [f"<h2>{_escape(_('Wat bieden wij'))}</h2>", _html(data.what_we_offer)]
    valid_through = dates.local(dt.datetime.combine(data.valid_through, dt.time(23, 59, 59)))
    result = {
        "@type": "JobPosting",
        "title": data.title,
        "description": "\n".join(part for part in parts if part),
        "url": _url(graph, node.url),
        "datePosted": data.posted.isoformat(),
        "validThrough": valid_through.isoformat(),
        "employmentType": "VOLUNTEER",
        "hiringOrganization": organisation_ref(graph, organiser(graph, node, "organisation")),
        "identifier": {"@type": "PropertyValue", "name": graph.site.municipality, "value": node.translation_key},
        "industry": [graph.label("sectors", slug, node.lang) for slug in data.sectors],
        "workHours": data.hours,
        "jobBenefits": ", ".join(graph.label("benefits", slug, node.lang) for slug in data.benefits),
        "directApply": False,
    }
    if data.location is not None:
        result["jobLocation"] = place(graph, data.location, node.lang)
    if data.remote:
        result["jobLocationType"] = "TELECOMMUTE"
        result["applicantLocationRequirements"] = {"@type": "Country", "name": "NL"}
    return _clean(result)


def service(graph: SiteGraph, node: Node) -> dict[str, Any]:
    data = node.data
    audience: dict[str, Any] = {"@type": "PeopleAudience", "audienceType": data.for_whom}
    if data.age_min is not None:
        audience["suggestedMinAge"] = data.age_min
    if data.age_max is not None:
        audience["suggestedMaxAge"] = data.age_max
    contact = data.contact
    channel = None
    if contact is not None:
        channel = _clean({
            "@type": "ServiceChannel",
            "servicePhone": {"@type": "ContactPoint", "telephone": contact.phone} if contact.phone else None,
            "serviceUrl": contact.url if contact.url and contact.url.startswith("http") else None,
            "name": contact.name,
        })
    return _clean({
        "@type": "Service",
        "name": data.title,
        "description": data.summary,
        "url": _url(graph, node.url),
        "serviceType": [graph.label("respite_forms", slug, node.lang) for slug in data.forms],
        "provider": organisation_ref(graph, organiser(graph, node, "provider")),
        "areaServed": [{"@type": "Place", "name": graph.label("places", slug, node.lang)} for slug in data.places]
        or {"@type": "AdministrativeArea", "name": graph.site.municipality},
        "audience": audience,
        "offers": _offer(graph, node, data.cost),
        "availableChannel": channel if channel and len(channel) > 1 else None,
    })


def web_page(graph: SiteGraph, node: Node) -> dict[str, Any]:
    data = node.data
    result = {
        "@type": "FAQPage" if getattr(data, "faq", None) else "WebPage",
        "name": data.title,
        "description": data.summary,
        "url": _url(graph, node.url),
        "inLanguage": node.lang,
        "lastReviewed": data.last_reviewed.isoformat(),
        "dateModified": data.last_reviewed.isoformat(),
    }
    if getattr(data, "faq", None):
        result["mainEntity"] = [
            {"@type": "Question", "name": entry.question, "acceptedAnswer": {"@type": "Answer", "text": _html(entry.answer)}}
            for entry in data.faq
        ]
    return _clean(result)


def breadcrumbs(graph: SiteGraph, node: Node) -> dict[str, Any]:
    _ = gettext_for(node.lang)
    content_type = TYPES[node.type_name]
    home = languages.url(node.lang, graph.default_lang)
    listing = languages.url(node.lang, graph.default_lang, f"/{content_type.section}/")
    trail = [(_("Home"), home), (_(content_type.plural), listing), (node.title, node.url)]
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": index, "name": name, "item": _url(graph, url)}
            for index, (name, url) in enumerate(trail, 1)
        ],
    }


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
