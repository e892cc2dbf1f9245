"""Phone numbers, postcodes, times, dates, e-mail addresses and web addresses keep their own direction.

In right-to-left text the Unicode bidirectional algorithm reorders runs of digits that are
joined by spaces or hyphens: after Arabic letters "0800-0113" shows as "0113-0800" and
"0123 456 700" as "700 456 0123" (digits after Arabic letters count as Arabic numbers, and a
hyphen or space between two of those takes the direction of the paragraph). A person in crisis
dials what they see, so every such run is isolated as left-to-right, in every language (a Dutch
page quoting an Arabic name before a number has the same problem).

This is done once, on the finished output, not per template or field:

* ``isolate_html`` wraps each run in the text of an HTML page in ``<bdi dir="ltr">`` (the
  renderer calls it for every page it renders, the CMS preview included). Inside ``<title>``
  and ``<option>``, which cannot hold elements, it uses the Unicode isolates instead; script,
  style, textarea and code (a snippet to copy, left to right anyway) are left alone, and so are
  attributes.
* ``isolate_text`` puts the Unicode isolates U+2066 (left-to-right isolate) and U+2069 (pop
  directional isolate) around each run of a plain text (iCalendar, Atom). Feeds call it for
  right-to-left languages only: there the isolates change what a reader sees, while in a
  left-to-right text they would only be invisible characters in a copied number.
"""

from __future__ import annotations

import re

from sitegen import languages

LRI, PDI = "\u2066", "\u2069"

# What reads left to right whatever the text around it. A run of digits on its own needs nothing
# (the algorithm keeps its digits in order); groups joined by a space, hyphen or dash do: phone
# numbers, dates, time ranges.
_RUN = (
    # web address; in HTML it may hold &amp; but never runs into another entity (&#34;)
    r"(?:https?://|www\.)(?:[^\s<>\"'&]|&amp;|&(?![#\w]+;))*[^\s<>\"'&.,;:!?)\]]"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"  # e-mail address
    r"|(?<![\w&#])[1-9][0-9]{3}[ \u00a0]?[A-Z]{2}(?![\w])"  # Dutch postcode: 1234 AB
    r"|(?<![\w&#])\+?(?:\(\d+\)\s?)?\d+(?:(?:[ \u00a0./:]|\s?[-\u2010\u2011\u2013]\s?)(?:\(\d+\)\s?)?\d+)*(?![\w])"
    # ^ 0800-0113, 030 760 60 55, (0575) 123 456, +31612345678, 9.00 - 16.30, 2026-12-04
)
_TEXT_RUN = re.compile(_RUN)
# Groups joined only by a dot, colon or slash (9.00, 14:30, 4/12) stay in order by themselves:
# the algorithm keeps such a separator between two numbers with them. Left alone, so that pages
# do not fill up with markup that changes nothing.
_IN_ORDER = re.compile(r"\d+(?:[./:]\d+)*")

# What an HTML page is cut at: elements whose text must stay as it is, comments and tags. A run
# never holds '<', so it lies inside one piece of text between two of these. Jinja escapes '>' in
# the attribute values it fills in, so a tag ends at its first '>' on nearly every page; a page
# with a quoted '>' (a theme's literal attribute) is cut by the slower pattern that reads quotes.
_RAW = r"<(?:script|style|textarea|pre|code)\b{attrs}>.*?</(?:script|style|textarea|pre|code)\s*>"
_FAST_ATTRS = r"[^>]*"
_QUOTED_ATTRS = r"[^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*"
_MARKUP = re.compile("(" + _RAW.format(attrs=_FAST_ATTRS) + r"|<!--.*?-->|<[^>]*>)", re.S | re.I)
_MARKUP_QUOTED = re.compile("(" + _RAW.format(attrs=_QUOTED_ATTRS) + r"|<!--.*?-->|<" + _QUOTED_ATTRS + ">)", re.S | re.I)
_QUOTED_GT = re.compile(r"=\s*\"[^\"]*>|=\s*'[^']*>")
# Text without any of these holds no run: most text of a page, skipped without a search.
_MAYBE_RUN = re.compile(r"[0-9@]|www\.|://")
# Text that must not get <bdi>: the whole text of an element that is left to right already (a
# phone link with dir="ltr"), and the text of title and option, which cannot hold elements (it
# gets the Unicode isolates instead).
_LTR_OPEN = re.compile(r"<[a-z]+\b" + _QUOTED_ATTRS + r"\sdir=\"ltr\"", re.I)
_PLAIN_OPEN = re.compile(r"<(?:title|option)\b", re.I)


def isolate_text(text: str) -> str:
    """A plain text with each left-to-right run between U+2066 and U+2069."""
    return _TEXT_RUN.sub(lambda match: _wrap(match.group(0), LRI, PDI), text)


def isolate_text_in(text: str, lang: str) -> str:
    """``isolate_text`` for a text read in a right-to-left language; other texts as they are."""
    return isolate_text(text) if languages.direction(lang) == "rtl" else text


def _wrap(run: str, start: str, end: str) -> str:
    return run if _IN_ORDER.fullmatch(run) else start + run + end


def isolate_html(html: str) -> str:
    """An HTML page with each left-to-right run in its text isolated (see the module docstring)."""
    cut = _MARKUP_QUOTED if _QUOTED_GT.search(html) else _MARKUP
    pieces = cut.split(html)  # text, markup, text, markup, ..., text
    last = len(pieces) - 1
    for index in range(0, len(pieces), 2):
        text = pieces[index]
        if not text or not _MAYBE_RUN.search(text):
            continue
        before = pieces[index - 1] if index else ""
        if _PLAIN_OPEN.match(before):
            pieces[index] = isolate_text(text)
        elif index < last and pieces[index + 1].startswith("</") and _LTR_OPEN.match(before):
            continue
        else:
            pieces[index] = _TEXT_RUN.sub(_wrap_html, text)
    return "".join(pieces)


def _wrap_html(match: re.Match[str]) -> str:
    return _wrap(match.group(0), '<bdi dir="ltr">', "</bdi>")
