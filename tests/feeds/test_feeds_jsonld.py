"""schema.org JSON-LD on every detail page: valid JSON-LD, the properties Google requires."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from pyld import jsonld

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
MAIN_TYPES = {
    "organisation": {"Organization"},
    "activity": {"Event"},
    "vacancy": {"JobPosting"},
    "offer": {"Service"},
    "page": {"WebPage", "FAQPage"},
    "selftest": {"WebPage"},
}
# Offline stand-in for https://schema.org's context: every term is a schema.org IRI.
SCHEMA_CONTEXT = {"@context": {"@vocab": "https://schema.org/"}}


def _loader(url, options=None):
    if url.rstrip("/") in ("https://schema.org", "http://schema.org"):
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}
    raise AssertionError(f"JSON-LD refers to an unexpected context: {url}")


def json_ld_blocks(html: str) -> list[dict]:
    return [json.loads(block) for block in SCRIPT.findall(html)]


def detail_pages(root: Path, public: Path):
    from sitegen.content.read import load_site

    graph = load_site(root, dt.date(2026, 11, 23)).graph
    for node in graph.nodes:
        yield node, public / node.url.lstrip("/") / "index.html"


def _iso(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, f"{value} needs a UTC offset"
    return parsed


def check_event(event: dict) -> None:
    for key in ("name", "startDate", "endDate", "location", "eventStatus", "eventAttendanceMode", "organizer", "description"):
        assert event.get(key), key
    assert _iso(event["startDate"]) < _iso(event["endDate"])
    locations = event["location"] if isinstance(event["location"], list) else [event["location"]]
    for location in locations:
        if location["@type"] == "Place":
            assert location["address"]["@type"] == "PostalAddress" and location["address"]["addressCountry"] == "NL"
        else:
            assert location["@type"] == "VirtualLocation" and location["url"].startswith("https://")
    assert event["organizer"]["name"]
    if "offers" in event:
        assert event["offers"]["@type"] == "Offer"


def check_job(job: dict) -> None:
    for key in ("title", "description", "datePosted", "validThrough", "hiringOrganization", "employmentType"):
        assert job.get(key), key
    assert job["employmentType"] == "VOLUNTEER"
    assert job["hiringOrganization"]["@type"] == "Organization" and job["hiringOrganization"]["name"]
    assert dt.date.fromisoformat(job["datePosted"]) <= _iso(job["validThrough"]).date()
    if job.get("jobLocationType") == "TELECOMMUTE":
        assert job["applicantLocationRequirements"]["@type"] == "Country"
    else:
        assert job["jobLocation"]["address"]["addressCountry"] == "NL"


def check_page(public: Path, node, path: Path) -> None:
    html = path.read_text(encoding="utf-8")
    blocks = json_ld_blocks(html)
    assert len(blocks) == 1, f"{path}: one JSON-LD block"
    block = blocks[0]
    assert block["@context"] == "https://schema.org"
    main, crumbs = block["@graph"]
    assert main["@type"] in MAIN_TYPES[node.type_name], (path, main["@type"])
    assert main.get("name") or main.get("title")
    assert main["url"] == "https://hulpwijzer.example.org" + node.url
    assert crumbs["@type"] == "BreadcrumbList"
    assert [item["position"] for item in crumbs["itemListElement"]] == [1, 2, 3]
    assert crumbs["itemListElement"][-1]["item"] == main["url"]
    if main["@type"] == "Event":
        check_event(main)
    if main["@type"] == "JobPosting":
        check_job(main)
    if main["@type"] == "Service":
        assert main["provider"]["name"] and main["areaServed"]
    expanded = jsonld.expand(block, {"documentLoader": _loader})
    types = {t for entry in expanded for t in entry.get("@type", [])}
    assert {"https://schema.org/" + t for t in MAIN_TYPES[node.type_name]} & types, types


def test_every_detail_page_has_valid_json_ld(feeds_root, feeds_public):
    seen = set()
    for node, path in detail_pages(feeds_root, feeds_public):
        check_page(feeds_public, node, path)
        seen.add(node.type_name)
    assert seen == set(MAIN_TYPES) - {"selftest"}  # the self-test is checked on the demo (test_feeds_demo.py)


def test_recurring_event_has_schedule(feeds_public):
    block = json_ld_blocks((feeds_public / "activiteiten" / "wandelgroep" / "index.html").read_text(encoding="utf-8"))[0]
    event = block["@graph"][0]
    schedule = event["eventSchedule"]
    assert schedule["repeatFrequency"] == "P1W" and schedule["repeatCount"] == 4
    assert schedule["startTime"] == "14:00:00" and schedule["scheduleTimezone"] == "Europe/Amsterdam"
    assert event["startDate"] == "2027-03-16T14:00:00+01:00"
    assert event["isAccessibleForFree"] is True
    monthly = json_ld_blocks((feeds_public / "activiteiten" / "cafe-praat" / "index.html").read_text(encoding="utf-8"))[0]["@graph"][0]
    assert monthly["eventSchedule"]["byDay"] == "https://schema.org/Wednesday" and monthly["eventSchedule"]["byMonthWeek"] == 1
    assert monthly["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert monthly["offers"]["price"] == "5.00" and monthly["offers"]["priceCurrency"] == "EUR"


def test_json_ld_cannot_break_out_of_its_script(feeds_public):
    html = (feeds_public / "vacatures" / "online-maatje" / "index.html").read_text(encoding="utf-8")
    [script] = SCRIPT.findall(html)
    assert "<" not in script and ">" not in script
    job = json.loads(script)["@graph"][0]
    assert job["title"] == "Online taalmaatje & <coach>"
    assert job["jobLocationType"] == "TELECOMMUTE"


@pytest.mark.parametrize("relative", ["vacatures/maatje/index.html", "en/organisaties/steunpunt/index.html"])
def test_translated_and_plain_pages(feeds_public, relative):
    assert json_ld_blocks((feeds_public / relative).read_text(encoding="utf-8"))
