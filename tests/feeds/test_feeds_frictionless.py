"""The HSDS datapackage passes the reference tool of the Data Package standard (frictionless)."""

from __future__ import annotations

import datetime as dt
import json

from frictionless import validate


def test_datapackage_is_valid_for_frictionless(feeds_public):
    """The whole package: descriptor (``created`` is an RFC 3339 date-time), every table against
    its schema, primary keys and foreign keys between the tables."""
    descriptor = feeds_public / "open-data" / "hsds" / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    assert dt.datetime.fromisoformat(package["created"]).tzinfo is not None
    report = validate(str(descriptor))
    errors = [(task.name, error.type, error.note) for task in report.tasks for error in task.errors] + [(None, e.type, e.note) for e in report.errors]
    assert report.valid, errors[:10]
    assert len(report.tasks) == len(package["resources"]) >= 16
    stats = {task.name: task.stats for task in report.tasks}
    assert all(stat["warnings"] == 0 for stat in stats.values()), stats
    assert stats["organization"]["rows"] >= 1 and stats["service"]["rows"] >= 1  # the tables were read, not skipped
