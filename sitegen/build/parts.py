"""The parts of a build and the hooks they offer.

A part is a module that offers some of these functions, all taking the ``BuildContext``:

* ``prepare(ctx) -> list[Problem]``: per-build decisions before planning (a search key);
* ``template_globals(ctx, lang) -> dict``: names its templates use;
* ``plan(ctx) -> Iterable[Output]``: what it writes (planned, not rendered);
* ``plan_from(ctx, outputs) -> Iterable[Output]``: outputs made from the whole plan (the sitemap);
* ``after_render(ctx, staging, changed, published)``: local work on the finished staging folder,
  before the swap (the Pagefind index); an exception fails the build and publishes nothing;
* ``after_publish(ctx, public, changed)``: talking to outside services once the new site is
  live (Meilisearch), so a build that calls itself atomic never changes the world before the swap.

Parts register as entry points in the group ``hulpwijzer.parts`` (pyproject.toml), so the core
of sitegen imports none of them. They run in the order of their entry-point names.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from types import ModuleType

GROUP = "hulpwijzer.parts"
_extra: list[ModuleType] = []  # parts a test adds for one build (see add_part)


def parts() -> list[ModuleType]:
    found = sorted(importlib.metadata.entry_points(group=GROUP), key=lambda point: point.name)
    if not found:
        raise RuntimeError("no Hulpwijzer parts installed: run 'pip install -e .' (scripts/setup.sh) again")
    return [importlib.import_module(point.value) for point in found] + list(_extra)


def hooks(name: str):
    """(part, function) for every part that offers hook ``name``."""
    for part in parts():
        function = getattr(part, name, None)
        if function is not None:
            yield part, function


def add_part(module: ModuleType) -> None:
    """Add a part that is not installed as an entry point (a test's, or a plugin under development)."""
    if module not in _extra:
        _extra.append(module)


def remove_part(module: ModuleType) -> None:
    _extra.remove(module)
