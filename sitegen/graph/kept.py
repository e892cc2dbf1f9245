"""Memoised values kept between builds: right as long as what they read is unchanged.

Some derived values are costly and change rarely: an item's search document and the words
it adds to the search page's word list take a few milliseconds each, which at 10,000 items
is most of a small edit's build. ``SiteGraph.memo(..., keep=True)`` keeps such a value in
``.hulpwijzer/kept.pickle`` with what it read (``sitegen.graph.reads``, flattened), and the
next build takes it from there when those reads have the same values and its days have not
run out — the same rule as for outputs (``sitegen.build.fingerprint``).

The file belongs to one version of the code, site.yaml and the vocabularies (which every
value may read without recording it); any other version starts empty. Only values used in
the building process itself are saved (not those made in render workers), so parts compute
what they want kept while planning.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitegen.graph.reads import Reads, recording

VERSION = 2


@dataclass
class Kept:
    reads: Reads  # flattened: no groups
    digest: str  # of the reads' values when it was computed
    since: dt.date | None
    value: Any
    # Kept values it was made from (a document's words from the document): kept along with it.
    made_from: tuple[str, ...] = ()

    def valid_on(self, day: dt.date) -> bool:
        return self.reads.until is None or (self.since is not None and self.since <= day < self.reads.until)


class KeptValues:
    """The values kept by the last build, read from the file only when a value is first asked for
    (a build with nothing to do never reads them: at 10,000 items that is a 44 MB file)."""

    def __init__(self, path: Path | None, inputs: str):
        self.path = path
        self.inputs = inputs
        self.used: dict[str, Kept] = {}
        self._old: dict[str, Kept] | None = None

    @property
    def old(self) -> dict[str, Kept]:
        if self._old is None:
            self._old = self._load()
        return self._old

    def _load(self) -> dict[str, Kept]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            with self.path.open("rb") as handle:
                data = pickle.load(handle)
        except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError):
            return {}  # unreadable or from another version: start empty, it is only a cache
        if isinstance(data, dict) and data.get("version") == VERSION and data.get("inputs") == self.inputs:
            return data["values"]
        return {}

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as handle:
            pickle.dump({"version": VERSION, "inputs": self.inputs, "values": self.used}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, self.path)


def flatten(recorded: Reads, groups: dict[str, Reads], seen: set[str] | None = None) -> Reads:
    """One set of reads with the reads of its groups (and theirs) merged in (their names into ``seen``)."""
    flat = Reads(set(recorded.keys), set(recorded.queries), set(), recorded.until)
    todo = list(recorded.groups)
    seen = set() if seen is None else seen
    while todo:
        name = todo.pop()
        if name in seen or name not in groups:
            continue
        seen.add(name)
        group = groups[name]
        flat.keys |= group.keys
        flat.queries |= group.queries
        flat.add_until(group.until)
        todo.extend(group.groups)
    return flat


def values_digest(recorded: Reads, digests: dict[str, str], answer) -> str:
    """The values of flattened reads now: item digests and query answers (``answer(query)``)."""
    parts = [f"{key}={digests.get(key, '-')}" for key in sorted(recorded.keys)]
    parts += [f"{query!r}={answer(query)!r}" for query in sorted(recorded.queries, key=repr)]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=16).hexdigest()


def kept_value(graph, group: str, compute):
    """The kept value of memo ``group`` if it is still right, else ``compute()`` kept anew."""
    entry = graph.kept.old.get(group)
    if entry is None or not entry.valid_on(graph.day) or values_digest(entry.reads, graph.digests, graph.answer) != entry.digest:
        with recording() as recorded:
            value = compute()
        seen: set[str] = set()
        flat = flatten(recorded, graph.groups, seen)
        made_from = tuple(sorted(name for name in seen if name in graph.kept.used))
        entry = Kept(flat, values_digest(flat, graph.digests, graph.answer), graph.day if flat.until else None, value, made_from)
    _use(graph.kept, group, entry)
    graph.groups[group] = entry.reads
    return entry.value


def _use(kept_values: KeptValues, group: str, entry: Kept) -> None:
    """Keep ``entry`` for the next build, with the kept values it was made from (not asked for
    in this build when it was right, but still wanted by the next one if its own reads change)."""
    todo = [(group, entry)]
    while todo:
        name, found = todo.pop()
        if name in kept_values.used and kept_values.used[name] is found:
            continue
        kept_values.used.setdefault(name, found)
        todo.extend((other, kept_values.old[other]) for other in found.made_from if other not in kept_values.used and other in kept_values.old)
