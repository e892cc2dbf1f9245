"""Which gettext messages the theme and its page generators use (extracted with Babel)."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import extract_from_dir, extract_from_file

REPO = Path(__file__).resolve().parents[2]
THEME_TEMPLATES = REPO / "themes" / "default" / "templates"
# Templates in the default theme that other parts of Hulpwijzer own (with their own catalogs).
OTHERS = ("vacancies/", "search.html", "opendata.html", "partials/search-meta.html", "partials/structured-data.html", "partials/add-to-calendar.html")
PYTHON_MODULES = (
    *(REPO / "sitegen" / "parts" / name for name in ("pages.py", "page_info.py", "listings.py", "agenda.py")),
    REPO / "sitegen" / "content" / "types.py",
)
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None}


def theme_messages() -> set[str | tuple[str, str]]:
    """msgids (or (singular, plural) pairs) used by the theme's templates and page modules."""
    found: set = set()
    method_map = [("**.html", "jinja2")]
    options = {"**.html": {"extensions": "jinja2.ext.i18n", "trimmed": "false"}}
    for filename, _lineno, message, _comments, _context in extract_from_dir(
        str(THEME_TEMPLATES), method_map, options_map=options, keywords=KEYWORDS
    ):
        if any(filename.startswith(prefix) for prefix in OTHERS):
            continue
        found.add(message)
    for module in PYTHON_MODULES:
        for _lineno, message, _comments, _context in extract_from_file("python", str(module), keywords=KEYWORDS):
            found.add(message)
    return found
