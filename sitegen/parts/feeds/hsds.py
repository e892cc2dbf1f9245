"""Open Referral HSDS 3.0: a datapackage (CSV + datapackage.json) and a static, read-only API.

The static API answers the GET paths of the HSDS 3.0 OpenAPI description as
files (see docs/opendata.md for the URL rewrites that make the exact paths work):

* ``/open-data/hsds/index.json``                 -> ``/``
* ``/open-data/hsds/services.json``              -> ``/services`` (page 1)
* ``/open-data/hsds/services/page-2.json``       -> ``/services?page=2``
* ``/open-data/hsds/services/<id>.json``         -> ``/services/{id}``
* the same for organizations, taxonomies, taxonomy_terms and service_at_locations.

Lists carry the pagination fields of the HSDS ``Page`` schema.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Callable, Iterable
from typing import Any

from sitegen import dates
from sitegen.build.outputs import Output
from sitegen.content.types import TYPES as CONTENT_TYPES
from sitegen.graph.site_graph import SiteGraph
from sitegen.parts.feeds.common import OPEN_DATA
from sitegen.parts.feeds.hsds_tables import COLUMNS, TYPES, Tables, tables

BASE = f"{OPEN_DATA}/hsds"
PAGE_SIZE = 100
HSDS_VERSION = "3.0"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
LICENSE = {"name": "CC0-1.0", "title": "Creative Commons Zero v1.0 Universal", "path": "https://creativecommons.org/publicdomain/zero/1.0/"}
# CSV file per table, as named in the HSDS 3.0 tabular schema (compiled/tabular.json).
CSV_PATHS = {
    "organization": "organizations.csv",
    "service": "services.csv",
    "location": "locations.csv",
    "address": "addresses.csv",
    "phone": "phones.csv",
    "contact": "contacts.csv",
    "service_at_location": "service_at_location.csv",
    "schedule": "schedules.csv",
    "cost_option": "cost_options.csv",
    "funding": "funding.csv",
    "service_area": "service_areas.csv",
    "language": "languages.csv",
    "accessibility": "accessibility.csv",
    "taxonomy": "taxonomies.csv",
    "taxonomy_term": "taxonomy_terms.csv",
    "attribute": "attributes.csv",
}
FOREIGN_KEYS = {
    "organization_id": "organization",
    "service_id": "service",
    "location_id": "location",
    "contact_id": "contact",
    "taxonomy_id": "taxonomy",
    "taxonomy_term_id": "taxonomy_term",
}


def generate(graph: SiteGraph, renderer=None) -> Iterable[Output]:
    yield Output(f"{BASE}/index.json", render=lambda: _dumps(api_root(graph)))
    yield Output(f"{BASE}/datapackage.json", render=lambda: _dumps(datapackage(graph)))
    for table in COLUMNS:
        yield Output(f"{BASE}/{CSV_PATHS[table]}", render=lambda table=table: table_csv(tables(graph), table))

    # Counts for the list pages come from the content, without building the tables.
    lang = graph.default_lang
    # Which types HSDS sees as organizations and as services, the registry says.
    organisations = [n for t in CONTENT_TYPES if t.hsds == "organization" for n in graph.items(t.name, lang)]
    services = [n for t in CONTENT_TYPES if t.hsds == "service" for n in graph.items(t.name, lang)]
    term_count = sum(len(v.terms) for v in graph.vocabularies.values())
    counts = {
        "organizations": len(organisations),
        "services": len(services),
        "taxonomies": len(graph.vocabularies),
        "taxonomy_terms": term_count,
        "service_at_locations": sum((n.data.location is not None) + bool(getattr(n.data, "online", False)) for n in services),
    }
    for name, total in counts.items():
        pages = max(1, math.ceil(total / PAGE_SIZE))
        for number in range(1, pages + 1):

            def render(name=name, number=number) -> str:
                return _dumps(list_page(tables(graph), name, number))

            yield Output(f"{BASE}/{name}/page-{number}.json", render=render)
            if number == 1:
                yield Output(f"{BASE}/{name}.json", render=render)

    ids = Ids(graph)
    for node in organisations:
        yield Output(
            f"{BASE}/organizations/{ids.organisation(node)}.json",
            render=lambda node=node: _dumps(organization_full(tables(graph), ids.organisation(node))),
        )
    for node in services:
        service_id = ids.service(node)
        yield Output(f"{BASE}/services/{service_id}.json", render=lambda service_id=service_id: _dumps(service_full(tables(graph), service_id)))
        for location_key in ids.locations(node):
            sal_id = ids.service_at_location(service_id, location_key)
            yield Output(f"{BASE}/service_at_locations/{sal_id}.json", render=lambda sal_id=sal_id: _dumps(service_at_location_full(tables(graph), sal_id)))
    for name, vocabulary in graph.vocabularies.items():
        taxonomy_id = ids.vocabulary(name)
        yield Output(f"{BASE}/taxonomies/{taxonomy_id}.json", render=lambda taxonomy_id=taxonomy_id: _dumps(tables(graph).one("taxonomy", taxonomy_id)))
        for term in vocabulary.terms:
            term_id = ids.vocabulary(name, term.slug)
            yield Output(f"{BASE}/taxonomy_terms/{term_id}.json", render=lambda term_id=term_id: _dumps(term_full(tables(graph), term_id)))


class Ids:
    """The same IDs as hsds_tables, computed without building the tables (for planning)."""

    build_wide = True  # the same for every output (sitegen.build.fingerprint)

    def __init__(self, graph: SiteGraph):
        from sitegen.parts.feeds.common import stable_id

        self._id: Callable[..., str] = lambda *parts: stable_id(graph, "hsds", *parts)

    def organisation(self, node) -> str:
        return self._id("organisation", node.translation_key)

    def service(self, node) -> str:
        return self._id(node.type_name, node.translation_key)

    def vocabulary(self, *parts: str) -> str:
        return self._id("vocabulary", *parts)

    def locations(self, node) -> list[str]:
        key = f"{node.type_name}/{node.translation_key}"
        found = [self._id(key, "location")] if node.data.location is not None else []
        if getattr(node.data, "online", False):
            found.append(self._id(key, "online"))
        return found

    def service_at_location(self, service_id: str, location_id: str) -> str:
        return self._id("service_at_location", service_id, location_id)


# ----------------------------------------------------------------------------- nested records


def term_full(t: Tables, term_id: str) -> dict[str, Any]:
    term = dict(t.one("taxonomy_term", term_id) or {})
    taxonomy = t.one("taxonomy", term.get("taxonomy_id", ""))
    if taxonomy:
        term["taxonomy_detail"] = dict(taxonomy)
    return term


def attributes(t: Tables, link_id: str) -> list[dict[str, Any]]:
    return [{**row, "taxonomy_term": term_full(t, row["taxonomy_term_id"])} for row in t.by("attribute", "link_id", link_id)]


def location_full(t: Tables, location_id: str) -> dict[str, Any]:
    location = dict(t.one("location", location_id) or {})
    location.update(
        addresses=list(t.by("address", "location_id", location_id)),
        languages=list(t.by("language", "location_id", location_id)),
        accessibility=list(t.by("accessibility", "location_id", location_id)),
        phones=list(t.by("phone", "location_id", location_id)),
        schedules=list(t.by("schedule", "location_id", location_id)),
        attributes=attributes(t, location_id),
    )
    return location


def contact_full(t: Tables, contact: dict[str, Any]) -> dict[str, Any]:
    return {**contact, "phones": list(t.by("phone", "contact_id", contact["id"]))}


def service_at_location_full(t: Tables, sal_id: str, with_service: bool = True) -> dict[str, Any]:
    sal = dict(t.one("service_at_location", sal_id) or {})
    sal.update(contacts=[], phones=[], schedules=[], location=location_full(t, sal["location_id"]), attributes=[])
    if with_service:
        sal["service"] = dict(t.one("service", sal["service_id"]) or {})
    return sal


def service_full(t: Tables, service_id: str) -> dict[str, Any]:
    service = dict(t.one("service", service_id) or {})
    service.update(
        phones=[row for row in t.by("phone", "service_id", service_id) if not row.get("contact_id")],
        schedules=list(t.by("schedule", "service_id", service_id)),
        service_areas=list(t.by("service_area", "service_id", service_id)),
        service_at_locations=[service_at_location_full(t, row["id"], with_service=False) for row in t.by("service_at_location", "service_id", service_id)],
        languages=list(t.by("language", "service_id", service_id)),
        organization=dict(t.one("organization", service.get("organization_id", "")) or {}),
        funding=list(t.by("funding", "service_id", service_id)),
        cost_options=list(t.by("cost_option", "service_id", service_id)),
        required_documents=[],
        contacts=[contact_full(t, row) for row in t.by("contact", "service_id", service_id)],
        attributes=attributes(t, service_id),
    )
    return service


def organization_full(t: Tables, org_id: str) -> dict[str, Any]:
    organization = dict(t.one("organization", org_id) or {})
    organization.update(
        funding=[],
        contacts=[contact_full(t, row) for row in t.by("contact", "organization_id", org_id)],
        phones=list(t.by("phone", "organization_id", org_id)),
        locations=[location_full(t, row["id"]) for row in t.by("location", "organization_id", org_id)],
        programs=[],
        organization_identifiers=[],
        attributes=attributes(t, org_id),
        services=[dict(row) for row in t.by("service", "organization_id", org_id)],
    )
    return organization


# ----------------------------------------------------------------------------- API files


LIST_TABLES = {
    "organizations": "organization",
    "services": "service",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "service_at_locations": "service_at_location",
}


def list_page(t: Tables, name: str, number: int) -> dict[str, Any]:
    rows = sorted(t.rows[LIST_TABLES[name]], key=lambda row: (row.get("name") or "", row["id"]))
    total = len(rows)
    pages = max(1, math.ceil(total / PAGE_SIZE))
    contents = rows[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
    if name == "service_at_locations":
        contents = [
            {**row, "location": dict(t.one("location", row["location_id"]) or {}), "service": dict(t.one("service", row["service_id"]) or {})}
            for row in contents
        ]
    return {
        "total_items": total,
        "total_pages": pages,
        "page_number": number,
        "size": len(contents),
        "first_page": number == 1,
        "last_page": number == pages,
        "empty": total == 0,
        "contents": contents,
    }


def api_root(graph: SiteGraph) -> dict[str, Any]:
    return {"version": HSDS_VERSION, "profile": graph.site.base_url + "/open-data/", "openapi_url": OPENAPI_URL}


def datapackage(graph: SiteGraph) -> dict[str, Any]:
    resources = []
    for table, columns in COLUMNS.items():
        fields = []
        for column in columns:
            kind = "string" if column == "id" or column.endswith("_id") else TYPES.get(column, "string")
            entry: dict[str, Any] = {"name": column, "type": kind}
            if column == "id" or column.endswith("_id"):
                entry["format"] = "uuid"
            fields.append(entry)
        schema: dict[str, Any] = {"fields": fields, "primaryKey": ["id"]}
        keys = [
            {"fields": [column], "reference": {"resource": FOREIGN_KEYS[column], "fields": ["id"]}}
            for column in columns
            if column in FOREIGN_KEYS and column != "id"
        ]
        if table == "attribute":  # link_id points at a row of the table named in link_entity
            keys = [key for key in keys if key["fields"] != ["link_id"]]
        if keys:
            schema["foreignKeys"] = keys
        resources.append(
            {
                "name": table,
                "path": CSV_PATHS[table],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    name = graph.site.name.get("nl") or next(iter(graph.site.name.values()))
    return {
        "name": "hulpwijzer-" + "".join(c if c.isalnum() else "-" for c in graph.site.municipality.lower()),
        "title": f"{name}: organisaties, respijtzorg en activiteiten (HSDS 3.0)",
        "description": "Open Referral HSDS 3.0-export van de Hulpwijzer. Alleen Nederlandstalige gegevens.",
        "profile": "tabular-data-package",
        "homepage": graph.site.base_url + "/open-data/",
        "version": HSDS_VERSION,
        # The Data Package spec wants an RFC 3339 date-time; the build date's start in Amsterdam keeps
        # the file the same for every build of one day (time is an input, not the wall clock).
        "created": dt.datetime.combine(graph.today, dt.time(0), dates.TIMEZONE).isoformat(),
        "licenses": [LICENSE],
        "resources": resources,
    }


def table_csv(t: Tables, table: str) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS[table], lineterminator="\r\n")
    writer.writeheader()
    for row in sorted(t.rows[table], key=lambda row: row["id"]):
        writer.writerow({key: _csv_value(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8")


def _csv_value(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
