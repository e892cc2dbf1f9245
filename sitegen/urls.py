"""Which URLs may reach an ``href`` or ``src``: one allow-list, used by ``check`` and at render time.

A browser reads ``java\\tscript:``, `` JaVaScRiPt:`` and ``&#106;avascript:`` as the javascript
scheme: it drops tabs and newlines anywhere, control characters and spaces at both ends, ignores
case, and an attribute decodes character references. So the scheme is judged only after doing
the same, and only http, https, mailto and tel are let through; a value without a scheme is a
path on this site (or a fragment). A value with a control character in it is refused outright:
no editor types one, and it is how a link is made to look like something else (``….md``).
Markdown links and images are judged by the same function (sitegen/content/markdown.py).
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# Space and the C0 controls, which URL parsers strip from both ends.
_ENDS = "".join(chr(code) for code in range(0x21))


def _normalised(value: str) -> str:
    """The value as a browser sees it in an attribute: references decoded, tabs and newlines gone."""
    for _ in range(3):  # "&amp;#106;" decoded twice is still a reference: a value is never decoded more often than that
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    return _TAB_OR_NEWLINE.sub("", value).strip(_ENDS)


def has_control_character(value: str) -> bool:
    """Controls and invisible format characters (zero-width space, direction marks) count."""
    if value.isprintable():  # Cc and Cf are never printable: the common case, without a loop per character
        return False
    return any(unicodedata.category(char) in ("Cc", "Cf") for char in value)


def scheme_problem(value: str) -> str | None:
    """Why ``value`` may not be a link target; None when it may (an allowed scheme or none at all)."""
    # Percent-encoded too: markdown-it writes a tab in a link as %09 ("java%09script:" is harmless
    # in a browser, but no real address has a control character, and a later decoding step might).
    if any(has_control_character(form) for form in (value, html.unescape(value), unquote(html.unescape(value)))):
        return "er staat een onzichtbaar teken (zoals een tab) in het adres"
    match = _SCHEME.match(_normalised(value))
    if match is not None and match.group(1).lower() not in ALLOWED_SCHEMES:
        return f"een adres dat begint met '{match.group(1)}:' is niet toegestaan"
    return None


def is_safe(value: str) -> bool:
    return scheme_problem(value) is None


def safe_href(value: object) -> str:
    """The last wall, for templates (the ``url`` filter): a value that is not safe becomes '#'.

    ``check`` already refuses such values in content; this keeps a CMS preview of a draft, a
    custom theme or a future field from putting one in an attribute."""
    text = "" if value is None else str(value)
    return text if is_safe(text) else "#"


def check_url(value: str) -> str:
    """For content fields: an allowed scheme, or a path on this site (/…, #…, or a file ….md)."""
    problem = scheme_problem(value)
    if problem is not None:
        raise ValueError(f"{problem}: dit soort link is niet toegestaan; gebruik een https://-adres of een pad op deze site, zoals /informatie/")
    if _SCHEME.match(_normalised(value)) is None and not value.startswith(("/", "#")) and not value.endswith(".md"):
        raise ValueError("begin een adres met https:// of met / voor een pagina op deze site")
    return value


def check_site_path(value: str) -> str:
    """For menus and footer links: a path on this site, which gets the language prefix."""
    check_url(value)
    if not value.startswith("/") or value.startswith("//"):
        raise ValueError("dit moet een pad op deze site zijn; schrijf het als /informatie/ (zonder https:// en zonder taal)")
    return value


def check_media_path(value: str) -> str:
    """For images: a file in content/media/, written as media/name.png (whether it exists is checked with the site)."""
    path = value.removeprefix("/")
    if scheme_problem(value) is not None or not path.startswith("media/") or ".." in path.split("/") or "\\" in path:
        raise ValueError("dit moet een bestand in content/media/ zijn; schrijf het pad als media/naam.png")
    return value
