"""The graph's recorded queries answered again, and the names of memoised values.

A build records which collection lookups an output made (``sitegen.graph.reads``); the next
build asks them again here and compares the answers (``sitegen.build.fingerprint``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitegen.graph.site_graph import SiteGraph


def answer(graph: SiteGraph, query: tuple) -> Any:
    """A recorded query's result now, as item keys (``sitegen.build.fingerprint`` compares them)."""
    name, *args = query
    if name == "nodes":
        return [node.key for node in graph.members]
    if name == "node":
        return args[0] in graph.by_key
    if name == "items":
        return [node.key for node in graph.items(*args)]
    if name == "resolve":
        found = graph.resolve(*args)
        return found.key if found is not None else None
    node = graph.by_key.get(args[0])
    if node is None:
        return "gone"
    if name == "translations":
        return sorted((lang, other.key) for lang, other in graph.translations(node).items())
    if name == "referring":
        return [other.key for other in graph.referring(node, *args[1:])]
    raise ValueError(f"unknown query {query!r}")


def group_name(name: str, key: Any) -> str:
    """A memoised value's name in the build state (stable across builds and processes)."""
    return f"{name}:{_stable(key)!r}"


def _stable(key: Any) -> Any:
    # A set's order depends on the process's string hashing; sort it.
    if isinstance(key, (set, frozenset)):
        return tuple(sorted(_stable(k) for k in key))
    if isinstance(key, tuple):
        return tuple(_stable(k) for k in key)
    return key
