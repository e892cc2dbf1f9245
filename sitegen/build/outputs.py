"""What a build writes: outputs.

Parts (``sitegen.build.parts``) plan outputs in their ``plan(ctx)`` hook; they do not
render them. Rendering happens later, in parallel, and only for outputs that are not up to
date: what an output depends on is recorded while it is planned and rendered
(``sitegen.build.fingerprint``), never declared here.

An output is a template with a context, or a function that returns the content. Give
either everything it shows that is decided while planning (the items of a listing page, the
counts of a filter menu): the context, or the function's arguments and the values it closes
over, are part of its plan.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Output:
    path: str  # file path inside public/, e.g. "vacatures/x/index.html"
    template: str | None = None  # a Jinja template ...
    lang: str = "nl"
    context: dict[str, Any] = field(default_factory=dict)
    render: Callable[[], bytes | str] | None = None  # ... or a function that returns the content
    indexable: bool = False  # a page that belongs in the sitemap (current, canonical, not a filter or page 2)

    def produce(self, renderer) -> bytes:
        if self.render is not None:
            content = self.render()
        else:
            assert self.template is not None, self.path
            content = renderer.render(self.template, self.lang, {"output": self, **self.context})
        return content.encode("utf-8") if isinstance(content, str) else content


def page_path(url: str) -> str:
    """'/vacatures/x/' -> 'vacatures/x/index.html'."""
    path = url.lstrip("/")
    if not path or path.endswith("/"):
        return path + "index.html"
    return path
