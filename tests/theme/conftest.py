"""Fixtures of the theme tests: a small site built from tests/sites/minimal with extra items."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import MINIMAL_SITE, build_site, copy_site, rebase_site

EXTRA_ACTIVITY = """---
title: Wandelgroep {number}
summary: Samen wandelen met andere mantelzorgers, rustig tempo.
last_reviewed: 2026-10-01
needs: [emotionele-steun]
organiser: steunpunt
activity_type: lotgenotencontact
start: 2026-12-{day:02d} 10:00
end: 2026-12-{day:02d} 11:30
location:
  name: Parkingang
  place: {place}
---
"""


def add_activities(root: Path, count: int) -> None:
    """Enough activities for two listing pages (page size 20)."""
    folder = root / "content" / "activities"
    for number in range(1, count + 1):
        place = "testdorp" if number % 2 else "buitenhoek"
        (folder / f"wandelgroep-{number}.md").write_text(EXTRA_ACTIVITY.format(number=number, day=number % 28 + 1, place=place))


@pytest.fixture(scope="module")
def small_site(tmp_path_factory) -> Path:
    """The minimal site plus 22 activities, built into <root>/public."""
    root = copy_site(MINIMAL_SITE, tmp_path_factory.mktemp("small"))
    add_activities(root, 22)
    rebase_site(root)  # browsed now: built now
    build_site(root, out=root / "public", clean=True, today=None)
    return root / "public"
