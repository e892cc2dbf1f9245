"""iCalendar: parses with two independent parsers, recurrence incl. DST, stable UIDs, right events per feed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import recurring_ical_events
import vobject
from support import build_site

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def read(public: Path, path: str) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical((public / path).read_bytes())


def uids(calendar: icalendar.Calendar) -> set[str]:
    return {str(event["UID"]) for event in calendar.walk("VEVENT")}


def test_every_ics_parses_with_icalendar_and_vobject(feeds_public):
    files = sorted(feeds_public.rglob("*.ics"))
    assert len(files) >= 12, files
    for path in files:
        text = path.read_text(encoding="utf-8")
        calendar = icalendar.Calendar.from_ical(text)
        assert str(calendar["VERSION"]) == "2.0"
        assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"], path
        parsed = list(vobject.readComponents(text))
        assert len(parsed) == 1, path
        vevents = parsed[0].contents.get("vevent", [])
        assert len(vevents) == len(calendar.walk("VEVENT")), path
        for vevent in vevents:
            assert vevent.uid.value and vevent.summary.value, path
            start = vevent.dtstart.value
            assert start.tzinfo is not None and start.utcoffset() in (dt.timedelta(hours=1), dt.timedelta(hours=2)), path


def test_single_activity_file_and_link(feeds_public):
    calendar = read(feeds_public, "activiteiten/wandelgroep/agenda.ics")
    [event] = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Wandelgroep voor mantelzorgers"
    assert str(event["URL"]) == "https://hulpwijzer.example.org/activiteiten/wandelgroep/"
    assert event["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert "RRULE" in event and "RDATE" in event and "EXDATE" in event
    assert str(event["ORGANIZER"]) == "mailto:info@example.org"
    html = (feeds_public / "activiteiten" / "wandelgroep" / "index.html").read_text(encoding="utf-8")
    assert 'href="/activiteiten/wandelgroep/agenda.ics"' in html
    assert "Zet in mijn agenda" in html
    english = (feeds_public / "en" / "activiteiten" / "wandelgroep" / "index.html").read_text(encoding="utf-8")
    assert 'href="/en/activiteiten/wandelgroep/agenda.ics"' in english and "Add to my calendar" in english


def test_weekly_activity_stays_at_14_00_local_across_dst(feeds_public):
    calendar = read(feeds_public, "activiteiten/wandelgroep/agenda.ics")
    found = recurring_ical_events.of(calendar).between(dt.datetime(2027, 1, 1), dt.datetime(2027, 12, 31))
    starts = sorted(event["DTSTART"].dt for event in found)
    expected = [dt.datetime(2027, 3, 16, 14, 0), dt.datetime(2027, 3, 30, 14, 0), dt.datetime(2027, 4, 6, 14, 0), dt.datetime(2027, 4, 20, 14, 0)]
    assert [start.astimezone(AMSTERDAM).replace(tzinfo=None) for start in starts] == expected
    # Before the switch 13:00 UTC, after it 12:00 UTC: the local time stays 14:00.
    assert [start.astimezone(dt.UTC).hour for start in starts] == [13, 12, 12, 12]
    assert all((event["DTEND"].dt - event["DTSTART"].dt) == dt.timedelta(minutes=90) for event in found)


def test_monthly_until_matches_the_site_dates(feeds_root, feeds_public):
    calendar = read(feeds_public, "activiteiten/cafe-praat/agenda.ics")
    [event] = calendar.walk("VEVENT")
    until = event["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == dt.timedelta(0), "UNTIL must be UTC with a TZID start"
    found = recurring_ical_events.of(calendar).between(dt.datetime(2026, 12, 1), dt.datetime(2027, 12, 31))
    days = [e["DTSTART"].dt.astimezone(AMSTERDAM).date() for e in sorted(found, key=lambda e: e["DTSTART"].dt)]
    # First Wednesday of each month from December 2026. A date-only UNTIL=20270707 includes that
    # day (the model stores it as UNTIL=20270707T235959); the feed shows exactly the site's dates.
    assert days == [
        dt.date(2026, 12, 2),
        dt.date(2027, 1, 6),
        dt.date(2027, 2, 3),
        dt.date(2027, 3, 3),
        dt.date(2027, 4, 7),
        dt.date(2027, 5, 5),
        dt.date(2027, 6, 2),
        dt.date(2027, 7, 7),
    ]
    from sitegen import dates
    from sitegen.content.read import load_site

    graph = load_site(feeds_root, dt.date(2026, 11, 23)).graph
    node = graph.by_key["activities/cafe-praat.md"]
    assert [start.date() for start, _end in dates.occurrences(node.data)] == days


def test_vtimezone_agrees_with_zoneinfo_for_years_ahead(feeds_public):
    calendar = read(feeds_public, "agenda.ics")
    timezone = calendar.walk("VTIMEZONE")[0].to_tz()
    for year in range(2026, 2046):
        for month, day, hour in ((1, 15, 12), (3, 30, 12), (7, 1, 12), (10, 30, 12), (12, 31, 23)):
            moment = dt.datetime(year, month, day, hour)
            assert timezone.utcoffset(moment) == moment.replace(tzinfo=AMSTERDAM).utcoffset(), moment


def test_feeds_hold_the_right_events(feeds_public):
    everything = uids(read(feeds_public, "agenda.ics"))
    assert everything == {
        "activiteit-mantelzorgcafe@hulpwijzer.example.org",
        "activiteit-wandelgroep@hulpwijzer.example.org",
        "activiteit-cafe-praat@hulpwijzer.example.org",
    }, "past activities (oude-cursus) must not be in the agenda feed"
    assert uids(read(feeds_public, "open-data/agenda/organisatie/steunpunt.ics")) == everything
    assert uids(read(feeds_public, "open-data/agenda/soort/cursus.ics")) == {"activiteit-cafe-praat@hulpwijzer.example.org"}
    english = read(feeds_public, "en/agenda.ics")
    assert uids(english) == everything, "the same event has the same UID in every language"
    titles = {str(e["SUMMARY"]) for e in english.walk("VEVENT")}
    assert "Walking group for carers" in titles
    escaped = read(feeds_public, "activiteiten/cafe-praat/agenda.ics").walk("VEVENT")[0]
    assert str(escaped["SUMMARY"]) == "Café <Praat> & \"koffie\" voor 'jonge' mantelzorgers"
    assert "(ook online)" in str(escaped["LOCATION"])


def test_uids_unchanged_after_rebuild(feeds_root, feeds_public, tmp_path):
    again = tmp_path / "again"
    build_site(feeds_root, out=again, clean=True)
    for path in sorted(feeds_public.rglob("*.ics")):
        relative = path.relative_to(feeds_public)
        assert uids(read(feeds_public, str(relative))) == uids(read(again, str(relative))), relative
        assert path.read_bytes() == (again / relative).read_bytes(), f"{relative} differs between two builds"
