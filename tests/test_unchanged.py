"""A build with nothing to do stops after reading: no planning, no rendering (sitegen/build/unchanged.py)."""

from __future__ import annotations

import datetime as dt

from support import MINIMAL_SITE, copy_site

import sitegen.build.pipeline as pipeline
from sitegen.build.pipeline import BuildOptions, build
from sitegen.clock import Clock

DAY = dt.date(2026, 11, 23)


def _counting_plans(monkeypatch) -> list[int]:
    planned: list[int] = []
    real = pipeline.plan_outputs

    def counted(ctx, theme):
        planned.append(1)
        return real(ctx, theme)

    monkeypatch.setattr(pipeline, "plan_outputs", counted)
    return planned


def test_a_build_with_no_change_does_not_plan(tmp_path, monkeypatch):
    root = copy_site(MINIMAL_SITE, tmp_path)
    first = build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    planned = _counting_plans(monkeypatch)

    again = build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    assert planned == [] and again.rendered == 0 and again.outputs == first.outputs and not again.changed

    # Later the same day, by the hour: still nothing (the build's time is the day).
    build(BuildOptions(root=root, clock=Clock(dt.datetime(2026, 11, 23, 18, 30, tzinfo=Clock.on(DAY).now.tzinfo)), jobs=1))
    assert planned == []

    # The next day the agenda names a new window: the plan is made again.
    next_day = build(BuildOptions(root=root, clock=Clock.on(DAY + dt.timedelta(days=1)), jobs=1))
    assert planned == [1] and next_day.changed

    # An edit: planned and rendered.
    page = root / "content" / "pages" / "even-vrij.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nNog een zin.\n", encoding="utf-8")
    edited = build(BuildOptions(root=root, clock=Clock.on(DAY + dt.timedelta(days=1)), jobs=1))
    assert planned == [1, 1] and "informatie/even-vrij/index.html" in edited.changed


def test_warnings_are_still_reported_and_pending_work_still_runs(tmp_path, monkeypatch):
    root = copy_site(MINIMAL_SITE, tmp_path)
    (root / "content" / "pages" / "even-vrij.md").rename(root / "content" / "pages" / "Even-Vrij.md")  # a warning
    first = build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    planned = _counting_plans(monkeypatch)
    again = build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    assert first.warnings and planned == [] and again.warnings == first.warnings

    import search.pagefind_index as pagefind_index

    marker = pagefind_index._pending_marker(pipeline.BuildContext(root=root.resolve(), clock=Clock.on(DAY), graph=None), (root / "public").resolve())
    marker.touch()  # the index after the last swap failed
    build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    assert planned == [1] and not marker.exists()


def test_clean_builds_always_plan(tmp_path, monkeypatch):
    root = copy_site(MINIMAL_SITE, tmp_path)
    build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1))
    planned = _counting_plans(monkeypatch)
    build(BuildOptions(root=root, clock=Clock.on(DAY), jobs=1, clean=True))
    assert planned == [1]
