"""What a build writes: outputs and their dependencies.

Parts (``sitegen.build.parts``) plan outputs in their ``plan(ctx)`` hook; they do not
render them. Rendering happens later, in parallel,
and only for outputs whose fingerprint changed (see ``sitegen.build.pipeline``).

Dependencies make incremental builds correct. ``deps`` must name every
content file whose content can change the output:

* a content key such as ``"vacancies/x.md"`` (path relative to ``content/``);
* ``"@type:vacancy"`` for all items of a type in every language (listings);
* ``"@all"`` for every content file.

Theme files, site.yaml, vocabularies, the generator's own code and the build
date are always dependencies of every output.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable


@dataclass
class Output:
    path: str  # file path inside public/, e.g. "vacatures/x/index.html"
    deps: frozenset[str] = field(default_factory=frozenset)
    template: str | None = None  # a Jinja template ...
    lang: str = "nl"
    context: dict[str, Any] = field(default_factory=dict)
    render: Callable[[], bytes | str] | None = None  # ... or a function that returns the content
    # Anything decided while planning that the output shows but no dependency covers, such as
    # the total number of items in a listing or the counts in a filter menu. Part of the fingerprint.
    signature: str = ""
    indexable: bool = False  # a page that belongs in the sitemap (current, canonical, not a filter or page 2)

    def produce(self, renderer) -> bytes:
        if self.render is not None:
            content = self.render()
        else:
            assert self.template is not None, self.path
            content = renderer.render(self.template, self.lang, {"output": self, **self.context})
        return content.encode("utf-8") if isinstance(content, str) else content


def signature_of(*parts: Any) -> str:
    """A stable text for planning-time data; nodes count by their key."""
    return json.dumps(parts, sort_keys=True, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if hasattr(value, "key") and hasattr(value, "digest"):
        return value.key
    if hasattr(value, "__dataclass_fields__"):
        return {name: getattr(value, name) for name in value.__dataclass_fields__}
    return str(value)


def listing_deps(graph, shown: Iterable[Any]) -> frozenset[str]:
    """What a list of cards depends on: the items shown and the items they name (organisations)."""
    from sitegen.graph.site_graph import ref_fields

    keys: set[str] = set()
    for node in shown:
        keys.add(node.key)
        for name, target_type in ref_fields(type(node.data)):
            target = graph.resolve(target_type, getattr(node.data, name), node.lang)
            if target is not None:
                keys.update(other.key for other in graph.translations(target).values())
    return frozenset(keys)


def page_path(url: str) -> str:
    """'/vacatures/x/' -> 'vacatures/x/index.html'."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path
