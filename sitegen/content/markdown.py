"""Markdown (CommonMark) to safe HTML, with checks editors can act on.

markdown-it-py renders CommonMark; raw HTML that an editor writes is allowed
only within a small safe set and is always passed through nh3 (Ammonia). HTML
that would be removed (scripts, event handlers, frames) is reported as an
error instead of being dropped silently, so nothing an editor wrote disappears
without them knowing.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import nh3
from markdown_it import MarkdownIt

from sitegen import urls

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "blockquote",
    "code",
    "pre",
    "img",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "abbr",
    "span",
    "sub",
    "sup",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang", "lang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "abbr": {"title"},
    "span": {"lang"},
    "th": {"scope"},
    "td": set(),
}
_DANGEROUS = re.compile(r"<\s*(script|style|iframe|object|embed|form|input|svg|math|link|meta|base)\b|\son\w+\s*=|javascript:|vbscript:|data:text", re.I)

_UNSAFE_LINK = re.compile(r"\]\(\s*<?\s*(javascript|vbscript|data):", re.I)

_md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})


@dataclass
class MarkdownIssue:
    line: int  # 0-based, relative to the start of the text
    message: str
    fix: str


@dataclass
class RenderedMarkdown:
    html: str
    issues: list[MarkdownIssue] = field(default_factory=list)
    links: list[tuple[int, str]] = field(default_factory=list)  # (line, href)
    text: str = ""  # plain text for search and summaries


def _walk(tokens, parent_line: int = 0):
    for token in tokens:
        line = token.map[0] if token.map else parent_line
        yield token, line
        if token.children:
            yield from _walk(token.children, line)


def inspect(text: str) -> RenderedMarkdown:
    """Check Markdown and collect its links and plain text, without rendering HTML."""
    if not text:
        return RenderedMarkdown(html="")
    result = RenderedMarkdown(html="")
    _check_tokens(_md.parse(text), result, None)
    return result


def render(text: str, link_resolver=None) -> RenderedMarkdown:
    """Render Markdown; ``link_resolver(href) -> href`` rewrites internal links."""
    if not text:
        return RenderedMarkdown(html="")
    tokens = _md.parse(text)
    result = RenderedMarkdown(html="")
    _check_tokens(tokens, result, link_resolver)
    html = _md.renderer.render(tokens, _md.options, {})
    result.html = clean_html(html)
    return result


def _check_tokens(tokens, result: RenderedMarkdown, link_resolver) -> None:
    words: list[str] = []
    for token, line in _walk(tokens):
        if token.type in ("html_block", "html_inline"):
            if _DANGEROUS.search(token.content):
                result.issues.append(
                    MarkdownIssue(
                        line,
                        "deze HTML-code is niet toegestaan (script, stijl, formulier of gebeurtenis)",
                        "haal de HTML-code weg; gebruik Markdown voor kopjes, lijsten en links",
                    )
                )
        elif token.type == "image":
            if not token.content.strip():
                result.issues.append(
                    MarkdownIssue(
                        line,
                        "afbeelding zonder alternatieve tekst",
                        "schrijf tussen de blokhaken wat er op de afbeelding staat: ![Twee mensen drinken koffie](…)",
                    )
                )
            src = token.attrGet("src") or ""
            if not urls.is_safe(src):
                result.issues.append(MarkdownIssue(line, "dit soort afbeeldingsadres is niet toegestaan", "gebruik een bestand uit content/media/"))
        elif token.type == "link_open":
            href = token.attrGet("href") or ""
            if not urls.is_safe(href):
                result.issues.append(MarkdownIssue(line, "dit soort link is niet toegestaan", "gebruik een https://-adres of een pad op deze site"))
            result.links.append((line, href))
            if link_resolver is not None:
                token.attrSet("href", link_resolver(href))
        elif token.type == "text" or token.type == "code_inline":
            words.append(token.content)
            if token.type == "text" and _UNSAFE_LINK.search(token.content):
                # markdown-it refuses such links and shows them as plain text; say so.
                result.issues.append(MarkdownIssue(line, "dit soort link is niet toegestaan", "gebruik een https://-adres of een pad op deze site"))
        elif token.type == "heading_open" and token.tag in ("h1", "h5", "h6"):
            # Pages have one h1 (the title); body headings start at h2.
            token.tag = "h2" if token.tag == "h1" else "h4"
        elif token.type == "heading_close" and token.tag in ("h1", "h5", "h6"):
            token.tag = "h2" if token.tag == "h1" else "h4"
    result.text = " ".join(" ".join(words).split())


def clean_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto", "tel"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


@functools.lru_cache(maxsize=8192)
def plain_text(text: str) -> str:
    """The words of a Markdown text (for search documents and summaries)."""
    return inspect(text).text
