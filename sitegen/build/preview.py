"""Render one item that is not (yet) in content/, exactly as the build would.

The CMS preview calls ``render_preview`` with the canonical text of the unsaved
page: the site is read as usual, the item replaces (or joins) the file with the
same key, and its detail page is rendered with the same planned ``Output`` the
build writes, so preview and published page are the same HTML.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.build.context import BuildContext
from sitegen.build.outputs import page_path
from sitegen.build.pipeline import plan_site
from sitegen.build.render import Theme
from sitegen.clock import Clock
from sitegen.content.parse import parse_item
from sitegen.content.read import load_site
from sitegen.graph.site_graph import build_graph
from sitegen.problems import ContentError


def render_preview(root: Path, key: str, text: str, clock: Clock) -> str:
    """HTML of the detail page of ``text`` as ``content/<key>`` at ``clock``; ContentError when it is not valid."""
    root = root.resolve()
    site = load_site(root, clock.today)
    entry = parse_item(key, text.encode("utf-8"), default_lang=site.graph.default_lang)
    if entry.item is None:
        raise ContentError(sorted(entry.problems))
    parsed = [other for other in site.parsed if other.key != key and other.item is not None] + [entry]
    graph, problems = build_graph(site.graph.site, site.graph.vocabularies, parsed, site.graph.day)
    errors = [problem for problem in problems if problem.severity == "error" and problem.path == "content/" + key]
    if errors:
        raise ContentError(sorted(errors))
    graph.site_digest, graph.vocab_digest = site.graph.site_digest, site.graph.vocab_digest
    node = graph.by_key[key]
    theme = Theme.load(root, graph.site.theme)
    ctx = BuildContext(root=root, clock=clock, graph=graph)
    outputs, _problems = plan_site(ctx, theme)
    wanted = page_path(node.url)
    for output in outputs:
        if output.path == wanted:
            return output.produce(ctx.renderer).decode("utf-8")
    raise LookupError(f"no page planned for {key}")  # pragma: no cover - every item has a detail page
