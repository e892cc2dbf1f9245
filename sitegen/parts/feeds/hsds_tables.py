"""Our content as the flat tables of Open Referral HSDS 3.0 (the 'tabular' form).

Organisations become organizations; respite offers and activities become
services (activities with their recurrence as schedules); addresses become
locations and addresses; opening hours become a schedule with a description;
our vocabularies become taxonomies and taxonomy terms, linked through attributes.
Only the default language (Dutch) is exported: HSDS 3.0 has one language per record.

Every ID is a UUID 5 of the site's host and the item's translation key, so it
is the same in every build. The tables are built once per graph and shared by
the datapackage (CSV) and the static API (nested JSON) in ``hsds.py``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from icalendar import vRecur

from sitegen import dates
from sitegen.languages import is_known
from sitegen.languages import language as language_info
from sitegen.parts.feeds.common import price, stable_id
from sitegen.graph.site_graph import Node, SiteGraph

# Table -> columns, in the order of the HSDS 3.0 tabular schemas (only the columns we fill or may fill).
COLUMNS: dict[str, list[str]] = {
    "organization": ["id", "name", "alternate_name", "description", "email", "website", "logo", "uri"],
    "service": [
        "id", "organization_id", "name", "description", "url", "email", "status", "application_process",
        "fees_description", "eligibility_description", "minimum_age", "maximum_age", "last_modified",
    ],
    "location": ["id", "location_type", "url", "organization_id", "name", "description", "latitude", "longitude"],
    "address": ["id", "location_id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
    "phone": ["id", "location_id", "service_id", "organization_id", "contact_id", "number", "type", "description"],
    "contact": ["id", "organization_id", "service_id", "name", "email"],
    "service_at_location": ["id", "service_id", "location_id", "description"],
    "schedule": [
        "id", "service_id", "location_id", "valid_from", "valid_to", "dtstart", "until", "count", "wkst", "freq",
        "interval", "byday", "bymonthday", "description", "opens_at", "closes_at", "notes",
    ],
    "cost_option": ["id", "service_id", "option", "currency", "amount", "amount_description"],
    "funding": ["id", "service_id", "source"],
    "service_area": ["id", "service_id", "name", "description"],
    "language": ["id", "service_id", "location_id", "name", "code"],
    "accessibility": ["id", "location_id", "description"],
    "taxonomy": ["id", "name", "description", "uri"],
    "taxonomy_term": ["id", "code", "name", "description", "taxonomy", "language", "taxonomy_id"],
    "attribute": ["id", "link_id", "taxonomy_term_id", "link_type", "link_entity", "value"],
}
# Column types for datapackage.json (Frictionless table schema); the rest are strings.
TYPES = {
    "minimum_age": "number", "maximum_age": "number", "latitude": "number", "longitude": "number",
    "amount": "number", "count": "number", "interval": "number", "last_modified": "datetime",
    "valid_from": "date", "valid_to": "date", "dtstart": "date", "until": "date",
}
VOCABULARY_FIELDS = {"respite_forms": "forms", "activity_types": "activity_type"}  # vocabulary -> item field
VOCABULARIES_PER_TYPE = {
    "organisation": ("needs", "audiences"),
    "offer": ("respite_forms", "funding", "needs", "audiences"),
    "activity": ("activity_types", "needs", "audiences"),
}

# Required by HSDS for an address even when we do not know them (the province is not in site.yaml).
ALWAYS = {"state_province", "postal_code"}

class Tables:
    """The HSDS tables of one site graph, with indexes to nest them."""

    def __init__(self, graph: SiteGraph):
        self.graph = graph
        self.rows: dict[str, list[dict[str, Any]]] = {name: [] for name in COLUMNS}
        self.source: dict[str, Node] = {}  # service or organization id -> the content item
        self._indexes: dict[tuple[str, str], dict[str, list[dict]]] = {}
        self._fill()

    # ------------------------------------------------------------------ lookups

    def by(self, table: str, column: str, value: str) -> list[dict[str, Any]]:
        key = (table, column)
        if key not in self._indexes:
            index: dict[str, list[dict]] = defaultdict(list)
            for row in self.rows[table]:
                if row.get(column):
                    index[row[column]].append(row)
            self._indexes[key] = index
        return self._indexes[key].get(value, [])

    def one(self, table: str, row_id: str) -> dict[str, Any] | None:
        found = self.by(table, "id", row_id)
        return found[0] if found else None

    # ------------------------------------------------------------------ filling

    def _id(self, *parts: str) -> str:
        return stable_id(self.graph, "hsds", *parts)

    def _add(self, table: str, **values: Any) -> dict[str, Any]:
        row = {column: values[column] for column in COLUMNS[table]
               if values.get(column) not in (None, "") or (column in ALWAYS and column in values)}
        self.rows[table].append(row)
        return row

    def _fill(self) -> None:
        graph = self.graph
        lang = graph.default_lang
        self._taxonomies()
        for node in graph.items("organisation", lang):
            self._organization(node)
        for node in graph.items("offer", lang):
            self._offer(node)
        for node in graph.items("activity", lang):
            self._activity(node)

    def org_id(self, translation_key: str) -> str:
        return self._id("organisation", translation_key)

    def _taxonomies(self) -> None:
        graph = self.graph
        for name, vocabulary in sorted(graph.vocabularies.items()):
            taxonomy_id = self._id("vocabulary", name)
            title = vocabulary.name.get("nl") or name
            self._add("taxonomy", id=taxonomy_id, name=title,
                      description=f"{title}: lijst van {graph.site.municipality} (Hulpwijzer, code '{name}')",
                      uri=f"{graph.site.base_url}/open-data/#{name}")
            for term in vocabulary.terms:
                label = term.label.get("nl") or term.slug
                self._add("taxonomy_term", id=self._id("vocabulary", name, term.slug), code=term.slug, name=label,
                          description=term.description.get("nl") or label, taxonomy=name, language="nl", taxonomy_id=taxonomy_id)

    def _attributes(self, node: Node, link_id: str, entity: str) -> None:
        for vocabulary in VOCABULARIES_PER_TYPE[node.type_name]:
            value = getattr(node.data, VOCABULARY_FIELDS.get(vocabulary, vocabulary), None)
            for slug in value if isinstance(value, list) else [value] if value else []:
                term_id = self._id("vocabulary", vocabulary, slug)
                self._add("attribute", id=self._id("attribute", link_id, term_id), link_id=link_id, taxonomy_term_id=term_id,
                          link_type=vocabulary, link_entity=entity)

    def _location(self, owner: str, location, organization_id: str | None, languages=(), accessibility=None, hours=None) -> str:
        graph = self.graph
        location_id = self._id(owner, "location")
        city = graph.label("places", location.place, "nl") if location.place else graph.site.municipality
        self._add("location", id=location_id, location_type="physical", organization_id=organization_id,
                  name=location.name or location.address or city, latitude=location.latitude, longitude=location.longitude)
        if location.address:
            self._add("address", id=self._id(owner, "address"), location_id=location_id, address_1=location.address, city=city,
                      state_province="", postal_code=location.postcode or "", country="NL", address_type="physical")
        for code in languages:
            self._add("language", id=self._id(owner, "language", code), location_id=location_id,
                      name=language_info(code).dutch_name if is_known(code) else code, code=code)
        if accessibility:
            self._add("accessibility", id=self._id(owner, "accessibility"), location_id=location_id, description=accessibility)
        if hours:
            self._add("schedule", id=self._id(owner, "opening-hours"), location_id=location_id, description=hours)
        return location_id

    def _organization(self, node: Node) -> None:
        data = node.data
        base = self.graph.site.base_url
        org_id = self.org_id(node.translation_key)
        self.source[org_id] = node
        self._add("organization", id=org_id, name=data.title, description=data.summary, email=data.email,
                  website=data.website if data.website and data.website.startswith("http") else None,
                  logo=base + "/" + data.logo.src if data.logo else None, uri=base + node.url)
        if data.phone:
            self._add("phone", id=self._id("organisation", node.translation_key, "phone"), organization_id=org_id,
                      number=data.phone, type="voice")
        for index, location in enumerate(data.locations):
            self._location(f"organisation/{node.translation_key}/{index}", location, org_id, data.languages,
                           data.accessibility, data.opening_hours if index == 0 else None)
        self._attributes(node, org_id, "organization")

    def _service(self, node: Node, organization_key: str, **values: Any) -> str:
        service_id = self._id(node.type_name, node.translation_key)
        self.source[service_id] = node
        last_modified = dt.datetime.combine(node.data.last_reviewed, dt.time(0, 0), dt.timezone.utc)
        self._add("service", id=service_id, organization_id=self.org_id(organization_key), name=node.data.title,
                  description=node.data.summary, url=self.graph.site.base_url + node.url,
                  last_modified=last_modified.isoformat().replace("+00:00", "Z"), **values)
        cost = node.data.cost
        if cost:
            self._add("cost_option", id=self._id(node.type_name, node.translation_key, "cost"), service_id=service_id,
                      option=cost, currency="EUR", amount=price(cost), amount_description=cost)
        self._attributes(node, service_id, "service")
        return service_id

    def _at_location(self, service_id: str, location_id: str, description: str | None = None) -> None:
        self._add("service_at_location", id=self._id("service_at_location", service_id, location_id),
                  service_id=service_id, location_id=location_id, description=description)

    def _offer(self, node: Node) -> None:
        data = node.data
        graph = self.graph
        eligibility = data.for_whom + (" Indicatie nodig." if data.referral_needed else " Geen indicatie nodig.")
        contact = data.contact
        service_id = self._service(
            node, data.provider, status="active", application_process=data.how_to_apply, fees_description=data.cost,
            eligibility_description=eligibility, minimum_age=data.age_min, maximum_age=data.age_max,
            email=contact.email if contact else None,
        )
        key = f"offer/{node.translation_key}"
        for slug in data.funding:
            self._add("funding", id=self._id(key, "funding", slug), service_id=service_id, source=graph.label("funding", slug, "nl"))
        for slug in data.places or [None]:
            name = graph.label("places", slug, "nl") if slug else graph.site.municipality
            self._add("service_area", id=self._id(key, "area", slug or "all"), service_id=service_id, name=name,
                      description=None if slug else "de hele gemeente")
        if data.frequency:
            self._add("schedule", id=self._id(key, "frequency"), service_id=service_id, description=data.frequency)
        if contact is not None and (contact.name or contact.email or contact.phone):
            contact_id = self._id(key, "contact")
            self._add("contact", id=contact_id, service_id=service_id, name=contact.name, email=contact.email)
            if contact.phone:
                self._add("phone", id=self._id(key, "contact-phone"), contact_id=contact_id, service_id=service_id,
                          number=contact.phone, type="voice")
        if data.location is not None:
            self._at_location(service_id, self._location(key, data.location, None))

    def _activity(self, node: Node) -> None:
        data = node.data
        registration = data.registration
        process = ("Aanmelden is nodig." if registration.required else "Aanmelden is niet nodig.") + (
            f" {registration.how}" if registration.how else "")
        service_id = self._service(node, data.organiser, status="active" if self.graph.is_current(node) else "inactive",
                                   application_process=process, fees_description=data.cost)
        key = f"activity/{node.translation_key}"
        if data.location is not None:
            self._at_location(service_id, self._location(key, data.location, None))
        if data.online:
            location_id = self._id(key, "online")
            self._add("location", id=location_id, location_type="virtual", name="Online",
                      url=self.graph.site.base_url + node.url)
            self._at_location(service_id, location_id, "Online")
        self._add("schedule", **activity_schedule(data), id=self._id(key, "schedule"), service_id=service_id)


def activity_schedule(data) -> dict[str, Any]:
    """An activity's dates as an HSDS schedule (RFC 5545 fields); what HSDS cannot hold goes into notes."""
    start, end = dates.local(data.start), dates.local(data.end)
    values: dict[str, Any] = {
        "dtstart": start.date().isoformat(), "valid_from": start.date().isoformat(),
        "opens_at": start.strftime("%H:%M"), "closes_at": end.strftime("%H:%M"),
    }
    last = dates.last_end(data)
    if last is not None:
        values["valid_to"] = last.date().isoformat()
    recurrence = data.recurrence
    notes = []
    if recurrence is None:
        values["description"] = f"Eenmalig op {start:%d-%m-%Y}, {start:%H:%M}–{end:%H:%M} uur."
        return values
    if recurrence.rrule:
        rule = vRecur.from_ical(recurrence.rrule)
        freq = (rule.get("FREQ") or [""])[0]
        if freq in ("WEEKLY", "MONTHLY"):
            values["freq"] = freq
            values["interval"] = (rule.get("INTERVAL") or [1])[0]
            if rule.get("BYDAY"):
                values["byday"] = ",".join(str(day) for day in rule["BYDAY"])
            if rule.get("BYMONTHDAY"):
                values["bymonthday"] = ",".join(str(day) for day in rule["BYMONTHDAY"])
            if rule.get("COUNT"):
                values["count"] = rule["COUNT"][0]
            if rule.get("UNTIL"):
                until = rule["UNTIL"][0]
                values["until"] = (until.date() if isinstance(until, dt.datetime) else until).isoformat()
            if rule.get("WKST"):
                values["wkst"] = str(rule["WKST"][0])
        else:
            notes.append(f"Herhaling (RRULE): {recurrence.rrule}")
    if recurrence.dates:
        notes.append("Extra data: " + ", ".join(f"{dates.local(d):%d-%m-%Y %H:%M}" for d in recurrence.dates))
    if recurrence.exdates:
        notes.append("Gaat niet door op: " + ", ".join(f"{dates.local(d):%d-%m-%Y}" for d in recurrence.exdates))
    if notes:
        values["notes"] = " ".join(notes)
    values["description"] = f"Van {start:%H:%M} tot {end:%H:%M} uur, vanaf {start:%d-%m-%Y}."
    return values


def tables(graph: SiteGraph) -> Tables:
    """The tables of this build, made once and then shared by every output."""
    return graph.memo("hsds-tables", None, lambda: Tables(graph))
