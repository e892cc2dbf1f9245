"""Recorded dependencies and time: what an output read decides when it is rendered again.

The property test (test_incremental_property.py) checks that incremental builds equal clean
builds; these tests check the pieces: what is recorded, and that an unchanged site rebuilt on a
later day renders only what time changed. The content is dated (tests/sites/minimal), so the
build clock is given explicitly and the tests hold on any real date.
"""

from __future__ import annotations

import datetime as dt

import pytest
from support import MINIMAL_SITE, copy_site

from sitegen.build.fingerprint import plan_digest
from sitegen.build.outputs import Output
from sitegen.build.pipeline import BuildOptions, build
from sitegen.build.state import load_state
from sitegen.clock import Clock
from sitegen.content.read import load_site
from sitegen.graph import reads

DAY = dt.date(2026, 11, 23)


@pytest.fixture()
def graph(tmp_path):
    return load_site(copy_site(MINIMAL_SITE, tmp_path), DAY).graph


def test_reading_a_field_records_the_item_and_lookups_record_the_query(graph):
    node = graph.by_key["vacancies/maatje.md"]
    with reads.recording() as recorded:
        assert node.title == "Maatje voor een oudere"
        organisation = graph.resolve("organisation", node.data.organisation, "nl")
    assert recorded.keys == {"vacancies/maatje.md"}
    assert ("resolve", "organisation", "steunpunt", "nl") in recorded.queries
    with reads.recording() as recorded:
        organisation.url  # noqa: B018 - the read is the point
    assert recorded.keys == {"organisations/steunpunt.md"}
    with reads.recording() as recorded:
        assert node.key and node.lang and node.type_name  # from the file name: not content
    assert not recorded.keys


def test_a_memoised_value_carries_its_reads_to_every_user(graph):
    def compute():
        return [n.title for n in graph.items("vacancy", "nl")]

    with reads.recording() as first:
        graph.memo("titles", "nl", compute)
    with reads.recording() as second:
        graph.memo("titles", "nl", compute)  # cached: nothing is read again ...
    assert first.groups == second.groups == {"titles:'nl'"}  # ... but both record the group
    group = graph.groups["titles:'nl'"]
    assert group.keys == {"vacancies/maatje.md", "vacancies/verlopen.md"}
    assert ("items", "vacancy", "nl") in group.queries


def test_time_reads_record_the_day_their_answer_changes(graph):
    vacancy = graph.by_key["vacancies/maatje.md"]  # valid through 2027-03-31
    with reads.recording() as recorded:
        assert graph.is_current(vacancy)
    assert graph.groups[next(iter(recorded.groups))].until == dt.date(2027, 4, 1)

    cafe = graph.by_key["activities/mantelzorgcafe.md"]  # third Tuesday, 14:00-16:00; next: 15 December
    with reads.recording() as recorded:
        dates = graph.next_dates(cafe, 3)
    assert dates[0][0].date() == dt.date(2026, 12, 15)
    assert graph.groups[next(iter(recorded.groups))].until == dt.date(2026, 12, 16)

    page = graph.by_key["pages/even-vrij.md"]
    with reads.recording() as recorded:
        stale = graph.is_stale(page)
    assert not stale
    months = graph.site.review_period_months
    turns_stale = recorded.until
    assert turns_stale is not None
    later = load_site_graph_on(graph, turns_stale)
    assert later.is_stale(later.by_key["pages/even-vrij.md"])
    assert not load_site_graph_on(graph, turns_stale - dt.timedelta(days=1)).is_stale(page), months

    with reads.recording() as recorded:
        graph.today  # noqa: B018 - reading the date itself: good for this day only
    assert recorded.until == DAY + dt.timedelta(days=1)


def load_site_graph_on(graph, day: dt.date):
    from dataclasses import replace

    return replace(graph, day=day, _memo={}, groups={})


def test_an_unstable_value_in_a_plan_is_refused():
    class Opaque:
        pass

    with pytest.raises(TypeError, match="no stable form"):
        plan_digest(Output("x.html", template="x.html", context={"thing": Opaque()}), "")


def test_the_plan_holds_what_the_planner_decided(graph):
    node = graph.by_key["vacancies/maatje.md"]
    one = plan_digest(Output("a.html", template="t.html", context={"items": [node], "total": 1}), "g")
    assert one == plan_digest(Output("a.html", template="t.html", context={"items": [node], "total": 1}), "g")
    assert one != plan_digest(Output("a.html", template="t.html", context={"items": [node], "total": 2}), "g")
    assert one != plan_digest(Output("a.html", template="t.html", context={"items": [node], "total": 1}), "other global inputs")
    text = "x"
    with_closure = plan_digest(Output("b.json", render=lambda text=text: text), "g")
    assert with_closure != plan_digest(Output("b.json", render=lambda text="y": text), "g")


def _state(root):
    return load_state(root, root / "public")


def test_an_unchanged_site_a_day_later_renders_only_what_time_changed(tmp_path):
    root = copy_site(MINIMAL_SITE, tmp_path)
    first = build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    again = build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    assert again.rendered == 0 and not again.changed

    before = _state(root)["outputs"]
    expiring = {path for path, record in before.items() if record.until and record.until <= DAY + dt.timedelta(days=1)}
    next_day = build(BuildOptions(root=root, clock=Clock.on(DAY + dt.timedelta(days=1)), jobs=1))
    after = _state(root)["outputs"]
    replanned = {path for path in after if path in before and after[path].plan != before[path].plan}
    # Rendered: the outputs whose recorded reads said "this changes tomorrow", and those whose plan
    # shows the date: the widget feeds ("generated", docs/widget.md), the agenda ("until ...").
    assert next_day.rendered == len(expiring | replanned) < first.outputs // 4
    assert all(path.startswith("feeds/vacatures/") or "agenda/" in path for path in replanned), replanned
    # What was rendered again and came out byte for byte the same is not reported as changed.
    assert next_day.changed <= expiring | replanned
    far = build(BuildOptions(root=root, clock=Clock.on(dt.date(2027, 6, 1)), jobs=1))
    # By then the vacancy has expired and the café series has ended: their pages and listings change.
    assert "vacatures/maatje/index.html" in far.changed
    assert "activiteiten/mantelzorgcafe/index.html" in far.changed
    assert far.rendered < far.outputs


def test_search_documents_are_kept_and_made_again_only_when_what_they_read_changed(tmp_path, monkeypatch):
    import search.documents as search_documents

    made: list[str] = []
    real = search_documents.document

    def counted(graph, node, lang=None):
        made.append(f"{node.key}:{lang or node.lang}")
        return real(graph, node, lang)

    monkeypatch.setattr(search_documents, "document", counted)
    root = copy_site(MINIMAL_SITE, tmp_path)
    build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    assert "vacancies/maatje.md:nl" in made and "pages/even-vrij.md:nl" in made

    made.clear()
    build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    assert made == []  # nothing changed: every document came from .hulpwijzer/kept.pickle

    organisation = root / "content" / "organisations" / "steunpunt.md"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("title: ", "title: Het ", 1), encoding="utf-8")
    made.clear()
    build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    # The organisation's own document and those that show its name; not the information page.
    assert "organisations/steunpunt.md:nl" in made and "vacancies/maatje.md:nl" in made
    assert "pages/even-vrij.md:nl" not in made

    made.clear()
    build(BuildOptions(root=root, clock=Clock.on(dt.date(2026, 12, 16)), jobs=1))
    # The café's next date (15 December) has passed: its document carries new dates.
    assert "activities/mantelzorgcafe.md:nl" in made and "pages/even-vrij.md:nl" not in made
