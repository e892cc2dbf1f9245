"""Which languages the CMS offers: the site's own list in content/site.yaml, named by CLDR.

Django-free, because the settings read it before Django starts: WAGTAIL_CONTENT_LANGUAGES
is the languages of the site the CMS publishes to. A language added later in the CMS (site
settings) is usable at once for vocabularies and imports; Wagtail's locale screens list it
after the next restart, when the settings read the exported site.yaml again.
"""

from __future__ import annotations

from pathlib import Path

from sitegen.content import frontmatter
from sitegen.languages import is_known, language

# A CMS without a site.yaml yet (a fresh install) starts in Dutch, as the editors do.
WITHOUT_SITE = ("nl",)


def site_languages(site_root: Path) -> list[str]:
    """The codes in content/site.yaml ``languages`` (the first is the default), or WITHOUT_SITE."""
    path = Path(site_root) / "content" / "site.yaml"
    try:
        data = frontmatter.load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, ValueError):
        return list(WITHOUT_SITE)
    codes = [str(code) for code in data.get("languages") or [] if is_known(str(code))]
    return codes or list(WITHOUT_SITE)


def choices(codes) -> list[tuple[str, str]]:
    """(code, name in the language itself), as Django's LANGUAGES and Wagtail want them."""
    return [(code, language(code).name) for code in codes]
