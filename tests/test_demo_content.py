"""The demo content in content/: what other parts (theme, search, widget, feeds, CMS) rely on.

The build date is fixed at TEST_TODAY (2026-11-23); the demo is dated around it.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections import Counter

import pytest

from sitegen import dates
from sitegen.build.pipeline import check
from sitegen.clock import Clock
from sitegen.content.read import load_site
from sitegen.content.scaffold import format_content
from tests.support import REPO, TEST_TODAY

TODAY = dt.date.fromisoformat(TEST_TODAY)
ARABIC = re.compile("[\u0600-\u06ff]")
DST_SWITCH = dt.date(2027, 3, 28)


@pytest.fixture(scope="module")
def site():
    return load_site(REPO, TODAY)


@pytest.fixture(scope="module")
def graph(site):
    return site.graph


def dutch(graph, type_name):
    return graph.items(type_name, "nl")


def texts(node) -> str:
    """All Dutch prose of an item, lower-cased, for word checks."""
    data = node.data
    parts = [data.title, data.summary, data.body]
    for name in ("for_whom", "how_to_apply", "cost", "what_you_do", "what_we_ask", "what_we_offer"):
        parts.append(getattr(data, name, None) or "")
    for question in getattr(data, "faq", []):
        parts += [question.question, question.answer]
    return "\n".join(parts).lower()


def test_check_is_clean_without_warnings(site):
    assert [p.format() for p in site.problems] == []
    assert [p.format() for p in check(REPO, Clock.on(TODAY))] == []
    result = subprocess.run(
        [sys.executable, "-m", "sitegen.cli.main", "--root", str(REPO), "check", "--today", TEST_TODAY],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Alles in orde (0 waarschuwing(en))" in result.stdout


def test_files_are_in_canonical_form():
    changed, problems = format_content(REPO, write=False)
    assert problems == []
    assert changed == [], "run `hulpwijzer format`: " + ", ".join(changed)


def test_counts_per_type(graph):
    counts = Counter(node.type_name for node in graph.nodes if node.lang == "nl")
    assert counts["page"] >= 25
    assert counts["organisation"] >= 25
    assert counts["activity"] >= 30
    assert counts["offer"] >= 15
    assert counts["vacancy"] >= 40


def test_translations_into_english_and_arabic(graph):
    languages: dict[tuple[str, str], set[str]] = {}
    for node in graph.nodes:
        languages.setdefault((node.type_name, node.translation_key), set()).add(node.lang)
    complete = [key for key, langs in languages.items() if {"nl", "en", "ar"} <= langs]
    assert len(complete) >= 5
    assert {"page", "organisation", "activity", "vacancy"} <= {type_name for type_name, _ in complete}
    assert ("page", "even-vrij") in complete and ("page", "ben-ik-mantelzorger") in complete
    for node in graph.nodes:
        if node.lang == "ar":
            assert ARABIC.search(node.data.title) and ARABIC.search(node.data.summary), node.key
        if node.lang in ("en", "ar"):
            assert graph.resolve(node.type_name, node.translation_key, "nl") is not None, node.key


def test_vacancies_expired_current_remote_and_buddies(graph):
    vacancies = dutch(graph, "vacancy")
    expired = [v for v in vacancies if v.data.valid_through < TODAY]
    current = [v for v in vacancies if graph.is_current(v)]
    assert len(expired) >= 6
    assert all(not graph.is_current(v) for v in expired)
    assert len(current) + len(expired) == len(vacancies), "a vacancy is neither expired nor current (posted in the future?)"
    assert all(v.data.valid_through >= dt.date(2027, 6, 30) for v in current)
    assert len([v for v in current if v.data.remote]) >= 2
    assert len([v for v in current if "maatje" in v.data.title.lower()]) >= 3
    used_sectors = {s for v in current for s in v.data.sectors}
    assert used_sectors == {t.slug for t in graph.vocabularies["sectors"].terms}
    used_places = {v.data.location.place for v in current if v.data.location and v.data.location.place}
    assert used_places == {t.slug for t in graph.vocabularies["places"].terms}
    for vocabulary, name in (("times", "times"), ("suitable_for", "suitable_for"), ("benefits", "benefits")):
        used = {term for v in current for term in getattr(v.data, name)}
        assert used == {t.slug for t in graph.vocabularies[vocabulary].terms}, vocabulary
    assert {v.data.commitment for v in current} == {"eenmalig", "kortlopend", "structureel"}


def test_activities_past_future_and_recurring(graph):
    activities = dutch(graph, "activity")
    past = [a for a in activities if not graph.is_current(a)]
    assert len(past) >= 4
    day_of_carers = graph.resolve("activity", "dag-van-de-mantelzorg-2026", "nl")
    assert day_of_carers.data.start.date() == dt.date(2026, 11, 10) and day_of_carers in past
    upcoming = [a for a in activities if graph.next_dates(a, 1)]
    assert len(upcoming) >= 20
    in_season = [a for a in upcoming if dt.date(2026, 12, 1) <= graph.next_dates(a, 1)[0][0].date() <= dt.date(2027, 7, 15)]
    assert len(in_season) >= len(upcoming) // 2

    recurring = [a for a in activities if a.data.recurrence]
    rules = [a.data.recurrence.rrule or "" for a in recurring]
    assert "FREQ=MONTHLY;BYDAY=3TU;COUNT=10" in rules
    assert any(rule.startswith("FREQ=WEEKLY;BYDAY=WE") and "COUNT" not in rule and "UNTIL" not in rule for rule in rules)
    assert any(dates.last_end(a.data) is None for a in recurring), "no unbounded series"
    assert any(a.data.recurrence.dates and a.data.recurrence.exdates for a in recurring)
    assert any(a.data.recurrence.dates and not a.data.recurrence.rrule for a in recurring), "no series of explicit dates only"

    def spans_dst(activity) -> bool:
        starts = [start for start, _ in dates.occurrences(activity.data, limit=60)]
        before = [s for s in starts if s.date() < DST_SWITCH]
        after = [s for s in starts if s.date() > DST_SWITCH]
        return bool(before and after) and before[-1].time() == after[0].time() and before[-1].utcoffset() != after[0].utcoffset()

    assert any(spans_dst(a) for a in recurring if (a.data.recurrence.rrule or "").startswith("FREQ=WEEKLY;") and "COUNT" in a.data.recurrence.rrule)
    types = {a.data.activity_type for a in activities}
    assert types == {t.slug for t in graph.vocabularies["activity_types"].terms}
    titles = " ".join(a.data.title.lower() for a in activities)
    for word in ("alzheimercafé", "mantelzorgcafé", "nah-café", "cursus", "nl doet", "brussengroep", "vrijwilligersmarkt", "dag van de mantelzorg"):
        assert word in titles, word


def test_every_need_and_respite_form_and_funding_is_covered(graph):
    needs = {t.slug for t in graph.vocabularies["needs"].terms}
    assert {n for p in dutch(graph, "page") for n in p.data.needs} == needs
    assert {n for o in dutch(graph, "organisation") for n in o.data.needs} == needs
    offers = dutch(graph, "offer")
    assert {f for o in offers for f in o.data.forms} == {t.slug for t in graph.vocabularies["respite_forms"].terms}
    assert {f for o in offers for f in o.data.funding} == {t.slug for t in graph.vocabularies["funding"].terms}
    assert {o.data.referral_needed for o in offers} == {True, False}
    assert all(o.data.cost and o.data.how_to_apply for o in offers)
    phases = {t.slug for t in graph.vocabularies["life_phases"].terms}
    assert {ph for p in dutch(graph, "page") for ph in p.data.life_phases} == phases
    audiences = {t.slug for t in graph.vocabularies["audiences"].terms}
    used = {a for node in graph.nodes if node.lang == "nl" for a in node.data.audiences}
    assert used == audiences


def test_topics_of_the_information_pages(graph):
    slugs = {p.slug for p in dutch(graph, "page")}
    for slug in (
        "ben-ik-mantelzorger",
        "even-vrij",
        "respijtzorg-kosten-en-indicatie",
        "ik-kan-het-niet-meer-aan",
        "praten-met-anderen",
        "jonge-mantelzorgers",
        "werk-en-mantelzorg",
        "mantelzorgwaardering",
        "pgb",
        "wmo-aanvragen",
        "dementie",
        "na-de-mantelzorg",
        "vrijwilligersverzekering",
        "vrijwilligersvergoeding",
        "vog",
    ):
        assert slug in slugs, slug
    pages = dutch(graph, "page")
    assert len([p for p in pages if p.data.faq]) >= 10
    assert len([p for p in pages if p.data.related_links]) >= 10
    assert len([p for p in pages if p.data.contact]) >= 20


def test_everyday_words_appear_in_pages_and_offers(graph):
    text = "\n".join(texts(node) for node in dutch(graph, "page") + dutch(graph, "offer"))
    for phrase in (
        "even vrij",
        "oppas",
        "logeren",
        "logeert",
        "zorgen voor mijn moeder",
        "praten met anderen",
        "vervangende zorg",
        "pgb",
        "geld",
        "maatje",
        "ik kan het niet meer aan",
        "mantelzorgwaardering",
        "dagbesteding",
    ):
        assert phrase in text, phrase
    assert "vanuit huis" in "\n".join(texts(v) for v in dutch(graph, "vacancy"))


def test_one_form_of_address(graph):
    informal = re.compile(r"\b(je|jij|jouw|jullie)\b")
    for node in graph.nodes:
        if node.lang == "nl":
            assert not informal.search(texts(node)), node.key


def test_organisations_have_the_details_residents_need(graph):
    organisations = dutch(graph, "organisation")
    assert all(o.data.phone and o.data.locations and o.data.opening_hours for o in organisations)
    spoken = {code for o in organisations for code in o.data.languages}
    assert {"tr", "ar", "pl", "uk", "en"} <= spoken
    assert len([o for o in organisations if o.data.accessibility]) >= len(organisations) - 6
    assert {loc.place for o in organisations for loc in o.data.locations} == {t.slug for t in graph.vocabularies["places"].terms}


def test_vocabularies_are_complete_and_trilingual(graph):
    for name, vocabulary in graph.vocabularies.items():
        for term in vocabulary.terms:
            assert {"nl", "en", "ar"} <= set(term.label), f"{name}/{term.slug}"
            assert ARABIC.search(term.label["ar"]), f"{name}/{term.slug}"
            assert term.description.get("nl"), f"{name}/{term.slug}"
    for name in ("needs", "respite_forms", "audiences"):
        for term in graph.vocabularies[name].terms:
            assert term.everyday.get("nl") and term.synonyms, f"{name}/{term.slug}"
    synonyms = {s for t in graph.vocabularies["needs"].terms + graph.vocabularies["respite_forms"].terms for s in t.synonyms}
    assert {"even vrij", "oppas", "logeren", "praten met anderen", "geld", "pgb", "repsijtzorg", "mantelzorgwaardeing"} <= synonyms
    assert len(graph.vocabularies["places"].terms) in range(5, 8)
    assert len(graph.vocabularies["needs"].terms) == 8


def test_site_config(graph):
    site = graph.site
    assert site.languages == ["nl", "en", "ar"]
    assert site.base_url == "https://hulpwijzer.example.org"
    assert [entry.url for entry in site.menu] == ["/informatie/", "/respijtzorg/", "/activiteiten/", "/organisaties/", "/vacatures/"]
    assert {entry.url for entry in site.footer_links} == {"/toegankelijkheid/", "/privacy/", "/open-data/", "/folder/", "/kaart/"}
    assert site.loket.email.endswith("example.org")
    assert {"nl", "en", "ar"} <= set(site.loket.opening_hours)
    assert {line.phone for line in site.crisis_lines} >= {"030 760 60 55", "0800-0113", "088 0767 000"}


def test_no_real_looking_contact_data(graph):
    """Fictional contact data: e-mail and websites on example.org, phone numbers in the unused 0123 area."""
    for node in graph.nodes:
        data = node.data
        for value in (getattr(data, "email", None), getattr(getattr(data, "contact", None), "email", None)):
            if value:
                assert value.endswith("example.org"), node.key
        website = getattr(data, "website", None)
        if website:
            assert ".example.org" in website, node.key
        for value in (getattr(data, "phone", None), getattr(getattr(data, "contact", None), "phone", None)):
            if value:
                assert value.startswith("0123 "), node.key
