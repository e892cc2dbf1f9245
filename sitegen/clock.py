"""The clock: the one input that says what time it is for a build, a check or a preview.

Nothing below an entry point reads the wall clock. The command line, the preview server and
the CMS make a ``Clock`` once (``Clock.system()`` or ``Clock.on(day)``) and pass it down, so
a build is a function of its content and its clock, and tests can build at any moment.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

TIMEZONE = ZoneInfo("Europe/Amsterdam")


@dataclass(frozen=True)
class Clock:
    now: dt.datetime  # timezone-aware

    def __post_init__(self) -> None:
        if self.now.tzinfo is None:
            raise ValueError("Clock needs a timezone-aware moment")

    @classmethod
    def system(cls) -> Clock:
        """The wall clock, read once, by an entry point."""
        return cls(dt.datetime.now(TIMEZONE))

    @classmethod
    def on(cls, day: dt.date) -> Clock:
        """The start of ``day`` in the Netherlands: a build "as of" that date."""
        return cls(dt.datetime.combine(day, dt.time(0, 0), TIMEZONE))

    @property
    def today(self) -> dt.date:
        """The build date: the calendar day in the Netherlands."""
        return self.now.astimezone(TIMEZONE).date()
