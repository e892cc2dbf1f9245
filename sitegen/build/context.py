"""The build context: what one build knows, passed to every phase and part.

It holds the clock, the site graph (configuration, vocabularies, items), URL building for the
site's languages and the per-build caches, so nothing in a build lives in a module global.
A part (pages, listings, feeds, widget, search…) gets the context in each of its hooks
(``sitegen.build.parts``) and keeps what it computes for this build in ``memo``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sitegen import languages
from sitegen.clock import Clock

T = TypeVar("T")


@dataclass(eq=False)
class BuildContext:
    build_wide = True  # the same for every output (sitegen.build.fingerprint)
    root: Path
    clock: Clock
    graph: Any  # sitegen.graph.site_graph.SiteGraph
    renderer: Any = None  # sitegen.build.render.Renderer, once the theme is loaded
    # What the browser may use to search (set by the search part; None = static search only).
    browser_search: Any = None
    # Per-build decisions that change what outputs show but no content file covers, such as a
    # search key; part of every fingerprint.
    fingerprint_inputs: list[str] = field(default_factory=list)
    # Once rendered: the paths of the outputs of this build and of the published site (None: not
    # known, as in a clean build), for post-build steps that compare the two.
    planned: frozenset[str] | None = None
    published: frozenset[str] | None = None

    @property
    def site(self):
        return self.graph.site

    @property
    def today(self) -> dt.date:
        return self.clock.today

    @property
    def languages(self) -> list[str]:
        return self.graph.languages

    @property
    def default_lang(self) -> str:
        return self.graph.default_lang

    def url(self, lang: str, path: str = "/") -> str:
        """A site path in a language (see ``sitegen.languages.url``)."""
        return languages.url(lang, self.default_lang, path)

    def memo(self, name: str, key: Any, compute: Callable[[], T]) -> T:
        """``compute()`` once per build for (name, key): a part's per-build cache (kept with the graph,
        which is made anew for every build)."""
        return self.graph.memo(name, key, compute)
