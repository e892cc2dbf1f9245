"""The demo Hulpwijzer (content/ of the repository): all feeds and open data are valid."""

from __future__ import annotations

import json

import feedparser
import icalendar
import vobject
from feeds_conftest import REPO, hsds_schema_dir
from test_feeds_hsds import Schemas, validate_api
from test_feeds_jsonld import check_page, detail_pages


def test_demo_feeds_and_open_data_are_valid(demo_public):
    calendars = sorted(demo_public.rglob("*.ics"))
    assert calendars, "the demo has activities"
    for path in calendars:
        text = path.read_text(encoding="utf-8")
        icalendar.Calendar.from_ical(text)
        assert len(list(vobject.readComponents(text))) == 1, path
    atoms = sorted(demo_public.rglob("*.atom"))
    assert len(atoms) == 9
    for path in atoms:
        assert not feedparser.parse(path.read_bytes()).bozo, path
    counts = validate_api(demo_public, Schemas(hsds_schema_dir()))
    assert counts["services"] > 0 and counts["organizations"] > 0
    package = json.loads((demo_public / "open-data" / "hsds" / "datapackage.json").read_text(encoding="utf-8"))
    assert all((demo_public / "open-data" / "hsds" / r["path"]).is_file() for r in package["resources"])


def test_demo_detail_pages_have_json_ld(demo_public):
    checked = 0
    for node, path in detail_pages(REPO, demo_public):
        check_page(demo_public, node, path)
        checked += 1
    assert checked > 20
