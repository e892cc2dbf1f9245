"""Feeds and open data: iCalendar, Atom, the HSDS export and the page /open-data/ that lists them.

Each format has its own module; ``plan`` (this part's hook) plans all their outputs.
"""

from __future__ import annotations

from typing import Iterable

from sitegen.parts.feeds import atom, hsds, ics, opendata
from sitegen.build.outputs import Output


def plan(ctx) -> Iterable[Output]:
    graph = ctx.graph
    yield from ics.generate(graph)
    yield from atom.generate(graph)
    yield from hsds.generate(graph)
    yield from opendata.generate(graph)
