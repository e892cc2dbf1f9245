"""Calendar-proofing: the demo stays lively on any date, the agenda keeps its promise, dates move by whole weeks."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from support import REPO, build_site, rebased_copy, run_clock

from sitegen import dates
from sitegen.content.read import load_site
from sitegen.content.rebase import DEMO_DATED_AROUND, shift_front_matter, weeks_between
from sitegen.parts.pages import current_items


def _days_ahead():
    today = run_clock().today
    spring, autumn = dates.dst_changes(today)
    return {
        "today": today,
        "400 days": today + dt.timedelta(days=400),
        "summer time starts": spring if spring.month == 3 else autumn,
        "summer time ends": autumn if autumn.month == 10 else spring,
        "five years": today + dt.timedelta(days=5 * 365),
    }


@pytest.fixture(scope="module")
def written():
    """The demo's graph on the day it was written for."""
    return load_site(REPO, DEMO_DATED_AROUND).graph


@pytest.mark.parametrize("name", ["today", "400 days", "summer time starts", "summer time ends", "five years"])
def test_rebased_demo_is_as_lively_on_any_day(tmp_path, written, name):
    day = _days_ahead()[name]
    root = rebased_copy(REPO, tmp_path / "site", day)
    graph = load_site(root, day).graph
    upcoming = current_items(graph, "activity", "nl")
    vacancies = current_items(graph, "vacancy", "nl")
    assert len(upcoming) >= 10 and len(vacancies) >= 20, (day, len(upcoming), len(vacancies))
    assert any(not graph.is_current(n) for n in graph.items("vacancy", "nl")), "a few expired vacancies"
    assert any(not graph.is_current(n) for n in graph.items("activity", "nl")), "a few past activities"
    assert any(graph.is_stale(n) for n in graph.nodes), "a stale page for the freshness report"
    # The same story as on the day the demo was written: the same items current.
    assert {n.key for n in vacancies} == {n.key for n in current_items(written, "vacancy", "nl")}


def test_demo_built_400_days_ahead_shows_upcoming_activities_and_current_vacancies(tmp_path):
    day = run_clock().today + dt.timedelta(days=400)
    root = rebased_copy(REPO, tmp_path / "site", day)
    build_site(root, out=tmp_path / "public", clean=True, today=day.isoformat(), jobs=2)
    activities = (tmp_path / "public" / "activiteiten" / "index.html").read_text(encoding="utf-8")
    vacancies = (tmp_path / "public" / "vacatures" / "index.html").read_text(encoding="utf-8")
    listed = tmp_path / "public" / "vacatures" / "pagina" / "2" / "index.html"
    vacancy_cards = vacancies.count('hw-vcard"') + (listed.read_text(encoding="utf-8").count('hw-vcard"') if listed.exists() else 0)
    assert activities.count('<li class="hw-card"') >= 10
    assert vacancy_cards >= 20
    agenda = (tmp_path / "public" / "agenda" / "index.html").read_text(encoding="utf-8")
    agenda = re.sub(r"</?bdi[^>]*>", "", agenda)  # the numbers inside a date are isolated (sitegen/bidi.py)
    starts = [dt.datetime.fromisoformat(v) for v in re.findall(r'class="hw-agenda__date" datetime="([^"]+)"', agenda)]
    assert starts and all(start.date() >= day for start in starts)


def test_agenda_shows_every_date_in_the_window_it_names(tmp_path):
    """A twice-weekly activity is on the agenda every time until the date the page names, not just 12 times."""
    day = DEMO_DATED_AROUND
    root = rebased_copy(REPO, tmp_path / "site", day)
    build_site(root, out=tmp_path / "public", clean=True, today=day.isoformat(), jobs=2)
    agenda = (tmp_path / "public" / "agenda" / "index.html").read_text(encoding="utf-8")
    agenda = re.sub(r"</?bdi[^>]*>", "", agenda)  # the numbers inside a date are isolated (sitegen/bidi.py)
    named = re.search(r"Hier ziet u alle data tot en met ([^.]+)\.", agenda).group(1)
    assert named == "23 februari 2027"
    koffie = re.findall(r'datetime="([^"]+)">[^<]*</time>\s*<a class="hw-agenda__link" href="/activiteiten/koffieochtend-zandloo/"', agenda)
    graph = load_site(root, day).graph
    node = graph.by_key["activities/koffieochtend-zandloo.md"]
    end = dates.start_of_day(dt.date(2027, 2, 24))
    expected = dates.occurrences(node.data, after=graph.now, limit=1000, before=end)
    assert len(koffie) == len(expected) > 24  # Tuesdays and Thursdays for three months


def test_rebase_moves_dates_by_whole_weeks_and_keeps_bodies():
    text = "---\nstart: 2026-12-02 19:00\nrecurrence:\n  rrule: FREQ=WEEKLY;UNTIL=20270101\n  exdates: [2026-12-09 19:00]\nbad: 2026-02-30\n---\n\nOp 2026-12-02 is het feest.\n"
    moved = shift_front_matter(text, 14)
    assert "start: 2026-12-16 19:00" in moved and "UNTIL=20270115" in moved and "[2026-12-23 19:00]" in moved
    assert "bad: 2026-02-30" in moved and "Op 2026-12-02 is het feest." in moved
    assert weeks_between(dt.date(2026, 11, 23), dt.date(2026, 11, 26)) == 0
    assert weeks_between(dt.date(2026, 11, 23), dt.date(2027, 12, 28)) == 57


def test_a_rule_is_searched_for_a_first_date_only_within_the_window():
    """check refuses a rule without a date; looking for one must end (dateutil alone looks up to the year 9999)."""
    start = dt.datetime(2026, 3, 1, 14, 0)
    leap_day = "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"
    assert dates.first_rule_date(leap_day, start) == dt.datetime(2028, 2, 29, 14, 0)
    assert dates.first_rule_date(leap_day, start, years=1) is None  # the window really bounds the search
    assert dates.first_rule_date("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", start) is None
    assert dates.first_rule_date("FREQ=WEEKLY;COUNT=2", start, skip=frozenset({start})) == dt.datetime(2026, 3, 8, 14, 0)
