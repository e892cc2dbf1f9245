"""Recorded reads: what an output (or a memoised value) read from the site graph while it was made.

This is how the build knows what an output depends on, instead of every planner declaring it
(as Lektor's ``ctx.record_dependency`` does). While an output renders, the graph notes into the
active ``Reads``:

* ``keys`` — items it read (any field of a node, its URL, slug or digest);
* ``queries`` — collection lookups and their arguments (``("items", "vacancy", "nl")``): the
  next build runs them again and compares only their *result* (which items, in which order),
  so adding a vacancy invalidates what lists vacancies, not what shows one;
* ``groups`` — memoised values it used (``SiteGraph.memo``): their own reads are recorded once,
  in the group, and shared by every output that used them;
* ``until`` — the first day on which what it read changes because time passes (an occurrence
  ends, a vacancy expires, an item turns stale); ``None`` when time does not matter.

Reads are per process and per build: the active recorder is a context variable, set only around
the work being recorded. Nothing is recorded when no recorder is active (reading content).
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

Query = tuple  # (method name, plain arguments...)


@dataclass
class Reads:
    keys: set[str] = field(default_factory=set)
    queries: set[Query] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    until: dt.date | None = None

    def add_until(self, day: dt.date | None) -> None:
        if day is not None and (self.until is None or day < self.until):
            self.until = day

    def merge(self, other: Reads, with_time: bool = True) -> None:
        self.keys |= other.keys
        self.queries |= other.queries
        self.groups |= other.groups
        if with_time:
            self.add_until(other.until)


_active: contextvars.ContextVar[Reads | None] = contextvars.ContextVar("hulpwijzer_reads", default=None)


@contextlib.contextmanager
def recording(with_time: bool = True) -> Iterator[Reads]:
    """Record what the code in the block reads; the reads are also added to an enclosing recorder
    (without their time horizon when ``with_time`` is false: the caller records a precise one)."""
    reads = Reads()
    outer = _active.get()
    token = _active.set(reads)
    try:
        yield reads
    finally:
        _active.reset(token)
        if outer is not None:
            outer.merge(reads, with_time)


@contextlib.contextmanager
def not_recording() -> Iterator[None]:
    """Work that is not part of any output (re-running a recorded query to compare its result)."""
    token = _active.set(None)
    try:
        yield
    finally:
        _active.reset(token)


def key(name: str) -> None:
    reads = _active.get()
    if reads is not None:
        reads.keys.add(name)


def query(*args) -> None:
    reads = _active.get()
    if reads is not None:
        reads.queries.add(args)


def group(name: str) -> None:
    reads = _active.get()
    if reads is not None:
        reads.groups.add(name)


def until(day: dt.date | None) -> None:
    reads = _active.get()
    if reads is not None:
        reads.add_until(day)
