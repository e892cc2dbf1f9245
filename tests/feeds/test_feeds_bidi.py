"""Numbers in the plain text of feeds read in their own order in a right-to-left language: the
iCalendar and Atom texts of an Arabic item isolate them with U+2066 … U+2069; Dutch texts stay as
they are (no invisible characters in a number someone copies)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import icalendar
from support import MINIMAL_SITE, build_site, copy_site

from sitegen.bidi import LRI, PDI

ACTIVITY = """---
title: {title}
summary: {summary}
{extra}last_reviewed: 2026-11-01
organiser: steunpunt
activity_type: lotgenotencontact
start: 2027-03-16 14:00
end: 2027-03-16 15:30
location:
  name: Parkingang
  address: Parklaan 2
  postcode: 1234 AB
  place: testdorp
---

Bel 0800-0113.
"""
ATOM = "{http://www.w3.org/2005/Atom}"


def test_arabic_feed_texts_isolate_numbers_and_dutch_ones_do_not(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path / "site")
    activities = root / "content" / "activities"
    (activities / "wandelen.md").write_text(ACTIVITY.format(title="Wandelen", summary="Samen wandelen. Vragen? Bel 0800-0113.", extra=""))
    arabic = ACTIVITY.format(title="مشي", summary="نمشي معاً. أسئلة؟ اتصل على 0800-0113.", extra="translation_key: wandelen\n")
    (activities / "wandelen.ar.md").write_text(arabic)
    build_site(root, clean=True)
    public = root / "public"

    events = {str(event["SUMMARY"]): event for event in icalendar.Calendar.from_ical((public / "ar" / "agenda.ics").read_bytes()).walk("VEVENT")}
    arabic_event = events["مشي"]
    assert f"اتصل على {LRI}0800-0113{PDI}." in str(arabic_event["DESCRIPTION"])
    assert f"{LRI}1234 AB{PDI}" in str(arabic_event["LOCATION"])
    dutch = next(e for e in icalendar.Calendar.from_ical((public / "agenda.ics").read_bytes()).walk("VEVENT") if str(e["SUMMARY"]) == "Wandelen")
    assert "Bel 0800-0113." in str(dutch["DESCRIPTION"]) and LRI not in str(dutch["DESCRIPTION"])

    feed = ET.parse(public / "ar" / "open-data" / "activiteiten.atom").getroot()
    entry = next(e for e in feed.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}title") == "مشي")
    summary = entry.findtext(f"{ATOM}summary")
    assert f"{LRI}0800-0113{PDI}" in summary and f"{LRI}16-03-2027 14:00{PDI}" in summary
    assert '<bdi dir="ltr">0800-0113</bdi>' in entry.findtext(f"{ATOM}content")
    dutch_feed = (public / "open-data" / "activiteiten.atom").read_text(encoding="utf-8")
    assert LRI not in dutch_feed
