"""Time: Europe/Amsterdam, recurrence, what is current on a given day."""

from __future__ import annotations

import datetime as dt
import functools
import types

from dateutil import rrule as dateutil_rrule
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rruleset, rrulestr

from sitegen.clock import TIMEZONE


def local(value: dt.datetime) -> dt.datetime:
    """Content times are wall-clock times in the Netherlands."""
    return value.replace(tzinfo=TIMEZONE) if value.tzinfo is None else value.astimezone(TIMEZONE)


def occurrences(activity, after: dt.datetime | None = None, limit: int = 50, before: dt.datetime | None = None) -> list[tuple[dt.datetime, dt.datetime]]:
    """(start, end) pairs in local time, in order; all of them, or those ending after ``after``
    (at most ``limit``, and only those starting before ``before`` when given)."""
    duration = activity.end - activity.start
    starts = _starts(activity, after - duration if after is not None else None, limit)
    found = [(local(start), local(start + duration)) for start in starts]
    if after is not None:
        found = [entry for entry in found if entry[1] > after]
    if before is not None:
        found = [entry for entry in found if entry[0] < before]
    return found


def _starts(activity, after: dt.datetime | None, limit: int) -> list[dt.datetime]:
    recurrence = activity.recurrence
    start = activity.start.replace(tzinfo=None)
    if recurrence is None:
        return [start] if after is None or start >= after.replace(tzinfo=None) else []
    rules = rruleset()
    if recurrence.rrule:
        rules.rrule(rrulestr(recurrence.rrule, dtstart=start))
    else:
        rules.rdate(start)
    for extra in recurrence.dates:
        rules.rdate(extra.replace(tzinfo=None))
    for excluded in recurrence.exdates:
        rules.exdate(excluded.replace(tzinfo=None))
    found: list[dt.datetime] = []
    iterator = iter(rules) if after is None else rules.xafter(after.replace(tzinfo=None), count=limit, inc=True)
    for value in iterator:
        found.append(value)
        if len(found) >= limit:
            break
    return found


def last_end(activity) -> dt.datetime | None:
    """When the last occurrence ends; None when the recurrence never ends."""
    recurrence = activity.recurrence
    duration = activity.end - activity.start
    if recurrence is None:
        return local(activity.end)
    if recurrence.rrule and "COUNT=" not in recurrence.rrule.upper() and "UNTIL=" not in recurrence.rrule.upper():
        return None
    starts = _starts(activity, None, 10_000)
    return local(max(starts) + duration) if starts else None


# A rule must give its first date within this many years of the activity's start (check).
FIRST_DATE_WITHIN_YEARS = 5


def first_rule_date(rule_text: str, start: dt.datetime, skip: frozenset[dt.datetime] = frozenset(), years: int = FIRST_DATE_WITHIN_YEARS):
    """The first date of an RRULE from ``start`` that is not in ``skip``, looking no further than ``years``
    years ahead; None when there is none. dateutil looks for a next date up to the year 9999 when a
    rule matches no day (BYMONTH=2;BYMONTHDAY=30), which takes seconds per rule and for ever with
    sub-daily rules; its own iteration is run here with the calendar ending at the window's last year."""
    rule = rrulestr(rule_text, dtstart=start)
    for value in _iteration_until(min(start.year + years, dt.MAXYEAR))(rule):
        if value not in skip:
            return value
    return None


def _iteration_until(last_year: int):
    # dateutil's rrule._iter stops when the year passes datetime.MAXYEAR; give it a datetime module
    # whose MAXYEAR is the window's end (tests/test_calendar.py checks that this still bounds it).
    module = types.SimpleNamespace(**{name: getattr(dt, name) for name in dir(dt) if not name.startswith("__")})
    module.MAXYEAR = last_year
    function = dateutil_rrule.rrule._iter
    namespace = dict(vars(dateutil_rrule), datetime=module)
    return types.FunctionType(function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__)


def start_of_day(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), TIMEZONE)


# Dates a card or search result carries, so that it can move on to the next date (or drop out)
# by itself between two daily builds (static/js/expiry.js, search.js).
CARRIED_DATES = 3


def stale_before(today: dt.date, months: int) -> dt.date:
    """Items last reviewed before this day are stale: ``months`` calendar months back (the site and the CMS)."""
    return today - relativedelta(months=months)


def first_day_from(moment: dt.datetime) -> dt.date:
    """The first build date whose start (midnight in the Netherlands) is at or after ``moment``."""
    day = local(moment).date()
    return day if start_of_day(day) >= moment else day + dt.timedelta(days=1)


@functools.lru_cache(maxsize=65536)
def stale_from(reviewed: dt.date, months: int) -> dt.date:
    """The first build date on which an item last reviewed on ``reviewed`` is stale (``stale_before``)."""
    day = reviewed + relativedelta(months=months)  # at or just before the answer (month ends clip)
    while not reviewed < stale_before(day, months):
        day += dt.timedelta(days=1)
    return day


def dst_changes(after: dt.date, count: int = 2) -> list[dt.date]:
    """The next days on which the Netherlands switches to or from summer time."""
    found, day = [], after
    while len(found) < count:
        start = dt.datetime.combine(day, dt.time(0, 0), TIMEZONE)
        if start.utcoffset() != (start + dt.timedelta(days=1)).astimezone(TIMEZONE).utcoffset():
            found.append(day)
        day += dt.timedelta(days=1)
    return found
