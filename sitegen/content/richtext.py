"""Markdown <-> the HTML of the CMS rich text editor (Draftail), without Django.

The CMS stores rich text as HTML limited to what its editor offers: headings
h2-h4, paragraphs, bulleted and numbered lists (nested), links, bold, italic,
line breaks and images with alt text. ``content/`` stores Markdown. This module
converts between the two:

* ``md_to_html`` renders CommonMark with markdown-it-py (the same parser the
  build uses), with raw HTML switched off.
* ``html_to_md`` writes one canonical Markdown form: ``-`` bullets, ``1.``
  numbers, ``**bold**``, ``*italic*``, ATX headings, blank lines between blocks
  and a backslash before every character Markdown would otherwise read as
  syntax. ``html_to_md(md_to_html(text)) == text`` for text in that form (a
  property test checks this).

Images and internal page links are the CMS's business (it stores them as ids):
callers pass ``image_src(attrs) -> (src, alt)`` and ``link_href(attrs) -> href``
to translate them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from markdown_it import MarkdownIt

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})

BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "hr", "div"}
VOID_TAGS = {"br", "hr", "img", "embed"}


def md_to_html(text: str) -> str:
    """CommonMark -> HTML for the rich text editor (h1 becomes h2, h5/h6 become h4)."""
    if not text.strip():
        return ""
    html = _md.render(text)
    html = re.sub(r"<(/?)h1>", r"<\1h2>", html)
    html = re.sub(r"<(/?)h[56]>", r"<\1h4>", html)
    return html.strip()


# ----------------------------------------------------------------------------- HTML -> a small tree


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Element | str] = field(default_factory=list)


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        element = _Element(tag, {k: (v or "") for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID_TAGS:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Element(tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _parse(html: str) -> _Element:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


# ----------------------------------------------------------------------------- tree -> Markdown

_INLINE_ESCAPE = re.compile(r"([\\`*_\[\]<>!])")
_ENTITY = re.compile(r"&(#?[A-Za-z0-9]+;)")


def _escape_text(text: str) -> str:
    text = _INLINE_ESCAPE.sub(r"\\\1", text)
    return _ENTITY.sub(r"\\&\1", text)


def _escape_line_start(line: str) -> str:
    """Escape what would start a heading, list, quote or rule at the start of a line."""
    stripped = line.lstrip(" ")
    line = stripped  # leading spaces would make an indented code block
    if re.match(r"#{1,6}(\s|$)", line):
        return "\\" + line
    if re.match(r"[-+*](\s|$)", line) or re.match(r"(-\s*){3,}$|(=+\s*)$", line):
        return "\\" + line
    number = re.match(r"(\d{1,9})([.)])(\s|$)", line)
    if number:
        return number.group(1) + "\\" + line[len(number.group(1)) :]
    return line


class _Writer:
    def __init__(self, image_src: Callable[[dict[str, str]], tuple[str, str] | None] | None, link_href: Callable[[dict[str, str]], str | None] | None) -> None:
        self.image_src = image_src
        self.link_href = link_href

    # -- inline

    def inline(self, nodes: list[_Element | str]) -> str:
        parts: list[str] = []
        for node in nodes:
            if isinstance(node, str):
                parts.append(_escape_text(re.sub(r"\s+", " ", node)))
                continue
            tag = node.tag
            if tag in ("b", "strong"):
                parts.append(self._wrap("**", self.inline(node.children)))
            elif tag in ("i", "em"):
                parts.append(self._wrap("*", self.inline(node.children)))
            elif tag == "br":
                parts.append("\\\n")
            elif tag == "a":
                parts.append(self._link(node))
            elif tag in ("img", "embed"):
                parts.append(self._image(node))
            elif tag == "code":
                parts.append(self._wrap("`", "".join(_text_of(node)).replace("`", "")))
            else:
                parts.append(self.inline(node.children))
        return "".join(parts)

    @staticmethod
    def _wrap(marker: str, text: str) -> str:
        # Emphasis must hug its text: move spaces outside the markers.
        if not text.strip():
            return text
        lead = text[: len(text) - len(text.lstrip(" "))]
        trail = text[len(text.rstrip(" ")) :]
        return f"{lead}{marker}{text.strip(' ')}{marker}{trail}"

    def _link(self, node: _Element) -> str:
        href = None
        if self.link_href is not None:
            href = self.link_href(node.attrs)
        if href is None:
            # markdown-it percent-encodes non-ASCII; write the link as the editor typed it.
            href = _md.normalizeLinkText(node.attrs.get("href", ""))
        text = self.inline(node.children)
        if not href:
            return text
        if re.search(r"[\s()<>]", href):
            href = "<" + href.replace("<", "%3C").replace(">", "%3E") + ">"
        return f"[{text}]({href})"

    def _image(self, node: _Element) -> str:
        found = self.image_src(node.attrs) if self.image_src is not None else None
        if found is None:
            if node.tag != "img":
                return ""
            found = (node.attrs.get("src", ""), node.attrs.get("alt", ""))
        src, alt = found
        if not src:
            return ""
        if re.search(r"[\s()<>]", src):
            src = "<" + src + ">"
        return f"![{_escape_text(alt)}]({src})"

    # -- blocks

    def blocks(self, nodes: list[_Element | str]) -> list[str]:
        out: list[str] = []
        pending: list[_Element | str] = []

        def flush() -> None:
            if pending:
                text = self.paragraph(pending)
                if text:
                    out.append(text)
                pending.clear()

        for node in nodes:
            if isinstance(node, str) or node.tag not in BLOCK_TAGS:
                pending.append(node)
                continue
            flush()
            tag = node.tag
            if tag == "p" or tag == "div":
                text = self.paragraph(node.children)
                if text:
                    out.append(text)
            elif tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                level = min(max(int(tag[1]), 2), 4)
                text = " ".join(self.inline(node.children).replace("\\\n", " ").split())
                if text:
                    out.append("#" * level + " " + text)
            elif tag in ("ul", "ol"):
                text = self.listing(node)
                if text:
                    out.append(text)
            elif tag == "blockquote":
                inner = self.blocks(node.children)
                if inner:
                    out.append("\n".join("> " + line if line else ">" for line in "\n\n".join(inner).split("\n")))
            elif tag == "pre":
                code = "".join(_text_of(node)).rstrip("\n")
                out.append("```\n" + code + "\n```")
            elif tag == "hr":
                out.append("---")
            elif tag == "li":
                out.extend(self.blocks(node.children))
        flush()
        return out

    def paragraph(self, nodes: list[_Element | str]) -> str:
        text = self.inline(nodes)
        lines = [line.strip(" ") for line in text.split("\n")]
        # A hard break at the very end of a paragraph means nothing in Markdown.
        while lines and lines[-1] in ("", "\\"):
            lines.pop()
        if lines and lines[-1].endswith("\\") and not lines[-1].endswith("\\\\"):
            lines[-1] = lines[-1][:-1].rstrip(" ")
        if not any(lines):
            return ""
        return "\n".join(_escape_line_start(line) for line in lines)

    def listing(self, node: _Element) -> str:
        ordered = node.tag == "ol"
        start = int(node.attrs.get("start") or 1) if ordered else 1
        items = [child for child in node.children if isinstance(child, _Element) and child.tag == "li"]
        lines: list[str] = []
        for number, item in enumerate(items, start):
            marker = f"{number}. " if ordered else "- "
            indent = " " * len(marker)
            inner = self.blocks(item.children)
            if not inner:
                inner = [""]
            paragraphs = sum(1 for c in item.children if isinstance(c, _Element) and c.tag == "p")
            text = ("\n\n" if paragraphs > 1 else "\n").join(inner)
            item_lines = text.split("\n")
            lines.append((marker + item_lines[0]).rstrip())
            lines.extend((indent + line) if line else "" for line in item_lines[1:])
        return "\n".join(lines)


def _text_of(node: _Element) -> list[str]:
    parts: list[str] = []
    for child in node.children:
        parts.extend([child] if isinstance(child, str) else _text_of(child))
    return parts


def html_to_md(
    html: str,
    image_src: Callable[[dict[str, str]], tuple[str, str] | None] | None = None,
    link_href: Callable[[dict[str, str]], str | None] | None = None,
) -> str:
    """Rich text HTML -> canonical Markdown (see the module docstring)."""
    if not html or not html.strip():
        return ""
    writer = _Writer(image_src, link_href)
    return "\n\n".join(writer.blocks(_parse(html).children)).strip("\n")


def normalise_html(html: str) -> str:
    """HTML with editor-only attributes and formatting whitespace removed, for comparisons."""
    html = re.sub(r'\s+data-block-key="[^"]*"', "", html)
    html = re.sub(r"\s+", " ", html.strip())
    html = re.sub(r"> <", "><", html)
    html = html.replace("<br/>", "<br>").replace("<br />", "<br>")
    html = re.sub(r"<(/?)strong>", r"<\1b>", html)
    html = re.sub(r"<(/?)em>", r"<\1i>", html)
    return html
