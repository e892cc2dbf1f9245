"""Moving a site's dates by whole weeks, so that a demo looks the same on any day.

The demo in content/ is dated around ``DEMO_DATED_AROUND``: some activities are past, most
are in the coming months, a few vacancies have expired. ``rebase_content`` shifts every date
in the front matter of every item (and the UNTIL of recurrence rules) by the same number of
weeks, so a copy of content/ rebased to today tells the same story today. Whole weeks keep
weekdays, so "every Wednesday" and "the third Tuesday" stay true. Bodies are not touched.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from sitegen.content.types import TYPES

DEMO_DATED_AROUND = dt.date(2026, 11, 23)  # the day content/ of this repository was written for

_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")
_UNTIL = re.compile(r"(UNTIL=)(\d{8})(?=T|;|\s|$|\"|')")


def weeks_between(reference: dt.date, day: dt.date) -> int:
    """Whole weeks that bring ``reference`` nearest to ``day`` (at most three days off)."""
    return round((day - reference).days / 7)


def shift_front_matter(text: str, days: int) -> str:
    """``text`` of a content file with every date in its front matter moved by ``days``."""
    if not text.startswith("---"):
        return text
    end = text.find("\n---", 3)
    if end < 0:
        return text
    head, rest = text[:end], text[end:]

    def date(match: re.Match) -> str:
        try:
            value = dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:  # not a real date: leave it for the validator to report
            return match[0]
        return (value + dt.timedelta(days=days)).isoformat()

    def until(match: re.Match) -> str:
        value = dt.datetime.strptime(match[2], "%Y%m%d").date() + dt.timedelta(days=days)
        return match[1] + value.strftime("%Y%m%d")

    return _UNTIL.sub(until, _DATE.sub(date, head)) + rest


def rebase_content(content: Path, reference: dt.date, day: dt.date) -> int:
    """Shift the dates of every item in ``content`` (a content/ folder) from ``reference`` to ``day``.

    Returns the shift in days (a multiple of seven)."""
    days = 7 * weeks_between(reference, day)
    if days == 0:
        return 0
    for folder in (t.folder for t in TYPES):
        for path in sorted((content / folder).glob("*.md")):
            text = path.read_text(encoding="utf-8")
            moved = shift_front_matter(text, days)
            if moved != text:
                path.write_text(moved, encoding="utf-8")
    return days
