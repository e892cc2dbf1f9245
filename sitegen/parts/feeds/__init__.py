"""Feeds and open data: iCalendar, Atom, the HSDS export and the page /open-data/ that lists them.

Each format has its own module; ``generate`` (listed in GENERATOR_MODULES)
plans all their outputs.
"""

from __future__ import annotations

from typing import Iterable

from sitegen.parts.feeds import atom, hsds, ics, opendata
from sitegen.build.outputs import Output


def generate(graph, renderer) -> Iterable[Output]:
    yield from ics.generate(graph, renderer)
    yield from atom.generate(graph, renderer)
    yield from hsds.generate(graph, renderer)
    yield from opendata.generate(graph, renderer)
