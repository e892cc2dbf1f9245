"""Whether an output must be rendered again: what it was planned with, what it read, and when.

An output is up to date when three things hold (docs/architecture.md, "Incremental builds"):

1. its *plan* is the same: the template, language and context the planner gave it (or the
   arguments of its render function), plus what every output depends on (the generator's code,
   the theme, site.yaml, the vocabularies, the parts' per-build inputs);
2. what it *read* while it rendered, recorded by the graph (``sitegen.graph.reads``), is the
   same now: the same digests for the items it read, the same results for the queries it ran,
   the same for the memoised values it used (each a group with its own reads);
3. the build date lies in the days its reads are valid for (``since`` ≤ today < ``until``):
   time changes an output only on the day one of its reads says it does.

Nothing is declared by hand: a planner that forgets a dependency cannot exist.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from pydantic import BaseModel

from sitegen.build.outputs import Output
from sitegen.graph import reads as recorded
from sitegen.graph.node import Node
from sitegen.graph.queries import answer
from sitegen.graph.reads import Reads
from sitegen.graph.site_graph import SiteGraph


class Plans:
    """The plan digests of one build's outputs.

    Planners share big values between outputs (the choices of every widget configurator page,
    a listing's filter menu on each of its pages): a list, tuple or dict that is used more than
    once is written out once per build and stands as its digest after that."""

    SHARED_FROM = 8  # elements: smaller containers are cheaper written out than looked up

    def __init__(self, global_part: str):
        self.global_part = global_part
        self._shared: dict[int, tuple[Any, str]] = {}  # id -> (the value, kept alive; its digest)

    def digest(self, output: Output) -> str:
        parts: list[str] = [self.global_part, output.path, output.template or "", output.lang, "1" if output.indexable else "0"]
        if output.render is not None:
            self._callable(output.render, parts)
        self._plain(output.context, parts)
        return hashlib.blake2b("\x1f".join(parts).encode(), digest_size=16).hexdigest()

    def _callable(self, function: Callable, parts: list[str]) -> None:
        """A render function is planned with its arguments: defaults and the values it closes over."""
        parts.append(f"fn:{getattr(function, '__module__', '')}.{getattr(function, '__qualname__', type(function).__name__)}")
        self._plain(getattr(function, "__defaults__", None), parts)
        self._plain(getattr(function, "__kwdefaults__", None), parts)
        for cell in getattr(function, "__closure__", None) or ():
            self._plain(cell.cell_contents, parts)

    def _plain(self, value: Any, parts: list[str]) -> None:
        """A canonical text of planning data, without reading (and so recording) anything."""
        if value is None or isinstance(value, (str, int, float, bool)):
            parts.append(repr(value))
        elif isinstance(value, Node):
            parts.append(f"node:{value.key}@{value._digest}")
        elif isinstance(value, (list, tuple, dict)):
            if len(value) < self.SHARED_FROM:
                self._container(value, parts)
                return
            found = self._shared.get(id(value))
            if found is None or found[0] is not value:
                inner: list[str] = []
                self._container(value, inner)
                found = (value, hashlib.blake2b("\x1f".join(inner).encode(), digest_size=16).hexdigest())
                self._shared[id(value)] = found
            parts.append("#" + found[1])
        elif isinstance(value, (set, frozenset)):
            parts.append("set" + repr(sorted(repr(element) for element in value)))
        elif isinstance(value, (dt.date, dt.datetime, dt.time, dt.timedelta)):
            parts.append(repr(value))
        elif getattr(type(value), "build_wide", False):
            # The graph, the context, the renderer, the theme, or a table made from them alone: the
            # same for every output, and what they are made of is in the global part or recorded.
            parts.append(type(value).__qualname__)
        elif isinstance(value, BaseModel):
            parts.append(repr(value))
        elif is_dataclass(value):
            parts.append(type(value).__qualname__ + "(")
            for item in fields(value):
                self._plain(getattr(value, item.name), parts)
            parts.append(")")
        elif callable(value):
            self._callable(value, parts)
        else:
            text = repr(value)
            if " at 0x" in text:  # a default repr differs per process: the output would never be up to date
                raise TypeError(
                    f"{type(value).__qualname__} in the plan of an output has no stable form; give the planner plain data or mark the class build_wide"
                )
            parts.append(f"{type(value).__qualname__}:{text}")

    def _container(self, value, parts: list[str]) -> None:
        if isinstance(value, dict):
            parts.append("{")
            for name, element in value.items():
                self._plain(name, parts)
                self._plain(element, parts)
            parts.append("}")
        else:
            parts.append("[")
            for element in value:
                self._plain(element, parts)
            parts.append("]")


def plan_digest(output: Output, global_part: str) -> str:
    """One output's plan digest (``Plans`` does many, sharing what they share)."""
    return Plans(global_part).digest(output)


@dataclass
class Record:
    """What the build state keeps per output: enough to tell next time whether it is still right."""

    plan: str
    reads: Reads
    digest: str  # of the reads' values when it was rendered
    since: dt.date | None  # valid from this build date (None: time does not matter) ...
    until: dt.date | None  # ... until the day before this one (None: no end)

    @property
    def fingerprint(self) -> str:
        return f"{self.plan}:{self.digest}:{self.since}:{self.until}"

    def valid_on(self, day: dt.date) -> bool:
        return (self.since is None or self.since <= day) and (self.until is None or day < self.until)


class Reader:
    """The current values of recorded reads, against this build's content and a table of groups."""

    def __init__(self, graph: SiteGraph, digests: dict[str, str], groups: dict[str, Reads]):
        self.graph = graph
        self.digests = digests
        self.groups = groups
        self._queries: dict[tuple, str] = {}
        self._group_digests: dict[str, str] = {}
        self._group_until: dict[str, dt.date | None] = {}

    def digest(self, reads: Reads) -> str:
        parts = [f"{key}={self.digests.get(key, '-')}" for key in sorted(reads.keys)]
        parts += [f"{query!r}={self.query(query)}" for query in sorted(reads.queries, key=repr)]
        parts += [f"{name}={self.group(name)}" for name in sorted(reads.groups)]
        return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()

    def query(self, query: tuple) -> str:
        if query not in self._queries:
            with recorded.not_recording():
                self._queries[query] = repr(answer(self.graph, query))
        return self._queries[query]

    def group(self, name: str) -> str:
        if name not in self._group_digests:
            reads = self.groups.get(name)
            self._group_digests[name] = "missing" if reads is None else self.digest(reads)
        return self._group_digests[name]

    def until(self, reads: Reads) -> dt.date | None:
        """The first day on which what ``reads`` read, its groups included, may change by itself."""
        day = reads.until
        for name in reads.groups:
            other = self._until_of_group(name)
            if other is not None and (day is None or other < day):
                day = other
        return day

    def _until_of_group(self, name: str) -> dt.date | None:
        if name not in self._group_until:
            reads = self.groups.get(name)
            self._group_until[name] = None if reads is None else self.until(reads)
        return self._group_until[name]

    def record(self, plan: str, reads: Reads, today: dt.date) -> Record:
        until = self.until(reads)
        return Record(plan, reads, self.digest(reads), today if until is not None else None, until)

    def still_right(self, record: Record, plan: str, today: dt.date) -> bool:
        return record.plan == plan and record.valid_on(today) and self.digest(record.reads) == record.digest

    def referenced_groups(self, records) -> dict[str, Reads]:
        """The groups the records use, directly or through other groups (what the state keeps)."""
        kept: dict[str, Reads] = {}
        todo = [name for record in records for name in record.reads.groups]
        while todo:
            name = todo.pop()
            if name in kept or name not in self.groups:
                continue
            kept[name] = self.groups[name]
            todo.extend(self.groups[name].groups)
        return kept
