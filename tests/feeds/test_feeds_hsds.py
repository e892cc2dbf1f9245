"""HSDS 3.0: the static API and the datapackage validate against the official schemas, and round-trip."""

from __future__ import annotations

import csv
import datetime as dt
import json
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from feeds_conftest import hsds_schema_dir
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from support import build_site

PAGE_FIELDS = {"total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"}


class Schemas:
    def __init__(self, folder: Path):
        self.folder = folder

        def retrieve(uri: str) -> Resource:
            path = Path(uri.removeprefix("file://"))
            return Resource.from_contents(json.loads(path.read_text(encoding="utf-8")), default_specification=DRAFT202012)

        self.registry = Registry(retrieve=retrieve)
        self._validators: dict[str, Draft202012Validator] = {}

    def validator(self, name: str) -> Draft202012Validator:
        if name not in self._validators:
            path = self.folder / name
            schema = json.loads(path.read_text(encoding="utf-8"))
            schema["$id"] = path.as_uri()
            self._validators[name] = Draft202012Validator(schema, registry=self.registry, format_checker=Draft202012Validator.FORMAT_CHECKER)
        return self._validators[name]

    def errors(self, name: str, document) -> list[str]:
        return [f"{list(e.absolute_path)}: {e.message}" for e in self.validator(name).iter_errors(document)]


@pytest.fixture(scope="module")
def schemas() -> Schemas:
    return Schemas(hsds_schema_dir())


ITEM_SCHEMAS = {
    "services": "compiled/service.json",
    "organizations": "compiled/organization.json",
    "service_at_locations": "compiled/service_at_location.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}
LIST_SCHEMAS = {
    "services": "compiled/service_list.json",
    "organizations": "compiled/organization_list.json",
    "service_at_locations": "compiled/service_at_location_list.json",
    "taxonomies": "taxonomy.json",
    "taxonomy_terms": "taxonomy_term.json",
}


def validate_api(public: Path, schemas: Schemas) -> dict[str, int]:
    """Validate every file of the static API; returns the number of files checked per kind."""
    base = public / "open-data" / "hsds"
    root = json.loads((base / "index.json").read_text(encoding="utf-8"))
    assert root["version"] == "3.0" and root["openapi_url"].startswith("https://")
    counts: dict[str, int] = defaultdict(int)
    problems: list[str] = []
    for name in ITEM_SCHEMAS:
        first = json.loads((base / f"{name}.json").read_text(encoding="utf-8"))
        assert first == json.loads((base / name / "page-1.json").read_text(encoding="utf-8"))
        listed: list[str] = []
        for number in range(1, first["total_pages"] + 1):
            page = json.loads((base / name / f"page-{number}.json").read_text(encoding="utf-8"))
            assert set(page) == PAGE_FIELDS, name
            assert page["page_number"] == number and page["size"] == len(page["contents"])
            assert page["first_page"] == (number == 1) and page["last_page"] == (number == first["total_pages"])
            assert page["empty"] == (first["total_items"] == 0)
            for entry in page["contents"]:
                problems += [f"{name} page {number}: {e}" for e in schemas.errors(LIST_SCHEMAS[name], entry)]
                listed.append(entry["id"])
            counts[name + " pages"] += 1
        assert len(listed) == first["total_items"] == len(set(listed)), name
        files = sorted(p for p in (base / name).glob("*.json") if not p.name.startswith("page-"))
        assert sorted(p.stem for p in files) == sorted(listed), f"{name}: one file per listed id"
        for path in files:
            problems += [f"{path.relative_to(public)}: {e}" for e in schemas.errors(ITEM_SCHEMAS[name], json.loads(path.read_text(encoding="utf-8")))]
            counts[name] += 1
    assert problems == []
    return counts


def read_datapackage(public: Path) -> tuple[dict, dict[str, list[dict[str, str]]]]:
    base = public / "open-data" / "hsds"
    package = json.loads((base / "datapackage.json").read_text(encoding="utf-8"))
    tables = {}
    for resource in package["resources"]:
        with (base / resource["path"]).open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            assert reader.fieldnames == [f["name"] for f in resource["schema"]["fields"]], resource["name"]
            tables[resource["name"]] = list(reader)
    return package, tables


def test_static_api_validates_against_hsds_schemas(feeds_public, schemas):
    counts = validate_api(feeds_public, schemas)
    assert counts["services"] == 6 and counts["organizations"] == 1  # 4 activities + 2 offers
    assert counts["service_at_locations"] == 5 and counts["taxonomies"] >= 12


def test_datapackage_rows_validate_against_tabular_schema(feeds_public, schemas):
    tabular = json.loads((schemas.folder / "compiled" / "tabular.json").read_text(encoding="utf-8"))["properties"]
    package, tables = read_datapackage(feeds_public)
    assert package["profile"] == "tabular-data-package" and package["licenses"][0]["name"] == "CC0-1.0"
    ids = {name: {row["id"] for row in rows} for name, rows in tables.items()}
    problems = []
    for resource in package["resources"]:
        name = resource["name"]
        item_schema = tabular[name]["items"]
        assert resource["path"] == item_schema["path"], name
        types = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        assert set(types) <= set(item_schema["properties"]), f"{name}: columns HSDS does not know"
        required = set(item_schema.get("required", [])) | set(item_schema.get("tabular_required", []))
        assert required <= set(types), f"{name}: required columns missing"
        validator = Draft202012Validator(item_schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
        for row in tables[name]:
            typed = {key: (float(value) if types[key] == "number" else value) for key, value in row.items() if value != "" or key in required}
            problems += [f"{name} {row['id']}: {e.message}" for e in validator.iter_errors(typed)]
        for key in resource["schema"].get("foreignKeys", []):
            column, target = key["fields"][0], key["reference"]["resource"]
            dangling = {row[column] for row in tables[name] if row[column]} - ids[target]
            assert not dangling, f"{name}.{column} points at missing {target} rows"
    assert problems == []
    links = {"service": ids["service"], "organization": ids["organization"], "location": ids["location"]}
    for row in tables["attribute"]:
        assert row["link_id"] in links[row["link_entity"]]


def expected_directory(root: Path) -> dict[str, set[str]]:
    from sitegen.content.read import load_site

    graph = load_site(root, dt.date(2026, 11, 23)).graph
    result: dict[str, set[str]] = {}
    for org in graph.items("organisation", "nl"):
        result[org.title] = {n.title for n in graph.items("offer", "nl") if n.data.provider == org.translation_key} | {
            n.title for n in graph.items("activity", "nl") if n.data.organiser == org.translation_key
        }
    return result


def test_round_trip_datapackage_and_api(feeds_root, feeds_public):
    expected = expected_directory(feeds_root)
    _package, tables = read_datapackage(feeds_public)
    organizations = {row["id"]: row["name"] for row in tables["organization"]}
    from_csv: dict[str, set[str]] = {name: set() for name in organizations.values()}
    for row in tables["service"]:
        from_csv[organizations[row["organization_id"]]].add(row["name"])
    assert from_csv == expected

    base = feeds_public / "open-data" / "hsds"
    from_api: dict[str, set[str]] = {}
    for entry in json.loads((base / "organizations.json").read_text(encoding="utf-8"))["contents"]:
        full = json.loads((base / "organizations" / f"{entry['id']}.json").read_text(encoding="utf-8"))
        from_api[full["name"]] = {service["name"] for service in full["services"]}
    assert from_api == expected

    services = {row["name"]: row for row in tables["service"]}
    walk = json.loads((base / "services" / f"{services['Wandelgroep voor mantelzorgers']['id']}.json").read_text(encoding="utf-8"))
    [schedule] = walk["schedules"]
    assert (schedule["freq"], schedule["count"], schedule["opens_at"], schedule["closes_at"]) == ("WEEKLY", 4, "14:00", "15:30")
    assert "20-04-2027" in schedule["notes"] and "23-03-2027" in schedule["notes"]
    assert walk["cost_options"][0]["amount"] == 0
    assert walk["service_at_locations"][0]["location"]["addresses"][0]["address_1"] == "Parklaan 2"
    cafe = json.loads((base / "services" / f"{services[next(n for n in services if n.startswith('Café'))]['id']}.json").read_text(encoding="utf-8"))
    assert cafe["cost_options"][0]["amount"] == 5
    assert {sal["location"]["location_type"] for sal in cafe["service_at_locations"]} == {"physical", "virtual"}
    oppas = json.loads((base / "services" / f"{services['Oppas aan huis']['id']}.json").read_text(encoding="utf-8"))
    assert oppas["minimum_age"] == 18 and oppas["contacts"][0]["phones"][0]["number"] == "0123 456 780"
    assert {a["taxonomy_term"]["code"] for a in oppas["attributes"]} >= {"dagopvang", "gratis"}


def test_ids_are_stable_uuid5(feeds_public, feeds_root, tmp_path):
    namespace = uuid.uuid5(uuid.NAMESPACE_DNS, "hulpwijzer.example.org")
    expected = str(uuid.uuid5(namespace, "hsds/organisation/steunpunt"))
    assert (feeds_public / "open-data" / "hsds" / "organizations" / f"{expected}.json").is_file()
    again = tmp_path / "again"
    build_site(feeds_root, out=again, clean=True)
    before = sorted(p.relative_to(feeds_public) for p in (feeds_public / "open-data").rglob("*") if p.is_file())
    after = sorted(p.relative_to(again) for p in (again / "open-data").rglob("*") if p.is_file())
    assert before == after
    for relative in before:
        assert (feeds_public / relative).read_bytes() == (again / relative).read_bytes(), relative
