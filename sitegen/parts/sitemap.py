"""sitemap.xml, made from the whole plan: every output that says it is indexable, with the
addresses of its other languages (hreflang) and, for an item, the day it was last checked."""

from __future__ import annotations

from collections.abc import Iterable

from sitegen.build.context import BuildContext
from sitegen.build.outputs import Output


def plan_from(ctx: BuildContext, outputs: list[Output]) -> Iterable[Output]:
    base = ctx.site.base_url
    entries = []
    for output in outputs:
        page = output.context.get("page") if output.indexable else None
        if page is None:
            continue
        item = output.context.get("item")
        lastmod = item.data.last_reviewed.isoformat() if item is not None else None
        entries.append((page.url, lastmod, sorted(page.alternates.items())))
    entries.sort()

    def render() -> str:
        lines = [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
        ]
        for url, lastmod, alternates in entries:
            lines.append(f"  <url><loc>{_xml(base + url)}</loc>" + (f"<lastmod>{lastmod}</lastmod>" if lastmod else ""))
            for lang, other in alternates:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{lang}" href="{_xml(base + other)}"/>')
            lines.append("  </url>")
        lines.append("</urlset>")
        return "\n".join(lines) + "\n"

    yield Output("sitemap.xml", render=render)


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
