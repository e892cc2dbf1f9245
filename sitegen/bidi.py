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

# Walks an HTML page: elements whose text must stay as it is, elements that are left-to-right
# already (a phone link with dir="ltr" and only text in it), elements that can hold text only,
# comments and tags (with quoted attribute values, which may contain '>'), and runs in text.
_HTML = re.compile(
    r"(?P<raw><(?P<rawtag>script|style|textarea|pre|code)\b.*?</(?P=rawtag)\s*>"
    r"|<(?P<ltrtag>[a-z]+)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*\sdir=\"ltr\"(?:[^>\"']|\"[^\"]*\"|'[^']*')*>[^<]*</(?P=ltrtag)>)"
    r"|(?P<open><(?P<plaintag>title|option)\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)(?P<plain>.*?)(?P<close></(?P=plaintag)\s*>)"
    r"|(?P<tag><!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)"
    r"|(?P<run>(?-i:" + _RUN + "))",
    re.S | re.I,
)


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

    def replace(match: re.Match[str]) -> str:
        if match.group("run") is not None:
            return _wrap(match.group("run"), '<bdi dir="ltr">', "</bdi>")
        if match.group("open") is not None:
            return match.group("open") + isolate_text(match.group("plain")) + match.group("close")
        return match.group(0)

    return _HTML.sub(replace, html)
